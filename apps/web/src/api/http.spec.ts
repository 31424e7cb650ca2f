import { ApiError, http, stopRequests } from './http';

describe('the API client at sign-out', () => {
  const calls: string[] = [];
  beforeAll(() => {
    // The client reads the CSRF cookie for a POST: a page with none.
    (global as unknown as { document: { cookie: string } }).document = { cookie: '' };
    global.fetch = jest.fn(async (path: RequestInfo | URL) => {
      calls.push(String(path));
      return new Response(null, { status: 204 });
    }) as typeof fetch;
  });

  it('sends the request already made, then nothing more: a poll after the sign-out never reaches the API', async () => {
    const signOut = http('/api/auth/logout', { method: 'POST' });
    stopRequests();
    await signOut;
    await expect(http('/api/exceptions?status=open')).rejects.toBeInstanceOf(ApiError);
    expect(calls).toEqual(['/api/auth/logout']);
  });
});
