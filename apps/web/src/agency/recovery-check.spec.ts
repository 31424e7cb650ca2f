import { checkRecovery } from './recovery-check';

describe('a reported recovery against what the case owes', () => {
  it('says what remains once it is counted', () => {
    expect(checkRecovery('300', 1200_00)).toEqual({ kind: 'adds_up', reported: 300_00, owed: 1200_00, remains: 900_00 });
    expect(checkRecovery('1 200,00', 1200_00)).toEqual({ kind: 'adds_up', reported: 1200_00, owed: 1200_00, remains: 0 });
    expect(checkRecovery('0,01', 1)).toEqual({ kind: 'adds_up', reported: 1, owed: 1, remains: 0 });
  });

  it('refuses more than the case owes, naming the most it can take', () => {
    expect(checkRecovery('1200,01', 1200_00)).toEqual({ kind: 'too_much', owed: 1200_00 });
    expect(checkRecovery('5', 0)).toEqual({ kind: 'too_much', owed: 0 });
  });

  it('tells nothing typed from what is not an amount', () => {
    expect(checkRecovery('', 100)).toEqual({ kind: 'none' });
    expect(checkRecovery('  ', 100)).toEqual({ kind: 'none' });
    expect(checkRecovery('0', 100)).toEqual({ kind: 'none' });
    expect(checkRecovery('abc', 100)).toEqual({ kind: 'unreadable' });
    expect(checkRecovery('12,345', 100_000)).toEqual({ kind: 'unreadable' });
  });
});
