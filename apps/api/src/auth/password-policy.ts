import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import * as french from '@zxcvbn-ts/language-fr';
import { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH } from '@dunning/api-contract';

/**
 * The password policy (OWASP ASVS V2.1): 12 characters at least, at most 72 bytes (what bcrypt
 * reads), not in the bundled list of breached passwords (zxcvbn's common list, about 49,000 from
 * public breaches), and not guessable from English or French words, names, keyboard patterns or
 * the account's own email (zxcvbn score 3 of 4 at least). No composition rules (ASVS 2.1.9).
 */
export { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH };
const MIN_SCORE = 3;

const breached = new Set(common.dictionary.passwords);
zxcvbnOptions.setOptions({
  dictionary: { ...common.dictionary, ...english.dictionary, ...french.dictionary },
  graphs: common.adjacencyGraphs,
  translations: english.translations,
});

/** Why this password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string, personal: string[] = []): string | undefined {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `at least ${PASSWORD_MIN_LENGTH} characters`;
  if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES) return `at most ${PASSWORD_MAX_BYTES} bytes`;
  if (breached.has(password.toLowerCase())) return 'this password appears in lists of breached passwords';
  const words = personal.flatMap((value) => [value, ...value.split(/[@.\s_-]+/)]).filter((word) => word.length >= 4);
  const lower = password.toLowerCase();
  if (words.some((word) => lower.includes(word.toLowerCase()))) return 'must not contain your name or email';
  const result = zxcvbn(password, words);
  if (result.score < MIN_SCORE) {
    const hint = result.feedback.warning ? `: ${result.feedback.warning.toLowerCase().replace(/\.$/, '')}` : '';
    return `too easy to guess${hint} (add words, or use a passphrase)`;
  }
  return undefined;
}
