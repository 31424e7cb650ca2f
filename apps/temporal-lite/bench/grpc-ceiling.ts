/**
 * The raw ceiling of unary gRPC calls per second through @grpc/grpc-js on this machine: a trivial
 * echo service in its own process, called over loopback with the benchmark's concurrency.
 * Run as a child: `grpc-ceiling.ts serve PORT`.
 */
import { fork } from 'node:child_process';
import * as grpc from '@grpc/grpc-js';

const PATH = '/bench.Echo/Call';
const identity = (buffer: Buffer) => buffer;

function serve(port: number): void {
  const server = new grpc.Server();
  server.addService(
    { Call: { path: PATH, requestStream: false, responseStream: false, requestSerialize: identity, requestDeserialize: identity, responseSerialize: identity, responseDeserialize: identity } },
    { Call: (call: grpc.ServerUnaryCall<Buffer, Buffer>, callback: grpc.sendUnaryData<Buffer>) => callback(null, call.request) },
  );
  server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), () => process.send?.('ready'));
}

export async function measureGrpcCeiling(port: number, concurrency: number, durationMs: number): Promise<number> {
  const child = fork(__filename, ['serve', String(port)], { execArgv: process.execArgv });
  try {
    await new Promise<void>((resolve) => child.once('message', () => resolve()));
    const client = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    const payload = Buffer.alloc(200, 1);
    let calls = 0;
    const deadline = Date.now() + durationMs;
    const loop = async () => {
      while (Date.now() < deadline) {
        await new Promise<void>((resolve, reject) =>
          client.makeUnaryRequest(PATH, identity, identity, payload, (error) => (error ? reject(error) : resolve())),
        );
        calls++;
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: concurrency }, loop));
    client.close();
    return calls / ((Date.now() - started) / 1000);
  } finally {
    child.kill();
  }
}

if (process.argv[2] === 'serve') serve(Number(process.argv[3]));
