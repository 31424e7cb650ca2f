import type { PGlite } from '@electric-sql/pglite';
import { ReadyForQueryTracker } from './ready-for-query-tracker';

interface Turn {
  client: number;
  execute(): Promise<void>;
  settle(error?: unknown): void;
  /** A departed client's turn that brings the session back to rest. */
  reset?: boolean;
}

const SYNC = Buffer.from([0x53, 0, 0, 0, 4]);
const ROLLBACK = query('ROLLBACK');

/**
 * PGlite is one PostgreSQL session: its clients take turns on it. A client keeps the session from
 * its first message until the session is back at rest (ReadyForQuery, idle), so an extended query
 * (Parse, Bind, Execute … Sync) or a transaction (BEGIN … COMMIT) is never interleaved with
 * another client's messages, whose unnamed statement or portal would replace its own, or which
 * would run inside its transaction. Otherwise turns go first come, first served.
 */
export class SharedSession {
  private readonly turns: Turn[] = [];
  private readonly output = new ReadyForQueryTracker();
  private holder: number | undefined;
  private pumping = false;

  constructor(private readonly db: PGlite) {}

  /** Runs a client's messages (whole frontend messages, in order) and streams the backend's answer. */
  run(client: number, messages: Uint8Array, onData: (chunk: Uint8Array) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.turns.push({
        client,
        execute: () =>
          this.db.execProtocolRawStream(messages, {
            onRawData: (chunk) => {
              this.output.feed(chunk);
              onData(chunk);
            },
          }),
        settle: (error) => (error === undefined ? resolve() : reject(error)),
      });
      void this.pump();
    });
  }

  /**
   * A client left: its waiting turns are dropped, and if it held the session mid-way (an extended
   * query without its Sync, an open transaction), the session is brought back to rest first.
   */
  leave(client: number): Promise<void> {
    for (const turn of this.turns.filter((t) => t.client === client)) {
      this.turns.splice(this.turns.indexOf(turn), 1);
      turn.settle(new Error('the client left'));
    }
    return new Promise((resolve) => {
      this.turns.unshift({
        client,
        reset: true,
        execute: async () => {
          if (this.holder !== client) return;
          // Streamed to nowhere: PGlite's plain execProtocolRaw would write to the last stream's callback.
          const discard = { onRawData: () => undefined };
          await this.db.execProtocolRawStream(SYNC, discard);
          if (this.db.isInTransaction()) await this.db.execProtocolRawStream(ROLLBACK, discard);
        },
        settle: () => resolve(),
      });
      void this.pump();
    });
  }

  /** The client the session is held for, if any (tests). */
  get heldBy(): number | undefined {
    return this.holder;
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        const index = this.holder === undefined ? 0 : this.turns.findIndex((t) => t.client === this.holder);
        const turn = index >= 0 ? this.turns[index] : undefined;
        if (!turn) return;
        this.turns.splice(index, 1);
        this.output.reset();
        try {
          await this.db.runExclusive(() => turn.execute());
          turn.settle();
        } catch (error) {
          turn.settle(error);
        }
        if (turn.reset) {
          if (this.holder === turn.client) this.holder = undefined;
        } else if (this.output.answered) {
          // Nothing written (a lone Flush, messages ignored until Sync after an error): the session did not move.
          this.holder = this.output.idle ? undefined : turn.client;
        }
      }
    } finally {
      this.pumping = false;
    }
  }
}

function query(sql: string): Buffer {
  const text = Buffer.from(`${sql}\0`);
  const message = Buffer.alloc(5 + text.length);
  message.write('Q', 0);
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return message;
}
