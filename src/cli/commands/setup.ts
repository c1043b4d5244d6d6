// `rampart setup claude-code`: install the shims, merge Rampart's hooks into Claude Code's
// settings (or take them out again, or check that they work).
import type { CommandModule } from '../command.js';
import { EXIT, RampartError } from '../errors.js';
import { resolvePaths } from '../../server/paths.js';
import { refuseAgentCaller } from '../guard.js';
import { installShims } from '../../shims/install.js';
import { checkSetup } from '../../integrations/claude-code/check.js';
import { lineDiff } from '../../integrations/claude-code/diff.js';
import { hookCommands, nativeHookInstalled, planSetup, removeSetup, settingsPathFor, wouldBeNative, writeUncontained, type Scope } from '../../integrations/claude-code/setup.js';
import { containmentProblems } from '../../contain/host.js';

interface SetupArgs {
  agent: 'claude-code';
  scope: Scope;
  remove?: boolean;
  check?: boolean;
  'dry-run'?: boolean;
  fallback?: boolean;
  contain?: boolean;
}

export const setupCommand: CommandModule<SetupArgs> = {
  command: 'setup <agent>',
  describe: "Install Rampart into an agent: shims on the Bash tool's PATH and a PreToolUse hook (Claude Code)",
  builder: (y) =>
    y
      .positional('agent', { choices: ['claude-code'] as const, describe: 'The agent to set up' })
      .option('scope', { choices: ['user', 'project'] as const, default: 'user' as const, describe: 'user: $CLAUDE_CONFIG_DIR or ~/.claude/settings.json; project: ./.claude/settings.json' })
      .option('remove', { type: 'boolean', describe: 'Take Rampart out again (restores the original file when nothing else changed it)' })
      .option('check', { type: 'boolean', describe: 'Run the installed hook on canary inputs and report' })
      .option('dry-run', { type: 'boolean', describe: 'Print the change without writing anything' })
      .option('fallback', { type: 'boolean', describe: 'Use the Node hook and POSIX-sh shims instead of the native program (slower)' })
      .option('contain', { type: 'boolean', describe: 'Also run every Bash command contained (CLAUDE_CODE_SHELL_PREFIX): network only through Rampart, writes only to the project and the agent\'s state' })
      .conflicts('contain', 'fallback')
      .conflicts('remove', 'check'),
  handler: async (args, ctx) => {
    const paths = resolvePaths(ctx.env);
    const file = settingsPathFor(args.scope, ctx.env, ctx.cwd, paths.home);
    if (args.check) {
      const r = await checkSetup(file, { env: ctx.env, cwd: ctx.cwd, home: paths.home });
      ctx.output.out(r.lines.join('\n'));
      ctx.output.out(r.ok ? 'rampart: the Claude Code hook works' : 'rampart: the Claude Code hook check failed');
      return r.ok ? EXIT.ok : EXIT.failed;
    }
    if (!args['dry-run']) refuseAgentCaller(`setup ${args.agent}${args.remove ? ' --remove' : ''}`, ctx.env, paths);
    if (args.remove) {
      if (args['dry-run']) throw new RampartError('USAGE', '--dry-run is not supported with --remove', 'Run `rampart setup claude-code --remove` (it keeps nothing but what it found).');
      const r = removeSetup(file, paths.rampartHome);
      ctx.output.out(`${r.status.padEnd(9)} ${r.detail}`);
      if (r.status !== 'nothing') ctx.output.out('The shims stay installed (`rampart shims uninstall` removes them).');
      return EXIT.ok;
    }
    let native: boolean;
    if (args['dry-run']) native = wouldBeNative(paths, Boolean(args.fallback));
    else {
      const s = installShims({ paths, fallback: Boolean(args.fallback) });
      if (s.note) ctx.output.err(`rampart: ${s.note}`);
      ctx.output.out(`${s.kind} shims in ${s.dir}`);
      native = nativeHookInstalled(paths);
    }
    if (args.contain) {
      const missing = containmentProblems();
      if (missing.length) throw new RampartError('CONFIG', `containment cannot run here: ${missing.join('; ')}`, 'Install what is missing (Debian/Ubuntu: sudo apt-get install bubblewrap socat ripgrep), then run setup again; `rampart doctor` checks it.');
      if (!native && !args['dry-run']) throw new RampartError('CONFIG', 'containment needs the native shims (a C compiler at install)', 'Install a C compiler (cc) and run `rampart setup claude-code --contain` again.');
    }
    const ours = hookCommands(paths, native, Boolean(args.contain));
    const plan = planSetup(file, ours, paths.rampartHome);
    for (const n of plan.notes) ctx.output.err(`rampart: warning: ${n}`);
    if (args['dry-run']) {
      ctx.output.out(plan.changed ? `would change ${file}:\n${lineDiff(plan.before ?? '', plan.after)}` : `unchanged ${file}`);
      return EXIT.ok;
    }
    if (args.contain) writeUncontained(paths, ours);
    const status = plan.apply();
    ctx.output.out(`${status.padEnd(9)} ${file}`);
    if (status !== 'unchanged') {
      ctx.output.out(`PreToolUse hook: ${native ? 'native' : 'Node (slower)'}; SessionStart puts ${paths.shimsDir} first on the Bash tool's PATH.`);
      if (args.contain) ctx.output.out('Containment: every Bash command runs through rampart-contain (network only through Rampart; writes only to the project, the temp dir and the agent\'s state).');
      ctx.output.out(`Check it with \`rampart setup claude-code${args.scope === 'project' ? ' --scope project' : ''} --check\`; new Claude Code sessions pick it up.`);
    }
    return EXIT.ok;
  },
};
