/** Every minus people type: ASCII, the true minus (−), dashes from word processors, full-width forms. */
const MINUS = /^[-\u2212\u2012\u2013\u2014\ufe63\uff0d]/;

/**
 * A number box's text as a number: "-5", "−5", "+3", "05", "2,5" (a decimal comma) when decimals are
 * allowed. An empty box or a lone sign is no number yet (not an error); anything else is invalid.
 */
export function parseNumberText(text: string, options: { int: boolean }): { value?: number; invalid?: true } {
  let rest = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  let sign = 1;
  if (MINUS.test(rest)) {
    sign = -1;
    rest = rest.slice(1);
  } else if (/^[+\uff0b]/.test(rest)) rest = rest.slice(1);
  if (rest === '') return {};
  const pattern = options.int ? /^\d+$/ : /^\d+(?:[.,]\d*)?$|^[.,]\d+$/;
  if (!pattern.test(rest)) return { invalid: true };
  const value = sign * Number(rest.replace(',', '.'));
  return Number.isFinite(value) ? { value: value === 0 ? 0 : value } : { invalid: true };
}
