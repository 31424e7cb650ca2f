import { decodeText, detectSeparator, readCsvTextSync } from './import-file.reader';
import { IMPORT_FIELDS, headerFingerprint, normalizeHeader, recognizeHeader, resolveMapping, suggestField, templateCsv } from './import-columns';
import { toRows, validateRow } from './invoice-import.parser';

describe('import columns', () => {
  it('recognises the usual French and English headers, case, accents and punctuation ignored', () => {
    const cases: Array<[string, string]> = [
      ['N° facture', 'invoice_number'],
      ['N° de facture', 'invoice_number'],
      ['NUMERO FACTURE', 'invoice_number'],
      ['Invoice #', 'invoice_number'],
      ['invoice_number', 'invoice_number'],
      ['Date facture', 'issue_date'],
      ["Date d'échéance", 'due_date'],
      ['date d’echeance', 'due_date'],
      ['Échéance', 'due_date'],
      ['Montant TTC', 'amount'],
      ['montant t.t.c.', 'amount'],
      ['Client', 'customer_name'],
      ['Raison sociale', 'customer_name'],
      ['Code client', 'customer_reference'],
      ['E-mail', 'customer_email'],
      ['Téléphone', 'customer_phone'],
      ['TVA', 'vat_amount'],
      ['Devise', 'currency'],
      ['SIREN', 'customer_legal_id'],
    ];
    for (const [header, field] of cases) expect([header, recognizeHeader(header)]).toEqual([header, field]);
    expect(recognizeHeader('Montant HT')).toBeUndefined();
    expect(normalizeHeader("  N° d'Échéance ")).toBe('n d echeance');
  });

  it('suggests a field for a header that is close to a usual name, never for an amount before tax', () => {
    expect(suggestField('amout')).toBe('amount');
    expect(suggestField("Date d'échéance facture")).toBe('due_date');
    expect(suggestField('Nom du client final')).toBe('customer_name');
    expect(suggestField('Montant HT')).toBeUndefined();
    expect(suggestField('Montant HT facture')).toBeUndefined();
    expect(suggestField('Commentaire')).toBeUndefined();
  });

  it('maps a French header automatically, and asks about the columns it does not know', () => {
    const header = ['N° facture', 'Date facture', "Date d'échéance", 'Montant TTC', 'Client', 'Commentaire', ''];
    const resolution = resolveMapping(header, [['F-1', '01/04/2026', '01/05/2026', '1 234,56', 'Martin', 'urgent', '']]);
    expect(resolution).toMatchObject({ complete: false, missing: [], undecided: ['Commentaire'], duplicates: [] });
    expect(resolution.columns[5]).toEqual({ header: 'Commentaire', index: 6, field: undefined, suggestion: null, samples: ['urgent'] });
    expect(resolution.columns[6]).toMatchObject({ header: '', field: null, source: 'empty' });
    const explicit = resolveMapping(header, [], { explicit: { Commentaire: null } });
    expect(explicit).toMatchObject({ complete: true, mapping: { 'N° facture': 'invoice_number', Commentaire: null, 'Montant TTC': 'amount' } });
  });

  it('leaves two columns of the same usual name to the user, and names the missing required fields', () => {
    const resolution = resolveMapping(['Facture', 'N° facture', 'Montant'], []);
    expect(resolution.undecided).toEqual(['Facture', 'N° facture']);
    expect(resolution.missing).toEqual(['invoice_number', 'issue_date', 'due_date', 'customer_name']);
    expect(resolution.columns[0]!.suggestion).toBe('invoice_number');
    const twice = resolveMapping(['Facture', 'N° facture'], [], { explicit: { Facture: 'invoice_number', 'N° facture': 'invoice_number' } });
    expect(twice.duplicates).toEqual([{ field: 'invoice_number', headers: ['Facture', 'N° facture'] }]);
    expect(twice.complete).toBe(false);
  });

  it('applies a saved mapping to a file with the same header in another order, case or accents', () => {
    const saved = {
      name: 'Export Sage',
      fingerprint: headerFingerprint(['Pièce', 'Tiers']),
      columns: { piece: 'invoice_number' as const, tiers: 'customer_reference' as const },
      savedAt: '2026-01-01',
    };
    expect(headerFingerprint(['TIERS', 'piece'])).toBe(saved.fingerprint);
    const resolution = resolveMapping(['TIERS', 'piece'], [], { saved });
    expect(resolution.mapping).toEqual({ TIERS: 'customer_reference', piece: 'invoice_number' });
    expect(resolution.savedMapping).toBe('Export Sage');
  });

  it('reads the template it hands out, in French and in English, as a complete import', () => {
    for (const locale of ['fr', 'en'] as const) {
      const { text, encoding } = decodeText('template.csv', Buffer.from(templateCsv(locale)));
      expect(encoding).toBe('UTF-8');
      const table = readCsvTextSync('template.csv', text, detectSeparator(text));
      expect(detectSeparator(text)).toBe(locale === 'fr' ? ';' : ',');
      const resolution = resolveMapping(table.header, []);
      expect([locale, resolution.complete, Object.values(resolution.mapping)]).toEqual([locale, true, [...IMPORT_FIELDS]]);
      const [row] = toRows(table, resolution.mapping);
      const { invoice, errors } = validateRow(row!);
      expect(errors).toEqual([]);
      expect(invoice).toMatchObject({ amount: 123456, vatAmount: 20576, issueDate: '2026-01-15', dueDate: '2026-02-14' });
    }
  });
});
