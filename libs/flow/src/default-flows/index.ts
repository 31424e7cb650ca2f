import type { Flow } from '../schema/flow.schema';
import { gentleFlow } from './gentle.flow';
import { standardFlow } from './standard.flow';
import { strictFlow } from './strict.flow';

export { FlowBuilder } from './flow-builder';
export { gentleFlow, standardFlow, strictFlow };

/** The templates the default flows use, by channel (the templates/ folder must hold them all). */
export const DEFAULT_TEMPLATES = {
  email: ['pre-reminder', 'reminder-1', 'reminder-2', 'reminder-3'],
  sms: ['sms-reminder', 'sms-final'],
  letter: ['formal-notice'],
  call: ['call-script'],
} as const;

/** Score bands: 8–10 very good, 6–8 correct, 4–6 fragile, 1–4 poor. */
export function defaultFlowForRiskScore(score: number): Flow {
  if (score >= 8) return gentleFlow();
  if (score <= 4) return strictFlow();
  return standardFlow();
}
