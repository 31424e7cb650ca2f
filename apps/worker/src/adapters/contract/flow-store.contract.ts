import { randomUUID } from 'node:crypto';
import { standardFlow, strictFlow } from '@dunning/flow';
import { flowMoveActivities } from '../../activities/flow-moves';
import type { ActivityDependencies } from '../../activities/ports';
import type { FlowStore } from '../../activities/flow-moves';

/** How the contract sets up a flow store and looks into it; run on the memory double and on the database. */
export interface FlowStoreFixture {
  store: FlowStore & { invoiceFlow(invoiceId: string): Promise<{ flowId: string; flowVersion: number } | undefined> };
  /** Publishes a graph as a new flow's next version; returns the flow's id and the version. */
  publish(name: string, graph: unknown): Promise<{ flowId: string; version: number }>;
  /** An open invoice running the given flow version. */
  invoice(running: { flowId: string; version: number }): Promise<string>;
  /** Publishes the flow's next version. */
  publishNext(flowId: string, graph: unknown): Promise<number>;
  /** A migration of the flow from one version to the next with these invoices (its items, not settled). */
  migration(flowId: string, fromVersion: number, invoiceIds: string[]): Promise<string>;
  /** An item as recorded (undefined fields: not settled). */
  item(migrationId: string, invoiceId: string): Promise<{ outcome?: string; rollback?: string; reason?: string }>;
}

let seq = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++seq}`;

export function flowStoreContract(name: string, fixture: () => FlowStoreFixture): void {
  describe(`${name}: the flow store contract (moveToFlow)`, () => {
    const moveToFlow = (store: FlowStore) => flowMoveActivities({ flows: store } as unknown as ActivityDependencies).moveToFlow;

    it('moves an invoice to a published version: the flow comes back parsed and the invoice records it', async () => {
      const { store, publish, invoice } = fixture();
      const standard = await publish(unique('standard'), standardFlow());
      const strict = await publish(unique('strict'), strictFlow());
      const invoiceId = await invoice(standard);
      const moved = await moveToFlow(store)({ invoiceId, flowId: strict.flowId, flowVersion: strict.version });
      expect(moved).toMatchObject({ flowVersion: strict.version, flow: { id: 'strict', name: strictFlow().name, rerouteOnScoreChange: true } });
      expect(moved!.flow.nodes.map((n) => n.id)).toEqual(strictFlow().nodes.map((n) => n.id));
      expect(await store.invoiceFlow(invoiceId)).toEqual({ flowId: strict.flowId, flowVersion: strict.version });
      // Again (a retried activity): the same answer, the same record.
      expect(await moveToFlow(store)({ invoiceId, flowId: strict.flowId, flowVersion: strict.version })).toEqual(moved);
    });

    it('answers null for a version that was never published, and the invoice keeps its flow', async () => {
      const { store, publish, invoice } = fixture();
      const standard = await publish(unique('standard'), standardFlow());
      const invoiceId = await invoice(standard);
      expect(await moveToFlow(store)({ invoiceId, flowId: standard.flowId, flowVersion: standard.version + 1 })).toBeNull();
      expect(await moveToFlow(store)({ invoiceId, flowId: randomUUID(), flowVersion: 1 })).toBeNull();
      expect(await store.invoiceFlow(invoiceId)).toEqual({ flowId: standard.flowId, flowVersion: standard.version });
    });

    it('settles a migration once per invoice: the move and the version together, a retry changes nothing, a rollback apart', async () => {
      const { store, publish, publishNext, invoice, migration, item } = fixture();
      const v1 = await publish(unique('standard'), standardFlow());
      const v2 = await publishNext(v1.flowId, standardFlow());
      const [moved, early] = [await invoice(v1), await invoice(v1)];
      const id = await migration(v1.flowId, v1.version, [moved, early]);
      const settle = flowMoveActivities({ flows: store } as unknown as ActivityDependencies).settleMigration;
      await settle({ migrationId: id, invoiceId: moved, outcome: 'moved', fromStep: 'reminder-1', toStep: 'after reminder-1', flowId: v1.flowId, flowVersion: v2 });
      expect(await store.invoiceFlow(moved)).toEqual({ flowId: v1.flowId, flowVersion: v2 });
      expect(await item(id, moved)).toMatchObject({ outcome: 'moved' });
      // A retried activity, or a later answer: the first outcome stands.
      await settle({ migrationId: id, invoiceId: moved, outcome: 'stayed', fromStep: 'reminder-1', reason: 'late', flowId: v1.flowId });
      expect(await item(id, moved)).toMatchObject({ outcome: 'moved' });
      await settle({ migrationId: id, invoiceId: moved, outcome: 'rolled_back', fromStep: 'reminder-1', flowId: v1.flowId, flowVersion: v1.version });
      expect(await item(id, moved)).toMatchObject({ outcome: 'moved', rollback: 'rolled_back' });
      expect(await store.invoiceFlow(moved)).toEqual({ flowId: v1.flowId, flowVersion: v1.version });
      // The rollback reached this one before the migration did: it stayed, and says why.
      await settle({ migrationId: id, invoiceId: early, outcome: 'kept', fromStep: 'start', reason: 'not moved', flowId: v1.flowId });
      expect(await item(id, early)).toMatchObject({ outcome: 'stayed', rollback: 'kept', reason: expect.stringContaining('rolled back before') });
      expect(await store.invoiceFlow(early)).toEqual({ flowId: v1.flowId, flowVersion: v1.version });
    });

    it('answers null for an unknown invoice', async () => {
      const { store, publish } = fixture();
      const strict = await publish(unique('strict'), strictFlow());
      expect(await moveToFlow(store)({ invoiceId: randomUUID(), flowId: strict.flowId, flowVersion: strict.version })).toBeNull();
    });
  });
}
