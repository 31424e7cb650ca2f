import type { CustomerStepRequest } from '@dunning/workflows';
import { DEFAULT_SAFE_MODE } from '@dunning/domain';
import { TemplateRenderer } from '@dunning/templating';
import { MemoryApprovalStore } from '../adapters/memory/memory-approval-store';
import { MemoryDunningStore } from '../adapters/memory/memory-dunning-store';
import { MemoryFlowStore } from '../adapters/memory/memory-flow-store';
import { MemoryOutbox } from '../adapters/memory/memory-outbox';
import { MemoryTemplateVersions } from '../adapters/memory/memory-template-versions';
import { approvalGate } from './approval-gate';
import type { ActivityDependencies } from './ports';

describe('safe mode’s gate before a message goes', () => {
  const setUp = (reachesPeople: boolean) => {
    const contacts = new Map([['c-1', { name: 'Boulangerie Martin', addressLines: [], emails: [{ role: 'billing', address: 'compta@martin.example' }], phones: [] }]]);
    const store = new MemoryDunningStore({ name: 'Atelier Durand SAS', email: 'compta@durand.example', phone: '', addressLines: ['12 rue des Artisans'] }, contacts);
    store.addInvoice({ invoiceId: 'inv-1', number: 'F-1', customerId: 'c-1', issueDate: '2026-03-01', dueDate: '2026-04-01', amount: 100_00, currency: 'EUR' });
    const flows = new MemoryFlowStore((id) => store.invoices.has(id));
    flows.publish('flow-1', 1, { id: 'standard' });
    void flows.recordInvoiceFlow('inv-1', 'flow-1', 1);
    const approvals = new MemoryApprovalStore(store, flows);
    const email = Object.assign(new MemoryOutbox('email'), reachesPeople ? { reachesPeople: true } : {});
    const deps = {
      store,
      approvals,
      templates: new MemoryTemplateVersions(),
      renderer: new TemplateRenderer(),
      channels: { email, sms: new MemoryOutbox('sms'), letter: new MemoryOutbox('letter') },
    } as unknown as ActivityDependencies;
    const request = {
      idempotencyKey: 'inv-1:reminder-1:3',
      workflowId: 'wf-1',
      invoice: { invoiceId: 'inv-1' },
      customer: { customerId: 'c-1', name: 'Boulangerie Martin', locale: 'fr', timeZone: 'Europe/Paris', country: 'FR' },
      flowId: 'standard',
      flowVersion: 1,
      nodeId: 'reminder-1',
      at: '2026-04-15T08:00:00.000Z',
      step: { kind: 'email', template: 'reminder-1', recipient: 'billing', attachInvoice: false },
    } as unknown as CustomerStepRequest;
    return { deps, approvals, request };
  };

  it('holds the first send through a real provider, rendered for the queue; once per step key', async () => {
    const { deps, approvals, request } = setUp(true);
    const held = await approvalGate(deps, request);
    expect(held).toMatchObject({ timeoutHours: DEFAULT_SAFE_MODE.timeoutHours, onTimeout: 'skip' });
    const queued = approvals.approvals.get(request.idempotencyKey)!;
    expect(queued).toMatchObject({ id: held!.approvalId, flowId: 'flow-1', recipients: ['compta@martin.example'], channel: 'email', status: 'waiting' });
    expect(queued.body).toContain('F-1');
    expect(await approvalGate(deps, request)).toEqual(held);
    // Approved (or sent by its timeout policy), it goes.
    expect(await approvalGate(deps, { ...request, approved: true })).toBeNull();
  });

  it('lets the dev outbox’s sends go by default, holds them in "always", none in "off"', async () => {
    const { deps, approvals, request } = setUp(false);
    expect(await approvalGate(deps, request)).toBeNull();
    approvals.setPolicy({ ...DEFAULT_SAFE_MODE, mode: 'always' });
    expect(await approvalGate(deps, request)).not.toBeNull();
    approvals.setPolicy({ ...DEFAULT_SAFE_MODE, mode: 'off', flows: [{ flowId: 'other', mode: 'always' }] });
    expect(await approvalGate(deps, { ...request, idempotencyKey: 'inv-1:reminder-1:9' })).toBeNull();
    approvals.setPolicy({ ...DEFAULT_SAFE_MODE, mode: 'off', flows: [{ flowId: 'flow-1', mode: 'always' }] });
    expect(await approvalGate(deps, { ...request, idempotencyKey: 'inv-1:reminder-1:9' })).not.toBeNull();
  });
});
