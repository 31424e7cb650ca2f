import { BadRequestException, Body, Controller, NotFoundException, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { z } from 'zod';
import { RECEIVABLE_STATUSES, localToday } from '@dunning/domain';
import { InvoicesRepository } from '@dunning/db';
import { CurrentPrincipal, type Principal, Roles } from '../common/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';
import { InvoiceImportService } from './invoice-import.service';
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

@Controller('api/invoices')
@Roles('credit_manager', 'collector')
export class InvoicesController {
  constructor(
    private readonly invoices: InvoicesRepository,
    private readonly imports: InvoiceImportService,
    private readonly service: InvoicesService,
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

  /** Starts an import job (CSV or XLSX, multipart field "file"); poll GET /api/imports/:id. */
  @Post('import')
  @Roles('credit_manager')
  @HttpCode(202)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 200 * 1024 * 1024 } }))
  async import(@UploadedFile() file: { originalname: string; buffer: Buffer } | undefined, @Query('wait') wait: string | undefined, @CurrentPrincipal() principal: Principal) {
    if (!file) throw new BadRequestException({ message: 'file: attach the CSV or XLSX file as the multipart field "file"', problems: [{ field: 'file', message: 'required' }] });
    const batch = await this.imports.start(file, principal.userId);
    if (wait === 'true') await this.imports.settled(batch.id);
    return this.imports.status(batch.id);
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
