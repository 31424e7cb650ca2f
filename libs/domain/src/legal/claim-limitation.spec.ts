import fc from 'fast-check';
import { type Claim, type LimitationEvent, claimAge, limitationDate, limitationOf } from './claim-limitation';

const trader = (dueDate: string): Claim => ({ dueDate, debtorType: 'company' });
const consumer = (dueDate: string): Claim => ({ dueDate, debtorType: 'person' });

describe('limitation date', () => {
  it('is 5 years after the due date between professionals, 2 against a consumer', () => {
    expect(limitationOf(trader('2021-05-15'))).toEqual({
      limitationDate: '2026-05-15',
      years: 5,
      article: 'Code de commerce, art. L110-4',
      runsFrom: '2021-05-15',
      pendingProceedings: false,
    });
    expect(limitationOf(consumer('2024-03-01'))).toMatchObject({ limitationDate: '2026-03-01', years: 2, article: 'Code de la consommation, art. L218-2' });
  });

  it('ends on 28 February when the due date was a 29 February', () => {
    expect(limitationDate(trader('2024-02-29'))).toBe('2029-02-28');
    expect(limitationDate(consumer('2024-02-29'))).toBe('2026-02-28');
    expect(limitationDate(trader('2024-02-29'), [], { company: 4 })).toBe('2028-02-29');
  });

  it('restarts a full period from an acknowledgement: a payment, a partial payment, a signed plan', () => {
    for (const kind of ['payment', 'partial-payment', 'payment-plan-signed', 'acknowledgement'] as const) {
      expect(limitationOf(trader('2021-05-15'), [{ kind, date: '2025-06-01' }])).toMatchObject({
        limitationDate: '2030-06-01',
        runsFrom: '2025-06-01',
        interruptedBy: { kind, date: '2025-06-01', article: 'Code civil, art. 2240' },
      });
    }
  });

  it('takes the last interruption, whatever the order of the events', () => {
    const events: LimitationEvent[] = [
      { kind: 'partial-payment', date: '2024-01-10' },
      { kind: 'payment-plan-signed', date: '2022-03-01' },
    ];
    expect(limitationDate(trader('2021-05-15'), events)).toBe('2029-01-10');
  });

  it('is interrupted on its last day, not the day after (the claim is time-barred by then)', () => {
    expect(limitationDate(consumer('2024-03-01'), [{ kind: 'payment', date: '2026-03-01' }])).toBe('2028-03-01');
    expect(limitationDate(consumer('2024-03-01'), [{ kind: 'payment', date: '2026-03-02' }])).toBe('2026-03-01');
  });

  it('ignores an acknowledgement before the due date and a formal notice', () => {
    expect(limitationDate(trader('2021-05-15'), [{ kind: 'acknowledgement', date: '2021-05-01' }])).toBe('2026-05-15');
    expect(limitationOf(trader('2021-05-15'), [{ kind: 'formal-notice', date: '2025-01-10' }])).not.toHaveProperty('interruptedBy');
  });

  it('runs again from the end of court proceedings; from the filing while they are pending; not at all when voided', () => {
    const filed = { kind: 'court-filing' as const, date: '2024-02-01' };
    expect(limitationOf(trader('2021-05-15'), [{ ...filed, proceedingsEndedOn: '2025-04-30' }])).toMatchObject({
      limitationDate: '2030-04-30',
      interruptedBy: { kind: 'court-filing', date: '2024-02-01', article: 'Code civil, art. 2241–2242' },
      pendingProceedings: false,
    });
    expect(limitationOf(trader('2021-05-15'), [filed])).toMatchObject({ limitationDate: '2029-02-01', pendingProceedings: true });
    expect(limitationDate(trader('2021-05-15'), [{ ...filed, voided: true }])).toBe('2026-05-15');
    expect(() => limitationOf(trader('2021-05-15'), [{ ...filed, proceedingsEndedOn: '2024-01-01' }])).toThrow(/^events\[0\]\.proceedingsEndedOn:/);
  });

  it('restarts from an enforcement measure', () => {
    expect(limitationOf(trader('2021-05-15'), [{ kind: 'enforcement', date: '2023-09-09' }]).interruptedBy?.article).toBe('Code civil, art. 2244');
  });

  it('takes configured periods, within the 1 to 10 years the Code civil allows', () => {
    expect(limitationDate(consumer('2024-03-01'), [], { person: 3 })).toBe('2027-03-01');
    expect(limitationOf(trader('2024-03-01'), [], { company: 10 }).article).toBe('Code de commerce, art. L110-4 (durée configurée : 10 ans)');
    expect(() => limitationDate(trader('2024-03-01'), [], { company: 11 })).toThrow(/^periods\.company:/);
    expect(() => limitationDate(trader('2024-03-01'), [], { company: 0.5 })).toThrow(/^periods\.company:/);
  });

  it('refuses bad dates and events, naming them', () => {
    expect(() => limitationDate(trader('15/05/2021'))).toThrow(/^claim\.dueDate:/);
    expect(() => limitationDate(trader('2021-05-15'), [{ kind: 'payment', date: '2021-13-01' }])).toThrow(/^events\[0\]\.date:/);
    expect(() => limitationDate(trader('2021-05-15'), [{ kind: 'letter', date: '2022-01-01' } as unknown as LimitationEvent])).toThrow(/^events\[0\]\.kind:/);
  });

  it('never moves earlier with more events, and restarts a full period after the last one', () => {
    const day = fc.integer({ min: 0, max: 3650 }).map((n) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10));
    const kind = fc.constantFrom('payment', 'partial-payment', 'payment-plan-signed', 'acknowledgement', 'enforcement', 'formal-notice') as fc.Arbitrary<LimitationEvent['kind']>;
    const event = fc.record({ kind, date: day }) as fc.Arbitrary<LimitationEvent>;
    fc.assert(
      fc.property(day, fc.constantFrom('company', 'person') as fc.Arbitrary<Claim['debtorType']>, fc.array(event, { maxLength: 6 }), (dueDate, debtorType, events) => {
        const claim = { dueDate, debtorType };
        const result = limitationOf(claim, events);
        expect(result.limitationDate >= limitationDate(claim)).toBe(true);
        expect(result.limitationDate >= limitationDate(claim, events.slice(1))).toBe(true);
        const years = debtorType === 'company' ? 5 : 2;
        expect(Number(result.limitationDate.slice(0, 4)) - Number(result.runsFrom.slice(0, 4))).toBe(years);
      }),
    );
  });
});

describe('claim age', () => {
  it('raises the alert for an invoice due 4 years 9 months ago, when 90 days or fewer are left', () => {
    // Due 2021-05-15, today 2026-02-15: limitation 2026-05-15, 89 days left.
    expect(claimAge(trader('2021-05-15'), [], '2026-02-15')).toMatchObject({ limitationDate: '2026-05-15', daysLeft: 89, state: 'alert' });
  });

  it('counts days, not months: 3 months left can be 92 days, beyond the default 90', () => {
    expect(claimAge(trader('2021-08-01'), [], '2026-05-01')).toMatchObject({ daysLeft: 92, state: 'ok' });
    expect(claimAge(trader('2021-08-01'), [], '2026-05-01', 92).state).toBe('alert');
  });

  it('an acknowledgement of debt pushes the date and clears the alert', () => {
    const age = claimAge(trader('2021-05-15'), [{ kind: 'payment-plan-signed', date: '2026-01-20' }], '2026-02-15');
    expect(age).toMatchObject({ limitationDate: '2031-01-20', state: 'ok' });
  });

  it('a consumer debtor uses 2 years', () => {
    expect(claimAge(consumer('2024-03-01'), [], '2026-01-15')).toMatchObject({ limitationDate: '2026-03-01', daysLeft: 45, state: 'alert' });
    expect(claimAge(trader('2024-03-01'), [], '2026-01-15').state).toBe('ok');
  });

  it('is old on the limitation date and after it', () => {
    expect(claimAge(consumer('2024-03-01'), [], '2026-02-28')).toMatchObject({ daysLeft: 1, state: 'alert' });
    expect(claimAge(consumer('2024-03-01'), [], '2026-03-01')).toMatchObject({ daysLeft: 0, state: 'old' });
    expect(claimAge(consumer('2024-03-01'), [], '2027-03-01')).toMatchObject({ daysLeft: -365, state: 'old' });
  });

  it('takes its own alert window and refuses a bad one', () => {
    // 2025-11-15 → 2026-05-15 is 181 days.
    expect(claimAge(trader('2021-05-15'), [], '2025-11-15', 181).state).toBe('alert');
    expect(claimAge(trader('2021-05-15'), [], '2025-11-15', 180).state).toBe('ok');
    expect(claimAge(trader('2021-05-15'), [], '2026-05-14', 0).state).toBe('ok');
    expect(() => claimAge(trader('2021-05-15'), [], '2026-02-15', -1)).toThrow(/^alertDays:/);
    expect(() => claimAge(trader('2021-05-15'), [], '2026-2-15')).toThrow(/^today:/);
  });
});
