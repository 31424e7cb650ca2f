import { Injectable, Logger } from '@nestjs/common';
import { AuditLogRepository, type NewAuditEntry } from '@dunning/db';

/** Appends to the audit log; a failure to write it is logged, never turned into the caller's error. */
@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(private readonly log: AuditLogRepository) {}

  async record(entry: NewAuditEntry): Promise<void> {
    try {
      await this.log.append(entry);
    } catch (error) {
      this.logger.error(`could not write the audit log for ${entry.method} ${entry.route}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
