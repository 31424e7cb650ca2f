import { AGING_BUCKETS, CALL_OUTCOMES, EXCEPTION_KINDS, RECEIVABLE_STATUSES } from '@dunning/domain';
import { en, fr } from './messages';

/** Every leaf key of a messages tree ("a.b.c"). */
function leaves(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'object' && value !== null ? leaves(value, `${prefix}${key}.`) : [`${prefix}${key}`]));
}
const at = (tree: object, path: string) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], tree);

describe('the UI in English and French', () => {
  it('has every word in both languages, none empty', () => {
    expect(leaves(fr).sort()).toEqual(leaves(en).sort());
    for (const key of leaves(en)) {
      expect([key, typeof at(en, key) === 'string' && (at(en, key) as string).length > 0]).toEqual([key, true]);
      expect([key, typeof at(fr, key) === 'string' && (at(fr, key) as string).length > 0]).toEqual([key, true]);
    }
  });

  it('names every code the API answers: statuses, buckets, call outcomes, exception kinds', () => {
    for (const messages of [en, fr]) {
      for (const status of RECEIVABLE_STATUSES) expect(messages.statuses[status]).toBeTruthy();
      for (const bucket of AGING_BUCKETS) expect(messages.buckets[bucket]).toBeTruthy();
      for (const outcome of CALL_OUTCOMES) expect(messages.outcomes[outcome]).toBeTruthy();
      for (const kind of EXCEPTION_KINDS) expect(messages.exceptionKinds[kind].help).toBeTruthy();
    }
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (text: unknown) => [...String(text).matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const key of leaves(en)) expect([key, placeholders(at(fr, key))]).toEqual([key, placeholders(at(en, key))]);
  });
});
