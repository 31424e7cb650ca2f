import { createHash } from 'node:crypto';
import { ForbiddenException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { Request } from 'express';

/** A readable cookie the web app echoes in `X-CSRF-Token` (double submit): a cross-site form cannot read it. */
export const CSRF_COOKIE = 'dunning_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The CSRF token of a session: derived from its secret, so nothing more is stored. */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`csrf:${sessionToken}`).digest('hex');
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * A state change made with the session cookie (a browser) must come from the app's own pages:
 * its Origin (or Referer) is the API's own origin or the public URL, it carries the session's CSRF
 * token, and its body is JSON (or the import's multipart file) — never a form a foreign page can post.
 * Bearer tokens and agency keys are not sent by browsers on their own: they need none of this.
 */
export function checkCookieRequest(request: Request, sessionToken: string, publicUrl: string): void {
  if (!UNSAFE.has(request.method)) return;
  const origin = originOf(request.header('origin')) ?? originOf(request.header('referer'));
  const own = new Set([`${request.protocol}://${request.header('host')}`, originOf(publicUrl)]);
  if (!origin || !own.has(origin)) throw new ForbiddenException('a state change from another site is refused (Origin)');
  if (request.header(CSRF_HEADER) !== csrfTokenFor(sessionToken)) throw new ForbiddenException(`a state change needs the ${CSRF_HEADER} header of this session`);
  const type = (request.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (request.header('content-length') !== '0' && type !== '' && type !== 'application/json' && type !== 'multipart/form-data') {
    throw new UnsupportedMediaTypeException('send JSON (application/json)');
  }
}
