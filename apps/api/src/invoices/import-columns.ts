import { createHash } from 'node:crypto';
import { IMPORT_FIELDS, type ImportColumnSource, type ImportField, REQUIRED_IMPORT_FIELDS } from '@dunning/domain';

/**
 * Which column of a user's file is which field of an invoice line. Headers are recognised by their
 * usual French and English names, case, accents and punctuation ignored ("N° facture",
 * "Date d'échéance", "Montant TTC", "Client"…); what is not recognised the user maps, and the
 * mapping can be saved and is applied again to files with the same header.
 */

/** The fields a column can be mapped to, shared with the web app (libs/domain). */
export { IMPORT_FIELDS, type ImportField };

/**
 * The columns a file must have. Without a currency column every line is in EUR; without a
 * customer reference column a customer is known by its name.
 */
export const REQUIRED_FIELDS: readonly ImportField[] = REQUIRED_IMPORT_FIELDS;

/**
 * A required field another column can stand in for: without a due date column, the due date is
 * computed from the payment term (Code de commerce L441-10 I).
 */
export const STANDS_IN_FOR: Partial<Record<ImportField, ImportField>> = { due_date: 'payment_term' };

/** The required fields neither a column nor its stand-in gives. */
export function missingRequired(given: (field: ImportField) => boolean): ImportField[] {
  return REQUIRED_FIELDS.filter((field) => !given(field) && !(STANDS_IN_FOR[field] && given(STANDS_IN_FOR[field])));
}
export const DEFAULT_CURRENCY = 'EUR';

/** Each field's names in files, French then English (the first French and English names head the template). */
const NAMES: Record<ImportField, { fr: string[]; en: string[] }> = {
  invoice_number: {
    fr: [
      'N° facture',
      'numéro de facture',
      'numéro facture',
      'num facture',
      'no facture',
      'n facture',
      'n° de facture',
      'facture',
      'réf facture',
      'référence facture',
      'n° pièce',
      'numéro de pièce',
      'pièce',
    ],
    en: ['Invoice number', 'invoice no', 'invoice #', 'invoice', 'invoice id', 'invoice ref', 'invoice reference', 'document number', 'doc number'],
  },
  issue_date: {
    fr: ['Date de facture', 'date facture', 'date de facturation', "date d'émission", 'date émission', 'date de la facture', 'date pièce', 'date'],
    en: ['Issue date', 'invoice date', 'date issued', 'billing date', 'document date'],
  },
  due_date: {
    fr: ["Date d'échéance", 'date échéance', 'échéance', 'date limite de paiement', "date d'exigibilité"],
    en: ['Due date', 'payment due date', 'due', 'date due'],
  },
  amount: {
    fr: ['Montant TTC', 'montant', 'total TTC', 'TTC', 'montant total', 'montant total TTC', 'montant facture', 'net à payer'],
    en: ['Amount', 'total', 'amount incl tax', 'amount including tax', 'total amount', 'gross amount', 'invoice amount'],
  },
  vat_amount: {
    fr: ['Montant TVA', 'TVA', 'montant de la TVA', 'total TVA'],
    en: ['VAT amount', 'VAT', 'tax', 'tax amount'],
  },
  late_interest_rate: {
    fr: ['Taux de pénalités', 'taux pénalités', "taux d'intérêt de retard", 'taux intérêts de retard', 'pénalités de retard'],
    en: ['Late interest rate', 'interest rate', 'late fee rate'],
  },
  currency: { fr: ['Devise', 'monnaie'], en: ['Currency', 'ccy', 'currency code'] },
  customer_reference: {
    fr: ['Code client', 'réf client', 'référence client', 'numéro client', 'n° client', 'no client', 'compte client', 'code tiers', 'n° compte client'],
    en: ['Customer reference', 'customer ref', 'customer id', 'customer code', 'customer number', 'customer no', 'account number', 'client id'],
  },
  customer_name: {
    fr: ['Client', 'nom client', 'nom du client', 'raison sociale', 'société', 'débiteur', 'nom'],
    en: ['Customer name', 'customer', 'company', 'company name', 'name', 'debtor'],
  },
  customer_email: {
    fr: ['E-mail', 'courriel', 'adresse e-mail', 'adresse mail', 'e-mail client', 'mail client', 'mail'],
    en: ['Customer email', 'email', 'email address', 'e-mail address'],
  },
  customer_phone: {
    fr: ['Téléphone', 'tél', 'tel', 'téléphone client', 'portable', 'numéro de téléphone'],
    en: ['Customer phone', 'phone', 'phone number', 'mobile', 'telephone'],
  },
  customer_locale: { fr: ['Langue', 'langue client'], en: ['Customer locale', 'language', 'locale'] },
  customer_country: { fr: ['Pays', 'code pays'], en: ['Customer country', 'country', 'country code'] },
  customer_time_zone: { fr: ['Fuseau horaire', 'fuseau'], en: ['Customer time zone', 'time zone', 'timezone'] },
  customer_risk_score: { fr: ['Score de risque', 'note de risque', 'risque'], en: ['Customer risk score', 'risk score', 'risk'] },
  customer_segment: { fr: ['Segment', 'segment client', 'catégorie client'], en: ['Customer segment', 'segment'] },
  customer_legal_id: { fr: ['SIREN', 'SIRET', 'n° SIREN', 'n° SIRET', 'numéro SIREN', 'numéro SIRET'], en: ['Customer legal id', 'legal id', 'company id', 'registration number'] },
  customer_type: { fr: ['Type de client', 'type client'], en: ['Customer type', 'type'] },
  customer_address: { fr: ['Adresse', 'adresse client', 'adresse de facturation'], en: ['Customer address', 'address', 'billing address'] },
  // Payment terms (Code de commerce L441-10 I, L441-11): the agreed term, when the goods or the service were received, the customer's sector.
  customer_sector: { fr: ['Secteur', "secteur d'activité", 'secteur client', 'code NAF', 'code APE'], en: ['Customer sector', 'sector', 'industry', 'business sector'] },
  payment_term: {
    fr: ['Délai de paiement', 'conditions de paiement', 'condition de paiement', 'conditions de règlement', 'délai de règlement', 'mode de règlement', 'échéance convenue'],
    en: ['Payment terms', 'payment term', 'terms', 'terms of payment', 'credit terms'],
  },
  receipt_date: {
    fr: ['Date de réception', 'date de livraison', 'date livraison', 'date de prestation', "date d'exécution", 'date réception'],
    en: ['Receipt date', 'delivery date', 'date of delivery', 'date received', 'service date'],
  },
  supporting_reference: {
    fr: ['Bon de commande', 'référence commande', 'réf commande', 'n° commande', 'numéro de commande', 'n° de commande', 'commande', 'bon de livraison', 'devis'],
    en: ['Supporting reference', 'purchase order', 'PO', 'PO number', 'order number', 'order reference', 'order ref'],
  },
};

/** Headers that look like a field but are not it: an amount before tax is not the invoice's amount. */
const NOT_A_FIELD = new Set(['montant ht', 'total ht', 'ht', 'amount excl tax', 'net amount', 'montant hors taxes'].map((n) => normalizeHeader(n)));

/** A header as compared: lower case, no accents, punctuation as spaces ("N° d'échéance" → "n d echeance"). */
export function normalizeHeader(header: string): string {
  return (
    header
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      // Abbreviations written with dots ("T.T.C.", "H.T.") read as one word.
      .replace(/\b([a-z])\.(?=[a-z]\.?\b)/g, '$1')
      .replace(/[^a-z0-9#]+/g, ' ')
      .trim()
  );
}

const KNOWN = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) {
  for (const name of [field.replace(/_/g, ' '), ...NAMES[field].fr, ...NAMES[field].en]) KNOWN.set(normalizeHeader(name), field);
}

/** The field a header names, when it is one of the usual names; undefined otherwise. */
export function recognizeHeader(header: string): ImportField | undefined {
  const normalized = normalizeHeader(header);
  return KNOWN.get(normalized) ?? KNOWN.get(normalized.replace(/ #$/, ''));
}

/** A guess for a header that is no usual name (a typo, an extra word): the closest name's field, when close enough. */
export function suggestField(header: string): ImportField | undefined {
  const normalized = normalizeHeader(header);
  if (!normalized || NOT_A_FIELD.has(normalized) || normalized.split(' ').includes('ht')) return undefined;
  const recognized = recognizeHeader(header);
  if (recognized) return recognized;
  let best: { field: ImportField; score: number } | undefined;
  const words = new Set(normalized.split(' '));
  for (const [name, field] of KNOWN) {
    const distance = levenshtein(normalized, name);
    let score = 1 - distance / Math.max(normalized.length, name.length);
    // Every word of a (multi-letter) known name in the header: "date d echeance facture" → due_date.
    if (name.length >= 4 && name.split(' ').every((w) => words.has(w))) score = Math.max(score, 0.7 + name.length / 100);
    if (!best || score > best.score) best = { field, score };
  }
  return best && best.score >= 0.7 ? best.field : undefined;
}

function levenshtein(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** Identifies a header whatever its column order, case or accents: files exported the same way share it. */
export function headerFingerprint(header: readonly string[]): string {
  const names = header.map(normalizeHeader).filter(Boolean).sort();
  return createHash('sha256').update(names.join('\u0001')).digest('hex').slice(0, 16);
}

/** A column's field, or null: the column is ignored. By header as written in the file. */
export type ColumnMapping = Record<string, ImportField | null>;

/** A mapping saved by a user, applied again to files whose header has the same fingerprint. */
export interface SavedMapping {
  name: string;
  fingerprint: string;
  /** By normalized header. */
  columns: Record<string, ImportField | null>;
  savedAt: string;
}

export type ColumnSource = ImportColumnSource;

export interface ColumnReport {
  /** The header as written in the file. */
  header: string;
  /** 1-based. */
  index: number;
  /** The field the import reads this column as (null: ignored; undefined: undecided, the user must choose). */
  field: ImportField | null | undefined;
  source?: ColumnSource;
  /** Our guess, to pre-fill the user's choice. */
  suggestion: ImportField | null;
  /** The first values of the column, to help choose. */
  samples: string[];
}

export interface MappingResolution {
  columns: ColumnReport[];
  /** Complete: every column decided, every required field present, no field twice. */
  complete: boolean;
  mapping: ColumnMapping;
  /** Required fields no column gives. */
  missing: ImportField[];
  /** Fields that more than one column gives. */
  duplicates: Array<{ field: ImportField; headers: string[] }>;
  /** Columns nothing decides (not a usual name, not in the saved or given mapping). */
  undecided: string[];
  fingerprint: string;
  /** The saved mapping that was applied, by name. */
  savedMapping?: string;
}

/**
 * What each column is: the given mapping first, then a saved mapping for this header, then the usual
 * names. A column without a header is ignored. Two columns that both look like one field are left
 * for the user to choose.
 */
export function resolveMapping(header: readonly string[], samples: string[][], options: { explicit?: ColumnMapping; saved?: SavedMapping } = {}): MappingResolution {
  const fingerprint = headerFingerprint(header);
  const recognized = header.map((h) => recognizeHeader(h));
  const columns: ColumnReport[] = header.map((h, i) => {
    const base = {
      header: h,
      index: i + 1,
      suggestion: suggestField(h) ?? null,
      samples: samples
        .map((row) => row[i] ?? '')
        .filter(Boolean)
        .slice(0, 3),
    };
    if (options.explicit && h in options.explicit) return { ...base, field: options.explicit[h] ?? null, source: 'explicit' as const };
    const saved = options.saved?.columns[normalizeHeader(h)];
    if (saved !== undefined) return { ...base, field: saved, source: 'saved' as const };
    if (!normalizeHeader(h)) return { ...base, field: null, source: 'empty' as const };
    const field = recognized[i];
    // The same usual name twice ("Date", "Date facture"): neither is taken without the user.
    if (field && recognized.filter((f) => f === field).length === 1) return { ...base, field, source: 'recognized' as const };
    return { ...base, field: undefined };
  });
  const mapping: ColumnMapping = {};
  for (const column of columns) if (column.field !== undefined) mapping[column.header] = column.field;
  const given = new Map<ImportField, string[]>();
  for (const column of columns) if (column.field) given.set(column.field, [...(given.get(column.field) ?? []), column.header]);
  const duplicates = [...given].filter(([, headers]) => headers.length > 1).map(([field, headers]) => ({ field, headers }));
  const missing = missingRequired((field) => given.has(field));
  const undecided = columns.filter((c) => c.field === undefined).map((c) => c.header);
  const usedSaved = options.saved && columns.some((c) => c.source === 'saved') ? options.saved.name : undefined;
  return {
    columns,
    complete: missing.length === 0 && duplicates.length === 0 && undecided.length === 0,
    mapping,
    missing,
    duplicates,
    undecided,
    fingerprint,
    savedMapping: usedSaved,
  };
}

/** A template file to fill in: the French one as Excel in France writes CSV (";", "1 234,56", dd/mm/yyyy), with a BOM so Excel reads UTF-8. */
export function templateCsv(locale: 'fr' | 'en'): string {
  const example = (fr: Record<ImportField, string>, en: Record<ImportField, string>) => (locale === 'fr' ? fr : en);
  const header = IMPORT_FIELDS.map((field) => (locale === 'fr' ? NAMES[field].fr[0]! : field));
  const rows = [
    example(
      {
        invoice_number: 'F-2026-0001',
        issue_date: '15/01/2026',
        due_date: '14/02/2026',
        amount: '1 234,56',
        vat_amount: '205,76',
        late_interest_rate: '',
        currency: 'EUR',
        customer_reference: 'C-0001',
        customer_name: 'Crème Brûlée SARL',
        customer_email: 'compta@creme-brulee.example',
        customer_phone: '01 23 45 67 89',
        customer_locale: 'fr',
        customer_country: 'FR',
        customer_time_zone: 'Europe/Paris',
        customer_risk_score: '5',
        customer_segment: 'PME',
        customer_legal_id: '123456789',
        customer_type: 'company',
        customer_address: '12 rue de la Paix|75002 Paris',
        customer_sector: '',
        payment_term: '30 jours date de facture',
        receipt_date: '15/01/2026',
        supporting_reference: 'BC-2026-118',
      },
      {
        invoice_number: 'INV-2026-0001',
        issue_date: '2026-01-15',
        due_date: '2026-02-14',
        amount: '1234.56',
        vat_amount: '205.76',
        late_interest_rate: '',
        currency: 'EUR',
        customer_reference: 'C-0001',
        customer_name: 'Acme Ltd',
        customer_email: 'accounts@acme.example',
        customer_phone: '+44 20 7946 0958',
        customer_locale: 'en',
        customer_country: 'GB',
        customer_time_zone: 'Europe/London',
        customer_risk_score: '5',
        customer_segment: 'SME',
        customer_legal_id: '01234567',
        customer_type: 'company',
        customer_address: '1 High Street|London EC1A 1AA',
        customer_sector: '',
        payment_term: 'net 30',
        receipt_date: '2026-01-15',
        supporting_reference: 'PO-4471',
      },
    ),
  ];
  const separator = locale === 'fr' ? ';' : ',';
  const quote = (cell: string) => (/[";,\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const lines = [header, ...rows.map((row) => IMPORT_FIELDS.map((field) => row[field]))].map((cells) => cells.map(quote).join(separator));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
