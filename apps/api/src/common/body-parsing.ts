import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';

/**
 * How request bodies are read, with limits a client is told about: JSON up to JSON_BODY_LIMIT (a
 * flow of 5,000 steps is about 1.5 MB) and nested at most MAX_JSON_DEPTH deep, provider callbacks
 * (form-encoded) up to 100 KB. A body over the limit answers 413, unreadable JSON 400, an unknown
 * charset 415: each as the API's JSON error naming the body, never a 500 or an HTML page.
 */
export const JSON_BODY_LIMIT = '5mb';
export const MAX_JSON_DEPTH = 64;

/** A request whose exact bytes were kept: provider webhooks sign the raw body (`/api/webhooks/…` only). */
export type RequestWithRawBody = Request & { rawBody?: Buffer };

const json = express.json({
  limit: JSON_BODY_LIMIT,
  strict: true,
  verify: (request, _response, bytes) => {
    if ((request as Request).originalUrl?.startsWith('/api/webhooks/')) (request as RequestWithRawBody).rawBody = bytes;
  },
});
const form = express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 1000 });

interface BodyParserError extends Error {
  status?: number;
  type?: string;
  limit?: number;
}

function answer(response: Response, status: number, message: string): void {
  response.status(status).json({ statusCode: status, message: `body: ${message}`, problems: [{ field: '(body)', message }] });
}

function refusal(error: BodyParserError): { status: number; message: string } {
  switch (error.type) {
    case 'entity.too.large':
      return { status: 413, message: `larger than the limit of ${error.limit ?? JSON_BODY_LIMIT} bytes` };
    case 'entity.parse.failed':
      return { status: 400, message: `not valid JSON (${error.message})` };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, message: error.message };
    case 'request.aborted':
    case 'request.size.invalid':
      return { status: 400, message: 'the request ended before its announced length' };
    default:
      return { status: error.status && error.status >= 400 && error.status < 500 ? error.status : 400, message: error.message };
  }
}

/** The depth of a parsed JSON value, walked without recursion (a hostile body must not overflow the stack). */
export function jsonDepthExceeds(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/** JSON, then form-encoded bodies; multipart is read by the upload routes themselves (multer). */
export function bodyParsing(): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    json(request, response, (jsonError?: BodyParserError) => {
      if (jsonError) {
        const { status, message } = refusal(jsonError);
        return answer(response, status, message);
      }
      if (jsonDepthExceeds(request.body, MAX_JSON_DEPTH)) return answer(response, 400, `nested deeper than ${MAX_JSON_DEPTH} levels`);
      form(request, response, (formError?: BodyParserError) => {
        if (formError) {
          const { status, message } = refusal(formError);
          return answer(response, status, message);
        }
        next();
      });
    });
  };
}
