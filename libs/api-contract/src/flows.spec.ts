import { standardFlow } from '@dunning/flow';
import { MAX_FLOW_STEPS, assignmentsBody, flowCreateBody, flowDraftBody, flowGraph, simulateBody } from './flows';
import { lateRateBody, settingsBody } from './settings';
import { templatePreviewQuery } from './templates';

/** A flow of `steps` steps in a line: start, then waits and emails by turns, then end. */
function chainFlow(steps: number) {
  const base = standardFlow();
  const nodes: Array<Record<string, unknown>> = [{ id: 'start', kind: 'start', position: { x: 0, y: 0 }, data: {} }];
  for (let i = 1; i <= steps - 2; i++) {
    nodes.push(
      i % 2 === 1
        ? { id: `s${i}`, kind: 'wait', position: { x: 0, y: i * 100 }, data: { anchor: 'previous_step', offsetDays: 1, dayType: 'calendar' } }
        : { id: `s${i}`, kind: 'email', position: { x: 0, y: i * 100 }, data: { template: 'reminder-1', recipient: 'billing', attachInvoice: false } },
    );
  }
  nodes.push({ id: 'end', kind: 'end', position: { x: 0, y: steps * 100 }, data: {} });
  const edges = nodes.slice(1).map((node, i) => ({ id: `e${i}`, source: nodes[i]!.id as string, target: node.id as string }));
  return { ...base, id: `chain-${steps}`, name: `Chain of ${steps}`, nodes, edges };
}

const problemsOf = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);

describe('the flows contract', () => {
  it('takes a flow of 5,000 steps (well within the body limit), and bounds the steps above it', () => {
    const flow = chainFlow(5_000);
    expect(JSON.stringify(flow).length).toBeLessThan(2_000_000);
    expect(flowGraph.safeParse(flow).success).toBe(true);
    expect(flowCreateBody.safeParse({ name: 'Long', graph: flow }).success).toBe(true);
    expect(flowDraftBody.safeParse({ graph: flow }).success).toBe(true);
    expect(MAX_FLOW_STEPS).toBeGreaterThan(5_000);
    const tooLong = chainFlow(MAX_FLOW_STEPS + 1);
    expect(problemsOf(flowGraph.safeParse(tooLong))).toContain(`nodes: at most ${MAX_FLOW_STEPS} steps`);
    expect(problemsOf(flowDraftBody.safeParse({ graph: tooLong }))).toContain(`graph.nodes: at most ${MAX_FLOW_STEPS} steps`);
  });

  it('saves drafts with problems (an empty template) but not what is not a flow', () => {
    const draft = standardFlow() as unknown as { nodes: Array<{ kind: string; data: Record<string, unknown> }> };
    draft.nodes.find((n) => n.kind === 'email')!.data.template = '';
    expect(flowDraftBody.safeParse({ graph: draft }).success).toBe(true);
    expect(flowGraph.safeParse(draft).success).toBe(false);
    expect(problemsOf(flowDraftBody.safeParse({ graph: 'a flow' }))[0]).toMatch(/^graph: /);
    expect(problemsOf(flowDraftBody.safeParse({ graph: { nodes: [1], edges: [] } }))[0]).toMatch(/^graph\.nodes\.0: /);
    expect(problemsOf(flowCreateBody.safeParse({ name: '   ' }))).toEqual(['name: required']);
  });

  it('refuses text the database cannot store (NUL), anywhere in a draft', () => {
    const draft = structuredClone(standardFlow()) as unknown as { nodes: Array<Record<string, unknown>> };
    draft.nodes[1]!.label = 'Relance\u0000';
    expect(problemsOf(flowDraftBody.safeParse({ graph: draft }))).toEqual(['graph.nodes.1.label: no NUL character']);
    expect(problemsOf(flowDraftBody.safeParse({ graph: { nodes: [], edges: [], extra: { 'k\u0000': 1 } } }))).toEqual(['graph.extra.k\u0000: no NUL character']);
    expect(problemsOf(flowCreateBody.safeParse({ name: 'Flow\u0000' }))).toEqual(['name: no NUL character']);
  });

  it('simulates a sample invoice due no earlier than it was issued, with events of the workflow’s vocabulary', () => {
    const body = { graph: standardFlow(), invoice: { amount: 1200_00, issueDate: '2027-03-01', dueDate: '2027-03-31' } };
    const parsed = simulateBody.parse(body);
    expect(parsed.invoice).toMatchObject({ currency: 'EUR', riskScore: 5, customerType: 'company' });
    expect(problemsOf(simulateBody.safeParse({ ...body, invoice: { ...body.invoice, dueDate: '2027-02-28' } }))).toEqual(['invoice.dueDate: not before the issue date']);
    expect(problemsOf(simulateBody.safeParse({ ...body, invoice: { ...body.invoice, amount: 9e13 } }))).toEqual(['invoice.amount: at most 100000000000 minor units']);
    expect(problemsOf(simulateBody.safeParse({ ...body, timeZone: 'Mars/Olympus' }))).toEqual(['timeZone: not a time zone (an IANA name such as Europe/Paris)']);
    expect(problemsOf(simulateBody.safeParse({ ...body, events: [{ type: 'payment', at: '2027-04-02T10:00:00Z', amount: 100_00 }] }))).toEqual([]);
    expect(problemsOf(simulateBody.safeParse({ ...body, events: [{ type: 'teleport', at: '2027-04-02T10:00:00Z' }] }))[0]).toMatch(/^events\.0\.type: /);
    expect(problemsOf(simulateBody.safeParse({ ...body, events: [{ type: 'promise_to_pay', at: '2027-04-02T10:00:00Z', date: '2027-04-01', amount: 100 }] }))).toEqual([
      'events.0.date: a promise is for a day after it is made',
    ]);
    expect(problemsOf(simulateBody.safeParse({ ...body, events: [{ type: 'invoice_changed', at: '2027-04-02T10:00:00Z', dueDate: '2027-01-01' }] }))).toEqual([
      'events.0.dueDate: not before the issue date',
    ]);
    expect(problemsOf(simulateBody.safeParse({ ...body, callOutcomes: { call: { outcome: 'no_answer', promise: { date: '2027-05-01', amount: 100 } } } }))).toEqual([
      'callOutcomes.call.promise: only with the outcome promise_to_pay',
    ]);
  });

  it('refuses assignment rules the database would refuse, naming the field', () => {
    const flowId = '0b9c7a51-6a1e-4d4e-9d7e-2b8f2b7f3c11';
    const rule = { flowId, priority: 1 };
    expect(assignmentsBody.safeParse({ rules: [rule, { ...rule, priority: 2, segment: 'vip' }] }).success).toBe(true);
    expect(problemsOf(assignmentsBody.safeParse({ rules: [rule, rule] }))).toEqual(['rules.1.priority: another rule has this priority']);
    expect(problemsOf(assignmentsBody.safeParse({ rules: [{ ...rule, riskMin: 8, riskMax: 3 }] }))).toEqual(['rules.0.riskMax: at least riskMin']);
    expect(problemsOf(assignmentsBody.safeParse({ rules: [{ ...rule, amountMin: 500, amountMax: 100, currency: 'EUR' }] }))).toEqual(['rules.0.amountMax: at least amountMin']);
    expect(problemsOf(assignmentsBody.safeParse({ rules: [{ ...rule, amountMin: 500 }] }))).toEqual(['rules.0.currency: the currency of the amount bounds']);
    expect(problemsOf(assignmentsBody.safeParse({ rules: [{ ...rule, amountMax: 1e15, currency: 'EUR' }] }))).toEqual([
      'rules.0.amountMax: Too big: expected number to be <=100000000000',
    ]);
  });
});

describe('the settings and templates contracts', () => {
  it('takes half-year ECB rates with at most 4 decimals, and settings it knows', () => {
    expect(lateRateBody.safeParse({ from: '2026-07-01', ecbRatePercent: 2.15 }).success).toBe(true);
    expect(lateRateBody.safeParse({ from: '2026-07-01', ecbRatePercent: 3.6512 }).success).toBe(true);
    expect(problemsOf(lateRateBody.safeParse({ from: '2026-03-01', ecbRatePercent: 2 }))[0]).toMatch(/^from: the first day of a half-year/);
    expect(problemsOf(lateRateBody.safeParse({ from: '0000-01-01', ecbRatePercent: 2 }))[0]).toMatch(/^from: /);
    expect(problemsOf(lateRateBody.safeParse({ from: '2026-01-01', ecbRatePercent: 2.123456 }))).toEqual(['ecbRatePercent: at most 4 decimals']);
    expect(settingsBody.safeParse({ dailyCap: { email: 4, sms: 3, letter: 2 } }).success).toBe(true);
    expect(problemsOf(settingsBody.safeParse({ dailyCaps: 3 }))[0]).toMatch(/dailyCaps/);
  });

  it('previews templates by channel, name and locale of the vocabularies', () => {
    expect(templatePreviewQuery.parse({ channel: 'sms', name: 'sms-reminder', locale: 'fr' })).toEqual({ channel: 'sms', name: 'sms-reminder', locale: 'fr', invoices: 1 });
    expect(problemsOf(templatePreviewQuery.safeParse({ channel: 'fax', name: '../../etc/passwd', locale: 'de', invoices: '9' }))).toHaveLength(4);
  });
});
