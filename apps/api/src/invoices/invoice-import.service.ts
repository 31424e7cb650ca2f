import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { CustomersRepository, type Database, type DatabaseHandle, ImportBatchesRepository, type InvoiceRow, InvoicesRepository } from '@dunning/db';
import { ReceivablesService } from '@dunning/receivables';
import { DATABASE } from '../database/database.module';
import { WorkflowStarterService } from '../dunning/workflow-starter.service';
import { type ImportLineError, type ImportRow, type ImportedInvoice, checkColumns, parseCsv, parseXlsx, validateRow } from './invoice-import.parser';

const PROGRESS_EVERY = 500;
const WRITE_CHUNK = 1000;

/**
 * Invoice imports from CSV or XLSX, as a job: validation of every line (each problem with its line
 * and field), then everything written in one transaction or nothing. Idempotent on invoice
 * number: a line for an invoice already imported with the same values changes nothing.
 */
@Injectable()
export class InvoiceImportService {
  private readonly logger = new Logger('Import');
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    private readonly batches: ImportBatchesRepository,
    private readonly invoices: InvoicesRepository,
    private readonly customers: CustomersRepository,
    private readonly receivables: ReceivablesService,
    private readonly starter: WorkflowStarterService,
  ) {}

  async start(file: { originalname: string; buffer: Buffer }, userId?: string) {
    const format = file.originalname.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
    const rows = format === 'xlsx' ? await parseXlsx(file.buffer) : parseCsv(file.buffer);
    const batch = await this.batches.create({ fileName: file.originalname, format, totalRows: rows.length, createdBy: userId });
    const header = rows[0] ? Object.keys(rows[0].values) : [];
    const job = this.run(batch.id, rows, header).catch(async (error) => {
      this.logger.error(`import ${batch.id} failed: ${(error as Error).stack}`);
      await this.batches.finish(batch.id, { status: 'failed', errors: [{ line: 0, field: '(file)', message: 'the import failed; nothing was written' }] });
    });
    this.running.set(
      batch.id,
      job.finally(() => this.running.delete(batch.id)),
    );
    return batch;
  }

  /** Resolves when an import running in this process has finished (for callers that want to wait). */
  async settled(id: string): Promise<void> {
    await this.running.get(id);
  }

  async status(id: string) {
    const batch = await this.batches.find(id);
    if (!batch) throw new NotFoundException(`import ${id} not found`);
    return batch;
  }

  private async run(batchId: string, rows: ImportRow[], header: string[]): Promise<void> {
    const errors: ImportLineError[] = rows.length === 0 ? [{ line: 1, field: '(file)', message: 'no invoice lines' }] : checkColumns(rows, header);
    const valid: ImportedInvoice[] = [];
    const seen = new Map<string, number>();
    for (const [index, row] of rows.entries()) {
      const result = validateRow(row);
      errors.push(...result.errors);
      const number = row.values.invoice_number;
      if (number) {
        const first = seen.get(number);
        if (first !== undefined) errors.push({ line: row.line, field: 'invoice_number', message: `${number} is also on line ${first}` });
        else seen.set(number, row.line);
      }
      if (result.invoice) valid.push(result.invoice);
      if ((index + 1) % PROGRESS_EVERY === 0) await this.batches.progress(batchId, index + 1, 'validating');
    }

    // Invoices already in the database: identical lines are no-ops; different ones are refused.
    const existing = new Map<string, InvoiceRow>();
    for (let i = 0; i < valid.length; i += 1000) {
      for (const row of await this.invoices.findByNumbers(valid.slice(i, i + 1000).map((v) => v.invoiceNumber))) existing.set(row.number, row);
    }
    const customerIds = new Map((await this.customers.findByReferences([...new Set(valid.map((v) => v.customer.reference))])).map((c) => [c.reference, c.id]));
    const fresh: ImportedInvoice[] = [];
    for (const invoice of valid) {
      const current = existing.get(invoice.invoiceNumber);
      if (!current) {
        fresh.push(invoice);
        continue;
      }
      const differences = [
        current.amount !== invoice.amount && 'amount',
        current.currency !== invoice.currency && 'currency',
        current.issueDate !== invoice.issueDate && 'issue_date',
        current.dueDate !== invoice.dueDate && 'due_date',
        current.customerId !== customerIds.get(invoice.customer.reference) && 'customer_reference',
      ].filter(Boolean);
      if (differences.length > 0) {
        errors.push({ line: invoice.line, field: String(differences[0]), message: `invoice ${invoice.invoiceNumber} was already imported with another ${differences.join(', ')}` });
      }
    }
    if (errors.length > 0) {
      await this.batches.progress(batchId, rows.length);
      await this.batches.finish(batchId, { status: 'rejected', errors: errors.sort((a, b) => a.line - b.line) });
      return;
    }

    // Progress covers validation; the write is one transaction (PGlite allows no other writer
    // meanwhile), reported as "writing" until it commits.
    await this.batches.progress(batchId, rows.length, 'writing');
    const inserted = await this.database.db.transaction(async (tx) => {
      const db = tx as unknown as Database;
      // The customers in bulk (one row each, by reference): what the file carries, never erasing the rest.
      const distinct = new Map<string, ImportedInvoice['customer']>();
      for (const invoice of fresh)
        distinct.set(invoice.customer.reference, { ...(distinct.get(invoice.customer.reference) ?? invoice.customer), ...definedOnly(invoice.customer) });
      const customerIdByReference = await this.customers.upsertMany(
        [...distinct.values()].map(({ email, phone, ...customer }) => ({ customer, contact: email || phone ? { role: 'billing' as const, email, phone } : undefined })),
        db,
      );
      const standing = new Map((await this.customers.findByReferences([...distinct.keys()], db)).map((c) => [c.id, c]));
      let count = 0;
      for (let i = 0; i < fresh.length; i += WRITE_CHUNK) {
        const chunk = fresh.slice(i, i + WRITE_CHUNK);
        // Issued through the books: each invoice, its sales entry and its status on the customer's day.
        const rows = await this.receivables.issue(
          chunk.map((invoice) => {
            const customerId = customerIdByReference.get(invoice.customer.reference)!;
            const customer = standing.get(customerId)!;
            return {
              number: invoice.invoiceNumber,
              customerId,
              issueDate: invoice.issueDate,
              dueDate: invoice.dueDate,
              amount: invoice.amount,
              vatAmount: invoice.vatAmount,
              currency: invoice.currency,
              lateInterestRatePercent: invoice.lateInterestRatePercent,
              importBatchId: batchId,
              timeZone: customer.timeZone,
              customerType: customer.customerType,
            };
          }),
          db,
        );
        count += rows.length;
      }
      return count;
    });
    await this.batches.finish(batchId, { status: 'succeeded', inserted, unchanged: valid.length - inserted });
    // Workflows start after the commit; a crash before they all do is repaired at the next boot.
    void this.starter.startMissing().catch((error) => this.logger.error(`starting workflows after import ${batchId}: ${(error as Error).message}`));
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
