import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  NotFoundException,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { z } from 'zod';
import { RECEIVABLE_STATUSES, localToday } from '@dunning/domain';
import { InvoicesRepository } from '@dunning/db';
import { CurrentPrincipal, type Principal, Roles } from '../common/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';
import { IMPORT_FIELDS, templateCsv } from './import-columns';
import { ImportMappingsService } from './import-mappings.service';
import { InvoiceImportService, type PreparedImport } from './invoice-import.service';
import { InvoicesService, createInvoiceBody } from './invoices.service';

export const invoiceListQuery = z.object({
  status: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',') : undefined))
    .pipe(z.array(z.enum(RECEIVABLE_STATUSES)).optional()),
  customerId: z.string().uuid().optional(),
  flowId: z.string().uuid().optional(),
  overdueMin: z.coerce.number().int().optional(),
  overdueMax: z.coerce.number().int().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

/** The text fields sent with an import's file (multipart). */
export const importFields = z
  .object({
    /** JSON: {"<header as in the file>": "<field>" or null to ignore the column}. */
    mapping: z
      .string()
      .optional()
      .transform((text, context) => {
        if (!text) return undefined;
        try {
          return JSON.parse(text) as unknown;
        } catch {
          context.addIssue({ code: 'custom', message: 'is not JSON' });
          return z.NEVER;
        }
      })
      .pipe(z.record(z.string(), z.union([z.enum(IMPORT_FIELDS), z.literal('').transform(() => null), z.null()])).optional()),
    /** Apply this saved mapping (by name) instead of the one saved for the file's header. */
    mappingName: z.string().trim().min(1).max(80).optional(),
    /** Save the mapping used under this name: files with the same header get it next time. */
    saveMappingAs: z.string().trim().min(1).max(80).optional(),
  })
  .strip();
type ImportFields = z.infer<typeof importFields>;
type UploadedImport = { originalname: string; buffer: Buffer } | undefined;
const uploadLimits = { limits: { fileSize: 200 * 1024 * 1024 } };

@Controller('api/invoices')
@Roles('credit_manager', 'collector')
export class InvoicesController {
  constructor(
    private readonly invoices: InvoicesRepository,
    private readonly imports: InvoiceImportService,
    private readonly service: InvoicesService,
    private readonly mappings: ImportMappingsService,
  ) {}

  /** One invoice: recorded with its accounting entry, and its dunning workflow started. */
  @Post()
  @Roles('credit_manager')
  create(@Body(new ZodPipe(createInvoiceBody)) body: z.infer<typeof createInvoiceBody>) {
    return this.service.create(body);
  }

  @Get()
  async list(@Query(new ZodPipe(invoiceListQuery)) query: z.infer<typeof invoiceListQuery>) {
    // Days overdue as French books count them: on the Paris date.
    const today = localToday(new Date(), 'Europe/Paris');
    const { rows, total } = await this.invoices.list({
      status: query.status,
      customerId: query.customerId,
      flowId: query.flowId,
      overdue: query.overdueMin !== undefined || query.overdueMax !== undefined ? { min: query.overdueMin, max: query.overdueMax, today } : undefined,
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    });
    return { items: rows, total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * Imports invoices from a CSV (UTF-8 with or without BOM, Windows-1252 or ISO-8859-1/15; "," ";"
   * or tab between columns) or an XLSX workbook (its first sheet), multipart field "file". Dates as
   * YYYY-MM-DD or dd/mm/yyyy, amounts as "1234.56" or "1 234,56 €".
   *
   * Columns are known by their usual French or English names ("N° facture", "Date d'échéance",
   * "Montant TTC", "Client", invoice_number…), by a mapping saved for the same header, or by the
   * multipart field "mapping" (JSON: {"<header>": "<field>" | null to ignore it}); "mappingName"
   * applies a saved mapping by name, "saveMappingAs" saves the mapping used.
   *
   * - every column known: 202 and the import job (poll GET /api/imports/:id, or ?wait=true);
   * - otherwise 200 `{ status: "needs_mapping", columns: [{ header, field, suggestion, samples }],
   *   missing, duplicates, undecided, fields, savedMappings }`: nothing is imported; send the file
   *   again with "mapping" (suggestions are the likely choices);
   * - a file that cannot be read (not text in a known encoding, a damaged XLSX, an unclosed quote):
   *   422 `{ message, fileName, problems: [{ line?, field: "(file)", message }] }` naming the file
   *   and the line; nothing is written.
   */
  @Post('import')
  @Roles('credit_manager')
  @HttpCode(202)
  @UseInterceptors(FileInterceptor('file', uploadLimits))
  async import(
    @UploadedFile() file: UploadedImport,
    @Body(new ZodPipe(importFields)) fields: ImportFields,
    @Query('wait') wait: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: { status(code: number): unknown },
  ) {
    const prepared = await this.prepare(file, fields);
    if (!prepared.resolution.complete) {
      response.status(200);
      return this.imports.needsMapping(prepared);
    }
    if (fields.saveMappingAs) await this.mappings.save(fields.saveMappingAs, prepared.table.header, prepared.resolution.mapping, principal.userId);
    const batch = await this.imports.begin(prepared, principal.userId);
    if (wait === 'true') await this.imports.settled(batch.id);
    return this.imports.status(batch.id);
  }

  /** The same reading and column analysis as an import, without importing: always 200 (`status`: "ready" or "needs_mapping"). */
  @Post('import/preview')
  @Roles('credit_manager')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', uploadLimits))
  async preview(@UploadedFile() file: UploadedImport, @Body(new ZodPipe(importFields)) fields: ImportFields) {
    const prepared = await this.prepare(file, fields);
    const analysis = await this.imports.needsMapping(prepared);
    return { ...analysis, status: prepared.resolution.complete ? 'ready' : 'needs_mapping', mapping: prepared.resolution.mapping };
  }

  /** A file to fill in: `fr` as Excel writes CSV in France (";", "1 234,56", dd/mm/yyyy, French headers), `en` with the field names. */
  @Get('import/template')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  template(@Query('locale') locale: string | undefined, @Res({ passthrough: true }) response: { setHeader(name: string, value: string): unknown }) {
    const chosen = locale === 'en' ? 'en' : 'fr';
    response.setHeader('Content-Disposition', `attachment; filename="${chosen === 'fr' ? 'modele-import-factures' : 'invoice-import-template'}.csv"`);
    return templateCsv(chosen);
  }

  /** The saved column mappings (applied again to files with the same header). */
  @Get('import/mappings')
  @Roles('credit_manager')
  listMappings() {
    return this.mappings.list();
  }

  @Delete('import/mappings/:name')
  @Roles('credit_manager')
  @HttpCode(204)
  async deleteMapping(@Param('name') name: string) {
    if (!(await this.mappings.remove(name))) throw new NotFoundException(`no saved mapping named "${name}"`);
  }

  private prepare(file: UploadedImport, fields: ImportFields): Promise<PreparedImport> {
    if (!file) throw new BadRequestException({ message: 'file: attach the CSV or XLSX file as the multipart field "file"', problems: [{ field: 'file', message: 'required' }] });
    return this.imports.prepare(file, { mapping: fields.mapping, mappingName: fields.mappingName });
  }

  @Get(':id')
  async get(@Param('id', ParseUUIDPipe) id: string) {
    const invoice = await this.invoices.findById(id);
    if (!invoice) throw new NotFoundException(`invoice ${id} not found`);
    return invoice;
  }
}

@Controller('api/imports')
@Roles('credit_manager')
export class ImportsController {
  constructor(private readonly imports: InvoiceImportService) {}

  @Get(':id')
  status(@Param('id', ParseUUIDPipe) id: string) {
    return this.imports.status(id);
  }
}
