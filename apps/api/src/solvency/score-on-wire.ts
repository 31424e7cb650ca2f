import { scoreBand } from '@dunning/domain';
import type { SolvencyScoreRow } from '@dunning/db';

/** A score row as the API answers it, with its band. */
export function scoreOnWire(row: SolvencyScoreRow) {
  return {
    id: row.id,
    customerId: row.customerId,
    score: row.score,
    band: scoreBand(row.score),
    provider: row.provider,
    source: row.source,
    scoredAt: row.scoredAt,
    externalId: row.externalId,
    note: row.note,
    createdAt: row.createdAt,
  };
}
