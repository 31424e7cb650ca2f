import { NODE_KINDS } from '@dunning/flow';
import type { TFunction } from 'i18next';
import { dataSchemaOf } from '../editor/node-kinds';
import { type SchemaIssue, issueSentence, issuesByField } from './issues';
import { translator } from './translator.spec-helper';

const issuesOf = (kind: Parameters<typeof dataSchemaOf>[0], data: unknown) => {
  const result = dataSchemaOf(kind).safeParse(data);
  return result.success ? [] : (result.error.issues as unknown as SchemaIssue[]);
};

describe('validation messages in the user’s language', () => {
  let t: Record<'en' | 'fr', TFunction>;
  beforeAll(async () => {
    t = { en: await translator('en'), fr: await translator('fr') };
  });

  it('names the field in words instead of the schema’s developer message', () => {
    const [issue] = issuesOf('wait', { anchor: 'due_date', offsetDays: 400, dayType: 'calendar' });
    expect(issueSentence('wait', issue, t.en)).toBe('Number of days: at most 365.');
    expect(issueSentence('wait', issue, t.fr)).toBe('Nombre de jours : au plus 365.');
    const [wrongOp] = issuesOf('branch', { cases: [{ outcome: 'large', when: { field: 'amount', op: 'about', value: 500 } }] });
    expect(issueSentence('branch', wrongOp, t.en)).toBe('Case 1 — Condition: choose from the list.');
    expect(issueSentence('branch', wrongOp, t.fr)).toBe('Cas 1 — Condition : choisissez dans la liste.');
  });

  it('says what is missing or malformed', () => {
    const byField = issuesByField('email', issuesOf('email', { template: '', recipient: 'billing' }), t.fr);
    expect(byField.get('template')).toBe('Modèle : obligatoire.');
    const time = issuesOf('wait', { anchor: 'due_date', offsetDays: 1, dayType: 'calendar', at: '25:00' });
    expect(issueSentence('wait', time[0], t.en)).toBe('Time of day: a time of day, such as 09:00.');
    const half = issuesOf('wait', { anchor: 'due_date', offsetDays: 1.5, dayType: 'calendar' });
    expect(issueSentence('wait', half[0], t.fr)).toBe('Nombre de jours : tapez un nombre entier.');
    const none = issuesOf('branch', { cases: [] });
    expect(issueSentence('branch', none[0], t.en)).toBe('Conditions: add at least 1.');
    const badName = issuesOf('branch', { cases: [{ outcome: 'Big!', when: { field: 'amount', op: 'gte', value: 1 } }] });
    expect(issueSentence('branch', badName[0], t.en)).toBe('Case 1 — Name of this path: lower-case letters, digits and _ only, e.g. large_amount.');
    const noField = issuesOf('branch', { cases: [{ outcome: 'x', when: { field: 'colour', op: 'eq', value: 1 } }] });
    expect(issueSentence('branch', noField[0], t.fr)).toBe('Cas 1 — Si : choisissez dans la liste.');
    const required = issuesOf('call_task', { priority: 'normal' });
    expect(issueSentence('call_task', required[0], t.en)).toBe('Call deadline: required.');
    const extra = issuesOf('end', { colour: 'red' });
    expect(issueSentence('end', extra[0], t.en)).toBe('A setting this version does not know: colour.');
  });

  it('never lets a developer message through, for any kind', () => {
    const wrong = { anchor: 'x', offsetDays: 'x', template: 1, recipient: 'x', status: 'x', court: 'x', action: 'x', cases: 'x', slaHours: -1, answerDays: 1, indemnity: 'x' };
    for (const kind of NODE_KINDS)
      for (const lng of ['en', 'fr'] as const)
        // A key the kind does not have at all can only be named as it is (see the test above).
        for (const issue of issuesOf(kind, wrong).filter((i) => i.code !== 'unrecognized_keys')) {
          const sentence = issueSentence(kind, issue, t[lng]);
          expect([kind, sentence]).not.toEqual([kind, expect.stringMatching(/Invalid|expected|stepForms\.|flowSteps\.|[a-z][A-Z]/)]);
        }
  });
});
