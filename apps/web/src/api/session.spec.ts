import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './http';
import { SIGN_IN_PATH, isSessionLost, leaveSession } from './session';

describe('leaving a session', () => {
  it('forgets every query the session read and replaces the page with the sign-in page', () => {
    const client = new QueryClient();
    client.setQueryData(['me'], { role: 'credit_manager' });
    client.setQueryData(['invoices', { page: 1 }], { items: [{ number: 'F-1' }] });
    const replace = jest.fn();
    leaveSession(client, { replace });
    expect(client.getQueryCache().getAll()).toHaveLength(0);
    expect(replace).toHaveBeenCalledWith(SIGN_IN_PATH);
  });

  it('treats a 401 on a screen as a lost session, but not the sign-in check itself or other errors', () => {
    expect(isSessionLost(new ApiError(401, 'Unauthorized', {}), ['invoices'])).toBe(true);
    expect(isSessionLost(new ApiError(401, 'Unauthorized', {}), ['me'])).toBe(false);
    expect(isSessionLost(new ApiError(403, 'Forbidden', {}), ['invoices'])).toBe(false);
    expect(isSessionLost(new Error('offline'), ['invoices'])).toBe(false);
  });
});
