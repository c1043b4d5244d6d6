// Every rule carries examples that must and must not match it; they are checked at every load,
// each against its own rule alone, in a fixed example context.
import { parse } from 'shell-quote';
import { conditionHolds, judge } from './evaluate.js';
import type { PolicyProblem } from './errors.js';
import { judgeShellLine } from './line/judge-line.js';
import type { CompiledPolicy, Rule } from './policy.js';
import type { Context, GitReader } from './types.js';

/** The repository every example runs in: origin on GitHub, a remote named evil elsewhere. */
export const EXAMPLE_GIT: GitReader = {
  remoteUrl: (n) => ({ origin: 'https://github.com/acme/app.git', upstream: 'git@github.com:acme/app.git', evil: 'https://evil.example/x.git' })[n],
  alias: (n) => ({ co: 'checkout', pf: 'push --force', st: 'status' })[n],
  currentBranch: () => 'feature/x',
  upstreamRemote: () => 'origin',
};

/** The context examples are judged in. */
export const EXAMPLE_CONTEXT: Context = {
  cwd: '/home/user/project',
  projectRoot: '/home/user/project',
  home: '/home/user',
  rampartHome: '/home/user/.rampart',
  env: {},
  git: EXAMPLE_GIT,
};

/** Turns an example like `GIT_SSH_COMMAND=x git push` into argv and env; undefined if not one command. */
export function exampleArgv(text: string): { argv: string[]; env: Record<string, string> } | undefined {
  const words = parse(text.replace(/#/g, '\\#'), (name) => `$${name}`).map((w) =>
    typeof w === 'object' && 'op' in w && w.op === 'glob' ? w.pattern : w,
  );
  if (words.some((w) => typeof w !== 'string')) return undefined;
  const env: Record<string, string> = {};
  const argv = words as string[];
  while (argv.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[0]!)) {
    const a = argv.shift()!;
    env[a.slice(0, a.indexOf('='))] = a.slice(a.indexOf('=') + 1);
  }
  return argv.length > 0 ? { argv, env } : undefined;
}

/** True when the example matches the rule alone. */
export function exampleMatches(policy: CompiledPolicy, rule: Rule, text: string): boolean | undefined {
  if (rule.scope === 'line') return judgeShellLine(policy, text, EXAMPLE_CONTEXT).some((j) => conditionHolds(rule, j));
  const ex = exampleArgv(text);
  if (!ex) return undefined;
  return conditionHolds(rule, judge(policy, ex.argv, { ...EXAMPLE_CONTEXT, env: ex.env }));
}

/** Every example that does not behave as its rule says, with file and line (optionally one file's rules). */
export function checkExamples(policy: CompiledPolicy, onlyFile?: string): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  for (const rule of policy.rules) {
    if (onlyFile !== undefined && !rule.where.startsWith(onlyFile + ':')) continue;
    for (const kind of ['match', 'not_match'] as const) {
      rule.examples[kind].forEach((text, k) => {
        const where = rule.exampleWhere[kind][k] ?? rule.where;
        const file = where.slice(0, where.lastIndexOf(':'));
        const line = Number(where.slice(where.lastIndexOf(':') + 1));
        const got = exampleMatches(policy, rule, text);
        const key = `${rule.id}.examples.${kind}`;
        if (got === undefined) problems.push({ file, line, key, message: `example is not a single command: ${text}` });
        else if (got !== (kind === 'match')) {
          problems.push({ file, line, key, message: `${kind === 'match' ? 'should match but does not' : 'should not match but does'}: ${text}` });
        }
      });
    }
  }
  return problems;
}
