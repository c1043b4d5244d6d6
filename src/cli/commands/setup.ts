// `rampart setup <agent>`: install the shims, merge Rampart's hooks into the agent's
// configuration (or take them out again, or check that they work). Claude Code, Codex CLI and
// Gemini CLI; what differs per agent lives in src/integrations/<agent>/.
import type { CommandModule } from '../command.js';
import { EXIT, RampartError } from '../errors.js';
import { resolvePaths } from '../../server/paths.js';
import { refuseAgentCaller } from '../guard.js';
import { installShims } from '../../shims/install.js';
import { checkSetup } from '../../integrations/claude-code/check.js';
import { lineDiff } from '../../integrations/claude-code/diff.js';
import { hookCommands, nativeHookInstalled, planSetup, removeSetup, settingsPathFor, wouldBeNative, writeUncontained, type Scope } from '../../integrations/claude-code/setup.js';
import { containmentProblems } from '../../contain/host.js';
import { AGENTS, type AgentId } from '../../integrations/dialects.js';
import { checkCodex, codexHome, codexHooks, planCodex, removeCodex } from '../../integrations/codex/setup.js';
import { checkGemini, geminiHooks, geminiSettingsPath, planGemini, removeGemini } from '../../integrations/gemini/setup.js';
import type { SetupPlan } from '../../integrations/shared/managed-file.js';
import type { CommandEnv } from '../command.js';
import type { RampartPaths } from '../../server/paths.js';

interface SetupArgs {
  agent: AgentId;
  scope: Scope;
  remove?: boolean;
  check?: boolean;
  'dry-run'?: boolean;
  fallback?: boolean;
  contain?: boolean;
  json?: boolean;
}

/** What setup did, for --json: the human lines are not printed then. */
interface SetupResult {
  agent: AgentId;
  action: 'check' | 'dry-run' | 'remove' | 'install';
  ok: boolean;
  files: { file: string; status: string; diff?: string; detail?: string }[];
  lines?: string[];
}

/** The human line printer, silent under --json (the JSON result says it all). */
const sayer = (args: SetupArgs, ctx: CommandEnv) => (line: string) => {
  if (!args.json) ctx.output.out(line);
};

function finish(args: SetupArgs, ctx: CommandEnv, r: SetupResult): number {
  if (args.json) ctx.output.out(JSON.stringify(r));
  return r.ok ? EXIT.ok : EXIT.failed;
}

export const setupCommand: CommandModule<SetupArgs> = {
  command: 'setup <agent>',
  describe: 'Install Rampart into an agent (claude-code, codex, gemini): the shims, and a hook that judges every tool call',
  builder: (y) =>
    y
      .positional('agent', { choices: AGENTS, describe: 'The agent to set up' })
      .option('scope', { choices: ['user', 'project', 'local'] as const, default: 'user' as const, describe: 'user: ~/.claude/settings.json ($CLAUDE_CONFIG_DIR), ~/.codex ($CODEX_HOME), ~/.gemini/settings.json; project: ./.claude/settings.json or ./.gemini/settings.json (not for codex); local (Claude Code): ./.claude/settings.local.json, not committed' })
      .option('remove', { type: 'boolean', describe: 'Take Rampart out again (restores the original file when nothing else changed it)' })
      .option('check', { type: 'boolean', describe: 'Run the installed hook on canary inputs and report' })
      .option('dry-run', { type: 'boolean', describe: 'Print the change without writing anything' })
      .option('fallback', { type: 'boolean', describe: 'Use the Node hook and POSIX-sh shims instead of the native program (slower)' })
      .option('contain', { type: 'boolean', describe: 'Claude Code only: also run every Bash command contained (CLAUDE_CODE_SHELL_PREFIX): network only through Rampart, writes only to the project and the agent\'s state' })
      .option('json', { type: 'boolean', describe: 'Print the result ({agent, action, ok, files}) as JSON instead of lines' })
      .conflicts('contain', 'fallback')
      .conflicts('remove', 'check'),
  handler: async (args, ctx) => {
    const paths = resolvePaths(ctx.env);
    if (args.agent !== 'claude-code') return setupOther(args, ctx, paths);
    const say = sayer(args, ctx);
    const file = settingsPathFor(args.scope, ctx.env, ctx.cwd, paths.home);
    if (args.check) {
      const r = await checkSetup(file, { env: ctx.env, cwd: ctx.cwd, home: paths.home });
      say(r.lines.join('\n'));
      say(r.ok ? 'rampart: the Claude Code hook works' : 'rampart: the Claude Code hook check failed');
      return finish(args, ctx, { agent: args.agent, action: 'check', ok: r.ok, files: [{ file, status: r.ok ? 'works' : 'failed' }], lines: r.lines });
    }
    if (!args['dry-run']) refuseAgentCaller(`setup ${args.agent}${args.remove ? ' --remove' : ''}`, ctx.env, paths);
    if (args.remove) {
      if (args['dry-run']) throw new RampartError('USAGE', '--dry-run is not supported with --remove', 'Run `rampart setup claude-code --remove` (it keeps nothing but what it found).');
      const r = removeSetup(file, paths.rampartHome);
      say(`${r.status.padEnd(9)} ${r.detail}`);
      if (r.status !== 'nothing') say('The shims stay installed (`rampart shims uninstall` removes them).');
      return finish(args, ctx, { agent: args.agent, action: 'remove', ok: true, files: [{ file, status: r.status, detail: r.detail }] });
    }
    const native = shimsStep(args, ctx, paths);
    if (args.contain) {
      const missing = containmentProblems();
      if (missing.length) throw new RampartError('CONFIG', `containment cannot run here: ${missing.join('; ')}`, 'Install what is missing (Debian/Ubuntu: sudo apt-get install bubblewrap socat ripgrep), then run setup again; `rampart doctor` checks it.');
      if (!native && !args['dry-run']) throw new RampartError('CONFIG', 'containment needs the native shims (a C compiler at install)', 'Install a C compiler (cc) and run `rampart setup claude-code --contain` again.');
    }
    // A committed settings file would carry this user's absolute paths to everyone who clones.
    if (args.scope === 'project') ctx.output.err(`rampart: warning: ${file} is usually committed, and the hook entries are absolute paths on this machine (${paths.shimsDir}); for yourself only, use --scope local (.claude/settings.local.json)`);
    const ours = hookCommands(paths, native, Boolean(args.contain));
    const plan = planSetup(file, ours, paths.rampartHome);
    for (const n of plan.notes) ctx.output.err(`rampart: warning: ${n}`);
    if (args['dry-run']) {
      const diff = plan.changed ? lineDiff(plan.before ?? '', plan.after) : undefined;
      say(diff !== undefined ? `would change ${file}:\n${diff}` : `unchanged ${file}`);
      return finish(args, ctx, { agent: args.agent, action: 'dry-run', ok: true, files: [{ file, status: plan.changed ? 'would change' : 'unchanged', ...(diff !== undefined ? { diff } : {}) }] });
    }
    if (args.contain) writeUncontained(paths, ours);
    const status = plan.apply();
    say(`${status.padEnd(9)} ${file}`);
    if (status !== 'unchanged') {
      say(`PreToolUse hook: ${native ? 'native' : 'Node (slower)'}; SessionStart puts ${paths.shimsDir} first on the Bash tool's PATH.`);
      if (args.contain) say('Containment: every Bash command runs through rampart-contain (network only through Rampart; writes only to the project, the temp dir and the agent\'s state).');
      say(`Check it with \`rampart setup claude-code${args.scope !== 'user' ? ` --scope ${args.scope}` : ''} --check\`; new Claude Code sessions pick it up.`);
    }
    return finish(args, ctx, { agent: args.agent, action: 'install', ok: true, files: [{ file, status }] });
  },
};

/** Codex and Gemini: the same steps as Claude Code, through their own files. */
async function setupOther(args: SetupArgs, ctx: CommandEnv, paths: RampartPaths): Promise<number> {
  const agent = args.agent as 'codex' | 'gemini';
  const name = agent === 'codex' ? 'Codex CLI' : 'Gemini CLI';
  if (args.contain) throw new RampartError('USAGE', `--contain is for Claude Code only; ${name} has no shell prefix setting`, `Run ${agent} inside containment with \`rampart run --contain -- ${agent}\`.`);
  if (args.scope === 'local') throw new RampartError('USAGE', '--scope local is for Claude Code (.claude/settings.local.json)', `Use --scope user${agent === 'gemini' ? ' or --scope project' : ''}.`);
  if (agent === 'codex' && args.scope === 'project') throw new RampartError('USAGE', 'Codex runs project hooks only in projects it trusts, and only after trusting each hook in your user config', 'Run `rampart setup codex` (user scope); it covers every project.');
  const dir = codexHome(ctx.env, ctx.cwd, paths.home);
  const file = agent === 'gemini' ? geminiSettingsPath(args.scope, ctx.env, ctx.cwd, paths.home) : dir;
  const say = sayer(args, ctx);
  if (args.check) {
    const r = agent === 'codex' ? await checkCodex(dir, paths, { env: ctx.env, cwd: ctx.cwd }) : await checkGemini(file, paths, { env: ctx.env, cwd: ctx.cwd });
    say(r.lines.join('\n'));
    say(r.ok ? `rampart: the ${name} hook works` : `rampart: the ${name} hook check failed`);
    return finish(args, ctx, { agent, action: 'check', ok: r.ok, files: [{ file, status: r.ok ? 'works' : 'failed' }], lines: r.lines });
  }
  if (!args['dry-run']) refuseAgentCaller(`setup ${agent}${args.remove ? ' --remove' : ''}`, ctx.env, paths);
  if (args.remove) {
    if (args['dry-run']) throw new RampartError('USAGE', '--dry-run is not supported with --remove', `Run \`rampart setup ${agent} --remove\` (it keeps nothing but what it found).`);
    const results = agent === 'codex' ? removeCodex(dir, paths.rampartHome) : [removeGemini(file, paths.rampartHome)];
    for (const r of results) say(`${r.status.padEnd(9)} ${r.detail}`);
    if (results.some((r) => r.status !== 'nothing')) say('The shims stay installed (`rampart shims uninstall` removes them).');
    return finish(args, ctx, { agent, action: 'remove', ok: true, files: results.map((r) => ({ file, status: r.status, detail: r.detail })) });
  }
  const native = shimsStep(args, ctx, paths);
  const plans: SetupPlan[] = agent === 'codex' ? planCodex(dir, codexHooks(paths, native), paths, ctx.env.PATH ?? '/usr/local/bin:/usr/bin:/bin') : [planGemini(file, geminiHooks(paths, native), paths.rampartHome)];
  for (const p of plans) for (const n of p.notes) ctx.output.err(`rampart: warning: ${n}`);
  if (args['dry-run']) {
    const files = plans.map((p) => ({ file: p.file, status: p.changed ? 'would change' : 'unchanged', ...(p.changed ? { diff: lineDiff(p.before ?? '', p.after) } : {}) }));
    for (const f of files) say(f.diff !== undefined ? `would change ${f.file}:\n${f.diff}` : `unchanged ${f.file}`);
    return finish(args, ctx, { agent, action: 'dry-run', ok: true, files });
  }
  let changed = false;
  const files: SetupResult['files'] = [];
  for (const p of plans) {
    const status = p.apply();
    changed ||= status !== 'unchanged';
    files.push({ file: p.file, status });
    say(`${status.padEnd(9)} ${p.file}`);
  }
  if (changed) {
    say(`${agent === 'codex' ? 'PreToolUse' : 'BeforeTool'} hook: ${native ? 'native' : 'Node (slower)'}; it judges every tool call. Asks become denies with a reason: ${name}'s hooks cannot ask.`);
    say(agent === 'codex'
      ? `Codex trusts the hooks (config.toml) and its shell tool's PATH starts with ${paths.shimsDir}.`
      : `Start Gemini as \`rampart run -- gemini\` so its shell tool finds the shims first (Gemini has no setting for the shell's PATH).`);
    say(`Check it with \`rampart setup ${agent}${args.scope === 'project' ? ' --scope project' : ''} --check\`; new ${name} sessions pick it up.`);
  }
  return finish(args, ctx, { agent, action: 'install', ok: true, files });
}

/** Installs the shims (not in a dry run); true when the native hook entry is what the agent will run. */
function shimsStep(args: SetupArgs, ctx: CommandEnv, paths: RampartPaths): boolean {
  if (args['dry-run']) return wouldBeNative(paths, Boolean(args.fallback));
  const s = installShims({ paths, fallback: Boolean(args.fallback) });
  if (s.note) ctx.output.err(`rampart: ${s.note}`);
  sayer(args, ctx)(`${s.kind} shims in ${s.dir}`);
  return nativeHookInstalled(paths);
}
