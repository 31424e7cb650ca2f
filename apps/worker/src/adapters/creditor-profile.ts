import { effectiveCreditor } from '@dunning/domain';
import type { CreditorProfile } from '../activities/ports';

/**
 * The creditor's identity at the moment of a step: what the settings hold under `creditor` (the
 * API validated it), else the environment's profile given at boot. Both stores use this, so the
 * memory double and the database agree.
 */
export function creditorProfileOf(stored: unknown, fallback: CreditorProfile): CreditorProfile {
  const creditor = effectiveCreditor(stored, { ...fallback, siren: fallback.legalId });
  if (creditor.source === 'environment') return { ...fallback, source: 'environment' };
  const { source, ...identity } = creditor;
  return { ...identity, paymentUrlTemplate: fallback.paymentUrlTemplate, source };
}
