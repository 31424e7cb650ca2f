import { courtRoutesCases } from './court-routes.cases';
import { creditInsuranceCases } from './credit-insurance.cases';

// Court routes and credit insurance under time skipping: one file, so the workflows are bundled once (dunning-env.ts caches the bundle per process).
courtRoutesCases();
creditInsuranceCases();
