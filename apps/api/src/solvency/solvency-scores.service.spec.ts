import { eq } from 'drizzle-orm';
import {
  CustomersRepository,
  type DatabaseHandle,
  ExceptionsRepository,
  FlowsRepository,
  InvoicesRepository,
  SettingsRepository,
  SolvencyScoresRepository,
  customers,
  openDatabase,
  workflowSignals,
} from '@dunning/db';
import { ReceivablesService } from '@dunning/receivables';
import type { SignalRelayService } from '../dunning/signal-relay.service';
import { FlowsService } from '../flows/flows.service';
import { SolvencyScoresService } from './solvency-scores.service';

/** The scores service on PGlite: history, the customer's score, re-routes in the outbox, alerts and the credit-limit cut. */
describe('the solvency scores service', () => {
  let handle: DatabaseHandle;
  let service: SolvencyScoresService;
  let flows: FlowsRepository;
  let flushes = 0;

  beforeAll(async () => {
    handle = await openDatabase();
    flows = new FlowsRepository(handle.db);
    const flowsService = new FlowsService(flows);
    await flowsService.seedDefaults();
    const relay = { flush: async () => void flushes++ } as unknown as SignalRelayService;
    service = new SolvencyScoresService(handle, new SolvencyScoresRepository(handle.db), new SettingsRepository(handle.db), flowsService, relay);
  }, 60_000);
  afterAll(async () => handle?.close());

  const flowId = async (prefix: string) => (await flows.list()).find((f) => f.name.startsWith(prefix))!.id;
  const customerRow = async (id: string) => (await handle.db.select().from(customers).where(eq(customers.id, id)))[0]!;
  const at = (iso: string) => new Date(iso);

  /** A customer with a credit limit and one invoice running the standard flow. */
  async function customerWithRunningInvoice(reference: string) {
    const customer = await new CustomersRepository(handle.db).upsert({ reference, name: `Client ${reference}`, creditLimit: 10_000_00, creditLimitCurrency: 'EUR' });
    const [invoice] = await new ReceivablesService(handle.db).issue([
      {
        number: `${reference}-1`,
        customerId: customer.id,
        issueDate: '2026-11-01',
        dueDate: '2026-12-01',
        amount: 1200_00,
        vatAmount: 200_00,
        currency: 'EUR',
        timeZone: 'Europe/Paris',
        customerType: 'company',
      },
    ]);
    await new InvoicesRepository(handle.db).update(invoice!.id, { workflowId: `invoice-${invoice!.id}`, flowId: await flowId('Standard'), flowVersion: 1 });
    return { customerId: customer.id, invoiceId: invoice!.id };
  }
  const signalsOf = (invoiceId: string) => handle.db.select().from(workflowSignals).where(eq(workflowSignals.invoiceId, invoiceId));

  it('keeps the history, re-routes on a band change, alerts below the threshold and cuts the credit limit once', async () => {
    await new SettingsRepository(handle.db).set({ solvency: { alertBelow: 4, lowerCreditLimitPercent: 50 } });
    const { customerId, invoiceId } = await customerWithRunningInvoice('SC-1');
    const score = (value: number, scoredAt: string, externalId?: string) =>
      service.record([{ customerId, score: value, provider: 'creditsafe', source: 'api', scoredAt: at(scoredAt), externalId }]).then(([e]) => e!);

    // A first score of 6 (correct): the rules still pick the standard flow the invoice runs — nothing to move, no alert.
    expect(await score(6, '2026-11-10T08:00:00Z')).toMatchObject({ recorded: true, riskScore: 6, band: 'correct', previousBand: null, rerouted: 0, alert: false });
    expect(await signalsOf(invoiceId)).toEqual([]);

    // 2 (poor): the strict flow, queued for the invoice; the drop crosses 4: an alert and the limit halved.
    const drop = await score(2, '2026-11-20T08:00:00Z', 'evt-2');
    expect(drop).toMatchObject({
      recorded: true,
      riskScore: 2,
      band: 'poor',
      previousBand: 'correct',
      rerouted: 1,
      alert: true,
      creditLimit: { before: 10_000_00, after: 5_000_00, currency: 'EUR' },
    });
    const [signal] = await signalsOf(invoiceId);
    expect(signal).toMatchObject({
      signal: 'reroute',
      workflowId: `invoice-${invoiceId}`,
      payload: {
        flowId: await flowId('Strict'),
        flowVersion: 1,
        riskScore: 2,
        eventKey: `reroute:${drop.row.id}:${invoiceId}`,
        reason: 'solvency band correct → poor (score 6 → 2, creditsafe)',
      },
    });
    expect(flushes).toBeGreaterThan(0);
    const { rows: alerts } = await new ExceptionsRepository(handle.db).list({ kind: 'score_drop', offset: 0, limit: 10 });
    expect(alerts.filter((a) => a.customerId === customerId).map((a) => a.dedupeKey)).toEqual([`score_drop:${drop.row.id}`]);
    expect(await customerRow(customerId)).toMatchObject({ riskScore: 2, creditLimit: 5_000_00 });

    // The same notification again: recorded once, nothing more.
    expect(await score(2, '2026-11-20T08:00:00Z', 'evt-2')).toMatchObject({ recorded: false, riskScore: 2, rerouted: 0, alert: false });
    // An older score delivered late: in the history, but the customer's score stays the latest one.
    expect(await score(9, '2026-11-01T08:00:00Z')).toMatchObject({ recorded: true, riskScore: 2, rerouted: 0, alert: false });
    // A further drop below the threshold: an alert, but the limit is not cut again.
    expect(await score(1, '2026-11-25T08:00:00Z')).toMatchObject({ riskScore: 1, band: 'poor', rerouted: 0, alert: true, creditLimit: null });
    expect(await customerRow(customerId)).toMatchObject({ riskScore: 1, creditLimit: 5_000_00 });
    expect(await signalsOf(invoiceId)).toHaveLength(1);
    expect((await new SolvencyScoresRepository(handle.db).history(customerId, 10)).map((s) => s.score)).toEqual([1, 2, 6, 9]);
  });

  it('leaves an invoice whose flow version does not allow re-routing where it is', async () => {
    const { customerId, invoiceId } = await customerWithRunningInvoice('SC-2');
    const fixed = await flows.create({ name: 'Fixed', draftGraph: {} });
    const standardGraph = (await flows.version(await flowId('Standard'), 1))!.graph;
    await flows.publish(fixed.id, { ...standardGraph, id: 'fixed', name: 'Fixed', rerouteOnScoreChange: false });
    await new InvoicesRepository(handle.db).update(invoiceId, { flowId: fixed.id, flowVersion: 1 });
    const [effect] = await service.record([{ customerId, score: 2, provider: 'altares', source: 'webhook', scoredAt: at('2026-11-20T08:00:00Z'), externalId: 'a-1' }]);
    expect(effect).toMatchObject({ band: 'poor', rerouted: 0 });
    expect(await signalsOf(invoiceId)).toEqual([]);
  });

  it('records a customers’ write of the score only when it changes it', async () => {
    const { customerId } = await customerWithRunningInvoice('SC-3');
    const repository = new CustomersRepository(handle.db);
    await service.writeCustomer((tx) => repository.update(customerId, { segment: 'retail' }, tx), 7);
    await service.writeCustomer((tx) => repository.update(customerId, {}, tx), 7);
    const history = await new SolvencyScoresRepository(handle.db).history(customerId, 10);
    expect(history.map((s) => [s.score, s.source, s.provider])).toEqual([[7, 'manual', 'manual']]);
    expect(await customerRow(customerId)).toMatchObject({ riskScore: 7, segment: 'retail' });
  });
});
