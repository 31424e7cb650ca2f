import { useMemo } from 'react';
import { formatMoney } from '../common/format';
import { useLabels } from '../common/labels';
import type { StoryWords } from './timeline-words';

/** The words a timeline is told in, in the user's language, money in `currency`. */
export function useStoryWords(currency: string): StoryWords {
  const labels = useLabels();
  return useMemo(
    () => ({
      type: labels.timeline,
      node: labels.node,
      channel: labels.channel,
      // An entry's outcome is a call's, an agency's case status, or why the flow was held.
      outcome: (type, outcome) => (type === 'agency_update' ? labels.handoffStatus(outcome) : type === 'held' ? labels.holdReason(outcome) : labels.outcome(outcome)),
      status: labels.status,
      money: (minor) => formatMoney(minor, currency, labels.language),
    }),
    [labels, currency],
  );
}
