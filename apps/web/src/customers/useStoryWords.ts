import { TIMELINE_DETAILS } from '@dunning/flow';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../common/format';
import { useLabels } from '../common/labels';
import type { StoryWords } from './timeline-words';

/** The interpreter's fixed notes, by their text: each has its words under `timelineNotes.<key>`. */
const NOTE_KEYS = new Map<string, string>(Object.entries(TIMELINE_DETAILS).map(([key, text]) => [text, key]));

/** The words a timeline is told in, in the user's language, money in `currency`. */
export function useStoryWords(currency: string): StoryWords {
  const labels = useLabels();
  const { t } = useTranslation();
  return useMemo(
    () => ({
      type: labels.timeline,
      node: labels.node,
      channel: labels.channel,
      // An entry's outcome is a call's, an agency's case status, or why the flow was held.
      outcome: (type, outcome) => (type === 'agency_update' ? labels.handoffStatus(outcome) : type === 'held' ? labels.holdReason(outcome) : labels.outcome(outcome)),
      status: labels.status,
      money: (minor) => formatMoney(minor, currency, labels.language),
      note: (text) => {
        const key = NOTE_KEYS.get(text);
        return key ? t(`timelineNotes.${key}`) : undefined;
      },
    }),
    [labels, currency, t],
  );
}
