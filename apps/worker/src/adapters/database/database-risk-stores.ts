import { DatabaseApprovalStore } from './database-approval-store';
import type { Database } from '@dunning/db';
import type { ActivityDependencies } from '../../activities/ports';
import { DatabaseInsuranceStore } from './database-insurance-store';
import { DatabaseFlowStore } from './database-flow-store';
import { DatabaseLegalCaseStore } from './database-legal-case-store';
import { DatabaseRecoverabilityStore } from './database-recoverability-store';

/** The legal and risk ports (issue 13) on the database. */
export function databaseRiskStores(db: Database): Pick<ActivityDependencies, 'recoverability' | 'legalCases' | 'insurance' | 'flows' | 'approvals'> {
  return {
    // Safe mode's queue (not a risk port, but wired with them everywhere the database is).
    approvals: new DatabaseApprovalStore(db),
    recoverability: new DatabaseRecoverabilityStore(db),
    legalCases: new DatabaseLegalCaseStore(db),
    insurance: new DatabaseInsuranceStore(db),
    flows: new DatabaseFlowStore(db),
  };
}
