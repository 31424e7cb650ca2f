import { randomBytes } from 'node:crypto';

/** A body no schema describes: what an attacker or a broken client sends. */
export interface HostileBody {
  name: string;
  contentType: string;
  body: string | Buffer;
}

/** The same few for every route that takes a body: too big, too deep, not JSON, not the right type. */
export function hostileBodies(): HostileBody[] {
  return [
    { name: 'over the size limit', contentType: 'application/json', body: `{"x":"${'a'.repeat(6 * 1024 * 1024)}"}` },
    { name: 'nested 100,000 deep', contentType: 'application/json', body: '['.repeat(100_000) + ']'.repeat(100_000) },
    { name: 'binary', contentType: 'application/json', body: randomBytes(2048) },
    { name: 'broken JSON', contentType: 'application/json', body: '{"amount": 12' },
    { name: 'a JSON string', contentType: 'application/json', body: '"just a string"' },
    { name: 'a JSON array', contentType: 'application/json', body: '[1,2,3]' },
    { name: 'text/plain', contentType: 'text/plain', body: 'amount=1' },
    { name: 'form-encoded', contentType: 'application/x-www-form-urlencoded', body: 'amount=1&date=2020-01-01&__proto__[x]=1' },
    { name: 'an unknown charset', contentType: 'application/json; charset=klingon', body: '{}' },
    { name: 'prototype pollution', contentType: 'application/json', body: '{"__proto__":{"role":"admin"},"constructor":{"prototype":{"x":1}}}' },
  ];
}

/** Files for upload routes: unreadable, garbled, hostile, or just fine. */
export function hostileFiles(): Array<{ name: string; fileName: string; content: Buffer }> {
  return [
    { name: 'random bytes', fileName: 'invoices.csv', content: randomBytes(4096) },
    { name: 'a damaged workbook', fileName: 'invoices.xlsx', content: Buffer.concat([Buffer.from('PK\u0003\u0004'), randomBytes(512)]) },
    { name: 'an unclosed quote', fileName: 'invoices.csv', content: Buffer.from('invoice_number,issue_date\n"F-1,2026-01-01\n') },
    { name: 'an empty file', fileName: 'invoices.csv', content: Buffer.alloc(0) },
    {
      name: 'formula cells',
      fileName: 'invoices.csv',
      content: Buffer.from('invoice_number,issue_date,due_date,amount,customer_name\n=HYPERLINK("x"),2026-01-01,2026-02-01,@SUM(1),+cmd\n'),
    },
    { name: 'UTF-16 without a BOM', fileName: 'invoices.csv', content: Buffer.from('invoice_number;montant\n', 'utf16le') },
  ];
}

/** Path parameters that are no identifier at all. */
export const HOSTILE_PATH_VALUES = ['not-a-uuid', '0', '..%2F..%2Fetc%2Fpasswd', '%00', 'a'.repeat(300), "1' or '1'='1"];
