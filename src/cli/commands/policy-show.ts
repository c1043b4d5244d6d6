// rampart policy show [--json]: the effective layered policy and where each part came from.
import type { CommandModule } from '../command.js';
import { EXIT } from '../errors.js';
import { cliContext, cliPolicy, type PolicyArgs } from '../policy-context.js';

interface Args extends PolicyArgs {
  json?: boolean;
}

export const policyShowCommand: CommandModule<Args> = {
  command: 'show',
  describe: 'Print the effective policy (built-in → user → project) and where each part came from',
  builder: (y) =>
    y
      .option('json', { type: 'boolean', describe: 'Print the effective policy as JSON' })
      .option('project', { type: 'string', describe: 'Project root whose project policy is layered in (default: here)' })
      .option('policy', { type: 'string', describe: 'Use this policy file instead of $RAMPART_HOME/policy.yaml' }),
  handler: async (args, env) => {
    const ctx = cliContext(args, env);
    const { policy } = await cliPolicy(ctx, args);
    if (args.json) {
      const { rules, ...rest } = policy;
      env.output.out(JSON.stringify({ ...rest, rules: rules.map(({ argvRegex: _r, exampleWhere: _w, ...r }) => r) }, null, 2));
      return EXIT.ok;
    }
    const o: string[] = [`policy ${policy.name}: mode ${policy.mode}, default ${policy.default}, ask timeout ${policy.askTimeoutSec}s`, '', 'layers:'];
    for (const s of policy.sources) {
      o.push(`  ${s.layer}${s.layer === 'project' ? (s.trusted ? ' (trusted)' : ' (untrusted: may only tighten)') : ''}: ${s.file}`);
      for (const n of s.notes) o.push(`    ${n}`);
    }
    o.push('', `allowed hosts: ${policy.network.allowHosts.join(', ')}`);
    if (policy.network.denyHosts.length) o.push(`denied hosts: ${policy.network.denyHosts.join(', ')}`);
    o.push(`ssh hosts: ${policy.network.sshHosts.join(', ')}`);
    o.push(`home credentials: ${policy.paths.homeCredentials.join(' ')}`);
    o.push(`project secrets: ${policy.paths.projectSecrets.join(' ')}`);
    o.push(`protected: ${policy.paths.protected.join(' ')}`, '', 'rules:');
    for (const r of policy.rules) o.push(`  ${r.action.padEnd(5)} ${r.id.padEnd(26)} ${r.reason}  (${r.where})`);
    env.output.out(o.join('\n'));
    return EXIT.ok;
  },
};
