import { errorBody, localDate, positiveAmount } from './common';

describe('the contract’s common schemas', () => {
  it('takes real calendar dates only', () => {
    expect(localDate.safeParse('2028-02-29').success).toBe(true);
    expect(localDate.safeParse('2027-02-29').success).toBe(false);
    expect(localDate.safeParse('2027-2-3').success).toBe(false);
  });

  it('bounds amounts to what the books hold exactly', () => {
    expect(positiveAmount.safeParse(100_000_000_000).success).toBe(true);
    expect(positiveAmount.safeParse(100_000_000_001).success).toBe(false);
    expect(positiveAmount.safeParse(0).success).toBe(false);
    expect(positiveAmount.safeParse(12.5).success).toBe(false);
  });

  it('describes every error the API answers, extra fields allowed', () => {
    expect(errorBody.safeParse({ statusCode: 404, message: 'invoice x not found', error: 'Not Found' }).success).toBe(true);
    expect(errorBody.safeParse({ statusCode: 400, message: 'bad', problems: [{ field: 'amount', message: 'must be positive' }] }).success).toBe(true);
  });
});
