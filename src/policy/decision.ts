import type { Decision } from './types.js';

const RANK: Record<Decision, number> = { allow: 0, ask: 1, deny: 2 };

/** The stricter of two decisions (deny > ask > allow). */
export function stricter(a: Decision, b: Decision): Decision {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Numeric rank of a decision, for sorting. */
export function rank(d: Decision): number {
  return RANK[d];
}

export function isDecision(x: unknown): x is Decision {
  return x === 'allow' || x === 'ask' || x === 'deny';
}
