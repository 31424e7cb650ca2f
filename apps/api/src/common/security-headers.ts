import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The browser security headers (OWASP ASVS V14.4): a content security policy for the web app (its
 * own scripts only; inline styles, which Mantine and React Flow set on elements; images and
 * downloads from itself, data: and blob:), no framing, no MIME sniffing, no referrer leaks, HSTS.
 * The OpenAPI page runs Swagger UI's inline scripts: it gets a policy of its own.
 */
export function securityHeaders(): RequestHandler {
  const app = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    referrerPolicy: { policy: 'same-origin' },
  });
  const docs = helmet({
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'", "'unsafe-inline'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'] },
    },
  });
  return (request, response, next) => (request.path.startsWith('/api/docs') ? docs : app)(request, response, next);
}
