import { hostOfLiteral } from './code-hosts.js';
import { posix } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { addUrl } from '../analyzers/common.js';
import { decide, hostClasses } from '../evaluate.js';
import { newFacts } from '../facts.js';
import { programSetting } from './assignments.js';
import { editedToken, nodeOptionsLoads } from './token-config.js';
import { installScopeUrls, packageSettings } from './package-settings.js';
import { judgeLine } from './judge-line.js';
import { IGNORE_FILE, type State } from './state.js';
import { commandsInText } from './text-commands.js';
import { makeRecipes } from './make-text.js';
import { cmakeCommands } from './cmake-text.js';
import { foreignIncludes, ownBuildPlace } from './build-runners.js';
import { direnvShell } from './direnv.js';
import { literalRuns } from './interpreters.js';

// Files a line writes and a later command in the same line runs without naming them: npm runs
// package.json's scripts, make runs the Makefile's recipes. The text written is known (echo,
// printf, heredocs), so what will run is judged like any command line.

/** Lifecycle scripts npm runs for a subcommand, in order (npm install runs the install hooks). */
function npmScripts(args: readonly string[]): string[] | undefined {
  const pos = args.filter((a) => !a.startsWith('-'));
  const sub = pos[0];
  if (sub === undefined) return undefined;
  if (/^(i|install|in|ins|inst|insta|instal|isnt|isnta|isntal|add|ci|clean-install|install-clean|ic|it|install-test|rebuild|rb)$/.test(sub)) {
    return ['preinstall', 'install', 'postinstall', 'prepublish', 'preprepare', 'prepare', 'postprepare', ...(/^(it|install-test)$/.test(sub) ? ['pretest', 'test', 'posttest'] : [])];
  }
  if (/^(run|run-script|rum|urn)$/.test(sub) && pos[1]) return [`pre${pos[1]}`, pos[1], `post${pos[1]}`];
  if (/^(test|t|tst|start|stop|restart)$/.test(sub)) {
    const s = { t: 'test', tst: 'test' }[sub] ?? sub;
    return [`pre${s}`, s, `post${s}`];
  }
  if (/^(pack|publish)$/.test(sub)) return ['prepack', 'prepare', 'postpack', 'prepublishOnly', 'publish', 'postpublish'];
  return undefined;
}

/** Strings anywhere under keys matching `keys` in a parsed document. */
function stringsUnder(doc: unknown, keys: RegExp, all = false): string[] {
  const out: string[] = [];
  const walk = (v: unknown, take: boolean): void => {
    if (typeof v === 'string') {
      if (take) out.push(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, take));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, take || keys.test(k));
  };
  walk(doc, all);
  return out;
}

/** The string items of every list under KEY (Taskfile preconditions: "cmd" or {sh: "cmd"}, the latter found above). */
function listStrings(doc: unknown, key: string): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (k === key && Array.isArray(x) ? out.push(...x.filter((i): i is string => typeof i === 'string')) : walk(x));
  };
  walk(doc);
  return out;
}

const TASK_FILES: { tools: RegExp; files: string[]; read: (text: string) => string[] }[] = [
  { tools: /^(bun|node)$/, files: ['package.json'], read: (t) => stringsUnder(JSON.parse(t), /^scripts$/) },
  { tools: /^deno$/, files: ['deno.json', 'deno.jsonc'], read: (t) => stringsUnder(parseYaml(t), /^tasks$/) },
  // Taskfiles run commands from cmds, dynamic variables (sh:), preconditions and status checks.
  { tools: /^(task|go-task)$/, files: ['Taskfile.yml', 'Taskfile.yaml', 'taskfile.yml', 'taskfile.yaml', 'Taskfile.dist.yml'], read: (t) => [...stringsUnder(parseYaml(t), /^(cmds|cmd|sh|status)$/), ...listStrings(parseYaml(t), 'preconditions')] },
  // mise: tasks' run, env._.source scripts, hooks.
  { tools: /^mise$/, files: ['.mise.toml', 'mise.toml', '.mise.local.toml', 'mise.local.toml', '.mise/config.toml', 'mise/config.toml'], read: (t) => stringsUnder(parseToml(t), /^(run|cmd|source|hooks|enter|leave|cd|preinstall|postinstall)$/) },
  // justfile: recipe lines (indented) and backtick evaluations (x := `cmd`), which run on load.
  { tools: /^just$/, files: ['justfile', 'Justfile', '.justfile'], read: (t) => [...t.split('\n').filter((l) => /^[ \t]+\S/.test(l)).map((l) => l.trim().replace(/^[@-]+/, '')), ...[...t.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!)] },
  // poe: a task is a string, or a table with cmd/shell/sequence (help text is text).
  { tools: /^poe$/, files: ['pyproject.toml'], read: (t) => {
    const tasks = ((parseToml(t) as { tool?: { poe?: { tasks?: Record<string, unknown> } } }).tool?.poe?.tasks ?? {});
    return Object.values(tasks).flatMap((v) => (typeof v === 'string' ? [v] : stringsUnder(v, /^(cmd|shell|sequence)$/)));
  } },
  { tools: /^composer$/, files: ['composer.json'], read: (t) => stringsUnder(JSON.parse(t), /^scripts$/) },
];

/** The task file a runner was pointed at, or the directory it runs in (just -f/-d, task -t/-d, deno task --config, mise -C). */
function taskFileArgs(tool: string, args: readonly string[], cwd: string): { file?: string; dir: string } {
  let file: string | undefined;
  let dir = cwd;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.indexOf('=');
    const [name, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    const value = () => inline ?? args[++i] ?? '';
    if ((tool === 'just' && /^(-f|--justfile)$/.test(name)) || (/^(task|go-task)$/.test(tool) && /^(-t|--taskfile)$/.test(name)) || (tool === 'deno' && /^(-c|--config)$/.test(name))) file = posix.resolve(cwd, value());
    else if ((tool === 'just' && /^(-d|--working-directory)$/.test(name)) || (/^(task|go-task)$/.test(tool) && /^(-d|--dir)$/.test(name)) || (tool === 'mise' && /^(-C|--cd)$/.test(name))) dir = posix.resolve(cwd, value());
  }
  return { file, dir };
}

function otherTaskRuns(tool: string, args: readonly string[], cwd: string, written: ReadonlyMap<string, string>): string[] | 'opaque' | undefined {
  // Only the verbs that run tasks: bun run X (or bun X), node --run X, deno task X, mise run/r X,
  // task X, just X, poe X, composer run-script X.
  const bunScript = tool === 'bun' && args[0] !== undefined && !args[0].startsWith('-') && !/^(install|i|add|a|remove|rm|update|upgrade|link|unlink|pm|x|create|init|build|test|repl|upgrade|outdated|publish|patch|audit|info|exec)$/.test(args[0]) && !/[./]/.test(args[0]);
  const runs = (tool === 'bun' && (args[0] === 'run' || bunScript)) || (tool === 'node' && args.includes('--run')) || (tool === 'deno' && args[0] === 'task') || (tool === 'mise' && /^(run|r|watch)$/.test(args.find((a) => !a.startsWith('-')) ?? '')) || tool === 'task' || tool === 'go-task' || tool === 'just' || tool === 'poe' || (tool === 'composer' && /^(run-script|run)$/.test(args[0] ?? ''));
  const row = TASK_FILES.find((r) => r.tools.test(tool));
  if (!runs || !row) return undefined;
  const { file, dir } = taskFileArgs(tool, args, cwd);
  for (const f of file ? [file] : row.files.map((n) => `${dir}/${n}`)) {
    const text = written.get(f);
    if (text === undefined) continue;
    try {
      return row.read(text);
    } catch {
      return 'opaque';
    }
  }
  return [];
}


/**
 * Command lines a tool will run from a file written earlier in the line, or 'opaque' when the
 * written text cannot be read as that file (then what runs is unknown).
 */
/** The directory a package manager or make works in (npm --prefix, pnpm -C/--dir, yarn/bun --cwd, make -C). */
function workDir(tool: string, args: readonly string[], cwd: string): string {
  let dir = cwd;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const m = /^(--prefix|--cwd|--dir|--directory)=(.+)$/.exec(a);
    if (m) dir = posix.resolve(dir, m[2]!);
    else if ((/^(--prefix|--cwd|--dir|--directory)$/.test(a) || (a === '-C' && /^(make|gmake|pnpm)$/.test(tool))) && args[i + 1]) dir = posix.resolve(dir, args[++i]!);
    else if (/^-C./.test(a) && /^(make|gmake)$/.test(tool)) dir = posix.resolve(dir, a.slice(2));
  }
  return dir;
}

/** Task runners that run package.json scripts by other names (all of its scripts are judged). */
const NODE_TASK_RUNNERS = /^(npm-run-all|npm-run-all2|run-p|run-s|concurrently|nr|ni|turbo|lerna|nx|wireit|ultra|wsrun)$/;
/** Python project tools and the keys of their files whose strings run. */
const PY_TASK_FILES: [RegExp, string, RegExp][] = [
  [/^pdm$/, 'pyproject.toml', /^scripts$/],
  [/^hatch$/, 'pyproject.toml', /^scripts$/],
  [/^pipenv$/, 'Pipfile', /^scripts$/],
  [/^tox$/, 'tox.ini', /^commands(_pre|_post)?$/],
  [/^tox$/, 'pyproject.toml', /^commands(_pre|_post)?$/],
];

export function implicitRuns(tool: string, args0: readonly string[], cwd0: string, written: ReadonlyMap<string, string>): string[] | 'opaque' {
  const cwd = workDir(tool, args0, cwd0);
  // (Options that only say where to work are not the subcommand.)
  const args = args0.filter((a, k) => !/^(--prefix|--cwd|--dir|--directory|-C)(=|$)/.test(a) && !/^(--prefix|--cwd|--dir|--directory|-C)$/.test(args0[k - 1] ?? ''));
  if (NODE_TASK_RUNNERS.test(tool)) {
    const text = written.get(`${cwd}/package.json`);
    if (text === undefined) return [];
    try {
      return stringsUnder(JSON.parse(text), /^scripts$/);
    } catch {
      return 'opaque';
    }
  }
  for (const [re, file, keys] of PY_TASK_FILES) {
    if (!re.test(tool)) continue;
    const text = written.get(`${cwd}/${file}`);
    if (text === undefined) continue;
    try {
      if (file.endsWith('.ini')) return text.split('\n').filter((l) => /^\s+\S/.test(l) || /^\s*commands\s*=/.test(l)).map((l) => l.replace(/^\s*commands\s*=\s*/, '').trim()).filter(Boolean);
      return stringsUnder(parseToml(text), keys);
    } catch {
      return 'opaque';
    }
  }
  // cargo make reads Makefile.toml: its tasks' command/args/script.
  if (tool === 'cargo' && args[0] === 'make') {
    const text = written.get(`${cwd}/Makefile.toml`);
    if (text === undefined) return [];
    try {
      return stringsUnder(parseToml(text), /^(script|command)$/);
    } catch {
      return 'opaque';
    }
  }
  // Procfile runners start every process line.
  if (/^(foreman|honcho|overmind|hivemind|forego)$/.test(tool)) {
    const text = written.get(`${cwd}/Procfile`) ?? written.get(`${cwd}/Procfile.dev`);
    return text === undefined ? [] : text.split('\n').map((l) => /^[\w.-]+:\s*(.+)$/.exec(l)?.[1]).filter((x): x is string => x !== undefined);
  }
  // go generate runs the //go:generate lines of the package's files.
  if (tool === 'go' && args[0] === 'generate') {
    return [...written].filter(([p]) => p.endsWith('.go') && p.startsWith(`${cwd}/`)).flatMap(([, t]) => [...t.matchAll(/^\/\/go:generate\s+(.+)$/gm)].map((m) => m[1]!));
  }
  // Task runners other than npm: each reads its tasks from its own file (bun run / node --run read
  // package.json; deno task, just, task, mise run their own). Every task of a file this line wrote
  // is judged (which one runs is not always plain from the words).
  const other = otherTaskRuns(tool, args, cwd, written);
  if (other !== undefined) return other;
  if (tool === 'npm' || tool === 'pnpm' || tool === 'yarn' || (tool === 'bun' && /^(install|i|add|a)$/.test(args[0] ?? ''))) {
    const text = written.get(`${cwd}/package.json`);
    if (text === undefined) return [];
    let scripts: Record<string, unknown>;
    try {
      scripts = (JSON.parse(text) as { scripts?: Record<string, unknown> }).scripts ?? {};
    } catch {
      return 'opaque';
    }
    // yarn and pnpm run a script named as the first word (pnpm t is test).
    const bare = (tool === 'yarn' || tool === 'pnpm') && args[0] && !args[0].startsWith('-') && !/^(install|i|add|remove|rm|un|uninstall|update|up|upgrade|run|run-script|test|t|tst|start|stop|restart|exec|dlx|create|init|publish|pack|link|unlink|why|list|ls|outdated|audit|config|store|import|rebuild|rb|prune|dedupe|patch|patch-commit|env|setup|bin|root|info|view|cache|workspace|workspaces|plugin|set|node|version|help)$/.test(args[0]);
    const names = npmScripts(bare ? ['run', ...args] : args) ?? Object.keys(scripts);
    return names.map((n) => scripts[n]).filter((s): s is string => typeof s === 'string');
  }
  if (tool === 'make' || tool === 'gmake') {
    // make -f FILE reads FILE (several may be given).
    const given = args0.map((a, k) => (/^(-f|--file|--makefile)$/.test(args0[k - 1] ?? '') ? a : /^--(file|makefile)=/.test(a) ? a.slice(a.indexOf('=') + 1) : /^-f./.test(a) ? a.slice(2) : undefined)).filter((x): x is string => x !== undefined);
    const file = (given.length ? given.map((f) => posix.resolve(cwd, f)) : ['GNUmakefile', 'makefile', 'Makefile'].map((f) => `${cwd}/${f}`)).map((f) => written.get(f)).find((t) => t !== undefined);
    if (file === undefined) return [];
    // include FILE (also -include, sinclude): its text, when this line wrote it too.
    const included = [...file.matchAll(/^-?s?include\s+(.+)$/gm)].flatMap((m) => m[1]!.trim().split(/\s+/)).map((f) => written.get(posix.resolve(cwd, f))).filter((t): t is string => t !== undefined);
    return [file, ...included].flatMap(makeRecipes);
  }
  return [];
}

/**
 * Files whose commands run later without anyone typing them — git hook managers (husky,
 * lefthook, pre-commit), direnv's .envrc, editor tasks (here), CI workflows (GitHub, GitLab, on
 * CI's machines) — written in this line with known text: the command lines that will run here,
 * and whether a CI step handles the repository's secrets. Undefined for any other file.
 */
export function autoRunCommands(path: string, text: string, runsCiHere = false): { lines: string[]; ciSecrets: boolean; unreadable?: boolean } | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1);
  // Hook scripts agents run on their own events (Claude Code's .claude/hooks, Gemini's, Codex's).
  if (/\/\.husky\/[^/]+$/.test(path) || /\/\.(claude|gemini|codex|cursor)\/hooks\//.test(path)) return { lines: [text], ciSecrets: false };
  if (base === '.envrc') return { lines: [direnvShell(path, text, '~').text], ciSecrets: false };
  // Claude Code slash commands, skills and agents: !`cmd` lines run when invoked, and hooks in
  // their front matter run on events (every `command:` value).
  if (/\/\.claude\/(commands|skills|agents)\/.+\.md$/.test(path)) {
    return { lines: [...[...text.matchAll(/!`([^`]+)`/g)].map((m) => m[1]!), ...[...text.matchAll(/^\s*-?\s*command:\s*(["']?)(.+?)\1\s*$/gm)].map((m) => m[2]!)], ciSecrets: false };
  }
  // VS Code terminal environment: variables every integrated terminal starts with (BASH_ENV, PATH, LD_PRELOAD …).
  if (/\/\.vscode\/settings\.json$/.test(path)) {
    let doc: Record<string, unknown>;
    try {
      doc = parseYaml(text) as Record<string, unknown>;
    } catch {
      return undefined;
    }
    const envs = Object.entries(doc ?? {}).filter(([k]) => /^terminal\.integrated\.env\./.test(k)).flatMap(([, v]) => Object.entries((v as Record<string, unknown>) ?? {}));
    const q = (w: string) => `'${w.replace(/'/g, `'\\''`)}'`;
    return { lines: envs.filter(([, v]) => typeof v === 'string').map(([k, v]) => `${k}=${q(v as string)} true`), ciSecrets: false };
  }
  // Dev containers: initializeCommand runs on this machine when the project is opened; the others in the container.
  if (/\/\.devcontainer(\/[^/]+)?\/devcontainer\.json$|\/\.devcontainer\.json$/.test(path)) {
    try {
      return { lines: stringsUnder(parseYaml(text), /^(initializeCommand|onCreateCommand|updateContentCommand|postCreateCommand|postStartCommand|postAttachCommand)$/), ciSecrets: false };
    } catch {
      return { lines: [], ciSecrets: false, unreadable: true };
    }
  }
  // MCP server definitions (.mcp.json, .cursor/mcp.json, .gemini/settings.json mcpServers): the
  // agent starts each server's command with its arguments.
  if (base === '.mcp.json' || /\/\.(cursor|vscode|roo|kilocode|windsurf|gemini)\/mcp(_settings)?\.json$/.test(path) || /\/\.cursor\/hooks\.json$/.test(path)) {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      return { lines: [], ciSecrets: false, unreadable: true };
    }
    const servers = (doc as { mcpServers?: Record<string, { command?: unknown; args?: unknown }>; servers?: Record<string, { command?: unknown; args?: unknown }> }) ?? {};
    const q = (w: string) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);
    const lines = Object.values({ ...(servers.mcpServers ?? {}), ...(servers.servers ?? {}) }).flatMap((s) => (typeof s?.command === 'string' ? [[s.command, ...(Array.isArray(s.args) ? s.args.filter((a): a is string => typeof a === 'string') : [])].map(q).join(' ')] : []));
    // Cursor hooks.json: {"hooks": {"event": [{"command": "…"}]}}
    lines.push(...stringsUnder((doc as { hooks?: unknown })?.hooks ?? {}, /^command$/));
    return { lines, ciSecrets: false };
  }
  let keys: RegExp;
  let ci = false;
  if (/\/\.github\/workflows\/[^/]+\.ya?ml$/.test(path)) [keys, ci] = [/^run$/, true];
  else if (base === '.gitlab-ci.yml') [keys, ci] = [/^(script|before_script|after_script)$/, true];
  else if (base === '.pre-commit-config.yaml') keys = /^entry$/;
  else if (/^\.?lefthook(-local)?\.ya?ml$/.test(base)) keys = /^run$/;
  else if (/\/\.vscode\/tasks\.json$/.test(path)) keys = /^command$/;
  else return undefined;
  let doc: unknown;
  try {
    doc = parseYaml(text); // JSON is YAML too
  } catch {
    return { lines: [], ciSecrets: false, unreadable: true };
  }
  const lines: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (keys.test(k) && typeof x === 'string') lines.push(x);
        else if (keys.test(k) && Array.isArray(x)) lines.push(...x.filter((s): s is string => typeof s === 'string'));
        else walk(x);
      }
    }
  };
  walk(doc);
  // CI steps run on CI's machines, not here: this machine's allowlist does not apply to them, but
  // ${{ secrets.X }} in a step's command passes the repository's secrets through it after a push.
  // (…unless a local runner in the line — act, gh act, gitlab-runner exec — runs them on this machine.)
  if (ci && !runsCiHere) return { lines: [], ciSecrets: lines.some((l) => /\$\{\{[^}]*\bsecrets\b/.test(l)) };
  return { lines, ciSecrets: false };
}

// Package managers' and build tools' configuration files: where they fetch from and which
// programs they run (a registry, an index, a wrapper). Written with known text, they are read now.
const TOOL_CONFIG = /(^|\/)(\.npmrc|\.yarnrc(\.yml)?|bunfig\.toml|pip\.conf|pip\.ini|uv\.toml|pyproject\.toml|poetry\.toml|\.pypirc|\.condarc|\.gemrc|composer\.json|gradle\.properties|settings\.xml|\.mvn\/maven\.config|\.cargo\/config(\.toml)?|\.bundle\/config|deno\.jsonc?|\.pnpmfile\.cjs|\.pnpmrc|go\.env|\.gitmodules|\.lfsconfig|gradle-wrapper\.properties|maven-wrapper\.properties)$/;
// The dedicated ones (not manifests a project keeps) and the JVM's option files: replaced wholesale with text from outside
// the project, they are configuration Rampart has not read — a registry, a proxy, a program the tool runs (yarnPath).
// (…and what a tool loads and runs from the project as it starts: the build wrappers' jars, Maven's core extensions, direnv's .envrc.)
// (…yarnPath's release, the wrappers themselves, MSBuild's and NuGet's, Bazel's, R's and pdb's start-up files,
// pre-commit's hooks; and the code test runners and installers load from the project by name: pytest's conftest.py,
// setup.py on pip install -e, nox's noxfile, a runner's or bundler's NAME.config.js.)
const LOADED_AT_START = /(^|\/)(conftest\.py|setup\.py|noxfile\.py|(jest|vitest|vite|webpack|rollup|babel|playwright|cypress|karma|eslint|next|nuxt|svelte|astro|tsup)\.config\.[cm]?[jt]s|gradle\/wrapper\/gradle-wrapper\.jar|\.mvn\/wrapper\/maven-wrapper\.jar|\.mvn\/extensions\.xml|\.envrc|\.yarn\/releases\/[^/]+\.c?js|gradlew|mvnw|Directory\.Build\.(?:targets|props)|[Nn]u[Gg]et\.[Cc]onfig|\.bazelrc|\.Rprofile|\.pdbrc|\.pre-commit-config\.yaml)$/;
const replaceableConfig = (p: string): boolean => ((TOOL_CONFIG.test(p) || JVM_OPTION_FILE.test(p)) && !/(^|\/)(pyproject\.toml|composer\.json|deno\.jsonc?)$/.test(p)) || LOADED_AT_START.test(p);

/**
 * A tool's configuration file replaced by a copy, link or redirection of something outside the project (cp /tmp/y
 * .yarnrc.yml, cat /tmp/p > .venv/pip.conf, curl URL > .npmrc): tagged, as relocated configuration is. `sources` are
 * the words the text came from; a path in the project (an example file) or a text the line wrote is the project's own.
 */
export function replacedConfig(st: State, path: string, sources: readonly string[], cwd: string): void {
  // (A directory that holds a tool's configuration — .cargo, .mvn, .config/pip — replaced whole replaces it too.)
  // (Named by a dot-directory: the destination itself, or the source's name inside a destination directory — cp -r /tmp/c/.mvn .)
  const configDir = (d: string) => /^\.(cargo|mvn|m2|pip|config|gradle|yarn|bundle|pnpm|sbt|ivy2|nuget|conda|poetry|uv|npm|deno)$/.test(posix.basename(d));
  // (…or a file of that name put into a destination directory: rsync /tmp/cfg/.yarnrc.yml ., install -t . /tmp/y/pip.conf.)
  if (!replaceableConfig(path) && !configDir(path) && !sources.some((w) => configDir(`${path}/${posix.basename(w)}`) || replaceableConfig(`${path}/${posix.basename(w)}`))) return;
  const root = st.ctx.projectRoot;
  const at = (w: string) => posix.resolve(cwd, w.replace(/^~(?=\/|$)/, st.ctx.home));
  // (A source whose text the line wrote is judged as that text put there: its hosts and programs.)
  for (const w of sources) { const text = st.scripts.get(at(w)); if (text !== undefined) plantedConfig(st, path, text, cwd); }
  const away = sources.find((w) => /^[a-z][\w+.-]*:\/\//i.test(w) || /[$`]|^<\(/.test(w) || (() => { const a = at(w); return !st.scripts.has(a) && (st.foreign.has(a) || (a !== root && !a.startsWith(`${root}/`) && !st.ownCopies.has(a))); })());
  if (away === undefined) return;
  st.lineTags.tags.add('config-replaced');
  st.lineTags.notes.push(`${path} is replaced with ${away}, configuration Rampart has not read (where the tool fetches from, what it runs)`);
}

/** Keys in such files whose value is a program or module the tool runs. */
// (The value as the file's format reads it: a double-quoted string may hold single quotes — runner = "sh -c 'curl …'" —
// and the reverse; cargo's runner and wrappers may be a list of words, runner = ["sh", "-c", "…"].)
// (A comment may follow the value: runner = "…" # why.)
const CONFIG_PROGRAM = /^\s*["']?(rustc-wrapper|rustc-workspace-wrapper|rustc|rustdoc|runner|linker|yarnPath|yarn-path|script-shell|node-options|init-module|build-command|index-url-command)["']?\s*[=:]\s*("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|\[[^\]\n]*\]|[^"'\n#]+?)\s*,?\s*(?:#[^\n]*)?$/gm;

/** A configuration value as the command line it names: a quoted string's text, a list's words quoted for the shell. */
function configValue(raw: string): string {
  const q = (w: string) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);
  const str = (t: string) => (t.startsWith('"') ? t.slice(1, -1).replace(/\\(.)/g, '$1') : t.startsWith("'") ? t.slice(1, -1) : t);
  if (raw.startsWith('[')) return [...raw.matchAll(/"(?:[^"\\]|\\.)*"|'[^']*'/g)].map((m) => q(str(m[0]))).join(' ');
  return str(raw);
}

/** …and npm's own in an .npmrc: the shell it runs scripts with, its git, editor, browser, viewer, a script it loads at start. */
const NPMRC_PROGRAM = /^\s*(onload-script|shell|git|editor|browser|viewer)\s*=\s*["']?([^"'\n]+?)["']?\s*$/gm;

/** …and yarn 1's .yarnrc, whose settings are `key value` with a space: yarn-path is the yarn every run hands over to. */
const YARNRC_PROGRAM = /^\s*["']?(yarn-path)["']?\s+["']?([^"'\n]+?)["']?\s*$/gm;

/** The programs and modules a configuration text makes its tool run: each judged as the setting it is. */
function configPrograms(st: State, path: string, text: string, cwd: string): void {
  const base = path.slice(path.lastIndexOf('/') + 1);
  for (const m of [...text.matchAll(CONFIG_PROGRAM), ...(base === '.npmrc' ? text.matchAll(NPMRC_PROGRAM) : []), ...(base === '.yarnrc' ? text.matchAll(YARNRC_PROGRAM) : [])]) {
    const value = configValue(m[2]!);
    if (m[1] === 'node-options') nodeOptionsLoads(st, `${base} node-options`, value, cwd);
    // (yarnPath into the project's .yarn/releases is the release the project pins; replacing that file is judged where it is written.)
    else if (/^(yarnPath|yarn-path)$/.test(m[1]!) && posix.resolve(cwd, value).startsWith(`${st.ctx.projectRoot}/.yarn/releases/`)) continue;
    else programSetting(st, `${base} ${m[1]}`, value, true, cwd);
  }
}

/** The lines of a config text outside [….urls]-like sections (a project's own links, which fetch nothing). */
function configLines(text: string): string[] {
  const out: string[] = [];
  let section = '';
  for (const line of text.split('\n')) {
    const head = /^\s*\[+\s*([^\]]+?)\s*\]+\s*$/.exec(line);
    if (head) section = head[1]!;
    if (!/(^|\.)urls$/.test(section)) out.push(line);
  }
  return out;
}

/** URLs a configuration fetches from: values of registry/index/source/mirror/proxy/url keys. */
function fetchUrls(text: string): string[] {
  // (A .properties file escapes the colon: distributionUrl=https\://…)
  // (yarn v1's .yarnrc separates key and value with a space: registry "https://…".)
  return configLines(text).filter((line) => /(registry|index|source|mirror|proxy|url|find-links|repositor|server)[\w-]*["']?(\s*[=:]|\s+["']?[a-z+]+:\/\/)/i.test(line))
    .flatMap((line) => [...line.replace(/\\:/g, ':').matchAll(/\b(?:https?|git\+https?|git\+ssh|sftp):\/\/[^\s"'<>\]\\,]+/g)].map((m) => m[0]));
}

// Where build tools, their wrappers and package managers fetch from by default anyway (naming one
// in a manifest changes nothing): gradle, maven, rubygems, crates.io, packagist, nuget, the Go proxy.
const TOOL_DEFAULT_HOSTS = /^(services\.gradle\.org|downloads\.gradle(-dn)?\.org|plugins\.gradle\.org|repo\.maven\.apache\.org|repo1\.maven\.org|rubygems\.org|index\.rubygems\.org|crates\.io|index\.crates\.io|static\.crates\.io|(repo\.)?packagist\.org|api\.nuget\.org|proxy\.golang\.org|registry\.terraform\.io)$/i;

// Dependency manifests and lock files: every URL in them is where an install fetches code from
// (requirements `pkg @ URL`, --extra-index-url, package.json/lock `resolved`, Cargo `git =`, Gemfile
// `source`), except a project's own links (homepage, repository, documentation …).
// (Build files name where they fetch too: repositories, downloads, applied scripts.)
const DEP_MANIFEST = /(^|\/)(requirements[\w.-]*\.(txt|in)|constraints[\w.-]*\.txt|package(-lock)?\.json|npm-shrinkwrap\.json|pnpm-lock\.yaml|yarn\.lock|Cargo\.toml|pyproject\.toml|Pipfile(\.lock)?|setup\.cfg|Gemfile(\.lock)?|composer\.json|[\w.-]+\.tf(\.json)?|pom\.xml|(build|settings)\.gradle(\.kts)?|build\.sbt|CMakeLists\.txt|[\w.-]+\.cmake|meson\.build|WORKSPACE|MODULE\.bazel)$/;
const PROJECT_LINK = /["']?(homepage|repository|documentation|docs|bugs|issues|funding|url|author|email|license|website|changelog|source_code|download_url|tracker)["']?\s*[=:]/i;

function manifestUrls(text: string): string[] {
  return configLines(text).filter((line) => !PROJECT_LINK.test(line) || /\b(resolved|tarball|git|source|index|registry)["']?\s*[=:]/i.test(line)).flatMap((line) => [
    ...[...line.matchAll(/\b(?:https?|git\+https?|git\+ssh|git\+git|git|ssh|sftp|ftp):\/\/[^\s"'<>\]\\,)]+/g)].map((m) => m[0].replace(/^git\+/, '')),
    // terraform: a provider or module source named by host (evil.example/acme/x).
    ...[...line.matchAll(/\bsource\s*=\s*"(?:git::)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)\//gi)].map((m) => `https://${m[1]}/`),
  ]);
}

// JVM option files the build tools read at start (gradle.properties' org.gradle.jvmargs, .mvn/jvm.config, .sbtopts, .jvmopts).
const JVM_OPTION_FILE = /(^|\/)(gradle\.properties|\.mvn\/jvm\.config|\.sbtopts|\.jvmopts|\.mvn\/maven\.config)$/;
const JVM_LOADS = /-(javaagent|agentpath|agentlib)\b|-XX:\+?(OnError|OnOutOfMemoryError)=|-Djava\.security\.manager=|-Xbootclasspath/;

/** A tool's configuration written with known text: its hosts and the programs it names are judged now. */
function plantedConfig(st: State, path: string, text: string, cwd: string): void {
  if (JVM_OPTION_FILE.test(path) && JVM_LOADS.test(text)) {
    st.lineTags.tags.add('loader-env');
    st.lineTags.notes.push(`${path} gives every JVM the build starts an agent or a command to run`);
  }
  // A Dockerfile's FROM REGISTRY/… pulls its base image from that host when it is built.
  const dockerfile = /(^|\/)(Dockerfile|Containerfile)[\w.-]*$|\.dockerfile$/i.test(path);
  const manifest = DEP_MANIFEST.test(path);
  if (!TOOL_CONFIG.test(path) && !dockerfile && !manifest) return;
  const f = newFacts('<config>');
  // (In a pom, only repositories are fetched from: its namespaces and project links are names.)
  const fetched = /(^|\/)pom\.xml$/.test(path) ? [...text.matchAll(/<(plugin)?[Rr]epositor(y|ies)>[\s\S]*?<\/(plugin)?[Rr]epositor(y|ies)>/g)].map((m) => m[0]).join('\n') : text;
  if (manifest) for (const u of manifestUrls(fetched)) if (!TOOL_DEFAULT_HOSTS.test(/^[a-z+]+:\/\/([^/:]+)/i.exec(u)?.[1] ?? '')) addUrl(f, u, 'target');
  for (const u of [...fetchUrls(text), ...installScopeUrls(path, text)]) if (!TOOL_DEFAULT_HOSTS.test(/^[a-z+]+:\/\/([^/:]+)/i.exec(u)?.[1] ?? '')) addUrl(f, u, 'target');
  if (dockerfile) for (const m of text.matchAll(/^\s*FROM\s+(?:--\S+\s+)*([^\s/]+)\//gim)) if (/[.:]|^localhost$/.test(m[1]!)) addUrl(f, `https://${m[1]}/`, 'target');
  if (hostClasses(st.policy, f).has('disallowed')) {
    st.lineTags.tags.add('config-planted');
    st.lineTags.notes.push(`${path} names ${f.hosts.map((h) => h.host).join(', ')}, off the network allowlist: the tool that reads it fetches from there`);
  }
  configPrograms(st, path, text, cwd);
  packageSettings(st, path, text, cwd);
}

/** The text sed programs put into a file — s///'s replacements, a/i/c's lines — and the text they replace (s///'s patterns). */
/** What a jq/yq/gojq filter given on its command line may put into its output: the program, and the values it is handed
 *  by --arg/--argjson NAME VALUE (jq -n --arg c "curl …" '{scripts:{test:$c}}' writes that value). Undefined without a program. */
export function filterProgram(args: readonly string[]): string | undefined {
  const prog = args.find((a, k) => !a.startsWith('-') && !/^(--arg|--argjson|--slurpfile|--rawfile|-f|--from-file)$/.test(args[k - 1] ?? '') && !/^(--arg|--argjson|--slurpfile|--rawfile)$/.test(args[k - 2] ?? ''));
  const values = args.filter((_a, k) => /^(--arg|--argjson)$/.test(args[k - 2] ?? ''));
  return prog === undefined ? undefined : [prog, ...values].join('\n');
}

export function sedText(scripts: readonly string[]): { added: string[]; known: string } {
  const subs = scripts.flatMap((script) => [...script.matchAll(/s(.)((?:(?!\1)[^\\]|\\.)*)\1((?:(?!\1)[^\\]|\\.)*)\1/g)]);
  const added = [...subs.map((m) => m[3]!), ...scripts.flatMap((script) => [...script.matchAll(/(?:^|[;\n])\s*(?:[\d$,]|\/(?:[^/\\\n]|\\.)*\/)*[aic]\\?\s*(.*)/g)].map((m) => m[1]!))];
  return { added, known: subs.map((m) => m[2]!).join(' ') };
}

/**
 * A tool's configuration edited in place (sed -i 's#services.gradle.org#evil.example#' …wrapper.properties):
 * the hosts the new text names are where the tool then fetches from.
 */
export function editedConfig(st: State, path: string, scripts: readonly string[]): void {
  if (!TOOL_CONFIG.test(path)) return;
  const f = newFacts('<config>');
  // (A host the replaced text already named, or the tool's own default, is not new.)
  const { added, known } = sedText(scripts);
  // (A host stands after a scheme, or on its own — never inside a path, and a file name is no host.)
  // (sed's own escapes undone first: s/.*/registry=https:\/\/evil.example\// names that host.)
  for (const text of added) for (const m of text.replace(/\\(.)/g, '$1').matchAll(/(?:^|[\s=@"'(,]|[a-z][\w+.-]*:\/\/)((?!-)(?:[a-z0-9-]+\.)+[a-z]{2,}|\d+\.\d+\.\d+\.\d+)(?![\w.-])/gi)) {
    // (After a scheme it is a host whatever it ends in — https://evil.zip/ — and on its own only when code-hosts says so: not gradle.zip.)
    if (!/:\/\/$/.test(m[0].slice(0, -m[1]!.length)) && hostOfLiteral(m[1]!, '', false, true) === undefined && !/^\d+(\.\d+){3}$/.test(m[1]!)) continue;
    if (!known.includes(m[1]!) && !TOOL_DEFAULT_HOSTS.test(m[1]!)) addUrl(f, `https://${m[1]}/`, 'target');
  }
  if (hostClasses(st.policy, f).has('disallowed')) {
    st.lineTags.tags.add('config-planted');
    st.lineTags.notes.push(`${path} is edited to name ${f.hosts.map((h) => h.host).join(', ')}, off the network allowlist: the tool that reads it fetches from there`);
  }
  // (…and the tokens, programs and modules it now holds.)
  const lines = added.map((t) => t.replace(/\\n/g, '\n').replace(/\\(.)/g, '$1'));
  editedToken(st, path, lines);
  configPrograms(st, path, lines.join('\n'), st.ctx.cwd);
  packageSettings(st, path, lines.join('\n'), st.ctx.cwd);
}

/** The hooks husky or core.hooksPath=.githooks make git run, and an environment's activate script the developer's shell
 *  sources (what it sets — PATH, LD_PRELOAD, BASH_ENV — every later program gets): shell scripts without an extension. */
const GIT_HOOK_FILE = /\/\.(husky|githooks)\/[^/]+$|\/bin\/activate$/;

/**
 * The command lines a file holds that run the next time the developer does the everyday thing
 * with it — installs or tests (package.json scripts), make, a task runner's file, a Procfile, the
 * shell script itself. `text` may be the whole file or a piece added to it (an edit, an append):
 * a piece of a package.json that does not parse is read by its "name": "value" pairs.
 */
export function laterRuns(path: string, text: string): string[] {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (base === 'package.json' || base === 'composer.json') {
    try {
      return stringsUnder(JSON.parse(text), /^scripts$/);
    } catch {
      return [...text.matchAll(/"[^"\\\n]+"\s*:\s*"((?:[^"\\\n]|\\.)*)"/g)].map((m) => m[1]!.replace(/\\(["\\/])/g, '$1'));
    }
  }
  if (/^(GNUmakefile|[Mm]akefile)$|\.mk$/.test(base)) return makeRecipes(text);
  if (base === 'CMakeLists.txt' || /\.cmake$/.test(base)) return cmakeCommands(text);
  if (/^Procfile/.test(base)) return text.split('\n').map((l) => /^[\w.-]+:\s*(.+)$/.exec(l)?.[1]).filter((x): x is string => x !== undefined);
  const row = TASK_FILES.find((r) => r.files.some((f) => path.endsWith(`/${f}`)));
  if (row) {
    try {
      return row.read(text);
    } catch {
      return [];
    }
  }
  // Code that test runners, installers and build tools load by name (pytest's conftest.py, setup.py on an install, nox's
  // noxfile, sitecustomize, a runner's or bundler's NAME.config.js): the commands it runs literally — os.system("…"),
  // subprocess.run([...]), execSync("…") — run the next time the developer tests, installs or builds.
  // (…Ruby's Rakefile, Vagrantfile and the like, run by rake, vagrant, bundler; any tool's NAME.config.js or NAME.conf.js —
  // karma.conf.js, webpack.config.babel.js — and the rc files written as code, .eslintrc.cjs, .mocharc.js; Sphinx's conf.py.)
  const code = LOADED_CODE.exec(base);
  if (code) return literalRuns(text, code[1] ? 'python' : code[2] ? 'ruby' : 'node').runs;
  if (/\.(sh|bash|zsh|ksh)$/.test(base) || GIT_HOOK_FILE.test(path) || /^#!\s*\S*\/(env\s+)?(ba|z|k|da)?sh\b/.test(text)) return text.replace(/\\\n/g, ' ').split('\n');
  return [];
}

const LOADED_CODE = /^(?:(conftest\.py|setup\.py|noxfile\.py|fabfile\.py|dodo\.py|sitecustomize\.py|usercustomize\.py|conf\.py)|(Rakefile|rakefile|Vagrantfile|Guardfile|Capfile|Dangerfile|Fastfile|Podfile|[\w-]+\.rake)|(?:[\w.-]+\.(?:config|conf)(?:\.[\w-]+)?|\.[\w-]+rc|gatsby-(?:node|config|ssr)|[Gg]ulpfile(?:\.babel)?|[Gg]runtfile|[Jj]akefile)\.[cm]?[jt]s)$/;

/** Whether a file is one whose commands run later (laterRuns) — by its name. */
export function runsLater(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return /^(package|composer)\.json$|^(GNUmakefile|[Mm]akefile|Procfile[\w.-]*)$|\.(mk|sh|bash|zsh|ksh)$/.test(base) || GIT_HOOK_FILE.test(path) || TASK_FILES.some((r) => r.files.some((f) => path.endsWith(`/${f}`)));
}

/**
 * Commands written into a file that runs later (laterRuns): nothing runs them in this line, and
 * the shims and the sandbox judge them again when they do run. A command among them that Rampart
 * would refuse — an injected postinstall that sends .env, a recipe that deletes HOME — is refused
 * now, where the write can still be stopped; the rest is text until it runs. They are judged in a
 * shell of their own (they run later, without this line's variables), one line at a time.
 * `pieces`: text put into the file by an editor or by code (sed's replacements, a string literal
 * a program writes) — read as the file's own lines and as any command line they hold.
 */
export function judgeLaterRuns(st: State, path: string, text: string, cwd: string, pieces?: readonly string[]): void {
  const lines = pieces ? pieces.flatMap((t) => [...laterRuns(path, t), ...commandsInText(t, 0)]) : laterRuns(path, text);
  // Only commands whose every word is known now: what a script computes when it runs (its
  // operands, its own directory, the caller's variables) is judged then, by the shims and the sandbox.
  for (const l of [...new Set(lines)].filter((x) => x.trim() !== '' && !/`|\$(?!HOME\b|\{HOME\})/.test(x)).slice(0, 50)) {
    const js = judgeLine(st.policy, l, { ...st.ctx, cwd, env: st.ctx.env }, st.depth + 1);
    if (decide(st.policy, st.policy.rules, js).decision === 'deny') st.out.push(...js);
  }
}

/** Records text this line wrote to a file; a file that runs its commands later is judged now. */
export function rememberWritten(st: State, path: string, text: string, cwd: string): void {
  st.scripts.set(path, text);
  // Ignore rules written with known text: a `!` rule takes files back in; a file whose rules
  // still name .env keeps the usual secret out, whatever else it dropped.
  if (IGNORE_FILE.test(path)) {
    // (`!` rules that take back what could be a secret: !.env, !*.pem, !id_rsa, !*, !secrets/)
    if (/^\s*!.*(\.env|\.pem|\.key|\.p12|id_|\.ssh|\.aws|secret|credential|token|\*)/im.test(text)) st.ignoreRewrites.add(path);
    else if (/^\s*\/?(\*\*\/)?\.env\b/m.test(text)) st.ignoreRewrites.delete(path);
  }
  plantedConfig(st, path, text, cwd);
  judgeLaterRuns(st, path, text, cwd);
  // A makefile made to include one outside the project (include /tmp/x.mk), an .envrc made to load a file or put a directory
  // on PATH from outside it (source /tmp/x, dotenv ~/.aws/credentials, PATH_add /tmp/b): code Rampart has not read runs there
  // at every make, in every shell that enters the project.
  const foreign = [...foreignIncludes(path, text, st.ctx), ...(path.endsWith('/.envrc') ? direnvShell(path, text, st.ctx.home).loads.filter((p) => !ownBuildPlace(p, st.ctx.projectRoot)) : [])].filter((p) => !st.scripts.has(p));
  if (foreign.length) {
    st.lineTags.tags.add('interpreter-opaque');
    st.lineTags.notes.push(`${path} takes in code Rampart has not read, from outside the project: ${foreign[0]}`);
  }
  // (A local CI runner — act, gh act, gitlab-runner exec — runs workflow steps here; listing or a dry run runs none.)
  // (…by any path or quoting — ./bin/act, "act", ~/go/bin/act — and Gitea's and Forgejo's runners; a listing flag counts only
  // as a word of its own, not inside a quoted value: act push --input 'why= -n'.)
  const ci = st.lineText.replace(/\\(.)/g, '$1').replace(/'[^']*'|"[^"]*"/g, (q) => (/^.[\w.~/-]*.$/.test(q) ? q.slice(1, -1) : 'Q'));
  const localCi = [...ci.matchAll(/(?:^|[\s;&|(])(?:[\w.~/-]*\/)?(?:act|gh\s+act|(?:gitlab-runner|act_runner|forgejo-runner|gitea-runner)\s+exec)(?=[\s;&|)]|$)([^;&|\n]*)/g)].some((m) => !/(^|\s)(-l|--list|-n|--dryrun|-g|--graph|--help|-h|--version)(?=\s|$)/.test(m[1]!));
  const auto = autoRunCommands(path, text, localCi);
  if (!auto) return;
  for (const l of auto.lines) st.sub(l, cwd, st.ctx.env);
  if (auto.ciSecrets) {
    st.lineTags.tags.add('ci-secrets');
    st.lineTags.notes.push(`${path} passes the repository's CI secrets through a command that runs after the push`);
  }
  if (auto.unreadable) {
    st.lineTags.tags.add('interpreter-opaque');
    st.lineTags.notes.push(`${path} runs its commands later, and the text written cannot be read`);
  }
}
