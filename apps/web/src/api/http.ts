/** An API error with the server's message (which names the field) and its status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
  }
}

/** The session's CSRF token, from the readable cookie the API sets at sign-in: a state change echoes it. */
function csrfToken(): string | undefined {
  return document.cookie
    .split('; ')
    .find((c) => c.startsWith('dunning_csrf='))
    ?.slice('dunning_csrf='.length);
}

/** Calls the API on the same origin with the session cookie; JSON in, JSON out. */
let signingOut = false;

/**
 * From the sign-out on, this page sends nothing more: a screen polling in the moment before the
 * sign-in page loads would otherwise still call the API (without the session, but it would).
 */
export function stopRequests(): void {
  signingOut = true;
}

export async function http<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  if (signingOut) throw new ApiError(0, 'signed out', undefined);
  const { json, headers, ...rest } = init;
  const unsafe = rest.method !== undefined && rest.method !== 'GET' && rest.method !== 'HEAD';
  const token = unsafe ? csrfToken() : undefined;
  const response = await fetch(path, {
    credentials: 'same-origin',
    ...rest,
    headers: { Accept: 'application/json', ...(json !== undefined ? { 'Content-Type': 'application/json' } : {}), ...(token ? { 'X-CSRF-Token': token } : {}), ...headers },
    ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const body = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const message = typeof body === 'object' && body && 'message' in body ? String((body as { message: unknown }).message) : response.statusText;
    throw new ApiError(response.status, message, body);
  }
  return body as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
