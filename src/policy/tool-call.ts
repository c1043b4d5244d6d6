// The verdict for one agent tool call (a PreToolUse/BeforeTool hook): shell tools → whole-command
// analysis; file tools → path rules; fetch tools → host rules; any other tool → judged by what its
// input names (tool-input.ts). Same rules, same Evaluation as the shims.
import { decide, judge, judgeFacts, type Judged } from './evaluate.js';
import { newFacts } from './facts.js';
import { nameMatchesGlob } from './glob.js';
import { judgeLine, judgeShellLine } from './line/judge-line.js';
import { quote } from './line/unwrap.js';
import type { CompiledPolicy } from './policy.js';
import { COMMAND_KEYS, CONTENT_KEYS, namesIn, norm, ownToolName, pathRoles, shellQuote } from './tool-input.js';
import { credentialText } from './credential-text.js';
import { kernelLines } from './kernel-cells.js';
import { isPatch, readPatch } from './patch-text.js';
import type { Context, Evaluation } from './types.js';

/** An agent tool call: the client's tool name and input. */
export interface ToolCall {
  tool_name: string;
  /** Usually an object; anything else is judged as unreadable. */
  tool_input: unknown;
}

/** How Rampart reads one tool's input. Capabilities as data: a new tool is a new row. */
export type ToolModel =
  /** Runs `field` as a shell command line (in the directory named by `cwd`, when given). */
  | { runs: string; cwd?: string }
  /** Applies the patch in `field` (Codex's apply_patch format): the files it adds, updates, moves and deletes. */
  | { patch: string }
  /** Fetches the URL in `field` (`inText`: URLs found anywhere in that text, as Gemini's web_fetch prompt). */
  | { fetches: string; inText?: boolean }
  /** Touches the files named in these fields (`text`: the fields holding the text it writes — a whole file, or a piece put into one). */
  | { writes?: string[]; reads?: string[]; lists?: string[]; readsGlob?: { path: string | string[]; glob: string }; text?: string[] }
  /** Has no effect outside the conversation (todo lists, plans, questions to the user). */
  | { inert: true };

/**
 * The tools of the agents Rampart integrates with. Claude Code: Bash, the file tools, WebFetch.
 * Gemini CLI: run_shell_command, write_file, replace, read_file, read_many_files, web_fetch.
 * Codex: Bash (exec_command, as its hooks name it), apply_patch (the files its patch names), view_image.
 */
export const TOOL_MODELS: Readonly<Record<string, ToolModel>> = {
  Bash: { runs: 'command' },
  Write: { writes: ['file_path'], text: ['content'] },
  Edit: { writes: ['file_path'], text: ['new_string'] },
  MultiEdit: { writes: ['file_path'], text: ['edits'] },
  NotebookEdit: { writes: ['notebook_path', 'file_path'] },
  Read: { reads: ['file_path'] },
  Grep: { readsGlob: { path: 'path', glob: 'glob' } },
  // Glob and LS print names, not contents (listing ~/.ssh is allowed, reading it is not).
  Glob: { lists: ['path'] },
  LS: { lists: ['path'] },
  WebFetch: { fetches: 'url' },
  TodoWrite: { inert: true },
  ExitPlanMode: { inert: true },
  AskUserQuestion: { inert: true },
  // Gemini CLI
  run_shell_command: { runs: 'command', cwd: 'dir_path' },
  write_file: { writes: ['file_path'], text: ['content'] },
  replace: { writes: ['file_path'], text: ['new_string'] },
  read_file: { reads: ['absolute_path', 'file_path'] },
  // (Its patterns are `include` since 0.1x — required, with no `paths` — and `paths` before; both name what it reads.)
  read_many_files: { reads: ['paths', 'include'] },
  web_fetch: { fetches: 'prompt', inText: true },
  list_directory: { lists: ['path', 'dir_path'] },
  // Its grep tool (search_file_content, later grep_search) prints the matching lines of the files `include` picks under
  // dir_path (`path` in earlier versions).
  search_file_content: { readsGlob: { path: ['dir_path', 'path'], glob: 'include' } },
  grep_search: { readsGlob: { path: ['dir_path', 'path'], glob: 'include' } },
  glob: { lists: ['path', 'dir_path'] },
  save_memory: { inert: true },
  write_todos: { inert: true },
  // Codex
  // (Its shell tools run in the directory their workdir names.)
  shell: { runs: 'command', cwd: 'workdir' },
  exec_command: { runs: 'cmd', cwd: 'workdir' },
  local_shell: { runs: 'command', cwd: 'workdir' },
  // Codex hooks name its shell tool Bash (as Claude Code does) and its file edits apply_patch.
  apply_patch: { patch: 'command' },
  view_image: { reads: ['path'] },
};

/** The verdict for input that cannot be judged: never a silent allow. */
export function malformed(reason: string): Evaluation {
  const m = { id: 'rampart-malformed-input', decision: 'deny' as const, reason, where: 'rampart' };
  return { decision: 'deny', rule: m.id, reason, matched: [m] };
}

/** The verdict for a tool whose input Rampart cannot read: a person decides. */
function unreadable(tool: string, why: string): Evaluation {
  const reason = `${tool}: ${why}; Rampart cannot tell what it would do`;
  const m = { id: 'rampart-unreadable-tool-input', decision: 'ask' as const, reason, where: 'rampart' };
  return { decision: 'ask', rule: m.id, reason, matched: [m] };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
/** A field's value as a list of strings (a string, or an array of strings). */
const strs = (v: unknown): string[] => (typeof v === 'string' && v ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0) : []).map((p) => p.replace(/^file:\/\/(?=\/)/, ''));
// (A bracketed IPv6 host — http://[::1]:8080/ — is part of its URL; a lone `]` or `)` ends one written in prose. Only the
// host may be bracketed: a later [x] — https://github.com/a[x](http://evil.example) — ends the URL there, so the next is read.)
const URLS_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/(?:\[[^\]\s]*\][^\s"'<>)\]]*|[^\s"'<>)\]]+)/gi;

/** Judged units for a shell command line (an argv array is quoted back into one). */
function commandUnits(policy: CompiledPolicy, command: unknown, ctx: Context): Judged[] | string {
  if (typeof command === 'string') return judgeShellLine(policy, command, ctx);
  if (Array.isArray(command) && command.length > 0 && command.every((w) => typeof w === 'string')) {
    return judgeLine(policy, command.map(shellQuote).join(' '), ctx);
  }
  return 'no command string';
}

/** The directory a search tool searches: the first of its keys given. */
const globRoot = (keys: string | string[], input: Record<string, unknown>): string | undefined => ([keys].flat().map((k) => str(input[k])).find((x) => x !== undefined));

/** Judged units for the paths of a file tool. */
function fileUnits(policy: CompiledPolicy, tool: string, m: Extract<ToolModel, { writes?: string[] }>, input: Record<string, unknown>, ctx: Context): Judged[] | string {
  const f = newFacts(tool);
  for (const k of m.writes ?? []) f.writes.push(...strs(input[k]));
  for (const k of m.reads ?? []) f.reads.push(...strs(input[k]));
  if (tool === 'read_many_files') f.reads.push(...unexcluded(input));
  if (m.readsGlob) {
    // Searching prints matching lines: naming a secret file (or a glob for one) reads it.
    const p = globRoot(m.readsGlob.path, input);
    const g = str(input[m.readsGlob.glob]);
    if (p) f.reads.push(p);
    if (g) f.reads.push(`${p ?? '.'}/${g}`);
  }
  // A search is recursive, as `rg PATTERN PATH` is: judged as that line (a directory holding
  // credentials — HOME, ~/.ssh — prints them).
  const q = (w: string) => `'${w.replace(/'/g, `'\\''`)}'`;
  const searched = m.readsGlob ? globRoot(m.readsGlob.path, input) : undefined;
  const searchUnits = searched ? judgeLine(policy, `rg -e ${q(str(input.pattern) ?? 'x')} -- ${q(searched.replace(/^file:\/\/(?=\/)/, ''))}`, ctx) : [];
  if ((m.writes || m.reads) && f.writes.length === 0 && f.reads.length === 0) return `no ${[...(m.writes ?? []), ...(m.reads ?? [])][0]}`;
  const units = [judgeFacts(policy, f, [tool], ctx), ...searchUnits];
  // The text written is judged as the shell's writes are: a file whose commands run later, a
  // tool's configuration, an ignore file (one evaluator: the same text put there by a here-document).
  // (MultiEdit's edits: each one's new_string.)
  const texts = (m.text ?? []).flatMap((k) => (Array.isArray(input[k]) ? (input[k] as unknown[]).map((e) => (e as { new_string?: unknown })?.new_string) : [input[k]])).filter((x): x is string => typeof x === 'string' && x !== '');
  for (const p of f.writes) for (const text of texts) units.push(...writtenText(policy, p, text, ctx));
  return units;
}

/** Gemini's read_many_files leaves out .env (its default excludes) and what .gitignore lists — unless its input turns that off
 *  (useDefaultExcludes: false, file_filtering_options.respect_git_ignore: false). Then a pattern whose last part matches a
 *  dot-file's name (**\/*, config/*) reads the .env beside it: the .env paths it reads so. */
function unexcluded(input: Record<string, unknown>): string[] {
  const filtering = input.file_filtering_options;
  const open = input.useDefaultExcludes === false || (typeof filtering === 'object' && filtering !== null && (filtering as Record<string, unknown>).respect_git_ignore === false);
  if (!open) return [];
  // (A directory named without a glob — ".", "config/" — is read as DIR/**.)
  const dir = (p: string) => !/[*?[{]/.test(p) && (/^\.?\/?$|\/$/.test(p) || !/\.[^/]*$/.test(p.slice(p.lastIndexOf('/') + 1)));
  return [...strs(input.paths), ...strs(input.include)].flatMap((p) => (dir(p) ? [`${p.replace(/\/+$/, '') || '.'}/.env`]
    : nameMatchesGlob(p.slice(p.lastIndexOf('/') + 1), '.env') ? [`${p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '.'}/.env`] : []));
}

/** Judged units for TEXT put into the file PATH: the line `cat >> PATH <<'EOF'` with that text. */
export function writtenText(policy: CompiledPolicy, path: string, text: string, ctx: Context): Judged[] {
  let delim = 'RAMPART_TEXT';
  while (text.includes(delim)) delim += '_';
  return judgeLine(policy, `cat >> '${path.replace(/'/g, `'\\''`)}' <<'${delim}'\n${text}\n${delim}`, ctx);
}

/** Judged units for a tool Rampart has no model of: by what its input names. */
// A tool that opens, edits or comments on a merge request without merging it (its own name, lower-cased).
const OPENS_REQUEST = /^(create|open|new|draft|update)_?(merge_?request|pull_?request|mr|pr)|^(add_|create_)?(merge_?request|pull_?request|mr|pr)_?(comment|note|discussion)s?$|^(add|create)_?(comment|note)s?_?(on|to)_/;

/** The keys holding an edit's pieces — a list ({"edits": [{…}]}, patches, changes, replacements) or one ({"edit": {…}}). */
const EDIT_LIST_KEYS = /^(edits?|changes?|replacements?|patches|patch|modifications?|operations?|ops|hunks?)$/;
/** The keys of an edit holding the text it puts in (newText, new_string, replacement, replaceWith). */
const NEW_TEXT_KEYS = new Set(['newtext', 'newstring', 'new', 'replacement', 'replace', 'newcontent', 'newsource', 'text', 'content', 'replacewith', 'newvalue', 'newcode', 'newcontents', 'insert', 'inserttext']);

function genericUnits(policy: CompiledPolicy, call: ToolCall, ctx: Context): Judged[] | { unreadable: string } {
  const named = namesIn(call.tool_input, call.tool_name);
  if (named.unreadable) return { unreadable: named.unreadable };
  const units: Judged[] = [];
  // A patch in Codex's format given to another tool (a server's apply_patch) touches the files it names, as apply_patch does.
  // (Under the keys a patch is given by — patch, patch_content, unified_diff, edits — not in a message or document that quotes one.)
  for (const [k, v] of Object.entries(call.tool_input as Record<string, unknown>)) {
    if (typeof v !== 'string' || !/^(patch\w*|\w*diffs?|difftext|input|command|cmd|changes|edits?)$/.test(norm(k)) || !isPatch(v)) continue;
    const p = patchUnits(policy, call.tool_name, v, ctx);
    if (Array.isArray(p)) units.push(...p);
    else return { unreadable: typeof p === 'string' ? `a patch with ${p}` : p.unreadable };
  }
  for (const c of named.commands) units.push(...judgeLine(policy, c, ctx));
  // SQL is judged as the database client given it would be (COPY … TO PROGRAM runs a command, INTO OUTFILE writes a
  // file, pg_read_file reads one), in the tool's dialect where its name says which.
  const client = /mysql|maria/i.test(call.tool_name) ? 'mysql -e' : /sqlite/i.test(call.tool_name) ? 'sqlite3 :memory:' : /duck/i.test(call.tool_name) ? 'duckdb -c' : 'psql -c';
  for (const q of named.sql) units.push(...judgeLine(policy, `${client} ${quote(q)}`, ctx));
  // A hosted repository's branch written by the tool (push_files, create_or_update_file, delete_file on main), or a pull
  // request merged (into its base, most often main): judged as the push or `gh pr merge` it is.
  const n = call.tool_name.toLowerCase();
  const reads = /(^|_)(list|get|search|check|read|view|show|fetch|compare|diff)/.test(n);
  // (Opening a merge request merges nothing: create_merge_request, open_pull_request, a comment on one. Read from the tool's
  // own name, not its server's — mcp__openapi__merge_pull_request merges — and as its leading verb: merge_…_with_comment merges.)
  if (/merge/.test(n) && !reads && !OPENS_REQUEST.test(ownToolName(n))) units.push(...judgeLine(policy, 'gh pr merge', ctx));
  // (A branch deletion tool names the branch under `branch`, `ref`, or its own `name`: delete_branch {name: "main"}, branch_delete.)
  else if (/(delete|remove)_?(branch|ref)|(branch|ref)_?(delete|remove)/.test(n) && !reads) {
    const input = call.tool_input as Record<string, unknown>;
    const branches = named.branches.length ? named.branches : Object.entries(input).filter(([k, v]) => /^(name|branches|names)$/i.test(k) && (typeof v === 'string' || Array.isArray(v))).flatMap(([, v]) => (Array.isArray(v) ? v : [v])).filter((v): v is string => typeof v === 'string');
    for (const b of branches) units.push(...judgeLine(policy, `git push origin --delete '${b.replace(/'/g, '')}'`, ctx));
  }
  else if (/push|commit|(create|update|delete|put|write|upload)(_or_update)?_?(file|contents|ref)|force/.test(n) && !reads) for (const b of named.branches) units.push(...judgeLine(policy, `git push origin 'HEAD:${b.replace(/'/g, '')}'`, ctx));
  // (A file: URL naming a file of the project — an editor's document URI — is that path; any other is a scheme DESIGN denies.)
  const inProject = (u: string) => { const m = /^file:\/\/(\/[^?#]*)$/i.exec(u); return m && !m[1]!.split('/').includes('..') && m[1]!.startsWith(`${ctx.projectRoot}/`) ? decodeURIComponent(m[1]!) : undefined; };
  named.paths.push(...named.urls.map(inProject).filter((p): p is string => p !== undefined));
  const urls = [...named.urls.filter((u) => inProject(u) === undefined), ...named.hosts.map((h) => `https://${h}`)];
  for (const u of urls) units.push(judge(policy, ['WebFetch', u], ctx));
  // Key material anywhere in what a tool is given (a private key pasted into an issue comment, a token in a message) leaves
  // with the call: an MCP server hands it to its service.
  const material = credentialText(JSON.stringify(call.tool_input).replace(/\\n/g, '\n'));
  if (material) {
    const f = newFacts(call.tool_name);
    f.tags.add('credential-text');
    f.notes.push(`the tool input carries ${material}`);
    units.push(judgeFacts(policy, f, [call.tool_name], ctx));
  }
  if (named.paths.length) {
    const input = call.tool_input as Record<string, unknown>;
    const content = Object.entries(input).some(([k, v]) => CONTENT_KEYS.has(norm(k)) && typeof v === 'string' && v !== '');
    const f = newFacts(call.tool_name);
    const roles = pathRoles(call.tool_name, urls.length > 0, content);
    for (const role of roles) f[role].push(...named.paths);
    // (A move takes a directory with everything below it, as mv does: judged as the recursive removal from where it was.)
    if (/move|rename/i.test(call.tool_name)) f.tags.add('recursive');
    units.push(judgeFacts(policy, f, [call.tool_name], ctx));
    // The text such a tool writes is judged as Write's is (a package.json script, an .envrc, a task that runs on open):
    // its content, or each edit's new text ({"edits": [{"oldText", "newText"}]}, the filesystem server's edit_file).
    if (roles.includes('writes')) {
      const texts = Object.entries(input).flatMap(([k, v]) => ((CONTENT_KEYS.has(norm(k)) || NEW_TEXT_KEYS.has(norm(k))) && typeof v === 'string' ? [v]
        : typeof v === 'object' && v !== null && EDIT_LIST_KEYS.test(norm(k)) ? [v].flat().flatMap((e) => (typeof e === 'object' && e !== null ? Object.entries(e).filter(([ek, ev]) => NEW_TEXT_KEYS.has(norm(ek)) && typeof ev === 'string').map(([, ev]) => ev as string) : [])) : []))
        .filter((x) => x !== '');
      for (const p of named.paths) for (const text of texts) units.push(...writtenText(policy, p, text, ctx));
    }
    // A tool that runs things given a script by path and no command line: what runs is not in the call.
    if (named.commands.length === 0 && /run|exec|spawn|launch|shell|terminal|invoke|eval/i.test(call.tool_name) && named.paths.some((p) => /\.(sh|bash|zsh|py|js|mjs|cjs|ts|rb|pl|php|ps1|bat|cmd|exe)$/.test(p))) {
      return { unreadable: 'it runs a script named by path, whose text is not in the call' };
    }
  }
  return units;
}

/** Shell tools → whole-command analysis; file tools → path rules; fetch → host rules; others by their input. */
export function evaluateToolCall(policy: CompiledPolicy, call: ToolCall, ctx: Context): Evaluation {
  if (!call || typeof call.tool_name !== 'string' || call.tool_name === '') return malformed('the tool call has no tool name');
  const tool = call.tool_name;
  const m = Object.prototype.hasOwnProperty.call(TOOL_MODELS, tool) ? TOOL_MODELS[tool] : undefined;
  if (!call.tool_input || typeof call.tool_input !== 'object' || Array.isArray(call.tool_input)) {
    // A tool we know sent in a shape it never has: refuse. One we do not know: a person decides.
    return m ? malformed(`the ${tool} call has no tool_input object`) : unreadable(tool, 'the tool input is not a JSON object');
  }
  const plain = { ...ctx, stdin: undefined, stdout: undefined };
  const input = call.tool_input as Record<string, unknown>;
  let units: Judged[] | string | { unreadable: string };
  if (!m) units = genericUnits(policy, call, plain);
  else if ('inert' in m) units = [];
  else if ('runs' in m) {
    // A shell tool told to run elsewhere (Gemini's dir_path) is judged there.
    const dir = m.cwd ? str(input[m.cwd]) : undefined;
    units = commandUnits(policy, input[m.runs], dir ? { ...plain, cwd: resolveDir(plain.cwd, dir) } : plain);
  } else if ('patch' in m) units = patchUnits(policy, tool, input[m.patch] ?? input.input ?? input.patch, plain);
  else if ('fetches' in m) {
    const text = str(input[m.fetches]);
    const urls = !text ? [] : m.inText ? [...text.matchAll(URLS_IN_TEXT)].map((x) => x[0]) : [text];
    units = urls.length ? urls.map((u) => judge(policy, ['WebFetch', u], plain)) : m.inText ? `no URL in ${m.fetches}` : `no ${m.fetches}`;
  } else if ('lists' in m) units = [];
  else units = fileUnits(policy, tool, m, input, plain);
  if (typeof units === 'string') return malformed(`${tool} call with ${units}`);
  if (!Array.isArray(units)) return unreadable(tool, units.unreadable);
  if (m && !('runs' in m)) {
    // A command line in a field the tool does not define (Write {…, "command": "curl …"}) is judged as one.
    // (Not the fields the tool's model reads itself: apply_patch's patch text sits in `command`.)
    const own = new Set(Object.values(m).flat().filter((x): x is string => typeof x === 'string'));
    for (const [k, v] of Object.entries(input)) if (!own.has(k) && COMMAND_KEYS.has(norm(k)) && typeof v === 'string' && v.trim()) units.push(...judgeLine(policy, v, plain));
  }
  // A notebook cell's code runs when the notebook does: read as a local kernel's cell is (kernel-cells.ts) — its Python, its
  // `!`/%system lines, %%bash cells, %%writefile writes, the bodies of %%capture/%%time, %cd/%env before later lines. A magic
  // whose effect is not known makes the cell not understood. (A markdown or raw cell is text.)
  let notRead: string | undefined;
  if (tool === 'NotebookEdit') {
    const source = str(input.new_source) ?? '';
    if (input.cell_type !== 'markdown' && input.cell_type !== 'raw' && source.trim()) {
      const lines = kernelLines(source);
      // (Not read whole, its `!` lines are still the shell lines they are: a deny among them stands.)
      if (lines === undefined) notRead = 'the cell uses IPython in a way Rampart does not read (a magic, get_ipython())';
      const shell = source.split('\n').map((l) => /^\s*!!?(.+)$/.exec(l)?.[1]).filter((l): l is string => l !== undefined && l.trim() !== '');
      for (const l of lines ?? shell) units.push(...judgeLine(policy, l, plain));
    }
  }
  // A search query, or any text an unknown tool sends with a URL, carrying a key or token: that material leaves.
  const sent = tool === 'WebSearch' || tool === 'google_web_search' || tool === 'web_search' ? [str(input.query) ?? ''] : [];
  for (const text of sent) {
    const material = credentialText(text);
    if (material) {
      const f = newFacts(tool);
      f.tags.add('credential-text');
      f.notes.push(`the query carries ${material}`);
      units.push(judgeFacts(policy, f, [tool], plain));
    }
  }
  const ev = decide(policy, policy.rules, units);
  // (What was not read lowers nothing: a deny found beside it stands.)
  return notRead !== undefined && ev.decision === 'allow' ? unreadable(tool, notRead) : ev;
}

function resolveDir(cwd: string, dir: string): string {
  if (dir.startsWith('/')) return dir.replace(/\/+$/, '') || '/';
  const parts = cwd.split('/');
  for (const seg of dir.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return parts.join('/') || '/';
}

function patchUnits(policy: CompiledPolicy, tool: string, patch: unknown, ctx: Context): Judged[] | string | { unreadable: string } {
  const text = str(patch);
  if (!text) return 'no patch text';
  const paths = readPatch(text);
  if (!paths) return { unreadable: 'the patch names no file Rampart can read' };
  const f = newFacts(tool);
  f.writes.push(...paths.writes, ...paths.deletes);
  f.deletes.push(...paths.deletes);
  const units = [judgeFacts(policy, f, [tool], ctx)];
  // The lines a file gains, judged as text written there.
  for (const [p, lines] of paths.added) units.push(...writtenText(policy, p.startsWith('/') ? p : `${ctx.cwd}/${p}`, lines.join('\n'), ctx));
  return units;
}
