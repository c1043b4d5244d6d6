// TEMPORARY STUB — replaced by the real evaluator; the signature is stable.
import type { Context, Evaluation } from './types.js';

export interface CompiledPolicy {
  mode: 'enforce' | 'audit';
  askTimeoutSec: number;
}

/** The verdict for one binary's argv in a context. */
export function evaluateArgv(_policy: CompiledPolicy, argv: string[], _ctx: Context): Evaluation {
  const bad = argv.some((a) => a.includes('evil'));
  return bad
    ? { decision: 'deny', rule: 'stub-evil', reason: 'stub: evil host', matched: [{ id: 'stub-evil', decision: 'deny', reason: 'stub', where: 'stub:1' }] }
    : { decision: 'allow', rule: null, reason: 'no rule matched; policy default is allow', matched: [] };
}
