// Shared by the policy tests: the shipped profile loaded once, and a one-call verdict helper.
import { loadPolicy } from '../../src/config/load.js';
import { evaluateArgv } from '../../src/policy/evaluate.js';
import { evaluateLine } from '../../src/policy/line/evaluate-line.js';
import { evaluateToolCall } from '../../src/policy/tool-call.js';
import { EXAMPLE_CONTEXT } from '../../src/policy/examples.js';
import type { CompiledPolicy } from '../../src/policy/policy.js';
import type { Context, Evaluation } from '../../src/policy/types.js';

let cached: CompiledPolicy | undefined;

/** The built-in profile alone (no user or project layers). */
export async function builtin(): Promise<CompiledPolicy> {
  cached ??= (await loadPolicy({ rampartHome: '/nonexistent/rh', home: '/nonexistent/h', projectRoot: '/nonexistent/p', noProject: true, checkBuiltinExamples: true })).policy;
  return cached;
}

/** Verdict for argv in the example context (HOME=/home/user, project /home/user/project). */
export function verdict(policy: CompiledPolicy, argv: string[], extra: Partial<Context> = {}): Evaluation {
  return evaluateArgv(policy, argv, { ...EXAMPLE_CONTEXT, ...extra });
}

export type LineRow = [line: string, expect: 'allow' | 'ask' | 'deny'];

/** Runs groups of whole-command-line rows through the line judge (the hook's view) as subtests
 *  (in the example context, with EXTRA's fields in place of its own: a repository reader that knows more, another cwd). */
export async function lineTable(t: { test(name: string, fn: (t: any) => Promise<void>): unknown }, table: Record<string, LineRow[]>, extra: Partial<Context> = {}): Promise<void> {
  const policy = await builtin();
  for (const [group, rows] of Object.entries(table)) {
    t.test(group, async (t) => {
      for (const [line, expect] of rows) {
        const e = evaluateLine(policy, line, { ...EXAMPLE_CONTEXT, ...extra });
        t.equal(e.decision, expect, `${JSON.stringify(line)} → ${e.decision} (${e.rule ?? 'default'})`);
      }
    });
  }
}

export type ToolRow = [tool: string, input: Record<string, unknown>, expect: 'allow' | 'ask' | 'deny'];

/** Runs tool-call rows (a tool other than Bash and its input) through the tool-call judge, the hook's view, in the
 *  example context. */
export async function toolRows(t: { equal(found: unknown, wanted: unknown, message: string): unknown }, rows: ToolRow[]): Promise<void> {
  const policy = await builtin();
  for (const [tool, input, expect] of rows) {
    const e = evaluateToolCall(policy, { tool_name: tool, tool_input: input }, EXAMPLE_CONTEXT);
    t.equal(e.decision, expect, `${tool} ${JSON.stringify(input)} → ${e.decision} (${e.rule ?? 'default'})`);
  }
}
