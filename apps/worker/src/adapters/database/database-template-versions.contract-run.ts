import { type DatabaseHandle, MessageTemplatesRepository } from '@dunning/db';
import { templateVersionsContract } from '../contract/template-versions.contract';
import { DatabaseTemplateVersions } from './database-template-versions';

/** Runs the contract on a database (called by database-dunning-store.spec.ts, which starts each database once for every store). */
export function templateVersionsContracts(database: () => DatabaseHandle): void {
  templateVersionsContract('the database template versions', () => {
    const { db } = database();
    return {
      store: new DatabaseTemplateVersions(db),
      async save(channel, name, locale, parts) {
        await new MessageTemplatesRepository(db).saveVersion({ channel, name, locale, parts });
      },
    };
  });
}
