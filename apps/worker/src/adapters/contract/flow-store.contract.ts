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

    it('answers null for an unknown invoice', async () => {
      const { store, publish } = fixture();
      const strict = await publish(unique('strict'), strictFlow());
      expect(await moveToFlow(store)({ invoiceId: randomUUID(), flowId: strict.flowId, flowVersion: strict.version })).toBeNull();
    });
  });
}
