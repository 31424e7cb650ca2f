import type { CreditorIdentity } from '@dunning/domain';
import type { DunningStore, ExceptionReport, OutgoingMessage } from '../../activities/ports';

/**
 * How a test sets up and looks into a store: the contract suite below runs the same assertions on
 * the memory store (tests' double) and the database store (production), so a test cannot pass on a
 * double the database does not match.
 */
export interface StoreFixture {
  store: DunningStore;
  /** A customer with a billing email, a phone and a postal address. */
  customer(reference: string): Promise<string>;
  invoice(customerId: string, number: string, options: { amount: number; vatAmount?: number; dueDate: string }): Promise<string>;
  agency(name: string): Promise<string>;
  setDefaultAgency(agencyId: string): Promise<void>;
  /** Stores the creditor's identity under the settings' `creditor` key, as the API does (undefined: removes it). */
  setCreditor(identity: CreditorIdentity | undefined): Promise<void>;
  openExceptions(): Promise<ExceptionReport[]>;
}

const message = (key: string, customerId: string, invoiceId: string): OutgoingMessage => ({
  idempotencyKey: key,
  channel: 'email',
  invoiceIds: [invoiceId],
  customerId,
  to: ['a@b.example'],
  template: 'reminder-1',
  locale: 'fr',
  subject: 'Rappel',
  text: 'Rappel',
  attachments: [],
  nodeId: 'reminder-1',
});

let seq = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++seq}`;

export function dunningStoreContract(name: string, fixture: () => StoreFixture): void {
  describe(`${name}: the dunning store contract`, () => {
    it('charges late fees once per key, through the books: the indemnity once, interest since the due date', async () => {
      const { store, customer, invoice } = fixture();
      const customerId = await customer(unique('C'));
      const invoiceId = await invoice(customerId, unique('F'), { amount: 1200_00, vatAmount: 200_00, dueDate: '2026-03-31' });
      const first = await store.chargeFees({ idempotencyKey: `${invoiceId}:fee:1`, invoiceId, at: '2026-04-30T08:00:00.000Z', indemnity: true });
      // 40.00 + 30 days at 12.15 % (ECB 2.15 + 10, first half of 2026) on 1 200.00.
      expect(first).toEqual({ feeAdded: 40_00 + 11_98, after: { balance: 1200_00 + 51_98, revision: expect.any(Number) } });
      expect(await store.chargeFees({ idempotencyKey: `${invoiceId}:fee:1`, invoiceId, at: '2026-04-30T08:00:00.000Z', indemnity: true })).toEqual(first);
      const later = await store.chargeFees({ idempotencyKey: `${invoiceId}:fee:2`, invoiceId, at: '2026-05-30T08:00:00.000Z', indemnity: true });
      expect(later.feeAdded).toBe(11_98); // 30 more days of interest, no second indemnity
      const [state] = await store.invoiceStates([invoiceId]);
      expect(state).toMatchObject({ balance: 1200_00 + 51_98 + 11_98, indemnityBalance: 40_00, interestBalance: 23_96, status: 'overdue', paused: false });
    });

    it('sets a flow’s statuses through the books, once per key', async () => {
      const { store, customer, invoice } = fixture();
      const customerId = await customer(unique('C'));
      const invoiceId = await invoice(customerId, unique('F'), { amount: 500_00, dueDate: '2026-03-31' });
      const after = await store.setStanding({ idempotencyKey: `${invoiceId}:doubtful:3`, invoiceId, status: 'doubtful', at: '2026-05-01T08:00:00.000Z' });
      expect(await store.setStanding({ idempotencyKey: `${invoiceId}:doubtful:3`, invoiceId, status: 'doubtful', at: '2026-05-01T08:00:00.000Z' })).toEqual(after);
      expect((await store.invoiceStates([invoiceId]))[0]).toMatchObject({ status: 'doubtful', balance: 500_00 });
      await store.setStanding({ idempotencyKey: `${invoiceId}:w:4`, invoiceId, status: 'written_off', at: '2026-06-01T08:00:00.000Z' });
      expect((await store.invoiceStates([invoiceId]))[0]).toMatchObject({ status: 'written_off', balance: 0 });
    });

    it('stores the statuses the calendar moved only when refreshed, on the customer’s date', async () => {
      const { store, customer, invoice } = fixture();
      const customerId = await customer(unique('C'));
      const invoiceId = await invoice(customerId, unique('F'), { amount: 100_00, dueDate: '2026-04-20' });
      const status = async () => (await store.invoiceStates([invoiceId]))[0]?.status;
      expect(await status()).toBe('not_due');
      // 23:59:30 on the due date in Paris (UTC+2): due, not yet overdue.
      expect(await store.refreshDatedStatuses('2026-04-20T21:59:30.000Z')).toBeGreaterThanOrEqual(1);
      expect(await status()).toBe('due');
      // 00:00:30 the next day in Paris; a second refresh at the same instant has nothing left to move.
      expect(await store.refreshDatedStatuses('2026-04-20T22:00:30.000Z')).toBeGreaterThanOrEqual(1);
      expect(await status()).toBe('overdue');
      expect(await store.refreshDatedStatuses('2026-04-20T22:00:30.000Z')).toBe(0);
    });

    it('gives a customer one call task for all its invoices, each joining once', async () => {
      const { store, customer, invoice } = fixture();
      const customerId = await customer(unique('C'));
      const [a, b] = [
        await invoice(customerId, unique('F'), { amount: 100_00, dueDate: '2026-03-31' }),
        await invoice(customerId, unique('F'), { amount: 200_00, dueDate: '2026-03-31' }),
      ];
      const task = (invoiceId: string, key: string) =>
        store.joinCallTask({
          idempotencyKey: key,
          invoiceId,
          customerId,
          workflowId: `invoice-${invoiceId}`,
          nodeId: 'call',
          dueAt: '2026-04-07T08:00:00.000Z',
          slaDeadline: '2026-04-09T08:00:00.000Z',
          priority: 10,
        });
      const first = await task(a, `${a}:call:2`);
      expect(await task(a, `${a}:call:2`)).toEqual(first);
      expect(await task(b, `${b}:call:2`)).toEqual(first);
      // Once every invoice's flow stopped waiting for it, the next call is a new task.
      await store.appendTimeline(a, [{ at: '2026-04-09T08:00:00.000Z', type: 'outcome', nodeId: 'call', kind: 'call_task', outcome: 'sla_expired' }]);
      await store.appendTimeline(b, [{ at: '2026-04-09T08:00:00.000Z', type: 'outcome', nodeId: 'call', kind: 'call_task', outcome: 'sla_expired' }]);
      expect((await task(a, `${a}:call:5`)).taskId).not.toBe(first.taskId);
    });

    it('opens one agency case for a customer’s invoices handed over together, marking them with the agency', async () => {
      const { store, customer, invoice, agency } = fixture();
      const customerId = await customer(unique('C'));
      const agencyId = await agency(unique('Agence'));
      const [a, b] = [
        await invoice(customerId, unique('F'), { amount: 100_00, dueDate: '2026-03-31' }),
        await invoice(customerId, unique('F'), { amount: 200_00, dueDate: '2026-03-31' }),
      ];
      const request = {
        idempotencyKey: `batch:${a}:escalate:9`,
        customerId,
        agencyId,
        at: '2026-05-15T07:00:00.000Z',
        invoices: [
          { invoiceId: a, idempotencyKey: `${a}:escalate:9` },
          { invoiceId: b, idempotencyKey: `${b}:escalate:9` },
        ],
      };
      const { handoffId } = await store.openCase(request);
      expect(await store.openCase(request)).toEqual({ handoffId });
      expect((await store.handoffForDelivery(handoffId)).invoiceIds.sort()).toEqual([a, b].sort());
      expect((await store.invoiceStates([a, b])).map((s) => s.status)).toEqual(['with_agency', 'with_agency']);
      expect((await store.agency(agencyId))?.name).toMatch(/^Agence/);
      expect(await store.agency('00000000-0000-4000-8000-000000000000')).toBeUndefined();
    });

    it('counts a customer’s messages by the step’s instant for the daily cap, and finds a claimed one by its key', async () => {
      const { store, customer, invoice } = fixture();
      const customerId = await customer(unique('C'));
      const invoiceId = await invoice(customerId, unique('F'), { amount: 100_00, dueDate: '2026-03-31' });
      for (let i = 0; i < 3; i++)
        expect(await store.claimMessage(message(`${invoiceId}:m:${i}`, customerId, invoiceId), `2026-04-0${i + 1}T08:00:00.000Z`)).toEqual({ claimed: true });
      expect(await store.claimMessage(message(`${invoiceId}:m:0`, customerId, invoiceId), '2026-04-05T08:00:00.000Z')).toMatchObject({
        claimed: false,
        existing: { state: 'sending' },
      });
      expect(await store.recentMessages(customerId, 'email', '2026-04-02T00:00:00.000Z', 'none')).toBe(2);
      expect(await store.recentMessages(customerId, 'email', '2026-04-02T00:00:00.000Z', `${invoiceId}:m:2`)).toBe(1);
      expect(await store.recentMessages(customerId, 'sms', '2026-04-01T00:00:00.000Z', 'none')).toBe(0);
      await store.completeMessage(`${invoiceId}:m:1`, { providerMessageId: 'p-1', undeliverable: true }, 'outbox');
      expect(await store.messageByKey(`${invoiceId}:m:1`)).toMatchObject({ state: 'undeliverable', providerMessageId: 'p-1', customerId, channel: 'email' });
      expect(await store.messageByKey('no-such-key')).toBeUndefined();
    });

    it('reports an exception once per key, and applies the default settings', async () => {
      const { store, customer, openExceptions, agency, setDefaultAgency } = fixture();
      const customerId = await customer(unique('C'));
      const key = unique('exception');
      await store.reportException({ kind: 'send_cap', dedupeKey: key, message: 'cap reached', customerId });
      await store.reportException({ kind: 'send_cap', dedupeKey: key, message: 'cap reached', customerId });
      expect((await openExceptions()).filter((e) => e.dedupeKey === key)).toHaveLength(1);
      const policy = await store.sendingPolicy();
      expect(policy.dailyCap).toEqual({ email: 5, sms: 3, letter: 2 });
      expect(policy.lateRates.find((r) => r.from === '2026-01-01')?.ecbRatePercent).toBe(2.15);
      const agencyId = await agency(unique('Agence'));
      await setDefaultAgency(agencyId);
      expect((await store.sendingPolicy()).defaultAgencyId).toBe(agencyId);
    });

    it('reads the creditor’s identity from the settings at each call, the environment’s profile without one', async () => {
      const { store, setCreditor } = fixture();
      await setCreditor({
        name: 'Durand Frères',
        addressLines: ['3 quai Saint-Vincent'],
        postcode: '69001',
        city: 'Lyon',
        country: 'FR',
        siren: '552100554',
        iban: 'FR1420041010050500013M02606',
        senderEmail: 'relances@durand.example',
      });
      try {
        expect(await store.creditor()).toMatchObject({
          name: 'Durand Frères',
          senderName: 'Durand Frères',
          email: 'relances@durand.example',
          legalId: '552100554',
          iban: 'FR1420041010050500013M02606',
          addressLines: ['3 quai Saint-Vincent', '69001 Lyon'],
          source: 'settings',
        });
      } finally {
        await setCreditor(undefined);
      }
      expect(await store.creditor()).toMatchObject({ name: 'Atelier Durand SAS', email: 'compta@durand.example', source: 'environment' });
    });

    it('tells a person when a call ran out its time', async () => {
      const { store, customer, invoice, openExceptions } = fixture();
      const customerId = await customer(unique('C'));
      const invoiceId = await invoice(customerId, unique('F'), { amount: 100_00, dueDate: '2026-03-31' });
      await store.appendTimeline(invoiceId, [{ at: '2026-04-09T08:00:00.000Z', type: 'outcome', nodeId: 'call', kind: 'call_task', outcome: 'sla_expired' }]);
      expect((await openExceptions()).filter((e) => e.invoiceId === invoiceId).map((e) => e.kind)).toEqual(['call_sla_expired']);
    });
  });
}
