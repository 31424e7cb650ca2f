import { PGlite } from '@electric-sql/pglite';
import { Socket } from 'node:net';
import { Client } from 'pg';
import { WireServer } from './wire-server';

/** Several pg clients on one PGlite, as the API's and the worker's pools use the embedded database. */
describe('WireServer', () => {
  let db: PGlite;
  let server: WireServer;
  let url: string;
  const clients: Client[] = [];
  const connect = async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    db = await PGlite.create();
    await db.exec('CREATE TABLE account (id int PRIMARY KEY, balance int NOT NULL)');
    server = new WireServer(db, { host: '127.0.0.1', port: 0, maxConnections: 16 });
    url = `postgres://postgres@127.0.0.1:${await server.start()}/postgres`;
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    await server.stop();
    await db.close();
  });

  it('answers each client its own parameterized queries when eight of them send at once', async () => {
    // Each query is Parse, Bind, Describe, Execute, Sync on the unnamed statement and portal: another
    // client's messages in between would replace them ("portal does not exist", or the wrong rows).
    const eight = await Promise.all(Array.from({ length: 8 }, () => connect()));
    const answers = await Promise.all(
      eight.map(async (client, c) => {
        const got: string[] = [];
        for (let i = 0; i < 100; i++) {
          // Each client its own statement text, so a statement bound from another client's Parse shows.
          const { rows } = await client.query<{ who: string }>(`SELECT $1::text || $2::text || '${'!'.repeat(c)}' AS who`, [`client ${c}`, ` query ${i}`]);
          got.push(rows[0]!.who);
        }
        return got;
      }),
    );
    answers.forEach((got, c) => expect(got).toEqual(Array.from({ length: 100 }, (_, i) => `client ${c} query ${i}${'!'.repeat(c)}`)));
  }, 60_000);

  it('holds the session for a client between its Parse and its Sync, even when it waits in between', async () => {
    // A sends Parse and Bind, then Flush, and waits for their answers before it executes: B's whole
    // query meanwhile must wait, or its Sync would close A's unnamed portal ('portal "" does not exist').
    const [a, b] = await Promise.all([rawClient(url), rawClient(url)]);
    a.send(parse('SELECT 1 AS one'), bind(), flush());
    expect(await a.receive('2')).toEqual(['1', '2']);
    b.send(parse('SELECT 2 AS two'), bind(), execute(), sync());
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(b.types).toEqual([]);
    a.send(execute(), sync());
    expect(await a.receive('Z')).toEqual(['D', 'C', 'Z']);
    expect(await b.receive('Z')).toEqual(['1', '2', 'D', 'C', 'Z']);
    a.end();
    b.end();
  }, 30_000);

  it('keeps a transaction whole: no other client runs inside it, and a failed statement fails only its own client', async () => {
    const [a, b] = await Promise.all([connect(), connect()]);
    await a.query('BEGIN');
    await a.query('INSERT INTO account VALUES (1, 100)');
    // b's insert waits for a's transaction to end instead of joining it (a rollback would take it away too).
    const inserted = b.query('INSERT INTO account VALUES (2, 200)');
    await expect(a.query('SELECT nope FROM account')).rejects.toThrow(/nope/);
    await a.query('ROLLBACK');
    await inserted;
    expect((await b.query('SELECT id FROM account ORDER BY id')).rows).toEqual([{ id: 2 }]);
  }, 30_000);

  it('rolls back the transaction of a client that leaves in the middle of it, and serves the others', async () => {
    const [leaving, staying] = await Promise.all([connect(), connect()]);
    await leaving.query('BEGIN');
    await leaving.query('UPDATE account SET balance = 0 WHERE id = 2');
    const waiting = staying.query('SELECT balance FROM account WHERE id = 2');
    leaving.on('error', () => undefined); // its connection is cut on purpose
    (leaving as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    expect((await waiting).rows).toEqual([{ balance: 200 }]);
    expect(db.isInTransaction()).toBe(false);
  }, 30_000);
});

/** A client speaking the wire protocol by hand, to send the messages of a query in separate writes. */
async function rawClient(url: string) {
  const { port } = new URL(url);
  const socket = new Socket();
  await new Promise<void>((resolve) => socket.connect(Number(port), '127.0.0.1', resolve));
  let buffered = Buffer.alloc(0);
  const types: string[] = [];
  const listeners = new Set<() => void>();
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    while (buffered.length >= 5 && buffered.length >= 1 + buffered.readInt32BE(1)) {
      const type = String.fromCharCode(buffered[0]!);
      if (type !== 'S') types.push(type); // ParameterStatus may come at any time (protocol 55.2.7)
      buffered = buffered.subarray(1 + buffered.readInt32BE(1));
    }
    listeners.forEach((listener) => listener());
  });
  const client = {
    types,
    send: (...messages: Buffer[]) => socket.write(Buffer.concat(messages)),
    /** The types of the messages answered so far, once one of type `last` arrived; then forgets them. */
    receive: (last: string) =>
      new Promise<string[]>((resolve) => {
        const check = () => {
          if (!types.includes(last)) return;
          listeners.delete(check);
          resolve(types.splice(0, types.length));
        };
        listeners.add(check);
        check();
      }),
    end: () => socket.end(message('X', Buffer.alloc(0))),
  };
  const user = Buffer.from('user\0postgres\0database\0postgres\0\0');
  const startup = Buffer.alloc(8 + user.length);
  startup.writeInt32BE(startup.length, 0);
  startup.writeInt32BE(196608, 4);
  user.copy(startup, 8);
  socket.write(startup);
  await client.receive('Z');
  return client;
}

function message(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0);
  header.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([header, body]);
}
const text = (value: string) => Buffer.from(`${value}\0`);
const parse = (sql: string) => message('P', Buffer.concat([text(''), text(sql), Buffer.from([0, 0])]));
const bind = () => message('B', Buffer.concat([text(''), text(''), Buffer.from([0, 0, 0, 0, 0, 0])]));
const execute = () => message('E', Buffer.concat([text(''), Buffer.from([0, 0, 0, 0])]));
const flush = () => message('H', Buffer.alloc(0));
const sync = () => message('S', Buffer.alloc(0));
