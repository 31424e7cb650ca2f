import type { QueryClient } from '@tanstack/react-query';
import { ApiError } from './http';

/** Where a signed-out browser lands: the app shows the sign-in form there and then the user's home. */
export const SIGN_IN_PATH = '/login';

/**
 * Forgets everything the session read and leaves for the sign-in page with a full page load: no
 * mounted screen keeps polling with the old session, and no screen from before can be shown again
 * from memory. `replace` keeps the signed-in page out of the Back button's way.
 */
export function leaveSession(client: QueryClient, location: Pick<Location, 'replace'> = window.location): void {
  void client.cancelQueries();
  client.clear();
  location.replace(SIGN_IN_PATH);
}

/** A query answered 401: the session ended elsewhere (expired, signed out in another tab, password changed). */
export function isSessionLost(error: unknown, queryKey: readonly unknown[]): boolean {
  return error instanceof ApiError && error.status === 401 && queryKey[0] !== 'me';
}
