/**
 * Lettering codes (lettrage) matching the lines that settle each other in a customer account,
 * spreadsheet-column style: 1 → A, 26 → Z, 27 → AA, 28 → AB… (FEC field EcritureLet).
 */
export function letteringCode(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`n: a whole number from 1 (got ${n})`);
  let code = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) code = String.fromCharCode(65 + ((rest - 1) % 26)) + code;
  return code;
}
