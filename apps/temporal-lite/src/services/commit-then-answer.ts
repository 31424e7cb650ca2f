import type { ServerParts } from '../server/server-parts';

type Engine = ServerParts['engine'];

/** Answers once the request's changes are committed (on the persistent dev server: the journal fsync). */
export function commitThenAnswer(engine: Engine): <T>(result: T) => Promise<T> {
  return async (result) => {
    await engine.commit();
    return result;
  };
}

/** Applies a request whose failure still changed state (a rejected completion is recorded). */
export async function commitEvenOnError<T>(engine: Engine, apply: () => T): Promise<T> {
  try {
    const result = apply();
    await engine.commit();
    return result;
  } catch (error) {
    await engine.commit();
    throw error;
  }
}
