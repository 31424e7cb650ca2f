import { RECEIVABLE_STATUSES } from './receivable-status';

describe('receivable statuses', () => {
  it('includes the terminal statuses', () => {
    expect(RECEIVABLE_STATUSES).toEqual(expect.arrayContaining(['paid', 'written_off', 'cancelled']));
  });
});
