/**
 * A text cell as a spreadsheet must not run it: a value starting with =, +, -, @, a tab or a carriage
 * return is read as a formula by Excel and LibreOffice (OWASP "CSV injection"), so it gets a leading
 * apostrophe, which they show as text. Plain numbers and phone numbers (+33612345678, -12.50) stay
 * as they are: they cannot carry a formula.
 */
export function spreadsheetSafe(value: string): string {
  if (!/^[=+\-@\t\r]/.test(value)) return value;
  if (/^[+-]?\d+(?:[.,]\d+)?$/.test(value)) return value;
  return `'${value}`;
}
