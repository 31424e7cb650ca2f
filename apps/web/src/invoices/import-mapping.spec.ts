import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS } from '@dunning/domain';
import { ApiError } from '../api/http';
import { en, fr } from '../i18n/messages';
import {
  IGNORE,
  type Choices,
  type ImportColumn,
  type NeedsMapping,
  buildMapping,
  checkChoices,
  fieldOptions,
  importForm,
  initialChoices,
  isNeedsMapping,
  savedMappingOptions,
  templateUrl,
  unreadableFile,
} from './import-mapping';

const fields: NeedsMapping['fields'] = IMPORT_FIELDS.map((field) => ({ field, required: (REQUIRED_IMPORT_FIELDS as readonly string[]).includes(field) }));

/** What the API answers for a Sage export with an amount column it does not know and a comment column. */
const columns: ImportColumn[] = [
  { header: 'N° facture', index: 1, field: 'invoice_number', source: 'recognized', suggestion: 'invoice_number', samples: ['F-1'] },
  { header: 'Date de facture', index: 2, field: 'issue_date', source: 'recognized', suggestion: 'issue_date', samples: ['15/01/2026'] },
  { header: "Date d'échéance", index: 3, field: 'due_date', source: 'recognized', suggestion: 'due_date', samples: ['14/02/2026'] },
  { header: 'Montant facturé TTC', index: 4, suggestion: 'amount', samples: ['1 234,56'] },
  { header: 'Client', index: 5, field: 'customer_name', source: 'recognized', suggestion: 'customer_name', samples: ['Crème Brûlée SARL'] },
  { header: 'Commentaire', index: 6, suggestion: null, samples: ['relancé'] },
  { header: '', index: 7, field: null, source: 'empty', suggestion: null, samples: [] },
];

describe('the column-mapping step of an import', () => {
  it('recognises the API’s needs_mapping answer', () => {
    expect(isNeedsMapping({ status: 'needs_mapping', columns })).toBe(true);
    expect(isNeedsMapping({ id: 'b', status: 'validating' })).toBe(false);
    expect(isNeedsMapping(undefined)).toBe(false);
  });

  it('starts from what the API decided, else its suggestion, else nothing chosen', () => {
    expect(initialChoices(columns)).toEqual({
      'N° facture': 'invoice_number',
      'Date de facture': 'issue_date',
      "Date d'échéance": 'due_date',
      'Montant facturé TTC': 'amount',
      Client: 'customer_name',
      Commentaire: '',
      '': IGNORE,
    });
  });

  it('holds the import back while a column is undecided, a required field is missing or a field is chosen twice', () => {
    const choices = initialChoices(columns);
    expect(checkChoices(columns, choices, fields)).toEqual({ missing: [], duplicates: [], undecided: ['Commentaire'], complete: false });
    expect(checkChoices(columns, { ...choices, 'Montant facturé TTC': IGNORE, Commentaire: IGNORE }, fields)).toEqual({
      missing: ['amount'],
      duplicates: [],
      undecided: [],
      complete: false,
    });
    expect(checkChoices(columns, { ...choices, Commentaire: 'customer_name' }, fields)).toEqual({
      missing: [],
      duplicates: [{ field: 'customer_name', headers: ['Client', 'Commentaire'] }],
      undecided: [],
      complete: false,
    });
    expect(checkChoices(columns, { ...choices, Commentaire: IGNORE }, fields).complete).toBe(true);
  });

  it('sends every column’s field, null for an ignored one, by the header as written in the file', () => {
    const choices: Choices = { ...initialChoices(columns), Commentaire: IGNORE };
    expect(buildMapping(columns, choices)).toEqual({
      'N° facture': 'invoice_number',
      'Date de facture': 'issue_date',
      "Date d'échéance": 'due_date',
      'Montant facturé TTC': 'amount',
      Client: 'customer_name',
      Commentaire: null,
      '': null,
    });
    // An undecided column is left out (the API then asks again).
    expect(buildMapping(columns, initialChoices(columns))).not.toHaveProperty('Commentaire');
  });

  it('sends the file again with its mapping and the name to save it under', async () => {
    const file = new Blob(['N° facture;Montant facturé TTC\n'], { type: 'text/csv' });
    const form = importForm(file, { fileName: 'sage.csv', mapping: { 'Montant facturé TTC': 'amount', Commentaire: null }, saveMappingAs: '  Export Sage ' });
    expect(JSON.parse(form.get('mapping') as string)).toEqual({ 'Montant facturé TTC': 'amount', Commentaire: null });
    expect(form.get('saveMappingAs')).toBe('Export Sage');
    expect(form.get('mappingName')).toBeNull();
    expect((form.get('file') as File).name).toBe('sage.csv');
    expect(await (form.get('file') as File).text()).toBe('N° facture;Montant facturé TTC\n');

    const plain = importForm(file, { fileName: 'sage.csv', saveMappingAs: '   ', mappingName: 'Export Sage' });
    expect([...plain.keys()].sort()).toEqual(['file', 'mappingName']);
  });

  it('offers every field, the required ones marked, then “ignore this column”', () => {
    const options = fieldOptions(fields, (field, required) => `${en.imports.fields[field]}${required ? ' *' : ''}`, en.imports.ignore);
    expect(options).toHaveLength(IMPORT_FIELDS.length + 1);
    expect(options[0]).toEqual({ value: 'invoice_number', label: 'Invoice number *' });
    expect(options.find((o) => o.value === 'vat_amount')).toEqual({ value: 'vat_amount', label: 'VAT amount' });
    expect(options.at(-1)).toEqual({ value: IGNORE, label: 'Ignore this column' });
  });

  it('lists the saved mappings made for these columns first', () => {
    const saved = [
      { name: 'Old', matches: false, savedAt: '2026-03-01T00:00:00Z' },
      { name: 'Sage', matches: true, savedAt: '2026-01-01T00:00:00Z' },
      { name: 'Newer', matches: false, savedAt: '2026-04-01T00:00:00Z' },
    ];
    expect(savedMappingOptions(saved, (name, matches) => (matches ? `${name} (these columns)` : name))).toEqual([
      { value: 'Sage', label: 'Sage (these columns)' },
      { value: 'Newer', label: 'Newer' },
      { value: 'Old', label: 'Old' },
    ]);
  });

  it('downloads the template in the UI’s language', () => {
    expect(templateUrl('fr')).toBe('/api/invoices/import/template?locale=fr');
    expect(templateUrl('fr-FR')).toBe('/api/invoices/import/template?locale=fr');
    expect(templateUrl('en')).toBe('/api/invoices/import/template?locale=en');
    expect(templateUrl('de')).toBe('/api/invoices/import/template?locale=en');
  });

  it('tells a file the API cannot read (422 naming it) from other refusals', () => {
    const refused = new ApiError(422, 'export.csv: line 3: a quoted field is never closed (a " opens a value that no " ends)', {
      message: 'export.csv: line 3: a quoted field is never closed (a " opens a value that no " ends)',
      fileName: 'export.csv',
      problems: [{ line: 3, field: '(file)', message: 'export.csv: line 3: a quoted field is never closed' }],
    });
    expect(unreadableFile(refused)).toEqual({ fileName: 'export.csv', line: 3, message: refused.message });
    const binary = new ApiError(422, 'x.xlsx: cannot be read as an XLSX workbook', { fileName: 'x.xlsx', problems: [{ field: '(file)', message: '…' }] });
    expect(unreadableFile(binary)).toEqual({ fileName: 'x.xlsx', message: 'x.xlsx: cannot be read as an XLSX workbook' });
    expect(unreadableFile(new ApiError(400, 'mapping: "X" is not a column of a.csv', { problems: [] }))).toBeUndefined();
    expect(unreadableFile(new Error('network'))).toBeUndefined();
  });

  it('names every field in both languages', () => {
    for (const messages of [en, fr]) for (const field of IMPORT_FIELDS) expect([field, messages.imports.fields[field]]).toEqual([field, expect.stringMatching(/\S/)]);
  });
});
