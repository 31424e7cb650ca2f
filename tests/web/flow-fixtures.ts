/** A flow that hands an invoice to an agency the day after it falls due: the agency's screens then have a case. */
export function handoffFlow(id: string, name: string, agencyId: string) {
  return {
    schemaVersion: 1,
    id,
    name,
    locales: ['fr', 'en'],
    batchPerCustomer: false,
    sendingWindow: { start: '09:00', end: '18:00', weekdays: [1, 2, 3, 4, 5], skipHolidays: true },
    nodes: [
      { id: 'start', kind: 'start', data: {}, position: { x: 0, y: 0 } },
      { id: 'wait', kind: 'wait', data: { anchor: 'due_date', offsetDays: 1, dayType: 'calendar' }, position: { x: 0, y: 100 } },
      { id: 'escalate', kind: 'escalate', data: { agencyId }, position: { x: 0, y: 200 } },
      { id: 'end', kind: 'end', data: {}, position: { x: 0, y: 300 } },
    ],
    edges: [
      { id: 'a', source: 'start', target: 'wait' },
      { id: 'b', source: 'wait', target: 'escalate' },
      { id: 'c', source: 'escalate', target: 'end' },
    ],
  };
}
