import { ApiHarness } from './api-env';
import { paymentTermsCases } from './import-payment-terms.cases';
import { legalCasesCases } from './legal-cases.cases';
import { recoverabilityAndClaimAgeCases } from './recoverability-and-claim-age.cases';
import { SOLVENCY_TEST_SECRET, solvencyRerouteCases } from './solvency-reroute.cases';

/**
 * The French legal and risk toolkit through the real API, database, worker and temporal-lite: one
 * harness for its four suites (each owns its customers and invoices), as a start costs ~20 s.
 */
let harness: ApiHarness;
beforeAll(async () => {
  harness = await ApiHarness.start({ config: { CREDITOR_SIREN: '732829320', SOLVENCY_WEBHOOK_SECRET: SOLVENCY_TEST_SECRET } });
}, 180_000);
afterAll(async () => harness?.stop());

// In this order: the claim-age suite dates its invoices by the real clock, before the others move the virtual one.
paymentTermsCases(() => harness);
recoverabilityAndClaimAgeCases(() => harness);
solvencyRerouteCases(() => harness);
legalCasesCases(() => harness);
