// Coding agents started by a command (claude, codex, gemini): a nested agent that runs without
// Rampart's hook, under another configuration, or with its own permission checks switched off
// is an agent no layer above the OS judges. Tagged `agent-unguarded`; the policy denies it.
import { newFacts, type Facts } from '../facts.js';
import type { AnalyzerInput } from './types.js';

interface AgentFlags {
  /** Options that drop hooks, swap the configuration or skip permission checks (any value). */
  options: RegExp;
  /** Option/value pairs that do the same (`--permission-mode bypassPermissions`). */
  values?: [RegExp, RegExp][];
  /** Options that take a list of values, up to the next option (copilot --allow-tool write 'shell(rm)'): any matching value counts. */
  lists?: [RegExp, RegExp][];
  /** Environment variables that move the agent's configuration elsewhere. */
  env: string[];
  /** Subcommands that run the agent on its own, approving its own commands by default (opencode run, goose run). */
  unattended?: RegExp;
}

const AGENTS: Record<string, AgentFlags> = {
  // --bare skips hooks and settings; --settings/--setting-sources load another configuration.
  claude: {
    // --mcp-config starts the MCP servers a file names (programs Rampart has not seen).
    options: /^--(bare|settings|setting-sources|dangerously-skip-permissions|allow-dangerously-skip-permissions|mcp-config|plugin-dir)(=|$)/,
    values: [[/^--permission-mode$/, /^bypassPermissions$/i]],
    // An empty CLAUDE_CODE_SHELL_PREFIX drops `setup --contain`'s prefix.
    env: ['CLAUDE_CONFIG_DIR', 'CLAUDE_CODE_SHELL_PREFIX'],
  },
  codex: {
    options: /^--(dangerously-bypass-approvals-and-sandbox|yolo|profile|config|disable)(=|$)|^-[cp]$/,
    // No sandbox: the nested agent's commands run with the user's full rights.
    values: [[/^(-s|--sandbox)$/, /^danger-full-access$/i], [/^(-a|--ask-for-approval)$/, /^never$/i]],
    env: ['CODEX_HOME'],
  },
  gemini: {
    options: /^--(yolo)(=|$)|^-y$/,
    values: [[/^--approval-mode$/, /^yolo$/i]],
    env: ['GEMINI_CLI_HOME', 'GEMINI_CLI_SYSTEM_SETTINGS_PATH'],
  },
  // Qwen Code (a Gemini CLI fork), Charm's crush, GitHub's Copilot CLI.
  qwen: { options: /^--(yolo)(=|$)|^-y$/, values: [[/^--approval-mode$/, /^yolo$/i]], env: [] },
  crush: { options: /^--(yolo)(=|$)|^-y$/, env: [] },
  // GitHub's Copilot CLI runs no Rampart hook: a grant of its shell tool — all of it or some commands, `shell(rm)`,
  // `shell(git:*)` — runs those commands with no check at all. (Write and MCP grants, and every --deny-tool, leave
  // commands to its own prompt.)
  copilot: { options: /^--(allow-all-tools|allow-all-paths|allow-all|yolo)(=|$)/, lists: [[/^--allow-tool$/, /^shell(\(|$)/i]], env: [] },
  // Other coding agents' switches that run every command without asking.
  opencode: { options: /^--(dangerously-skip-permissions|yolo)(=|$)/, env: [], unattended: /^run$/ },
  aider: { options: /^--(yes-always|yes)(=|$)/, env: [] },
  'cursor-agent': { options: /^--(force|yolo)(=|$)|^-f$/, env: [] },
  amp: { options: /^--(dangerously-allow-all)(=|$)/, env: [] },
  goose: { options: /^--(no-confirm)(=|$)/, env: ['GOOSE_MODE'], unattended: /^run$/ },
  // Amazon Q / Kiro, Factory's droid, Open Interpreter, gptme, Kimi, Augment, Cline, shell-gpt.
  q: { options: /^--(trust-all-tools|trust-tools)(=|$)/, env: [] },
  'kiro-cli': { options: /^--(trust-all-tools|trust-tools)(=|$)/, env: [] },
  droid: { options: /^--(skip-permissions-unsafe|auto)(=|$)/, env: [] },
  interpreter: { options: /^--(auto_run|auto-run|yes)(=|$)|^-y$/, env: [] },
  gptme: { options: /^--(non-interactive|no-confirm)(=|$)|^-y$/, env: [] },
  kimi: { options: /^--(yolo)(=|$)|^-y$/, env: [] },
  auggie: { options: /^--(yolo)(=|$)/, env: [] },
  cline: { options: /^--(yolo)(=|$)|^-y$/, env: [] },
  sgpt: { options: /^--(no-interaction)(=|$)/, env: [] },
  kilocode: { options: /^--(auto|yolo)(=|$)/, env: [] },
};

/** Subcommands that change an agent's own configuration: servers it starts, plugins and extensions it loads. */
const CONFIG_VERBS: Record<string, RegExp> = {
  claude: /^(mcp|plugin|plugins|config)$/,
  codex: /^(mcp|config)$/,
  gemini: /^(mcp|extensions|extension)$/,
};

export const AGENT_TOOLS = Object.keys(AGENTS);

/** Facts of one agent invocation: `agent-unguarded` when it would run outside Rampart's hook. */
export function analyzeAgent({ tool, args, env, home }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  const a = AGENTS[tool];
  if (!a) return f;
  const why: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    if (w === '--') break;
    if (a.options.test(w)) why.push(w.split('=')[0]!);
    for (const [opt, val] of a.values ?? []) {
      const [name, inline] = w.includes('=') ? [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)] : [w, args[i + 1]];
      if (opt.test(name) && val.test(inline ?? '')) why.push(`${name} ${inline}`);
    }
    for (const [opt, val] of a.lists ?? []) {
      const eq = w.indexOf('=');
      if (!opt.test(eq < 0 ? w : w.slice(0, eq))) continue;
      // (--allow-tool=a,b or --allow-tool a b …: values up to the next option, each possibly a comma list.)
      const next = args.findIndex((x, k) => k > i && x.startsWith('-'));
      const given = eq >= 0 ? [w.slice(eq + 1)] : args.slice(i + 1, next < 0 ? undefined : next);
      const hit = given.flatMap((g) => g.split(/,(?![^(]*\))/)).map((g) => g.trim()).find((g) => val.test(g));
      if (hit !== undefined) why.push(`${w.split('=')[0]} ${hit}`);
    }
  }
  // Any value counts: a prefix whose name merely looks like Rampart's (/tmp/x/rampart-contain)
  // is still someone else's program. (A nested agent that inherits the real prefix sets nothing.)
  for (const e of a.env) if (env[e] !== undefined) why.push(`${e}=`);
  // Another HOME is another ~/.claude, ~/.codex, ~/.gemini: settings without Rampart's hook.
  if (env.HOME !== undefined && home && env.HOME.replace(/\/+$/, '') !== home.replace(/\/+$/, '')) why.push('HOME=');
  // `claude mcp add … -- CMD`, `gemini extensions install URL`, `claude plugin install X`: the agent
  // will start that program or load that code later, outside any judged command line.
  const verb = args.find((x) => !x.startsWith('-'));
  if (verb && CONFIG_VERBS[tool]?.test(verb) && args.some((x) => /^(add|add-json|install|link|enable|set|import|add-from-claude-desktop|marketplace)$/.test(x))) {
    // A remote server (--transport http/sse URL) runs nothing here: a person decides; a local command server is a program the agent starts later.
    const remote = verb === 'mcp' && !args.includes('--') && (args.some((x, k) => /^(--transport|-t)$/.test(args[k - 1] ?? '') && /^(http|sse)$/.test(x)) || args.some((x) => /^https?:\/\//.test(x)));
    if (remote) {
      f.tags.add('installs-code');
      f.notes.push(`${tool} mcp add connects the agent to a remote server`);
    } else why.push(`${verb} ${args[args.indexOf(verb) + 1] ?? ''}`.trim());
  }
  if (verb && a.unattended?.test(verb)) why.push(`${verb} (approves its own commands)`);
  if (why.length) {
    f.tags.add('agent-unguarded');
    f.notes.push(`${tool} ${why.join(', ')}: a nested agent outside Rampart's hook or the user's configuration`);
  }
  return f;
}
