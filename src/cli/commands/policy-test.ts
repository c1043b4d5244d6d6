// rampart policy test [FILE] [--cases CASES]: every rule's examples, plus a cases file of
// {command|argv, expect} judged in the fixed example context; exit 1 on any failure.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandModule } from '../command.js';
import { EXIT, RampartError } from '../errors.js';
import { cliContext, type PolicyArgs } from '../policy-context.js';
import { NO_PROJECT } from '../../server/sessions.js';

interface Args extends PolicyArgs {
  file?: string;
  cases?: string;
  json?: boolean;
}

interface Case {
  command?: string;
  argv?: string[];
  expect: string;
}

async function readCases(file: string): Promise<Case[]> {
  const { parse: parseYaml } = await import('yaml');
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new RampartError('CONFIG', `cannot read cases file ${file}: ${(e as Error).message}`, 'A cases file is a YAML list of {command: "...", expect: allow|ask|deny}.');
  }
  const list = Array.isArray(data) ? data : (data as { cases?: unknown[] })?.cases;
  if (!Array.isArray(list)) throw new RampartError('CONFIG', `${file}: expected a list of cases`, 'A cases file is a YAML list of {command: "...", expect: allow|ask|deny}.');
  return list as Case[];
}

export const policyTestCommand: CommandModule<Args> = {
  command: 'test [file]',
  describe: "Run every rule's examples and an optional cases file; exit 1 on any failure (as lint does)",
  builder: (y) =>
    y
      .positional('file', { type: 'string', describe: 'Policy file, used as the user layer' })
      .option('cases', { type: 'string', describe: 'YAML list of {command|argv, expect}' })
      .option('json', { type: 'boolean', describe: 'Print {ok, examples, cases, failures, problems} as JSON' }),
  handler: async (args, env) => {
    const ctx = cliContext(args, env);
    // The loader and the engine load only when this command runs (`policy check` stays light).
    const [{ loadPolicy }, { PolicyError }, { evaluateArgv }, { EXAMPLE_CONTEXT, exampleArgv }, { isDecision }] = await Promise.all([
      import('../../config/load.js'), import('../../policy/errors.js'), import('../../policy/evaluate.js'), import('../../policy/examples.js'), import('../../policy/decision.js'),
    ]);
    // Loading checks every example of every layer; a failing one is a failed test (exit 1, like
    // `policy lint`), not a configuration error.
    let policy;
    try {
      ({ policy } = await loadPolicy({ rampartHome: ctx.rampartHome, home: ctx.home, projectRoot: ctx.projectRoot, policyFile: args.file ? resolve(env.cwd, args.file) : undefined, noProject: ctx.projectRoot === NO_PROJECT, checkBuiltinExamples: true }));
    } catch (e) {
      if (!(e instanceof PolicyError)) throw e;
      if (args.json) env.output.out(JSON.stringify({ ok: false, problems: e.problems }));
      else env.output.err(e.problems.map((p) => `${p.file}:${p.line}: ${p.key ? p.key + ': ' : ''}${p.message}`).join('\n') + `\n${e.problems.length} problem(s)`);
      return EXIT.failed;
    }
    const examples = policy.rules.reduce((a, r) => a + r.examples.match.length + r.examples.not_match.length, 0);
    if (!args.json) env.output.out(`examples: ${examples} passed, 0 failed (${policy.rules.length} rules)`);
    let passed = 0;
    const failures: { case: Case; got?: string; rule?: string | null; problem?: string }[] = [];
    for (const c of args.cases ? await readCases(resolve(env.cwd, args.cases)) : []) {
      const ex = c.argv ? { argv: c.argv.map(String), env: {} } : exampleArgv(c.command ?? '');
      if (!ex || !isDecision(c.expect)) {
        failures.push({ case: c, problem: 'bad case: needs command or argv, and expect allow|ask|deny' });
        if (!args.json) env.output.err(`bad case: ${JSON.stringify(c)}`);
        continue;
      }
      const got = evaluateArgv(policy, ex.argv, { ...EXAMPLE_CONTEXT, env: ex.env });
      if (got.decision === c.expect) passed++;
      else {
        failures.push({ case: c, got: got.decision, rule: got.rule });
        if (!args.json) env.output.err(`FAIL expected ${c.expect}, got ${got.decision} (${got.rule ?? 'default'}): ${c.command ?? JSON.stringify(c.argv)}`);
      }
    }
    if (args.json) env.output.out(JSON.stringify({ ok: failures.length === 0, examples: { passed: examples, failed: 0 }, ...(args.cases ? { cases: { passed, failed: failures.length } } : {}), failures, problems: [] }));
    else if (args.cases) env.output.out(`cases: ${passed} passed, ${failures.length} failed`);
    return failures.length === 0 ? EXIT.ok : EXIT.failed;
  },
};
