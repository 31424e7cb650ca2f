import type { Database } from '@dunning/db';
import type { ActivityDependencies } from '../../activities/ports';
import { DatabaseInsuranceStore } from './database-insurance-store';
import { DatabaseFlowStore } from './database-flow-store';
import { DatabaseLegalCaseStore } from './database-legal-case-store';
import { DatabaseRecoverabilityStore } from './database-recoverability-store';

/** The legal and risk ports (issue 13) on the database. */
export function databaseRiskStores(db: Database): Pick<ActivityDependencies, 'recoverability' | 'legalCases' | 'insurance' | 'flows'> {
  return {
    recoverability: new DatabaseRecoverabilityStore(db),
    legalCases: new DatabaseLegalCaseStore(db),
    insurance: new DatabaseInsuranceStore(db),
    flows: new DatabaseFlowStore(db),
  };
}
