// Shared by the policy tests: the shipped profile loaded once, and a one-call verdict helper.
import { loadPolicy } from '../../src/config/load.js';
import { evaluateArgv } from '../../src/policy/evaluate.js';
import { EXAMPLE_CONTEXT } from '../../src/policy/examples.js';
import type { CompiledPolicy } from '../../src/policy/policy.js';
import type { Context, Evaluation } from '../../src/policy/types.js';

let cached: CompiledPolicy | undefined;

/** The built-in profile alone (no user or project layers). */
export async function builtin(): Promise<CompiledPolicy> {
  cached ??= (await loadPolicy({ rampartHome: '/nonexistent/rh', home: '/nonexistent/h', projectRoot: '/nonexistent/p', noProject: true })).policy;
  return cached;
}

/** Verdict for argv in the example context (HOME=/home/user, project /home/user/project). */
export function verdict(policy: CompiledPolicy, argv: string[], extra: Partial<Context> = {}): Evaluation {
  return evaluateArgv(policy, argv, { ...EXAMPLE_CONTEXT, ...extra });
}
