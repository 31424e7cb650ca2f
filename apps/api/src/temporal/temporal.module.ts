import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Client } from '@temporalio/client';

export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
export const TASK_QUEUE = Symbol('TASK_QUEUE');

/** The Temporal client (embedded temporal-lite or a real cluster) and the invoices' task queue. */
@Global()
@Module({})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  static forClient(client: Client, taskQueue: string) {
    return {
      module: TemporalModule,
      providers: [
        { provide: TEMPORAL_CLIENT, useValue: client },
        { provide: TASK_QUEUE, useValue: taskQueue },
      ],
      exports: [TEMPORAL_CLIENT, TASK_QUEUE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    void this.client;
  }
}
