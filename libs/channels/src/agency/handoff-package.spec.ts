import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { decrypt, generateKey, readMessage, readPrivateKey } from 'openpgp';
import { sampleCaseFile } from '../testing/sample-case-file';
import { buildHandoffPackage, CASE_CSV_COLUMNS, decimalAmount } from './handoff-package';

const letter = { filename: 'letter-formal-notice.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.3 letter') };

describe('the handoff package', () => {
  it('zips a UTF-8 CSV (one row per invoice), the JSON dossier and the documents with their manifest', async () => {
    const pack = await buildHandoffPackage(sampleCaseFile(), [letter]);
    expect(pack).toMatchObject({ filename: 'HO-2026-000123.zip', contentType: 'application/zip' });
    const files = unzipSync(pack.content);
    expect(Object.keys(files).sort()).toEqual(['case.csv', 'case.json', 'documents/letter-formal-notice.pdf']);

    const csv = Buffer.from(files['case.csv']!).toString('utf8');
    expect(csv.startsWith('\ufeff')).toBe(true);
    const rows = parse(csv, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!)).toEqual([...CASE_CSV_COLUMNS]);
    expect(rows.map((r) => [r.invoice_number, r.outstanding_amount, r.fees_amount, r.debtor_legal_name, r.debtor_vat_id, r.promises_broken])).toEqual([
      ['F-2026-0312', '2000.00', '40.00', 'Boulangerie Éclair SAS', 'FR44732829320', '1'],
      ['F-2026-0377', '880.50', '40.00', 'Boulangerie Éclair SAS', 'FR44732829320', '1'],
    ]);

    const dossier = JSON.parse(Buffer.from(files['case.json']!).toString('utf8'));
    expect(dossier.documents).toEqual([
      {
        filename: 'documents/letter-formal-notice.pdf',
        kind: 'letter',
        contentType: 'application/pdf',
        size: letter.content.length,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
    expect(Buffer.from(files['documents/letter-formal-notice.pdf']!).equals(letter.content)).toBe(true);
  });

  it('writes no cell a spreadsheet would run as a formula (OWASP CSV injection)', async () => {
    const hostile = sampleCaseFile();
    hostile.debtor.legalName = '=HYPERLINK("http://evil.example","click")';
    hostile.debtor.address.lines = ['@SUM(1+1)', '+cmd|calc'];
    const csv = Buffer.from(unzipSync((await buildHandoffPackage(hostile, [])).content)['case.csv']!).toString('utf8');
    const [row] = parse(csv, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect([row!.debtor_legal_name, row!.debtor_address_line_1, row!.debtor_address_line_2]).toEqual(['\'=HYPERLINK("http://evil.example","click")', "'@SUM(1+1)", "'+cmd|calc"]);
    expect(row!.debtor_phone).toMatch(/^\+33/); // a phone number stays a phone number
  });

  it('packs the same case to the same bytes', async () => {
    const [a, b] = await Promise.all([buildHandoffPackage(sampleCaseFile(), [letter]), buildHandoffPackage(sampleCaseFile(), [letter])]);
    expect(a.sha256).toBe(b.sha256);
  });

  it('encrypts the package for an agency that gave an OpenPGP key; only its private key opens it', async () => {
    const { publicKey, privateKey } = await generateKey({
      type: 'ecc',
      curve: 'curve25519Legacy',
      userIDs: [{ name: 'Recouvra', email: 'cases@recouvra.example' }],
      format: 'armored',
    });
    const pack = await buildHandoffPackage(sampleCaseFile(), [letter], { pgpPublicKey: publicKey });
    expect(pack).toMatchObject({ filename: 'HO-2026-000123.zip.pgp', contentType: 'application/pgp-encrypted' });
    expect(() => unzipSync(pack.content)).toThrow();
    const { data } = await decrypt({
      message: await readMessage({ binaryMessage: pack.content }),
      decryptionKeys: await readPrivateKey({ armoredKey: privateKey }),
      format: 'binary',
    });
    expect(Object.keys(unzipSync(data as Uint8Array))).toContain('case.json');
  });

  it('writes amounts as exact decimals of the currency', () => {
    expect(decimalAmount(123456, 'EUR')).toBe('1234.56');
    expect(decimalAmount(5, 'EUR')).toBe('0.05');
    expect(decimalAmount(1500, 'JPY')).toBe('1500');
    expect(decimalAmount(-250, 'USD')).toBe('-2.50');
  });
});
