import { type OutcomeForm, outcomeBody } from './outcome-body';

const form = (change: Partial<OutcomeForm>): OutcomeForm => ({ outcome: 'promise_to_pay', promiseDate: '2026-05-01', promiseAmount: '', reason: '', notes: '', ...change });

describe('a call’s outcome, as the API takes it', () => {
  it('promises the amount typed in euros, in cents', () => {
    expect(outcomeBody(form({ promiseAmount: '1 234,56' }), 200_000)).toEqual({ body: { outcome: 'promise_to_pay', promise: { date: '2026-05-01', amount: 123456 } } });
    expect(outcomeBody(form({ promiseAmount: '800.00' }), 200_000)).toEqual({ body: { outcome: 'promise_to_pay', promise: { date: '2026-05-01', amount: 80000 } } });
  });

  it('promises the whole balance when no amount is typed', () => {
    expect(outcomeBody(form({}), 200_000)).toEqual({ body: { outcome: 'promise_to_pay', promise: { date: '2026-05-01', amount: 200_000 } } });
  });

  it('names the wrong field rather than send a guess', () => {
    expect(outcomeBody(form({ promiseAmount: '12,345' }), 1)).toEqual({ problem: 'promiseAmount' });
    expect(outcomeBody(form({ promiseAmount: '0' }), 1)).toEqual({ problem: 'promiseAmount' });
    expect(outcomeBody(form({ promiseDate: '' }), 1)).toEqual({ problem: 'promiseDate' });
    expect(outcomeBody(form({ outcome: 'dispute', reason: '  ' }), 1)).toEqual({ problem: 'reason' });
  });

  it('keeps the notes with any outcome, trimmed, and leaves them out when empty', () => {
    expect(outcomeBody(form({ outcome: 'dispute', reason: ' wrong quantity ', notes: ' called the boss ' }), 1)).toEqual({
      body: { outcome: 'dispute', reason: 'wrong quantity', notes: 'called the boss' },
    });
    expect(outcomeBody(form({ outcome: 'no_answer' }), 1)).toEqual({ body: { outcome: 'no_answer' } });
    expect(outcomeBody(form({ outcome: 'paid', notes: 'paid yesterday' }), 1)).toEqual({ body: { outcome: 'paid', notes: 'paid yesterday' } });
  });
});
