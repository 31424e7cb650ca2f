/**
 * The raw ceiling of unary gRPC calls per second through @grpc/grpc-js on this machine: a trivial
 * echo service in its own process (as temporal-lite is), called over loopback with the
 * benchmark's concurrency. Run as a child: `grpc-ceiling.ts serve`.
 */
import { fork } from 'node:child_process';
import * as grpc from '@grpc/grpc-js';
import { processStats, track } from './child-processes';

export interface GrpcCeiling {
  callsPerSecond: number;
  /** The echo server's CPU per call: what grpc-js and HTTP/2 cost a server for one unary call, with no work in it. */
  serverCpuMsPerCall: number;
}

const PATH = '/bench.Echo/Call';
/** About the size of a small Temporal request. */
const PAYLOAD_BYTES = 200;
const identity = (buffer: Buffer) => buffer;

function serve(): void {
  const server = new grpc.Server();
  server.addService(
    {
      Call: {
        path: PATH,
        requestStream: false,
        responseStream: false,
        requestSerialize: identity,
        requestDeserialize: identity,
        responseSerialize: identity,
        responseDeserialize: identity,
      },
    },
    { Call: (call: grpc.ServerUnaryCall<Buffer, Buffer>, callback: grpc.sendUnaryData<Buffer>) => callback(null, call.request) },
  );
  server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => {
    if (error) throw error;
    process.send?.(port);
  });
  process.on('disconnect', () => process.exit(0));
}

/** Unary calls per second, `concurrency` calls always in flight, for `durationMs`, and the server's CPU per call. */
export async function measureGrpcCeiling(concurrency: number, durationMs: number): Promise<GrpcCeiling> {
  const child = track(fork(__filename, ['serve'], { execArgv: process.execArgv }));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (message) => resolve(Number(message)));
      child.once('exit', (code) => reject(new Error(`echo server exited with ${code}`)));
    });
    const client = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    const payload = Buffer.alloc(PAYLOAD_BYTES, 1);
    const call = () => new Promise<void>((resolve, reject) => client.makeUnaryRequest(PATH, identity, identity, payload, (error) => (error ? reject(error) : resolve())));
    // Warm the connection up before the clock starts.
    await Promise.all(Array.from({ length: concurrency }, call));
    let calls = 0;
    const cpuBefore = processStats(child.pid!).cpuSeconds;
    const started = Date.now();
    const deadline = started + durationMs;
    const loop = async () => {
      while (Date.now() < deadline) {
        await call();
        calls++;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, loop));
    const seconds = (Date.now() - started) / 1000;
    const serverCpuSeconds = processStats(child.pid!).cpuSeconds - cpuBefore;
    client.close();
    return { callsPerSecond: calls / seconds, serverCpuMsPerCall: (1000 * serverCpuSeconds) / calls };
  } finally {
    child.kill('SIGKILL');
  }
}

if (require.main === module && process.argv[2] === 'serve') serve();
