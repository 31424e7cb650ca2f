import { localDate } from './local-date.schema';

describe('localDate', () => {
  it('takes a real calendar date and refuses the rest with a reason', () => {
    expect(localDate.parse('2028-02-29')).toBe('2028-02-29');
    expect(localDate.safeParse('2027-02-29').error?.issues[0]?.message).toBe('not a real date');
    expect(localDate.safeParse('2027-13-01').error?.issues[0]?.message).toBe('not a real date');
    expect(localDate.safeParse('01/03/2027').error?.issues[0]?.message).toBe('a date as YYYY-MM-DD');
  });
});
