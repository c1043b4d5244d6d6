// rampart policy lint [FILE]: schema, layering and every rule's examples; exit 1 on any problem.
import { resolve } from 'node:path';
import type { CommandModule } from '../command.js';
import { EXIT } from '../errors.js';
import { cliContext, type PolicyArgs } from '../policy-context.js';
import { NO_PROJECT } from '../../server/sessions.js';

interface Args extends PolicyArgs {
  file?: string;
  json?: boolean;
}

export const policyLintCommand: CommandModule<Args> = {
  command: 'lint [file]',
  describe: 'Check a policy file (default: the effective layered policy) against the schema and its examples',
  builder: (y) => y.positional('file', { type: 'string', describe: 'Policy file, checked as the user layer' }).option('json', { type: 'boolean', describe: 'Print {ok, files, rules, examples, problems} as JSON' }).option('project', { type: 'string', describe: 'Project root whose project policy is layered in (default: here)' }),
  handler: async (args, env) => {
    const ctx = cliContext(args, env);
    // The loader and the engine load only when this command runs (`policy check` stays light).
    const [{ loadPolicy }, { PolicyError }] = await Promise.all([import('../../config/load.js'), import('../../policy/errors.js')]);
    try {
      const { policy, files } = await loadPolicy({
        rampartHome: ctx.rampartHome,
        home: ctx.home,
        projectRoot: ctx.projectRoot,
        policyFile: args.file ? resolve(env.cwd, args.file) : undefined,
        noProject: ctx.projectRoot === NO_PROJECT,
        checkBuiltinExamples: true,
      });
      const n = policy.rules.reduce((a, r) => a + r.examples.match.length + r.examples.not_match.length, 0);
      if (args.json) env.output.out(JSON.stringify({ ok: true, files, rules: policy.rules.length, examples: n, problems: [] }));
      else env.output.out(`ok: ${files.join(', ')} — ${policy.rules.length} rules, ${n} examples checked`);
      return EXIT.ok;
    } catch (e) {
      if (!(e instanceof PolicyError)) throw e;
      if (args.json) env.output.out(JSON.stringify({ ok: false, problems: e.problems }));
      else env.output.err(e.problems.map((p) => `${p.file}:${p.line}: ${p.key ? p.key + ': ' : ''}${p.message}`).join('\n') + `\n${e.problems.length} problem(s)`);
      return EXIT.failed;
    }
  },
};
