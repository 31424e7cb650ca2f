import type { UnaryHandler } from '../grpc/grpc-service';

/** grpc.health.v1: load balancers and `grpc-health-probe` see a serving server. */
export function healthHandlers(): Record<string, UnaryHandler> {
  return { Check: () => ({ status: 1 /* SERVING */ }) };
}
