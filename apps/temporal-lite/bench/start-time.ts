/**
 * How long temporal-lite takes from `spawn` to accepting gRPC calls (the SDK gives a server it
 * launches a fixed 5 s), beside a bare `node` start measured in the same run as the baseline.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { track } from './child-processes';
import { percentile } from './workflow-task-latency';

const BIN = path.resolve(__dirname, '../bin/temporal-lite');

export interface StartTimes {
  runs: number;
  bareNode: { p50: number; max: number };
  testServer: { p50: number; max: number };
  devServer: { p50: number; max: number };
}

/** Milliseconds from spawn until the process prints `listening` and, for a server, answers a gRPC call. */
async function timeOnce(args: string[], probeGrpc: boolean): Promise<number> {
  const t0 = performance.now();
  const child = track(spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] }));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let output = '';
      const collect = (chunk: Buffer) => {
        output += String(chunk);
        const listening = /listening(?: on [^\s]*:(\d+))?/.exec(output);
        if (listening) resolve(Number(listening[1] ?? 0));
      };
      child.stdout!.on('data', collect);
      child.stderr!.on('data', collect);
      child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}: ${output}`)));
    });
    if (probeGrpc) await getSystemInfo(`127.0.0.1:${port}`);
    return performance.now() - t0;
  } finally {
    child.kill('SIGKILL');
  }
}

function getSystemInfo(address: string): Promise<void> {
  const client = new grpc.Client(address, grpc.credentials.createInsecure());
  const identity = (buffer: Buffer) => buffer;
  return new Promise<void>((resolve, reject) => {
    client.makeUnaryRequest('/temporal.api.workflowservice.v1.WorkflowService/GetSystemInfo', identity, identity, Buffer.alloc(0), (error) => {
      client.close();
      if (error) reject(error);
      else resolve();
    });
  });
}

async function sample(runs: number, args: string[], probeGrpc: boolean): Promise<{ p50: number; max: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timeOnce(args, probeGrpc));
  return { p50: percentile(times, 50), max: Math.max(...times) };
}

export async function measureStartTimes(runs = 7): Promise<StartTimes> {
  return {
    runs,
    bareNode: await sample(runs, ['-e', "process.stdout.write('listening')"], false),
    testServer: await sample(runs, [BIN, '0'], true),
    devServer: await sample(runs, [BIN, 'server', 'start-dev', '--port', '0', '--ip', '127.0.0.1', '--headless'], true),
  };
}
