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
Object.defineProperty(exports, '__esModule', { value: true });
exports.measureGrpcCeiling = measureGrpcCeiling;
/**
 * The raw ceiling of unary gRPC calls per second through @grpc/grpc-js on this machine: a trivial
 * echo service in its own process (as temporal-lite is), called over loopback with the
 * benchmark's concurrency. Run as a child: `grpc-ceiling.ts serve`.
 */
const node_child_process_1 = require('node:child_process');
const grpc = __importStar(require('@grpc/grpc-js'));
const child_processes_1 = require('./child-processes');
const PATH = '/bench.Echo/Call';
/** About the size of a small Temporal request. */
const PAYLOAD_BYTES = 200;
const identity = (buffer) => buffer;
function serve() {
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
    { Call: (call, callback) => callback(null, call.request) },
  );
  server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => {
    if (error) throw error;
    process.send?.(port);
  });
  process.on('disconnect', () => process.exit(0));
}
/** Unary calls per second, `concurrency` calls always in flight, for `durationMs`. */
async function measureGrpcCeiling(concurrency, durationMs) {
  const child = (0, child_processes_1.track)((0, node_child_process_1.fork)(__filename, ['serve'], { execArgv: process.execArgv }));
  try {
    const port = await new Promise((resolve, reject) => {
      child.once('message', (message) => resolve(Number(message)));
      child.once('exit', (code) => reject(new Error(`echo server exited with ${code}`)));
    });
    const client = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    const payload = Buffer.alloc(PAYLOAD_BYTES, 1);
    const call = () => new Promise((resolve, reject) => client.makeUnaryRequest(PATH, identity, identity, payload, (error) => (error ? reject(error) : resolve())));
    // Warm the connection up before the clock starts.
    await Promise.all(Array.from({ length: concurrency }, call));
    let calls = 0;
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
    client.close();
    return calls / seconds;
  } finally {
    child.kill('SIGKILL');
  }
}
if (require.main === module && process.argv[2] === 'serve') serve();
