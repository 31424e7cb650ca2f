import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import {
  AuditLogRepository,
  CallTasksRepository,
  CustomersRepository,
  type DatabaseHandle,
  DocumentsRepository,
  ExceptionsRepository,
  ExperimentsRepository,
  FlowMigrationsRepository,
  FlowsRepository,
  HandoffsRepository,
  ImportBatchesRepository,
  InvoicesRepository,
  LedgerRepository,
  LoginThrottlesRepository,
  MessagesRepository,
  RunningPositionsRepository,
  SendApprovalsRepository,
  SettingsRepository,
  StepRecoveryRepository,
  UsersRepository,
  WorkflowSignalsRepository,
} from '@dunning/db';
import { ReceivablesService } from '@dunning/receivables';

export const DATABASE = Symbol('DATABASE');

const repositories = [
  AuditLogRepository,
  CallTasksRepository,
  CustomersRepository,
  DocumentsRepository,
  ExceptionsRepository,
  ExperimentsRepository,
  FlowMigrationsRepository,
  FlowsRepository,
  HandoffsRepository,
  ImportBatchesRepository,
  InvoicesRepository,
  LedgerRepository,
  LoginThrottlesRepository,
  MessagesRepository,
  RunningPositionsRepository,
  SendApprovalsRepository,
  SettingsRepository,
  StepRecoveryRepository,
  UsersRepository,
  WorkflowSignalsRepository,
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
        // The one writer of money and status (libs/receivables).
        { provide: ReceivablesService, useFactory: () => new ReceivablesService(handle.db) },
      ],
      exports: [DATABASE, ...repositories, ReceivablesService],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    void this.handle;
  }
}
