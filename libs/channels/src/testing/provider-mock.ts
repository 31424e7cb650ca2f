import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  rawBody: string;
  /** The body's bytes, for binary uploads. */
  bytes: Buffer;
  /** JSON bodies parsed; form bodies (Twilio) as a URLSearchParams. */
  body: Record<string, unknown> | URLSearchParams | undefined;
}

export interface ProviderAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * A local stand-in for a provider's API (Postmark, Twilio, an agency's webhook): records every
 * request exactly as the SDK sent it and answers as the provider would. Loopback only.
 */
export function providerMock(answer: (request: RecordedRequest) => ProviderAnswer) {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const bytes = Buffer.concat(chunks);
      const rawBody = bytes.toString('utf8');
      const type = req.headers['content-type'] ?? '';
      const body = !rawBody
        ? undefined
        : type.includes('application/json')
          ? JSON.parse(rawBody)
          : type.includes('x-www-form-urlencoded')
            ? new URLSearchParams(rawBody)
            : undefined;
      const recorded = { method: req.method!, url: req.url!, headers: req.headers, rawBody, bytes, body };
      requests.push(recorded);
      const reply = answer(recorded);
      res.writeHead(reply.status, { 'Content-Type': 'application/json', ...reply.headers }).end(JSON.stringify(reply.body));
    });
  });
  return {
    requests,
    /** Listens on a free loopback port; resolves to `127.0.0.1:port`. */
    start: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`127.0.0.1:${(server.address() as AddressInfo).port}`))),
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}
