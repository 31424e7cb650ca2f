import { ApiError } from '../api/http';
import { describeError } from './errors';

describe('an API refusal, for the user', () => {
  it('keeps the server’s message and says what kind of refusal it is', () => {
    expect(
      describeError(
        new ApiError(409, 'invoice: the invoice is cancelled: no payment can be recorded on it', {
          statusCode: 409,
          message: 'invoice: the invoice is cancelled: no payment can be recorded on it',
          problems: [{ field: 'invoice', message: 'the invoice is cancelled: no payment can be recorded on it' }],
        }),
      ),
    ).toEqual({
      kind: 'conflict',
      message: 'invoice: the invoice is cancelled: no payment can be recorded on it',
    });
  });

  it('adds the field problems the message does not already name', () => {
    const error = new ApiError(422, 'defaultAgencyId: no such agency', {
      message: 'defaultAgencyId: no such agency',
      problems: [
        { field: 'defaultAgencyId', message: 'no such agency' },
        { field: 'dailyCap.sms', message: 'too big' },
      ],
    });
    expect(describeError(error)).toEqual({ kind: 'invalid', message: 'defaultAgencyId: no such agency — dailyCap.sms: too big' });
  });

  it('reads validation (400), permission (403) and anything else', () => {
    expect(describeError(new ApiError(400, 'invalid request: amount: must be positive', {})).kind).toBe('invalid');
    expect(describeError(new ApiError(403, 'this needs the role credit_manager', {})).kind).toBe('forbidden');
    expect(describeError(new Error('Failed to fetch'))).toEqual({ kind: 'other', message: 'Failed to fetch' });
  });
});
