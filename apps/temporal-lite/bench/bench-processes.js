'use strict';
var __createBinding =
  (this && this.__createBinding) ||
  (Object.create
    ? function (o, m, k, k2) {
        if (k2 === undefined) k2 = k;
        var desc = Object.getOwnPropertyDescriptor(m, k);
        if (!desc || ('get' in desc ? !m.__esModule : desc.writable || desc.configurable)) {
          desc = {
            enumerable: true,
            get: function () {
              return m[k];
            },
          };
        }
        Object.defineProperty(o, k2, desc);
      }
    : function (o, m, k, k2) {
        if (k2 === undefined) k2 = k;
        o[k2] = m[k];
      });
var __setModuleDefault =
  (this && this.__setModuleDefault) ||
  (Object.create
    ? function (o, v) {
        Object.defineProperty(o, 'default', { enumerable: true, value: v });
      }
    : function (o, v) {
        o['default'] = v;
      });
var __importStar =
  (this && this.__importStar) ||
  (function () {
    var ownKeys = function (o) {
      ownKeys =
        Object.getOwnPropertyNames ||
        function (o) {
          var ar = [];
          for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
          return ar;
        };
      return ownKeys(o);
    };
    return function (mod) {
      if (mod && mod.__esModule) return mod;
      var result = {};
      if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== 'default') __createBinding(result, mod, k[i]);
      __setModuleDefault(result, mod);
      return result;
    };
  })();
var __importDefault =
  (this && this.__importDefault) ||
  function (mod) {
    return mod && mod.__esModule ? mod : { default: mod };
  };
Object.defineProperty(exports, '__esModule', { value: true });
exports.startServer = startServer;
exports.stopProcess = stopProcess;
exports.startWorker = startWorker;
exports.unlockTimeSkipping = unlockTimeSkipping;
exports.probeResponsiveness = probeResponsiveness;
/**
 * Starting the benchmark's servers and worker as child processes, and probing the server's
 * responsiveness while it is under load.
 */
const node_child_process_1 = require('node:child_process');
const node_path_1 = __importDefault(require('node:path'));
const grpc = __importStar(require('@grpc/grpc-js'));
const child_processes_1 = require('./child-processes');
const BIN = node_path_1.default.resolve(__dirname, '../bin/temporal-lite');
const identity = (buffer) => buffer;
/** Starts `bin/temporal-lite ARGS` (a port of 0 lets the server pick one) and waits until it listens. */
async function startServer(args) {
  const child = (0, child_processes_1.track)((0, node_child_process_1.spawn)(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'inherit'] }));
  const port = await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += String(chunk);
      const listening = /listening on [^\s]*:(\d+)/.exec(output);
      if (listening) resolve(Number(listening[1]));
    });
    child.once('exit', (code) => reject(new Error(`temporal-lite ${args.join(' ')} exited with ${code}: ${output}`)));
  });
  return { child, address: `127.0.0.1:${port}` };
}
function stopProcess(child) {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
async function startWorker(config, maxOldSpaceMb) {
  const child = (0, child_processes_1.track)(
    (0, node_child_process_1.fork)(node_path_1.default.resolve(__dirname, 'bench-worker.ts'), [], {
      execArgv: [...process.execArgv, `--max-old-space-size=${maxOldSpaceMb}`],
    }),
  );
  const next = (type, timeoutMs) =>
    new Promise((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`worker: no "${type}" within ${timeoutMs} ms`)), timeoutMs);
      const onMessage = (message) => {
        if (message.type !== type && message.type !== 'failed') return;
        clearTimeout(timeout);
        child.off('message', onMessage);
        if (message.type === 'failed') reject(new Error(`worker failed: ${message.error}`));
        else resolve(message);
      };
      child.on('message', onMessage);
      child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    });
  let activities = 0;
  child.on('message', (message) => {
    if (message.type === 'progress') activities = message.activities;
  });
  const ready = next('ready', 120_000);
  child.send(config);
  await ready;
  return {
    child,
    activitiesDone: () => activities,
    stop: async () => {
      const stopped = next('stopped', 60_000);
      child.send('stop');
      const message = await stopped;
      stopProcess(child);
      return message.type === 'stopped' ? message.warnings : {};
    },
  };
}
/** Unlocks time skipping for good (UnlockTimeSkippingRequest is an empty message). */
function unlockTimeSkipping(address) {
  const client = new grpc.Client(address, grpc.credentials.createInsecure());
  return new Promise((resolve, reject) =>
    client.makeUnaryRequest('/temporal.api.testservice.v1.TestService/UnlockTimeSkipping', identity, identity, Buffer.alloc(0), (error) => {
      client.close();
      if (error) reject(error);
      else resolve();
    }),
  );
}
/**
 * Calls GetSystemInfo (no state, no disk) every `intervalMs`, one at a time: its round trip is
 * how long any caller waits for the server's event loop, so long stalls show up here.
 */
function probeResponsiveness(address, intervalMs) {
  const client = new grpc.Client(address, grpc.credentials.createInsecure());
  const times = [];
  let stopped = false;
  const call = () =>
    new Promise((resolve) => client.makeUnaryRequest('/temporal.api.workflowservice.v1.WorkflowService/GetSystemInfo', identity, identity, Buffer.alloc(0), () => resolve()));
  const loop = (async () => {
    await call(); // connects; not a measure of the server
    while (!stopped) {
      const started = performance.now();
      await call();
      times.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      client.close();
      return times;
    },
  };
}
