import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { zipSync } from 'fflate';
import { createMessage, encrypt, readKey } from 'openpgp';
import { decimalAmount, spreadsheetSafe } from '@dunning/domain';
import type { CaseFile } from './case-file';
import type { MessageFile } from '../message-channel';

export interface HandoffPackage {
  filename: string;
  contentType: string;
  content: Buffer;
  sha256: string;
}

/** The CSV's columns, one row per invoice: the fields every agency layout we know of asks for. */
export const CASE_CSV_COLUMNS = [
  'case_reference',
  'debtor_reference',
  'debtor_type',
  'debtor_legal_name',
  'debtor_registration_number',
  'debtor_vat_id',
  'debtor_address_line_1',
  'debtor_address_line_2',
  'debtor_postcode',
  'debtor_city',
  'debtor_country',
  'debtor_contact_name',
  'debtor_email',
  'debtor_phone',
  'invoice_number',
  'invoice_date',
  'due_date',
  'currency',
  'original_amount',
  'paid_amount',
  'credited_amount',
  'outstanding_amount',
  'fees_amount',
  'interest_amount',
  'fees_from',
  'disputed',
  'dispute_reason',
  'promises_broken',
  'reminders_sent',
  'last_contact_at',
] as const;

/** Minor units as the decimal agencies' spreadsheets expect (the domain's exact formatting). */
export { decimalAmount };

export function caseCsv(caseFile: CaseFile): string {
  const { debtor } = caseFile;
  const billing = debtor.contacts.find((c) => c.role === 'billing') ?? debtor.contacts[0];
  const lastContact =
    caseFile.contactHistory
      .map((c) => c.at)
      .sort()
      .at(-1) ?? '';
  const rows = caseFile.invoices.map((invoice) => {
    const amount = (minor: number) => decimalAmount(minor, invoice.currency);
    const row: Record<(typeof CASE_CSV_COLUMNS)[number], string> = {
      case_reference: caseFile.handoff.reference,
      debtor_reference: debtor.reference,
      debtor_type: debtor.type,
      debtor_legal_name: debtor.legalName,
      debtor_registration_number: debtor.registrationNumber ?? '',
      debtor_vat_id: debtor.vatId ?? '',
      debtor_address_line_1: debtor.address.lines[0] ?? '',
      debtor_address_line_2: debtor.address.lines.slice(1).join(', '),
      debtor_postcode: debtor.address.postcode ?? '',
      debtor_city: debtor.address.city ?? '',
      debtor_country: debtor.address.country,
      debtor_contact_name: billing?.name ?? '',
      debtor_email: billing?.email ?? '',
      debtor_phone: billing?.phone ?? '',
      invoice_number: invoice.number,
      invoice_date: invoice.issueDate,
      due_date: invoice.dueDate,
      currency: invoice.currency,
      original_amount: amount(invoice.originalAmount),
      paid_amount: amount(invoice.paid),
      credited_amount: amount(invoice.credited),
      outstanding_amount: amount(invoice.outstanding),
      fees_amount: amount(invoice.fees),
      interest_amount: amount(invoice.interest),
      fees_from: invoice.feesFrom,
      disputed: caseFile.dispute.open ? 'yes' : 'no',
      dispute_reason: caseFile.dispute.reason ?? '',
      promises_broken: String(caseFile.promises.filter((p) => p.status === 'broken').length),
      reminders_sent: String(caseFile.contactHistory.length),
      last_contact_at: lastContact,
    };
    return row;
  });
  // A BOM so that Excel, which many agencies open these in, reads UTF-8 (accents in names).
  // Every text cell spreadsheet-safe: a debtor's name or address could hold a formula.
  return '\ufeff' + stringify(rows, { header: true, columns: [...CASE_CSV_COLUMNS], record_delimiter: 'windows', cast: { string: spreadsheetSafe } });
}

/**
 * The package an agency receives: case.csv, case.json (the dossier) and the documents, zipped;
 * encrypted for the agency with OpenPGP when it gave a public key. Same input, same bytes.
 */
export async function buildHandoffPackage(caseFile: CaseFile, files: MessageFile[], options: { pgpPublicKey?: string } = {}): Promise<HandoffPackage> {
  const manifest = files.map((file) => ({
    filename: `documents/${file.filename}`,
    kind: file.contentType === 'application/pdf' ? (file.filename.startsWith('letter') ? 'letter' : 'invoice') : 'other',
    contentType: file.contentType,
    size: file.content.length,
    sha256: createHash('sha256').update(file.content).digest('hex'),
  }));
  const dossier: CaseFile = { ...caseFile, documents: manifest };
  // A fixed timestamp: zip entries otherwise carry the time they were packed (and zip dates start in 1980).
  const mtime = new Date(Math.max(Date.parse(caseFile.handoff.createdAt), Date.UTC(1980, 0, 2)));
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {
    'case.csv': [Buffer.from(caseCsv(dossier), 'utf8'), { mtime }],
    'case.json': [Buffer.from(JSON.stringify(dossier, null, 2), 'utf8'), { mtime }],
  };
  for (const file of files) entries[`documents/${file.filename}`] = [file.content, { mtime }];
  let content = Buffer.from(zipSync(entries, { level: 6 }));
  let filename = `${caseFile.handoff.reference}.zip`;
  let contentType = 'application/zip';
  if (options.pgpPublicKey) {
    const encryptionKeys = await readKey({ armoredKey: options.pgpPublicKey });
    const encrypted = await encrypt({ message: await createMessage({ binary: content }), encryptionKeys, format: 'binary' });
    content = Buffer.from(encrypted as Uint8Array);
    filename += '.pgp';
    contentType = 'application/pgp-encrypted';
  }
  return { filename, contentType, content, sha256: createHash('sha256').update(content).digest('hex') };
}
