// rampart policy test [FILE] [--cases CASES]: every rule's examples, plus a cases file of
// {command|argv, expect} judged in the fixed example context; exit 1 on any failure.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { evaluateArgv } from '../../policy/evaluate.js';
import { EXAMPLE_CONTEXT, exampleArgv } from '../../policy/examples.js';
import { isDecision } from '../../policy/decision.js';
import type { CommandModule } from '../command.js';
import { EXIT, RampartError } from '../errors.js';
import { cliContext, cliPolicy, type PolicyArgs } from '../policy-context.js';

interface Args extends PolicyArgs {
  file?: string;
  cases?: string;
}

interface Case {
  command?: string;
  argv?: string[];
  expect: string;
}

function readCases(file: string): Case[] {
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
  describe: "Run every rule's examples and an optional cases file; exit 1 on any failure",
  builder: (y) =>
    y
      .positional('file', { type: 'string', describe: 'Policy file, used as the user layer' })
      .option('cases', { type: 'string', describe: 'YAML list of {command|argv, expect}' }),
  handler: async (args, env) => {
    const ctx = cliContext(args, env);
    // Loading checks every example of every layer and throws with file:line on a failure.
    const { policy } = await cliPolicy(ctx, { ...args, policy: args.file });
    const examples = policy.rules.reduce((a, r) => a + r.examples.match.length + r.examples.not_match.length, 0);
    env.output.out(`examples: ${examples} passed, 0 failed (${policy.rules.length} rules)`);
    if (!args.cases) return EXIT.ok;
    let passed = 0;
    let failed = 0;
    for (const c of readCases(resolve(env.cwd, args.cases))) {
      const ex = c.argv ? { argv: c.argv.map(String), env: {} } : exampleArgv(c.command ?? '');
      if (!ex || !isDecision(c.expect)) {
        failed++;
        env.output.err(`bad case: ${JSON.stringify(c)}`);
        continue;
      }
      const got = evaluateArgv(policy, ex.argv, { ...EXAMPLE_CONTEXT, env: ex.env });
      if (got.decision === c.expect) passed++;
      else {
        failed++;
        env.output.err(`FAIL expected ${c.expect}, got ${got.decision} (${got.rule ?? 'default'}): ${c.command ?? JSON.stringify(c.argv)}`);
      }
    }
    env.output.out(`cases: ${passed} passed, ${failed} failed`);
    return failed === 0 ? EXIT.ok : EXIT.failed;
  },
};
