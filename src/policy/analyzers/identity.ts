// The tool an argv really runs, by the name rules speak of: version suffixes (pip3.12,
// python3.11), aliases (yarnpkg, nodejs), launchers (corepack yarn, node …/npm-cli.js,
// python -I -m pip). Rules and analyzers then see `pip`, `yarn`, `npm` whatever the spelling.
import { posix } from 'node:path';

const ALIASES: Record<string, string> = { yarnpkg: 'yarn', nodejs: 'node', pnpx: 'npx', uvx: 'uvx', 'npm-cli.js': 'npm', 'npx-cli.js': 'npx', 'yarn.js': 'yarn', 'pnpm.cjs': 'pnpm', 'pnpm.js': 'pnpm',
  // The agents by their npm package names (npx @anthropic-ai/claude-code, bunx @google/gemini-cli).
  'claude-code': 'claude', 'gemini-cli': 'gemini' };
/** An agent's entry script started by node (node "$(npm root -g)/@anthropic-ai/claude-code/cli.js"). */
const AGENT_SCRIPTS: [RegExp, string][] = [[/@anthropic-ai\/claude-code\/cli\.m?js$/, 'claude'], [/@google\/gemini-cli\/.*\.m?js$/, 'gemini'], [/@openai\/codex\/bin\/codex\.m?js$/, 'codex']];
const VERSIONED = /^(pip|pip3|python|python3|pypy|pypy3|node|ruby|perl|php|uv|poetry|pipx|gem|bundle|npm|npx|yarn|pnpm)[\d.]+(-[\w.]+)?$/;
/** Python options that take a value (the module comes after them). */
const PY_VALUE = /^-[WXQ]$/;

/** The canonical tool name of a program path or name. */
export function canonicalTool(word: string): string {
  const base = posix.basename(word);
  if (ALIASES[base]) return ALIASES[base]!;
  const m = VERSIONED.exec(base);
  return m ? m[1]! : base;
}

/**
 * The argv a launcher hands over: `corepack yarn add` → `yarn add`, `node …/npm-cli.js i` →
 * `npm i`, `python3 -I -m pip install` → `pip install`. Undefined when argv launches nothing.
 */
export function launched(argv: readonly string[]): string[] | undefined {
  const tool = canonicalTool(argv[0] ?? '');
  const args = argv.slice(1);
  if (tool === 'corepack' && /^(yarn|pnpm|npm|npx|pnpx)(@.*)?$/.test(args[0] ?? '')) return [args[0]!.replace(/@.*$/, ''), ...args.slice(1)];
  if (tool === 'node' || tool === 'bun') {
    const i = args.findIndex((a) => !a.startsWith('-'));
    if (i >= 0 && /(^|\/)(npm-cli|npx-cli|yarn|pnpm)\.c?js$/.test(args[i]!)) return [canonicalTool(args[i]!), ...args.slice(i + 1)];
    const agent = i >= 0 ? AGENT_SCRIPTS.find(([re]) => re.test(args[i]!.replace(/["']/g, '')))?.[1] : undefined;
    if (agent) return [agent, ...args.slice(i + 1)];
  }
  if (/^(python|python3|pypy|pypy3)$/.test(tool)) {
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-m' || a === '--module') return args[i + 1] ? [args[i + 1]!, ...args.slice(i + 2)] : undefined;
      if (/^-[A-Za-z]*m./.test(a) && !a.startsWith('--')) return [a.slice(a.indexOf('m') + 1), ...args.slice(i + 1)];
      if (!a.startsWith('-') || a === '-c' || /^-[A-Za-z]*c/.test(a)) return undefined;
      if (PY_VALUE.test(a)) i++;
    }
  }
  return undefined;
}
