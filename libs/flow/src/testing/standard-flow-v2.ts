import { standardFlow } from '../default-flows';
import type { Flow } from '../schema/flow.schema';

/** Version 2 of the standard flow: reminder-2 renamed second-reminder, reminder-3 removed, an SMS added after reminder-1. */
export function standardFlowVersion2(): Flow {
  const v1 = standardFlow();
  const rename = (id: string) => (id === 'reminder-2' ? 'second-reminder' : id);
  const nodes = v1.nodes
    .filter((n) => n.id !== 'reminder-3')
    .map((n) => ({ ...n, id: rename(n.id) }))
    .concat([{ id: 'sms-nudge', kind: 'sms', position: { x: 400, y: 400 }, data: { template: 'sms-reminder', recipient: 'billing', maxSegments: 2 } } as Flow['nodes'][number]]);
  const edges = v1.edges
    .filter((e) => e.source !== 'reminder-3' && e.target !== 'reminder-3' && e.source !== 'reminder-1')
    .map((e) => ({ ...e, source: rename(e.source), target: rename(e.target), id: `${rename(e.source)}->${rename(e.target)}:${e.outcome ?? ''}` }))
    .concat([
      { id: 'reminder-1->sms-nudge', source: 'reminder-1', target: 'sms-nudge' },
      { id: 'sms-nudge->wait-call', source: 'sms-nudge', target: 'wait-call' },
      { id: 'wait-reminder-3->wait-formal-notice', source: 'wait-reminder-3', target: 'wait-formal-notice' },
    ]);
  return { ...v1, nodes, edges };
}
