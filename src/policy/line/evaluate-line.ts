// The verdict for a whole command line (the hook layer), from the same rules as the shims.
import { decide } from '../evaluate.js';
import type { CompiledPolicy } from '../policy.js';
import type { Context, Evaluation } from '../types.js';
import { judgeShellLine } from './judge-line.js';

/** Verdict for a bash command line: the strictest over every command it will run. */
export function evaluateLine(policy: CompiledPolicy, line: string, ctx: Context): Evaluation {
  return decide(policy, policy.rules, judgeShellLine(policy, line, ctx));
}
