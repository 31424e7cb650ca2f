import { type Server, type Socket, createServer } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { CANCEL_REQUEST, type FrontendMessage, GSSENC_REQUEST, PROTOCOL_3, SSL_REQUEST, firstFrontendMessage } from './frontend-messages';
import { SharedSession } from './shared-session';

export interface WireServerOptions {
  host: string;
  port: number;
  maxConnections: number;
}

/**
 * Serves one PGlite over the PostgreSQL wire protocol to several clients (the API's and the
 * worker's pools). Each client's messages go to the shared session in whole turns (see
 * SharedSession): everything a client sent at once runs as one call into PGlite.
 */
export class WireServer {
  private server: Server | undefined;
  private readonly session: SharedSession;
  private readonly clients = new Set<WireClient>();
  private nextClientId = 1;

  constructor(
    db: PGlite,
    private readonly options: WireServerOptions,
  ) {
    this.session = new SharedSession(db);
  }

  /** Listens; resolves with the port (the one asked, or the one given for port 0). */
  start(): Promise<number> {
    const server = createServer((socket) => this.accept(socket));
    server.maxConnections = this.options.maxConnections;
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port, this.options.host, () => resolve((server.address() as { port: number }).port));
    });
  }

  async stop(): Promise<void> {
    for (const client of this.clients) client.close();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(socket: Socket): void {
    socket.setNoDelay(true);
    const client = new WireClient(this.nextClientId++, socket, this.session, () => this.clients.delete(client));
    this.clients.add(client);
  }
}

/** One client connection: cuts its bytes into messages and hands them to the session in order. */
class WireClient {
  private buffer: Buffer = Buffer.alloc(0);
  private startedUp = false;
  /** Messages waiting for the previous turn to finish; the startup message always goes alone. */
  private waiting: Buffer[][] = [];
  private inTurn = false;
  private closed = false;

  constructor(
    private readonly id: number,
    private readonly socket: Socket,
    private readonly session: SharedSession,
    private readonly onClose: () => void,
  ) {
    socket.on('data', (chunk) => this.receive(chunk));
    socket.on('error', () => this.close());
    socket.on('close', () => this.close());
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroy();
    this.waiting = [];
    void this.session.leave(this.id);
    this.onClose();
  }

  private receive(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    try {
      for (let message = this.next(); message && !this.closed; message = this.next()) this.handle(message);
    } catch (error) {
      console.error(`database: client ${this.id}: ${error instanceof Error ? error.message : String(error)}`);
      this.close();
      return;
    }
    this.takeTurn();
  }

  private next(): FrontendMessage | undefined {
    const message = firstFrontendMessage(this.buffer, this.startedUp);
    if (message) this.buffer = this.buffer.subarray(message.bytes.length);
    return message;
  }

  private handle(message: FrontendMessage): void {
    if (message.kind === 'untyped') {
      if (message.code === SSL_REQUEST || message.code === GSSENC_REQUEST) {
        this.socket.write('N'); // no encryption on loopback
      } else if (message.code === CANCEL_REQUEST) {
        this.close(); // cancelling a running query is not supported: PGlite runs it to the end
      } else if (message.code === PROTOCOL_3) {
        this.startedUp = true;
        this.waiting.push([Buffer.from(message.bytes)], []);
      } else {
        throw new Error(`unsupported protocol ${message.code >> 16}.${message.code & 0xffff}`);
      }
      return;
    }
    if (message.type === 'X') return this.close(); // Terminate: the session is shared, only this client goes
    if (this.waiting.length === 0) this.waiting.push([]);
    this.waiting[this.waiting.length - 1]!.push(Buffer.from(message.bytes));
  }

  private takeTurn(): void {
    while (this.waiting.length > 0 && this.waiting[0]!.length === 0) this.waiting.shift();
    if (this.inTurn || this.closed || this.waiting.length === 0) return;
    const messages = Buffer.concat(this.waiting.shift()!);
    this.inTurn = true;
    this.session
      .run(this.id, messages, (chunk) => {
        // A copy: PGlite reuses the memory behind `chunk` once the call returns, and the socket may still queue it.
        if (!this.closed) this.socket.write(Buffer.from(chunk));
      })
      .then(
        () => {
          this.inTurn = false;
          this.takeTurn();
        },
        (error: unknown) => {
          if (!this.closed) console.error(`database: client ${this.id}: ${error instanceof Error ? error.message : String(error)}`);
          this.close();
        },
      );
  }
}
