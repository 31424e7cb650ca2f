import type { ReceivableStatus } from '@dunning/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The API's codes in the user's language (i18n/vocabulary.ts). A code the UI does not know yet is
 * shown as it came rather than as a missing-key path.
 */
export function useLabels() {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const word = (group: string) => (code: string | null | undefined) => (code ? t(`${group}.${code}`, { defaultValue: code }) : '—');
    return {
      language: i18n.language,
      status: word('statuses'),
      taskStatus: word('taskStatuses'),
      outcome: word('outcomes'),
      channel: word('channels'),
      messageStatus: word('messageStatuses'),
      handoffStatus: word('handoffStatuses'),
      bucket: word('buckets'),
      bucketShort: word('bucketsShort'),
      holdReason: word('holdReasons'),
      timeline: word('timeline'),
      node: word('nodes'),
      locale: word('languages'),
      documentKind: word('documentKinds'),
      supportingType: word('supportingDocumentTypes'),
      interruptionKind: word('claimInterruptionKinds'),
      legalRoute: word('legalRoutes'),
      court: word('courts'),
      legalStage: word('legalCaseStages'),
      insuranceKind: word('insuranceDeclarationKinds'),
      insuranceStatus: word('insuranceDeclarationStatuses'),
      scoreBand: word('scoreBands'),
      scoreSource: word('scoreSources'),
      kind: (kind: string) => t(`exceptionKinds.${kind}.label`, { defaultValue: kind }),
      kindHelp: (kind: string) => t(`exceptionKinds.${kind}.help`, { defaultValue: '' }),
      /** English labels for the accounts the product posts to; the API's French label otherwise. */
      account: (account: string, apiLabel: string) => t(`accounts.${account}`, { defaultValue: apiLabel }),
    };
  }, [t, i18n.language]);
}

/** Mantine colours of receivable statuses: closed in grey, trouble in red/orange. */
export const STATUS_COLORS: Record<string, string> = {
  not_due: 'gray',
  due: 'blue',
  overdue: 'orange',
  disputed: 'red',
  promised: 'teal',
  doubtful: 'orange',
  irrecoverable: 'red',
  paid: 'green',
  written_off: 'dark',
  with_agency: 'grape',
  cancelled: 'gray',
  // Near or past its limitation date (Code de commerce L110-4): act before it lapses.
  old: 'yellow',
} satisfies Record<ReceivableStatus, string>;
