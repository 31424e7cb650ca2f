import type { ScoreBand } from '@dunning/domain';

/** The colour of a band on the cards (very good → poor). */
export const BAND_COLORS: Record<ScoreBand, string> = { very_good: 'teal', correct: 'blue', fragile: 'orange', poor: 'red' };
