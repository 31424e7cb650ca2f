import type { ExperimentReport, ExperimentVerdict } from '../api/experiments-queries';
import type { Translate } from '../common/errors';
import { formatCount, formatDecimal, formatPercentValue, pluralCount, ratePoints } from './experiment-numbers';

/**
 * The report's verdict as one plain sentence: which arm recovers more and how sure that is, or how
 * many more invoices it takes to tell a difference of so many points.
 */
export function verdictSentence(verdict: ExperimentVerdict, t: Translate, language: string): string {
  if (verdict.kind === 'better') {
    return t('experiments.verdict.better', { arm: verdict.arm, comparedTo: verdict.comparedTo, confidence: formatPercentValue(verdict.confidencePercent, language) });
  }
  const points = ratePoints(verdict.detectableDifference);
  return t('experiments.verdict.notEnoughData', {
    count: pluralCount(verdict.moreInvoicesNeeded),
    invoices: formatCount(verdict.moreInvoicesNeeded, language),
    points: t('experiments.verdict.points', { count: points, value: formatDecimal(points, language) }),
  });
}

/** The arm the stop button offers first: the verdict's winner, else the best arm so far, else the first. */
export function defaultWinner(report: Pick<ExperimentReport, 'verdict' | 'comparison' | 'arms'>): string | undefined {
  if (report.verdict.kind === 'better') return report.verdict.arm;
  return report.comparison?.best ?? report.arms[0]?.key;
}
