import type { ArmReport, ExperimentReport } from '../api/experiments-queries';

const histogram = (counts: number[]) =>
  [
    [-36500, 0],
    [1, 15],
    [16, 30],
    [31, 60],
    [61, 90],
    [91, 36500],
  ].map(([fromDays, toDays], i) => ({ fromDays: fromDays!, toDays: toDays!, invoices: counts[i]! }));

const arm = (key: string, overrides: Partial<ArmReport>): ArmReport => ({
  key,
  flowId: '11111111-1111-4111-8111-111111111111',
  flowName: `Flow ${key}`,
  flowVersion: 1,
  weight: 50,
  invoices: 0,
  customers: 0,
  invoicedAmount: 0,
  recoveredAmount: 0,
  recoveryRate: 0,
  recoveryRateInterval: [0, 0],
  paidInvoices: 0,
  daysToPay: null,
  messages: 0,
  calls: 0,
  messagesPer1000Recovered: null,
  callsPer1000Recovered: null,
  disputes: 0,
  complaints: 0,
  bounces: 0,
  ...overrides,
});

/** A report with two arms: A without any payment yet, B with some. */
export function sampleReport(): ExperimentReport {
  return {
    experiment: {
      id: '22222222-2222-4222-8222-222222222222',
      name: 'Firmer first reminder',
      ruleId: '33333333-3333-4333-8333-333333333333',
      status: 'running',
      arms: [],
      winnerArm: null,
      startedAt: '2027-03-01T09:00:00.000Z',
      stoppedAt: null,
      invoiceCount: 1540,
    },
    currency: 'EUR',
    otherCurrencyInvoices: 0,
    arms: [
      arm('A', { invoices: 1200, customers: 800, invoicedAmount: 123_456_78, weight: 75, recoveryRate: 0, recoveryRateInterval: [0, 0.012], messages: 3, disputes: 2 }),
      arm('B', {
        flowVersion: 4,
        weight: 25,
        invoices: 340,
        customers: 210,
        invoicedAmount: 50_000_00,
        recoveredAmount: 21_050_00,
        recoveryRate: 0.421,
        recoveryRateInterval: [0.3805, 0.4615],
        paidInvoices: 120,
        daysToPay: { median: 12.5, quartiles: [3, 27], histogram: histogram([30, 50, 25, 10, 4, 1]) },
        messages: 1200,
        calls: 45,
        messagesPer1000Recovered: 57.0071,
        callsPer1000Recovered: 2.1378,
        complaints: 1,
        bounces: 7,
      }),
    ],
    comparison: { best: 'B', next: 'A', difference: 0.421, interval: [0.38, 0.46], confidencePercent: 99.9 },
    verdict: { kind: 'better', arm: 'B', comparedTo: 'A', confidencePercent: 99.9 },
  };
}
