import { BadRequestException, Inject, Injectable, Logger, NotFoundException, Optional, UnprocessableEntityException } from '@nestjs/common';
import {
  CustomersRepository,
  type Database,
  type DatabaseHandle,
  ImportBatchesRepository,
  type InvoiceRow,
  InvoicesRepository,
  PaymentTermsRepository,
  SettingsRepository,
} from '@dunning/db';
import { ReceivablesService } from '@dunning/receivables';
import { DATABASE } from '../database/database.module';
import { WorkflowStarterService } from '../dunning/workflow-starter.service';
import { type ColumnMapping, IMPORT_FIELDS, type MappingResolution, REQUIRED_FIELDS, normalizeHeader, resolveMapping } from './import-columns';
import { ImportFileError, type ImportTable, readImportFile, yieldToEventLoop } from './import-file.reader';
import { ImportMappingsService } from './import-mappings.service';
import { SolvencyScoresService } from '../solvency/solvency-scores.service';
import { type ImportLineError, type ImportedInvoice, checkColumns, toRows, validateRow } from './invoice-import.parser';
import { derogationsFrom, samePaymentTerm, termFindingsFor } from './payment-term-findings';

const PROGRESS_EVERY = 500;
/** Lines validated between two turns of the event loop (about 10 ms of work). */
const VALIDATE_SLICE = 1000;
/** Invoice numbers looked up per query (one array parameter each). */
const LOOKUP_CHUNK = 10_000;

/** A file read, its columns resolved: ready to import when `resolution.complete`. */
export interface PreparedImport {
  fileName: string;
  table: ImportTable;
  resolution: MappingResolution;
}

/** What the API answers an upload whose columns it cannot all map: nothing imported; the user maps them and sends the file again. */
export interface NeedsMapping {
  status: 'needs_mapping';
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding?: string;
  separator?: string;
  totalRows: number;
  fingerprint: string;
  columns: MappingResolution['columns'];
  missing: MappingResolution['missing'];
  duplicates: MappingResolution['duplicates'];
  undecided: string[];
  /** Every field a column can be mapped to. */
  fields: Array<{ field: string; required: boolean }>;
  /** Saved mappings; `matches`: made for this very header. */
  savedMappings: Array<{ name: string; matches: boolean; savedAt: string }>;
  /** The saved mapping applied, if any. */
  savedMapping?: string;
}

/**
 * Invoice imports from CSV or XLSX, as a job: validation of every line (each problem with its line
 * and field), then everything written in one transaction or nothing. Idempotent on invoice
 * number: a line for an invoice already imported with the same values changes nothing.
 *
 * The file is read and its columns mapped when it is uploaded (a file that cannot be read is
 * refused then, naming it); the lines are validated and written in the background, in slices with
 * a turn of the event loop between them so that the API keeps answering meanwhile.
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
    @Optional() private readonly mappings?: ImportMappingsService,
    @Optional() private readonly scores?: SolvencyScoresService,
  ) {}

  /** Reads the file and maps its columns: the given mapping, else a saved one (named, or made for this header), else the usual names. */
  async prepare(file: { originalname: string; buffer: Buffer }, options: { mapping?: ColumnMapping; mappingName?: string } = {}): Promise<PreparedImport> {
    let table: ImportTable;
    try {
      table = await readImportFile(file);
    } catch (error) {
      throw error instanceof ImportFileError ? fileProblem(error) : error;
    }
    if (!table.header.some((h) => normalizeHeader(h))) throw fileProblem(new ImportFileError(file.originalname, 'is empty: the first line must name the columns', 1));
    const seen = new Map<string, number>();
    for (const [i, header] of table.header.entries()) {
      if (!normalizeHeader(header)) continue;
      if (seen.has(header)) throw fileProblem(new ImportFileError(file.originalname, `the column "${header}" appears twice (columns ${seen.get(header)} and ${i + 1})`, 1));
      seen.set(header, i + 1);
    }
    const unknown = Object.keys(options.mapping ?? {}).filter((h) => !seen.has(h));
    if (unknown.length > 0) {
      throw new BadRequestException({
        message: `mapping: ${unknown.map((h) => `"${h}"`).join(', ')} is not a column of ${file.originalname}`,
        problems: unknown.map((h) => ({ field: `mapping.${h}`, message: 'no such column in the file' })),
      });
    }
    const saved = this.mappings ? await this.mappings.find(table.header, options.mappingName) : undefined;
    if (options.mappingName && !saved)
      throw new BadRequestException({
        message: `mappingName: no saved mapping named "${options.mappingName}"`,
        problems: [{ field: 'mappingName', message: 'no such saved mapping' }],
      });
    const samples = table.rows.slice(0, 5).map((r) => r.cells);
    return { fileName: file.originalname, table, resolution: resolveMapping(table.header, samples, { explicit: options.mapping, saved }) };
  }

  /** What to show the user to map the columns of a prepared file. */
  async needsMapping(prepared: PreparedImport): Promise<NeedsMapping> {
    const { table, resolution } = prepared;
    const saved = this.mappings ? await this.mappings.list() : [];
    return {
      status: 'needs_mapping',
      fileName: prepared.fileName,
      format: table.format,
      encoding: table.encoding,
      separator: table.separator,
      totalRows: table.rows.length,
      fingerprint: resolution.fingerprint,
      columns: resolution.columns,
      missing: resolution.missing,
      duplicates: resolution.duplicates,
      undecided: resolution.undecided,
      fields: IMPORT_FIELDS.map((field) => ({ field, required: REQUIRED_FIELDS.includes(field) })),
      savedMappings: saved.map((m) => ({ name: m.name, matches: m.fingerprint === resolution.fingerprint, savedAt: m.savedAt })),
      savedMapping: resolution.savedMapping,
    };
  }

  /**
   * The valid lines of a prepared file whose term goes beyond the legal ceilings (L441-10 I, or the
   * sector's derogation, L441-11), as the import would flag them: for the preview, nothing written.
   */
  async flaggedPreview(prepared: PreparedImport): Promise<number> {
    const { table, resolution } = prepared;
    const invoices: ImportedInvoice[] = [];
    for (let from = 0; from < table.rows.length; from += VALIDATE_SLICE) {
      if (from > 0) await yieldToEventLoop();
      for (const row of toRows({ header: table.header, rows: table.rows.slice(from, from + VALIDATE_SLICE) }, resolution.mapping)) {
        const { invoice } = validateRow(row);
        if (invoice) invoices.push(invoice);
      }
    }
    const derogations = derogationsFrom(await new SettingsRepository(this.database.db).all());
    const sectors = new Map((await this.customers.findByReferences([...new Set(invoices.map((v) => v.customer.reference))])).map((c) => [c.reference, c.sector]));
    for (const invoice of invoices) if (invoice.customer.sector) sectors.set(invoice.customer.reference, invoice.customer.sector);
    return invoices.filter((invoice) => termFindingsFor(invoice, { sector: sectors.get(invoice.customer.reference), derogations }).length > 0).length;
  }

  /** Reads the file and starts the import; its columns must all be known (by their usual names, or a saved mapping). */
  async start(file: { originalname: string; buffer: Buffer }, userId?: string, options: { mapping?: ColumnMapping; mappingName?: string } = {}) {
    const prepared = await this.prepare(file, options);
    if (!prepared.resolution.complete) {
      throw new UnprocessableEntityException({ message: `${file.originalname}: map the columns first`, ...(await this.needsMapping(prepared)) });
    }
    return this.begin(prepared, userId);
  }

  /** Starts the import job of a prepared file whose mapping is complete. */
  async begin(prepared: PreparedImport, userId?: string) {
    const { table, resolution } = prepared;
    const batch = await this.batches.create({ fileName: prepared.fileName, format: table.format, totalRows: table.rows.length, createdBy: userId });
    const job = this.run(batch.id, table, resolution.mapping).catch(async (error) => {
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
    // Invoices imported with a term beyond the legal ceilings (L441-10 I, L441-11): imported all the same, counted here.
    const flaggedInvoices = batch.status === 'succeeded' ? await new PaymentTermsRepository(this.database.db).flaggedInBatch(id) : 0;
    return { ...batch, flaggedInvoices };
  }

  private async run(batchId: string, table: ImportTable, mapping: ColumnMapping): Promise<void> {
    const total = table.rows.length;
    const header = [...new Set(Object.values(mapping).filter((f) => f !== null))];
    const errors: ImportLineError[] = total === 0 ? [{ line: 1, field: '(file)', message: 'no invoice lines' }] : checkColumns([], header);
    const valid: ImportedInvoice[] = [];
    const seen = new Map<string, number>();
    for (let from = 0; from < total; from += VALIDATE_SLICE) {
      if (from > 0) await yieldToEventLoop();
      const rows = toRows({ header: table.header, rows: table.rows.slice(from, from + VALIDATE_SLICE) }, mapping);
      for (const [offset, row] of rows.entries()) {
        const index = from + offset;
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
    }

    // Invoices already in the database: identical lines are no-ops; different ones are refused.
    const existing = new Map<string, InvoiceRow>();
    for (let i = 0; i < valid.length; i += LOOKUP_CHUNK) {
      await yieldToEventLoop();
      for (const row of await this.invoices.findByNumbers(valid.slice(i, i + LOOKUP_CHUNK).map((v) => v.invoiceNumber))) existing.set(row.number, row);
    }
    const knownCustomers = await this.customers.findByReferences([...new Set(valid.map((v) => v.customer.reference))]);
    const customerIds = new Map(knownCustomers.map((c) => [c.reference, c.id]));
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
        invoice.paymentTerm !== undefined && !samePaymentTerm(current.paymentTerm, invoice.paymentTerm) && 'payment_term',
      ].filter(Boolean);
      if (differences.length > 0) {
        errors.push({ line: invoice.line, field: String(differences[0]), message: `invoice ${invoice.invoiceNumber} was already imported with another ${differences.join(', ')}` });
      }
    }
    if (errors.length > 0) {
      await this.batches.progress(batchId, total);
      await this.batches.finish(batchId, { status: 'rejected', errors: errors.sort((a, b) => a.line - b.line) });
      return;
    }

    // The terms beyond the legal ceilings (L441-10 I, or the sector's derogation, L441-11) are
    // flagged on the invoice, never refused. The customer's sector: the file's, else the stored one.
    const derogations = derogationsFrom(await new SettingsRepository(this.database.db).all());
    const sectors = new Map(knownCustomers.map((c) => [c.reference, c.sector]));
    for (const invoice of fresh) if (invoice.customer.sector) sectors.set(invoice.customer.reference, invoice.customer.sector);
    // An import repeats a few dates and terms over thousands of lines: each combination is judged once.
    const judged = new Map<string, ReturnType<typeof termFindingsFor>>();
    const findings = new Map(
      fresh.map((invoice) => {
        const sector = sectors.get(invoice.customer.reference);
        const key = `${invoice.issueDate}|${invoice.dueDate}|${sector ?? ''}|${invoice.paymentTerm ? JSON.stringify(invoice.paymentTerm) : ''}`;
        let found = judged.get(key);
        if (!found) judged.set(key, (found = termFindingsFor(invoice, { sector, derogations })));
        return [invoice, found];
      }),
    );

    // Progress covers validation; the write is one transaction (PGlite allows no other writer
    // meanwhile), reported as "writing" until it commits.
    await this.batches.progress(batchId, total, 'writing');
    const inserted = await this.database.db.transaction(async (tx) => {
      const db = tx as unknown as Database;
      // The customers in bulk (one row each, by reference): what the file carries, never erasing the rest.
      const distinct = new Map<string, ImportedInvoice['customer']>();
      for (const invoice of fresh)
        distinct.set(invoice.customer.reference, { ...(distinct.get(invoice.customer.reference) ?? invoice.customer), ...definedOnly(invoice.customer) });
      const customerIdByReference = await this.customers.upsertMany(
        [...distinct.values()].map(({ email, phone, riskScore: _score, ...customer }) => ({
          customer,
          contact: email || phone ? { role: 'billing' as const, email, phone } : undefined,
        })),
        db,
      );
      // The file's scores go through the scores service, the one writer of customers.risk_score (history, band, re-routes), in this transaction.
      await this.scores?.recordIn(
        db,
        [...distinct.values()]
          .filter((c) => c.riskScore !== undefined)
          .map((c) => ({
            customerId: customerIdByReference.get(c.reference)!,
            score: c.riskScore!,
            provider: 'import',
            source: 'import' as const,
            scoredAt: new Date(),
            onlyIfChanged: true,
          })),
      );
      const standing = new Map((await this.customers.findByReferences([...distinct.keys()], db)).map((c) => [c.id, c]));
      // Issued through the books: each invoice, its sales entry and its status on the customer's day.
      const count = await this.receivables.issueMany(
        fresh.map((invoice) => {
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
            paymentTerm: invoice.paymentTerm,
            receiptDate: invoice.receiptDate,
            termFindings: findings.get(invoice),
            supportingReference: invoice.supportingReference,
            importBatchId: batchId,
            timeZone: customer.timeZone,
            customerType: customer.customerType,
          };
        }),
        db,
      );
      return count;
    });
    await this.batches.finish(batchId, { status: 'succeeded', inserted, unchanged: valid.length - inserted });
    void this.scores?.flush(); // the re-routes a changed score queued
    // Workflows start after the commit; a crash before they all do is repaired at the next boot.
    void this.starter.startMissing().catch((error) => this.logger.error(`starting workflows after import ${batchId}: ${(error as Error).message}`));
  }
}

/** A file that cannot be read: 422, naming the file (and the line). */
export function fileProblem(error: ImportFileError): UnprocessableEntityException {
  return new UnprocessableEntityException({
    message: error.message,
    fileName: error.fileName,
    problems: [{ ...(error.line !== undefined ? { line: error.line } : {}), field: '(file)', message: error.message }],
  });
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
