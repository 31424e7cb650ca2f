/** An arm of an experiment and its weight (its share is weight / the sum of the weights). */
export interface WeightedArm {
  key: string;
  weight: number;
}

/**
 * The arm a customer belongs to: a hash of the experiment and the customer, placed on the arms'
 * cumulative weights. Deterministic (the same customer always lands in the same arm, so all of a
 * customer's invoices run one flow), uniform, and independent between experiments.
 */
export function chooseArm<A extends WeightedArm>(experimentId: string, customerId: string, arms: readonly A[]): A {
  if (arms.length === 0) throw new Error('an experiment needs arms');
  const total = arms.reduce((sum, arm) => sum + arm.weight, 0);
  const point = (fnv1a(`${experimentId}:${customerId}`) / 2 ** 32) * total;
  let cumulative = 0;
  for (const arm of arms) {
    cumulative += arm.weight;
    if (point < cumulative) return arm;
  }
  return arms[arms.length - 1]!;
}

/** FNV-1a, 32 bits, over the string's UTF-16 code units: stable across processes and versions. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // A final avalanche: nearby ids (…-1, …-2) must not land on nearby points.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35) >>> 0;
  hash ^= hash >>> 16;
  return hash >>> 0;
}
