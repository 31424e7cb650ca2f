import { scoreBand } from '@dunning/domain';
import type { Flow } from '../schema/flow.schema';
import { courtFlow } from './court.flow';
import { gentleFlow } from './gentle.flow';
import { standardFlow } from './standard.flow';
import { strictFlow } from './strict.flow';

export { FlowBuilder } from './flow-builder';
export { gentleFlow, standardFlow, strictFlow, courtFlow };

/** The templates the default flows use, by channel (the templates/ folder must hold them all). */
export const DEFAULT_TEMPLATES = {
  email: ['pre-reminder', 'reminder-1', 'reminder-2', 'reminder-3'],
  sms: ['sms-reminder', 'sms-final'],
  letter: ['formal-notice'],
  call: ['call-script'],
} as const;

/** Score bands (scoreBand): very good → gentle, poor → strict, else the standard ladder. */
export function defaultFlowForRiskScore(score: number): Flow {
  const band = scoreBand(score);
  if (band === 'very_good') return gentleFlow();
  if (band === 'poor') return strictFlow();
  return standardFlow();
}
