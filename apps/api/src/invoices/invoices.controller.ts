import { BadRequestException, Controller, Delete, Get, NotFoundException, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { z } from 'zod';
import { localToday } from '@dunning/domain';
import {
  createInvoiceBody,
  importAnswer,
  importFields,
  importJob,
  importMappingName,
  importPreview,
  importQuery,
  importTemplateQuery,
  type InvoiceExportQuery,
  type InvoiceListQuery,
  invoiceDetail,
  invoiceExportQuery,
  invoiceListQuery,
  invoicePage,
  savedImportMappings,
} from '@dunning/api-contract';
import { InvoicesRepository } from '@dunning/db';
import { CurrentPrincipal, type Principal, Roles } from '../common/auth.decorators';
import { IdParam, Returns, ValidBody, ValidParam, ValidQuery } from '../common/contract/contract.decorators';
import { templateCsv } from './import-columns';
import { ImportMappingsService } from './import-mappings.service';
import { InvoiceImportService, type PreparedImport } from './invoice-import.service';
import { InvoicesService } from './invoices.service';
import { withTermDescription } from './payment-term-findings';
import { invoicesCsv } from './invoice-export';

type ImportFields = z.infer<typeof importFields>;
type UploadedImport = { originalname: string; buffer: Buffer } | undefined;
const uploadLimits = { limits: { fileSize: 200 * 1024 * 1024 } };
const importForm = { contentType: 'multipart/form-data', files: ['file'] };
/** The most rows an export holds, read from the database a page at a time. */
const EXPORT_LIMIT = 100_000;
const EXPORT_PAGE = 2_000;
const parisToday = () => localToday(new Date(), 'Europe/Paris');

@Controller('api/invoices')
@Roles('credit_manager', 'collector')
export class InvoicesController {
  constructor(
    private readonly invoices: InvoicesRepository,
    private readonly imports: InvoiceImportService,
    private readonly service: InvoicesService,
    private readonly mappings: ImportMappingsService,
  ) {}

  @Post()
  @Roles('credit_manager')
  @Returns(invoiceDetail, {
    status: 201,
    errors: [404, 409],
    summary: 'Records one invoice with its accounting entry, and starts its dunning workflow',
    description:
      'An unknown customer answers 404 naming `customerId`; a number already taken 409 naming `number`. If the workflow cannot start, the invoice stays and the exceptions inbox says why. Without `dueDate`, the due date is computed from `paymentTerm`; a term beyond the legal ceilings (Code de commerce L441-10 I: 60 days from the invoice date, 45 days end of month; the sector derogations of the settings, L441-11) is recorded and answered in `termFindings`, never refused.',
  })
  create(@ValidBody(createInvoiceBody) body: z.infer<typeof createInvoiceBody>) {
    return this.service.create(body);
  }

  @Get()
  @Returns(invoicePage, { summary: 'Invoices with their customer’s name, oldest due first, filtered by status, customer, flow, step, balance and aging bucket' })
  async list(@ValidQuery(invoiceListQuery) query: InvoiceListQuery) {
    const { rows, total } = await this.invoices.list({ ...this.filterOf(query), offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
    return { items: rows, total, page: query.page, pageSize: query.pageSize };
  }

  /** Every invoice the list's filters match, as CSV (not one page: all of them, up to EXPORT_LIMIT). */
  @Get('export.csv')
  @Returns.file('text/csv', {
    summary: 'The invoices the list’s filters match, as CSV (all pages)',
    description: `The same filters as GET /api/invoices, without paging (at most ${EXPORT_LIMIT} rows). \`locale=fr\`: ";" between columns, decimal comma, French headers (as Excel reads CSV in France); \`en\` (default): "," and a decimal point. UTF-8 with a byte order mark; cells that a spreadsheet would run as a formula are neutralised.`,
  })
  async export(@ValidQuery(invoiceExportQuery) query: InvoiceExportQuery, @Res() response: Response) {
    const filter = this.filterOf(query);
    const rows: Awaited<ReturnType<InvoicesRepository['list']>>['rows'] = [];
    for (let offset = 0; offset < EXPORT_LIMIT; offset += EXPORT_PAGE) {
      const page = await this.invoices.list({ ...filter, offset, limit: Math.min(EXPORT_PAGE, EXPORT_LIMIT - offset) });
      rows.push(...page.rows);
      if (page.rows.length < EXPORT_PAGE) break;
    }
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${query.locale === 'fr' ? 'factures' : 'invoices'}-${parisToday()}.csv"`);
    response.send(invoicesCsv(rows, query.locale, parisToday()));
  }

  /** The repository's filter from the list's query; days overdue and buckets as French books count them, on the Paris date. */
  private filterOf(query: Omit<InvoiceListQuery, 'page' | 'pageSize'>) {
    const today = parisToday();
    return {
      status: query.status,
      customerId: query.customerId,
      flowId: query.flowId,
      overdue: query.overdueMin !== undefined || query.overdueMax !== undefined ? { min: query.overdueMin, max: query.overdueMax, today } : undefined,
      search: query.q || undefined,
      step: query.step,
      balance: query.balanceMin !== undefined || query.balanceMax !== undefined ? { min: query.balanceMin, max: query.balanceMax } : undefined,
      bucket: query.bucket ? { bucket: query.bucket, today } : undefined,
    };
  }

  @Post('import')
  @Roles('credit_manager')
  @Returns(importAnswer, {
    status: 202,
    errors: [422],
    summary: 'Imports invoices from a CSV or XLSX file (multipart field "file")',
    description: [
      'CSV in UTF-8 (with or without BOM), Windows-1252 or ISO-8859-1/15, with "," ";" or tab between columns; or an XLSX workbook (its first sheet). Dates as YYYY-MM-DD or dd/mm/yyyy, amounts as "1234.56" or "1 234,56 €".',
      'Columns are known by their usual French or English names ("N° facture", "Date d\'échéance", "Montant TTC", "Client", invoice_number…), by a mapping saved for the same header, or by the field "mapping" (JSON: {"<header>": "<field>" | null to ignore it}); "mappingName" applies a saved mapping by name, "saveMappingAs" saves the mapping used.',
      '- every column known: **202** and the import job (`ImportJob`; poll GET /api/imports/{id}, or send ?wait=true to answer once it has finished);',
      '- otherwise **200** and `ImportNeedsMapping` (`status: "needs_mapping"`, the columns with suggestions and samples, what is missing): nothing is imported; send the file again with "mapping";',
      '- a file that cannot be read (not text in a known encoding, a damaged XLSX, an unclosed quote): **422** `{ message, fileName, problems: [{ line?, field: "(file)", message }] }` naming the file and the line; nothing is written.',
    ].join('\n'),
  })
  @UseInterceptors(FileInterceptor('file', uploadLimits))
  async import(
    @UploadedFile() file: UploadedImport,
    @ValidBody(importFields, importForm) fields: ImportFields,
    @ValidQuery(importQuery) query: z.infer<typeof importQuery>,
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
    if (query.wait === 'true') await this.imports.settled(batch.id);
    return this.imports.status(batch.id);
  }

  @Post('import/preview')
  @Roles('credit_manager')
  @Returns(importPreview, {
    status: 200,
    errors: [422],
    summary: 'Reads a file and analyses its columns as an import would, without importing',
    description:
      '`status`: "ready" (it would import as it is, with `mapping`, and `flaggedInvoices`: the valid lines whose payment term goes beyond the legal ceilings, Code de commerce L441-10 I / L441-11) or "needs_mapping". A file that cannot be read answers 422 naming it.',
  })
  @UseInterceptors(FileInterceptor('file', uploadLimits))
  async preview(@UploadedFile() file: UploadedImport, @ValidBody(importFields, importForm) fields: ImportFields) {
    const prepared = await this.prepare(file, fields);
    const analysis = await this.imports.needsMapping(prepared);
    if (!prepared.resolution.complete) return { ...analysis, status: 'needs_mapping' as const, mapping: prepared.resolution.mapping };
    return { ...analysis, status: 'ready' as const, mapping: prepared.resolution.mapping, flaggedInvoices: await this.imports.flaggedPreview(prepared) };
  }

  @Get('import/template')
  @Returns.file('text/csv', {
    summary: 'A file to fill in and import',
    description: '`fr` as Excel writes CSV in France (";", "1 234,56", dd/mm/yyyy, French headers), `en` with the field names.',
  })
  template(@ValidQuery(importTemplateQuery) query: z.infer<typeof importTemplateQuery>, @Res({ passthrough: true }) response: { setHeader(name: string, value: string): unknown }) {
    // Set here rather than with @Header, which would also label a 400 (an unknown locale) as CSV.
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${query.locale === 'fr' ? 'modele-import-factures' : 'invoice-import-template'}.csv"`);
    return templateCsv(query.locale);
  }

  @Get('import/mappings')
  @Roles('credit_manager')
  @Returns(savedImportMappings, { summary: 'The saved column mappings (applied again to files with the same header)' })
  listMappings() {
    return this.mappings.list();
  }

  @Delete('import/mappings/:name')
  @Roles('credit_manager')
  @Returns(null, { status: 204, summary: 'Forgets a saved column mapping' })
  async deleteMapping(@ValidParam('name', importMappingName) name: string) {
    if (!(await this.mappings.remove(name)))
      throw new NotFoundException({ message: `name: no saved mapping named "${name}"`, problems: [{ field: 'name', message: 'no such saved mapping' }] });
  }

  private prepare(file: UploadedImport, fields: ImportFields): Promise<PreparedImport> {
    if (!file) throw new BadRequestException({ message: 'file: attach the CSV or XLSX file as the multipart field "file"', problems: [{ field: 'file', message: 'required' }] });
    return this.imports.prepare(file, { mapping: fields.mapping, mappingName: fields.mappingName });
  }

  @Get(':id')
  @Returns(invoiceDetail, { summary: 'One invoice as the books hold it, with its payment term in words and what the term breaks' })
  async get(@IdParam() id: string) {
    const found = await this.invoices.findById(id);
    if (!found) throw new NotFoundException(`invoice ${id} not found`);
    return withTermDescription(found);
  }
}

@Controller('api/imports')
@Roles('credit_manager')
export class ImportsController {
  constructor(private readonly imports: InvoiceImportService) {}

  @Get(':id')
  @Returns(importJob, { summary: 'An import job: its progress, then what it wrote or every problem found' })
  status(@IdParam() id: string) {
    return this.imports.status(id);
  }
}
