import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import {
  CallTasksRepository,
  CustomersRepository,
  type DatabaseHandle,
  DocumentsRepository,
  FlowsRepository,
  HandoffsRepository,
  ImportBatchesRepository,
  InvoicesRepository,
  LedgerRepository,
  MessagesRepository,
  UsersRepository,
} from '@dunning/db';

export const DATABASE = Symbol('DATABASE');

const repositories = [
  CallTasksRepository,
  CustomersRepository,
  DocumentsRepository,
  FlowsRepository,
  HandoffsRepository,
  ImportBatchesRepository,
  InvoicesRepository,
  LedgerRepository,
  MessagesRepository,
  UsersRepository,
];

/** The opened database and one instance of each repository on it. */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly handle: DatabaseHandle) {}

  static forDatabase(handle: DatabaseHandle) {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DATABASE, useValue: handle },
        ...repositories.map((Repository) => ({ provide: Repository, useFactory: () => new Repository(handle.db) })),
      ],
      exports: [DATABASE, ...repositories],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    void this.handle;
  }
}
