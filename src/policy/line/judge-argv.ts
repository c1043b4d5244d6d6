// One simple command's argv: unwrapping prefix commands and shells, the tool-specific escapes
// (awk system(), sed e, vim :!, bunx/dlx X, rampart itself), then the per-binary engine; records
// what the command's output carries for the checks that span commands.
import { stepFileWrite } from './ci-files.js';
import { fullLongOptions } from '../options.js';
import { FULL_LONG } from '../long-options.js';
import { tarOptionWords } from './tar-words.js';
import { isComputed, OUTPUT_DIR, resolvePath } from '../paths.js';
import { nameMatchesGlob } from '../glob.js';
import { isLocalEndpoint, isThisMachine } from '../hosts.js';
import { posix } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { analyzeArgv, decide, judgeFacts } from '../evaluate.js';
import { ANALYZERS, configOptionValue } from '../analyzers/index.js';
import { composeProject } from '../analyzers/docker.js';
import { elsewhere, elsewhereLines, hostResolver, stdinScript, unreadWritableMounts, type LineGiven } from './elsewhere.js';
import { askUnplacedDeletes, copiedIntoContainer, hostRootPath, hostRootWrites } from './container-deletes.js';
import { NET_CLIENTS } from '../analyzers/net-clients.js';
import { BACKUP_TOOLS } from '../analyzers/generic-net.js';
import { newFacts } from '../facts.js';
import { expansionsOf, type FlatCommand } from '../shell/index.js';
import type { Context } from '../types.js';
import { assignmentTags, CONFIG_VARS, isDefaultDir, programSetting, projectConfig, TOOL_CACHE_VARS } from './assignments.js';
import { foldLiterals, languageOf, stripStrings, writesFiles } from './interpreters.js';
import { remoteCopy } from './remote-copies.js';
import { inlineCodeOf, scriptOf } from './interpreter-code.js';
import { compiledRisk, judgeCodeIn, judgeInterpreter } from './judge-interpreter.js';
import { listFiles } from './list-files.js';
import { pathspecFile, wholeSpec } from '../analyzers/git-subcommands.js';
import { unreadSubstitution } from './substituted-scripts.js';
import { trustsOutside } from './trusted-dirs.js';
import { startsLater } from './settings-stores.js';
import { completionScript, CONFIGISH, otherCluster, credentialNameIn, credentialOf, DECODERS, madeBelow, DIGESTS, digestOnly, loopbackSocket, DNS_TOOLS, DOWNLOADERS, ENVIRON, looksUpNames, envCredentialOf, SERVICE_CLIS, SERVICE_UPLOAD_VERB, uploadsOperands, fileExists, FILTERS, firstSecret, IGNORE_FILE, isSecretPath, processSubText, rootIgnoreFile, STDIN_PATH, NETWORK_TOOLS, NO_CONTENT, RAMPART_VERBS, realOf, SECRET, SECRET_NAME, UNKNOWN_CWD, withAliases, type Info, type State } from './state.js';
import { addHost, addUrl, STDIN, wholeTree } from '../analyzers/common.js';
import { composerSettings } from '../analyzers/packages.js';
import { includedInCode, writesInCode } from '../analyzers/net-clients.js';
import { foreignAsSh, harmlessPowerShell, withoutCmdSwitches } from './foreign-shells.js';
import { patchAsShell, readPatch } from '../patch-text.js';
import { FOREIGN_SHELLS, isShell, PARALLEL_STDIN, quote, scriptOperand, shellCommandString, shellNoexec, unwrap, withPositionals, xargsSpelled } from './unwrap.js';
import { DATA_PROGRAMS, isCommandWord, operandCommands, TEXT_PROGRAMS } from './operand-commands.js';
import { COMPILED, COMPILED_REACHES, compiledInline, FOREIGN_PROCESS, foreignEvalCode, replVerb, unreadCode, unreadVerdict } from './unread-languages.js';
import { homeSpelled } from './home-spelled.js';
import { consoleCode } from './framework-consoles.js';
import { vmShellCommand } from './vm-shells.js';
import { phpServer } from './php-servers.js';
import { feedsStdin, outerPositionals, projectScript, substitutedFile, wholeComputed } from './computed-scripts.js';
import { FILE_READERS, foreignText, itemsChooseAction, itemsInCode, throughFilters } from './xargs-items.js';
import { CMAKE_READ_CALLS } from './cmake-text.js';
import { buildFilesRead, ownBuildPlace } from './build-runners.js';
import { commandsInText } from './text-commands.js';
import { DB_CLIENTS, destroys, dropsDatabase, remoteDb } from './destructive.js';
import { storedSecret, storedSecretFile } from '../analyzers/credentials.js';
import { credentialPrefix } from '../credential-text.js';
import { filterOutput, grepFiles, isDotenv, passLines, probesValue, readsNamesOnly, regexOf, showsNoValue, type Reshape } from './value-free.js';
import { judgeLine } from './judge-line.js';
import { commandOptions, embeddedRisk, vimLuaArgs, type EditorCodeOk } from './command-options.js';
import { exCommands, exGlobal, exUnmodelled, MODIFIERS, plainKeys, plainRange, vimArgs } from '../analyzers/vim-ex.js';
import { canonicalTool, launched, packageBin } from '../analyzers/identity.js';
import { configSetSettings, lifecycleScripts } from './package-settings.js';
import { runPlace } from './planted-programs.js';
import { editedConfig, filterProgram, implicitRuns, judgeLaterRuns, rememberWritten, replacedConfig, runsLater, sedText } from './written-files.js';
import { programsOf, sedWrites } from '../analyzers/files.js';
import { sedEffects, sedRuns } from '../analyzers/sed-script.js';
import { findRoots } from '../analyzers/find.js';
import { AGENT_TOOLS } from '../analyzers/agents.js';
import { configOptions, programOptions } from './program-options.js';
import { repositorySpec, runnerSpecs } from './package-runners.js';
import { withoutZshQualifiers } from './zsh-globs.js';
import { holdsToken, nodeOptionsLoads, settleTokenWrites, shownTokenWrites } from './token-config.js';
import { echoText, printfText, unescape } from './printf.js';
import { logsIn, publishes, tokenHandOver } from './publish.js';
import { printsHelp } from '../analyzers/help.js';
import { splitPieces } from './split-names.js';
import { archiveNames, remoteArchiveName } from '../analyzers/remote-archive.js';
import { CURRENT_BRANCH_ARGS } from '../analyzers/git-subcommands.js';

/** git's own subcommands, as the dashed programs in its exec path spell them (git-push). */
const GIT_DASHED = /^(add|am|apply|archive|bisect|branch|bundle|checkout|checkout-index|cherry-pick|clean|clone|commit|commit-tree|config|credential|credential-store|credential-cache|daemon|fetch|fetch-pack|filter-branch|gc|hash-object|http-push|http-fetch|imap-send|init|merge|mv|notes|pull|push|read-tree|rebase|receive-pack|remote|remote-[a-z0-9+.-]+|lfs|annex|replace|request-pull|reset|restore|revert|rm|send-email|send-pack|shell|stash|submodule|switch|symbolic-ref|tag|town|update-index|update-ref|upload-pack|worktree)$/;

const CURRENT_BRANCH_ONLY = new RegExp(`^(${CURRENT_BRANCH_ARGS})$`);
import { signalPick, substitutionPick } from './signals.js';
import { hostControl, stopsWatcher } from '../analyzers/host-control.js';

/** Programs that only show files (their operands are read, never written). */
const VIEWERS = new Set(['less', 'more', 'most', 'bat', 'batcat', 'diff', 'colordiff', 'cmp', 'view', 'nl', 'strings', 'hexdump', 'od', 'xxd-view', 'file', 'stat', 'wc', 'md5sum', 'sha256sum', 'shasum', 'ls', 'tree', 'exa', 'eza', 'dos2unix-check', 'shellcheck', 'bash-language-server']);

/** True for a path the policy protects from writes (not a credential: reading those is its own rule). */
function isProtectedPath(st: State, p: string, ctx: Context): boolean {
  const f = newFacts('<probe>');
  f.writes.push(p);
  return judgeFacts(st.policy, f, [], { ...ctx, stdin: undefined, stdout: undefined }).pathClasses.writes.has('protected');
}

/** Programs besides the filters that print what they are fed (numbered, wrapped, paged, recoded, decorated). */
const PRINTS_INPUT = new Set(['nl', 'fmt', 'pr', 'expand', 'unexpand', 'less', 'more', 'most', 'bat', 'batcat', 'strings', 'iconv', 'dos2unix', 'unix2dos', 'col', 'colrm', 'yq', 'basenc', 'uuencode', 'envsubst', 'ts', 'pv', 'cowsay', 'figlet', 'toilet', 'lolcat', 'boxes', 'ccze', 'look', 'numfmt', 'recode', 'unvis', 'vis']);

/** Compressors whose output replaces their input file. */
const IN_PLACE_COMPRESSORS = /^(lzop|lrzip|gzip|gunzip|bzip2|bunzip2|xz|unxz|lzma|unlzma|lzip|lunzip|pigz|unpigz|pbzip2|lbzip2|plzip|compress|uncompress|zstd|unzstd|lz4|unlz4|brotli)$/;

/** Judges one argv after unwrapping prefixes and shells; records facts for line-level checks. */
/** The long options of GNU tools the judge reads by name (getopt_long: any unambiguous prefix works). */
const GREP_LONG = ['after-context', 'basic-regexp', 'before-context', 'binary-files', 'byte-offset', 'binary', 'color', 'colour', 'context', 'count', 'devices', 'directories', 'exclude', 'exclude-from', 'exclude-dir', 'extended-regexp', 'file', 'files-with-matches', 'files-without-match', 'fixed-strings', 'help', 'include', 'ignore-case', 'no-ignore-case', 'initial-tab', 'label', 'line-buffered', 'line-number', 'line-regexp', 'max-count', 'no-filename', 'no-group-separator', 'group-separator', 'no-messages', 'null', 'null-data', 'only-matching', 'perl-regexp', 'quiet', 'recursive', 'dereference-recursive', 'regexp', 'invert-match', 'silent', 'text', 'version', 'with-filename', 'word-regexp'];
export const GNU_LONG: Readonly<Record<string, readonly string[]>> = {
  ...FULL_LONG,
  grep: GREP_LONG, egrep: GREP_LONG, fgrep: GREP_LONG, rgrep: GREP_LONG,
  sed: ['binary', 'debug', 'expression', 'file', 'follow-symlinks', 'help', 'in-place', 'line-length', 'null-data', 'zero-terminated', 'posix', 'quiet', 'silent', 'regexp-extended', 'sandbox', 'separate', 'unbuffered', 'version'],
  rm: ['force', 'interactive', 'one-file-system', 'no-preserve-root', 'preserve-root', 'recursive', 'dir', 'verbose', 'help', 'version'],
  cp: ['archive', 'attributes-only', 'backup', 'copy-contents', 'debug', 'dereference', 'force', 'interactive', 'link', 'no-clobber', 'no-dereference', 'preserve', 'no-preserve', 'parents', 'recursive', 'reflink', 'remove-destination', 'sparse', 'strip-trailing-slashes', 'symbolic-link', 'suffix', 'target-directory', 'no-target-directory', 'update', 'verbose', 'one-file-system', 'help', 'version'],
  mv: ['backup', 'debug', 'exchange', 'force', 'interactive', 'no-clobber', 'no-copy', 'strip-trailing-slashes', 'suffix', 'target-directory', 'no-target-directory', 'update', 'verbose', 'help', 'version'],
  xargs: ['null', 'arg-file', 'delimiter', 'eof', 'replace', 'max-lines', 'max-args', 'open-tty', 'interactive', 'no-run-if-empty', 'max-chars', 'show-limits', 'verbose', 'exit', 'max-procs', 'process-slot-var', 'help', 'version'],
};

/** A search term that names a secret's line: a credential's variable (OPENAI_API_KEY, AWS_SECRET_ACCESS_KEY, DB_PASSWORD,
 *  GITHUB_TOKEN), a secret's word alone (password, secret, token, api_key), a private key's armour. Code that only mentions
 *  one — parseToken, KeyError, primaryKey, author, API_URL — is not. */
const SECRET_TERM = /^(?:[A-Z0-9]+_)*(?:API_?KEY|ACCESS_?KEY(?:_ID)?|SECRET(?:_ACCESS)?(?:_?KEY)?|TOKEN|PASSWORD|PASSWD|PWD|PASS|CREDENTIALS?|PRIVATE_?KEY|DSN|DATABASE_URL|AUTH)(?:_[A-Z0-9]+)*$|^(?:password|passwd|secret|secrets|token|tokens|api[_-]?key|apikey|private[_ ]key|access[_-]?key|secret[_-]?key|credentials?)$|BEGIN [A-Z ]*PRIVATE KEY/;

/** File servers' options that take a value (the served directory is the operand that is none of them). */
const SERVER_VALUED: Readonly<Record<string, RegExp>> = {
  'http-server': /^(-p|--port|-a|-c|-e|--ext|-P|--proxy|--proxy-options|--username|--password|-C|--cert|-K|--key|--mimetypes|-o|--cors|-r|--robots|-t|--timeout)$/,
  serve: /^(-l|--listen|-p|--port|-c|--config|--ssl-cert|--ssl-key|--ssl-pass)$/,
  miniserve: /^(-i|--interfaces|-p|--port|-a|--auth|--auth-file|--route-prefix|-c|--color-scheme|-d|--color-scheme-dark|-t|--title|--header|--index|--spa-index|--pretty-urls|-u|--upload-files|--tls-cert|--tls-key|-v|--verbose)$/,
};

/** Ex command names as vim reads them: any abbreviation down to its shortest form (`:wr`, `:writ`, `:sa`) spelled in full, after its range. */
const VIM_NAMES: readonly [string, number][] = [['write', 1], ['read', 1], ['edit', 1], ['saveas', 3], ['update', 2], ['split', 2], ['vsplit', 2], ['tabedit', 4], ['xit', 1], ['wall', 2], ['wqall', 3], ['xall', 2], ['normal', 4], ['set', 2], ['echo', 2], ['echomsg', 5], ['execute', 3], ['file', 1], ['print', 1], ['redir', 4], ['terminal', 3], ['source', 2], ['call', 3], ['argadd', 4], ['next', 1], ['find', 3], ['sview', 2], ['view', 3], ['drop', 2], ['put', 2], ['global', 1], ['vglobal', 1], ['luafile', 4], ['pyfile', 3], ['py3file', 4], ['pyxfile', 4], ['rubyfile', 5], ['luado', 4], ['pydo', 3], ['py3do', 4], ['pyxdo', 4], ['perldo', 5], ['rubydo', 5], ['perl', 2]];
function vimFullName(c: string): string {
  const m = /^([%.$\d,'<>+\-;]*\s*)([a-zA-Z]+(?:3[a-zA-Z]*)?)(.*)$/s.exec(c);
  if (!m) return c;
  const full = VIM_NAMES.find(([n, min]) => m[2]!.length >= min && n.startsWith(m[2]!));
  return full && full[0] !== m[2] ? `${m[1]}${full[0]}${m[3]}` : c;
}

export function judgeArgv(st: State, argv0: string[], ctx: Context, writes: string[], stdinText: string | undefined, fc: FlatCommand, flat: FlatCommand[], info: Info[], rec: Info, substitutedSecret?: string): void {
  let argv = argv0;
  const redirectWrites = new Set(writes);
  // Files a wrapper-level reading found the program prints (vim -es … %p): read when it is judged.
  const shownFiles: string[] = [];
  let env = { ...ctx.env };
  // Names this command is given in its environment (NAME=v cmd, env NAME=v cmd), beside those the line exported.
  const envNames = new Set(fc.assignments.filter((a) => a.scope === 'prefix').map((a) => a.name));
  // What a child shell this command starts inherits: those names, where their value is a literal the line wrote.
  // (Unexported variables are not there: X=dist; bash -c 'rm -rf "/$X"' removes /.)
  // (…not a name the line's running variables may misstate — set in a branch or subshell, through a nameref, by eval or
  // source: a child shell's value of it is not known; nor one env -u or env -i takes away.)
  const dropped = new Set<string>();
  let cleared = false;
  const inherited = (): Record<string, string> => {
    const refs = new Set(st.namerefs.values());
    const sure = (k: string) => !cleared && st.exported.has(k) && !st.exportUnsure.has(k) && !st.exportUnsure.has('*') && !refs.has(k);
    return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string' && !dropped.has(e[0]) && (envNames.has(e[0]) || sure(e[0])) && !/[$`]/.test(e[1])));
  };
  const tag = (t: string, note?: string) => {
    st.lineTags.tags.add(t);
    if (note) st.lineTags.notes.push(note);
  };
  const abs0 = (w: string) => resolvePath(w, ctx);
  // Of the items a command is run with one by one (xargs -I, parallel), the one judged: `..` before
  // `.`, a home or absolute path, a computed one, a secret or dot-file, then the rest.
  const risk = (w: string) => (/(^|\/)\.\.(\/|$)/.test(w) ? 4 : /^(\.|~.*|\/.*)$|[$`]/.test(w) ? 3 : isSecretPath(st, abs0(w), ctx) || w.startsWith('.') ? 2 : 1);
  // (The records of what feeds a command's input, and a listing file's record when its maker is not in the line.)
  const fedInfos = (fed: readonly number[], listing?: { namesOut?: string; listsUnder?: string }): Info[] => [...fed.map((up) => info[up]).filter((i): i is Info => i !== undefined),
    ...(listing ? [{ name: 'cat', argv: ['cat'], interpreterReadsStdin: false, isInterpreter: false, writesFiles: [], ...listing }] : [])];
  // Editor code may load a module or read a file of the project's only where nothing else in the line writes files (Lua's require
  // searches ./?.lua: the line could have put anything there) and the editor has not changed directory; never a secret.
  // (Only what runs before it, or beside it in a pipeline, can change what the editor loads.)
  // (A shell variable given a literal — a loop's round, spec=tests/a_spec.lua — changes nothing the editor loads.)
  const linePlain = flat.every((c) => c === fc || (c.index > fc.index && c.pipeline.id !== fc.pipeline.id) || (c.argv.length === 0 && c.redirects.length === 0 && c.assignments.every((a) => a.value.static && /^[a-z_][a-z0-9_]*$/.test(a.name))) || (c.argv[0] !== undefined && ((c.argv[0].value === 'git' && /^(ls-files|status|diff|log|show|rev-parse|grep|describe)$/.test(c.argv[1]?.value ?? '')) || /^(cd|pushd|popd|echo|printf|true|false|:|test|\[|ls|pwd|cat|head|tail|grep|rg|wc|which|type|sleep|date|exit|set|stylua|luacheck|selene|shellcheck)$/.test(posix.basename(c.argv[0].value)))
    && c.redirects.every((r) => !/>/.test(r.op) || /^(\/dev\/null|&?\d)$/.test(r.target.value))));
  const editorOk: EditorCodeOk = (what, p) => linePlain && !argv0.some((a) => /^\s*:*\s*(?:cd|chd(?:ir)?|lcd?|lch(?:dir)?|tcd?|tch(?:dir)?)!?\s/.test(a))
    && (what === 'module' || (/^[\w./-]+$/.test(p) && !p.includes('..') && resolvePath(p, ctx).startsWith(`${ctx.projectRoot}/`) && !isSecretPath(st, resolvePath(p, ctx), ctx)));
  // A command line nested in this command — sh -c TEXT, a git `!` alias, find -exec, npx -c, submodule foreach — prints
  // to this command's output: a secret it shows is what this command's output carries (sh -c 'cat .env' | curl -d @- …,
  // git -c alias.x='!cat' x ~/.ssh/id_rsa | curl …), as cat's would.
  const subPrinting = (text: string, cwd: string, e: Context['env'], vars?: Record<string, string>): void => {
    const before = st.out.length;
    st.sub(text, cwd, e, vars);
    const shown = rec.secretOut === undefined ? st.out.slice(before).find((j) => SECRET(j, 'reads')) : undefined;
    if (shown) rec.secretOut = firstSecret(st, shown.facts.reads, { ...ctx, cwd }) ?? rec.secretOut;
  };
  const riskiest = (ws: readonly string[]) => ws.reduce<string | undefined>((b, w) => (b === undefined || risk(w) > risk(b) ? w : b), undefined);
  // A file of the project's, as it was before the line ran: not a secret, not one the line wrote with text nobody read,
  // nor a copy or link of a file from elsewhere the line made (cp /tmp/evil.sh run.sh && bash <(cat run.sh)): computed-scripts.ts.
  const ownScriptFile = (p: string): boolean => projectScript(st, p, ctx.cwd);
  // Code (a shell's -c string, an interpreter's inline code, eval's text) into which this shell pastes a variable `read` filled
  // with text others wrote (git log --format=%s | while read s; do sh -c "echo $s"; done): that text is code too.
  const pastedForeign = (code: string | undefined): void => {
    const v = code === undefined ? undefined : fc.argv.filter((w) => w.value === code).flatMap((w) => w.variables).find((x) => st.foreignVars.has(x));
    if (v !== undefined) tag('dynamic-command', `${argv0[0]} runs code with $${v} pasted in, ${st.foreignVars.get(v)}, which Rampart has not read`);
  };
  // What a process substitution given to a shell or source prints that nobody has read (undefined: known, or the project's).
  // (A tool's own setup counts only where the line runs in the project and names no file the line wrote: cd /tmp && source
  // <(shuf init) prints a file from elsewhere.)
  // (A descriptor an earlier exec opened on a process substitution, not reopened here, is that substitution's output, which
  // this command cannot see: exec 3< <(base64 -d p); source /dev/fd/3.)
  const execFd = (script: string | undefined): string | undefined => {
    const fd = script === undefined ? undefined : /^\/(?:dev|proc\/self)\/fd\/(\d+)$/.exec(script)?.[1];
    return fd !== undefined && !fc.redirects.some((r) => (r.fd ?? 0) === Number(fd)) && st.substitutedFds.has(`/dev/fd/${fd}`) ? 'a process substitution an earlier exec opened' : undefined;
  };
  const unreadSub = (script: string | undefined): string | undefined => execFd(script) ?? unreadSubstitution(fc, flat, info, script, ownScriptFile, {
    inProject: ctx.cwd === ctx.projectRoot || ctx.cwd.startsWith(`${ctx.projectRoot}/`),
    wrote: (p) => st.written.has(resolvePath(p, ctx)) || st.opaqueWritten.has(resolvePath(p, ctx)),
  });
  // Text known for a script operand: a file this line wrote, or a process substitution's output.
  const scriptText = (word: string): string | undefined => {
    if (/^<\(/.test(word)) {
      return processSubText(fc, flat, info, (raw) => raw === word);
    }
    return st.scripts.get(abs0(word));
  };
  // A script operand whose text the line does not know: the file a lone `cat FILE` prints runs like FILE
  // itself; a name computed at run time is code chosen only when the line runs.
  const computedScript = (name: string, word: string): void => {
    // (Output nobody has read was asked for by unreadSubstitution, which both callers try first.)
    if (/^<\(/.test(word)) {
      const file = substitutedFile(fc, flat, word);
      if (file !== undefined) st.sub(`${name} ${quote(file)}`, ctx.cwd, env);
    } else if (wholeComputed(fc, word)) tag('dynamic-command', `${name} runs the script ${word}, named only when the line runs`);
  };
  // (Each program this line put on PATH is followed once: a link there to the system's curl names
  // `curl`, which must then be the real one, not the link again.)
  const followed = new Set<string>();
  for (let hops = 0; hops < 12 && argv.length > 0; hops++) {
    // zsh expands a word `=NAME` to NAME's path on PATH (the EQUALS option, on by default): `=rm -rf ~` runs rm.
    if (/^=[\w.+-]+$/.test(argv[0]!)) argv = [argv[0]!.slice(1), ...argv.slice(1)];
    // A program name only the running shell knows, handed to a wrapper (sudo $c, nohup $(echo curl)).
    if (/[$`]/.test(argv[0]!)) {
      tag('dynamic-command', `the command ${argv[0]} run by ${argv0[0]} is only known when the line runs`);
      return;
    }
    // A script this line wrote, run by its path (./x.sh after chmod +x): its text runs.
    if (argv[0]!.includes('/') && st.scripts.has(abs0(argv[0]!))) {
      const text = st.scripts.get(abs0(argv[0]!))!;
      // Its #! line says what reads it: an interpreter's code is judged as that language.
      const bang = /^#!\s*(?:\S*\/env\s+(?:-\S+\s+)*)?(\S+)/.exec(text);
      const lang = bang ? languageOf(posix.basename(bang[1]!)) : undefined;
      if (lang) judgeCodeIn(st, text.slice(text.indexOf('\n') + 1), lang, ctx, env, true);
      else st.sub(scriptRun(text, argv[0]!, argv.slice(1)), ctx.cwd, env);
    }
    // (An env loader started by a package runner — npx dotenv -- CMD, bunx env-cmd CMD — is that loader.)
    const loaderAt = /^(npx|bunx|pnpx)$/.test(posix.basename(argv[0]!)) ? argv.findIndex((a, k) => k > 0 && !a.startsWith('-')) : -1;
    if (loaderAt > 0 && /^(dotenv|dotenvx|dotenv-cli|env-cmd|@dotenvx\/dotenvx)(@[\w.^~-]+)?$/.test(argv[loaderAt]!)) argv = [argv[loaderAt]!.replace(/(.)@.*$/, '$1').replace(/^@dotenvx\//, ''), ...argv.slice(loaderAt + 1)];
    // An env file loaded into what runs (--env-file .env, dotenv -f .env, env-cmd -f .env): its
    // credentials are in that command's environment, as after `. ./.env`.
    // (A loader's own options come before `--` or the command it runs.)
    const loader = /^(dotenv|dotenvx|dotenv-cli|env-cmd)$/.test(posix.basename(argv[0]!));
    const ownEnd = loader ? argv.findIndex((a, k) => k > 0 && (a === '--' || (!a.startsWith('-') && !/^(-f|-e|--file|--env-file|-p|--path|-r|--rc-file)$/.test(argv[k - 1] ?? '') && a !== 'run'))) : -1;
    for (let k = 1; k < argv.length; k++) {
      const a = argv[k]!;
      // (dotenv run / dotenvx run / env-cmd without a file load ./.env.)
      const defaulted = k === 1 && loader && !argv.slice(1, ownEnd < 0 ? undefined : ownEnd).some((x) => /^(-f|-e|--file|--env-file|-p|--path)(=|$)/.test(x)) ? '.env' : undefined;
      const given = defaulted ?? (a === '--env-file' || (/^(dotenv|dotenvx|dotenv-cli|env-cmd)$/.test(posix.basename(argv[0]!)) && /^(-f|-e|--file|--env-file|-p|--path)$/.test(a)) ? argv[k + 1] : /^--env-file=/.test(a) ? a.slice(11) : undefined);
      // A dotenv preload (node -r dotenv/config, --import dotenv/config, ruby -rdotenv/load) loads
      // ./.env, or the file dotenv_config_path= / DOTENV_CONFIG_PATH names, before the code runs.
      // (By package name or by path: ./node_modules/dotenv/config.js.)
      const preload = /^(-r|--require|--import|--preload)$/.test(a) ? argv[k + 1] : /^(--require=|--import=|--preload=|-r)(.+)$/.exec(a)?.[2];
      const dotenv = preload !== undefined && /(^|\/)(dotenv|dotenv-expand|dotenv-flow|@dotenvx\/dotenvx)\/(config|load)(\.[cm]?js)?$/.test(preload)
        ? argv.find((x) => x.startsWith('dotenv_config_path='))?.slice(19) ?? env.DOTENV_CONFIG_PATH ?? '.env' : undefined;
      const file = dotenv ?? given;
      if (file === undefined) continue;
      const real = realOf(st, abs0(file)) ?? abs0(file);
      if (isSecretPath(st, real, ctx)) {
        st.sourcedSecret ??= real;
        st.readsSecret = true;
      }
    }
    // A bind mount (bindfs SRC DST, mount --bind SRC DST) makes DST another name for SRC, as a symbolic link does;
    // sshfs HOST:PATH DIR makes DIR that host's: judged as the ssh connection it is.
    {
      const base = posix.basename(argv[0]!);
      const ops = argv.slice(1).filter((a, k, all) => !a.startsWith('-') && !/^(-o|-p|-F|--options|-t|--types)$/.test(all[k - 1] ?? ''));
      if ((base === 'mount' && argv.some((a, k) => a === '--bind' || a === '--rbind' || (/^(-o|--options)$/.test(argv[k - 1] ?? '') && /(^|,)r?bind(,|$)/.test(a)))) && ops.length >= 2) {
        // (Recorded as the link it amounts to: later writes through DST are judged at SRC; the mount itself is judged below.)
        st.links.set(resolvePath(ops[1]!, ctx), resolvePath(ops[0]!, ctx));
      }
      // (FUSE binds and unions — bindfs -u U SRC DST, mergerfs A:B DST, unionfs-fuse — end with SRC and DST, whatever options
      // with values come first; a union is each of its branches.)
      if (/^(bindfs|mergerfs|unionfs|unionfs-fuse|fuse-overlayfs|mhddfs)$/.test(base) && ops.length >= 2) {
        const [src, dst] = [ops.at(-2)!, ops.at(-1)!];
        st.links.set(resolvePath(dst, ctx), resolvePath(src.split(/[:=]/).find((b) => b !== '' && !/^(RW|RO|NC)$/i.test(b)) ?? src, ctx));
      }
      if (base === 'sshfs' && ops[0]?.includes(':')) {
        argv = ['ssh', ops[0].slice(0, ops[0].indexOf(':')), 'true'];
        continue;
      }
    }
    // dotenv run -- CMD, dotenvx run -- CMD, env-cmd [-f F] CMD: CMD runs with the file loaded.
    if (/^(dotenv|dotenvx|dotenv-cli|env-cmd)$/.test(posix.basename(argv[0]!))) {
      const dd = argv.indexOf('--');
      const rest = dd >= 0 ? argv.slice(dd + 1) : argv.slice(1).filter((a, k, all) => !a.startsWith('-') && !/^(-f|-e|--file|--env-file|-p|--path|-r|--rc-file)$/.test(all[k - 1] ?? '')).filter((a, k) => !(k === 0 && a === 'run'));
      // (dotenv's own verbs print what the file holds — dotenv -f .env get KEY, dotenv list, dotenvx get: read as `cat FILE`.)
      // (…and dotenv-cli's -p KEY prints a value; dotenvx decrypt --stdout prints the file decrypted.)
      if (/^(dotenv|dotenvx|dotenv-cli)$/.test(posix.basename(argv[0]!)) && (argv.slice(1, dd < 0 ? undefined : dd).some((a) => a === '-p' || a === '--print') || (rest[0] === 'decrypt' && argv.includes('--stdout')))) {
        const k = argv.findIndex((a) => /^(-f|-e|--file|--env-file)$/.test(a));
        argv = ['cat', (k > 0 ? argv[k + 1] : undefined) ?? '.env'];
        continue;
      }
      if (dd < 0 && /^(dotenv|dotenvx)$/.test(posix.basename(argv[0]!)) && /^(get|list|keys)$/.test(rest[0] ?? '')) {
        const k = argv.findIndex((a) => /^(-f|-e|--file|--env-file|-p|--path)$/.test(a));
        argv = ['cat', (k > 0 ? argv[k + 1] : argv.find((a) => /^--(file|env-file|path)=/.test(a))?.replace(/^[^=]*=/, '')) ?? '.env'];
        continue;
      }
      if (rest.length) {
        argv = rest;
        continue;
      }
    }
    // A copy or link of a guarded program made earlier in the line is that program.
    const copied = argv[0]!.includes('/') ? st.binaries.get(posix.resolve(ctx.cwd, argv[0]!.replace(/^~(?=\/|$)/, ctx.home))) : undefined;
    if (copied) {
      argv = [copied, ...argv.slice(1)];
      continue;
    }
    // A bare name found first in a directory the line put on PATH (PATH=/tmp/b:$PATH git …), where
    // the line copied a guarded program or wrote a script under that name, is that program or script.
    if (!argv[0]!.includes('/') && env.PATH) {
      for (const dir0 of env.PATH.split(':')) {
        const dir = dir0.replace(/^\$\{?PWD\}?(?=\/|$)/, ctx.cwd);
        if (/^\$|^\/(usr\/)?(local\/)?s?bin$/.test(dir) || dir === ctx.shimsDir) break;
        // Any program this line put in that directory is found before the real one by whatever
        // runs next (npm test finds node there, make finds cc).
        // A script whose text the line shows is judged as if it ran; a link to a system program is
        // that program; the project's own programs (bin/dev from scripts/dev.sh) are the project's;
        // anything else put there (a download into /tmp/b, a copy from elsewhere) is a program nobody has read.
        const here = [...new Set([...st.written, ...st.scripts.keys(), ...st.binaries.keys()])].filter((p) => posix.dirname(p) === posix.resolve(ctx.cwd, dir || '.'));
        for (const p of here) {
          const text = st.scripts.get(p);
          const link = st.links.get(p);
          if (text !== undefined) {
            if (!st.codeJudged.has(p)) {
              st.codeJudged.add(p);
              st.sub(text, ctx.cwd, env);
            }
          } else if (!p.startsWith(`${ctx.projectRoot}/`) && !(link && (/^\/(usr\/)?(local\/)?s?bin\//.test(link) || /\$\(\s*(command\s+-v|which)\s|`\s*(command\s+-v|which)\s/.test(link)))) tag('config-planted', `PATH puts ${dir} first, where this line put ${p}, a program Rampart has not read`);
        }
        const at = posix.resolve(ctx.cwd, dir || '.', argv[0]!);
        if ((st.binaries.has(at) || st.scripts.has(at)) && !followed.has(at)) {
          followed.add(at);
          argv = [at, ...argv.slice(1)];
          break;
        }
      }
      if (argv[0]!.includes('/')) continue;
    }
    // A glob as the program name (/usr/bin/cur?, /bin/r[m]) runs whatever it matches.
    const globbed = globbedTools(argv[0]!);
    if (globbed) {
      // (A pattern of the project's own files that names no known program — build/*_test — runs one of them, as
      // ./build/x_test does, unless this line wrote, downloaded or unpacked something there.)
      const dir = argv[0]!.includes('/') ? posix.resolve(ctx.cwd, posix.dirname(argv[0]!)) : undefined;
      const made = dir !== undefined && madeBelow(st, info, dir);
      if (globbed.length === 0 && dir !== undefined && !made && !/[*?[]/.test(dir) && dir.startsWith(`${ctx.projectRoot}/`) && !dir.startsWith(`${ctx.projectRoot}/.`)) {
        argv = [`${dir}/__listed__`, ...argv.slice(1)];
        continue;
      }
      if (globbed.length === 0) tag('dynamic-command', `the command name ${argv[0]} is a pattern matched when the line runs`);
      for (const tool of globbed) judgeArgv(st, [tool, ...argv.slice(1)], ctx, writes, stdinText, fc, flat, info, rec, substitutedSecret);
      return;
    }
    // A name in other case (RM, Curl, SuDo): macOS's file system finds /bin/rm for it. Judged as
    // that program too (Linux runs only a program by the exact name, judged as written).
    const lower = posix.basename(argv[0]!).toLowerCase();
    if (lower !== posix.basename(argv[0]!) && (isCommandWord(lower) || ANALYZERS[canonicalTool(lower)] !== undefined)) {
      judgeArgv(st, [`${argv[0]!.slice(0, argv[0]!.length - lower.length)}${lower}`, ...argv.slice(1)], ctx, writes, stdinText, fc, flat, info, rec, substitutedSecret);
    }
    // go env -w K=V sets K for every later go command: judged as that setting and as a go build under it.
    if (posix.basename(argv[0]!) === 'go' && argv[1] === 'env' && argv.includes('-w')) {
      for (const kv of argv.slice(2).filter((a) => /^[A-Z_][A-Z0-9_]*=/.test(a))) {
        const eq = kv.indexOf('=');
        const setting = `${kv.slice(0, eq)}=${quote(kv.slice(eq + 1))}`;
        st.sub(`export ${setting}`, ctx.cwd, env);
        st.sub(`${setting} go build ./...`, ctx.cwd, env);
      }
    }
    // zsh's TCP modules (zmodload zsh/net/tcp; ztcp HOST PORT; tcp_open HOST PORT) connect as nc does.
    if (/^(ztcp|tcp_open)$/.test(posix.basename(argv[0]!))) {
      const ops = argv.slice(1).filter((a) => !a.startsWith('-'));
      argv = argv.slice(1).some((a) => /^-[a-z]*l/.test(a)) ? ['nc', '-l', ...ops] : ['nc', ...ops.slice(0, 2)];
      continue;
    }
    // Deleters by another name are rm -rf (rimraf, del-cli, trash); coreutils' multicall names its program.
    const b0 = posix.basename(argv[0]!);
    if (/^(rimraf|del|del-cli|trash|trash-put|trash-cli|gtrash|rmtrash|gvfs-trash|gvfs-rm|wipe|srm|shred-dir)$/.test(b0) || (b0 === 'gio' && /^(trash|remove)$/.test(argv[1] ?? '')) || (b0 === 'cmake' && argv[1] === '-E' && /^(remove_directory|remove|rm)$/.test(argv[2] ?? ''))) {
      const skip = b0 === 'gio' ? 2 : b0 === 'cmake' ? 3 : 1;
      argv = ['rm', '-rf', ...argv.slice(skip).filter((a) => !a.startsWith('-'))];
      continue;
    }
    // Cleaners pointed at a directory of the caller's choosing delete that directory.
    // (`TOOL cache clean|purge|prune…` empties the cache its option or its own variable names: uv, pip, npm, yarn, poetry, pnpm.)
    const cacheOpt = (): string | undefined => argv.find((a, k) => /^--(cache|cache-dir|cache-folder|cache-path)$/.test(argv[k - 1] ?? '')) ?? argv.find((a) => /^--(cache|cache-dir|cache-folder|cache-path)=/.test(a))?.replace(/^[^=]*=/, '');
    const cacheVar = (): string | undefined => Object.entries(env).find(([k, v]) => v && /CACHE/i.test(k) && (k.toUpperCase().startsWith(`${b0.replace(/[\d.]+$/, '').toUpperCase()}_`) || /^npm_config_cache$/i.test(k)))?.[1];
    const cleanDir = b0 === 'cargo' && argv[1] === 'clean' ? argv.find((a, k) => argv[k - 1] === '--target-dir') ?? argv.find((a) => a.startsWith('--target-dir='))?.slice(13)
      : b0 === 'go' && argv[1] === 'clean' && argv.some((a) => /^-(cache|modcache|testcache|fuzzcache)$/.test(a)) ? [argv.includes('-modcache') ? ['GOMODCACHE', env.GOMODCACHE] : ['GOCACHE', env.GOCACHE]].map(([k, v]) => (v !== undefined && !isDefaultDir(k!, v, ctx.home) ? v : undefined))[0]
      : argv[1] === 'cache' && /^(clean|clear|purge|prune|rm|remove)$/.test(argv[2] ?? '') ? cacheOpt() ?? cacheVar() : undefined;
    // (…unless it names the cache the tool uses anyway: npm cache clean --cache ~/.npm, PIP_CACHE_DIR=~/.cache/pip.)
    const ownCache = cleanDir !== undefined && isDefaultDir(TOOL_CACHE_VARS[b0.replace(/[\d.]+$/, '')] ?? '', cleanDir, ctx.home);
    if (cleanDir && !ownCache) judgeArgv(st, ['rm', '-rf', cleanDir], ctx, [], undefined, fc, flat, info, { ...rec, writesFiles: [] });
    if (posix.basename(argv[0]!) === 'coreutils') {
      const prog = argv.slice(1).find((a) => a.startsWith('--coreutils-prog='))?.slice(17);
      if (prog) {
        argv = [prog, ...argv.slice(1).filter((a) => !a.startsWith('--coreutils-prog'))];
        continue;
      }
    }
    // The tool by the name rules use (pip3.12 → pip, yarnpkg → yarn); launchers hand over.
    const name = canonicalTool(argv[0]!);
    // (GNU tools' long options by any unambiguous prefix — grep --inv, rm --recur, sed --in-pl — in full.)
    if (GNU_LONG[name] && argv.some((a) => a.startsWith('--'))) argv = [argv[0]!, ...fullLongOptions(argv.slice(1), GNU_LONG[name]!)];
    // (tar's value options hidden in a cluster — -xC/home/user, -xzvC DIR, old-style xC DIR — one a word: -C DIR.)
    if (name === 'tar' || name === 'gtar') argv = [argv[0]!, ...tarOptionWords(argv.slice(1))];
    // (Neovim Lua that runs literal Ex commands or sets options is read as those commands: vim.cmd("e F"), vim.o.shell = "…".)
    if (/^(vim?|nvim|ex|view|vimdiff|rvim|gvim)$/.test(name)) argv = [argv[0]!, ...vimLuaArgs(argv.slice(1))];
    const handed = launched(argv);
    // (Modules that run code they are given — timeit, cProfile, pdb …, the code console on its stdin — are the interpreter's: its
    // code is read. `python3 -m code` is no VS Code.)
    if (handed && !/^(http\.server|SimpleHTTPServer|uploadserver|RangeHTTPServer|pyftpdlib|updog|timeit|cProfile|profile|trace|pdb|runpy|code)$/.test(handed[0]!)) {
      argv = handed;
      continue;
    }
    // Rampart's own CLI run by a JavaScript runtime (node ~/.rampart/lib/cli.js approve 3,
    // node node_modules/rampart/bin/rampart.js trust): the `rampart` command by another name.
    if (/^(node|nodejs|bun|deno|tsx|ts-node)$/.test(name)) {
      // (The script is found with the runtime's option grammar: `node -r x --require y SCRIPT`.)
      const opts = argv.slice(1);
      const from = /^(bun|deno)$/.test(name) && opts[0] === 'run' ? 1 : 0;
      const script = languageOf(name) ? scriptOf(languageOf(name)!, opts.slice(from)) : opts.find((a) => !a.startsWith('-'));
      const at = script === undefined ? -1 : opts.indexOf(script, from);
      if (at >= 0 && /rampart/i.test(script!) && /\.[cm]?[jt]s$|\/rampart$/.test(script!)) {
        argv = ['rampart', ...opts.slice(at + 1)];
        continue;
      }
    }
    // git's dashed programs (/usr/lib/git-core/git-push, git-http-push): `git SUB` by another name.
    const dashed = /^git-([a-z][a-z-]*)$/.exec(name);
    if (dashed && (GIT_DASHED.test(dashed[1]!) || argv[0]!.includes('/git-core/'))) {
      argv = ['git', dashed[1]!, ...argv.slice(1)];
      continue;
    }
    // The dynamic loader runs its first operand: /lib64/ld-linux-x86-64.so.2 /usr/bin/curl …
    if (/^ld(-linux[\w.-]*)?\.so(\.\d+)?$|^ld-musl/.test(name)) {
      let k = 1;
      while (k < argv.length && argv[k]!.startsWith('--')) k += argv[k] === '--library-path' || argv[k] === '--preload' || argv[k] === '--argv0' ? 2 : 1;
      argv = argv.slice(k);
      continue;
    }
    const sockets = name === 'echo' || name === 'printf' || name === 'grep' || name === 'rg' ? [] : argv.flatMap((a) => /(?:^|=)(\/dev\/(?:tcp|udp)\/.*)$/.exec(a)?.[1] ?? []);
    if (sockets.some((p) => !loopbackSocket(p))) tag('dev-tcp', `${name} opens a /dev/tcp or /dev/udp connection`);
    else st.localSockets.push(...sockets);
    // A wrapper's own options may run shell text too (strace -o '|…').
    if (hops === 0 || unwrap(name, argv.slice(1))) for (const l of commandOptions(name, argv.slice(1), env, stdinText, scriptText, editorOk).lines) if (unwrap(name, argv.slice(1))) st.sub(l, ctx.cwd, env);
    const u = unwrap(name, argv.slice(1));
    // A wrapper's own output or log file (strace -o F, time -o F, valgrind --log-file=F, perf record -o F, ltrace -o F)
    // is written before its command runs: judged as `>> F`.
    for (const w of u?.writes ?? []) if (!/^[|!]/.test(w)) st.sub(`: >> ${quote(w)}`, ctx.cwd, env);
    if (u?.argv && u.argv.length < argv.length - 1 && u.writes === undefined) {
      const own = argv.slice(1, argv.length - u.argv.length);
      for (const [k, a] of own.entries()) {
        const v = /^(-o|--output|-e|--log-file|--xml-file|--log-socket|--trace-file)$/.test(own[k - 1] ?? '') && !(own[k - 1] === '-e' && name !== 'perf') ? a : /^--(output|log-file|xml-file|trace-file)=/.test(a) ? a.slice(a.indexOf('=') + 1) : /^-o./.test(a) && /^(strace|ltrace|time|perf)$/.test(name) ? a.slice(2) : undefined;
        if (v !== undefined && own[k - 1] !== '-e' && !/^[|!]/.test(v)) st.sub(`: >> ${quote(v)}`, ctx.cwd, env);
      }
    }
    // (strace/ltrace -p PID attach rather than run a command.)
    if (/^(strace|ltrace)$/.test(name) && attachesToRampart(name, fc, flat, info, ctx)) tag('rampart-tamper', `${name} attaches to a process that may be the Rampart server`);
    // A wrapper that takes the machine itself (nsenter, unshare, chroot, strace -p): judged before its command.
    const control = u ? hostControl(name, argv.slice(1)) : undefined;
    if (control) tag('host-control', control);
    // A coding agent run as another user (sudo -H claude, su root -c 'claude …') reads that user's
    // configuration: no Rampart hook there.
    if (u && /^(sudo|doas|su|runuser|pkexec|machinectl)$/.test(name)) {
      const inner = posix.basename(u.argv?.[0] ?? u.shell?.trim().split(/\s+/)[0] ?? '');
      if (AGENT_TOOLS.includes(inner)) {
        const af = newFacts(inner);
        af.tags.add('agent-unguarded');
        af.notes.push(`${name} runs ${inner} as another user, with that user's configuration and no Rampart hook`);
        st.out.push(judgeFacts(st.policy, af, argv, { ...ctx, env }));
      }
    }
    if (u && (name === 'xargs' || name === 'parallel') && u.argv) {
      // (xargs's own options end where its command starts: `xargs -r protoc -I proto` has no -I of its own.)
      const ownEnd = name === 'xargs' && u.argv.length < argv.length && argv.slice(argv.length - u.argv.length).join('\0') === u.argv.join('\0') ? argv.length - u.argv.length : argv.length;
      const xOwn = argv.slice(1, ownEnd);
      // xargs -a FILE / parallel -a FILE: the arguments are FILE's content; a secret there is in what runs, and in its output.
      const xf = xOwn.map((a, k, all) => (/^(-a|--arg-file)$/.test(all[k - 1] ?? '') ? a : a.startsWith('--arg-file=') ? a.slice(11) : /^-a./.test(a) ? a.slice(2) : undefined)).find((x) => x !== undefined);
      if (xf !== undefined && isSecretPath(st, abs0(xf), ctx)) {
        substitutedSecret = abs0(xf);
        rec.secretOut = substitutedSecret;
        st.readsSecret = true;
      }
      // xargs appends what it reads: when that is echo/printf text in the same line, it is known.
      // (printf FORMAT ARGS: what comes out is the arguments, not the format.)
      // (With -a FILE the input is FILE's, not the pipe's.)
      // (A list file this line wrote — ls -A > /tmp/l; xargs -a /tmp/l cat, or xargs cat < /tmp/l — or a process
      // substitution's list — xargs -a <(ls -A) cat — is fed by the commands that made it.)
      const listFile = xf ?? (fc.stdinFrom.length === 0 ? ctx.stdin : undefined);
      const listMakers = listFile === undefined ? [] : /^<\(/.test(listFile) ? flat.filter((c) => c.origin?.parent === fc.index && c.origin.location !== 'assignment').map((c) => c.index)
        : flat.filter((c) => c.index < fc.index && info[c.index]?.writesFiles.includes(abs0(listFile))).map((c) => c.index);
      // (A listing file from a copy, or one find -fprint wrote, names what its lister's record says: see st.listings.)
      const listing = listFile !== undefined && !/^<\(/.test(listFile) ? st.listings.get(abs0(listFile)) : undefined;
      const hereSubs = flat.filter((c) => c.origin?.parent === fc.index && c.origin.location === 'redirect' && c.stdoutTo.length === 0).map((c) => c.index);
      const fed = [...(xf === undefined ? [...fc.stdinFrom, ...listMakers] : listMakers), ...(fc.stdinFrom.length === 0 && xf === undefined ? hereSubs : [])];
      // xargs -I% CMD … % puts each input line in place of %, and appends nothing.
      // (…with each option also in one spelling, so a cluster — xargs -0r, -rd '\n' — is read as its parts.)
      const xa = [...xOwn, ...xargsSpelled(xOwn)];
      const repl = xa.find((a, k) => /^-I$/.test(xa[k - 1] ?? '')) ?? xa.find((a) => /^-I./.test(a))?.slice(2) ?? xa.find((a) => /^(--replace|-i)./.test(a))?.replace(/^(--replace=|-i)/, '').replace(/^$/, '{}') ?? (xa.some((a) => a === '-i' || a === '--replace') ? '{}' : undefined);
      // Its items: split at NULs (-0), at the -d delimiter, else at lines (-I) or blanks.
      const delimArg = xa.find((a, k) => /^(-d|--delimiter)$/.test(xa[k - 1] ?? '')) ?? xa.find((a) => /^-d./.test(a))?.slice(2) ?? xa.find((a) => a.startsWith('--delimiter='))?.slice(12);
      const delim = xa.some((a) => a === '-0' || a === '--null') ? '\0' : delimArg !== undefined ? unescape(delimArg) : undefined;
      // (Or its own heredoc or here-string, when it is literal text: xargs rm -rf <<'EOF' … EOF.)
      // (xargs itself strips quotes and backslashes: text holding them is not read here.)
      const own = fc.stdinFrom.length === 0 && stdinText !== undefined && !/[$`\\'"]/.test(stdinText) ? stdinText : undefined;
      const text = own ?? pipedTexts(fed, info).join('\n');
      const items = (delim !== undefined ? text.split(delim) : repl ? text.split('\n') : text.split(/\s+/)).map((l) => (repl ? l.trim() : l)).filter(Boolean);
      const piped = repl ? [] : items;
      // Items of input the line does not show, standing where the command takes its name, an option, its code or
      // script, or what a work-discarding git verb acts on (xargs sh, xargs -I{} python3 -c {}, xargs -I{} rm -{} dist).
      if (items.length === 0 && xargsInput(fedInfos(fed, listing)).includes('$XARGS_INPUT')) {
        const chosen = itemsChooseAction(u.argv, repl);
        if (chosen !== undefined) tag('dynamic-command', `${name} puts input the line does not show ${chosen}`);
      }
      // Items read from a file outside the project (xargs -a /tmp/f, < /tmp/f, cat /tmp/f |) pasted into code: that file's
      // text is code nobody read. (A list of the project's own is the project's, as its scripts are.)
      if (items.length === 0 && repl !== undefined && xargsInput(fedInfos(fed, listing)).includes('$XARGS_INPUT')) {
        // (…a reader's file — jq -r '.x[]' /tmp/dl.json, head ~/Downloads/list — as cat's.)
        // (…through filters too: git log --format=%s | head -1 | xargs -I{} sh -c 'echo "{}"'.)
        const feeders = throughFilters(fed, info, (k) => flat[k]?.stdinFrom ?? []);
        const lists = [listFile, ...feeders.flatMap((k) => (FILE_READERS.test(info[k]?.name ?? '') ? info[k]!.argv.slice(1).filter((x) => !x.startsWith('-')) : []))].filter((x): x is string => x !== undefined && !/^<\(/.test(x));
        const inCode = itemsInCode(u.argv, repl);
        const elsewhere = lists.find((x) => !resolvePath(x, ctx).startsWith(`${ctx.projectRoot}/`));
        // (…and text others wrote that git prints — commit messages, authors, tag and branch names: what a fetch or a pull brought.)
        const foreign = feeders.map((k) => foreignText(info[k]?.argv ?? [])).find((x) => x !== undefined);
        if (inCode !== undefined && (elsewhere ?? foreign) !== undefined) tag('dynamic-command', `${name} puts ${elsewhere !== undefined ? `the lines of ${elsewhere}` : foreign}, which Rampart has not read, ${inCode}`);
      }
      // With -I each item runs its own command: the one judged is the riskiest (`..`, a home or
      // absolute path, a secret, a dot-file) — `printf 'dist\n..\n' | xargs -I{} rm -rf {}`.
      const worst = riskiest(items);
      // (Where the placeholder stood before the items known from the line fill it: each item is there at run time.)
      const placed = repl !== undefined && u.argv.slice(1).some((a) => a.includes(repl));
      if (worst !== undefined && repl) u.argv = u.argv.map((a) => a.split(repl).join(worst));
      else if (piped.length) u.argv = [...u.argv, ...piped];
      else if (repl) {
        // A listing's items in place of the placeholder (find ~ -maxdepth 1 | xargs -I{} rm -rf {}):
        // a name below the directory it lists; an identifier gh printed, for any command.
        // (The riskiest of what it may print: find ~ prints ~ itself first.)
        // (Input the line does not show — cat dirs.txt | xargs -I{} rm -rf {} — is an operand only known at run time, wherever the
        // placeholder stands, /tmp/{} too: judged as plain xargs's appended input is. A network tool's is judged below.)
        // (An item of such input is a whole line, slashes and dots included: where the placeholder starts a path's name — /tmp/{} —
        // it may climb out, as `../..` does.)
        const listed = riskiest(xargsInput(fedInfos(fed, listing))) ?? '$XARGS_INPUT';
        const fill = (a: string) => (listed === '$XARGS_INPUT' && a !== repl ? a.split(repl).map((part, k, all) => (k < all.length - 1 ? part + (part === '' || part.endsWith('/') ? `..${listed}` : listed) : part)).join('') : a.split(repl).join(listed));
        const gitLocal = posix.basename(u.argv[0] ?? '') === 'git' && GIT_LOCAL.test(u.argv.slice(1).find((a) => !a.startsWith('-')) ?? '');
        // (A shell or interpreter given the placeholder runs the input as code: judged below, as such.)
        const runner = posix.basename(u.argv[0] ?? '');
        const code = isShell(runner) || languageOf(runner) !== undefined;
        if ((!NETWORK_TOOLS.has(runner) && (!code || listed.includes('/') || /^~/.test(listed))) || gitLocal || IDENTIFIER_SAMPLES.has(listed)) u.argv = u.argv.map(fill);
      }
      // (A shell given the input as its script — xargs bash -c — is judged as a pipe into a shell.)
      else if (!xOwn.some((a) => /^-I|^--replace|^-i$/.test(a)) && !(isShell(posix.basename(u.argv[0] ?? '')) && (u.argv.at(-1) === '-c' || (!u.argv.includes('-c') && xargsInput(fedInfos(fed, listing)).some((x) => x.endsWith('$XARGS_INPUT') && !x.includes('/')))))) {
        // (A shell without -c fed a known listing — find scripts -name '*.sh' | xargs bash -n — runs those files.)
        const lang = languageOf(posix.basename(u.argv[0] ?? ''));
        // An interpreter whose code option is left open (xargs python3 -c) takes the input as its code:
        // downloaded text is downloaded code, other text is code the line does not show.
        if (lang && inlineCodeOf(lang, [...u.argv.slice(1), '\0']).code === '\0') {
          if (fed.some((up) => info[up]?.downloadOut)) tag('download-exec', `xargs hands downloaded text to ${u.argv.join(' ')} as its code`);
          else tag('interpreter-opaque', `xargs hands text the line does not show to ${u.argv.join(' ')} as its code`);
          u.argv = [...u.argv, '$XARGS_INPUT'];
        } else u.argv = [...u.argv, ...(st.spacedNames && !argv.slice(1).some((a) => /^(-0|--null|-d|--delimiter)/.test(a)) ? ['$XARGS_INPUT'] : xargsInput(fedInfos(fed, listing)))];
      }
      // (A placeholder still in a shell's script — xargs -I{} sh -c 'grep "^{}=" .env' — is text the script gets at run time.)
      // (…and so is one passed as a positional parameter: sh -c 'grep "^$1=" .env' _ {}. Not downloaded text, nor a placeholder
      // that is the whole script — xargs -I{} sh -c {} runs the input itself.)
      if (repl && isShell(posix.basename(u.argv[0] ?? '')) && !fed.some((up) => info[up]?.downloadOut)) u.argv = u.argv.map((a, k) => (k > 0 && !(a === repl && /^-[a-zA-Z]*c$/.test(u!.argv![k - 1] ?? '')) ? a.split(repl).join('$XARGS_INPUT') : a));
      // xargs -I% CMD … %: a network command fed names from unknown input cannot be judged — unless
      // the input only fills a URL's path after a literal host (xargs -I{} curl http://localhost:3000/items/{}).
      const inPath = (a: string) => /^[a-z][\w+.-]*:\/\/[^/\s$`]+\//i.test(a) && a.indexOf(repl!) > a.indexOf('/', a.indexOf('://') + 3);
      // (…or a value of an option that only shapes the request or its report — a header, -w's format,
      // plain -d data — around a literal URL; a file (@{}), an upload, an output, a proxy or a host it is not.)
      // (Fed a secret — xargs … < .env — every placeholder carries it.)
      const fedSecret = (ctx.stdin !== undefined && isSecretPath(st, ctx.stdin, ctx)) || fc.stdinFrom.some((up) => info[up]?.secretOut !== undefined);
      const harmless = (a: string, prev: string) => !fedSecret && (inPath(a) || (/^(-w|--write-out|-H|--header|-A|--user-agent|-e|--referer|-X|--request|-d|--data|--data-raw|--data-urlencode)$/.test(prev) && !/(^|=)@/.test(a)));
      // (…or an operand after what names the destination: a package runner's package or a git
      // subcommand that never connects — `npx prettier --write {}`, `git log -- {}`, `git add {}`.)
      const tool = posix.basename(u.argv[0] ?? '');
      const fixedAt = u.argv.findIndex((a, k) => k > 0 && !a.startsWith('-') && !a.includes(repl ?? '\0'));
      const local = fixedAt > 0 && ((/^(npx|bunx|pnpx)$/.test(tool) && !/^[.~/]|^(https?|git|file):/.test(u.argv[fixedAt]!)) || (tool === 'git' && GIT_LOCAL.test(u.argv[fixedAt]!) && !u.argv.slice(1, fixedAt).some((a) => a.includes(repl ?? '\0'))));
      if (repl && !piped.length && NETWORK_TOOLS.has(tool) && u.argv.some((a, k) => a.includes(repl) && !(local && k > fixedAt) && !harmless(a, u.argv?.[k - 1] ?? ''))) tag('opaque-config', `${u.argv[0]} is fed file names xargs reads at run time`);
      // A secret fed in is in every placeholder (or appended): a network tool given it sends it (in a URL, a header, a body).
      // (…also where the line knows the text it feeds — echo "$GITHUB_TOKEN" | xargs curl -d: that text is the secret.)
      if (fedSecret && (NETWORK_TOOLS.has(tool) || SERVICE_CLIS.test(tool) || looksUpNames(tool, u.argv.slice(1))) && (repl ? placed : true)) {
        substitutedSecret ??= ctx.stdin !== undefined && isSecretPath(st, ctx.stdin, ctx) ? ctx.stdin : fc.stdinFrom.map((up) => info[up]?.secretOut).find((x) => x !== undefined);
      }
    }
    if (u) {
      // A credential copied under another name for what runs (env t="$GITHUB_TOKEN" node …) is still that credential.
      for (const [k, v] of Object.entries(u.env ?? {})) {
        const copied = credentialNameIn(st, v, env);
        if (copied !== undefined) st.namerefs.set(k, copied);
      }
      env = { ...env, ...u.env };
      // (env -i starts the command with only the names env gives it; env -u NAME without NAME.)
      if (u.clears) {
        cleared = true;
        envNames.clear();
      }
      for (const k of u.unset ?? []) {
        envNames.delete(k);
        dropped.add(k);
      }
      for (const k of Object.keys(u.env ?? {})) {
        envNames.add(k);
        dropped.delete(k);
      }
      // env -C D, sudo -D D, unshare --wd=D …: relative paths of what runs resolve in D.
      if (u.cwd !== undefined) ctx = { ...ctx, cwd: /^[$`]/.test(u.cwd) ? UNKNOWN_CWD : resolvePath(u.cwd, ctx) };
      // (A relocated configuration read by a program that reads none — env HOME=/tmp ls -la — changes nothing.)
      const readsNoConfig = /^(ls|cat|echo|printf|pwd|true|false|test|id|whoami|date|wc|head|tail|stat|du|df|uname)$/.test(posix.basename(u.argv?.[0] ?? ''));
      // (…but a start-up file the wrapper reads itself — screen -c FILE true — is read whatever it runs.)
      for (const [k, v] of Object.entries(u.env ?? {})) if (!(readsNoConfig && CONFIG_VARS.has(k) && !/^(SYS)?SCREENRC$/.test(k))) assignmentTags(st, k, v, true, ctx.cwd);
      for (const t of u.tags ?? []) tag(t, `${name} ${t === 'persistence' ? 'schedules commands to run later' : t === 'path-strip' ? 'runs a command without the Rampart shims on PATH' : t === 'config-relocated' ? 'routes the command through proxies named in a configuration Rampart has not read' : 'starts a shell'}`);
      if (u.stdinShell) {
        rec.name = name;
        rec.isInterpreter = true;
        rec.interpreterReadsStdin = true;
        if (stdinText !== undefined) st.sub(stdinText, ctx.cwd, env);
        return;
      }
      if (u.shell !== undefined) {
        rec.name = name;
        // parallel -a FILE: the jobs' arguments are FILE's content.
        if (name === 'parallel') {
          const pf = argv.slice(1).map((a, k, all) => (/^(-a|--arg-file)$/.test(all[k - 1] ?? '') ? a : a.startsWith('--arg-file=') ? a.slice(11) : undefined)).find((x) => x !== undefined);
          // Without ::: its jobs' arguments are the lines of its input: echo/printf text of the line,
          // else what a lister prints below its directory, else unknown (as xargs's are).
          // (…or of a listing file it is given, -a FILE or :::: FILE, made earlier in the line: see st.listings.)
          const listFile = pf ?? argv.find((a, k) => argv[k - 1] === '::::');
          const listing = listFile !== undefined ? st.listings.get(abs0(listFile)) : undefined;
          if (listing && argv.includes('::::')) u.shell = u.shell.split('"$PARALLEL_INPUT"').join(`"${xargsInput(fedInfos([], listing))[0]!}"`);
          if (!argv.includes(':::') && !argv.includes('::::')) {
            const fed = pf === undefined ? fc.stdinFrom : [];
            const line = riskiest(pipedLines(fed, info));
            const input = xargsInput(fedInfos(fed, listing))[0]!;
            u.shell = u.shell.split(PARALLEL_STDIN).join(line !== undefined ? quote(line) : `"${input}"`);
          }
          if (pf !== undefined && isSecretPath(st, realOf(st, abs0(pf)) ?? abs0(pf), ctx)) {
            // Its content becomes the arguments of a network command: that command sends the secret.
            const net = u.shell.split('\n').map((l) => l.trim().split(/\s+/)[0] ?? '').find((w) => NETWORK_TOOLS.has(posix.basename(w)));
            if (net) {
              const sf = newFacts(posix.basename(net));
              sf.sends.push(realOf(st, abs0(pf)) ?? abs0(pf));
              st.out.push(judgeFacts(st.policy, sf, argv, { ...ctx, env }));
            }
            rec.secretOut = abs0(pf);
            st.readsSecret = true;
          }
        }
        // script [-a] [-c CMD] FILE records the session into FILE (appending with -a).
        if (name === 'script') {
          const sa = argv.slice(1);
          const file = sa.filter((a, k) => !a.startsWith('-') && !/^(-[a-zA-Z]*c|--command|-t|-T|--log-timing|-I|--log-in|-O|--log-out|-B|--log-io|-E|--echo|-m|--logging-format|-o|--output-limit)$/.test(sa[k - 1] ?? '')).at(-1);
          if (file !== undefined) {
            const wf = newFacts('script');
            wf.writes.push(resolvePath(file, ctx));
            st.out.push(judgeFacts(st.policy, wf, argv, { ...ctx, env }));
          }
        }
        // A trap's commands run later in this same shell, with the variables as they are then: judged
        // when the line ends (and now as well, when every variable they use is already set — the shell
        // may exit before the rest of the line runs).
        if (name === 'trap') {
          st.traps.push({ text: u.shell, cwd: ctx.cwd });
          const used = [...u.shell.matchAll(/\$\{?([A-Za-z_]\w*)/g)].map((m) => m[1]!);
          if (used.every((v) => env[v] !== undefined || /^(HOME|PWD|USER|TMPDIR)$/.test(v)) && !st.functions.size) st.sub(u.shell, ctx.cwd, env, true);
        } else st.sub(u.shell, ctx.cwd, env);
        return;
      }
      if (!u.argv) {
        // A bare `env` prints the agent's credentials, and after a secret file was sourced that file's
        // (to a pipe or a file): sent on, a secret.
        if (name === 'env') {
          rec.name = name;
          rec.secretOut = st.sourcedSecret ?? ENVIRON;
          if (st.sourcedSecret) st.readsSecret = true;
          for (const w of writes) st.tainted.set(abs0(w), rec.secretOut);
        }
        // `exec > f`, `env >> f`, `nohup >> f`: nothing runs, but the redirections still open files.
        if (writes.length) {
          const f = newFacts(name);
          f.writes.push(...writes.map((w) => (w.startsWith('~') || w.startsWith('/') || w.startsWith('$') ? w : posix.resolve(ctx.cwd, w))));
          const j = judgeFacts(st.policy, f, argv, { ...ctx, env });
          st.out.push(j);
          rec.judged = j;
        }
        return;
      }
      // What xargs/parallel run gets its code from the input when it is a bare `sh -c`.
      // (A shell given the listed files as scripts — find … | xargs bash -n — runs those files.)
      if (name === 'xargs' && isShell(posix.basename(u.argv[0] ?? '')) && (shellCommandString(u.argv.slice(1)) ?? '') === '' && (u.argv.slice(1).some((a) => /^-[a-zA-Z]*c[a-zA-Z]*$/.test(a)) || !u.argv.slice(1).some((a) => !a.startsWith('-')))) {
        rec.name = posix.basename(u.argv[0]!);
        rec.isInterpreter = true;
        rec.interpreterReadsStdin = true;
        return;
      }
      argv = u.argv;
      continue;
    }
    rec.name = name;
    rec.argv = argv;
    const args = argv.slice(1);
    const managed = managerEnvironment(name, args);
    const trusted = trustsOutside(name, args, ctx.cwd, ctx.projectRoot, ctx.home, (p) => realOf(st, p));
    if (trusted !== undefined) tag('interpreter-opaque', trusted);
    // uudecode without -o writes the file its input's header names: any path, ~/.bashrc too, chosen only when it runs.
    // Codex models apply patches through the shell too (apply_patch <<'EOF' … EOF, or the patch as its one argument), and
    // Codex applies them itself: what the patch writes and deletes is judged as the shell lines that would do the same.
    if (/^(apply_patch|applypatch)$/.test(name)) {
      const text = args[0] ?? stdinText;
      const patch = text === undefined ? undefined : readPatch(text);
      if (patch === undefined) tag('dynamic-command', `${name} applies a patch Rampart cannot read`);
      else st.sub(patchAsShell(patch), ctx.cwd, env, true);
    }
    if (name === 'uudecode' && !args.some((a) => /^(-o|--output-file)(=|$)/.test(a))) tag('dynamic-path', 'uudecode writes the file its input names, a path known only when it runs');
    const later = startsLater(name, args);
    if (later !== undefined) tag('persistence', later);
    if (isShell(name)) {
      rec.isInterpreter = true;
      // (With -n it only reads the string: nothing in it runs.)
      const noexec = !FOREIGN_SHELLS.has(name) && shellNoexec(args);
      const cmd0 = noexec && shellCommandString(args, name) !== undefined ? '' : shellCommandString(args, name);
      // `sh -c '"$@"' _ npm test`: the operands after the string are $0, $1 … and fill it in.
      const cmd = cmd0 === undefined ? undefined : withPositionals(cmd0, args.slice(args.indexOf(cmd0) + 1));
      if (!noexec) pastedForeign(cmd0);
      if (cmd0 !== undefined && !noexec && outerPositionals(fc, cmd0)) tag('dynamic-command', `${name} -c runs the session's own parameters ("$@", "$1", "$0"), known only when the line runs`);
      // PowerShell or cmd.exe text made only of what Rampart reads there: judged as that sh line.
      const foreign = cmd !== undefined && FOREIGN_SHELLS.has(name) ? foreignAsSh(name, cmd) : undefined;
      // (pwsh -WorkingDirectory DIR / -wd DIR runs its command there.)
      const wdAt = /^(pwsh|powershell)$/.test(name) ? args.findIndex((a) => /^-(wd|wo(r(k(i(n(g(d(i(r(e(c(t(o(ry?)?)?)?)?)?)?)?)?)?)?)?)?)?)$/i.test(a)) : -1;
      const wd = wdAt >= 0 && args[wdAt + 1] !== undefined ? posix.resolve(ctx.cwd, args[wdAt + 1]!.replace(/^~(?=\/|$)/, st.ctx.home)) : undefined;
      // bash --rcfile/--init-file FILE sources FILE first (an interactive shell fed /dev/null still does).
      const rcAt = args.findIndex((a) => /^--(rcfile|init-file)$/.test(a));
      const rcText = rcAt >= 0 && args[rcAt + 1] !== undefined ? scriptText(args[rcAt + 1]!) : undefined;
      if (rcText !== undefined) st.sub(rcText, ctx.cwd, env, true);
      if (foreign !== undefined) st.sub(foreign, wd ?? ctx.cwd, env);
      else if (cmd !== undefined) {
        // A placeholder (`sh -c '{}'`, `sh -c "$1"`) runs whatever text fills it in.
        if (/^\s*("?\$[@*1-9]"?|\{\}|%s)\s*$/.test(cmd)) tag('pipe-to-shell', `${name} -c runs text supplied at run time`);
        else {
          const sourcedBefore = st.sourcedSecret;
          // (zsh reads a glob's qualifier — *.json(N) — where sh sees a syntax error: the narrowing ones are dropped.)
          subPrinting(name === 'cmd' ? withoutCmdSwitches(cmd) : name === 'zsh' ? withoutZshQualifiers(cmd) : cmd, ctx.cwd, env, FOREIGN_SHELLS.has(name) ? undefined : inherited());
          // A command string that sources a secret file and dumps or echoes it prints the secret.
          if (st.sourcedSecret !== undefined && sourcedBefore === undefined && /\b(env|printenv|export\s+-p|declare\s+-[px]|set)\s*($|[;&|)])|\becho\b|\bprintf\b|\bcat\b/.test(cmd)) rec.secretOut = st.sourcedSecret;
        }
        // sh -c "$(echo …)" / "$(printf …)": the command string is text the line makes known; that runs.
        const c = fc.argv.findIndex((w) => /^-[a-zA-Z]*c[a-zA-Z]*$/.test(w.value) && isShell(posix.basename(fc.argv[0]?.value ?? '')));
        const known = c > 0 ? substitutionText(fc, flat, info, c + 1) : undefined;
        if (known !== undefined) st.sub(known, ctx.cwd, env);
        // (PowerShell that only reads and computes — Get-Date, $PSVersionTable, ConvertFrom-Json, Where-Object — runs nothing of note.)
        if (FOREIGN_SHELLS.has(name) && !(/^(pwsh|powershell)$/.test(name) && harmlessPowerShell(cmd))) tag('interpreter-opaque', `${name} runs a command string in its own language; Rampart read it as sh`);
        // fish quotes and substitutes otherwise: \' inside single quotes, (cmd) — such text is not sh.
        else if (name === 'fish' && /[\\()]/.test(cmd)) tag('interpreter-opaque', 'fish reads backslashes and parentheses otherwise than sh: the string was read as sh');
      } else {
        // `sh -s ARGS` reads the script from stdin; ARGS are its parameters.
        const readsStdinFlag = args.some((a) => /^-[a-zA-Z]*s[a-zA-Z]*$/.test(a));
        const script = readsStdinFlag ? undefined : scriptOperand(args);
        // (A script run traced or verbose — bash -x .env, sh -v, -o xtrace — prints its lines, or its assignments with their values.)
        if (script !== undefined && tracing(args.slice(0, args.indexOf(script))) && isSecretPath(st, realOf(st, abs0(script)) ?? abs0(script), ctx)) shownFiles.push(script);
        // `bash -n FILE` (noexec) reads and checks the script, and runs none of it.
        const noexec = !FOREIGN_SHELLS.has(name) && script !== undefined && !STDIN_PATH.test(script) && args.slice(0, args.indexOf(script)).some((a, k, all) => /^-[a-z]*n[a-z]*$/.test(a) || (a === 'noexec' && all[k - 1] === '-o'));
        if (noexec) {
          // (nothing of it runs)
        } else if (script === undefined || STDIN_PATH.test(script)) {
          rec.interpreterReadsStdin = true;
          if (stdinText !== undefined) st.sub(stdinText, ctx.cwd, env);
          // (bash < <(base64 -d p.b64): a process substitution's output nobody has read is the script, as in base64 -d p.b64 | bash.)
          else if (unreadSub(script) !== undefined) tag('pipe-to-shell', `${name} runs what ${unreadSub(script)} prints, which Rampart cannot read`);
          // Nothing fed to it in this line: it reads what is typed later (a terminal the agent
          // writes to, as Codex's write_stdin does), which no judge sees.
          else if (st.depth === 0 && !ctx.stdin && fc.stdinFrom.length === 0 && !fc.redirects.some(feedsStdin)) tag('interactive-session', `${name} starts an interactive shell: what is typed into it later is never judged`);
        } else {
          const known = scriptText(script);
          // (A PowerShell or cmd script is read as sh only where every line of it is understood.)
          const foreignScript = known !== undefined && FOREIGN_SHELLS.has(name) ? foreignAsSh(name, known) : undefined;
          if (known !== undefined && FOREIGN_SHELLS.has(name) && foreignScript === undefined) tag('interpreter-opaque', `${name} runs a script in its own language that Rampart does not read`);
          if (foreignScript !== undefined) st.sub(foreignScript, ctx.cwd, env);
          else if (known !== undefined) st.sub(/^<\(/.test(script) ? known : scriptRun(known, script, args.slice(args.indexOf(script) + 1)), ctx.cwd, env);
          // (bash <(base64 -d p.b64), bash /dev/fd/3 3< <(gzip -dc p.gz): code nobody has read, as in base64 -d p.b64 | bash.)
          else if (unreadSub(script) !== undefined) tag('pipe-to-shell', `${name} runs what ${unreadSub(script)} prints, which Rampart cannot read`);
          else computedScript(name, script);
        }
      }
    } else if (name === 'eval') {
      rec.isInterpreter = true;
      for (const a of args) pastedForeign(a);
      // eval "$(TOOL init)" of a shell-environment tool prints exports and functions of its own
      // (ssh-agent's socket, direnv's allowed .envrc, pyenv/rbenv shims for their languages, brew's
      // prefix): judged as that tool. (Version managers that put node/npm first on PATH — fnm, nvm,
      // mise, asdf, volta, nodenv — would shadow the shims: they stay computed.) Options given a value and a silenced
      // stderr change nothing of that.
      const setup = /^"?\$\(\s*((?:\S*\/)?(?:ssh-agent\s+-[sc]|direnv\s+(?:export|hook)\s+(?:bash|zsh)|pyenv\s+(?:init|virtualenv-init)\s*-?|rbenv\s+init\s*-?|brew\s+shellenv|zoxide\s+init\s+\w+|starship\s+init\s+\w+|conda\s+shell\.\w+\s+hook|opam\s+env|(?:goenv|plenv|jenv)\s+init\s*-?|uvx?\s+generate-shell-completion\s+\w+)(?:\s+[\w-]+(?:=[\w.\/-]+)?)*)(?:\s+2>\s*\/dev\/null)?\s*\)"?$/.exec(fc.argv.slice(1).map((w) => w.raw).join(' ').trim());
      if (setup) st.sub(setup[1]!, ctx.cwd, env);
      // (`eval -- TEXT`: the builtin ends its options at `--`, which is not part of the text.)
      else st.sub((args[0] === '--' ? args.slice(1) : args).join(' '), ctx.cwd, env);
      // eval "$(…)" of text the line makes known (decoded base64, a printf format): that text runs.
      const text = substitutionText(fc, flat, info);
      if (!setup && text !== undefined) st.sub(text, ctx.cwd, env);
      // The outer shell expands eval's words first and eval parses the result: a value the line does not know, anywhere
      // in them, is shell text that runs (eval ls $dir, eval "echo $x", eval something "$var" — $dir may hold `; rm -rf ~`).
      // (Single quotes keep the expansion for eval's own parse, where it stays one word: eval 'echo $x'. A count or
      // status — $#, $?, $$, $! — is a number.)
      else if (!setup && evalRunsUnknown(fc.argv.slice(1), args)) {
        tag('dynamic-command', `${name} parses a value known only when the line runs as shell text`);
      }
    } else if (name === 'history' && args.some((a) => /^-[a-zA-Z]*s$/.test(a))) {
      // history -s TEXT: TEXT becomes the last history entry, which fc -s and !! run again.
      st.history.push(args.filter((a) => !/^-[a-zA-Z]*s$/.test(a)).join(' '));
    } else if (name === 'set' && args.some((a) => /^-[a-zA-Z]*H/.test(a) || a === 'histexpand') && /(^|[\s;&|(])!(!|-?\d|[A-Za-z?#$])/.test(st.lineText.slice(st.lineText.search(/histexpand|\s-[a-zA-Z]*H/)))) {
      // With history expansion on, `!!`, `!cat`, `!-2` in a later line are replaced by earlier history entries as it is read.
      for (const text of st.history) st.sub(text, ctx.cwd, env);
      tag('dynamic-command', `set ${args.join(' ')} turns on history expansion: a later line's ! words run text from the shell's history`);
    } else if (name === 'fc' && (!args.some((a) => /^-[a-zA-Z]*l/.test(a)) || args.some((a, k) => /^-[a-zA-Z]*s/.test(a) || (/^-[a-zA-Z]*e$/.test(args[k - 1] ?? '') && a === '-')))) {
      // (bash's fc re-runs when -s or -e - is given whatever else is: fc -ls, fc -l -s run the last entry; only -l alone lists.)
      // fc re-runs history entries (fc -s, fc -e EDITOR): the lines the line planted are judged, and what else the history holds
      // — the agent's earlier commands, edited by `old=new` or an editor — is not known here.
      for (const text of st.history) st.sub(text, ctx.cwd, env);
      tag('dynamic-command', `fc runs lines from the shell's history, which Rampart does not see`);
    } else if (name === 'hash' && args[0] === '-p' && args[1] && args[2]) {
      // hash -p PATH NAME: NAME now runs PATH, like an alias.
      st.aliases.set(args[2], args[1]);
    } else if (name === 'unset' && args.includes('PATH') && !args.includes('-f')) {
      tag('path-strip', 'unset PATH: later commands are found without the Rampart shims');
    } else if (((name === 'export' && args.some((a) => /^-[a-zA-Z]*n/.test(a))) || (/^(declare|typeset|local)$/.test(name) && args.some((a) => /^\+[a-zA-Z]*x/.test(a)))) && args.some((a) => a === 'PATH' || a.startsWith('PATH='))) {
      // (PATH no longer exported: programs started later search the system's default path, without the shims.)
      tag('path-strip', `${name} ${args.join(' ')}: child processes no longer get the PATH with the Rampart shims`);
    } else if (name === 'source' || name === '.') {
      rec.isInterpreter = true;
      // (`source -- FILE`: bash's builtins end their options at `--`.)
      const ops = args[0] === '--' ? args.slice(1) : args;
      // A file (or process substitution) whose text this line made known runs here.
      // (`. /dev/stdin <<'EOF'`, `source /dev/stdin <<< '…'`: the text fed in is what runs.)
      const known = ops[0] !== undefined ? (STDIN_PATH.test(ops[0]) ? stdinText : scriptText(ops[0])) : undefined;
      if (known !== undefined) st.sub(known, ctx.cwd, env);
      // (source <(base64 -d p.b64), . /dev/stdin < <(gzip -dc p.gz): code nobody has read runs in this shell.)
      // (…also after `--`: source -- <(gzip -dc p.gz).)
      else if (unreadSub(ops[0]) !== undefined) tag('pipe-to-shell', `${name} runs what ${unreadSub(ops[0])} prints, which Rampart cannot read`);
      else if (ops[0] !== undefined && !STDIN_PATH.test(ops[0])) computedScript(name, ops[0]);
      // (A sourced file that changes directory leaves this shell there: not followed.)
      if (known !== undefined && /(^|[\s;&|({])(cd|pushd|popd)(\s|$|[;&|)])/.test(known)) st.cwdLost = true;
      // The system's login files set PATH afresh (Debian's /etc/profile, /etc/environment): without the shims.
      // (Asked, not refused: the hook still judges what the line names; what those programs start would not pass the shims.)
      if (/^\/etc\/(profile|environment|login\.defs|zprofile|zsh\/zprofile|csh\.login)$/.test(posix.normalize(ops[0] ?? '.')) && flat.length > 1) tag('config-relocated', `${name} ${ops[0]} sets PATH to the system's: what runs after it starts programs without the Rampart shims`);
      if (ops[0] === undefined || STDIN_PATH.test(ops[0])) rec.interpreterReadsStdin = true;
      // Sourcing a secret (. ./.env) fills variables with it: later expansions of names the
      // line did not set, and the environment did not have, carry the secret.
      else if (isSecretPath(st, realOf(st, abs0(ops[0])) ?? abs0(ops[0]), ctx)) {
        st.sourcedSecret = realOf(st, abs0(ops[0])) ?? abs0(ops[0]);
        st.readsSecret = true;
        // (…after set -x or set -v, the shell prints each of its lines or assignments as it runs them — however the option is
        // turned on: shopt -so xtrace, zsh's setopt xtrace, a DEBUG trap that prints $BASH_COMMAND, PS4 aside.)
        if (/(^|[\s;&|({])(set\s+(-[a-zA-Z]*[xv]|-o\s+(xtrace|verbose))|shopt\s+-[a-z]*o[a-z]*\s+(xtrace|verbose)|setopt\s+(xtrace|verbose|sourcetrace)|set\s+-[a-zA-Z]*T\b|trap\s+\S.*\bDEBUG\b)/i.test(st.lineText)) shownFiles.push(ops[0]);
      }
    } else if (name === 'rampart') {
      const verb = args.find((a) => !a.startsWith('-'));
      if ((verb && RAMPART_VERBS.test(verb) && !(verb === 'shims' && !args.includes('uninstall')) && verb !== 'hook') || (verb === 'run' && args.some((a) => a === '--audit' || a.startsWith('--policy')))) {
        tag('rampart-tamper', `rampart ${verb} changes the firewall; only the user may do that, outside the agent`);
      }
      const dashdash = args.indexOf('--');
      if (verb === 'run' && dashdash >= 0) {
        argv = args.slice(dashdash + 1);
        continue;
      }
    } else if (name === 'jupyter' && /^(console|qtconsole)$/.test(args[0] ?? '') && stdinText !== undefined) {
      // jupyter console sends what it reads to a kernel: IPython code, its !cmd lines shell lines.
      judgeArgv(st, ['ipython', '-'], ctx, [], stdinText, fc, flat, info, { ...rec, writesFiles: [] });
    } else if (name === 'bunx' || (name === 'pnpm' && args[0] === 'dlx') || (name === 'yarn' && args[0] === 'dlx')) {
      // bunx/dlx PKG ARGS runs PKG's binary: judge that too (npx is the npm analyzer's `runs`).
      const rest = name === 'bunx' ? args : args.slice(1);
      const i = rest.findIndex((a) => !a.startsWith('-'));
      const pkg = i >= 0 ? packageBin(rest[i]!) : undefined;
      // (The package's program reads the line's stdin: pnpm dlx zx <<< 'await $`…`'.)
      if (pkg && !/[:/]/.test(pkg)) judgeArgv(st, [pkg, ...rest.slice(i + 1)], ctx, [], stdinText, fc, flat, info, { ...rec, writesFiles: [] });
    } else if ((name === 'uvx' || (name === 'pipx' && args[0] === 'run')) && args.length) {
      // uvx PKG ARGS / pipx run PKG ARGS runs PKG's entry point: judged as that command.
      const rest = name === 'uvx' ? args : args.slice(1);
      const i = rest.findIndex((a, k) => !a.startsWith('-') && !/^(--from|--with|--python|-p|--spec|--index-url|--index|-i)$/.test(rest[k - 1] ?? ''));
      const pkg = i >= 0 ? packageBin(rest[i]!) : undefined;
      if (pkg && !/[:/]/.test(pkg)) judgeArgv(st, [pkg, ...rest.slice(i + 1)], ctx, [], stdinText, fc, flat, info, { ...rec, writesFiles: [] });
    } else if (managed !== undefined) {
      // The environment of a long-lived manager (tmux's global one, systemd's user manager, D-Bus activation,
      // launchd) is given to every program it starts later: each NAME=VALUE is judged as that assignment
      // (a PATH without the shims, LD_PRELOAD).
      for (const [n, v] of managed) assignmentTags(st, n, v, true);
      // (A proxy there routes every later program's traffic: judged as the destination it is.)
      for (const [n, v] of managed) if (/^(https?|all|ftp|rsync)_proxy$/i.test(n) && v !== '') {
        const pf = newFacts('<env>');
        addUrl(pf, /^[a-z][\w+.-]*:\/\//i.test(v) ? v : `http://${v}`, 'proxy');
        pf.tags.add('routed-env');
        pf.notes.push(`${n}=${v} sends the traffic of every program ${name} starts later through ${v}`);
        st.out.push(judgeFacts(st.policy, pf, [`${n}=${v}`], { ...ctx, env, stdin: undefined, stdout: undefined }));
      }
    } else if (name === 'loginctl' && args.some((a) => /^(terminate-user|kill-user|terminate-session|kill-session|terminate-seat|disable-linger)$/.test(a))) {
      // Ending the user's sessions (or their lingering manager) ends every process of the user: the server too.
      tag('rampart-tamper', `loginctl ${args.find((a) => !a.startsWith('-'))} ends the user's processes, the Rampart server among them`);
    } else if (/^(busctl|gdbus|dbus-send|qdbus)$/.test(name) && args.some((a) => /systemd1|login1/.test(a))) {
      // systemd's and logind's D-Bus APIs: only reads (Get…, List…, Introspect) are understood; a method
      // call that stops, kills or starts units — StartTransientUnit runs any command, outside this session — is not.
      // (Any method that is not a read — EnqueueUnitJob, UnsetAndSetEnvironment, Properties.Set, Reexecute — acts.)
      const call = args.findIndex((a) => /^(call|--method|emit|set-property)$/.test(a) || /^--print-reply|^--type=method_call$/.test(a));
      const method = args.map((a, k) => (/^(--method)$/.test(args[k - 1] ?? '') ? a.replace(/^.*\./, '') : /^[A-Z]\w+$/.test(a) && k > call ? a : /^org\.freedesktop\.[\w.]+\.([A-Z]\w+)$/.test(a) && /^(dbus-send|qdbus)$/.test(name) ? a.replace(/^.*\./, '') : undefined)).find((m) => m !== undefined);
      const acts = (name === 'dbus-send' || name === 'qdbus' || call >= 0) && (method === undefined || !/^(Get|List|Introspect|Ping|Lookup|Dump|Can)\w*$/.test(method));
      if (acts) tag('rampart-tamper', `${name} calls ${method ?? 'a method'} on systemd or logind over D-Bus: it can stop the Rampart server or run commands outside this session`);
    } else if (/^(kill|pkill|killall|killall5|skill|prlimit|systemctl|launchctl)$/.test(name) || name === 'fuser' && args.some((a) => /^-[a-zA-Z]*k/.test(a))) {
      const pick = signalPick(name, args, fc, flat, info, ctx, st.coprocs, st.ownPidVars);
      if (pick === 'rampart') tag('rampart-tamper', `${name} may stop the Rampart server`);
      if (pick === 'unknown') tag('signal-unknown', `${name} signals processes picked at run time in a way Rampart cannot read`);
      const watcher = stopsWatcher(name, args, fc.argv.map((w) => w.raw).join(' '));
      if (watcher) tag('host-control', watcher);
    } else if (/^(gdb|lldb|gcore|strace|ltrace)$/.test(name)) {
      // A debugger attached to a process can stop it (call exit(0)) or read its memory: attached to
      // Rampart's server (gdb -p "$(pgrep -n node)") it is tampering, as a kill is.
      if (attachesToRampart(name, fc, flat, info, ctx)) tag('rampart-tamper', `${name} attaches to a process that may be the Rampart server`);
    } else if (DNS_TOOLS.has(name) && fc.argv.slice(1).some((w) => !w.static)) {
      if (fc.argv.slice(1).some((w) => w.substitutions.length > 0)) tag('dns-exfil', `${name} looks up a name built from a command's output`);
      else st.dynamicLookups.push(name);
    } else if (/^(g|m|n)?awk$/.test(name)) {
      // awk runs commands through system(), `| getline` and `print | "cmd"`.
      // The program: -f FILE (its text when this line wrote it), or the first operand; string
      // pieces awk joins ("/in" "et/tcp") read as the string they make.
      // (Also -fFILE, -E/--exec FILE, gawk's -i/--include FILE and --source TEXT; a program file on stdin is the line's stdin.)
      const fileOf = (f: string) => (STDIN_PATH.test(f) || f === '-' ? stdinText : scriptText(f) ?? scriptText(`${f}.awk`));
      const files = args.map((a, k) => (/^(-f|--file|-E|--exec)$/.test(args[k - 1] ?? '') || (/^(-i|--include)$/.test(args[k - 1] ?? '') && a !== 'inplace') ? a : /^--(file|exec|include)=/.test(a) ? a.slice(a.indexOf('=') + 1) : /^-f./.test(a) ? a.slice(2) : undefined)).filter((x): x is string => x !== undefined);
      // (gawk takes unique prefixes of its long options: --sourc=…)
      // (-e is --source, given any number of times: each is a piece of the program.)
      const sources = args.flatMap((a, k) => (/^(-e|--so(u(r(c(e)?)?)?)?)$/.test(args[k - 1] ?? '') ? [a] : /^--so(u(r(c(e)?)?)?)?=/.test(a) ? [a.slice(a.indexOf('=') + 1)] : []));
      const given = files.some((f) => !/^(-i|--include)$/.test(args[args.indexOf(f) - 1] ?? '') && !/^--include=/.test(f)) || sources.length > 0 || args.some((a) => /^-f./.test(a));
      const operandProg = given ? [] : [args.find((a, k) => !a.startsWith('-') && !/^-[fvFiEe]$|^--(source|include|file|exec|assign|field-separator)$/.test(args[k - 1] ?? '')) ?? ''];
      const progs = [...files.map((f) => fileOf(f) ?? ''), ...sources, ...operandProg];
      // (A program file of the project's is the project's; one elsewhere — /tmp/x.awk — or not a file at all is not read.)
      // (…nor is a process substitution: awk -f <(gzip -dc prog.gz) runs what that prints.)
      const projectFile = (f: string) => !/^<\(/.test(f) && resolvePath(f, ctx).startsWith(`${ctx.projectRoot}/`) && !isSecretPath(st, resolvePath(f, ctx), ctx);
      if (files.some((f) => fileOf(f) === undefined && !projectFile(f) && f !== 'inplace')) tag('interpreter-opaque', `${name} runs a program file Rampart cannot read`);
      const prog = foldLiterals(progs.join('\n'));
      // gawk's @include "FILE" (a source file, as -i's) and @load "LIB" (a shared library: one of gawk's own by name, else not read).
      for (const m of prog.matchAll(/@(include|load)\s+"([^"]+)"/g)) {
        const unread = m[1] === 'include' ? fileOf(m[2]!) === undefined && !projectFile(m[2]!) : !/^(filefuncs|fnmatch|inplace|intdiv|ordchr|readdir|readfile|revoutput|revtwoway|rwarray|time|json|gd|xml)$/.test(m[2]!);
        if (unread) tag('interpreter-opaque', `${name} loads ${m[2]} (@${m[1]}), which Rampart has not read`);
      }
      // system("cmd") and print … | "cmd" with a literal command: that command line is judged.
      for (const m of prog.matchAll(/system\s*\(\s*"((?:[^"\\]|\\.)*)"/g)) st.sub(m[1]!, ctx.cwd, env);
      // (A pipe inside a string literal is text — print "name|value" — so pipes are found with strings blanked.)
      // (…and gawk's coprocess, print "id" |& "sh": the same command, fed the same text.)
      for (const m of stripStrings(prog).matchAll(/\bprintf?\b[^;}]*?\|&?\s*"/g)) {
        const lit = /^"((?:[^"\\]|\\.)*)"/.exec(prog.slice(m.index! + m[0].length - 1));
        if (lit) st.sub(lit[1]!, ctx.cwd, env);
        // print "cmd" | "sh": what is printed is the shell's script.
        if (lit && isShell(posix.basename(lit[1]!.trim().split(/\s+/)[0] ?? '')) && !/\s-[a-zA-Z]*c/.test(lit[1]!)) {
          const printed = [...prog.slice(m.index!, m.index! + m[0].length - 1).matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((x) => x[1]!.replace(/\\(.)/g, '$1'));
          // (printf's format with conversions — printf "%c%c -rf ~", 114, 109 — prints what its arguments make of it.)
          const computed = printed.length === 0 || (/\bprintf\b/.test(prog.slice(m.index!, m.index! + m[0].length)) && /%[^%]/.test(printed[0]!));
          for (const text of printed) st.sub(text, ctx.cwd, env);
          if (computed) tag('pipe-to-shell', `${name} prints text it computes into ${lit[1]}`);
        }
      }
      if (/\/inet\d?\/(tcp|udp)\//.test(prog)) tag('dev-tcp', `${name} opens a network connection (/inet/tcp)`);
      // system() of anything but one literal, `cmd | getline`, print into a command (a literal or a variable
      // holding one), gawk's |& coprocess. (Pipes inside string literals are text: print "name|value".)
      const bareProg = stripStrings(prog);
      // (A command built from literal text and field values — system("test -f " $1 "/x"), cmd = "wc -l < \"" $0 "\""; cmd | getline —
      // is judged as its literal text with each value an unknown word; a line that made names with spaces may inject.)
      // (Variables set from outside the program: -v NAME=…, operands NAME=….)
      const assigned = new Set(args.flatMap((a, k) => { const m = /^(?:-v)?([A-Za-z_]\w*)=/.exec(args[k - 1] === '-v' || /^-v./.test(a) || !a.startsWith('-') ? a : ''); return m ? [m[1]!] : []; }));
      // (Field values go through sh: input the line gives with shell syntax in it, or a download, may inject.)
      // (Its input, when the line gives it — a here-string, a heredoc, a file the line wrote: each line's fields are put in,
      // as sh will read them. A download is anything.)
      const inputOps = args.filter((a, k) => !a.startsWith('-') && !/^-[fvFiEe]$|^--(source|include|file|exec|assign|field-separator)$/.test(args[k - 1] ?? '') && !/^[A-Za-z_]\w*=/.test(a)).slice(given ? 0 : 1);
      const inputs = inputOps.length ? inputOps.map((f) => scriptText(f)) : [stdinText];
      const fs = args.find((a, k) => args[k - 1] === '-F') ?? args.find((a) => /^-F./.test(a))?.slice(2);
      // (…split by -F only: a program or -v that sets FS/RS, or rewrites $0 or a field, leaves them unknown.)
      const resplits = /\b(FS|RS|FPAT|FIELDWIDTHS)\s*=(?!=)|\$\w*\s*=(?!=)|\b(g?sub|gensub)\s*\(/.test(stripStrings(prog)) || assigned.has('FS') || assigned.has('RS') || (fs !== undefined && fs.length > 1);
      const known = !resplits && inputs.every((t) => t !== undefined) && inputs.length > 0 ? (inputs as string[]).join('\n').split('\n').filter((l) => l !== '').slice(0, 50) : undefined;
      const literals = [...prog.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!).filter((l) => !/^\s*[\w./-]*\s*$/.test(l));
      const injects = fc.stdinFrom.some((up) => info[up]?.downloadOut) || (known === undefined && inputs.some((t) => t !== undefined && /[;&|`$<>()]/.test(t)))
        || (resplits && literals.some((l) => /[;&|`$<>()]/.test(l) && !/^\s*(echo|printf|test|\[)\b/.test(l)));
      if (args.some((a, k) => /^(-l|--load)$/.test(args[k - 1] ?? '') || /^(-l.|--load=)/.test(a))) tag('interpreter-opaque', `${name} loads a native extension`);
      const built = st.spacedNames || injects ? undefined : awkBuiltCommands(prog, assigned, known, fs);
      for (const c of built ?? []) st.sub(c, ctx.cwd, env);
      if ((built === undefined && (/system\s*\((?!\s*"(?:[^"\\]|\\.)*"\s*\))|\|\s*getline|@[A-Za-z_]\w*\s*\(/.test(prog))) || /\b(print|printf)\b[^;}]*\|&?\s*[A-Za-z_(]|\|&(?!\s*")/.test(bareProg)) tag('interpreter-spawn', `${name} program runs commands`);
      // print > FILE: a literal name, or a variable given with -v NAME=VALUE.
      const vars = new Map(args.flatMap((a, k) => (args[k - 1] === '-v' || /^-v./.test(a) ? [(/^-v./.test(a) ? a.slice(2) : a).split('=')] : [])).filter((kv) => kv.length >= 2).map((kv) => [kv[0]!, kv.slice(1).join('=')] as [string, string]));
      for (const m of bareProg.matchAll(/\bprintf?\b[^;}|]*?>>?\s*(?:"([^"]*)"|([A-Za-z_]\w*))/g)) {
        const at = m.index! + m[0].length - (m[1] !== undefined ? m[1].length + 2 : m[2]!.length);
        const target = m[1] !== undefined ? /^"((?:[^"\\]|\\.)*)"/.exec(prog.slice(at))?.[1] : vars.get(m[2]!);
        if (target !== undefined) writes.push(target);
      }
      // getline < FILE reads FILE (a literal name, a -v variable, ENVIRON["HOME"] "/…"): what the program then prints of it is shown.
      for (const m of prog.matchAll(/\bgetline\b\s*(?:[A-Za-z_]\w*\s*)?<\s*\(?\s*(?:"([^"]*)"|ENVIRON\s*\[\s*"HOME"\s*\]\s*"([^"]*)"|([A-Za-z_]\w*))/g)) {
        const at = m.index! + m[0].length - (m[1] !== undefined ? m[1].length + 2 : 0);
        const target = m[1] !== undefined ? /^"((?:[^"\\]|\\.)*)"/.exec(prog.slice(at))?.[1] : m[3] !== undefined ? vars.get(m[3]) : `~${/ENVIRON\s*\[\s*"HOME"\s*\]\s*"((?:[^"\\]|\\.)*)"/.exec(prog.slice(m.index!))?.[1] ?? ''}`;
        if (target !== undefined) shownFiles.push(target);
      }
      // print > ENVIRON["HOME"] "/.bashrc": a name built from the environment — HOME's is a path in HOME, any other's is not known.
      for (const m of prog.matchAll(/>>?\s*\(?\s*ENVIRON\s*\[\s*"(\w+)"\s*\]\s*(?:"((?:[^"\\]|\\.)*)")?/g)) {
        if (m[1] === 'HOME') writes.push(`~${m[2] ?? ''}`);
        else tag('interpreter-opaque', `${name} writes to a file named by $${m[1]}`);
      }
    } else if (name === 'sed') {
      // Its script: -e/--expression values (-ne X, -eX), -f/--file text this line wrote, else the first operand.
      const scripts: string[] = [];
      let explicit = false;
      for (let k = 0; k < args.length; k++) {
        const a = args[k]!;
        // (Long options by any unique prefix, as getopt takes them: --expr=…, --fil=….)
        const long0 = /^--(e[a-z]*|fi[a-z]*)(?:=(.*))?$/s.exec(a);
        const long = long0 && ('expression'.startsWith(long0[1]!) || 'file'.startsWith(long0[1]!)) ? long0 : null;
        const short = /^-[nErsuzl0-9]*([ef])(.*)$/s.exec(a);
        if (!long && !short) {
          if (!a.startsWith('-') && !explicit && scripts.length === 0) scripts.push(a);
          continue;
        }
        explicit = true;
        const kind = long ? long[1]![0] : short![1];
        const value = long ? long[2] ?? args[++k] ?? '' : short![2] || (args[++k] ?? '');
        const text = kind === 'e' ? value : STDIN_PATH.test(value) || value === '-' ? stdinText : scriptText(value);
        // (A script file the line did not write: one of the project's is the project's; one elsewhere is not read.)
        // (A process substitution is no file of the project's: sed -f <(base64 -d s.b64) runs what that prints.)
        const own = (f: string) => !/^<\(/.test(f) && resolvePath(f, ctx).startsWith(`${ctx.projectRoot}/`) && !isSecretPath(st, resolvePath(f, ctx), ctx);
        if (text === undefined && !own(value)) tag('interpreter-opaque', `sed runs a script file Rampart has not read: ${value}`);
        if (kind === 'f' && text !== undefined) {
          // (What a script file the line wrote writes and reads: its w/W and r/R commands.)
          writes.push(...sedWrites(text));
          shownFiles.push(...sedEffects(text).reads);
        }
        scripts.push(text ?? '');
      }
      // GNU sed's `e` command and the s///e flag run shell commands: `e CMD`'s text is judged where it runs.
      const effects = sedEffects(scripts.join('\n'));
      for (const cmd of effects.runs) if (cmd !== '') st.sub(cmd, ctx.cwd, env);
      // (Only those are understood: an `e` alone or s///e runs text the input supplies, and a script sed would not read as
      // written may hide one — sed '1e date' f runs date, sed 's/a/b/e' f runs what the file holds.)
      if (effects.runs.includes('') || (!effects.parsed && sedRuns(scripts))) tag('interpreter-spawn', 'sed runs a shell command (e) the line does not show');
    } else if (/^(vim?|nvim|ex|view)$/.test(name)) {
      // -S/-s/-u FILE: a script of commands (its text, when this line wrote it).
      // (A project script the line did not write or change is the project's: vim -S Session.vim, nvim -u tests/minimal_init.lua.)
      const projectScript = (f: string) => editorOk('read', f) && !st.written.has(resolvePath(f, ctx)) && !/(^|\/)(node_modules|vendor|\.git)\//.test(f);
      const ownConfig = (f: string) => /^(NONE|NORC|DEFAULTS)$/.test(f) || /^(~|\$HOME)\/(\.config\/nvim\/init\.(lua|vim)|\.vimrc|\.vim\/vimrc)$/.test(f);
      // (Read as vim reads its options: clusters -Nu F and -ZS F, nvim -l F running a Lua script.)
      const started = vimArgs(name, args);
      for (const { flag, file } of [...started.scripts, ...started.writes.filter((w) => w.flag === 'W')]) {
        const text = /^[Ssu]$|^W$/.test(flag) ? scriptText(file) : undefined;
        if (text === undefined && /^[SuUsl]$/.test(flag) && !ownConfig(file) && !projectScript(file)) tag('interpreter-opaque', `${name} ${flag === 'l' ? 'runs a Lua script' : 'sources a script'} Rampart has not read: ${file}`);
        if (text === undefined) continue;
        for (const l of text.split('\n')) {
          const bang = /^\s*:?\s*(?:silent!?\s*)?!(.*)$/.exec(l);
          if (bang) st.sub(bang[1]!, ctx.cwd, env);
        }
        if (/\b(system|systemlist|jobstart|termopen)\s*\(|(^|\n)\s*:?\s*(py3?|python3?|lua|perl|ruby|terminal)\b/.test(text)) tag('interpreter-spawn', `${name} runs a program through its script`);
      }
      // (`exe "w F"` runs its string as the command it spells; `exe "!" . "rm -rf ~"` the literals it joins.)
      // (Modifiers — silent, keepalt, noautocmd, confirm, vertical … — change nothing of what a command does.)
      const MODS = MODIFIERS;
      const exe = (c: string) => {
        const m = /^exe(?:c(?:ute)?)?\s+(.*)$/s.exec(c);
        if (!m) return c;
        // (An :execute of anything but string literals joined with `.` builds its command at run time: not read.)
        if (m[1]!.replace(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g, '').replace(/[\s.]+/g, '') !== '') tag([...m[1]!.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g)].some((x) => /^\s*(?:[%.$\d,]*\s*(?:r(?:ead)?|w(?:rite)?)?\s*)!/.test(x[1] ?? x[2] ?? '')) || /\b(system|terminal|ter|term|job\w*|call)\b/.test(m[1]!) ? 'interpreter-spawn' : 'interpreter-opaque', `${name} executes a command it builds at run time: ${c.slice(0, 40)}`);
        const lits = [...m[1]!.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g)].map((x) => x[1] ?? x[2] ?? '');
        return lits.join('');
      };
      // (Each Ex command with its range written plainly — `/x/w !sh` as `.w !sh` — and a :global's command beside it.)
      const rawCmds = started.commands.flatMap(exCommands).flatMap((c) => [plainRange(c), ...exGlobal(c).map(plainRange)]);
      // (An Ex command that is neither plain nor one read below runs something Rampart has no model of.)
      for (const u of started.commands.flatMap(exUnmodelled)) tag('interpreter-opaque', `${name} runs an Ex command Rampart has no model of: ${u.slice(0, 40)}`);
      // (A `!` command — :w !cmd, :r !cmd, :!cmd — takes the rest of its line, `|` included.)
      const cmds0 = rawCmds.flatMap((c) => { const bang = /^[^!|]*?!(?!\s*$)/.exec(c.replace(/^:+\s*/, '')); return bang && /^(?:[%.$\d,'<>+\-;]*\s*(?:w(?:r(?:i(?:t(?:e)?)?)?)?|r(?:e(?:a(?:d)?)?)?)?\s*|sil(?:ent)?!?\s*)!/.test(c.replace(/^:+\s*/, '').replace(MODS, '')) ? [c] : c.split(/\s*\|\s*/); })
        // (…and what an :execute of literals spells is an Ex line of its own: `exe "bufdo w !sh"` is bufdo and the `w !sh` it runs.)
        .flatMap((c) => {
          const x = c.replace(/^:+\s*/, '').replace(MODS, '');
          const e = exe(x);
          if (e !== x) for (const u of exUnmodelled(e)) tag('interpreter-opaque', `${name} runs an Ex command Rampart has no model of: ${u.slice(0, 40)}`);
          return (e === x ? [e] : exCommands(e).flatMap((y) => [plainRange(y), ...exGlobal(y).map(plainRange)])).map((y) => vimFullName(y.replace(/^:+\s*/, '').replace(MODS, '')));
        })
        // (:edit +CMD F — and split, tabedit, view, find … — runs CMD once F is loaded: `e +ter x`, `sp +!id x`.)
        .flatMap((c) => {
          const plus = /^((?:[%.$\d,'<>]*\s*)?(?:e(?:d(?:i(?:t)?)?)?|sp(?:lit)?|vs(?:plit)?|tabe(?:dit)?|tabnew|new|vne(?:w)?|badd?|arga(?:dd)?|args?|n(?:ext)?|fin(?:d)?|sv(?:iew)?|vie(?:w)?|dr(?:op)?|sf(?:ind)?|tabf(?:ind)?|vi(?:sual)?|ene(?:w)?)!?\s+(?:\+\+\S+\s+)*)\+((?:[^\s\\]|\\.)+)\s*(.*)$/s.exec(c);
          return plus ? [`${plus[1]}${plus[3]}`.trim(), vimFullName(plus[2]!.replace(/\\(.)/g, '$1'))] : [c];
        });
      // (:cd DIR / :chdir / :lcd / :tcd move where later names resolve; :file NAME renames the buffer a later :w writes.)
      let vimCwd: string | undefined;
      const cmds: string[] = [];
      const named: string[] = [];
      const at = (p: string) => (vimCwd !== undefined && !/^[/~]|:\/\//.test(p) ? posix.join(vimCwd, p) : p);
      for (const c of cmds0) {
        const cd = /^(?:cd|chd(?:ir)?|lcd?|lch(?:dir)?|tcd?|tch(?:dir)?)!?\s+(\S+)\s*$/.exec(c);
        if (cd) { vimCwd = at(cd[1]!); continue; }
        const f = /^f(?:ile)?!?\s+(\S+)\s*$/.exec(c);
        if (f) named.push(at(f[1]!));
        cmds.push(c.replace(/^((?:[%.$\d,'<>]*\s*)?(?:e(?:d(?:i(?:t)?)?)?|sp(?:lit)?|vs(?:plit)?|tabe(?:dit)?|tabnew|new|vne(?:w)?|badd?|arga(?:dd)?|args?|n(?:ext)?|r(?:ead)?|fin(?:d)?|sv(?:iew)?|vie(?:w)?|dr(?:op)?|sf(?:ind)?|tabf(?:ind)?|w(?:rite)?|wq|x(?:it)?|sav(?:eas)?|up(?:date)?)!?\s+)([^\s!|>][^\s|]*)\s*$/, (_m, v: string, p: string) => `${v}${at(p)}`));
      }
      // (A shell set with :set shell=… runs every later `!` command: judged as a program the line runs.)
      for (const c of cmds) { const sh = /^set?\s+(?:shell|sh)=(\S+)/.exec(c); if (sh) programSetting(st, `${name} set shell`, sh[1]!.replace(/\\(.)/g, '$1'), true); }
      // (:normal keys may filter text through a program — !{motion}cmd — or type an Ex command: not read.)
      // (Keys that begin with an insert — A, a, I, i, O, o, S, s, C — and never leave it type text: `norm A  # noqa: E402`.)
      for (const c of cmds) {
        const keys = /(?:^[%.$\d,'<>+\-;]*\s*|\/\s*)normal!?\s(.*)$/s.exec(c)?.[1];
        // (…and never leave it: no Esc, Ctrl-C, Ctrl-O or other control key, written raw or as <C-…>.)
        // (…and an Ex command line it types, `:!CMD` ended by Enter, runs CMD.)
        if (keys !== undefined) for (const m of keys.matchAll(/:\s*!([^\r\n]*?)\s*(?:\r|\n|<CR>|\\r|$)/gi)) st.sub(m[1]!, ctx.cwd, env);
        if (keys !== undefined && /[!:]/.test(keys) && !plainKeys(keys.trimStart().replace(/\\?<(Esc|C-\w|Nul|CR|NL)>|\\e/gi, '\x1b'))) tag('interpreter-opaque', `${name} types keys that may run a program: ${c.slice(0, 40)}`);
      }
      // (A program for :make or :grep — set makeprg=… / grepprg=… — runs when they do.)
      for (const c of cmds) { const prg = /^se(?:t)?\s+(?:makeprg|mp|grepprg|gp)=(.*)$/.exec(c); if (prg && cmds.some((x) => /^(mak(?:e)?|gr(?:ep)?|lmak(?:e)?|lgr(?:ep)?)\b/.test(x))) st.sub(prg[1]!.replace(/\\(.)/g, '$1'), ctx.cwd, env); }
      // (job_start/term_start/jobstart/termopen/system of a literal run it; of anything else, or lua/python/perl/ruby code, run a program.)
      for (const c of cmds) {
        for (const m of c.matchAll(/\b(?:job_start|term_start|jobstart|termopen|system|systemlist)\s*\(\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')\s*[,)]/g)) st.sub((m[1] ?? m[2] ?? '').replace(/\\(.)/g, '$1'), ctx.cwd, env);
        const embedded = /^(lua|luado|luafile|py3?|python3?|pydo|py3do|pyx|pyxdo|pyxfile|perl|perldo|rub(?:y)?|rubydo|rubyfile|pyfile|py3file)\b(.*)$/s.exec(c);
        // (Not a third party's or git's file, not after a :cd, and not where the line unpacks, patches or copies anything.)
        const projectFile = (f: string) => vimCwd === undefined && projectScript(f);
        // (A script file it sources that is not the project's — luafile /tmp/x.lua, luafile $f — is code Rampart has not read.)
        // (So is a Vim script it sources, and a runtime path put before the plugins: set rtp^=DIR loads DIR's plugin/ and lua/.)
        const src = /^so(?:u(?:r(?:c(?:e)?)?)?)?!?\s+(\S+)\s*$/.exec(c);
        if (src && !ownConfig(src[1]!) && !projectFile(src[1]!)) tag('interpreter-opaque', `${name} sources a script Rampart has not read: ${c.slice(0, 40)}`);
        const rtp = /^set?l?(?:ocal)?\s+(?:rtp|runtimepath|pp|packpath)\s*([+^]?)=\s*(.*)$/s.exec(c);
        const homeVim = [`${ctx.home}/.config/nvim`, `${ctx.home}/.local/share/nvim`, `${ctx.home}/.vim`];
        if (rtp && rtp[2]!.split(/(?<!\\),/).map((d) => d.replace(/(.)\/+$/, '$1')).some((d) => d !== '' && !(d === '.' || projectFile(d) || homeVim.some((h) => resolvePath(d, ctx) === h || resolvePath(d, ctx).startsWith(`${h}/`)))))
          tag('interpreter-opaque', `${name} loads plugins from a directory Rampart has not read: ${c.slice(0, 60)}`);
        if (embedded && /file$/.test(embedded[1]!) && embeddedRisk(embedded[1]!, embedded[2]!, projectFile)) tag('interpreter-opaque', `${name} runs a script file Rampart has not read: ${c.slice(0, 40)}`);
        else if (/\b(?:job_start|term_start|jobstart|termopen|system|systemlist)\s*\(\s*[^"'\s]/.test(c) || /^ter(?:minal)?\b/.test(c) || (embedded && embeddedRisk(embedded[1]!, embedded[2]!, projectFile, editorOk))) tag('interpreter-spawn', `${name} runs a program through its command ${c.slice(0, 40)}`);
      }
      const operands = args.filter((a, j) => !a.startsWith('-') && !a.startsWith('+') && !/^(-c|--cmd|-S|-s|-u|-W|-i|-T|-w)$/.test(args[j - 1] ?? ''));
      // Files its commands bring into the buffers (:e F, :argadd F, :r F, put =readfile("F")), then written back
      // by a write of every buffer (:wa, :argdo … | w, :xa) or printed to stdout in ex mode (%p): written or read.
      const loaded = [...named, ...cmds.flatMap((c) => {
        const m = /^(?:[%.$\d,'<>]*\s*)?(?:e(?:d(?:i(?:t)?)?)?|sp(?:lit)?|vs(?:plit)?|tabe(?:dit)?|tabnew|new|vne(?:w)?|badd?|arga(?:dd)?|args?|n(?:ext)?|r(?:ead)?|fin(?:d)?|sv(?:iew)?|vie(?:w)?|dr(?:op)?|sf(?:ind)?|tabf(?:ind)?)!?\s+([^\s!|][^|]*?)\s*$/.exec(c);
        const rf = [...c.matchAll(/readfile\(\s*["']([^"']+)["']/g)].map((x) => at(x[1]!));
        return [...(m ? m[1]!.split(/\s+/) : []), ...rf];
      })];
      // (A file name in backticks is a shell command vim runs to produce the name: :e `rm -rf ~`.)
      for (const c of cmds) for (const m of c.matchAll(/`([^`]+)`/g)) if (!/^=/.test(m[1]!)) st.sub(m[1]!, ctx.cwd, env);
      // (A URL opened or written — :e https://…, :Nread, :w scp://… — is fetched from or sent to its host, as curl would.)
      const buffer = [...loaded, ...operands].filter((p) => !/:\/\//.test(p));
      for (const c of cmds) {
        const nr = /^(?:Nr(?:ead)?|Nw(?:rite)?|Ns(?:ource)?)\s+(\S+)/.exec(c);
        for (const u of [...loaded.filter((p) => /^[a-z][\w+.-]*:\/\//i.test(p)), ...(nr && !/^Nw/.test(c) ? [nr[1]!] : [])]) st.sub(`curl ${quote(u)}`, ctx.cwd, env);
        const wu = /^(?:[%.$\d,'<>]*\s*)?(?:w(?:rite)?|sav(?:eas)?|Nw(?:rite)?)!?\s+([a-z][\w+.-]*:\/\/\S+)/i.exec(c);
        if (wu) st.sub(`curl -T ${quote(buffer[0] ?? 'FILE')} ${quote(wu[1]!)}`, ctx.cwd, env);
        // (:w !CMD feeds the buffer to CMD: what was read into it — :r .env — is CMD's stdin.)
        const wb = /^(?:[%.$\d,'<>+\-;]*\s*)?w(?:rite)?\s*!(.+)$/s.exec(c);
        if (wb && buffer.length && !/^\s*(\S*\/)?(sh|bash|dash|zsh|ksh|python[\d.]*|perl|ruby|node|php)\s*$/.test(wb[1]!)) st.sub(`cat ${buffer.map(quote).join(' ')} | ${wb[1]!}`, ctx.cwd, env);
      }
      const writesAll = cmds.some((c) => /^:?\s*(?:sil(?:ent)?!?\s*)?(wa|wall|wqa|wqall|xa|xall|argdo|bufdo|windo|tabdo)\b/.test(c));
      // (…in ex mode — ex, vim -e/-es, nvim --headless — a print, :g/re/p or :v/re/p, or an :echo of the buffer or a file.)
      const exMode = name === 'ex' || args.some((a) => /^-[a-zA-Z]*e?s$|^-es$|^-E?s$|^--headless$/.test(a) || a === '-e');
      const prints = exMode && cmds.some((c) => (/^(?:[%.$\d,'<>]*|(?:g(?:lobal)?!?|v(?:global)?)\s*\/.*\/)\s*(?:(p|pr|print|nu|number|l|list|z|P|Print)\b|#)?\s*$/.test(c) && !/^[%.$\d,'<>]*\s*$/.test(c)) || /^(?:echo|ec|echom(?:sg)?|cal(?:l)?\s+(?:writefile|chansend))\b.*\b(?:getline|readfile|getbufline)\s*\(/.test(c));
      // (…or a file read into a variable, `let x = readfile(F)`, that is later echoed or put.)
      if (exMode) for (const c of cmds) for (const m of c.matchAll(/\b(?:echo|echom(?:sg)?)\b.*?\breadfile\(\s*["']([^"']+)["']/g)) shownFiles.push(at(m[1]!));
      if (exMode && cmds.some((c) => /^(echo|echon|echom(?:sg)?|echow(?:indow)?|put|cal(?:l)?\s+(?:writefile|chansend|append|setline))\b/.test(c))) for (const c of cmds) for (const m of c.matchAll(/^let\s.*?\breadfile\(\s*["']([^"']+)["']/g)) shownFiles.push(at(m[1]!));
      if (writesAll || (loaded.length && cmds.some((c) => /^(?:[%.$\d,'<>]*\s*)?(w|write|wq|x|xit|exi|exit|up|update|wn|wnext|wN|wp)!?\s*$/.test(c)))) writes.push(...loaded, ...operands);
      if (prints) shownFiles.push(...loaded, ...operands);
      // (:saveas F / :w F with a file loaded: F is a copy of it, judged as `cp`, so what the line does with F later is followed.)
      for (const c of cmds) {
        const sv = /^(?:[%.$\d,'<>+\-;]*\s*)(?:write|saveas)!?\s+([^\s!|>][^\s|]*)\s*$/.exec(c);
        if (sv && buffer.length && !/:\/\//.test(sv[1]!)) st.sub(`cp ${quote(buffer[0]!)} ${quote(at(sv[1]!))}`, ctx.cwd, env);
      }
      // :wn/:wN/:wp F and :mksession/:mkvimrc/:mkexrc/:wviminfo F write F too.
      for (const c of cmds) {
        const w = /^:?\s*(?:sil(?:ent)?!?\s*)?(?:wn(?:ext)?|wN(?:ext)?|wp(?:revious)?|mks(?:ession)?|mkv(?:imrc)?|mkvie(?:w)?|mk(?:exrc)?|wv(?:iminfo)?|wundo|wsh(?:ada)?)!?\s+([^\s!|][^\s|]*)\s*$/.exec(c);
        if (w) writes.push(w[1]!);
      }
      // (…after a :cd, in that directory; and behind any range, pattern, :global, :windo/:bufdo or autocommand prefix.)
      const bangCwd = vimCwd !== undefined ? resolvePath(vimCwd, ctx) : ctx.cwd;
      for (const c of cmds) {
        const bang = /^(?:[%.$\d,'<>+\-;]*\s*(?:r(?:ead)?|w(?:rite)?)?\s*)!(.*)$/s.exec(c)
          ?? /^(?:[%.$\d,<>+\-;]|'[a-zA-Z<>[\]]|\/(?:[^/\\]|\\.)*\/|\?(?:[^?\\]|\\.)*\?|global!?\s*\/(?:[^/\\]|\\.)*\/|vglobal\s*\/(?:[^/\\]|\\.)*\/|(?:windo|bufdo|argdo|tabdo|cdo|cfdo|ldo|lfdo)\s+|au(?:tocmd)?!?\s+\S+\s+\S+\s+|normal!?\s+)+\s*(?:read|write)?\s*!(.+)$/s.exec(c);
        if (bang && !/^\s*(\S*\/)?(sh|bash|dash|zsh|ksh|python[\d.]*|perl|ruby|node|php)\s*$/.test(bang[1]!)) st.sub(bang[1]!, bangCwd, env);
        else if (bang) tag('interpreter-spawn', `${name} feeds the buffer to ${bang[1]!.trim()} as code`);
      }
      for (let k = 0; k < args.length; k++) {
        const c0 = /^-[a-zA-Z]*c$/.test(args[k]!) ? args[k + 1] ?? '' : args[k]!.startsWith('+') ? args[k]!.slice(1) : '';
        const c = c0.replace(/^:?\s*exe(?:c(?:ute)?)?\s+(["'])(.*)\1\s*$/s, '$2');
        // -c wq / +w: the edited files are written.
        if (/^:?\s*(w|wq|x|wall|wqa|xa|up|update|sav|saveas)\b|\|\s*w/.test(c)) for (const op of args.filter((a, j) => !a.startsWith('-') && !a.startsWith('+') && args[j - 1] !== '-c')) writes.push(op);
        // …and the files its commands name: :w[!] [>>] F, :wq F, :sav F, :redir > F, and a file opened with :e F
        // that a later write saves (each `|`-joined command too).
        for (const part of c.split(/\s*\|\s*/).map(plainRange)) {
          const w = /^:?\s*(?:sil(?:ent)?!?\s*)?[%.$\d,']*\s*(?:w(?:rite)?|wq|x(?:it)?|sav(?:eas)?|up(?:date)?|redi?r?)!?(?:\s*>>?\s*|\s+)([^\s!|][^\s|]*)\s*$/.exec(part);
          if (w && !/^(END|[%.$\d,']+)$/.test(w[1]!)) writes.push(w[1]!.replace(/^@.*$/, ''));
          const e = /^:?\s*(?:sil(?:ent)?!?\s*)?(?:e(?:dit)?|sp(?:lit)?|vs(?:plit)?|tabe(?:dit)?|new|badd?)!?\s+(\S+)\s*$/.exec(part);
          if (e && args.some((a) => /^:?\s*(sil(ent)?!?\s*)?(w|wq|x|xit|exi|exit|wall|wqa|wqall|xa|xall|up|update)\b|\|\s*(w|wq|x)\b|\bZZ\b/.test(a))) writes.push(e[1]!);
        }
      }
    } else if (/^node(js)?$/.test(name) && /rampart(\.js)?["`)]?$|rampart\/.*cli\/main\.js$|(command\s+-v|which|type\s+-[pP])\s+rampart\b/.test(args[0] ?? '')) {
      argv = ['rampart', ...args.slice(1)];
      continue;
    } else if (/^(tarfile|zipfile)$/.test(name) && /^(-e|--extract)$/.test(args[0] ?? '')) {
      // python -m tarfile -e ARCHIVE [DIR] / zipfile -e ARCHIVE DIR unpack as tar -C and unzip -d do.
      argv = name === 'tarfile' ? ['tar', '-xf', args[1] ?? '', '-C', args[2] ?? '.'] : ['unzip', '-o', args[1] ?? '', '-d', args[2] ?? '.'];
      continue;
    } else if (/^python[\d.]*$/.test(name) && args[0] === '-m' && /^(http\.server|SimpleHTTPServer|uploadserver|RangeHTTPServer|pyftpdlib|updog|twisted)$/.test(args[1] ?? '')) {
      // Serves the working directory (.env included) to every interface unless bound to loopback.
      const bind = args.findIndex((a) => a === '-b' || a === '--bind');
      // A build directory inside the project is published output; the project root, home or anything outside is not.
      // (So is a directory below /tmp: the output a line staged there. The directory is -d/--directory's, else the working one.)
      // (As argparse reads them: -d DIR, -dDIR, --directory DIR, --dir=DIR and other prefixes; the last one wins.)
      let dirGiven = '.';
      for (let k = 2; k < args.length; k++) {
        const m = /^(?:-d(.*)|--di(?:r(?:e(?:c(?:t(?:o(?:r(?:y)?)?)?)?)?)?)?(?:=(.*))?|--path(?:=(.*))?)$/s.exec(args[k]!);
        if (m) dirGiven = m[1] || m[2] || m[3] || (args[++k] ?? '.');
      }
      const dir = resolvePath(dirGiven, ctx);
      // (A directory under /tmp is output the line staged there, unless the line copied or linked the project or HOME into it.)
      // (Nor one the line linked anything into, or copied the project, HOME or a parent into: it serves what they hold.)
      const filled = [...st.lineText.matchAll(/(?:^|[\s;&|(])(ln|cp|rsync)\s+([^;&|\n]*)/g)].some((m) => {
        const words = m[2]!.trim().split(/\s+/).filter((w) => !w.startsWith('-')).map((w) => w.replace(/^["']|["']$/g, ''));
        const t = /(?:^|\s)(?:-t\s+|--target-directory[= ])(\S+)/.exec(m[2]!)?.[1];
        const into = t !== undefined ? resolvePath(t.replace(/^["']|["']$/g, ''), ctx) : words.length ? resolvePath(words.at(-1)!, ctx) : '';
        const reaches = into === dir || into.startsWith(`${dir}/`);
        return reaches && (m[1] === 'ln' || words.slice(0, -1).some((w) => /^(\.|\.\.|~|\$HOME|\$\{HOME\}|\$PWD)(\/|$)|^\//.test(w) && !resolvePath(w, ctx).startsWith(`${ctx.projectRoot}/`)));
      });
      const staged = /^\/tmp\/[^/]+/.test(dir);
      // (A hidden directory — .git, .ssh — is no build output.)
      const servesBuild = ctx.cwd !== UNKNOWN_CWD && !filled && (dir.startsWith(ctx.projectRoot + '/') || staged) && !/\/\.[^/]*(\/|$)/.test(dir) && !`${ctx.projectRoot}/`.startsWith(`${dir}/`) && !`${ctx.home}/`.startsWith(`${dir}/`) && !args.includes('--cgi');
      const help = args.slice(2).some((a) => a === '-h' || a === '--help');
      if (!servesBuild && !help && (bind < 0 || !/^(127\.|localhost|::1)/.test(args[bind + 1] ?? ''))) tag('serves-files', `python -m ${args[1]} serves this directory to other machines`);
    } else {
      const lang = languageOf(name);
      if (lang) pastedForeign(inlineCodeOf(lang, args).code);
      if (lang) judgeInterpreter(st, lang, args, ctx, env, stdinText, fc, flat, info, rec);
    }
    // A framework console's code (manage.py shell -c, rails runner, artisan tinker --execute, their stdin) is the language's
    // one-liner with the application loaded; a database console's stdin is SQL for the database client.
    // (Code given by a substitution whose output the line knows — rails runner "$(cat <<'RUBY' … RUBY)" — is that output.)
    const consoleArgs = args.map((a) => { const k = fc.argv.findIndex((w, i) => i > 0 && w.value === a); return k > 0 ? substitutedWord(fc, flat, info, k) ?? a : a; });
    for (const run of consoleCode(argv[0]!, consoleArgs, stdinText)) judgeArgv(st, run, ctx, [], undefined, fc, flat, info, { ...rec, writesFiles: [] });
    if (!NO_CONTENT.has(name) && !FILTERS.has(name)) {
      // A server bound to every interface (php -S 0.0.0.0:8000, --host 0.0.0.0, a debugger on
      // --inspect=0.0.0.0) is reachable from other machines; a tunnel service publishes a port.
      // (…or on an address of this machine's network — 192.168.1.5 — which other machines reach as well.)
      // (0 alone is 0.0.0.0, as inet_aton reads it: php -S 0:8000.)
      const anyAddr = /^(0\.0\.0\.0|0|::|\[::\]|\*|(?!127\.)\d+\.\d+\.\d+\.\d+)?(:\d+)?$/;
      // (An application server on every interface — runserver 0.0.0.0:8000, uvicorn --host 0.0.0.0, vite
      // --host 0.0.0.0, as in a container — serves the app, not the directory: only file servers and
      // debuggers count.)
      // (`php artisan serve` is the application's own.)
      // (php is one only as its built-in server, -S, or a framework command that starts it on a directory it is given:
      // php-servers.ts.)
      const php = phpServer(name, args);
      const fileServer = php !== undefined || /^(http-server|serve|live-server|httpd|busybox|caddy|twistd|darkhttpd|miniserve|static-web-server|webfsd|dufs|updog|browser-sync|sirv|sirv-cli|local-web-server|ws|goshs|gossa|simple-http-server)$/.test(name) || (name === 'rclone' && args[0] === 'serve')
        || (/^ruby[\d.]*$/.test(name) && args.includes('-run'));
      // (The directory a file server shares: a build or public directory inside the project — not its top, not a
      // dot-directory — is published output, whoever can reach it; the project's top holds its .env.)
      const servesPublished = (() => {
        // (Each server's own options that take a value — http-server's -g and -b are flags, miniserve's -P too; -o takes a path.)
        const VALUED = SERVER_VALUED[name] ?? /^(-p|--port|-a|--address|-l|--listen|-c|--config|-H|--host|-i|--interfaces|-b|--bind|-d|--directory|--server|--files|--addr|--root|-ip|-port|-username|-password|-comment|-S|-t|-e|--hostname|--path|-r|--root-dir|--listen-port)$/;
        const dir = php ? resolvePath(php.dir, ctx) : resolvePath(args.find((a, k) => !a.startsWith('-') && !(VALUED.test(args[k - 1] ?? '') && !(name === 'http-server' && /^(-o|--cors|-r|--robots)$/.test(args[k - 1] ?? '') && !a.startsWith('/'))) && !/^(start|serve|http|file-server|httpd|-run|web|run)$/.test(a) && !/^[\d.:[\]*]+$/.test(a) && !a.includes(':') && !(/smbserver/.test(name) && a === args.find((x) => !x.startsWith('-')))) ?? args.find((a, k) => /^(-d|--directory|--server|--root|-t|--path|-r)$/.test(args[k - 1] ?? '') || /^--(root|path)=/.test(a))?.replace(/^--(root|path)=/, '') ?? '.', ctx);
        // (…by its name: dist, build, public, site …, not a package's own directory — apps/api holds its .env; and nothing
        // the line linked, copied or archived into it, and no option that mounts more: --mount, --serveStatic, --proxy.)
        const named = dir.slice(ctx.projectRoot.length + 1).split('/').some((seg) => OUTPUT_DIR.test(seg) && !seg.startsWith('.') && seg !== 'node_modules' && seg !== 'tmp');
        const filled = [...st.links.keys(), ...st.archived.keys(), ...st.tainted.keys()].some((p) => p.startsWith(`${dir}/`) || p === dir);
        return named && !filled && !args.some((a) => /^--(mount|serveStatic|ss|proxy|server-root|entry-file)(=|$)/.test(a)) && dir.startsWith(`${ctx.projectRoot}/`) && !/\/\.[^/]*(\/|$)/.test(dir.slice(ctx.projectRoot.length));
      })();
      const bindsAll = args.some((a, k) => fileServer && !servesPublished && (/^(0\.0\.0\.0|0|\[::\]|(?!127\.)\d+\.\d+\.\d+\.\d+):\d+$/.test(a)
        || (/^(--host|--bind|--bind-address|--address|--addr|--listen|--ip|-b|-a|-H|-i|--interfaces)$/.test(args[k - 1] ?? '') && anyAddr.test(a))
        || /^--(host|bind|bind-address|address|addr|listen|ip|interfaces)=(0\.0\.0\.0|0|\[?::\]?|(?!127\.)\d+\.\d+\.\d+\.\d+)(:\d+)?$/.test(a))
        || /^--(inspect|inspect-brk|inspect-wait)=(0\.0\.0\.0|\[?::\]?)(:\d+)?$/.test(a))
        // (Every spelling of the IPv6 any-address too: [::], [::0], [0:0:0:0:0:0:0:0].)
        || (php?.address !== undefined && !servesPublished && /^(0\.0\.0\.0|0|\[[0:]*::?[0:]*\]|[0:]*::[0:]*|(?!127\.)\d+\.\d+\.\d+\.\d+)(:\d+)?$/.test(php.address))
        // (…or on an address only known when the line runs — "$HOST:8000", "$(hostname -I)":8000 —, which may be any of them.)
        || (php?.address !== undefined && !servesPublished && /[$`]/.test(php.address));
      const servesByDefault = (name === 'httpd' && !args.some((a, k) => args[k - 1] === '-p' && /^(127\.|localhost)/.test(a)))
        || (/^ruby/.test(name) && args.includes('-run') && args.some((a) => /httpd/.test(a)) && !servesPublished && !args.some((a) => /BindAddress=(127\.|localhost)|--bind-address=(127\.|localhost)/.test(a)))
        || ((name === 'twistd' || (args[0] === '-m' && args[1] === 'twisted')) && args.includes('web'))
        // serve, http-server and live-server listen on every interface unless told a host: serving the
        // project's top (its .env), HOME or anything outside the project is serving those.
        // (…and caddy file-server, goshs, and impacket's SMB server, which share a directory on every interface.)
        || ((/^(serve|http-server|live-server|miniserve|dufs|darkhttpd|updog|browser-sync|local-web-server|ws|goshs|gossa|simple-http-server|impacket-smbserver|smbserver\.py|static-web-server|webfsd|file_server|file-server)$/.test(name) || (name === 'caddy' && args[0] === 'file-server') || (/^(twist|twistd|twisted)$/.test(name) && args.includes('web'))) && !args.some((a, k) => /^(127\.|localhost|::1)/.test(a.replace(/^--?[\w-]+=/, '')) && /^(-a|--address|--host|--hostname|-l|--listen|-H|-i|--interfaces|-b|--bind)$|^--(address|host|hostname|listen|interfaces|bind)=/.test(/=/.test(a) ? a : args[k - 1] ?? ''))
          && !servesPublished)
        // A debugger or notebook server on every interface (debugpy --listen 0.0.0.0:5678, jupyter --ip=0.0.0.0 with
        // its token emptied) and a VNC server without a password run code or take input from anyone who connects.
        || ((name === 'debugpy' || args.includes('debugpy')) && args.some((a, k) => (args[k - 1] === '--listen' || a.startsWith('--listen=')) && /^(--listen=)?(0\.0\.0\.0|\*|::|\[::\])?:?\d*$/.test(a) && /0\.0\.0\.0|\*|::/.test(a)))
        // (…and its adapter, told a host: python -m debugpy.adapter --host 0.0.0.0.)
        || ((name === 'debugpy.adapter' || args.includes('debugpy.adapter')) && args.some((a, k) => (args[k - 1] === '--host' && anyAddr.test(a) && a !== '') || /^--host=(0\.0\.0\.0|\*|::|\[::\]|(?!127\.)\d+\.\d+\.\d+\.\d+)$/.test(a)))
        // (…or with a token the command line chose: whoever wrote the line knows it — and a LAN address is reachable too.)
        || (/^(jupyter|jupyter-notebook|jupyter-lab|jupyter-server|notebook|jupyterlab|jupyter_server)$/.test(name) && args.some((a, k) => /^--(ip|ServerApp\.ip|NotebookApp\.ip)=(0\.0\.0\.0|\*|::|\[::\]|\$|(?!127\.)\d+\.\d+\.\d+\.\d+)/.test(a) || (/^--(ip|ServerApp\.ip|NotebookApp\.ip)$/.test(args[k - 1] ?? '') && /^(0\.0\.0\.0|\*|::|\[::\]|\$.*|(?!127\.)\d+\.\d+\.\d+\.\d+)$/.test(a))) && (env.JUPYTER_TOKEN !== undefined || env.JUPYTER_PASSWORD !== undefined || args.some((a, k) => (/^--(\w+\.)?(token|password|IdentityProvider\.token)=/.test(a) || /^--(\w+\.)?(token|password)$/.test(args[k - 1] ?? '')) && !/^(?:--[\w.]+=)?['"]?(argon2|sha1|sha256|sha512):/.test(a))))
        // (x11vnc without a password option is one without a password: -nopw only silences its warning.)
        || (name === 'x11vnc' && !args.some((a) => /^-(rfbauth|passwd|usepw|passwdfile|rfbauthfile|localhost|unixpw\S*|ssl\S*)$/.test(a)) && !args.some((a) => /^-(h|help|version)$/.test(a)))
        || (name === 'xpra' && args.some((a) => /^--bind-(tcp|ws|wss|ssl)=(0\.0\.0\.0|\*|\[?::\]?|(?!127\.)\d+\.\d+\.\d+\.\d+)?:/.test(a)))
        || (name === 'rclone' && args[0] === 'rcd' && args.includes('--rc-no-auth') && args.some((a, k) => /^(--rc-addr=)?(0\.0\.0\.0|\[?::\]?|(?!127\.)\d+\.\d+\.\d+\.\d+)?:\d+$/.test(a) && (a.startsWith('--rc-addr=') || args[k - 1] === '--rc-addr')))
        || (name === 'webhook' && !args.some((a, k) => args[k - 1] === '-ip' && /^(127\.|localhost)/.test(a)))
        || (/^jupyter/.test(name) && args.includes('kernelgateway') && args.some((a) => /ip=(0\.0\.0\.0|\*|::|(?!127\.)\d+\.\d+\.\d+\.\d+)/.test(a)))
        // (Deno's standard file server, run from its URL, listens on every interface and serves its operand or the working directory.)
        || (name === 'deno' && args.some((a) => /std\/http\/file[-_]server/.test(a)) && !args.some((a, k) => /^(127\.|localhost)/.test(a.replace(/^--host=/, '')) && (a.startsWith('--host=') || args[k - 1] === '--host')) && !servesPublished)
        // (Debug servers on every interface run code for whoever connects: dlv --headless --listen=0.0.0.0:P, gdbserver [0.0.0.0]:P.)
        || (name === 'dlv' && args.includes('--headless') && args.some((a, k) => /^(--listen=)?(0\.0\.0\.0|\[?::\]?|)?:\d+$/.test(a) && (a.startsWith('--listen=') || args[k - 1] === '--listen')))
        || (name === 'gdbserver' && args.some((a) => /^(0\.0\.0\.0|\[?::\]?)?:\d+$/.test(a)));
      // Terminal servers (websocketd, ttyd, gotty, shellinaboxd, wetty) hand a program — a shell — to whoever connects: nc -l -e by another name.
      if (/^(websocketd|ttyd|gotty|shellinaboxd|wetty|webtty|webssh|wssh)$/.test(name) && !args.some((a) => a === '--help' || a === '-h' || a === '--version')) tag('exec', `${name} serves a program's terminal to whoever connects to it`);
      // (An editor server without its password on another interface is a terminal too: code-server --auth none --bind-addr 0.0.0.0:8080.)
      if (name === 'code-server' && args.some((a, k) => a === '--auth=none' || (a === 'none' && args[k - 1] === '--auth')) && args.some((a, k) => /^(--bind-addr=)?(0\.0\.0\.0|\[?::\]?|\*|(?!127\.)\d+\.\d+\.\d+\.\d+|(?=:\d))(:\d+)?$/.test(a) && (a.startsWith('--bind-addr=') || args[k - 1] === '--bind-addr'))) tag('exec', 'code-server without a password on every interface gives its terminal to whoever connects');
      // Terminal sharing through a relay (tmate, sshx, upterm host): the session is reachable from the internet.
      // (busybox telnetd and tty-share listening beyond loopback hand a shell to whoever connects.)
      if ((name === 'busybox' && args[0] === 'telnetd') || name === 'telnetd' || (name === 'tty-share' && args.some((a, k) => (args[k - 1] === '--listen' || a.startsWith('--listen=')) && !/(127\.|localhost)/.test(a)))) tag('exec', `${name} serves a shell to whoever connects to it`);
      if ((/^(tmate|sshx|teleconsole)$/.test(name) || (name === 'tty-share' && args.includes('--public')) || (name === 'upterm' && args[0] === 'host')) && !args.some((a) => /^(-h|--help|-V|--version|version|help)$/.test(a))) tag('public-tunnel', `${name} shares this terminal through a relay service`);
      // Debug servers listening beyond this machine — any address but loopback, a LAN address too — run code for whoever
      // connects: node --inspect=HOST:P, debugpy --listen, dlv -l/--listen (debug --headless, dap), gdbserver [tcp:]HOST:P,
      // lldb-server, rdbg --open --host, RUBY_DEBUG_HOST, a JDWP agent's address=*:P.
      const remote = (hp: string) => { const h = hp.replace(/^tcp:/, '').replace(/:\d*$/, '').replace(/^\[|\]$/g, ''); return !/^(127(\.\d+){0,3}|localhost|::1)$/i.test(h); };
      const valueOf = (re: RegExp) => args.flatMap((a, k) => (re.test(args[k - 1] ?? '') ? [a] : a.startsWith('--') && re.test(a.slice(0, a.indexOf('='))) && a.includes('=') ? [a.slice(a.indexOf('=') + 1)] : []));
      const debugPublic = args.some((a) => { const m = /^--inspect(?:-brk|-wait|-port)?=(.+:\d+|[^:]+)$/.exec(a); return m !== null && /[.:]/.test(m[1]!) && remote(m[1]!.includes(':') ? m[1]! : `${m[1]}:0`) && !/^\d+$/.test(m[1]!); })
        || ((name === 'debugpy' || args.includes('debugpy')) && valueOf(/^--listen$/).some((v) => v.includes(':') && remote(v)))
        || (args.includes('debugpy.adapter') && valueOf(/^--host$/).some((h) => remote(`${h}:0`)))
        || (name === 'dlv' && valueOf(/^(--listen|-l)$/).some(remote))
        || (name === 'gdbserver' && args.some((a) => /^(tcp:)?[\w.*\[\]:-]*:\d+$/.test(a) && remote(a)))
        || (name === 'lldb-server' && args.some((a, k) => (/^[\w.*\[\]-]*:\d+$/.test(a) || args[k - 1] === '--listen') && remote(a.replace(/^'|'$/g, ''))))
        || (name === 'rdbg' && args.some((a) => /^(-O|--open)(=|$)/.test(a)) && valueOf(/^--host$/).some((h) => remote(`${h}:0`)))
        || (/^ruby[\d.]*$|^(rdbg|bundle|rails)$/.test(name) && env.RUBY_DEBUG_HOST !== undefined && remote(`${env.RUBY_DEBUG_HOST}:0`))
        || [...args, env.JAVA_TOOL_OPTIONS ?? '', env.MAVEN_OPTS ?? ''].some((a) => /jdwp[=:]/.test(a) && /server=y/.test(a) && /address=([^,\s"']*:)?\d+/.test(a) && (/address=(\*|0\.0\.0\.0|\[?::\]?|\d+\.\d+\.\d+\.\d+):/.test(a) && !/address=127\./.test(a)));
      if (debugPublic && !args.some((a) => /^(--help|--version)$/.test(a))) tag('serves-files', `${name} opens a debugger to other machines: whoever connects runs code here`);
      if ((bindsAll || servesByDefault) && !args.some((a) => /^(--help|--version)$/.test(a))) tag('serves-files', `${name} listens on every network interface: other machines can reach what it serves`);
      if (/^(ngrok|lt|localtunnel|tunnelto|pagekite(\.py)?|tmole|zrok|devtunnel|frpc|rathole|chisel|sish-client|localxpose|loophole|expose|telebit|inlets|inlets-pro|pinggy|serveo)$/.test(name) || (name === 'cloudflared' && args.includes('tunnel')) || (name === 'bore' && args[0] === 'local')
        || (name === 'tailscale' && /^(funnel|serve)$/.test(args[0] ?? '') && !/^(status|reset|off)$/.test(args[1] ?? '')) || (name === 'ssh' && args.some((a, k) => /^-R/.test(a) && /(serveo\.net|localhost\.run|pinggy\.io|tuns\.sh)/.test(args.slice(k).join(' '))))) {
        tag('public-tunnel', `${name} publishes a local port on the internet through a tunnel service`);
      }
    }
    // (VS Code's web server without its token on every interface: code serve-web --without-connection-token --host 0.0.0.0.)
    if ((/^(code|code-insiders|codium|cursor|code-server)$/.test(name) && args.includes('serve-web') || /^openvscode-server$/.test(name)) && args.includes('--without-connection-token') && args.some((a, k) => /^(--host=)?(0\.0\.0\.0|\[?::\]?|\*|(?!127\.)\d+\.\d+\.\d+\.\d+)$/.test(a) && (a.startsWith('--host=') || args[k - 1] === '--host'))) tag('exec', `${name} serve-web without its token on every interface gives its terminal to whoever connects`);
    // VS Code's (and its forks') tunnel: the machine is reachable through a relay, shell included.
    if (/^(code|code-insiders|codium|cursor)$/.test(name) && args[0] === 'tunnel' && !/^(status|kill|user|prune|unregister|rename)$/.test(args[1] ?? '')) {
      tag('public-tunnel', `${name} tunnel makes this machine reachable through a relay service`);
    }
    // Tool options and settings that name a program the tool runs later (make CC=/SHELL=, cmake
    // launchers, go -toolexec/-exec, cargo runners, rg --pre, npm/pnpm/yarn config of a shell,
    // init module or node options).
    // (Node options name the modules every node process preloads: judged where those modules are.)
    for (const [what, value] of programOptions(name, args)) {
      if (/ node-?options$/i.test(what)) nodeOptionsLoads(st, what, value, ctx.cwd);
      else programSetting(st, what, value, true, ctx.cwd);
    }
    // (A key file given by option is read as the variable that names it: less -k F as LESSKEY=F.)
    for (const [variable, value] of configOptions(name, args)) assignmentTags(st, variable, value, true, ctx.cwd);
    // Nix expressions given on the command line (nix-instantiate --eval -E, nix eval --expr, nix-build -E): builtins.readFile
    // prints the file it names, fetchurl/fetchTarball/fetchGit download from their URL — judged as cat and curl of them.
    if (/^(nix-instantiate|nix-build|nix-shell|nix)$/.test(name)) {
      const exprs = args.flatMap((a, k) => (/^(-E|--expr)$/.test(args[k - 1] ?? '') ? [a] : /^--expr=/.test(a) ? [a.slice(7)] : []));
      for (const e of exprs) {
        for (const m of e.matchAll(/\bbuiltins\.readFile\s+\(?\s*((?:\.{1,2}|~)?\/[^\s;)]+|"[^"]+")/g)) st.sub(`cat ${quote(m[1]!.replace(/^"|"$/g, ''))}`, ctx.cwd, env);
        for (const m of e.matchAll(/\b(?:builtins\.)?(?:fetchurl|fetchTarball|fetchGit|fetchTree)\s*(?:\{[^}]*?\burl\s*=\s*)?"([a-z][\w+.-]*:\/\/[^"]+)"/g)) st.sub(`curl -fsSL -o /dev/null ${quote(m[1]!)}`, ctx.cwd, env);
      }
    }
    // A packer template this line wrote runs its provisioners' commands when built — shell-local ones on this machine:
    // every inline line and command it holds is judged as a line (packer build /tmp/x.pkr.hcl, a JSON template too).
    if (name === 'packer' && args.includes('build')) {
      for (const f of args.filter((a) => !a.startsWith('-') && a !== 'build')) {
        const text = scriptText(f);
        if (text === undefined) continue;
        const strings = (list: string) => [...list.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!.replace(/\\(["\\])/g, '$1').replace(/\\n/g, '\n'));
        for (const m of text.matchAll(/"?\binline"?\s*[=:]\s*\[([^\]]*)\]/g)) for (const l of strings(m[1]!)) st.sub(l, ctx.cwd, env);
        for (const m of text.matchAll(/"?\b(?:command|execute_command)"?\s*[=:]\s*"((?:[^"\\]|\\.)*)"/g)) st.sub(m[1]!.replace(/\\(["\\])/g, '$1'), ctx.cwd, env);
      }
    }
    // (A build file outside the project that this line did not write — make -f /tmp/Makefile, make -C /tmp/x, just -f /tmp/j,
    // cd ~/Downloads/x && make — runs recipes Rampart has not read.)
    // (npm takes its --prefix from npm_config_prefix in the environment too: npm_config_prefix=/tmp/x npm test runs /tmp/x's scripts.)
    const envPrefix = name === 'npm' ? env.npm_config_prefix ?? env.NPM_CONFIG_PREFIX : undefined;
    const build = buildFilesRead(name, envPrefix !== undefined ? ['--prefix', envPrefix, ...args] : args, ctx);
    // (Of the files it looks for by default, one the line wrote is the one read.)
    // (…and a worktree of the project's repository the line added is the project at another commit, as a checkout of that
    // commit in place would be: git worktree add /tmp/wt origin/release && make -C /tmp/wt test.)
    const inWorktree = (f: string) => [...st.worktrees].some((w) => f.startsWith(`${w}/`));
    const unreadBuild = build?.files.filter((f) => !ownBuildPlace(realOf(st, f) ?? f, ctx.projectRoot) && !inWorktree(f) && scriptText(f) === undefined) ?? [];
    if (build && unreadBuild.length && (build.named || unreadBuild.length === build.files.length)) tag('interpreter-opaque', `${name} runs a build file Rampart has not read, outside the project: ${unreadBuild[0]}`);
    // A JVM's proxy given on its command line (gradle -Dhttps.proxyHost=H, java -DsocksProxyHost=H, gradle -Dorg.gradle…
    // systemProp.https.proxyHost=H): every connection of the build goes through H, as JAVA_TOOL_OPTIONS would send it.
    if (/^(java|javaw|gradle|gradlew|mvn|mvnw|sbt|ant|kotlin|kotlinc|groovy|jshell|scala|lein|jbang)$/.test(name.replace(/^\.\//, ''))) {
      const props = args.filter((a) => /^-D(?:systemProp\.)?(?:(?:https?|ftp|socks)\.proxyHost|socksProxyHost)=/.test(a));
      if (props.length) assignmentTags(st, 'JAVA_TOOL_OPTIONS', props.map((a) => a.replace(/^-DsocksProxyHost=/, '-Dsocks.proxyHost=')).join(' '), true, ctx.cwd);
      // (-Dorg.gradle.jvmargs=ARGS are the build daemon's own JVM options: a proxy or an agent there is one for every
      // build, judged as JAVA_TOOL_OPTIONS, as gradle.properties' org.gradle.jvmargs is.)
      for (const a of args) {
        const jvm = /^-[DP]org\.gradle\.jvmargs=(.*)$/s.exec(a)?.[1];
        if (jvm) assignmentTags(st, 'JAVA_TOOL_OPTIONS', jvm.replace(/-DsocksProxyHost=/g, '-Dsocks.proxyHost='), true, ctx.cwd);
      }
    }
    // compgen -W LIST / complete -W LIST: bash expands the word list (its $(…), `…`, ${…}) when it completes — compgen at once.
    if (name === 'compgen' || name === 'complete') for (let k = 0; k < args.length; k++) if (args[k - 1] === '-W' && /[$`]/.test(args[k]!)) st.sub(`: ${args[k]}`, ctx.cwd, env);
    if (/^(npm|pnpm|yarn|npx)$/.test(name) && args.some((a, k) => (/^--node-options=/.test(a) ? a.slice(15) : args[k - 1] === '--node-options' ? a : '').match(/(^|\s)(-r|--require|--import|--loader)\b/))) {
      tag('loader-env', `${name} --node-options makes every node process it starts load other code`);
    }
    const git = st.gitAliases.size || st.gitRemotes.size || st.branch !== undefined ? withAliases(ctx.git, st.gitAliases, st.branch, st.gitRemotes) : ctx.git;
    const facts = analyzeArgv(argv, { ...ctx, env, git });
    facts.reads.push(...shownFiles);
    // ssh to this machine runs its remote command here, as the login user, from that user's home: judged as a line there
    // (ssh localhost 'rm -rf ~' deletes this machine's home — so do ssh 0, ssh [::] and ssh ip6-localhost; ssh to any other
    // host runs on that host, which is not judged).
    const remote = name === 'ssh' ? facts.notes.find((n) => n.startsWith('remote command: ')) : undefined;
    const targets = facts.hosts.filter((h) => h.role === 'target');
    if (remote !== undefined && targets.length > 0 && targets.every(isThisMachine)) st.sub(remote.slice('remote command: '.length), ctx.home, env);
    // A read that shows none of a secret's values — diff -q, cut -d= -f1 .env, openssl pkey -pubout, jq keys — is no read of it.
    // (Only for words the line wrote literally: grep "^${name}=" .env may select any line.)
    const literal = fc.argv.length === argv.length && fc.argv.every((w) => w.static);
    const valueFree = literal ? showsNoValue(name, args) ?? (keysOnly(argv, false, true) ? () => true : readsNamesOnly(argv, env.IFS, st.lineText) ? isDotenv : undefined) : undefined;
    // (…its stdin too: cut -d= -f1 < .env.)
    if (valueFree) facts.reads.splice(0, facts.reads.length, ...facts.reads.filter((p) => { const q = p === STDIN ? ctx.stdin : abs0(p); return q === undefined || !(isSecretPath(st, q, ctx) && valueFree(q)); }));
    // (grep -q/-c/-l prints no line, but its answer is a value's when the pattern reaches into one: grep -c '^API_KEY=sk-l' .env.)
    // (…or when the line computes it and it still goes on into a value: xargs -I{} sh -c 'grep -c "^{}=sk" .env'.)
    if (/^(grep|egrep|fgrep)$/.test(name)) for (const f of grepFiles(name, args) ?? []) if (f !== '-' && !facts.reads.includes(f) && isSecretPath(st, abs0(f), ctx) && (probesValue(args) || (literal && !valueFree?.(abs0(f))))) facts.reads.push(f);
    // A file named by an expansion the line's values do not settle (cat "$1" after set --, read f <<<, eval f=…, ${a[-1]},
    // ${X:+…}, $(basename …)) may be any file the line names: on a line that names a secret, it is that secret.
    // (…a word whose substitution's output the line knows is that text: cat $(echo .e)nv reads .env.)
    if (fc.argv.length === argv.length) for (const [k, w] of fc.argv.entries()) { const v = k > 0 && !w.static ? substitutedWord(fc, flat, info, k) : undefined; if (v !== undefined && facts.reads.includes(w.value) && isSecretPath(st, abs0(v), ctx)) facts.reads.push(v); }
    // (Not a process substitution: <(…) is a pipe of what its commands print, judged with them.)
    const unsettled = fc.argv.filter((w) => !w.static && /\$/.test(w.value) && !/^[<>]\(/.test(w.raw)).map((w) => w.value);
    if (facts.reads.some((p) => /\$(?!(XARGS_INPUT|FIND_ROOT|__computed)\b)/.test(p) && unsettled.some((v) => p.includes(v)))) {
      const named = secretNamedIn(st.lineText, (p) => isSecretPath(st, abs0(p), ctx));
      if (named !== undefined) facts.reads.push(named);
    }
    // (…and a value the line gave a case attribute — declare -l f=.ENV — is read as bash stores it.)
    if (/(^|[\s;&|(])(declare|typeset|local)\s+(-\w+\s+)*-[a-zA-Z]*[lu]/.test(st.lineText)) {
      for (const p of [...facts.reads]) for (const q of [p.toLowerCase(), p.toUpperCase()]) if (q !== p && isSecretPath(st, abs0(q), ctx)) facts.reads.push(q);
    }
    let treeSecret: string | undefined;
    let stashShown = false;
    // A worktree the line added holds no work of anyone's: removing it by force discards only what the line made there.
    if (name === 'git' && facts.subcommand === 'worktree') {
      const w = args.slice(args.indexOf('worktree') + 1);
      const path = w.slice(1).find((a, k, all) => !a.startsWith('-') && !/^(-b|-B|--reason)$/.test(all[k - 1] ?? ''));
      // (An add that fails on an existing path — someone's worktree — leaves it theirs: only a fresh mktemp directory,
      // or a remove that runs only if the add succeeded (joined by &&, or under set -e), counts. Paths are resolved where git -C puts them.)
      const at = args.slice(0, args.indexOf('worktree')).reduce((d, a, k, all) => (all[k - 1] === '-C' ? posix.resolve(d, a) : d), ctx.cwd);
      const where = path === undefined ? '' : posix.resolve(at, path);
      if (path !== undefined && w[0] === 'add') st.written.add(where);
      else if (path !== undefined && w[0] === 'remove' && st.written.has(where)) {
        const text = st.lineText.replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, "''");
        const from = text.indexOf('worktree add');
        const between = text.slice(from, text.lastIndexOf('worktree remove'));
        // (Under errexit a failed add stops the line — unless the add is tested: ||, if, !, or errexit is turned off.)
        const errexit = /(^|[\s;])set\s+(-[a-z]*e|-o\s+errexit)/.test(text.slice(0, from)) && !/\bset\s+(\+[a-z]*e|\+o\s+errexit)/.test(text);
        const tested = /\|\||\bif\s|\buntil\s|\bwhile\s|!\s/.test(text.slice(Math.max(0, from - 12), text.lastIndexOf('worktree remove')));
        const chained = from >= 0 && !tested && (!/;|\n|(^|[^&])&(?!&)/.test(between) || errexit);
        if (/rampart-mktemp/.test(where) || chained) facts.tags.delete('discard-changes');
      }
    }
    // `git diff | git apply -R`: the working tree's own changes applied in reverse — discarded.
    if (name === 'git' && facts.subcommand === 'apply' && args.some((a) => a === '-R' || a === '--reverse' || /^-[a-zA-Z]*R/.test(a)) && !args.some((a) => /^--(cached|check|stat|numstat|summary)$/.test(a))) {
      const fromDiff = fc.stdinFrom.some((up) => info[up]?.name === 'git' && /^(diff)$/.test(info[up]!.argv.slice(1).find((a) => !a.startsWith('-')) ?? '') && !info[up]!.argv.some((a) => /^--(cached|staged)$/.test(a)));
      if (fromDiff) {
        facts.tags.add('discard-changes');
        facts.notes.push('git apply -R of the working tree\'s own diff reverts its uncommitted changes');
      }
    }
    // A list file an option names (wc --files0-from F, file -f F, diff --to-file=F) is read and shown, whatever the program.
    for (const v of listFiles(name, args)) if (isSecretPath(st, v, ctx) || (realOf(st, abs0(v)) !== undefined && isSecretPath(st, realOf(st, abs0(v))!, ctx))) facts.reads.push(v);
    // A program without a model may print any file it is given (fmt .env, pr, python3 -m json.tool):
    // a secret among its operands is read, and what it prints carries it.
    if ((!ANALYZERS[name] || languageOf(name)) && !NO_CONTENT.has(name) && !isShell(name) && !unwrap(name, args)) {
      // (An env file given to load — --env-file=.env — is loaded, not printed; an interpreter's inline code is not a path.
      // `@FILE` and `name=@FILE` are how many tools take a file's content: FILE is the operand.)
      const lang0 = languageOf(name);
      const codeAt = lang0 ? ((c) => c.indexes ?? (c.index === undefined ? [] : [c.index]))(inlineCodeOf(lang0, args)) : [];
      // (Nor is a key or kubeconfig handed over to authenticate with — --kubeconfig, --private-key —
      // which DESIGN allows, as ssh -i.)
      const auth = /^--(kubeconfig|private-key|key-file|keyfile|identity-file|ssh-key|ssh-private-key|client-key|tls-key|tlskey|ssl-key|sslkey)$/;
      // (Nor a pattern an option names to leave out — --exclude='id_*' — and a list of patterns is its
      // patterns: --ignores='@types/*,eslint-*' names no file `*,eslint-*`.)
      // (Options known to take a pattern as their value; --ignore-all-space takes none.)
      const leftOut = (a: string, k: number) => /[*?[]/.test(a) && /^--?(exclude|excludes|exclude-dir|exclude-pattern|ignores|ignore-pattern|ignore-path|ignore-glob|skip-glob)$/i.test(/^-/.test(a) ? a.replace(/=.*$/s, '') : args[k - 1] ?? '');
      // (…an age identity, -i KEY, is used as ssh -i is; what age's -o/--output names is written, not shown.)
      // (…nor zip's -x/-i patterns.)
      const zipPatternAt = name === 'zip' ? new Set(zipPatterns(args).keys()) : new Set<number>();
      const used = (k: number) => zipPatternAt.has(k) || (/^(age|rage|age-keygen)$/.test(name) && /^(-i|--identity|-o|--output)$/.test(args[k - 1] ?? ''));
      const named = args.filter((a, k) => !codeAt.includes(k) && !/^--env-file(=|$)/.test(a) && args[k - 1] !== '--env-file' && !auth.test(args[k - 1] ?? '') && !auth.test(a.replace(/=.*$/s, '')) && !leftOut(a, k) && !used(k)).map((a) => /^--?[\w-]+=(.+)$/.exec(a)?.[1] ?? a)
        .flatMap((a) => (/[*?]/.test(a) && a.includes(',') && !/[{[]/.test(a) ? a.split(',') : [a])).map((a) => a.replace(/^(?:[\w.-]+=)?@(?=[~./\w])/, '')).filter((a) => !a.startsWith('-') && !a.includes('://') && !/[\n()'"]/.test(a) && (!/\s/.test(a) || /^(~|\.{0,2})\/[^\s]*\/|^\//.test(a)));
      for (const a of named) if (isSecretPath(st, a, ctx) || realOf(st, abs0(a)) !== undefined && isSecretPath(st, realOf(st, abs0(a))!, ctx)) facts.reads.push(a);
      // split/csplit write the pieces under a prefix (x, or the operand after the input).
      if ((name === 'split' || name === 'csplit') && facts.reads.length) {
        const ops = args.filter((a, k) => !a.startsWith('-') && !/^-[bnlCaf]$|^--(bytes|lines|number|line-bytes|suffix-length|prefix|filter)$/.test(args[k - 1] ?? ''));
        const prefix = (name === 'split' ? ops[1] : args[args.indexOf('-f') + 1]) ?? 'xx';
        const secret = realOf(st, abs0(facts.reads[0]!)) ?? abs0(facts.reads[0]!);
        for (const sfx of ['aa', 'ab', 'ac', 'ad', '00', '01', '02', '03']) st.tainted.set(abs0(prefix + sfx), secret);
      }
      // (…and a piece that lands on a protected path — csplit -f ~/.bash -b 'rc%.0d' makes ~/.bashrc, split
      // --additional-suffix=.pth into site-packages a start-up hook — is that write, whatever the prefix is.)
      for (const piece of splitPieces(name, args)) {
        const probe = newFacts('<probe>');
        probe.writes.push(piece);
        const classes = judgeFacts(st.policy, probe, [], { ...ctx, stdin: undefined, stdout: undefined }).pathClasses.writes;
        if (classes.has('protected') || classes.has('home_credential')) facts.writes.push(piece);
      }
    }
    // A program may write any file it is given (patch F, uniq IN OUT, xxd -r IN OUT, gpg --output F): a protected path there (an rc file, ~/.ssh, .git/hooks, Rampart's state) is
    // something Rampart cannot show it leaves alone, unless it has a model of the program or the
    // program only shows or filters its operands (then only an output option, or uniq's and
    // xxd's second operand, is written).
    if (!NO_CONTENT.has(name) && !isShell(name) && !languageOf(name)) {
      // (What follows `--` in kubectl/oc/lxc exec is the container's command and its paths, judged as that command.)
      const own = elsewhere(name, args)?.own ?? args;
      const named = own.map((a) => /^--?[\w-]+=(.+)$/.exec(a)?.[1] ?? a).filter((a) => !a.startsWith('-') && !a.includes('://'));
      // (uniq's -f/-s/-w and xxd's -c/-g/-l/-s take a value: not an operand.)
      const ops = args.filter((a, k) => !a.startsWith('-') && !/^(-c|--command|-o|--output)$/.test(args[k - 1] ?? '') && !(name === 'uniq' && /^(-f|-s|-w)$/.test(args[k - 1] ?? '')) && !(name === 'xxd' && /^(-c|-g|-l|-s|-o|-cols|-len|-seek|-groupsize)$/.test(args[k - 1] ?? '')));
      // (Also the files and directories any tool writes its log, report, trace or history to: pip --log F, npm --logs-dir D.)
      // (…and the directories it fills: caches, prefixes, targets, destinations — npm --cache D, pip download -d D,
      // go test -coverprofile F, mvn -Dmaven.repo.local=D, buildx --output type=local,dest=D.)
      // (Names compared without case, dashes or underscores: --outputDir, --output_dir, -outputdir, --out-dir are one name.)
      const OUT = /^(?:output|outputfile|outfile|out|log|logfile|report|reportfile|trace|tracefile|historyfile|dumpfile|saveto|pidfile|coverprofile|cpuprofile|memprofile|blockprofile|mutexprofile|archive)$/;
      const OUT_DIR = /^(?:cache|cachedir|cachefolder|cachelocation|prefix|targetdir|dest|destination|destdir|downloaddir|wheeldir|outdir|outputdir|outputdirectory|builddir|logsdir|logdir|reportsdir|reportsdirectory|installdir|rootdir|src|tooldir|untardir|repositorycache|separategitdir|basetemp|cachedirectory)$/;
      const SHORT_DIR: Record<string, RegExp> = { pip: /^-[dw]$/, pip3: /^-[dw]$/, helm: /^-d$/, cmake: /^-B$/, gem: /^-[ni]$/ };
      // (A tool's own directory options by their long name: gem unpack --target D, gem install --bindir D — and gem's -n/-i above, its
      // short --bindir/--install-dir.)
      const TOOL_DIR: Record<string, RegExp> = { gem: /^(target|bindir|install-dir)$/ };
      const norm = (o: string) => o.toLowerCase().replace(/[-_]/g, '');
      // (A dotted name is read by its parts: --outputFile.json is an output file, --coverage.reportsDirectory a directory.)
      const kind = (o: string): 'file' | 'dir' | undefined => {
        for (const part of o.split('.')) {
          const n = norm(part);
          if (OUT_DIR.test(n) || (/dir$/.test(n) && OUT.test(n.replace(/dir$/, '')))) return 'dir';
          if (OUT.test(n) || /^(iid|cid|pid|log|out|output|dump|report|trace|history|metadata|results?|junit|coverage|save|write|stats|timing|sarif|jsonout|htmlout)file$|^(tee|rdb|dump)$/.test(n)) return 'file';
        }
        return undefined;
      };
      const under = (v: string) => `${v.replace(/\/+$/, '')}/-log-`;
      // (A directory option names what it fills: a file below it.)
      const outputs = args.flatMap((a, k) => {
        const prev = args[k - 1] ?? '';
        // (Attached short values: pip download -d/path, cmake -B/path, go build -o=/path.)
        const shortAttached = /^-[a-zA-Z][/~.=]/.test(a) && !a.startsWith('--') && (SHORT_DIR[name]?.test(a.slice(0, 2)) || a.startsWith('-o=') || a.startsWith('-o/')) ? a.slice(2).replace(/^=/, '') : undefined;
        if (shortAttached !== undefined) return [a.startsWith('-o') ? shortAttached : under(shortAttached)];
        const opt = /^--?[\w.-]+=/.test(a) ? a.slice(a.startsWith('--') ? 2 : 1, a.indexOf('=')) : /^--?[a-z][\w.-]+$/i.test(prev) ? prev.replace(/^--?/, '') : prev === '-o' ? 'output' : SHORT_DIR[name]?.test(prev) ? 'dest' : undefined;
        const v = /^--?[\w.-]+=/.test(a) ? a.slice(a.indexOf('=') + 1) : a;
        // (-Dprop=DIR, attached or as the next word: mvn -D maven.repo.local=DIR; pytest -o cache_dir=DIR.)
        const prop = /^-D([\w.-]+)=(.+)$/.exec(a) ?? (/^(-D|-o|--override-ini)$/.test(prev) ? /^([\w.-]+)=(.+)$/.exec(a) : null) ?? /^--override-ini=([\w.-]+)=(.+)$/.exec(a);
        const propKey = prop?.[1] ?? '';
        const propVal = prop?.[2] ?? '';
        if (prop && /(repo\.local|\.dir|directory|\.home|output|cache|_dir|basetemp)$/i.test(propKey)) return [under(propVal)];
        // (An exporter's dest=: a file for tar/oci/docker types, a directory for local; in --output, --cache-to or bake's --set.)
        const dest = opt !== undefined && /^(output|o|cache-to|set)$/.test(opt) || /(^|\.)output=/.test(v) ? /(?:^|,|output=)dest=([^,]+)/.exec(v)?.[1] : undefined;
        if (dest) return [/(^|,|=)type=(tar|oci|docker)(,|$)/.test(v) ? dest : under(dest)];
        // (A coverage report's TYPE:PATH is a directory for html, a file otherwise.)
        if (opt === 'cov-report') { const m = /^([a-z-]+):(.+)$/.exec(v); return m ? [/^html|annotate/.test(m[1]!) ? under(m[2]!) : m[2]!] : []; }
        const k2 = opt === undefined ? undefined : TOOL_DIR[name]?.test(opt) ? 'dir' : kind(opt);
        return k2 === 'dir' ? [under(v)] : k2 === 'file' ? [v.replace(/^[a-z-]+:(?=[/~.])/, '')] : [];
      });
      // (uv venv PATH makes the environment at PATH.)
      if (name === 'uv' && args[0] === 'venv') outputs.push(...args.slice(1).filter((a, k, xs) => !a.startsWith('-') && !/^(-p|--python|--prompt|--index-url|--seed)$/.test(xs[k - 1] ?? '')).slice(0, 1).map(under));
      // Directory settings a tool keeps for later runs (npm config set cache D, pip config set global.target D,
      // yarn config set cacheFolder D, go env -w GOBIN=D): every later run fills D.
      // (Options may stand between: npm config set -L user cache D, pnpm config -g set …, pip config --user set …;
      // poetry config KEY VALUE has no verb.)
      const cfgAt = args.indexOf('config');
      const afterCfg = cfgAt < 0 ? [] : args.slice(cfgAt + 1).filter((a, k, xs) => !a.startsWith('-') && !/^(-L|--location|--site|--editor)$/.test(xs[k - 1] ?? ''));
      const setAt = name === 'go' ? args.findIndex((a, k) => a === '-w' && args[k - 1] === 'env')
        : afterCfg[0] === 'set' ? args.indexOf('set', cfgAt)
          : name === 'poetry' && afterCfg.length >= 2 && !args.some((a) => /^--(list|unset)$/.test(a)) ? cfgAt : -1;
      if (setAt >= 0 && /^(npm|pnpm|yarn|pip|pip3|uv|poetry|go|bundle|gem)$/.test(name)) {
        const pairs = args.slice(setAt + 1).filter((a, k, xs) => (!a.startsWith('-') || a.includes('=')) && !/^(-L|--location)$/.test(xs[k - 1] ?? '') && !/^--[\w-]+=/.test(a));
        const kv = pairs.flatMap((a, k) => (a.includes('=') ? [a.split(/=(.*)/s).slice(0, 2) as [string, string]] : k === 0 && pairs[1] !== undefined ? [[a, pairs[1]] as [string, string]] : []));
        // (A log file's setting names the file; a source, destination or environment directory fills it.)
        for (const [key, val] of kv) if (/cache|prefix|target|dir|folder|path|bin|home|root|store|src|dest|log|venv|virtualenv/i.test(key) && !isDefaultDir(key, val, ctx.home)) outputs.push(/(^|\.)log(-?file)?$/i.test(key) ? val : `${val.replace(/\/+$/, '')}/-log-`);
      }
      const given = name === 'uniq' || name === 'xxd' ? [...outputs, ...ops.slice(1, 2)]
        : VIEWERS.has(name) || FILTERS.has(name) || (ANALYZERS[name] && !languageOf(name)) || unwrap(name, args) ? outputs
        : named;
      // (Patterns — find's matches, globs — may match anything; only paths as written count here.)
      const hit = given.map((a) => a.replace(/^[A-Z]+:/, '').replace(/,.*$/, '')).filter((a) => !/[*?[]|\{\}/.test(a)).find((a) => isProtectedPath(st, a, ctx));
      if (hit) tag('unmodelled-protected', `${name} is given ${hit}, a protected path, and Rampart has no model of what ${name} does to it`);
      // What an output, log or directory option names is written: into a credential's or a protected directory, that is the write it is.
      for (const o of outputs.filter((a) => !/[*?[]|\{\}/.test(a))) {
        const probe = newFacts('<probe>');
        probe.writes.push(o);
        const classes = judgeFacts(st.policy, probe, [], { ...ctx, stdin: undefined, stdout: undefined }).pathClasses.writes;
        // (…and one where tools run programs or load code from — an --outfile in node_modules/.bin, a -o in .venv/bin — is
        // a program planted there: judged where the line's writes are.)
        if (classes.has('protected') || classes.has('home_credential') || runPlace(resolvePath(o, ctx)) !== undefined) facts.writes.push(o);
      }
    }
    // Command strings the tool hands to a shell (npx -c, ssh ProxyCommand, nc -e, find -exec, git ! aliases).
    // (npx's and npm exec's program reads the line's stdin: npx zx <<< 'await $`…`'.)
    // (docker compose run|exec SERVICE CMD: CMD runs with the environment compose gives the service — the project's .env
    // (or --env-file) put into the compose file, its env_file: loaded — as after `. ./.env`, for CMD only: env, printenv or
    // a one-liner dumping its environment there print it.)
    const loads = composeLoads(st, name, args, ctx, /^(run|exec)$/);
    const sourcedBefore = st.sourcedSecret;
    if (loads !== undefined) st.sourcedSecret ??= loads;
    // (…with what earlier commands of the line set up there: volumes, disks, mounts, compose files it wrote; see LineGiven.)
    const given: LineGiven = {
      setup: st.containers,
      written: (f) => {
        if (f === '-') return stdinText !== undefined ? { text: stdinText, dir: ctx.cwd } : undefined;
        const abs = resolvePath(f, ctx);
        const text = st.scripts.get(abs);
        return text !== undefined ? { text, dir: posix.dirname(abs) } : undefined;
      },
      ...(typeof env.COMPOSE_FILE === 'string' ? { composeFile: env.COMPOSE_FILE } : {}),
    };
    // (What a command run in a container deletes or writes is judged against the mounts the judge cannot see there: the
    // nested lines — docker's own runs, and those below — carry it; see container-deletes.ts.)
    const inside = elsewhere(name, args, given);
    const outer = st.inside;
    if (inside) st.inside = inside;
    for (const r of facts.runs) subPrinting(stdinText !== undefined && /^(npm|npx)$/.test(name) ? `{ ${r}\n} <<< ${quote(stdinText.replace(/\0/g, '\n'))}` : r, ctx.cwd, env);
    if (loads !== undefined) st.sourcedSecret = sourcedBefore;
    if (/^(npm|pnpm|bun)$/.test(name)) lifecycleScripts(st, args, ctx.cwd);
    configSetSettings(st, name, args, ctx.cwd);
    // A program without a model is judged by what it is given: the command after it, command strings.
    const oc = operandCommands(name, args, env);
    // A command run in a pod, a VM or a container (kubectl exec, lxc exec, systemd-nspawn -D …) is judged with its paths
    // mapped to where they are on this machine (elsewhere.ts); its words are no command run here. (docker and podman
    // are their analyzer's.)
    const there = ANALYZERS[name] ? undefined : inside;
    if (there) {
      for (const l of elsewhereLines(there, hostResolver(ctx), ctx.home)) st.sub(l, ctx.cwd, env);
      oc.strings = [];
    }
    // (docker's analyzer judged its command with the run's own options; what the line set up may add mounts or the machine.)
    const setUp = ANALYZERS[name] ? inside : undefined;
    if (setUp) {
      for (const l of elsewhereLines(setUp, hostResolver(ctx), ctx.home)) if (!facts.runs.includes(l)) st.sub(l, ctx.cwd, env);
    }
    // (A shell there given no command text reads its script from the line's stdin: docker exec -i c sh <<'EOF' … is that text run there.)
    const script = inside && stdinText !== undefined ? stdinScript(inside.command) : undefined;
    if (inside && script) for (const l of elsewhereLines({ ...inside, command: [...script, stdinText!] }, hostResolver(ctx), ctx.home)) st.sub(l, ctx.cwd, env);
    st.inside = outer;
    // (…and one that hands the container the machine — a disk of / added to it, a volume bound to the docker socket, a
    // privileged compose service the line wrote — is the machine's, as docker run --privileged is.)
    const reach = (there ?? setUp)?.hostReach;
    if (reach && !elsewhere(name, args)?.hostReach) {
      facts.tags.add('host-control');
      facts.notes.push(`the container ${reach}: it controls the machine, not only the project`);
    }
    // (A container started with a name keeps its mounts: a later docker exec NAME … reaches them.)
    const own = setUp?.mountsKnown ? setUp.own : [];
    const nameAt = own.findIndex((a) => a === '--name' || a.startsWith('--name='));
    const started = nameAt < 0 ? undefined : own[nameAt]!.startsWith('--name=') ? own[nameAt]!.slice(7) : own[nameAt + 1];
    if (started !== undefined) st.containers.instances.set(started, setUp!.mounts.filter((m) => !m.standing));
    // A writable bind mount of a protected path — a start-up file, ~/.ssh, Rampart's state, the agent's settings, or a
    // directory holding one (HOME, the project's parent) — handed to code Rampart does not read in the container (the
    // image's own program, a glob of files given to its entrypoint, a computed command) may be changed there: asked.
    // (The project's own tree is the container's work as ever, scratch below /tmp too; a read-only mount changes nothing.)
    for (const m of inside ? unreadWritableMounts(inside) : []) {
      const src = hostResolver(ctx)(m.source);
      if (/[$`]/.test(src) || src === ctx.projectRoot || src.startsWith(`${ctx.projectRoot}/`)) continue;
      const probe = newFacts('<probe>');
      probe.tags.add('recursive');
      probe.writes.push(src);
      const classes = judgeFacts(st.policy, probe, [], { ...ctx, stdin: undefined, stdout: undefined }).pathClasses.writes;
      if (classes.has('protected') || classes.has('home_credential')) {
        tag('unmodelled-protected', `${name} mounts ${m.source} writable into a container whose program Rampart does not read: it may change what is there`);
        break;
      }
    }
    // (…with a substitution whose output the line knows put in: -var "cmd=$(echo … | base64 -d)".)
    const known = fc.argv.length === argv.length ? fc.argv.slice(1).map((_, k) => substitutedWord(fc, flat, info, k + 1)) : [];
    if (known.some((w) => w !== undefined)) for (const s of operandCommands(name, args.map((a, k) => known[k] ?? a), env).strings) if (!oc.strings.includes(s)) oc.strings.push(s);
    // (What the wrapper reads on stdin, the command after it reads: uv run python - <<EOF.)
    if (oc.suffix && !there && !isShell(name) && !languageOf(name)) {
      st.sub(withStdin(oc.suffix.map(quote).join(' '), oc.runs ? stdinText : undefined), oc.cwd !== undefined ? (/[$`]/.test(oc.cwd) ? UNKNOWN_CWD : resolvePath(oc.cwd, ctx)) : ctx.cwd, env);
      // A shell or interpreter after it with no script named reads its code from that stdin (curl … | poetry run python -).
      const [head = '', ...rest] = oc.suffix;
      const operand = rest.find((a) => !a.startsWith('-'));
      if (oc.runs && (isShell(posix.basename(head)) || languageOf(posix.basename(head))) && !rest.some((a) => /^-[a-zA-Z]*[ceEp]$|^--(eval|print|command)(=|$)/.test(a)) && (operand === undefined || STDIN_PATH.test(operand))) rec.interpreterReadsStdin = true;
    }
    // docker compose config prints the compose file with the values of its env files put in (--env-file, else the
    // project's .env): that file is read. (Not the lists of names it prints with --services, --volumes …, nor --quiet.)
    // (compose convert is config by its other name.)
    if (!args.some((a) => /^(--(services|volumes|profiles|images|hash|no-interpolate|quiet|networks|variables)|-q)$/.test(a))) {
      const read = composeLoads(st, name, args, ctx, /^(config|convert)$/);
      if (read !== undefined) facts.reads.push(read);
    }
    // mongosh/mongo --eval CODE runs JavaScript with node's require: judged as node's one-liner is.
    if (/^(mongosh|mongo)$/.test(name)) for (const [k, a] of args.entries()) { const code = args[k - 1] === '--eval' ? a : a.startsWith('--eval=') ? a.slice(7) : undefined; if (code !== undefined) st.sub(`node -e ${quote(code)}`, ctx.cwd, env); }
    // terraform console evaluates what it reads: file(F), filebase64(F), templatefile(F, …) print F (F may be spelled
    // through pathexpand() or abspath()).
    if (/^(terraform|tofu)$/.test(name) && args.includes('console') && stdinText !== undefined) for (const m of stdinText.matchAll(/\b(?:file|filebase64|templatefile|filesha\d*|filemd5)\s*\(\s*(?:(?:pathexpand|abspath)\s*\(\s*)*"([^"]+)"/g)) st.sub(`cat ${quote(m[1]!)}`, ctx.cwd, env);
    // GNU tar puts TAR_OPTIONS' words before the command line's (tar.c prepend_default_options): TAR_OPTIONS='-C ~/.ssh' tar -xf a.tar
    // extracts into ~/.ssh. Judged with them, as the line tar runs.
    if ((name === 'tar' || name === 'gtar') && env.TAR_OPTIONS) {
      const rest = Object.fromEntries(Object.entries(env).filter(([k]) => k !== 'TAR_OPTIONS'));
      st.sub(`${name} ${env.TAR_OPTIONS} ${args.map(quote).join(' ')}`, ctx.cwd, rest);
    }
    // TF_CLI_ARGS and TF_CLI_ARGS_<command> are more of terraform's arguments: judged with the ones written.
    if (/^(terraform|tofu)$/.test(name)) {
      const verb = args.find((a) => !a.startsWith('-'));
      const extra = [env.TF_CLI_ARGS, verb !== undefined ? env[`TF_CLI_ARGS_${verb}`] : undefined].filter((v): v is string => v !== undefined && v !== '');
      if (extra.length) {
        const rest = Object.fromEntries(Object.entries(env).filter(([k]) => !k.startsWith('TF_CLI_ARGS')));
        st.sub(`${name} ${args.map(quote).join(' ')} ${extra.map(quote).join(' ')}`, ctx.cwd, rest);
      }
    }
    // A database dropped from inside a pod is the cluster's database, not a local one.
    if (/^(kubectl|oc)$/.test(name) && oc.suffix) {
      const text = oc.suffix.join(' ');
      const client = /(?:^|[\s/'"])(psql|mysql|mariadb|mongosh|mongo|redis-cli|valkey-cli|cockroach|clickhouse-client|sqlcmd|dropdb|mysqladmin)\b/.exec(text)?.[1];
      if (client !== undefined && (dropsDatabase(`${text}\n${stdinText ?? ''}`) || /^(dropdb)$/.test(client) || (client === 'mysqladmin' && /\bdrop\b/.test(text)) || /\btruncate\s+(table\s+)?\w/i.test(text))) tag('destroys-outside', `${name} exec runs ${client} in a pod to drop a database of the cluster`);
    }
    // A credential the local shell expanded into the pod's command goes to the cluster.
    if (/^(kubectl|oc)$/.test(name) && oc.suffix && substitutedSecret) {
      const sent = newFacts(name);
      sent.sends.push(substitutedSecret);
      st.out.push(judgeFacts(st.policy, sent, argv, { ...ctx, env }));
    }
    // (A shell's own -c string was judged above, with its $0, $1 … filled in.)
    for (const s of oc.strings) if (!(isShell(name) && (s === shellCommandString(args, name) || (!FOREIGN_SHELLS.has(name) && shellNoexec(args))))) st.sub(s, ctx.cwd, env);
    // Options and variables through which the tool runs shell text (tar --to-command, vim -c '!…').
    const co = commandOptions(name, args, env, stdinText, scriptText, editorOk);
    // (emacs --chdir DIR runs its commands in DIR.)
    const toolDir = /^emacs(client)?$/.test(name) ? args.map((a, k) => (args[k - 1] === '--chdir' ? a : a.startsWith('--chdir=') ? a.slice(8) : undefined)).filter((x) => x !== undefined).at(-1) : undefined;
    for (const l of co.lines) {
      st.sub(l, toolDir !== undefined ? resolvePath(toolDir, ctx) : ctx.cwd, env);
      // A bare shell or interpreter (tar --to-command=bash): the data it is fed becomes code.
      const head = l.trim().split(/\s+/);
      if (head.length === 1 && (isShell(posix.basename(head[0]!)) || languageOf(posix.basename(head[0]!)))) tag('pipe-to-shell', `${name} feeds data to ${head[0]} as code`);
    }
    // A Dockerfile's RUN lines run in the image being built: its file system is its own (the image
    // root is that build's "project": apt caches, /etc, /usr are its to change), its network is this
    // machine's — hosts, secrets copied in from here, downloads run there are judged as ever.
    for (const l of co.container) st.subIn(l, { ...ctx, cwd: '/', projectRoot: '/', home: '/root', rampartHome: '/nonexistent/.rampart', shimsDir: undefined, env: {}, stdin: undefined, stdout: undefined });
    // Options that empty their directory before filling it (pytest --basetemp, vite --outDir with --emptyOutDir,
    // mkdocs build -d/--site-dir, sphinx-build -E's output is kept): judged as deleting what is in it, as rm -rf does.
    {
      // (…as the tool reads its options: pytest's from PYTEST_ADDOPTS and -o addopts= too; vite's in either case;
      // short values attached, -d/path. Also hugo --cleanDestinationDir, jekyll build -d, mkdocs gh-deploy -d,
      // cargo clean of CARGO_TARGET_DIR, sphinx-build -M clean.)
      // (pytest by its versioned names too — pytest-3; and the runners that hand what follows -- to it: tox, nox, hatch test.)
      const pytest = /^(pytest|py\.test)(-?[\d.]+)?$/.test(name) || args.includes('pytest') || (/^(tox|nox|hatch)$/.test(name) && (args.includes('--') || env.PYTEST_ADDOPTS !== undefined));
      const all = [...args, ...(pytest ? [...(env.PYTEST_ADDOPTS ?? '').split(/\s+/), ...args.flatMap((a, k) => (/^(-o|--override-ini)$/.test(args[k - 1] ?? '') && a.startsWith('addopts=') ? a.slice(8).split(/\s+/) : /^(--override-ini=|-o)addopts=/.test(a) ? a.replace(/^(--override-ini=|-o)addopts=/, '').split(/\s+/) : []))] : [])].filter(Boolean);
      const valueOf = (re: RegExp) => all.map((a, k) => (re.test(all[k - 1] ?? '') ? a : undefined)).concat(all.map((a) => { const m = /^(--?[\w-]+)=(.*)$/s.exec(a) ?? /^(-[a-zA-Z])([/~.].*)$/s.exec(a); return m && re.test(m[1]!) ? m[2] : undefined; })).filter((x): x is string => x !== undefined).at(-1);
      const emptied = pytest && (/^(pytest|py\.test)/.test(name) || /^(tox|nox|hatch)$/.test(name) || languageOf(name)) ? valueOf(/^--basetemp$/)
        : /^(vite|vitest)$/.test(name) && all.some((a) => /^--(emptyOutDir|empty-out-dir)(=true)?$/.test(a)) ? valueOf(/^--(outDir|out-dir)$/)
          : name === 'mkdocs' && /^(build|gh-deploy)$/.test(args[0] ?? '') && !args.includes('--dirty') ? valueOf(/^(-d|--site-dir)$/)
            : name === 'hugo' && all.some((a) => /^--cleanDestinationDir(=true)?$/.test(a)) ? valueOf(/^(-d|--destination)$/) ?? env.HUGO_DESTINATION ?? env.HUGO_PUBLISHDIR ?? env.HUGO_PUBLISHDIRSTATIC
              // (webpack/rspack --output-clean, tsup --clean, ng build's default deleteOutputPath, docusaurus and vitepress build.)
              : /^(webpack|webpack-cli|rspack)$/.test(name) && all.some((a) => /^--output-clean(=true)?$/.test(a)) ? valueOf(/^(-o|--output-path)$/)
                : name === 'tsup' && all.some((a) => /^--clean(=true)?$/.test(a)) ? valueOf(/^(-d|--out-dir|--outDir)$/)
                  : (name === 'ng' && /^(build|b|run)$/.test(args[0] ?? '') || name === 'nx' && /^(build|run|run-many)$/.test(args[0] ?? '')) && !all.some((a) => /^--(delete-output-path|deleteOutputPath)=false$/.test(a)) ? valueOf(/^--(output-path|outputPath)$/)
                    // (vue-cli-service build --dest, react-scripts' BUILD_PATH, typedoc --out: emptied before they are filled.)
                    : name === 'vue-cli-service' && args[0] === 'build' && !all.includes('--no-clean') ? valueOf(/^(--dest|-d)$/)
                      : name === 'react-scripts' && args[0] === 'build' ? env.BUILD_PATH
                        : name === 'typedoc' && !all.some((a) => /^--cleanOutputDir(=false)?$/.test(a) && a.endsWith('false')) ? valueOf(/^(--out|-o)$/)
                    : /^(docusaurus|vitepress)$/.test(name) && /^build$/.test(args[0] ?? '') ? valueOf(/^(--out-dir|--outDir)$/)
              : name === 'jekyll' && /^(build|b|serve|s)$/.test(args[0] ?? '') ? valueOf(/^(-d|--destination)$/)
                // (mdbook's renderer clears its destination; zola build -o replaces an existing one with --force.)
                : name === 'mdbook' && /^(build|serve|watch)$/.test(args[0] ?? '') ? valueOf(/^(-d|--dest-dir)$/)
                  : name === 'zola' && args.includes('build') && args.some((a) => a === '--force' || /^-[a-zA-Z]*f$/.test(a)) ? valueOf(/^(-o|--output-dir)$/)
                : name === 'cargo' && args[0] === 'clean' && !args.some((a) => /^--target-dir/.test(a)) ? env.CARGO_TARGET_DIR ?? env.CARGO_BUILD_TARGET_DIR
                  : name === 'sphinx-build' && args[0] === '-M' && args[1] === 'clean' ? args.filter((a) => !a.startsWith('-')).at(2) : undefined;
      // (A value computed at run time is left to what the tool does with it: pytest --basetemp="$TMPDIR/pt".)
      if (emptied !== undefined && !/[$`]/.test(emptied)) judgeArgv(st, ['rm', '-rf', `${emptied.replace(/\/+$/, '')}/*`], ctx, [], undefined, fc, flat, info, { ...rec, writesFiles: [] });
    }
    // fd -x/-X CMD runs CMD on each match (or all of them), as find -exec does: judged as that find where fd can reach what
    // find would — dot files with -H/-u (fd -H . -x cat reads .env), or a root outside the project.
    // (…spelled in a cluster — fd -Hx cat — or with =: --exec=cat.)
    const FD_EXEC = /^(-[a-zA-Z]*[xX]|--exec|--exec-batch)$|^--exec(-batch)?=/;
    if ((name === 'fd' || name === 'fdfind') && args.some((a) => FD_EXEC.test(a))) {
      const at = args.findIndex((a) => FD_EXEC.test(a));
      const cmd = [...(/^--exec(-batch)?=/.test(args[at]!) ? [args[at]!.slice(args[at]!.indexOf('=') + 1)] : []), ...args.slice(at + 1)];
      if (cmd.includes(';')) cmd.splice(cmd.indexOf(';'));
      const own = [...args.slice(0, at), ...(/^-[a-zA-Z]*[xX]$/.test(args[at]!) && args[at]!.length > 2 ? [args[at]!.slice(0, -1)] : [])];
      const pos = own.filter((a, k) => !a.startsWith('-') && !/^(-e|--extension|-t|--type|-d|--max-depth|--min-depth|--exact-depth|-E|--exclude|-S|--size|--changed-within|--changed-before|-j|--threads|-c|--color|-o|--owner|--max-results|--ignore-file|--path-separator|--batch-size|--base-directory|--search-path)$/.test(own[k - 1] ?? ''));
      const hidden = own.some((a) => /^(--hidden|--unrestricted|--no-ignore)$/.test(a) || /^-[a-zA-Z]*[Hu]/.test(a) && !a.startsWith('--'));
      // (…in a cluster too: -He pem, -epem.)
      const exts = own.flatMap((a, k) => (/^(-[a-zA-Z]*e|--extension)$/.test(own[k - 1] ?? '') ? [a] : /^--extension=/.test(a) ? [a.slice(12)] : /^-e./.test(a) ? [a.slice(2)] : []));
      const glob = own.some((a) => a === '-g' || a === '--glob');
      const pattern = pos[0];
      const roots = [...pos.slice(1), ...own.flatMap((a, k) => (/^(--search-path|--base-directory)$/.test(own[k - 1] ?? '') ? [a] : []))];
      const matchesSecret = pattern === undefined || (glob ? ['.env', '.env.local', 'id_rsa'].some((n) => nameMatchesGlob(pattern, n)) : (() => { try { return ['.env', '.env.local', 'id_rsa', 'credentials'].some((n) => new RegExp(pattern).test(n)); } catch { return true; } })());
      const outside = roots.some((r) => { const a = abs0(r); return a !== ctx.projectRoot && !a.startsWith(`${ctx.projectRoot}/`); });
      // (An extension that keys have — pem, key — reaches them, dot-files or not; one that dotenv files have — local,
      // production — reaches .env.local once hidden files are searched.)
      const secretExt = exts.some((e) => /^\.?(pem|key|p12|pfx|kdbx|asc|gpg)$/.test(e) || (hidden && /^\.?(env|local|production|development|staging|test)$/.test(e)));
      // With no pattern (or one every name matches) and nothing narrowing the search, a deleting command removes every file
      // fd finds: the project's tree emptied of all but its dot-files, as rm -rf ./* (round 57's reading: ask).
      const narrowed = exts.length > 0 || own.some((a) => /^(-E|--exclude|-S|--size|--changed-within|--changed-before|--newer|--older|-g|--glob|-p|--full-path)(=|$)/.test(a));
      if (cmd.length && !narrowed && !outside && (pattern === undefined || /^(\.|\.\*|\^|)$/.test(pattern)) && /^(rm|shred|unlink|truncate)$/.test(posix.basename(cmd[0]!))) st.sub(`rm -rf ${(roots.length ? roots : ['.']).map((r) => `${quote(r.replace(/\/+$/, '') || '/')}/*`).join(' ')}`, ctx.cwd, env);
      if (cmd.length && ((hidden && matchesSecret) || outside || secretExt)) {
        const names = exts.length ? ` \\( ${exts.map((e) => `-name ${quote(`*.${e.replace(/^\./, '')}`)}`).join(' -o ')} \\)` : '';
        st.sub(`find ${(roots.length ? roots.map(abs0) : ['.']).map(quote).join(' ')}${names} -exec ${cmd.map((w) => (w === '{}' ? '{}' : quote(w))).join(' ')}${cmd.includes('{}') ? '' : ' {}'} +`, ctx.cwd, env);
      }
    }
    // An ansible ad-hoc module on this machine does what its arguments say: copy/template/fetch src= dest= copies, get_url
    // downloads, command/shell/raw run their text, file state=absent deletes. (Other hosts are the inventory's machines.)
    if (name === 'ansible') {
      const module = args.map((a, k) => (/^(-m|--module-name)$/.test(args[k - 1] ?? '') ? a : a.startsWith('--module-name=') ? a.slice(14) : /^-m./.test(a) ? a.slice(2) : undefined)).find((x) => x !== undefined)?.replace(/^ansible\.(builtin|posix)\./, '');
      const text = args.map((a, k) => (/^(-a|--args)$/.test(args[k - 1] ?? '') ? a : a.startsWith('--args=') ? a.slice(7) : /^-a./.test(a) ? a.slice(2) : undefined)).find((x) => x !== undefined);
      const host = args.find((a, k) => !a.startsWith('-') && !/^(-m|--module-name|-a|--args|-i|--inventory|-e|--extra-vars|-u|--user|-c|--connection|-f|--forks|-l|--limit|-M|--module-path|-t|--tree|-B|--background|-P|--poll|--become-user|--become-method|--private-key|--key-file|-T|--timeout|--vault-id|--vault-password-file)$/.test(args[k - 1] ?? ''));
      const local = /^(localhost|127\.0\.0\.1|::1)$/.test(host ?? '') || args.some((a, k) => a === '--connection=local' || (/^(-c|--connection)$/.test(args[k - 1] ?? '') && a === 'local'));
      if (module !== undefined && text !== undefined) {
        const kv = new Map([...text.matchAll(/([A-Za-z_]\w*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S+)/g)].map((m) => [m[1]!, m[2]!.replace(/^(["'])(.*)\1$/s, '$2')] as const));
        const src = kv.get('src');
        const dest = kv.get('dest') ?? kv.get('path');
        const lines: string[] = [];
        // (command's and shell's chdir= is where they run; argv=[…] spells the words.)
        const cd = /\bchdir=(\S+)/.exec(text)?.[1];
        const argvList = /\bargv=\[([^\]]*)\]/.exec(text)?.[1];
        const cmdText = argvList !== undefined ? [...argvList.matchAll(/"([^"]*)"|'([^']*)'/g)].map((x) => quote(x[1] ?? x[2]!)).join(' ') : text.replace(/\b(chdir|creates|removes|executable|argv|stdin|strip_empty_ends)=\S+/g, '');
        if (/^(command|shell|raw)$/.test(module) && local) lines.push(cd !== undefined ? `cd ${quote(cd).replace(/^'~(\/[^']*)?'$/, '~$1')} && ${cmdText}` : cmdText);
        if (/^(copy|template)$/.test(module) && src !== undefined && dest !== undefined && local) lines.push(`cp ${quote(src)} ${quote(dest)}`);
        if (module === 'fetch' && src !== undefined && dest !== undefined && local) lines.push(`cp ${quote(src)} ${quote(dest)}`);
        if (module === 'get_url' && kv.get('url') !== undefined && dest !== undefined && local) lines.push(`curl -o ${quote(dest)} ${quote(kv.get('url')!)}${/^0?[0-7]*[157][0-7]*$/.test(kv.get('mode') ?? '') ? ` && chmod +x ${quote(dest)}` : ''}`);
        if (module === 'file' && kv.get('state') === 'absent' && dest !== undefined && local) lines.push(`rm -rf ${quote(dest)}`);
        if (module === 'script' && local) lines.push(text);
        for (const l of lines) st.sub(l, ctx.cwd, env);
      }
      // (lookup('env', NAME) of a credential prints it, as printenv NAME does.)
      for (const m of args.join(' ').matchAll(/\blookup\s*\(\s*['"]env['"]\s*,\s*['"](\w+)['"]/g)) if (envCredentialOf(m[1]!, {}) !== undefined) st.sub(`printenv ${m[1]}`, ctx.cwd, env);
    }
    // vagrant ssh -c CMD (lando ssh -c, minikube ssh CMD, colima ssh -- CMD …) runs CMD in the tool's VM or container:
    // vm-shells.ts. A VM with a file system of its own is judged there, and the synced project (/vagrant, /app), which holds
    // the project's .env, here too; one that mounts this machine's home where it is, or one not known, here.
    const vm = vmShellCommand(name, args);
    if (vm) {
      const cmd = vm.line;
      // (The synced project is the project itself: a command naming it is judged here too, on the project's paths —
      // rm -rf /vagrant, cat /app/.env.)
      // (…and so is the home a tool shares elsewhere: lando's /user is ~, rm -rf /user/.ssh deletes ~/.ssh.)
      let here = cmd;
      for (const [inside, what] of Object.entries(vm.mounts ?? {})) {
        here = here.replace(new RegExp(`(^|[\\s'"=:;|&(<>@])${inside.replace(/\//g, '\\/')}(?=\\/|[\\s'";|&)<>]|$)`, 'g'), `$1${what === 'home' ? ctx.home : ctx.projectRoot}`);
      }
      if (here !== cmd) st.sub(here, ctx.cwd, env);
      if (vm.ownFs) st.subIn(cmd, { ...ctx, cwd: '/home/vagrant', projectRoot: '/', home: '/root', rampartHome: '/nonexistent/.rampart', shimsDir: undefined, env: {}, stdin: undefined, stdout: undefined });
      else st.sub(cmd, ctx.cwd, env);
    }
    for (const why of co.spawns) tag('interpreter-spawn', why);
    for (const why of co.unreadable) tag('interpreter-opaque', why);
    // Code files this line wrote that a runtime of their language loads without being named (a
    // json.py shadowing a module, conftest.py, setup.py, jest.config.js, a yarnPath .cjs): their code is judged.
    const runtime = RUNTIMES.find(([re]) => re.test(name));
    if (runtime) {
      for (const [p, text] of st.scripts) {
        if (!runtime[2].test(p) || st.codeJudged.has(p)) continue;
        st.codeJudged.add(p);
        judgeCodeIn(st, text, runtime[1], ctx, env, true);
      }
    }
    // A program started after this line wrote files with known text — a compiler, a task runner, a
    // dev server, a notebook executor, a program Rampart has no model of reading configuration
    // beside it (nodemon.json, Tiltfile, .gdbinit): it may load, build or run what they say. Every
    // command line those files hold (lines, literals, argument lists handed to a process API) is
    // judged once, with this line's state, and a deny among them stands (the rest is text to it).
    // (Tools that only show or transform text are not such programs.)
    if (!TEXT_PROGRAMS.has(name) && !NO_CONTENT.has(name) && !FILTERS.has(name)) {
      // (Makefiles are read as make reads them, where make runs: their variables are make's, not the shell's.)
      const texts: [string, string][] = [...st.scripts].filter(([p]) => !st.codeJudged.has(`text\0${p}`) && !/(^|\/)(GNUmakefile|[Mm]akefile|[\w.-]+\.mk)$/.test(p));
      // (…and the text edits put into files: sed -i's programs, a jq filter whose output replaced one.)
      for (const [p, text] of st.edits) if (!st.codeJudged.has(`text\0edit\0${p}`)) texts.push([`edit\0${p}`, text]);
      // (An interpreter's stdin is its code, judged as code in its language — print("rm -rf /") prints
      // — unless that code writes files: the command lines among its literals may be what it writes.)
      if (stdinText !== undefined && !isShell(name) && (!languageOf(name) || writesFiles(stdinText))) texts.push([`<stdin of ${name}>`, stdinText]);
      for (const [p, text] of texts) {
        st.codeJudged.add(`text\0${p}`);
        // (A shell script is judged whole, so its lines keep the variables its earlier lines set.)
        const script = /\.(sh|bash|zsh|ksh)$/.test(p) || /^#!\s*\S*\/(env\s+)?(ba|z|k|da)?sh\b/.test(text);
        // (An edit's quoted values are script bodies: a pipeline or list in one counts by any of its commands.)
        const edited = p.startsWith('edit\0') ? [...text.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2] ?? '').filter((v) => /\s(\|\|?|&&|;)\s/.test(v)) : [];
        for (const c of script ? [scriptRun(text, p, [])] : [...commandsInText(text), ...edited]) {
          const js = judgeLine(st.policy, c, { ...ctx, env }, st.depth + 1, st);
          if (decide(st.policy, st.policy.rules, js).decision === 'deny') st.out.push(...js);
        }
      }
    }
    // Build files in languages Rampart does not read (gradle, CMake, meson, bazel, compose, maven),
    // written in this line and then used by their tool: what they run is not understood.
    const unread = BUILD_FILES.find(([re]) => re.test(name) || (name === 'docker' && re.test(`docker-${args[0] ?? ''}`)));
    if (unread) {
      // (Only where the build file can start programs or fetch — exec, execute_process, commandLine,
      // custom commands, plugins that run, repositories by URL — is there anything not understood;
      // the command lines and URLs it names are judged with the line's other written files.)
      const hit = [...st.scripts.entries()].find(([p, text]) => posix.dirname(p) === ctx.cwd && unread[1].test(posix.basename(p)) && BUILD_ESCAPE.test(text))?.[0];
      if (hit) tag('interpreter-opaque', `${name} runs ${hit}, written in this line in a build language Rampart does not read, and it can start programs`);
    }
    // Destruction outside the project and this machine's files: cloud resources, clusters,
    // infrastructure, hosted repositories, volumes, whole databases, the machine's power and firewall.
    // (A program with no model at all: a delete verb among its first words.)
    // (Network and storage clients are modelled for where they connect, not for what they delete.)
    const unmodelled = !DB_CLIENTS.test(name) && (NET_CLIENTS[name] !== undefined || ANALYZERS[name] === ANALYZERS.mc || BACKUP_TOOLS.includes(name) || (!ANALYZERS[name] && !DATA_PROGRAMS.has(name) && !isShell(name) && !languageOf(name) && !unwrap(name, args) && !isCommandWord(name)));
    // (What runs in a container is judged there: the tool's own words are what it destroys here.)
    // (adb's command is judged for what it does to the device itself, too: it has no mounts of this machine.)
    const destroyed = destroys(name, there && name !== 'adb' ? there.own : args, env, unmodelled) ?? (DB_CLIENTS.test(name) && remoteDb(name === 'cqlsh' ? ['-h', args.find((a, k) => !a.startsWith('-') && !/^(-e|--execute|-f|--file|-u|--username|-p|--password|-k|--keyspace|--cqlshrc|--cqlversion|--encoding|--connect-timeout|--request-timeout)$/.test(args[k - 1] ?? '')) ?? 'localhost', ...args] : args, env) && dropsDatabase([...args, stdinText ?? ''].join('\n')) ? `${name} drops a whole database on another machine` : undefined);
    if (destroyed) tag('destroys-outside', destroyed);
    // A DELETE request to a server other than this machine deletes something hosted there (a
    // repository through api.github.com too); a local development server's data is the project's.
    if (facts.tags.has('http-delete') && facts.hosts.some((h) => h.role === 'target' && !isLocalEndpoint(h))) tag('destroys-outside', `${name} sends a DELETE request to a server other than this machine`);
    // composer's stored scripts run later in the line or the next session; its repositories are package sources.
    if (name === 'composer') {
      const cs = composerSettings(args);
      for (const r of cs.runs) st.sub(r, ctx.cwd, env);
      for (const u of cs.urls) addUrl(facts, u, 'registry', 'https');
    }
    const published = publishes(name, args);
    // (A help request, cargo publish --help, prints usage and publishes nothing.)
    if (published && !printsHelp(name, args, env)) tag('publishes', published);
    const login = logsIn(name, args, env);
    if (login) tag('account-login', login);
    const token = tokenHandOver(name, args, env);
    if (token) {
      // (The file stdin comes from — `< .env`, `cat ~/.ssh/id_rsa |` — is sent; a token piped from the environment,
      // echo "$GH_TOKEN" | …, is the session's own, as ruled.)
      if (token.stdin && ctx.stdin !== undefined && ctx.stdin !== ENVIRON) facts.sends.push(ctx.stdin);
      for (const h of token.hosts) addHost(facts, h, 'target', 'https');
      if (token.gitCredentials) facts.writes.push(`${ctx.home}/.git-credentials`);
    }
    // Code in a language Rampart does not read (dc, m4, gnuplot, TeX with -shell-escape, Erlang …):
    // a way to start programs in it asks; the command lines quoted in it are judged.
    const inlineCompiled = compiledInline(name, args);
    const unreadText = inlineCompiled ?? unreadCode(name, args, stdinText, scriptText);
    // (A program built from source the line wrote and given a secret's path as its argument — go run x.go .env — reads it.)
    if (unreadText !== undefined && COMPILED.test(name)) for (const a of args.slice(args.findIndex((x) => /\.(go|rs|java|c|swift|kt)$/.test(x)) + 1)) if (!a.startsWith('-') && isSecretPath(st, a, ctx)) facts.reads.push(a);
    if (unreadText !== undefined && COMPILED.test(name) && inlineCompiled === undefined && !replVerb(name, args)) {
      // (What it names is judged as a program file's is — secrets, home, hosts off the allowlist, code built at run
      // time — and so is a recursive delete of anything but /tmp or the project's own directories.)
      if (compiledRisk(st, unreadText) || /\b(RemoveAll|remove_dir_all|deleteRecursively|rmtree)\s*\(\s*(?!["'](\/tmp\/|\.\/|[\w-]+\/?["']))/.test(homeSpelled(unreadText, ctx))) tag('interpreter-opaque', `${name} builds code this line wrote that names a secret, the home directory, another host or a recursive delete, in a language Rampart does not read`);
    } else if (unreadText !== undefined) {
      const uv = unreadVerdict(unreadText, (c) => homeSpelled(c, ctx));
      // (CMake's process and delete calls are read as the command lines they are — cmake-text — so only those whose
      // words CMake computes, ${VAR}, are beyond reading.)
      // (…only for text plain enough to read so: no cmake_language, bracket arguments, escapes, `;` lists, comments or
      // parentheses inside a call — anything else still asks.)
      if (/^c(make|test)$/.test(name)) {
        const calls = [...unreadText.matchAll(/\b(execute_process|exec_program|file)\s*\(([^)]*)\)?/gi)];
        const plain = !/cmake_language|\[=*\[|\\|;|\bfunction\s*\(|\bmacro\s*\(/i.test(unreadText) && !/^[^#\n]*\S[^#\n]*#/m.test(unreadText) && calls.every((m) => m[2] !== undefined && !m[2].includes('('));
        uv.escapes = !plain || calls.some((m) => /\$\{/.test(m[2] ?? ''));
        // (…and what the read calls leave — GLOB_RECURSE of a home directory, ARCHIVE_CREATE, $ENV{} elsewhere — is judged as unread code.)
        if (plain) uv.reaches = COMPILED_REACHES.test(unreadText.replace(CMAKE_READ_CALLS, ' '));
      }
      if (uv.escapes) tag('interpreter-opaque', `${name}'s code can start programs, in a language Rampart does not read`);
      else if (uv.reaches) tag('interpreter-opaque', `${name}'s code names a URL, a path outside the project, the home directory, the environment or a secret, in a language Rampart does not read`);
      for (const l of uv.lines) st.sub(l, ctx.cwd, env);
      // (…and so are the argument lists its process calls are given literally — Process.Start("bash", "-c …"),
      // Command::new("rm").args([…]), Swift's p.arguments = […]: judged as that command line, as Python's
      // subprocess.run([…]) is; a deny among them stands. What they compute still asks, as above.)
      for (const c of commandsInText(unreadText)) {
        if (uv.lines.includes(c)) continue;
        const js = judgeLine(st.policy, c, { ...ctx, env }, st.depth + 1, st);
        if (decide(st.policy, st.policy.rules, js).decision === 'deny') st.out.push(...js);
      }
    } else if (unmodelled) {
      // A program with no model given code by an eval-style option (some-runner -e 'Command::new("sh")…'): a process API
      // in it is code starting programs in a language Rampart does not know — asked — and the command lines quoted in it are judged.
      const code = foreignEvalCode(args);
      if (code !== undefined && FOREIGN_PROCESS.test(code)) {
        tag('interpreter-opaque', `${name} is given code that can start programs, in a language Rampart does not read`);
        for (const l of unreadVerdict(code).lines) st.sub(l, ctx.cwd, env);
      }
    }
    // A compose file written in this line: its services' commands run (in containers), and what
    // they mount from this machine is read (a home credential mounted is a credential read).
    if ((name === 'docker' && args[0] === 'compose') || name === 'docker-compose' || name === 'podman-compose') {
      for (const [p, text] of st.scripts) {
        if (posix.dirname(p) !== ctx.cwd || !/^(docker-)?compose\.ya?ml$/.test(posix.basename(p))) continue;
        let doc: { services?: Record<string, { command?: unknown; entrypoint?: unknown; volumes?: unknown }> } = {};
        try {
          doc = parseYaml(text) ?? {};
        } catch {
          tag('interpreter-opaque', `${p} cannot be read`);
          continue;
        }
        for (const svc of Object.values(doc.services ?? {})) {
          for (const c of [svc?.entrypoint, svc?.command]) if (typeof c === 'string') st.sub(c, ctx.cwd, env);
          for (const v of Array.isArray(svc?.volumes) ? svc!.volumes : []) {
            const src = typeof v === 'string' ? v.split(':')[0]! : '';
            if (src && isSecretPath(st, resolvePath(src, ctx), ctx)) {
              const rf = newFacts('docker');
              rf.reads.push(resolvePath(src, ctx));
              st.out.push(judgeFacts(st.policy, rf, argv, { ...ctx, env }));
            }
          }
        }
      }
    }
    // package.json or a Makefile written earlier in this line: what the tool runs from it.
    const implicit = implicitRuns(name, args, ctx.cwd, st.scripts);
    const taskKey = `${name}\0${ctx.cwd}`;
    if (implicit === 'opaque') tag('pipe-to-shell', `${name} runs scripts from a file this line wrote, and it cannot be read`);
    else if (implicit.length && !st.expanding.has(taskKey)) {
      // (A task that calls its own runner — `just --list`, `bun run clean` — is judged once.)
      st.expanding.add(taskKey);
      for (const r of implicit) st.sub(r, ctx.cwd, env);
      st.expanding.delete(taskKey);
    }
    const abs = (w: string) => resolvePath(w, ctx);
    // `$HOME/…` and `~/…` are expanded by the classifier; anything else is relative to the cwd.
    const resolveW = (w: string) => (w.startsWith('~') || w.startsWith('/') || w.startsWith('$') ? w : posix.resolve(ctx.cwd, w));
    facts.writes.push(...writes.map(resolveW));
    // (tee -a "$GITHUB_OUTPUT": a CI step's own file, judged by what it takes — ci-files.ts.)
    if (name === 'tee' && args.some((a) => a === '--append' || /^-[a-zA-Z]*a/.test(a))) {
      const kept = facts.writes.flatMap((w) => { const step = stepFileWrite(st, w, true, fc, flat, ctx.cwd); return step === null ? [] : [step ?? w]; });
      facts.writes.splice(0, facts.writes.length, ...kept);
    }
    const appended = writes.filter((w) => st.appendOnly?.has(w)).map(resolveW);
    if (appended.length) facts.appends = [...(facts.appends ?? []), ...appended];
    const truncated = writes.filter((w) => st.truncated?.has(w)).map(resolveW);
    if (truncated.length) facts.truncates = [...(facts.truncates ?? []), ...truncated];
    // A redirection into a path rooted in a variable only the running shell knows: no shim sees
    // redirections, so where it lands cannot be checked later either. (rm/cp of such paths reach
    // the shims with the real path.)
    if (writes.some((p) => /^\$(?!\(|\{?(HOME|PWD)\b)/.test(p))) {
      tag('dynamic-path', `${name}'s output goes to a path that starts with a variable set at run time`);
    }
    // A delete whose operand holds text others wrote (X=$(curl … | jq -r .name); rm -rf "dist/$X", a `read` fed a download):
    // that text may be `../..` or an absolute path, so where it lands is not known.
    const foreignIn = facts.deletes.length ? fc.argv.slice(1).flatMap((w) => w.variables).find((v) => st.foreignVars.has(v)) : undefined;
    if (foreignIn !== undefined) tag('dynamic-path', `${name} deletes a path holding $${foreignIn}, ${st.foreignVars.get(foreignIn)}, which may name any directory`);
    // Writing through a link made earlier in the line writes what it points at.
    // Deleting below it (rm -rf /tmp/p/ or /tmp/p/*, the link followed) deletes what it points at: a link to the project
    // made in /tmp and emptied is the project root removed (ln -s ~/project /tmp/p && rm -rf /tmp/p/).
    const deleted = new Set(facts.deletes);
    for (const w of [...facts.writes, ...facts.deletes]) {
      const a = abs(w);
      for (const [link, to] of st.links) if (a === link || a.startsWith(link + '/')) {
        facts.writes.push(to + a.slice(link.length));
        if (deleted.has(w) && (a !== link || /\/\.?$/.test(w)) && !/^\/dev\/fd\//.test(link)) facts.deletes.push(to + a.slice(link.length));
      }
    }
    // A copy of a secret made earlier in the line is the secret.
    const real = (p: string) => (p === STDIN ? p : realOf(st, abs(p)) ?? p);
    // (An archive of the project written earlier holds its .env: sent, or its bytes shown, it is that secret. Only then —
    // listing, hashing or copying it is not reading .env.)
    const unpacked = (p: string) => (p === STDIN ? undefined : st.archived.get(abs(p)));
    // (An archive of the whole project sent anywhere uploads the project, as aws s3 sync . does — a copy of it, one in a directory
    // sent whole, or one piped in: git archive HEAD | aws s3 cp - s3://…)
    const pipedTree = fc.stdinFrom.some((i) => { const a = flat[i]?.argv.map((w) => w.value) ?? []; return a[0] === 'git' && a.includes('archive') && !a.some((x) => /^(-o|--output)(=|$)/.test(x)) && !a.includes('--') && !a.slice(a.indexOf('archive') + 1).some((x) => !x.startsWith('-') && x.includes(':')); });
    const sentTree = facts.sends.find((p) => (p !== STDIN && (st.projectArchives.has(abs(p)) || [...st.projectArchives].some((x) => x.startsWith(`${abs(p).replace(/\/+$/, '')}/`)))) || (p === STDIN && pipedTree))
      ?? (pipedTree && args.includes('-') ? 'stdin' : undefined);
    // (Cloud storage and hosting only: a release asset on the repository's own GitHub — gh release upload — is where the source lives.)
    if (sentTree !== undefined && /^(aws|gsutil|gcloud|az|azcopy|rclone|mc|s3cmd|b2|oci|wrangler|surge|netlify|ntl|vercel|firebase)$/.test(name) && (facts.hosts.length === 0 || facts.hosts.some((h) => !isLocalEndpoint(h)))) tag('uploads-project', `${name} sends ${sentTree}, an archive of the whole project`);
    // (rsync of a tree through a link the line made to the project — ln -s ~/project /tmp/p; rsync -a /tmp/p/ host: — sends the
    // project; with -L/--copy-links, links the line made below a sent tree to a secret send that secret.)
    if (name === 'rsync' && facts.hosts.length > 0) {
      const tree = args.some((a) => (/^-[a-zA-Z]*[ar]/.test(a) && !a.startsWith('--')) || /^--(archive|recursive)$/.test(a));
      const copyLinks = args.some((a) => (/^-[a-zA-Z]*L/.test(a) && !a.startsWith('--')) || a === '--copy-links');
      const linked: string[] = [];
      for (const p of facts.sends) {
        if (p === STDIN) continue;
        const top = realOf(st, abs(p))?.replace(/(.)\/+$/, '$1');
        if (tree && top !== undefined && (top === ctx.projectRoot || `${ctx.projectRoot}/`.startsWith(`${top}/`))) tag('uploads-project', `rsync sends ${p}, a link to the project, whole`);
        if (copyLinks) for (const [made, to] of st.links) if (made.startsWith(`${abs(p).replace(/\/+$/, '')}/`) && isSecretPath(st, to, ctx)) linked.push(to);
      }
      facts.sends.push(...linked);
    }
    facts.sends = facts.sends.map((p) => unpacked(p) ?? real(p));
    const copier = /^(cp|mv|ln|install|rsync|scp)$/.test(name);
    facts.reads = facts.reads.map((p) => (copier ? undefined : unpacked(p)) ?? real(p));
    // (…and printed, it shows only that text: cat > .npmrc <<EOF save-exact=true EOF; cat .npmrc holds no token.)
    facts.reads = facts.reads.filter((p) => { const text = p === STDIN ? undefined : st.scripts.get(abs(p)); return !(st.settledTokenFiles.has(abs(p)) && text !== undefined && !holdsToken(text) && !st.opaqueWritten.has(abs(p))); });
    // (A token file whose whole text this line wrote, literal and judged, commits nothing unseen.)
    facts.stages = facts.stages.map(real).filter((p) => !st.settledTokenFiles.has(abs(p)));
    // git add of a directory (or the whole tree) stages the secret copies this line made inside it.
    if (name === 'git' && facts.subcommand === 'add') {
      const dirs = facts.tags.has('add-tree') ? [ctx.cwd] : facts.stages.map((p) => abs(p));
      for (const [copy, secret] of st.tainted) if (dirs.some((d) => copy.startsWith(`${d.replace(/\/+$/, '')}/`))) facts.stages.push(secret);
    }
    // git commit -a stages every tracked file changed: secret copies made earlier in the line too.
    if (name === 'git' && facts.subcommand === 'commit' && args.some((a) => a === '--all' || /^-[a-zA-Z]*a/.test(a) && !/^-[a-zA-Z]*[mFC]a/.test(a))) {
      for (const [copy, secret] of st.tainted) if (copy.startsWith(ctx.projectRoot + '/')) facts.stages.push(secret);
    }
    // git add --pathspec-from-file F (=F or F next): the paths are F's lines, known when this line wrote F (or fed stdin).
    const list = name === 'git' && facts.subcommand === 'add' ? pathspecFile(args) : undefined;
    if (list !== undefined) {
      // The value may be stdin, a file this line wrote, or a process substitution whose text is known.
      const procSub = () => processSubText(fc, flat, info, (raw) => raw.startsWith('--pathspec-from') || /^<\(/.test(raw));
      const text = list === '-' || STDIN_PATH.test(list) ? stdinText : /^<\(|^\/dev\/fd\//.test(list) ? procSub() : st.scripts.get(abs(list));
      const specs = text?.split(/\n|\0/).map((l) => l.trim()).filter(Boolean) ?? [];
      facts.stages.push(...specs);
      // (A list the line does not show — one a command prints, find … | git add -f --pathspec-from-file=-, or a file it did
      // not write — may name anything .gitignore keeps out: with -f, as a computed pathspec is, and as the whole tree is.)
      if (facts.tags.has('force-add') && (text === undefined || specs.some((p) => wholeSpec(p, { cwd: ctx.cwd, home: ctx.home })))) {
        facts.tags.add('force-add-tree');
        facts.notes.push(`git add -f stages the paths a list names that this line does not show (${list})`);
      }
    }
    // (…and a package manager looking a name up: the name goes to its registry.)
    if (substitutedSecret && (NETWORK_TOOLS.has(name) || SERVICE_CLIS.test(name) || facts.hosts.length > 0 || DNS_TOOLS.has(name) || looksUpNames(name, args) || otherCluster(name, args, env, st.ctx.env))) facts.sends.push(substitutedSecret);
    // An ignore file edited in place, deleted or unstaged by a program (sed -i, rm, git rm --cached),
    // then the whole tree staged: files the old rules kept out (.env, keys) may be committed.
    const redirected = new Set([...redirectWrites].map(resolveW));
    const programWrites = [...facts.writes.filter((w) => !redirected.has(w)), ...facts.deletes, ...(name === 'git' && /^(rm|mv)$/.test(facts.subcommand ?? '') ? args : [])];
    // (touch and tee -a leave the rules as they are.)
    if (!/^(touch|sort|uniq)$/.test(name) && !(name === 'tee' && args.some((a) => /^-[a-zA-Z]*a|^--append$/.test(a)))) {
      for (const w of programWrites) if (rootIgnoreFile(abs(w), ctx.projectRoot) && fileExists(ctx, abs(w))) st.ignoreRewrites.add(abs(w));
    }
    // Another repository's git directory (--git-dir, GIT_DIR) outside the project: its config
    // (hooks path, fsmonitor, pager, filters) is one Rampart has not read.
    if (name === 'git') {
      const gd = args.map((a, k) => (a === '--git-dir' ? args[k + 1] : a.startsWith('--git-dir=') ? a.slice(10) : undefined)).find((x) => x !== undefined) ?? env.GIT_DIR;
      const at = gd ? resolvePath(gd, ctx) : undefined;
      if (at && at !== ctx.projectRoot && !at.startsWith(`${ctx.projectRoot}/`) && !/[$`]/.test(gd!)) tag('config-relocated', `git uses the repository at ${gd}, whose configuration Rampart has not read`);
    }
    // Where installs and builds put programs: GOBIN, CARGO_INSTALL_ROOT/--root, PIP_TARGET, DESTDIR/PREFIX
    // (make install), npm's prefix, gcc/go -oFILE attached, 7z -oDIR: files of the tool's choosing there.
    {
      const sub = args.find((a) => !a.startsWith('-'));
      const into: string[] = [];
      // (Where go and cargo install by default — ~/go/bin, ~/.cargo/bin — is where a plain `go install` puts them anyway.)
      const usual = (d: string) => [`${ctx.home}/go/bin`, `${ctx.home}/.cargo/bin`].includes(resolvePath(d.replace(/^(\$\{?HOME\}?)(?=\/|$)/, ctx.home), ctx).replace(/\/+$/, ''));
      if (name === 'go' && sub === 'install' && (env.GOBIN || env.GOPATH) && !usual(env.GOBIN ?? `${env.GOPATH}/bin`)) into.push(env.GOBIN ?? `${env.GOPATH}/bin`);
      if (name === 'cargo' && sub === 'install') {
        const root = args.find((a, k) => args[k - 1] === '--root') ?? args.find((a) => a.startsWith('--root='))?.slice(7) ?? env.CARGO_INSTALL_ROOT;
        if (root && !usual(`${root}/bin`)) into.push(`${root}/bin`);
      }
      if (/^pip[\d.]*$/.test(name) && sub === 'install' && env.PIP_TARGET) into.push(env.PIP_TARGET);
      // (pip install --target T fills T, site-packages style (a .pth there runs at each python start when T is one);
      // --prefix P puts console scripts in P/bin and the package in P/lib/pythonX.Y/site-packages; npm -g --prefix P links
      // bins into P/bin — pip install --prefix ~/.local puts programs on PATH, as cargo install --root ~/.local does.)
      const opt = (...names: string[]) => args.map((a, k) => (names.includes(args[k - 1] ?? '') ? a : names.map((o) => (a.startsWith(`${o}=`) ? a.slice(o.length + 1) : undefined)).find((v) => v !== undefined))).find((v) => v !== undefined);
      if (/^pip[\d.]*$/.test(name) && sub === 'install') {
        const target = opt('--target', '-t');
        const prefix = opt('--prefix') ?? env.PIP_PREFIX;
        if (target) into.push(target);
        if (prefix) into.push(`${prefix}/bin`, `${prefix}/lib/python3/site-packages`);
      }
      const npmPrefix = /^(npm|pnpm|yarn)$/.test(name) && args.some((a) => /^(-g|--global|--location=global)$/.test(a)) ? opt('--prefix') : undefined;
      if (npmPrefix && args.some((a) => /^(i|install|add|link)$/.test(a))) into.push(`${npmPrefix}/bin`);
      if (/^(make|gmake)$/.test(name) && args.includes('install')) {
        const v = (k: string) => args.find((a) => a.startsWith(`${k}=`))?.slice(k.length + 1) ?? env[k];
        const dest = v('DESTDIR');
        const prefix = v('PREFIX') ?? v('prefix');
        if (dest || prefix) into.push(`${dest ?? ''}${prefix ?? '/usr/local'}`.replace(/^\/\//, '/'));
      }
      if (/^(npm|pnpm|yarn)$/.test(name) && (env.npm_config_prefix || env.NPM_CONFIG_PREFIX) && args.some((a) => /^(i|install|add|link)$/.test(a))) into.push(`${env.npm_config_prefix ?? env.NPM_CONFIG_PREFIX}/bin`);
      if (name === '7z' && /^[xe]$/.test(sub ?? '')) into.push(args.find((a) => /^-o./.test(a))?.slice(2) ?? '.');
      // Dotfile managers and cpio's pass-through mode link or copy a tree of files into their target:
      // stow -t DIR (by default the parent of -d DIR), cpio -p DIR, rcup (into HOME).
      if (name === 'stow') {
        const t = args.find((a, k) => /^(-t|--target)$/.test(args[k - 1] ?? '')) ?? args.find((a) => /^--target=/.test(a))?.slice(9) ?? args.find((a) => /^-t./.test(a))?.slice(2);
        const d = args.find((a, k) => /^(-d|--dir)$/.test(args[k - 1] ?? '')) ?? args.find((a) => /^--dir=/.test(a))?.slice(6) ?? '.';
        into.push(t ?? posix.dirname(resolvePath(d, ctx)));
      }
      if (name === 'cpio' && args.some((a) => /^-[a-zA-Z]*p|^--pass-through$/.test(a))) into.push(args.filter((a) => !a.startsWith('-')).at(-1) ?? '.');
      if (/^(rcup|rcm)$/.test(name)) into.push('~');
      const out = /^(gcc|g\+\+|cc|clang|clang\+\+|go|rustc|ld)$/.test(name) ? args.find((a) => /^-o[^-]/.test(a))?.slice(2) : undefined;
      if (out) facts.writes.push(out);
      for (const d of into) {
        facts.writes.push(d.replace(/^~(?=\/|$)/, ctx.home).replace(/\/?$/, '/'));
        // (A tree of dotfiles is written over whatever the target holds, like cp -r.)
        facts.tags.add(/^(stow|cpio|rcup|rcm)$/.test(name) ? 'recursive' : 'extracts');
      }
    }
    // patch/git apply: the files the diff names (+++ b/PATH, -p N stripped) below -d DIR / --directory.
    if (name === 'patch' || (name === 'git' && /^(apply|am)$/.test(facts.subcommand ?? ''))) {
      const dirArg = args.find((a, k) => /^(-d|--directory)$/.test(args[k - 1] ?? '')) ?? args.find((a) => a.startsWith('--directory='))?.slice(12);
      const strip = Number(args.find((a, k) => args[k - 1] === '-p')?.trim() ?? args.find((a) => /^-p\d+$/.test(a))?.slice(2) ?? (name === 'git' ? '1' : '0'));
      const diffFile = args.filter((a) => !a.startsWith('-')).map((a) => scriptText(a)).find((t) => t !== undefined) ?? (args.find((a, k) => /^(-i|--input)$/.test(args[k - 1] ?? '')) ? scriptText(args.find((a, k) => /^(-i|--input)$/.test(args[k - 1] ?? ''))!) : undefined);
      const diff = diffFile ?? stdinText;
      const base = dirArg ? resolvePath(dirArg, ctx) : ctx.cwd;
      for (const m of (diff ?? '').matchAll(/^\+\+\+ (\S+)/gm)) {
        if (m[1] === '/dev/null') continue;
        facts.writes.push(posix.join(base, m[1]!.split('/').slice(Number.isFinite(strip) ? strip : 0).join('/')));
      }
      if (dirArg && diff === undefined) {
        facts.writes.push(base);
        facts.tags.add('extracts');
      }
      // (patch [ORIGFILE [PATCHFILE]]: ORIGFILE is rewritten whatever the diff names; -o OUT and -r REJECTS are written.)
      if (name === 'patch') {
        const ops = args.filter((a, k) => !a.startsWith('-') && !/^(-[pdiorBYzVDFg]|--(strip|directory|input|output|reject-file|prefix|basename-prefix|suffix|version-control|ifdef|fuzz|get|quoting-style|backup-if-mismatch|reject-format))$/.test(args[k - 1] ?? ''));
        const outs = args.flatMap((a, k) => (/^(-o|--output|-r|--reject-file)$/.test(args[k - 1] ?? '') ? [a] : /^--(output|reject-file)=/.test(a) ? [a.slice(a.indexOf('=') + 1)] : /^-[or]./.test(a) ? [a.slice(2)] : []));
        for (const w of [...(ops[0] !== undefined ? [ops[0]] : []), ...outs]) if (w !== '-' && w !== '/dev/null') facts.writes.push(resolvePath(w, { ...ctx, cwd: base }));
      }
    }
    // SQL shells writing files: sqlite writefile('PATH', …), .output/.once PATH (not a pipe), duckdb COPY … TO 'PATH',
    // VACUUM INTO 'PATH', ATTACH 'PATH', EXPORT DATABASE 'DIR'. (The SQL on the command line, or on stdin.)
    if (/^(sqlite3|duckdb)$/.test(name)) {
      const REMOTE = `((?:https?|s3|s3a|gs|gcs|az|azure|abfss|r2|hf):\\/\\/[^']+)`;
      // (Also SQL files the line wrote, given by -f/-init or .read; $$…$$ and "…" strings, and literals joined by || or concat(), read as the string.)
      const files = [...args.flatMap((a, k) => (/^(-f|-init)$/.test(args[k - 1] ?? '') ? [a] : [])), ...args.flatMap((a) => [...a.matchAll(/^\s*\.rea?d?\s+(\S+)/gm)].map((m) => m[1]!.replace(/^['"]|['"]$/g, '')))];
      const texts = [...args, ...(stdinText !== undefined ? [stdinText] : []), ...files.map((f) => scriptText(f) ?? '')];
      const fold = (t0: string) => {
        let t = t0.replace(/\$\$([^$]*)\$\$/g, "'$1'").replace(/(\(\s*\[?\s*)"([^"]*)"/g, "$1'$2'");
        for (let k = 0; k < 8; k++) t = t.replace(/'([^']*)'\s*\|\|\s*'([^']*)'/g, "'$1$2'").replace(/\bconcat\s*\(\s*'([^']*)'\s*,\s*'([^']*)'\s*([,)])/gi, (_, a: string, b: string, end: string) => (end === ')' ? `'${a}${b}'` : `concat('${a}${b}',`));
        return t;
      };
      for (const a of texts.map(fold)) {
        // A file or URL the SQL computes (read_csv(concat(…)), COPY … TO a subquery's value): not placed.
        if (/\b(?:read_\w+|parquet_scan|readfile|writefile|load_extension)\s*\(\s*(?!['\[])/i.test(a) || /\bcopy\b[\s\S]*?\bto\s+(?!')/i.test(a.replace(/\bto\s+'[^']*'/gi, ''))) tag('interpreter-opaque', `${name} reads or writes a file or URL its SQL computes`);
        // getenv('NAME') of a credential prints it; INSTALL … FROM a repository or LOAD runs downloaded native code.
        if ([...a.matchAll(/\bgetenv\s*\(\s*'(\w+)'/gi)].some((m) => envCredentialOf(m[1]!, env) !== undefined)) facts.reads.push(ENVIRON);
        if (/\binstall\s+\w+\s+from\b|\bforce\s+install\b/i.test(a)) tag('interpreter-opaque', `${name} installs an extension from a repository: native code Rampart cannot read`);
        for (const m of a.matchAll(/\bwritefile\s*\(\s*'([^']+)'/gi)) {
          facts.writes.push(m[1]!);
          st.opaqueWritten.set(abs0(m[1]!), undefined);
        }
        // (sqlite takes a unique prefix of a dot-command: .bac, .sav; .backup and .save take an optional database name first.)
        for (const m of a.matchAll(/^\s*\.(?:o|ou|out|outp|outpu|output|on|onc|once|sa|sav|save|ba|bac|back|backu|backup|lo|log)\s+(?:-\S+\s+)*(?:\w+\s+(?=\S))?(['"]?)([^'"|\s][^'"\s]*)\1\s*$/gm)) if (m[2] !== 'off' && m[2] !== 'stdout' && m[2] !== 'stderr') facts.writes.push(m[2]!);
        for (const m of a.matchAll(/\b(?:copy\b[\s\S]*?\bto|vacuum\s+into|attach(?:\s+database)?|export\s+database)\s+(['"])([^'"]+)\1/gi)) if (!/^\w+:\/\//.test(m[2]!) && m[2] !== ':memory:' && !/\bhost=/.test(m[2]!)) facts.writes.push(m[2]!);
        // (ATTACH 'postgres:… host=H' / 'mysql:host=H' connects to H.)
        for (const m of a.matchAll(/\battach\s+'[^']*\bhost=([\w.-]+)/gi)) addUrl(facts, `https://${m[1]}`, 'target', 'https');
        if (/\b(?:vacuum\s+into|attach(?:\s+database)?|copy\b[\s\S]*?\bto)\s+(?!['"])(?!\(|stdout\b)\S/i.test(a)) tag('interpreter-opaque', `${name} writes to a file its SQL computes`);
        // (Remote files — COPY … TO 'https://…', read_csv('s3://…'), FROM 'https://…', ATTACH 'https://…' — are the network;
        // a URL that is only a value — INSERT … VALUES ('https://…') — is not.)
        const remote = [...a.matchAll(new RegExp(`\\b(?!values\\b)\\w+\\s*\\(\\s*\\[?(?:\\s*'[^']*'\\s*,)*\\s*'${REMOTE}'|\\b(?:from|to|attach|load|database)\\s+'${REMOTE}'`, 'gi'))];
        for (const m of remote) addUrl(facts, (m[1] ?? m[2])!.replace(/^(s3a?|gs|gcs|az|azure|abfss|r2|hf):\/\//i, 'https://'), 'target', 'https');
        // Files the SQL reads (readfile, read_text, read_csv, parquet_scan, .import …): shown, or sent where the same SQL reaches the network.
        for (const m of a.matchAll(/\bfrom\s+'([^':]+)'/gi)) facts.reads.push(m[1]!);
        const read = [...a.matchAll(/\b(?:readfile|read_text|read_blob|read_csv\w*|read_json\w*|read_ndjson\w*|read_parquet|parquet_scan|read_xlsx|sniff_csv)\s*\(\s*\[?\s*'([^':]+)'|^\s*\.import\s+(?:--\w+\s+)*(\S+)/gim)].map((m) => (m[1] ?? m[2])!.replace(/^['"]|['"]$/g, ''));
        facts.reads.push(...read);
        if (facts.hosts.length) facts.sends.push(...read);
        // A native extension loaded from a path runs its code.
        if (/\bload_extension\s*\(|^\s*\.load\s|\bload\s+'[^']*[/.]/im.test(a)) tag('interpreter-opaque', `${name} loads a native extension, whose code Rampart cannot read`);
      }
    }
    // A notebook this line wrote, then executed (jupyter nbconvert --execute, papermill, jupyter execute): its code cells are IPython.
    if (/^(jupyter|jupyter-nbconvert|jupyter-execute|nbconvert|papermill|voila|ipython|ipython3)$/.test(name)) {
      for (const nb of args.filter((a) => /\.ipynb$/.test(a))) {
        const text = scriptText(nb);
        if (text === undefined) continue;
        const cells = notebookCells(text);
        if (cells === undefined) tag('interpreter-opaque', `${name} runs a notebook this line wrote that Rampart cannot read`);
        for (const c of cells ?? []) st.sub(`ipython -c ${quote(c)}`, ctx.cwd, env);
      }
    }
    // Extractors that keep absolute member names: 7z x -spf, cpio -i (unless --no-absolute-filenames).
    if ((/^(7z|7za|7zz|7zr)$/.test(name) && /^(x|e)$/.test(args[0] ?? '') && args.includes('-spf')) || (name === 'cpio' && args.some((a) => /^-[a-zA-Z]*i/.test(a) && !a.startsWith('--') || a === '--extract') && !args.some((a) => /^-[a-zA-Z]*t/.test(a) && !a.startsWith('--') || a === '--list') && !args.includes('--no-absolute-filenames'))) {
      facts.writes.push('/');
      facts.tags.add('extracts');
    }
    // redis commands on stdin: CONFIG SET dir is a write there; MODULE LOAD runs a native module.
    if (/^(redis-cli|valkey-cli|keydb-cli)$/.test(name)) {
      const text = [args.filter((a) => !a.startsWith('-')).join(' '), stdinText ?? ''].join('\n');
      for (const m of text.matchAll(/^\s*config\s+set\s+dir\s+(\S+)/gim)) facts.writes.push(m[1]!.replace(/\/?$/, '/'));
      // (…and the same command from a Lua script the server runs: EVAL "return redis.call('config','set','dir','…')" 0.)
      for (const m of text.matchAll(/\bredis\.p?call\s*\(\s*['"]config['"]\s*,\s*['"]set['"]\s*,\s*['"]dir['"]\s*,\s*['"]([^'"]+)['"]/gi)) facts.writes.push(m[1]!.replace(/\/?$/, '/'));
      if (/\bredis\.p?call\s*\(\s*['"](config|module)['"]\s*,\s*['"](set|load)['"]\s*,\s*[^'"\s]/i.test(text)) tag('interpreter-opaque', `${name} runs a script that changes the server's configuration with computed values`);
      if (/\bmodule\s+load\b/i.test(text)) tag('interpreter-opaque', `${name} loads a native module into the server`);
    }
    // Archivers that delete what they archived: tar --remove-files, zip -m, 7z -sdel.
    if (((name === 'tar' || name === 'bsdtar') && args.includes('--remove-files')) || (name === 'zip' && args.some((a) => /^-[a-zA-Z]*m[a-zA-Z]*$/.test(a))) || (name === '7z' && args.includes('-sdel'))) {
      const base = tarDirectory(args) ?? '.';
      const ops = args.filter((a) => !a.startsWith('-')).slice(name === 'zip' ? 1 : name === '7z' ? 2 : 0).filter((a) => !/^[a-zA-Z]*f[a-zA-Z]*$/.test(a) || name !== 'tar');
      const archive = archiveFile(name, args);
      for (const o of ops) if (o !== archive) facts.deletes.push(posix.resolve(ctx.cwd, base.replace(/^~(?=\/|$)/, ctx.home), o.replace(/^~(?=\/|$)/, ctx.home)));
      facts.tags.add('recursive').add('force');
    }
    // Compressors that replace their operands (gzip F leaves F.gz, gunzip F.gz leaves F): each operand is
    // deleted, unless the output goes to stdout, the input is kept, or it only tests or lists.
    // (zstd, lz4 and brotli keep their input unless told --rm.)
    if (IN_PLACE_COMPRESSORS.test(name)) {
      const keepsByDefault = /^(zstd|unzstd|lz4|unlz4|brotli|lzop)$/.test(name);
      // (A cluster is read up to a letter that takes a value: -Stk sets the suffix "tk".)
      let short = '';
      const valued = new Set<number>();
      args.forEach((a, k) => {
        if (!/^-[a-zA-Z0-9]/.test(a) || a.startsWith('--')) return;
        for (let c = 1; c < a.length; c++) {
          if ('SFCTMbpoDq'.includes(a[c]!) && !(name === 'lrzip' && a[c] === 'D')) {
            if (c === a.length - 1) valued.add(k + 1);
            break;
          }
          short += a[c];
        }
      });
      // (-k keeps the input and still writes the output: gzip -dk ~/.bashrc.gz makes ~/.bashrc. -c, -t, -l write no file.)
      const noFile = /[ctlhV]/.test(short.replace(/-/g, '')) || args.some((a) => /^--(stdout|to-stdout|test|list|help|version)$/.test(a));
      const keeps = noFile || /k/.test(short) || args.includes('--keep');
      const removes = keepsByDefault ? args.some((a) => a === '--rm' || a === '--delete') || (name === 'brotli' && /j/.test(short)) || (name === 'lzop' && /U/.test(short)) : name === 'lrzip' ? /D/.test(short) || args.includes('--delete') : !keeps;
      const ops = args.filter((a, k) => a !== '-' && !a.startsWith('-') && !valued.has(k) && !/^(-[SFCTMbpoDq]|--(suffix|format|check|threads|memlimit|memory|blocksize|processes|dict|output))$/.test(args[k - 1] ?? ''));
      // (Decompressing writes the name without its suffix: gunzip -f ~/.bashrc.gz replaces ~/.bashrc.)
      // (lz4 IN OUT names its output as the second operand, unless -m takes every operand as an input.)
      const lz4Out = /^(lz4|unlz4|lz4c)$/.test(name) && !/m/.test(short) && !args.includes('--multiple') && ops.length === 2 ? ops[1] : undefined;
      if (lz4Out !== undefined && !noFile) facts.writes.push(abs0(lz4Out));
      else if (!noFile && (/^(gunzip|bunzip2|unxz|unlzma|lunzip|unpigz|uncompress|unzstd|unlz4)$/.test(name) || /d/.test(short) || args.includes('--decompress'))) {
        for (const o of ops) facts.writes.push(abs0(o.replace(/\.[^./]+$/, '')));
      }
      if (removes) {
        for (const o of ops) facts.deletes.push(abs0(o));
        if (/f/.test(short) || args.includes('--force')) facts.tags.add('force');
      }
    }
    // Configuration management run ad hoc on this machine: ansible -m MODULE -a ARGS, salt-call cmd.run.
    if (name === 'ansible' || name === 'salt-call' || name === 'puppet' || name === 'chef-apply') {
      const mod = args.find((a, k) => /^(-m|--module-name)$/.test(args[k - 1] ?? '')) ?? (name === 'ansible' ? 'command' : '');
      const margs = args.find((a, k) => /^(-a|--args)$/.test(args[k - 1] ?? '')) ?? '';
      const kv = new Map([...margs.matchAll(/(\w+)=("[^"]*"|'[^']*'|\S+)/g)].map((m) => [m[1]!, m[2]!.replace(/^["']|["']$/g, '')]));
      if (name === 'salt-call' && /^cmd\.(run|shell|script)/.test(args.find((a) => !a.startsWith('-')) ?? '')) st.sub(args.filter((a) => !a.startsWith('-')).slice(1).join(' '), ctx.cwd, env);
      else if ((name === 'puppet' && args[0] === 'apply') || name === 'chef-apply') tag('interpreter-opaque', `${name} applies a manifest or recipe Rampart does not read`);
      else if (/^(ansible\.builtin\.)?(command|shell|raw|script)$/.test(mod)) st.sub(margs, ctx.cwd, env);
      else {
        const wf = newFacts(name);
        const target = kv.get('path') ?? kv.get('dest') ?? kv.get('name');
        if (/file$/.test(mod) && kv.get('state') === 'absent' && target) { wf.deletes.push(target); wf.tags.add('recursive').add('force'); }
        else if (/(copy|template|lineinfile|blockinfile|get_url|unarchive|file|replace|ini_file|authorized_key)$/.test(mod) && target) wf.writes.push(target.replace(/^~(?=\/|$)/, ctx.home));
        if (/(uri|fetch|slurp)$/.test(mod) && kv.get('src')) wf.sends.push(kv.get('src')!);
        if (/cron$/.test(mod)) tag('persistence', `${name} -m cron schedules a command`);
        if (wf.writes.length || wf.deletes.length || wf.sends.length) st.out.push(judgeFacts(st.policy, wf, argv, { ...ctx, env }));
        else if (mod && !/^(ansible\.builtin\.)?(ping|setup|debug|gather_facts|stat|find|command)$/.test(mod)) tag('interpreter-opaque', `${name} runs module ${mod}, which Rampart does not model`);
      }
    }
    // Code run straight from a remote module (go run HOST/x@v, nix run github:…, npx github:…,
    // uvx --from git+…): fetched and executed in one step, from wherever the reference points.
    const remoteRun = (name === 'go' && args[0] === 'run' && args.some((a) => /^[\w.-]+\.[a-z]{2,}\/.+@/.test(a)))
      || (name === 'nix' && /^(run|shell|develop|build)$/.test(args[0] ?? '') && args.some((a) => /^(github|gitlab|git\+\w+|https?|tarball\+\w+|sourcehut|path):/.test(a)))
      || (/^(uvx|pipx)$/.test(name) && args.some((a) => /^(--from|--spec)=?(git\+|https?:)/.test(a) || /^git\+/.test(a)))
      // Scaffolders that fetch and run a template from a repository or URL (a registry package, like
      // any npx package, is not asked about): npm/yarn/pnpm/bun create of a git spec, cookiecutter,
      // copier, cargo generate, pre-commit try-repo, terraform -from-module.
      || (/^(npm|yarn|pnpm|bun)$/.test(name) && /^(create|init|innit)$/.test(args[0] ?? '') && args.slice(1).some((a) => /^(github:|gitlab:|git\+|https?:|git@|(github|gitlab)\.com\/)/.test(a)))
      // (…and plugins and tools fetched from a repository and run at once: uvx/uv tool run --from git+URL, helm plugin
      // install URL, asdf/mise plugin add NAME URL: their install hooks and programs run.)
      || ((name === 'uvx' || (name === 'uv' && ((args[0] === 'tool' && args[1] === 'run') || args[0] === 'run'))) && args.some((a, k) => (/^(git\+|https?:)/.test(a) && /^(--from|--with)$/.test(args[k - 1] ?? '')) || /^--(from|with)=(git\+|https?:)/.test(a)))
      || (name === 'helm' && args[0] === 'plugin' && /^(install|add)$/.test(args[1] ?? '') && args.some((a) => /^(https?:|git@|git\+)/.test(a)))
      || (/^(asdf|mise|rtx)$/.test(name) && /^plugins?$/.test(args[0] ?? '') && /^(add|install|i)$/.test(args[1] ?? '') && args.some((a) => /^(https?:|git@|git\+)/.test(a)))
      || (/^(cookiecutter|copier|cruft)$/.test(name) && args.some((a) => /^(gh:|gl:|bb:|git\+|https?:|git@)/.test(a))) || (name === 'cargo' && args[0] === 'generate') || (name === 'pre-commit' && args[0] === 'try-repo')
      || (name === 'terraform' && args.some((a) => /^-from-module=/.test(a)))
      // (…and configuration pulled from a repository and applied here: ansible-pull -U URL, a role or collection from git,
      // pulumi new URL, a kustomization that runs exec functions, a helm post-renderer program.)
      || (name === 'ansible-pull' && !args.some((a) => /^(-h|--help|--version)$/.test(a))) || (name === 'ansible-galaxy' && args.includes('install') && args.some((a) => /^(git\+|https?:|git@)/.test(a) || /,\s*(git\+|https?:)/.test(a)))
      || (name === 'pulumi' && args[0] === 'new' && args.some((a) => /^(https?:|git@|git\+)/.test(a)))
      || ((name === 'kustomize' || ((name === 'kubectl' || name === 'oc') && args.includes('kustomize'))) && args.some((a) => /^--enable-exec(=true)?$/.test(a)) && args.some((a, k) => k > 0 && !a.startsWith('-') && (/^(https?:|git@|github\.com\/)/.test(a) || (a !== 'build' && a !== 'kustomize' && !abs0(a).startsWith(`${ctx.projectRoot}/`) && abs0(a) !== ctx.projectRoot))))
      // (…a post-renderer installed on this machine — /usr/local/bin/kustomize — is the user's own program.)
      || (name === 'helm' && args.some((a, k) => { const v = args[k - 1] === '--post-renderer' ? a : a.startsWith('--post-renderer=') ? a.slice(16) : undefined; return v !== undefined && v.includes('/') && !abs0(v).startsWith(`${ctx.projectRoot}/`) && !/^(\/usr\/|\/opt\/|\/bin\/|\/sbin\/|\/nix\/|\/snap\/|\/home\/linuxbrew\/)/.test(abs0(v)); }));
    // (A package runner given a package that is not the registry's — a git spec, GitHub shorthand, a URL or tarball —
    // fetches a repository's code and runs it in one step, as go run HOST/mod@v does; registry names stay allowed.)
    // (…unless it is a repository of the project's own owner on GitHub: npx github:acme/tool beside origin github.com/acme/app.)
    const ownOwner = githubOwner(ctx.git?.remoteUrl('origin') ?? '');
    const foreignSpec = (a: string) => repositorySpec(a) && (ownOwner === undefined || githubOwner(a) !== ownOwner);
    if (remoteRun || runnerSpecs(name, args).some(foreignSpec)) facts.tags.add('installs-code');
    // Platforms' secret commands and file-transfer tools send what they are given (a file, --env-file, stdin).
    const uploads = !SECRET_SENDERS.test(name) && uploadsOperands(name, args);
    // (For an upload verb only the words before it say it does not send — hf upload evil/x ./ status puts . at "status".)
    const verbWords = uploads ? args.filter((a) => !a.startsWith('-')).slice(0, 3) : args;
    const upVerb = uploads ? verbWords.findIndex((a) => SERVICE_UPLOAD_VERB.test(a)) : -1;
    if ((SECRET_SENDERS.test(name) || uploads) && !(uploads ? verbWords.slice(0, upVerb) : args).some((a) => /^(pull|download|ls|list|get|whoami|logs|status|login|logout|link|dev|init|open)$/.test(a))) {
      // (…and a directory holding the project or the home — hf upload R ., wandb artifact put ~ — sends the whole tree, its
      // .env and keys with it, as b2 sync . and aws s3 sync . do. The clouds' own clients are cloud.ts's: gcloud builds submit .
      // sends the source to the project's own build, minus .gcloudignore.)
      if (uploads && !CLOUD_TREES.test(name)) for (const a of args.filter((x) => !x.startsWith('-'))) if (wholeTree(a, ctx.cwd, ctx.home)) tag('uploads-project', `${name} uploads ${a}, a whole tree holding the project or the home`);
      // (A service client's upload verb sends the files its words name — not what else it reads, such as its own token
      // store: vault token create reads ~/.vault-token to authenticate.)
      if (uploads) for (let k = facts.reads.length - 1; k >= 0; k--) { if (args.some((a) => a.includes(facts.reads[k]!))) facts.sends.push(...facts.reads.splice(k, 1)); }
      else facts.sends.push(...facts.reads.splice(0));
      for (const a of args.map((x, k) => (/^(--env-file|--from-env-file|-f|--file)$/.test(args[k - 1] ?? '') ? x : /^--(env-file|file)=/.test(x) ? x.slice(x.indexOf('=') + 1) : undefined)).filter((x): x is string => x !== undefined)) facts.sends.push(a);
      for (const a of args.filter((x) => !x.startsWith('-'))) if (isSecretPath(st, abs0(a), ctx)) facts.sends.push(a);
      // (A person-to-person transfer of a directory holding the project's top sends its .env: croc send ., wormhole send ~.)
      if (/^(croc|wormhole|magic-wormhole|ffsend|transfer)$/.test(name)) for (const a of args.filter((x) => !x.startsWith('-'))) { const p = abs0(a); if (p === ctx.projectRoot || `${ctx.projectRoot}/`.startsWith(`${p.replace(/\/+$/, '')}/`)) facts.sends.push(`${ctx.projectRoot}/.env`); }
      if (ctx.stdin) facts.sends.push(ctx.stdin);
    }
    // (A service's client fed a secret on stdin — `-m -`, `--body-file -`, a value it prompts for — posts it to its service.)
    else if (ctx.stdin && SERVICE_CLIS.test(name)) facts.sends.push(ctx.stdin);
    // kubectl/oc cp LOCAL [NS/]POD:PATH hands a local file to a pod of the cluster, as docker cp hands one to a container:
    // a send of it (and POD:PATH is no local file written).
    const cpAt = /^(kubectl|oc)$/.test(name) ? args.indexOf('cp') : -1;
    if (cpAt >= 0 && !args.slice(0, cpAt).some((a) => a === '--' || a === 'exec')) {
      const rest = args.slice(cpAt + 1);
      const ops = rest.filter((a, k) => !a.startsWith('-') && !/^(-c|--container|-n|--namespace|--retries|--context|--cluster|--kubeconfig|--user|-s|--server)$/.test(rest[k - 1] ?? ''));
      const inPod = (o: string) => /^[\w.-]+(\/[\w.-]+)?:/.test(o) && !o.startsWith('/');
      if (ops.length === 2 && !inPod(ops[0]!) && inPod(ops[1]!)) {
        facts.sends.push(ops[0]!);
        facts.writes = facts.writes.filter((w) => w !== ops[1] && !w.startsWith(`${ops[1]!.replace(/\/+$/, '')}/`));
      }
    }
    // update-index --add --stdin and hash-object -w --stdin-paths store the files whose names stdin gives, .gitignore never
    // consulted: names the line shows (echo .env | …) are staged as named; a list a command prints stages what .gitignore keeps
    // out — as git add -f of the whole tree — unless it is git's own listing of what the index already holds or .gitignore
    // lets through (git ls-files, ls-files -o --exclude-standard).
    if (name === 'git' && ((facts.subcommand === 'update-index' && args.includes('--stdin') && args.some((a) => a === '--add' || a === '--replace')) || (facts.subcommand === 'hash-object' && args.includes('--stdin-paths') && args.includes('-w')))) {
      const lists = fc.stdinFrom.map((up) => info[up]?.argv ?? []);
      const tracked = listsTrackedOnly;
      if (stdinText !== undefined) facts.stages.push(...stdinText.split(/\n|\0/).map((l) => l.trim()).filter(Boolean));
      else if (lists.length === 0 || !lists.every(tracked)) {
        facts.tags.add('force-add-tree');
        facts.notes.push(`git ${facts.subcommand} stores the files a list on stdin names, .gitignore not consulted`);
      }
    }
    // A stash pushed as a branch: stash -a/-u keeps ignored and untracked files (.env) in it.
    if (name === 'git' && facts.subcommand === 'push' && args.some((a) => /(^|:|\+)(stash@\{\d*\}|refs\/stash)(:|$)/.test(a))) tag('ignore-rules-changed', 'git push publishes a stash, which may hold ignored files (.env, keys)');
    // A tool's configuration edited in place by sed: the hosts its new text names.
    if (name === 'sed' && facts.writes.length) {
      for (const w of facts.writes) editedConfig(st, abs(w), programsOf('sed', args));
      // (What sed adds to a file that runs later, as it will read there: sed's escapes undone.)
      const added = sedText(programsOf('sed', args)).added.map((t) => t.replace(/\\([nt])/g, (_m, c: string) => (c === 'n' ? '\n' : '\t')).replace(/\\(.)/g, '$1'));
      for (const w of facts.writes) if (runsLater(abs(w))) judgeLaterRuns(st, abs(w), '', ctx.cwd, added);
    }
    // .gitmodules rewritten with text Rampart cannot read (sed -i, a program's output), then used:
    // the submodules are fetched from wherever it now says.
    if (name === 'git' && args.includes('submodule') && args.some((a) => /^(sync|update)$/.test(a))) {
      const gm = [...st.written].find((p) => p.endsWith('/.gitmodules') && !st.scripts.has(p));
      if (gm) tag('opaque-config', `git submodule fetches from the URLs in ${gm}, rewritten earlier in the line with text Rampart cannot read`);
    }
    // `git stash -a` keeps ignored files (.env, keys) in the stash: what shows or exports its
    // untracked part afterwards prints them.
    if (name === 'git' && facts.subcommand === 'stash' && args.some((a) => a === '--all' || /^-[a-zA-Z]*a[a-zA-Z]*$/.test(a))) st.stashHoldsIgnored = true;
    if (name === 'git' && st.stashHoldsIgnored && ((args.includes('stash') && args.some((a) => /^(show|export)$/.test(a)) && args.some((a) => /^(-u|--include-untracked|--only-untracked)$/.test(a))) || args.some((a) => /^(refs\/)?stash(@\{\d+\}|~0|\^0)*(\^3|\^\{\/[^}]*\}\^3)/.test(a) || /stash(@\{\d+\})?[~^0]*\^3/.test(a)))) {
      rec.secretOut = `${ctx.projectRoot}/.env`;
      if (args.some((a) => /^(show|diff|log|cat-file|archive)$/.test(a))) stashShown = true;
    }
    // History shown by what it holds of a secret: a pickaxe for a secret's line (git log -p -S PASSWORD), or commits picked
    // by a secret's path and shown whole (git rev-list --all -- .env | xargs git show; git show $(git log -n1 --format=%H -- .env)).
    if (name === 'git' && /^(log|show|whatchanged|diff|format-patch)$/.test(facts.subcommand ?? '')) {
      const own = args.slice(args.indexOf(facts.subcommand!) + 1);
      const pick = own.map((a, k) => (/^-[SG]$/.test(own[k - 1] ?? '') ? a : /^-[SG]./.test(a) ? a.slice(2) : undefined)).find((x) => x !== undefined);
      const shows = facts.subcommand !== 'log' && facts.subcommand !== 'whatchanged' || own.some((a) => /^(-p|-u|--patch|-U\d*)$/.test(a));
      // (…a term naming a secret's line — API_KEY, DB_PASSWORD, password — not code that mentions one: parseToken, KeyError, author;
      // and not over paths that hold no secret: -- src/auth.ts.)
      const specs = own.includes('--') ? own.slice(own.indexOf('--') + 1) : [];
      const secretPick = pick !== undefined && (SECRET_TERM.test(pick.replace(/^\^|\$$/g, '')) || credentialPrefix(pick)) && (specs.length === 0 || specs.some((p) => isSecretPath(st, p, ctx) || abs0(p) === ctx.projectRoot || /^(\.|\.\/|:\/|\*)$/.test(p)));
      const picked = [...st.lineText.matchAll(/\bgit\s+(?:-\S+\s+)*(?:log|rev-list|whatchanged)\b[^|;&\n)]*?\s--\s+([^|;&\n)]+)/g)].flatMap((m) => m[1]!.trim().split(/\s+/))
        .find((p) => isSecretPath(st, p.replace(/^['"]|['"]$/g, ''), ctx));
      const computedRev = fc.stdinFrom.length > 0 || info.some((i) => i?.name === 'xargs') || own.some((a) => /\$\(|`/.test(a)) || argv.some((a) => /\$\(|`/.test(a)) || /\bgit\s+show\s+[^|;&\n]*\$\(/.test(st.lineText);
      if (shows && (secretPick || (picked !== undefined && computedRev && facts.subcommand !== 'log'))) {
        stashShown = true;
        rec.secretOut ??= picked !== undefined ? posix.resolve(ctx.cwd, picked.replace(/^['"]|['"]$/g, '')) : `${ctx.projectRoot}/.env`;
      }
    }
    // core.excludesFile switched (-c, or git config): later whole-tree adds see other rules.
    if (name === 'git' && facts.tags.has('ignore-off')) st.ignoreRewrites.add('<core.excludesFile>');
    if (name === 'git' && facts.tags.has('add-tree') && st.ignoreRewrites.size > 0) {
      tag('ignore-rules-changed', `git ${facts.subcommand} stages the whole tree after its ignore rules were changed`);
    }
    // Programs whose output file is an option or an operand replace it: shuf/iconv/pandoc -o,
    // git archive -o, uniq IN OUT, xxd -r IN OUT, tar -c's archive.
    const outFile = replacedOutput(name, args);
    if (outFile !== undefined && outFile !== '-' && !outFile.startsWith('/dev/')) {
      if (!facts.writes.includes(outFile)) facts.writes.push(outFile);
      facts.truncates = [...(facts.truncates ?? []), outFile];
    }
    // What a reader prints only into programs that count or hash it (cat .env | wc -l, | sha256sum)
    // never reaches the screen: its reads are no read into the agent's context.
    const sinks = fc.stdoutTo.map((i) => posix.basename(flat[i]?.argv[0]?.value ?? ''));
    // (…or into one that shows none of its values, given what this one passes on — whole lines (cat, head -n, sort) or what a
    // filter it is prints: grep -v '^#' .env | cut -d= -f1, sed 's/#.*//' .env | awk -F= '{print $1}' | sort — through a chain
    // of such programs, none of them writing elsewhere.)
    // (The words of every program before it count as the filter's own: they may name or guess what is selected.)
    const hides = (i: number, pre: Reshape | undefined, depth = 0, words: readonly string[] = args): boolean => {
      const c = flat[i];
      if (pre === undefined || c === undefined || depth > 4 || !c.argv.every((w) => w.static) || c.redirects.some((r) => /^[0-9]*>|^&>/.test(r.op))) return false;
      const a = c.argv.map((w) => w.value);
      const f = showsNoValue(a[0] ?? '', a.slice(1), pre, words);
      if (f !== undefined && facts.reads.every((p) => f(abs0(p)))) return true;
      const next = passLines(a[0] ?? '', a.slice(1));
      return next !== undefined && c.stdoutTo.length > 0 && c.stdoutTo.every((j) => hides(j, (ls) => { const x = pre(ls); return x && next(x); }, depth + 1, [...words, ...a.slice(1)]));
    };
    // (A reader's quoted operand the line computes — head -1 "$f" — is a file, not an option that reshapes its lines.)
    const pre = fc.argv.length === argv.length && fc.argv.every((w) => w.static || (/^"/.test(w.raw) && !w.value.startsWith('-'))) ? passLines(name, args) : undefined;
    // (…and so do a printer's: gh auth token | wc -c.)
    // (Not when it also writes elsewhere — uniq .env /dev/stderr, sed -n 'w /dev/stderr', sort -o — or reports on stderr what it
    // read: sort -c's first line out of order, jq's errors, which quote the value.)
    // (…an awk or sed program that runs commands or pipes — print | "cat >&2", system(), sed's e — and a jq program beyond names
    // and paths: a type error quotes the value, .auth | fromjson.)
    const sideOutput = facts.writes.some((w) => w !== '/dev/null') || args.some((a) => /\/dev\/(std|fd\/|tty)|\/proc\/self\/fd/.test(a)) || (/^(uniq|xxd)$/.test(name) && args.filter((a) => !a.startsWith('-')).length > 1) || (name === 'sort' && args.some((a) => /^-[a-zA-Z]*[cC]|^--c/.test(a)))
      || (/^[gmn]?awk$/.test(name) && args.some((a) => /system\s*\(|[|>]\s*"|getline|fflush|close\s*\(/.test(a))) || (name === 'sed' && sedRuns(programsOf('sed', args)))
      || (/^(jq|gojq|jaq|yq)$/.test(name) && !keysOnly(argv, false, true) && !args.some((a) => !a.startsWith('-') && /^\.[\w.[\]"?-]*$/.test(a)));
    // (wc counts what a selection kept, which may answer a guess — grep sk_live_4eC .env | wc -l, as grep -c does: behind a
    // reader that selects, it is simulated, and a selection not understood is no count.)
    const selects = pre !== undefined || /^(grep|egrep|fgrep|rg|sed|[gmn]?awk|jq|gojq|jaq|yq|cut|head|tail|uniq|sort)$/.test(name);
    const counted = facts.reads.length > 0 && !sideOutput && (FILTERS.has(name) || PRINTERS.test(name)) && sinks.length > 0 && sinks.every((n, k) => (digestOnly(n, flat[fc.stdoutTo[k]!]?.argv.slice(1).map((w) => w.value) ?? []) && !(n === 'wc' && selects)) || hides(fc.stdoutTo[k]!, pre)) && redirectWrites.size === 0 && !fc.redirects.some((r) => /^[0-9]*>/.test(r.op));
    // A credential of the agent's environment printed by name to the screen (echo $AWS_SECRET_ACCESS_KEY,
    // printenv GITHUB_TOKEN) is read into the agent's context like the file it would be kept in.
    // (Not its length or a presence test: ${#TOKEN}, ${TOKEN:+set}.)
    // (Through filters that print what they are fed — | base64, | rev — and to stderr or the terminal
    // it is still the screen; into a file, or a program that takes it as input — gh auth login
    // --with-token, docker login --password-stdin — it is not.)
    const toScreen = (c: FlatCommand, depth = 0): boolean => !c.redirects.some((r) => ((/^(>>?|>\|)$/.test(r.op) && (r.fd ?? 1) === 1) || /^&>>?$/.test(r.op)) && !/^\/dev\/(tty|stderr|stdout|fd\/[12])$/.test(r.target.value))
      && c.stdoutTo.every((i) => {
        const a = flat[i]?.argv.map((w) => w.value) ?? [];
        const n = posix.basename(a[0] ?? '');
        // (tar x unpacks what it reads to disk: no byte of it is shown — tar xzf - -C /tmp/restore.)
        return depth < 6 && !tarShowsNothing(a, false) && (FILTERS.has(n) || PRINTS_INPUT.has(n)) && n !== 'xargs' && !DIGESTS.test(n) && toScreen(flat[i]!, depth + 1);
      });
    const hereString = fc.redirects.filter((r) => r.op === '<<<').map((r) => r.target.raw);
    // A dump of the environment searched for credentials (env | grep TOKEN, set | grep -i _key) prints them.
    const dumps = (i: number) => { const a = flat[i]?.argv.map((w) => w.value) ?? []; return /^(env|printenv)$/.test(posix.basename(a[0] ?? '')) && a.slice(1).every((x) => x.startsWith('-')) || /^(set|export|declare|typeset)$/.test(a[0] ?? '') && a.slice(1).every((x) => /^-[px]*$/.test(x)); };
    if (/^(grep|egrep|fgrep|rg|awk|sed)$/.test(name) && fc.stdinFrom.some(dumps) && args.some((a) => !a.startsWith('-') && (SECRET_NAME.test(a) || [...st.namerefs.keys()].some((n) => new RegExp(`(^|[^\\w])${n}([^\\w]|$)`).test(a)))) && toScreen(fc)) facts.reads.push(ENVIRON);
    const printer = /^(echo|printf|printenv)$/.test(name) || (/^(declare|typeset)$/.test(name) && args.some((a) => /^-[a-zA-Z]*p/.test(a))) || (hereString.length > 0 && FILTERS.has(name));
    if (printer && toScreen(fc)) {
      const refs = (raw: string) => { const n = credentialNameIn(st, raw, env); return n === undefined ? [] : [n]; };
      const named = hereString.length && !/^(echo|printf|printenv|declare|typeset)$/.test(name) ? hereString.flatMap(refs) : /^(printenv|declare|typeset)$/.test(name) ? args.filter((a) => !a.startsWith('-') && credentialOf(st, a.replace(/=.*/s, ''), env) !== undefined).map((a) => st.namerefs.get(a.replace(/=.*/s, '')) ?? a) : fc.argv.slice(1).flatMap((w) => refs(expansionsOf(w)));
      // (GOOGLE_APPLICATION_CREDENTIALS, *_FILE, *_PATH hold where a credential is, not the credential.)
      if (named.some((n) => !/^GOOGLE_APPLICATION_CREDENTIALS$|_(FILE|PATH|DIR)$/.test(n))) facts.reads.push(ENVIRON);
    }
    // jq --arg NAME "$GH_TOKEN" (or --argjson) binds the credential to $NAME: a program that uses it — '{x:$x}', $ARGS,
    // $__named — prints it, as echo "$GH_TOKEN" does.
    if (/^(jq|gojq|jaq)$/.test(name) && toScreen(fc)) {
      const words = fc.argv.slice(1);
      for (let k = 0; k + 2 < words.length; k++) {
        if (!/^--(arg|argjson)$/.test(words[k]!.value) || credentialNameIn(st, expansionsOf(words[k + 2]!), env) === undefined) continue;
        const bound = words[k + 1]!.value;
        if (words.some((w, j) => j !== k + 2 && w.static && new RegExp(`\\$(${bound}\\b|ARGS\\b|__named\\b)`).test(w.value))) facts.reads.push(ENVIRON);
      }
    }
    // awk's ENVIRON["NAME"] and jq's env.NAME / $ENV.NAME read a variable by name from the environment.
    // (…and jq's $ENV["NAME"], env["NAME"], $ENV | .NAME, yq's env(NAME) and strenv(NAME).)
    const envNamed = /^(g|m|n)?awk$/.test(name) ? args.flatMap((a) => [...a.matchAll(/ENVIRON\[\s*"(\w+)"\s*\]/g)].map((m) => m[1]!))
      : /^(jq|gojq|jaq|yq|xq|tomlq)$/.test(name) ? args.flatMap((a) => [...a.matchAll(/(?:^|[^\w$])\$?(?:env|ENV)\s*(?:\.|\[\s*"|\|\s*\.)(\w+)|\b(?:str)?env\(\s*(\w+)\s*\)/g)].map((m) => m[1] ?? m[2]!)) : [];
    if (envNamed.some((n) => credentialOf(st, n, env) !== undefined) && toScreen(fc)) facts.reads.push(ENVIRON);
    // envsubst prints its template with the environment's values put in.
    if (name === 'envsubst' && toScreen(fc) && [...(stdinText ?? '').matchAll(/\$\{?([A-Za-z_]\w*)/g)].some((m) => credentialOf(st, m[1]!, env) !== undefined)) facts.reads.push(ENVIRON);
    // A recursive search prints the project's secrets when its file selection takes them: one that matches
    // every line over a tree holding the project's top (grep -r '' ., rg -uu ., git grep --untracked
    // --no-exclude-standard ''), and any search whose --include/-g/-G names them (grep -r --include='.env*' KEY .).
    // So does an archive of that tree written to stdout (tar cf - . | tar xOf -, zip -r - . | base64, 7z a -so)
    // unless it leaves .env out.
    {
      const holdsTop = (ds: string[]) => (ds.length ? ds : ['.']).some((d) => { const p = realOf(st, abs0(d)) ?? abs0(d); return p === ctx.projectRoot || `${ctx.projectRoot}/`.startsWith(`${p}/`); });
      const search = searchSelection(name, args);
      // (git's own options before its verb are not grep's: git -c k=v grep … is no count.)
      const own = name === 'git' ? args.slice(Math.max(0, args.indexOf('grep'))) : args;
      const quiet = own.some((a) => (name === 'rg' ? /^-[a-zA-Z]*[lcq]/ : /^-[a-zA-Z]*[lLcq]/).test(a) && !a.startsWith('--') || /^--(files-with-matches|files-without-match|count|quiet|silent|files|type-list)$/.test(a));
      if (search && !quiet && search.takesSecret && (search.named || (search.everything && holdsTop(search.dirs)))) {
        if (toScreen(fc)) facts.reads.push(`${ctx.projectRoot}/.env`);
        else treeSecret = `${ctx.projectRoot}/.env`;
      }
      // (A list on stdin is git's tracked files when git ls-files without --others/--ignored writes it.)
      // (…and find's or fd's names are below their start points: find src -name '*.ts' | tar -T - archives src's files.)
      const listedBy = (a: readonly string[]): string[] => {
        // (git's listings of tracked files — ls-files, ls-tree, diff/show --name-only — hold what the repository holds.)
        if (listsTrackedOnly(a) || (a[0] === 'git' && a[1] === 'ls-tree' && !a.some((x) => x.startsWith('--format')))) return [];
        if (a[0] === 'git' && a.some((x) => /^(diff|show|log|whatchanged)$/.test(x)) && a.some((x) => /^--name-(only|status)$/.test(x)) && !a.includes('--no-index')) return [];
        // (echo and printf list the words they are given; ls without -a/-A lists no dot-file.)
        if (a[0] === 'echo' || a[0] === 'printf') return a.slice(a[0] === 'printf' ? 2 : 1).filter((x) => !/^-[neE]+$/.test(x));
        if (a[0] === 'ls') { const ops = a.slice(1).filter((x) => !x.startsWith('-')); return a.some((x) => /^-[a-zA-Z1]*[aA]/.test(x) || /^--(all|almost-all)$/.test(x)) ? (ops.length ? ops : ['.']) : ops.filter((o) => !/^\.\/?$/.test(o) && abs0(o) !== ctx.projectRoot); }
        // (…and only those its -name tests let through: find . -name '*.ts' lists no .env.)
        const names = a.flatMap((x, k) => (/^-i?name$/.test(a[k - 1] ?? '') ? [x] : []));
        if (a[0] === 'find' && names.length && !a.some((x) => x === '!' || x === '-not') && !names.some((g) => ['.env', '.env.local', 'id_rsa', 'key.pem'].some((n) => nameMatchesGlob(g, n)))) return [];
        if (a[0] === 'find') { const starts = a.slice(1).filter((x, k) => !/^[-!(]/.test(x) && !/^-/.test(a[k] ?? '') && a.slice(1, k + 1).every((y) => !/^[-!(]/.test(y) || /^-[HLP]$/.test(y))); return starts.length ? starts : ['.']; }
        return ['.'];
      };
      // (…through filters that pass names on: ls -1 dist | sed 's|^|dist/|'.)
      const listedFrom = (ups: readonly number[], depth = 0): string[] => ups.flatMap((up) => {
        const a = info[up]?.argv ?? [];
        return depth < 4 && /^(sed|grep|egrep|awk|sort|uniq|head|tail|cut|tr|tee)$/.test(a[0] ?? '') && (flat[up]?.stdinFrom.length ?? 0) > 0 ? listedFrom(flat[up]!.stdinFrom, depth + 1) : listedBy(a);
      });
      const listedIn = (): string[] => listedFrom(fc.stdinFrom);
      const listFile = (p: string): string[] => { const w = st.opaqueWritten.get(abs0(p)); return w === undefined ? [] : listedBy(w.argv); };
      const archived0 = archiveToStdout(name, args, (p) => st.scripts.get(abs0(p)), (p) => (p === '-' || p === '/dev/stdin' ? (fc.stdinFrom.length ? listedIn() : ['.']) : listFile(p)));
      // (GNU tar given no -f writes $TAPE when it is set, a remote one included: TAPE=HOST:PATH tar -c . is tar -cf HOST:PATH .)
      const tape = archived0 !== undefined && archived0.file === undefined && archiveNames(name, args).length === 0 ? archiveNames(name, args, env)[0] : undefined;
      const archive0 = tape !== undefined ? { ...archived0!, file: tape } : archived0;
      // (An archive file that is stdout by another name — /dev/fd/3 with 3>&1, or >(base64) — is written to stdout.)
      const fdOut = (f: string) => { const n = /^\/(?:dev|proc\/self)\/fd\/(\d+)$/.exec(f)?.[1]; return n !== undefined && fc.redirects.some((r) => r.fd === Number(n) && r.op === '>&' && r.target.value === '1'); };
      const archive = archive0?.file !== undefined && (fdOut(archive0.file) || /^>\(/.test(archive0.file)) ? { inputs: archive0.inputs, takesSecret: archive0.takesSecret } : archive0;
      // (Not when what reads the pipe only lists it: tar cf - . | tar tvf -.)
      const listsOnly = fc.stdoutTo.length > 0 && fc.stdoutTo.every(function unpacks(i: number): boolean {
        const a = flat[i]?.argv.map((w) => w.value) ?? [];
        // (…through a meter or buffer: tar cf - . | pv | tar xf -.)
        if (/^(pv|mbuffer|buffer)$/.test(posix.basename(a[0] ?? '')) && (flat[i]?.stdoutTo.length ?? 0) > 0) return flat[i]!.stdoutTo.every(unpacks);
        // (…or unpacks it to disk: tar -C /tmp/preview -xf -.)
        return tarShowsNothing(a, true);
      });
      // (…or names a secret outright: a list file holding .env.)
      // (…or a directory holding a link the line made to a secret, archived by a program that stores what links point to:
      // tar -h/--dereference, zip and 7z by default, bsdtar -L.)
      const dereferences = /^(tar|gtar)$/.test(name) ? args.some((a) => /^-?[a-zA-Z]*h/.test(a) && !a.startsWith('--') || a === '--dereference')
        : /^(zip)$/.test(name) ? !args.some((a) => /^-[a-zA-Z]*y/.test(a) && !a.startsWith('--') || a === '--symlinks')
          : /^(7z|7za|7zz)$/.test(name) ? !args.includes('-snl') : name === 'bsdtar' ? args.some((a) => /^-[a-zA-Z]*[LH]/.test(a) && !a.startsWith('--')) : false;
      const linkedSecret = (i: string) => dereferences && [...st.links].some(([made, to]) => made.startsWith(`${abs0(i)}/`) && isSecretPath(st, to, ctx));
      const dotInputs = (archive?.inputs ?? []).some((i) => (/(^|\/)\.(\*|\[!.\]\*|\?\?\*)$/.test(i) && abs0(i).startsWith(`${ctx.projectRoot}/`)) || isSecretPath(st, i, ctx) || linkedSecret(i));
      if (archive && archive.file === undefined && !listsOnly && (holdsTop(archive.inputs.length ? archive.inputs : ['__none__']) || dotInputs) && archive.takesSecret && !fc.redirects.some((r) => /^(>>?|>\||&>>?)$/.test(r.op) && (r.fd ?? 1) === 1) && (fc.stdoutTo.length > 0 || fc.origin?.style === 'process-in' || archive !== archive0)) {
        if (toScreen(fc)) facts.reads.push(`${ctx.projectRoot}/.env`);
        else treeSecret = `${ctx.projectRoot}/.env`;
      }
      // (Written to a file — tar czf /tmp/p.tgz ., zip -r /tmp/p ., tar cf - . > /tmp/p.tar — the archive holds .env:
      // sent or shown later in the line, it is that secret. Writing it is not judged for that.)
      // (…and any archive of the whole tree — git archive of a commit, one that leaves .env out — is the project's source.)
      const gitArchive = name === 'git' && args.includes('archive') ? args.map((a, k) => (/^(-o|--output)$/.test(args[k - 1] ?? '') ? a : a.startsWith('--output=') ? a.slice(9) : /^-o./.test(a) ? a.slice(2) : undefined)).find((x) => x !== undefined) ?? fc.redirects.find((r) => /^(>>?|>\|)$/.test(r.op) && (r.fd ?? 1) === 1)?.target.value : undefined;
      // (Not a subtree: git archive HEAD:docs, or HEAD -- docs.)
      const treeish = name === 'git' ? args.slice(args.indexOf('archive') + 1).filter((a, k, xs) => !a.startsWith('-') && !/^(-o|--output|--format|--prefix|--remote|--exec)$/.test(xs[k - 1] ?? '')) : [];
      if (gitArchive !== undefined && !treeish.some((t) => t.includes(':')) && !args.includes('--') && treeish.length <= 1) st.projectArchives.add(abs(gitArchive));
      if (archive && !listsOnly && holdsTop(archive.inputs.length ? archive.inputs : ['__none__']) && archive.file !== undefined) st.projectArchives.add(abs(archive.file));
      // (An archive of an operand only the running shell names — tar czf o.tgz notes $y, tar cf - "$y" — may hold any file, a
      // secret among them: unknown is possibly secret where it is sent. The archive carries that name on, or its output does.)
      const unknownInput = archive && !listsOnly ? archive.inputs.find(isComputed) : undefined;
      if (unknownInput !== undefined && archive!.file !== undefined && !STDIN_PATH.test(archive!.file) && !st.tainted.has(abs(archive!.file))) st.tainted.set(abs(archive!.file), unknownInput);
      else if (unknownInput !== undefined && archive!.file === undefined && fc.stdoutTo.length > 0) rec.maybeSecretOut = true;
      if (archive && !listsOnly && (holdsTop(archive.inputs.length ? archive.inputs : ['__none__']) || dotInputs) && archive.takesSecret) {
        const files = archive.file !== undefined ? [archive.file, ...(name === 'zip' && !/\.[^/]*$/.test(archive.file) ? [`${archive.file}.zip`] : [])]
          : fc.redirects.filter((r) => /^(>>?|>\|)$/.test(r.op) && (r.fd ?? 1) === 1).map((r) => r.target.value);
        for (const f of files) if (!STDIN_PATH.test(f)) st.archived.set(abs(f), `${ctx.projectRoot}/.env`);
        // (…written to HOST:PATH, a remote archive, it leaves with the secret in it.)
        if (archive.file !== undefined && remoteArchiveName(name, args, archive.file)) facts.sends.push(`${ctx.projectRoot}/.env`);
      }
    }
    // What a secret store reads out (op read, aws secretsmanager get-secret-value, kubectl get secret -o yaml)
    // is a credential: shown to the agent, asked like a secret file; sent on, a secret.
    // A database shell's script from stdin or a process substitution (psql <<< '\\o F', echo … | psql, psql -f <(…)),
    // and sqlite3's dot-commands in its operands: the files its commands write, and those it runs as more script (\\i F,
    // source F, .read F — their lines come back in its errors).
    if (/^(psql|mysql|mariadb|sqlite3|duckdb)$/.test(name)) {
      const fromSub = name === 'psql' ? processSubText(fc, flat, info, (raw) => /^<\(/.test(raw)) : undefined;
      const texts = [stdinText, fromSub, ...(/^(sqlite3|duckdb)$/.test(name) ? args.filter((a) => /^\s*\./.test(a)) : [])].filter((t): t is string => t !== undefined);
      for (const t of texts) {
        if (name === 'psql') facts.writes.push(...writesInCode(t));
        facts.reads.push(...includedInCode(t));
      }
    }
    // An archive of the project (written earlier in the line) unpacked to stdout — tar xzf F -O, gunzip -c F, zcat F,
    // unzip -p F — prints its .env; piped on, it carries it.
    {
      const toOut = (/^(tar|bsdtar|gtar)$/.test(name) && args.some((a) => /^-?[a-zA-Z]*x/.test(a) && !a.startsWith('--') || a === '--extract') && args.some((a) => /^-[a-zA-Z]*O/.test(a) && !a.startsWith('--') || /^--to-stdout$/.test(a)))
        || /^(zcat|gzcat|bzcat|xzcat|zstdcat)$/.test(name) || (/^(gunzip|gzip|bzip2|xz|zstd|unxz|bunzip2)$/.test(name) && args.some((a) => /^-[a-zA-Z]*c/.test(a) && !a.startsWith('--') || a === '--stdout'))
        || (name === 'unzip' && args.some((a) => /^-[a-zA-Z]*[pc]/.test(a) && !a.startsWith('--'))) || (/^(7z|7za|7zz)$/.test(name) && args.includes('-so'));
      // (A decompressor fed the archive on stdin writes it to stdout without -c: gunzip < p.tgz | strings.)
      const fedIn = ctx.stdin !== undefined && (/^(gunzip|zcat|gzcat|bunzip2|bzcat|unxz|xzcat|unzstd|zstdcat|lz4cat)$/.test(name) || (/^(gzip|pigz|bzip2|xz|zstd|lz4)$/.test(name) && args.some((a) => /^-[a-zA-Z]*d/.test(a) && !a.startsWith('--') || a === '--decompress')));
      const packed = toOut || fedIn ? [...(toOut ? args.map((a) => a.replace(/^--file=/, '')) : []), ...(fedIn ? [ctx.stdin!] : [])].map((a) => st.archived.get(abs(a))).find((x) => x !== undefined) : undefined;
      if (packed !== undefined) { if (toScreen(fc)) facts.reads.push(packed); else rec.secretOut ??= packed; }
    }
    // ClickHouse's table functions read and send: file('F') reads F on this machine (clickhouse local, or the client's
    // INFILE), url('U') fetches from or, in INSERT INTO FUNCTION url(…), posts to U — with what file() read.
    if (/^clickhouse(-local|-client)?$/.test(name)) {
      const sql = [...args, stdinText ?? ''].join('\n');
      const read = [...sql.matchAll(/\b(?:file|INFILE)\s*\(?\s*'([^']+)'/gi)].map((m) => m[1]!);
      facts.reads.push(...read);
      for (const m of sql.matchAll(/\burl\s*\(\s*'([^']+)'/gi)) st.sub(read.length ? read.map((r) => `curl -d @${quote(r)} ${quote(m[1]!)}`).join('\n') : `curl ${quote(m[1]!)}`, ctx.cwd, env);
    }
    // sftp reads its commands from stdin when no -b names a batch (sftp host <<< 'put -r .'): each put/mput/reput
    // sends its local file, a recursive one of the project's top uploads the project, `!CMD` runs CMD here.
    // Commands from input Rampart cannot read are an opaque list of transfers, as a batch file is.
    if (name === 'sftp' && !args.some((a) => /^-[a-zA-Z]*b/.test(a) && !a.startsWith('--'))) {
      const fed = fc.stdinFrom.length > 0 || ctx.stdin !== undefined;
      if (stdinText === undefined && fed) tag('opaque-config', 'sftp reads its transfers from input Rampart cannot read');
      for (const line of (stdinText ?? '').split('\n')) {
        const w = line.trim().split(/\s+/);
        if (/^(put|mput|reput)$/.test(w[0] ?? '')) {
          const local = w.slice(1).find((x) => !x.startsWith('-'));
          if (local === undefined) continue;
          facts.sends.push(local);
          if (w.some((x) => /^-[a-zA-Z]*[rR]/.test(x)) && wholeTree(local, ctx.cwd, ctx.home)) {
            facts.tags.add('uploads-project');
            facts.notes.push(`sftp put -r ${local} uploads the project, its .env with it`);
          }
        } else if (line.trim().startsWith('!')) st.sub(line.trim().slice(1), ctx.cwd, env);
      }
    }
    // (An edit command hands the decrypted secret to $EDITOR; an editor that only prints — EDITOR=cat — shows it: sops FILE,
    // rails credentials:edit, helm secrets edit, pass edit, ansible-vault edit, kubectl edit secret.)
    const printerEditor = [env.EDITOR, env.VISUAL, env.SOPS_EDITOR, env.KUBE_EDITOR, env.EDITOR_CMD].some((e) => e !== undefined && /^\s*(\S*\/)?(cat|tac|head|tail|less|more|most|bat|batcat|nl|od|xxd|hexdump|base64|strings|tee|cp|dd|curl|nc)\b/.test(e));
    const editsSecret = (name === 'sops' && !args.some((a) => /^(-e|--encrypt|-r|--rotate|-i|--in-place|--version|-h|--help|encrypt|rotate|updatekeys|publish|keyservice|filestatus)$/.test(a)))
      || (/^(rails|bin\/rails)$/.test(name) && args.some((a) => /^(credentials|encrypted):edit$/.test(a))) || (name === 'helm' && args[0] === 'secrets' && /^(edit|view)$/.test(args[1] ?? ''))
      || (/^(pass|gopass)$/.test(name) && args[0] === 'edit') || (name === 'ansible-vault' && args[0] === 'edit');
    const stored = storedSecret(name, args) ?? (printerEditor && editsSecret ? '~/.config/sops/age/keys.txt' : undefined);
    // (…or written to a file, which then holds it: gpg -o F -d, op inject -o F, oc extract --to=DIR.)
    const storedInto = storedSecretFile(name, args);
    if (storedInto) st.tainted.set(abs(storedInto.file), storedInto.secret);
    // (A store whose output has a known shape — kubectl's objects, bw's and op's items — piped to a filter that keeps only
    // names or keys shows no value; a decrypted file's shape is its author's.)
    // (Of another store's output — a decrypted file — only its keys, count or type: its field names are its author's.)
    // (Only the real filter: jq by its bare name, PATH untouched, no file called jq made in the line — not /tmp/jq, a copy of cat.)
    const realFilter = (i: number) => !(flat[i]?.assignments ?? []).some((a) => a.name === 'PATH') && !/(^|[;&|(\s])(export\s+)?PATH=/.test(st.lineText) && ![...st.written, ...st.binaries.keys()].some((w) => /\/(jq|gojq|jaq|yq)$/.test(w));
    const namesOnly = fc.stdoutTo.length > 0 && fc.stdoutTo.every((i) => realFilter(i) && keysOnly(flat[i]?.argv.map((w) => w.value) ?? [], !/^(kubectl|oc|bw|op|lpass|rbw|curl|wget|http|https|xh)$/.test(name), /^(kubectl|oc)$/.test(name)));
    if (stored !== undefined && toScreen(fc) && !counted && !namesOnly) facts.reads.push(stored);
    if (stashShown && toScreen(fc)) facts.reads.push(`${ctx.projectRoot}/.env`);
    // A printer whose output is thrown away (cat .env > /dev/null, gh auth token >/dev/null 2>&1) shows nothing.
    // (The redirections are followed in order: `2>&1 >/dev/null` still shows stderr.)
    const fds: Record<number, string> = { 1: 'screen', 2: 'screen' };
    for (const r of fc.redirects) {
      if (r.op === '&>' || r.op === '&>>') fds[1] = fds[2] = r.target.value;
      else if (/^(>|>>|>\|)$/.test(r.op)) fds[r.fd ?? 1] = r.target.value;
      else if (r.op === '>&' && /^\d+$/.test(r.target.value)) fds[r.fd ?? 1] = fds[Number(r.target.value)] ?? 'screen';
    }
    // (Only for programs whose reading is printing: a copy's read — cp ~/.aws/credentials dist/ >/dev/null — is still a copy.)
    // (…and only when it writes no file besides: xxd .env /tmp/x >/dev/null copies the secret.)
    // (xxd IN OUT and uniq IN OUT write their second operand: a copy of what they read.)
    const copyOps = /^(xxd|uniq)$/.test(name) ? args.filter((a, k) => !a.startsWith('-') && !(name === 'uniq' ? /^(-f|-s|-w)$/ : /^(-c|-g|-l|-s|-o|-cols|-len|-seek|-groupsize)$/).test(args[k - 1] ?? '')) : [];
    const copyOut = copyOps[1];
    if (copyOut !== undefined && copyOut !== '-') { const from = firstSecret(st, copyOps.slice(0, 1).map((a) => realOf(st, abs0(a)) ?? a), ctx); if (from) st.tainted.set(abs0(copyOut), from); }
    const discarded = fc.stdoutTo.length === 0 && fds[1] === '/dev/null' && facts.writes.every((w) => w === '/dev/null') && copyOut === undefined && PRINTERS.test(name);
    // A package manager's token file filled with literal text (echo 'save-exact=true' >> .npmrc): judged by that text.
    const shown = shownTokenWrites(name, args, fc, flat, facts.writes, new Set(writes.map(resolveW)));
    if (shown.length) facts.shownWrites = shown;
    // (…and sed -i prints nothing of the file it edits: its output goes back into it.)
    if (name === 'sed' && shown.length) facts.reads = facts.reads.filter((r) => !shown.some((w) => abs(w) === abs(r)));
    settleTokenWrites(st, facts.writes.map(abs), shown.map(abs), (w) => !facts.truncates?.some((t) => abs(t) === w) && !(name === 'tee' && !facts.appends?.some((a) => abs(a) === w)));
    // A tool pointed by its option at configuration of the project's own (kubectl --kubeconfig ./.kube/kind.yaml), or at a
    // kubeconfig a local-cluster tool wrote in this line, reads configuration as trusted as the project's build files.
    if (facts.tags.has('config-relocated')) {
      const v = configOptionValue(name, args);
      // (Only a file's name: cargo --config 'KEY=VALUE' is the configuration itself, written in the line, not a project file.)
      const to = v !== undefined && !/[$`=\s{]/.test(v) ? resolvePath(v, ctx) : undefined;
      if (to !== undefined && (projectConfig(st, to, ctx.cwd) || (name === 'kubectl' && st.generatedKubeconfigs.has(to)))) facts.tags.delete('config-relocated');
    }
    // (A delete there of a named volume made before this line, or of a directory no image has, in a container whose mounts
    // are not all seen — exec into a running one, a compose service, a pod, a VM — may destroy a mount of this machine.)
    askUnplacedDeletes(st, name, facts.deletes, ctx, facts.tags.has('recursive') || facts.tags.has('force'));
    // (…and a write there below /host, where node-admin pods and debugging containers mount this machine's root, to a start-up
    // file, ~/.ssh or a cron directory is that write to this machine, could the judge see the mount.)
    const copiedTo = copiedIntoContainer(name, args);
    const hostRootCopy = copiedTo !== undefined ? hostRootPath(copiedTo) : undefined;
    for (const w of [...(st.inside ? hostRootWrites(st.inside, facts.writes.map(abs)) : []), ...(hostRootCopy !== undefined ? [hostRootCopy] : [])]) {
      const probe = newFacts('<probe>');
      probe.writes.push(w);
      const classes = judgeFacts(st.policy, probe, [], { ...ctx, stdin: undefined, stdout: undefined }).pathClasses.writes;
      // (…or a system file — root's start-up files and keys, /var/spool/cron — which this machine's judge asks about too.)
      if (classes.has('protected') || classes.has('home_credential') || classes.has('system') || classes.has('root')) {
        tag('unmodelled-protected', `${name} writes ${w} below a directory where containers mount this machine's root, in one whose mounts Rampart cannot see`);
        break;
      }
    }
    const j = judgeFacts(st.policy, counted || discarded ? { ...facts, reads: [] } : facts, argv, { ...ctx, env });
    st.out.push(j);
    rec.judged = j;
    for (const w of facts.writes) rec.writesFiles.push(abs(w));
    // A clone is a download: its directory counts as downloaded (clone then run its script).
    // gh repo clone REPO [DIR] is a clone too.
    if (name === 'gh' && (facts.subcommand === 'repo clone' || (args[0] === 'gist' && args[1] === 'clone'))) {
      const ops = args.filter((a) => !a.startsWith('-')).slice(2);
      const dir = ops[1] ?? posix.basename(ops[0] ?? '').replace(/\.git$/, '');
      if (dir) rec.cloneDir = abs(dir);
    }
    // degit / tiged / giget SRC [DEST] copy a repository's files without its history: a clone all the same.
    if (/^(degit|tiged|giget)$/.test(name)) {
      const ops = args.filter((a, k) => !a.startsWith('-') && !/^(--mode|--dir|-d)$/.test(args[k - 1] ?? ''));
      const dir = args.find((a, k) => /^(--dir|-d)$/.test(args[k - 1] ?? '')) ?? ops[1] ?? posix.basename((ops[0] ?? '').replace(/#.*$/, ''));
      if (dir) rec.cloneDir = abs(dir);
      // (Run through npx, it is judged one level down: the enclosing line learns of it as a downloaded tree, DIR/.)
      if (dir) st.downloaded.add(`${abs(dir)}/`);
    }
    if (name === 'git' && facts.subcommand === 'clone') {
      const ops = argv.slice(argv.indexOf('clone') + 1).filter((a, k, all) => !a.startsWith('-') && !/^(-o|--origin|-b|--branch|--depth|-c|--config|--template|--reference|-j|--jobs|--filter|-u|--upload-pack)$/.test(all[k - 1] ?? ''));
      const dir = ops[1] ?? posix.basename(ops[0] ?? '').replace(/\.git$/, '');
      // (A clone of the project itself — `.`, its path, its own .git — holds the project's own committed code: building it
      // runs what building the project runs. Not with submodules fetched from elsewhere, or hooks from a template.)
      const src = ops[0] === undefined ? undefined : abs(ops[0].replace(/^file:\/\//, '')).replace(/\/+$/, '');
      const own = (src === ctx.projectRoot || src === `${ctx.projectRoot}/.git`) && !argv.some((a) => /^--(recurse-submodules|recursive|template|separate-git-dir)(=|$)/.test(a));
      if (dir && !own) rec.cloneDir = abs(dir);
    }
    // git submodule add URL [PATH] clones URL into PATH (by default the repository's name); svn export/checkout URL [DEST]
    // and hg/sl clone fetch a tree the same way (svn export of one file writes that file).
    if (name === 'git' && facts.subcommand === 'submodule add') {
      const at = argv.indexOf('add');
      const ops = argv.slice(at + 1).filter((a, k, all) => !a.startsWith('-') && !/^(-b|--branch|--name|--reference|--depth)$/.test(all[k - 1] ?? ''));
      const dir = ops[1] ?? posix.basename(ops[0] ?? '').replace(/\.git$/, '');
      if (dir) rec.cloneDir = abs(dir);
    }
    if (/^(svn|hg|sl)$/.test(name)) {
      const sub = args.findIndex((a) => /^(export|checkout|co|clone)$/.test(a));
      if (sub >= 0) {
        const ops = args.slice(sub + 1).filter((a, k, all) => !a.startsWith('-') && !/^(-r|--revision|--depth|-u|--updaterev|-b|--branch|--username|--password|--config-option|--config-dir)$/.test(all[k - 1] ?? ''));
        const dir = ops[1] ?? posix.basename((ops[0] ?? '').replace(/\/+$/, ''));
        if (dir && ops[0] !== undefined && /^[a-z][\w+.-]*:\/\//i.test(ops[0])) rec.cloneDir = abs(dir);
      }
    }
    // What this command's output carries.
    // (A directory searched recursively is no secret's path itself: what it holds is.)
    // What a secret store reads out (sops -d, pass show, kubectl get secret -o yaml) is shown; sent on, a secret.
    if (SECRET(j, 'reads')) rec.secretOut = firstSecret(st, facts.reads, ctx) ?? (facts.reads[0] !== undefined ? abs0(facts.reads[0]) : undefined);
    else if (stored !== undefined) rec.secretOut = abs0(stored);
    else if (ctx.stdin && (FILTERS.has(name) || (!NO_CONTENT.has(name) && !ANALYZERS[name] && !NETWORK_TOOLS.has(name))) && isSecretPath(st, ctx.stdin, ctx) && !valueFree?.(ctx.stdin)) rec.secretOut = ctx.stdin;
    else if (FILTERS.has(name)) for (const up of fc.stdinFrom) if (info[up]?.secretOut && !valueFree?.(info[up]!.secretOut!)) rec.secretOut = info[up]!.secretOut;
    if (!rec.secretOut && substitutedSecret && (FILTERS.has(name) || name === 'echo' || name === 'printf')) rec.secretOut = substitutedSecret;
    // After a secret file was sourced, a dump of the environment prints it (also awk's ENVIRON, ps e).
    if (!rec.secretOut && ((/^(g|m|n)?awk$/.test(name) && args.some((a) => /\bENVIRON\b/.test(a))) || (name === 'ps' && args.some((a) => /^[a-zA-Z]*e[a-zA-Z]*$/.test(a))))) rec.secretOut = st.sourcedSecret ?? ENVIRON;
    if (!rec.secretOut && st.sourcedSecret && name === 'compgen') rec.secretOut = st.sourcedSecret;
    // A dump of the environment prints the agent's credentials (and, after a secret file was
    // sourced, that file's): shown on the screen it is left alone (env | grep PROXY); sent on, it is a secret.
    // (jq -n env / $ENV prints the whole environment as JSON; --arg env names $env, a variable of its own, and only --arg ENV hides $ENV.)
    if (!rec.secretOut && ((/^(env|printenv)$/.test(name) && args.every((a) => a.startsWith('-'))) || (/^(export|declare|typeset|set)$/.test(name) && args.every((a) => /^-[px]*$/.test(a))) || (/^(jq|gojq|jaq|yq|xq|tomlq)$/.test(name) && args.some((a, k) => !a.startsWith('-') && !/^--(arg|argjson)$/.test(args[k - 1] ?? '') && !/^--(arg|argjson)$/.test(args[k - 2] ?? '') && new RegExp(`(^|[^\\w.$])(env${args.some((b, i) => /^--(arg|argjson|rawfile|slurpfile)$/.test(args[i - 1] ?? '') && b === 'ENV') ? '' : '|\\$ENV'})\\b(?!\\s*(\\.\\w+|\\[\\s*"\\w+"\\s*\\]|:))`).test(a.replace(/"(?:[^"\\]|\\.)*"/g, '""')))))) rec.secretOut = st.sourcedSecret ?? ENVIRON;
    // printenv NAME of a credential prints it; printf -v VAR … "$CREDENTIAL" puts it in VAR.
    if (!rec.secretOut && name === 'printenv' && args.some((a) => !a.startsWith('-') && envCredentialOf(a, {}) !== undefined)) rec.secretOut = ENVIRON;
    // (…and so does jq's env.NAME / $ENV.NAME / env["NAME"] of one — yq's env(NAME) and strenv(NAME) too.)
    if (!rec.secretOut && /^(jq|gojq|jaq|yq|xq|tomlq)$/.test(name) && args.some((a) => [...a.matchAll(/(?:^|[^\w.$])(?:\$?ENV|env)\s*(?:\.\s*(\w+)|\[\s*"(\w+)"\s*\])|\b(?:str)?env\(\s*(\w+)\s*\)/g)].some((m) => envCredentialOf(m[1] ?? m[2] ?? m[3]!, {}) !== undefined))) rec.secretOut = ENVIRON;
    if (name === 'printf') {
      const v = args.find((a, k) => args[k - 1] === '-v') ?? args.find((a) => /^-v\w/.test(a))?.slice(2);
      if (v && argv0.some((a) => [...a.matchAll(/\$\{?([A-Za-z_]\w*)/g)].some((m) => envCredentialOf(m[1]!, env) !== undefined))) st.secretVars.set(v, ENVIRON);
    }
    // Archivers that write an archive of secrets to their output carry them (tar czf - ~/.ssh | curl -T -).
    // cpio -o, tar -T -, zip -@ archive the names they read: names a lister printed, or a here-string.
    if (!rec.secretOut && ((name === 'cpio' && args.some((a) => /^-[a-zA-Z]*o|^--create$/.test(a))) || (name === 'tar' && args.some((a, k) => /^(-T|--files-from)$/.test(args[k - 1] ?? '') && STDIN_PATH.test(a))) || (name === 'zip' && args.includes('-@')))) {
      const names = [...fc.stdinFrom.map((up) => info[up]?.namesOut).filter((x): x is string => x !== undefined), ...(stdinText ?? '').split('\n').map((l) => l.trim()).filter(Boolean).map((l) => abs0(l))];
      const secret = names.find((n) => isSecretPath(st, n, ctx));
      if (secret) rec.secretOut = secret;
    }
    // SQL that reads a file into the database (sqlite3 readfile('.env')): the database holds it.
    if (name === 'sqlite3' || name === 'duckdb') {
      const read = args.flatMap((a) => [...a.matchAll(/\b(?:readfile|read_text|read_blob|read_csv\w*|read_json\w*|read_parquet)\s*\(\s*'([^']+)'/gi)].map((m) => abs0(m[1]!)));
      const secret = read.find((p) => isSecretPath(st, p, ctx));
      const db = args.find((a) => !a.startsWith('-'));
      if (secret) {
        rec.secretOut = secret;
        if (db && db !== ':memory:') rec.writesFiles.push(abs0(db));
      }
    }
    // A filter given a secret as an option's value (jq --rawfile c .env) prints it.
    if (!rec.secretOut && FILTERS.has(name)) {
      // (Patterns are judged by what they name literally; reports/*.json names no secret.)
      const s = firstSecret(st, args.filter((a) => !a.startsWith('-') && /[/.]/.test(a) && !/[*?[]/.test(a)).map(abs0), ctx);
      if (s && !valueFree?.(s)) rec.secretOut = s;
    }
    if (!rec.secretOut && /^(tar|zip|7z|gzip|bzip2|xz|zstd|cpio|jar)$/.test(name)) {
      // (Option values are no members: tar -C ~ .ssh archives ~/.ssh, not ~.)
      const valueAt = new Set(args.flatMap((a, k) => (/^(-C|--directory|-f|--file|-T|--files-from|-X|--exclude-from|--exclude|-I|--use-compress-program)$/.test(a) ? [k + 1] : [])));
      // (zip's -x/-i list patterns: zip -r out.zip . -x '.env*' leaves .env out.)
      if (name === 'zip') for (const j of zipPatterns(args).keys()) valueAt.add(j);
      const operands = args.filter((a, k) => !a.startsWith('-') && a !== '-' && !valueAt.has(k));
      // tar -C DIR names its operands inside DIR.
      const base = tarDirectory(args) ?? '.';
      const home = (p: string) => p.replace(/^~(?=\/|$)/, ctx.home);
      // (…and zip's -i patterns pick what goes in below its inputs: zip -r c.zip certs/ -i '*.pem' holds the keys.)
      const picked = name === 'zip' ? [...zipPatterns(args)].filter(([, kind]) => kind === 'i').flatMap(([j]) => (args[j]!.includes('/') ? [args[j]!] : operands.slice(1).map((o) => `${o.replace(/\/+$/, '')}/${args[j]!}`))) : [];
      const secret = [...operands, ...picked].map((o) => real(posix.resolve(ctx.cwd, home(base), home(o)))).find((o) => {
        const probe = judgeFacts(st.policy, { ...newFacts('<probe>'), sends: [o] }, [], { ...ctx, stdin: undefined, stdout: undefined });
        return SECRET(probe, 'sends');
      });
      if (secret) rec.secretOut = secret;
    }
    // An archive of a secret written to stdout (tar cf - ~/.ssh, tar c .env, gzip -c .env): its bytes are printed, as cat would.
    if (rec.secretOut && /^(tar|bsdtar|gzip|bzip2|xz|zstd)$/.test(name)) {
      const creates = /^(tar|bsdtar)$/.test(name) && args.some((a, k) => a === '--create' || ((k === 0 || a.startsWith('-')) && !a.startsWith('--') && /^-?[a-zA-Z]*c/.test(a)));
      const toStdout = creates ? (archiveFile(name, args) ?? '-') === '-' : /^(gzip|bzip2|xz|zstd)$/.test(name) && args.some((a) => /^-[a-zA-Z]*c|^--(stdout|to-stdout)$/.test(a));
      // (Unless the output goes to a file: then that file holds the secret, as a written archive does.)
      // (An archive holds every file below a directory it is given: tar czf - ~ prints ~/.ssh too.)
      if (toStdout && redirectWrites.size === 0) st.out.push(judgeFacts(st.policy, { ...newFacts(name), reads: [rec.secretOut], tags: new Set(['recursive-read']) }, argv, { ...ctx, env }));
    }
    // The archive file an archiver of a secret writes holds the secret too (tar czf /tmp/b.tgz ~/.ssh; gh release upload … /tmp/b.tgz).
    // (Packing it there reads it, as copying it does: a person decides, as for zip -r k.zip ~/.ssh.)
    if (rec.secretOut && /^(tar|bsdtar|zip|7z|jar|cpio)$/.test(name)) {
      const out = archiveFile(name, args);
      if (out !== undefined && out !== '-') {
        rec.writesFiles.push(abs(out));
        st.out.push(judgeFacts(st.policy, { ...newFacts(name), reads: [rec.secretOut], tags: new Set(['recursive-read']) }, argv, { ...ctx, env, stdin: undefined, stdout: undefined }));
      }
    }
    // (grep -q/-c/-l/-L prints no line of what it searched: whether it matched, how often, which file.)
    if (/^(grep|egrep|fgrep|rg)$/.test(name) && args.some((a) => ((name === 'rg' ? /^-[a-zA-Z]*[qcl]/ : /^-[a-zA-Z]*[qclL]/).test(a) && !a.startsWith('--')) || /^--(quiet|silent|count|files-with-matches|files-without-match)$/.test(a))) rec.secretOut = undefined;
    // (An archive of the project piped on carries its .env to whatever reads the pipe: | ssh host 'cat > x'.)
    if (treeSecret) rec.secretOut ??= treeSecret;
    if (rec.secretOut) st.readsSecret = true;
    // git check-ignore prints the ignored names it is given — .env among * .* or a --stdin list; locate prints every path its
    // pattern matches, a secret's when the pattern can name one.
    if (name === 'git' && args.includes('check-ignore')) {
      const given = args.slice(args.indexOf('check-ignore') + 1).filter((a) => !a.startsWith('-'));
      if (args.includes('--stdin') || given.some((g) => /^(\.?\*|\.[*?[])/.test(g)) || given.some((g) => isSecretPath(st, abs0(g), ctx))) rec.namesOut = `${ctx.projectRoot}/.env`;
    }
    if (/^(locate|plocate|mlocate|slocate)$/.test(name)) {
      const regex = args.some((a) => /^(-r|--regexp|--regex)$/.test(a));
      const pats = args.filter((a, k) => !a.startsWith('-') && !/^(-d|--database|-l|-n|--limit)$/.test(args[k - 1] ?? ''));
      const hit = SECRET_NAMES.find((n) => pats.some((p) => { if (!regex) return p.includes(n) || nameMatchesGlob(posix.basename(p), n) || n.includes(p); try { return new RegExp(p).test(`${ctx.projectRoot}/${n}`); } catch { return true; } }));
      if (hit !== undefined) rec.namesOut = `${ctx.projectRoot}/${hit}`;
    }
    // Listers print the paths of what they list: a secret's path, when they list one.
    if (/^(ls|find|fd|fdfind|realpath|readlink|echo|printf)$/.test(name)) {
      const ops = args.filter((a, k) => !a.startsWith('-') && !/^\(|^\)$|^!$/.test(a) && !/^-(i?name|i?path|type|maxdepth|mindepth|newer|size|mtime|perm|user|printf)$/.test(args[k - 1] ?? ''));
      rec.namesOut = firstSecret(st, (name === 'find' ? ops.slice(0, 1) : ops).map(abs0), ctx);
      // find ROOT -name PATTERN lists what the pattern names: a secret's, when it can be one (-name '*.pem', '.env*').
      if (name === 'find' && !rec.namesOut) {
        const root = ops[0] ?? '.';
        const names = args.filter((a, k) => /^-i?name$/.test(args[k - 1] ?? ''));
        // (-path PATTERN matches the whole path below the root: '*/.?ws/*' with -name 'cred*' can be ~/.aws/credentials.)
        const paths = args.filter((a, k) => /^-(i?path|i?wholename)$/.test(args[k - 1] ?? '')).map((p) => p.replace(/^(\.\/|\*\/)/, '').replace(/\/\*$/, `/${names[0] ?? '*'}`));
        rec.namesOut = firstSecret(st, [...names, ...paths].map((n) => abs0(`${root.replace(/\/+$/, '')}/${n}`)), ctx);
      }
    } else if (FILTERS.has(name) || /^(read|mapfile|readarray)$/.test(name)) for (const up of fc.stdinFrom) rec.namesOut ??= info[up]?.namesOut;
    // rg --files -g GLOB, fd GLOB: the names a glob picks (rg --files --hidden -g '.env*').
    if (!rec.namesOut && ((name === 'rg' && args.includes('--files')) || name === 'fd' || name === 'fdfind')) {
      const globs = args.filter((a, k) => /^(-g|--glob|--iglob)$/.test(args[k - 1] ?? '') || (name !== 'rg' && !a.startsWith('-') && k === args.findIndex((x) => !x.startsWith('-')))).map((g) => g.replace(/^!.*/, ''));
      rec.namesOut = firstSecret(st, globs.filter(Boolean).map((g) => abs0(g.includes('/') ? g : `./${g}`)), ctx);
    }
    // A listing narrowed by a pattern that picks a secret's name (ls -A | grep -m1 '^\.env'): that secret.
    if (!rec.namesOut && /^(grep|egrep|fgrep|rg)$/.test(name) && !args.some((a) => /^-[a-zA-Z]*v/.test(a) && !a.startsWith('--') || a === '--invert-match')) {
      const pat = args.find((a, k) => /^(-e|--regexp)$/.test(args[k - 1] ?? '')) ?? args.find((a, k) => !a.startsWith('-') && !/^(-m|--max-count|-A|-B|-C)$/.test(args[k - 1] ?? ''));
      for (const up of fc.stdinFrom) {
        const u = info[up];
        const dir = u?.name === 'ls' ? u.argv.slice(1).find((a) => !a.startsWith('-')) ?? '.' : u?.listsUnder ? posix.dirname(u.listsUnder) : undefined;
        if (dir === undefined || pat === undefined) continue;
        let re: RegExp | undefined;
        try {
          re = name === 'fgrep' || args.some((a) => a === '-F' || a === '--fixed-strings') ? undefined : new RegExp(pat, args.some((a) => /^-[a-zA-Z]*i/.test(a) && !a.startsWith('--')) ? 'i' : '');
        } catch {
          continue;
        }
        const hit = SECRET_NAMES.find((n) => (re ? re.test(n) : n.includes(pat)));
        if (hit) rec.namesOut = posix.resolve(ctx.cwd, dir.replace(/^~(?=\/|$)/, ctx.home), hit);
      }
    }
    // Lists of ignored files (git ls-files -i/--ignored, git status --ignored) name the secrets git keeps out;
    // a search for credential names (grep -rl AWS_SECRET .) lists the files that hold them.
    if (!rec.namesOut && ((name === 'git' && args[0] === 'ls-files' && args.some((a) => /^(-i|--ignored|-[a-zA-Z]*i[a-zA-Z]*)$/.test(a) && !/^--/.test(a) || a === '--ignored')) || (/^(grep|egrep|fgrep|rg)$/.test(name) && args.some((a) => /^-[a-zA-Z]*l/.test(a) && !a.startsWith('--') || a === '--files-with-matches') && args.some((a) => /KEY|SECRET|TOKEN|PASSW|PRIVATE|CREDENTIAL|BEGIN .*PRIVATE/i.test(a))))) rec.namesOut = `${ctx.cwd}/.env`;
    // Listers whose every printed path lies below directories inside the project.
    const roots = listedRoots(name, args);
    // Listings piped on that can print the project's hidden or ignored files (ls -a in any form, find -name '.*',
    // git ls-files -o, rg/fd --hidden or --no-ignore): what they name may be a secret.
    // (…or written to a file, which a later reader reads back: see st.listings.)
    if (!rec.namesOut && (fc.stdoutTo.length > 0 || fc.redirects.some((r) => /^(>|>>|>\|)$/.test(r.op) && (r.fd ?? 1) === 1))) {
      const inProject = (ds: string[]) => (ds.length ? ds : ['.']).map(abs0).every((d) => d === ctx.projectRoot || d.startsWith(`${ctx.projectRoot}/`));
      const ops = args.filter((a) => !a.startsWith('-'));
      const namePat = name === 'find' ? args.find((a, k) => /^-i?(name|path|wholename)$/.test(args[k - 1] ?? '')) : undefined;
      const patMatchesSecret = namePat !== undefined && ['.env', '.env.local', 'id_rsa', '.npmrc', 'server.key'].some((n) => nameMatchesGlob(namePat.replace(/^.*\//, ''), n));
      const hiddenList = (/^(ls|gls|exa|eza|lsd|dir|vdir)$/.test(name) && args.some((a) => (/^-[a-zA-Z1]*[aA]/.test(a) && !a.startsWith('--')) || /^--(all|almost-all)$/.test(a)) && inProject(ops))
        || (name === 'find' && patMatchesSecret && inProject(ops.filter((o) => !o.startsWith('(') && o !== namePat).slice(0, 1)))
        || (name === 'git' && args[0] === 'ls-files' && args.some((a) => /^(-o|--others|-[a-zA-Z]*o[a-zA-Z]*)$/.test(a)) && !args.includes('--exclude-standard'))
        // (git status --ignored and a dry-run git clean -x/-X list what .gitignore keeps out: .env first.)
        || (name === 'git' && args[0] === 'status' && args.some((a) => /^--ignored(=(traditional|matching))?$/.test(a)))
        || (name === 'git' && args[0] === 'clean' && args.some((a) => /^-[a-zA-Z]*[xX]/.test(a)))
        // (bash's completion lists of file names: compgen -f . prints every dot-file.)
        || (name === 'compgen' && args.some((a, k) => /^-[a-zA-Z]*[fG]/.test(a) || (/^-[a-zA-Z]*A$/.test(args[k - 1] ?? '') && /^(file|directory)$/.test(a))))
        // (du -a prints every file with its size, tree -a every name: cut -f2 or awk picks the names.)
        || ((name === 'du' || name === 'tree') && args.some((a) => /^-[a-zA-Z]*a/.test(a) && !a.startsWith('--') || a === '--all') && inProject(ops))
        || (/^(rg|fd|fdfind)$/.test(name) && args.some((a) => /^(--hidden|--no-ignore|-u+|-[a-zA-Z]*H)$/.test(a)) && (name !== 'rg' || args.includes('--files')))
        // (A search's list of files whose selection takes .env and whose pattern every line matches — grep -rl '' . —
        // or that lists the files without a match — grep -rL zzz . — names .env: piped to xargs cat, it is read.)
        || (() => {
          const sel = searchSelection(name, args);
          const without = args.some((a) => (name !== 'rg' && /^-[a-zA-Z]*L/.test(a) && !a.startsWith('--')) || a === '--files-without-match');
          return sel !== undefined && sel.takesSecret && (sel.named || sel.everything || without) && inProject(sel.dirs);
        })();
      if (hiddenList) rec.namesOut = `${ctx.projectRoot}/.env`;
    }
    if (roots !== undefined) {
      const dirs = roots.map(abs0);
      const p = ctx.projectRoot;
      // (find without a name test prints its roots too: `rm -rf $(find .)` is the project itself.)
      const rootsToo = name === 'find' && !args.some((a) => /^-(i?name|i?path|i?wholename|i?regex|type|newer\w*|mtime|mmin|size|empty|perm|user|links)$/.test(a));
      if (dirs.length && dirs.every((d) => d === p || d.startsWith(`${p}/`))) rec.listsUnder = `${dirs.length === 1 ? dirs[0] : p}/${rootsToo ? '*' : LISTED}`;
      // A listing that shows hidden files (ls -a/-A, fd -H) or, from the project's top, every file (find . -type f)
      // prints the names of its secrets (.env) too: what it names may be one.
      const hidden = (name === 'ls' && args.some((a) => (/^-[a-zA-Z1]*[aA]/.test(a) && !a.startsWith('--')) || /^--(all|almost-all)$/.test(a))) || (/^(fd|fdfind)$/.test(name) && args.some((a) => /^(-H|--hidden|-u|--unrestricted|-[a-zA-Z]*H)$/.test(a)))
        || (name === 'find' && dirs.includes(p) && !args.some((a) => /^-(i?name|i?path|i?wholename|i?regex)$/.test(a)));
      if (hidden && dirs.includes(p) && !rec.namesOut) rec.namesOut = `${p}/.env`;
    } else if ((/^(grep|egrep|fgrep|head|tail|sort|uniq|shuf|tac|cat)$/.test(name) || (/^(read|mapfile|readarray)$/.test(name) && !args.includes('-u'))) && !args.some((a) => /^-[a-zA-Z]*o/.test(a) && !a.startsWith('--') || a === '--only-matching') && fc.stdinFrom.length) {
      // (Only filters that pass whole lines on keep them paths below the directory: sed, awk, tr rewrite them.)
      const ups = fc.stdinFrom.map((up) => info[up]?.listsUnder);
      if (ups.every((u) => u !== undefined)) rec.listsUnder = ups.length === 1 ? ups[0] : `${ctx.projectRoot}/*`;
    }
    // A listing written to a file (ls -A > /tmp/l, find . -fprint /tmp/l) is kept with what it names; read back — cat,
    // head, sort, a `<` redirect, xargs -a, read, mapfile — it names that again, and a copy of it does too.
    {
      const listOps = args.filter((a) => !a.startsWith('-'));
      const inFiles = [...(/^(cat|head|tail|sort|uniq|shuf|tac|xargs|parallel|grep|egrep|fgrep|sed|awk|gawk|mawk|nl|cut)$/.test(name) ? listOps.map(abs0).map((f) => realOf(st, f) ?? f) : []), ...(fc.stdinFrom.length === 0 && ctx.stdin ? [ctx.stdin] : []),
        ...args.flatMap((a, k) => (/^(-a|--arg-file)$/.test(args[k - 1] ?? '') || (name === 'parallel' && args[k - 1] === '::::') ? [abs0(a)] : /^--arg-file=/.test(a) ? [abs0(a.slice(11))] : []))];
      const back = inFiles.map((f) => st.listings.get(f)).find((x) => x !== undefined);
      if (back && !/^(xargs|parallel)$/.test(name)) { rec.namesOut ??= back.namesOut; rec.listsUnder ??= back.listsUnder; }
      if (back && /^(cp|mv|install)$/.test(name)) for (const w of rec.writesFiles) st.listings.set(w, back);
      const fprint = name === 'find' ? args.find((a, k) => /^-(fprint0?|fls|fprintf)$/.test(args[k - 1] ?? '')) : undefined;
      if (fprint !== undefined) {
        const root = abs0(listOps[0] ?? '.');
        const named = args.some((a) => /^-(i?name|i?path|i?wholename|i?regex)$/.test(a));
        if (!named && (root === ctx.projectRoot || `${ctx.projectRoot}/`.startsWith(`${root}/`))) st.listings.set(abs0(fprint), { namesOut: `${ctx.projectRoot}/.env` });
      }
      const copied = /^(cp|mv|install)$/.test(name) ? listOps.slice(0, -1).map((o) => st.listings.get(abs0(o))).find((x) => x !== undefined) : undefined;
      if (copied) for (const w of rec.writesFiles) st.listings.set(w, copied);
      const outs = fc.redirects.filter((r) => /^(>|>>|>\|)$/.test(r.op) && (r.fd ?? 1) === 1).map((r) => abs0(r.target.value));
      if ((rec.namesOut || rec.listsUnder) && !/^(cp|mv|install)$/.test(name)) for (const w of outs) st.listings.set(w, { namesOut: rec.namesOut, listsUnder: rec.listsUnder });
    }
    // A copy of a guarded program (cp /usr/bin/curl /tmp/c, cat "$(which rm)" > x) runs as that program.
    if (/^(cp|ln|install|rsync|cat|dd)$/.test(name)) {
      const ops = args.filter((a) => !a.startsWith('-')).map((a) => a.replace(/^if=/, ''));
      const program = ops.map((o) => programOf(o, env)).find((p) => p !== undefined);
      if (program) for (const w of rec.writesFiles) st.binaries.set(w, program);
    }
    // A copy or move of a script this line wrote carries its text (and the edits made to it).
    if (/^(cp|mv|install|ln)$/.test(name)) {
      const ops = args.filter((a) => !a.startsWith('-'));
      const text = ops.slice(0, -1).map((o) => st.scripts.get(abs0(o))).find((x) => x !== undefined);
      if (text !== undefined) for (const w of rec.writesFiles) rememberWritten(st, w, text, ctx.cwd);
      const edit = ops.slice(0, -1).map((o) => st.edits.get(abs0(o))).find((x) => x !== undefined);
      if (edit !== undefined) for (const w of rec.writesFiles) st.edits.set(w, edit);
    }
    // A notebook converted from a script this line wrote (jupytext --to notebook x.py, --to py x.ipynb, -o OUT) holds its
    // code: executed later (nbconvert --execute, papermill), it is that code.
    if (name === 'jupytext') {
      const value = (re: RegExp) => args.map((a, k) => (re.test(args[k - 1] ?? '') ? a : undefined)).find((x) => x !== undefined);
      const to = value(/^(--to|-t)$/) ?? args.find((a) => a.startsWith('--to='))?.slice(5);
      const out = value(/^(-o|--output)$/) ?? args.find((a) => a.startsWith('--output='))?.slice(9);
      const options = /^(--to|-t|-o|--output|--from|--format-options|--opt|--set-formats|--pipe|--check|--update-metadata)$/;
      for (const src of args.filter((a, k) => !a.startsWith('-') && !options.test(args[k - 1] ?? ''))) {
        const text = scriptText(src);
        if (text === undefined) continue;
        const notebook = /^(notebook|ipynb)/.test(to ?? '') || /\.ipynb$/.test(out ?? '');
        // (A notebook Rampart cannot read is carried over as it is: run later, it is still one nobody can read.)
        const code = /\.ipynb$/.test(src) ? notebookCells(text)?.join('\n') : text;
        const dest = out ?? src.replace(/\.[^./]+$/, notebook ? '.ipynb' : /^(py|python)/.test(to ?? '') ? '.py' : /^md/.test(to ?? '') ? '.md' : '.ipynb');
        rememberWritten(st, abs0(dest), code === undefined ? text : notebook ? JSON.stringify({ cells: [{ cell_type: 'code', source: code }] }) : code, ctx.cwd);
      }
    }
    // Text an editor puts into a file without the line showing the result (sed -i 's/…/rm -rf ~/',
    // jq '.scripts.x="…"' f > g): what it inserts is judged when a program may later read the file.
    if (name === 'sed' && args.some((a) => /^-[nrEsuz]*i/.test(a) || /^--in-place/.test(a))) {
      const progs = programsOf('sed', args).join('\n');
      for (const w of rec.writesFiles) st.edits.set(w, progs);
    }
    if (/^(jq|yq|gojq)$/.test(name) && redirectWrites.size) {
      const prog = filterProgram(args);
      if (prog !== undefined) for (const w of redirectWrites) st.edits.set(posix.resolve(ctx.cwd, w.replace(/^~(?=\/|$)/, ctx.home)), prog);
    }
    // ln [-s] TARGET NAME (and cp -s/-l): later writes through NAME land on TARGET.
    if (name === 'ln' || (name === 'cp' && args.some((a) => /^-[a-zA-Z]*[sl]$|^--(symbolic-link|link)$/.test(a)))) {
      const ops = args.filter((a, k) => !a.startsWith('-') && !/^(-[a-zA-Z]*[St]|--suffix|--target-directory)$/.test(args[k - 1] ?? ''));
      const symbolic = args.some((a) => /^-[a-zA-Z]*s|^--symbolic/.test(a));
      // (ln -r makes the link's text relative for it, from the target as named here: it reaches the same file.)
      const relative = name === 'ln' && args.some((a) => /^-[a-zA-Z]*r|^--relative$/.test(a) && !a.startsWith('--r') || a === '--relative');
      const link = (to0: string, at: string) => {
        // (The working directory by its variable — ln -s "$PWD" /tmp/p, "$(pwd)/.env" — is where the line runs.)
        const to = to0.replace(/^~(?=\/|$)/, ctx.home).replace(/^(?:\$\{?PWD\}?|\$\(pwd\)|`pwd`)(?=\/|$)/, ctx.cwd === UNKNOWN_CWD ? '$PWD' : ctx.cwd);
        st.links.set(abs(at), posix.resolve(symbolic && !relative ? posix.dirname(abs(at)) : ctx.cwd, to));
        // (…climbing into a temp directory is no layout of the tree: ../../../tmp/x.)
        if (symbolic && !posix.isAbsolute(to) && !/[$`]/.test(to) && !/^\/(tmp|var\/tmp|dev\/shm)\//.test(st.links.get(abs(at))!)) st.relativeLinks.add(abs(at));
        else st.relativeLinks.delete(abs(at));
      };
      const base = (p: string) => posix.basename(p.replace(/\/+$/, ''));
      // (ln -t DIR TARGET… and ln TARGET… DIR make DIR/NAME for each; one operand, a link of that name in the current
      // directory — ln -s /tmp/cfg/.yarnrc.yml.)
      const dir = targetDirectory(args);
      if (dir !== undefined) for (const o of ops) link(o, posix.join(dir, base(o)));
      else if (ops.length === 2) {
        link(ops[0]!, ops[1]!);
        // (…and, when NAME is a directory already, DIR/TARGET's name inside it.)
        if (!args.some((a) => /^-[a-zA-Z]*T$|^--no-target-directory$/.test(a))) link(ops[0]!, posix.join(ops[1]!, base(ops[0]!)));
      }
      else if (name === 'ln' && ops.length === 1) link(ops[0]!, base(ops[0]!));
      else if (ops.length > 2) for (const o of ops.slice(0, -1)) link(o, posix.join(ops.at(-1)!, base(o)));
    }
    // git archive --add-file=F puts F in the archive (or on stdout): a secret there is carried on.
    if (name === 'git' && args.find((a) => !a.startsWith('-')) === 'archive') {
      const added = args.map((a, k) => (a.startsWith('--add-file=') ? a.slice(11) : args[k - 1] === '--add-file' ? a : undefined)).filter((x): x is string => x !== undefined);
      const secret = firstSecret(st, added.map(abs0), ctx);
      if (secret) {
        rec.secretOut = secret;
        st.readsSecret = true;
      }
    }
    // cp/ln/mv of a secret, or a secret written by redirection, makes its target a secret too.
    // scp between local paths is a cp.
    const localScp = name === 'scp' && !args.some((a) => /^[^/-][^/]*:/.test(a));
    if (localScp) {
      const last = args.filter((a) => !a.startsWith('-')).at(-1);
      if (last !== undefined && !rec.writesFiles.includes(abs(last))) rec.writesFiles.push(abs(last));
    }
    if (/^(cp|ln|mv|install|rsync)$/.test(name) || localScp || rec.secretOut) {
      const sources = facts.deletes.length ? facts.deletes : args.filter((a) => !a.startsWith('-')).slice(0, -1);
      // (A copy of an operand only the running shell names — cp a $y /tmp/o — may be a copy of a secret: it carries that name.)
      const source = rec.secretOut ?? firstSecret(st, sources, ctx) ?? sources.find((s) => isComputed(abs(s)));
      if (source) for (const w of rec.writesFiles) st.tainted.set(w, source);
      // (A tool's configuration replaced by a copy or link of something outside the project is configuration nobody read.)
      const named = args.filter((a, k) => !a.startsWith('-') && !/^-[a-zA-Z]*[tSm]$|^--(target-directory|suffix|mode)$/.test(args[k - 1] ?? ''));
      const from = name === 'ln' && named.length === 1 ? named : named.slice(0, -1);
      // (A symbolic link's relative target is relative to the link's own directory: ln -sf ../.yarnrc.yml apps/docs/.yarnrc.yml.)
      const symbolic = name === 'ln' && args.some((a) => /^-[a-zA-Z]*s/.test(a) && !a.startsWith('--') || a === '--symbolic');
      if (/^(cp|ln|mv|install)$/.test(name)) for (const w of rec.writesFiles) replacedConfig(st, w, symbolic ? from.map((f) => (/^[/~$]/.test(f) ? f : posix.join(posix.dirname(w), f))) : from, ctx.cwd);
      // (A copy of the project's own files made here — a backup in /tmp put back later — is the project's own; a copy
      // of anything else, even into the project, is foreign: cp /tmp/evil x.txt && cp x.txt .yarnrc.yml.)
      if (/^(cp|mv|install)$/.test(name) && from.length) {
        const own = from.every((f) => { const a = abs(f); return (a.startsWith(`${ctx.projectRoot}/`) || st.ownCopies.has(a)) && !st.foreign.has(a); });
        for (const w of rec.writesFiles) {
          if (own) { st.ownCopies.add(w); st.foreign.delete(w); } else { st.foreign.add(w); st.ownCopies.delete(w); }
        }
      }
    }
    // A copy of a tree holding the project's top (cp -a . /tmp/c, rsync -a ./ /tmp/copy, ditto) holds its .env: the copy
    // is read as the tree it copies (see realOf), so a search or archive of it later is one of the project.
    if ((/^(cp|rsync|ditto)$/.test(name) && (name === 'ditto' || args.some((a) => /^-[a-zA-Z]*[rRa]/.test(a) && !a.startsWith('--') || /^--(recursive|archive)$/.test(a)))) || localScp || name === 'mv') {
      // (cp -t DIR SRC… names its destination first; a move or copy of a copy is a copy too.)
      const target = targetDirectory(args);
      const ops0 = args.filter((a, k) => !a.startsWith('-') && !/^-[a-zA-Z]*[tSe]$|^--(target-directory|suffix|rsh|exclude|include|filter)$/.test(args[k - 1] ?? ''));
      const ops = target !== undefined ? [...ops0, target] : ops0;
      const dest = ops.at(-1);
      for (const src of ops.slice(0, -1)) {
        const p = realOf(st, abs(src)) ?? abs(src);
        if (dest === undefined || /[:@]/.test(dest) || !(p === ctx.projectRoot || `${ctx.projectRoot}/`.startsWith(`${p}/`))) continue;
        const d = abs(dest);
        st.links.set(d, p);
        if (!/(^|\/)\.?\/?$/.test(src) && !src.endsWith('/')) st.links.set(`${d}/${posix.basename(p)}`, p);
      }
    }
    // (A copy of an archive that holds .env holds it too — and so does what any program makes of it: split's pieces,
    // gpg -c's FILE.gpg, a compressor's FILE.gz, base64 F > G.)
    {
      const ops = args.filter((a, k) => !a.startsWith('-') && !(name === 'split' && /^-[bnlCaft]$|^--(bytes|lines|number|line-bytes|suffix-length|additional-suffix|filter)$/.test(args[k - 1] ?? '')));
      const packed = (/^(cp|mv|install|rsync|ln)$/.test(name) ? ops.slice(0, -1) : ops).map((a) => st.archived.get(abs(a))).find((x) => x !== undefined);
      const from = ops.find((a) => st.archived.has(abs(a)));
      if (/^(cp|mv|install|rsync|ln)$/.test(name) && ops.slice(0, -1).some((a) => st.projectArchives.has(abs(a)))) for (const w of rec.writesFiles) st.projectArchives.add(w);
      if (packed && from !== undefined && !(/^(bsdtar|tar|gtar)$/.test(name) && tarShowsNothing(argv, false))) {
        for (const w of rec.writesFiles) st.archived.set(w, packed);
        const made = name === 'split' ? ['aa', 'ab', 'ac', 'ad', '00', '01', '02', '03'].map((x) => `${ops[1] ?? 'x'}${x}`)
          : /^(gpg2?|age|openssl)$/.test(name) ? [`${from}.gpg`, `${from}.asc`, ...args.filter((a, k) => /^(-o|--output|-out)$/.test(args[k - 1] ?? '')), ...args.flatMap((a) => (/^--output=/.test(a) ? [a.slice(9)] : []))]
            : /^(gzip|pigz|xz|bzip2|zstd|lz4|brotli)$/.test(name) && !args.some((a) => /^-[a-zA-Z]*c|^--stdout$/.test(a)) ? [`${from}.gz`, `${from}.xz`, `${from}.bz2`, `${from}.zst`, `${from}.lz4`, `${from}.br`] : [];
        for (const m of made) st.archived.set(abs(m), packed);
      }
    }
    // (…and a tool's configuration replaced by any other writer: curl -o / wget -O of a URL, dd of= from if=, tee of
    // what it is fed, cp -t DIR, rsync: the words it was given, the upstream commands' files.)
    // (echo's and printf's words are the text itself, not files it came from: //registry.npmjs.org/:_authToken=… is no path.)
    if (!/^(cp|mv|install|ln|sed|awk|gawk|perl|yq|jq|npm|pnpm|yarn|pip|pip3|git|poetry|uv|echo|printf)$/.test(name)) {
      const given = [...args.filter((a) => /:\/\//.test(a) || /^(\/|~|\.\.?\/)/.test(a) || a.startsWith('if=')).map((a) => a.replace(/^if=/, '')),
        ...fc.stdinFrom.flatMap((up) => (info[up]?.argv ?? []).slice(1).filter((a) => /:\/\//.test(a) || /^(\/|~)/.test(a))), ...(ctx.stdin !== undefined ? [ctx.stdin] : [])];
      for (const w of rec.writesFiles) replacedConfig(st, w, given.filter((g) => abs(g) !== w), ctx.cwd);
    }
    if (/^(cp|install|mv|ln)$/.test(name) && args.some((a) => /^-[a-zA-Z]*t$|^--target-directory/.test(a))) for (const w of rec.writesFiles) replacedConfig(st, w, args.filter((a, k) => !a.startsWith('-') && !/^-[a-zA-Z]*t$|^--target-directory$/.test(args[k - 1] ?? '')), ctx.cwd);
    // (…by git mv of a file the line brought in — cp /tmp/y x.txt; git mv x.txt .yarnrc.yml — and by a member of an archive from
    // outside the project extracted by name: unzip -o /tmp/cfg.zip .yarnrc.yml, tar xf /tmp/cfg.tar -C app pip.conf.)
    if (name === 'git' && args.find((a) => !a.startsWith('-')) === 'mv') {
      const ops = args.slice(args.indexOf('mv') + 1).filter((a) => !a.startsWith('-'));
      if (ops.length >= 2) for (const w of [abs(ops.at(-1)!), ...ops.slice(0, -1).map((o) => abs(`${ops.at(-1)!}/${posix.basename(o)}`))]) replacedConfig(st, w, ops.slice(0, -1), ctx.cwd);
    }
    const extracted = archiveMembers(name, args);
    // (A member named by a pattern — '.yarnrc*' — may be any configuration file it matches.)
    const CONFIG_NAMES = ['.npmrc', '.yarnrc', '.yarnrc.yml', 'pip.conf', '.envrc', 'bunfig.toml', '.pypirc', 'gradle.properties', '.bazelrc', 'nuget.config', '.pre-commit-config.yaml'];
    if (extracted) for (const m of extracted.members.flatMap((x) => (/[*?[]/.test(x) ? CONFIG_NAMES.filter((n) => nameMatchesGlob(posix.basename(x), n)).map((n) => posix.join(posix.dirname(x), n)) : [x]))) replacedConfig(st, abs(posix.join(extracted.dir, m)), [extracted.archive], ctx.cwd);
    // (What any other program writes — curl -o, a redirection, sed -i — is no longer a plain copy of the project's file.)
    if (!/^(cp|mv|install|ln)$/.test(name)) for (const w of rec.writesFiles) { st.ownCopies.delete(w); if (!st.scripts.has(w)) st.foreign.add(w); }
    // Downloaded content flows through filters (curl … | tee x | sh).
    // (A CLI's own completion script — gh completion -s bash — is printed from the program, not fetched.)
    // (…and gh printing only identifiers — gh run list --json databaseId -q '.[0].databaseId' — prints no text of anyone's.)
    if ((DOWNLOADERS.has(name) && !completionScript(name, args) && ghIdentifiers(name, args) === undefined) || ((FILTERS.has(name) || DECODERS.has(name)) && fc.stdinFrom.some((up) => info[up]?.downloadOut))) rec.downloadOut = true;
    // A copy from elsewhere (scp host:f ., aws s3 cp s3://… f, docker cp c:/f ., ssh host cat f) is a download: what it writes or
    // prints is judged as curl -o's or curl's would be.
    const fetched = remoteCopy(name, args);
    if (fetched) {
      if (fetched.prints) rec.downloadOut = true;
      rec.copiedIn = { files: fetched.files.map(abs), trees: fetched.trees.map(abs) };
    }
    // (git archive --remote=URL prints another repository's tree: a download, as curl's would be.)
    if (name === 'git' && facts.subcommand === 'archive' && args.some((a) => /^--remote(=|$)/.test(a)) && !args.some((a) => /^(-o|--output)(=|$)/.test(a))) rec.downloadOut = true;
    // Text known statically: echo/printf words, and known text decoded (base64 -d, xxd -r -p,
    // rev, tr's character maps such as rot13).
    if (name === 'echo') rec.textOut = echoText(args);
    if (name === 'printf') rec.textOut = printfText(args);
    // cat of a here-document or here-string (and no file) prints that text.
    if (name === 'cat' && stdinText !== undefined && !args.some((a) => a !== '-' && !/^-[uA-Za-z]*$/.test(a)) && fc.stdinFrom.length === 0 && !fc.redirects.some((r) => (r.op === '<' || r.op === '<>') && (r.fd ?? 0) === 0)) rec.textOut = stdinText;
    // git's name for the current branch prints what the repository says (… | xargs git push origin).
    if (name === 'git' && CURRENT_BRANCH_ONLY.test(args.join(' '))) {
      const cur = st.branch ?? ctx.git?.currentBranch();
      if (cur) rec.textOut = `${cur}\n`;
    }
    const up = fc.stdinFrom.map((i) => info[i]?.textOut).find((x) => x !== undefined) ?? stdinText;
    if (up !== undefined) rec.textOut ??= decodedText(name, args, up) ?? (fc.argv.every((w) => w.static) ? filterOutput(name, args, up) : undefined);
    return;
  }
  // Wrappers, links and copies nested deeper than the judge follows: what finally runs is not known.
  tag('dynamic-command', `${argv0[0]} runs a program through more wrappers, links or copies than Rampart follows`);
}

/** What a decoding filter prints for known input: base64/base32 -d, xxd -r -p, rev, tr SET1 SET2 / tr -d SET. */
function decodedText(name: string, args: readonly string[], input: string): string | undefined {
  if ((name === 'base64' || name === 'base32') && args.some((a) => /^(-d|--decode|-D)$/.test(a))) return name === 'base64' ? Buffer.from(input.trim(), 'base64').toString('utf8') : undefined;
  if (name === 'xxd' && args.some((a) => /^-[a-z]*r/.test(a)) && args.some((a) => /^-[a-z]*p|^-(ps|plain)$/.test(a))) {
    const hex = input.replace(/\s+/g, '');
    return /^([0-9a-fA-F]{2})*$/.test(hex) ? Buffer.from(hex, 'hex').toString('utf8') : undefined;
  }
  if (name === 'rev' && args.length === 0) return input.split('\n').map((l) => [...l].reverse().join('')).join('\n');
  if (name === 'tr') {
    const ops = args[0] === '--' ? args.slice(1) : args;
    const set1 = trSet(ops[ops[0] === '-d' ? 1 : 0] ?? '');
    if (ops[0] === '-d' && ops.length === 2 && set1) return [...input].filter((c) => !set1.includes(c)).join('');
    const set2 = trSet(ops[1] ?? '');
    if (ops.length !== 2 || !set1 || !set2 || set2.length === 0) return undefined;
    return [...input].map((c) => (set1.lastIndexOf(c) >= 0 ? set2[Math.min(set1.lastIndexOf(c), set2.length - 1)]! : c)).join('');
  }
  return undefined;
}

/** A tr set as its characters (ranges, \n-style escapes, [:lower:]/[:upper:]/[:digit:]); undefined for what is not read (other classes, [=c=], [c*n]). */
function trSet(spec: string): string[] | undefined {
  if (spec.startsWith('-')) return undefined;
  const classes: Record<string, string> = { '[:lower:]': 'a-z', '[:upper:]': 'A-Z', '[:digit:]': '0-9' };
  const text = spec.replace(/\[:(lower|upper|digit):\]/g, (m) => classes[m]!).replace(/\\([ntr\\])/g, (_m, c: string) => ({ n: '\n', t: '\t', r: '\r', '\\': '\\' })[c]!);
  if (/\[[:=]|\*\d*\]/.test(text)) return undefined;
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i + 1] === '-' && i + 2 < chars.length && chars[i + 2]!.codePointAt(0)! >= chars[i]!.codePointAt(0)!) {
      for (let c = chars[i]!.codePointAt(0)!; c <= chars[i + 2]!.codePointAt(0)!; c++) out.push(String.fromCodePoint(c));
      i += 2;
    } else out.push(chars[i]!);
  }
  return out;
}

/** Platforms' CLIs that upload secrets or files, and file-transfer tools. */
const CLOUD_TREES = /^(aws|gcloud|gsutil|bq|az|oci|ibmcloud)$/;
const SECRET_SENDERS = /^(supabase|vercel|netlify|fly|flyctl|heroku|doppler|railway|render|dotenv-vault|infisical|croc|wormhole|magic-wormhole|ffsend|transfer|rclone|firebase|wrangler|restic|borg|borgbackup|duplicity|kopia|rdiff-backup|rustic|duplicacy)$/;

/** Build tools and the files they run that Rampart has no reader for. */
// Ways build files start programs or load code from elsewhere.
const BUILD_ESCAPE = /(\.ssh|\.aws|\.env\b|id_rsa|credentials|\bDOWNLOAD\b|\bUPLOAD\b|\bURL\s*\(|fromURL|\.readText|apply\s*\(\s*from)|\b(exec|execute|execute_process|exec_program|add_custom_command|add_custom_target|COMMAND|commandLine|ProcessBuilder|Runtime|run_command|run_target|custom_target|genrule|ctx\.actions\.run\w*|repository_rule|http_archive|git_repository|exec-maven-plugin|maven-antrun-plugin|executable|<exec\b|include\s*\(\s*https?:|apply\s+from\s*[:=]?\s*["']https?:|buildscript|sys\.process|"[^"]*"\.!|Process\s*\()\b/;
const BUILD_FILES: [RegExp, RegExp][] = [
  [/^(gradle|gradlew)$/, /^(build|settings)\.gradle(\.kts)?$/],
  [/^cmake$/, /^CMakeLists\.txt$/],
  [/^meson$/, /^meson\.build$/],
  [/^(bazel|bazelisk)$/, /^(BUILD|BUILD\.bazel|WORKSPACE|MODULE\.bazel)$/],
  [/^mvn$/, /^pom\.xml$/],
  [/^(sbt)$/, /^build\.sbt$/],
];

/** Runtimes and the tools that start them: [tool names, language, files of that language they may load]. */
const RUNTIMES: [RegExp, string, RegExp][] = [
  [/^(python[\d.]*|pypy[\d.]*|pytest|py\.test|pip[\d.]*|uv|uvx|poetry|tox|nox|hatch|pdm|pipx)$/, 'python', /\.py$/],
  [/^(node|nodejs|npx|npm|pnpm|yarn|bun|bunx|jest|vitest|tsx|ts-node|mocha|webpack|vite|eslint|deno)$/, 'node', /\.(js|cjs|mjs|ts|mts|cts)$/],
  [/^(ruby|bundle|rake|rspec|gem)$/, 'ruby', /\.rb$|\/(Rakefile|Gemfile|[\w.-]+\.gemspec)$/],
  // scons runs SConstruct/SConscript as Python.
  [/^scons$/, 'python', /\/(SConstruct|SConscript)$/],
  // cargo compiles and runs build.rs before anything else.
  [/^cargo$/, 'rust', /\/build\.rs$/],
  [/^(php|composer)$/, 'php', /\.php$/],
  [/^(perl|prove)$/, 'perl', /\.(pl|pm)$/],
];

/** Tool names a glob used as a program name can match, or undefined when it is no glob. */
function globbedTools(word: string): string[] | undefined {
  const base = posix.basename(word);
  if (!/[*?[]/.test(base) || word.includes('$') || base === '[' || base === '[[') return undefined;
  let re: RegExp;
  try {
    re = new RegExp(`^${base.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.').replace(/\[!/g, '[^')}$`);
  } catch {
    return [];
  }
  const wrappers = ['env', 'sudo', 'doas', 'nohup', 'timeout', 'nice', 'command', 'xargs', 'setsid', 'stdbuf', 'time', 'busybox'];
  return [...new Set([...Object.keys(ANALYZERS), ...NETWORK_TOOLS, ...wrappers, 'sh', 'bash', 'dash', 'zsh', 'python3', 'node', 'perl'])].filter((t) => re.test(t));
}

/** The text a command's only operand prints when it is one command substitution whose output the line knows (`"$(echo … | base64 -d)"`). */
function substitutionText(fc: FlatCommand, flat: readonly FlatCommand[], info: readonly Info[], at?: number): string | undefined {
  const word = at !== undefined ? fc.argv[at] : fc.argv.length === 2 ? fc.argv[1]! : undefined;
  if (!word || word.substitutions.length !== 1 || !/^"?(\$\(|`)[\s\S]*(\)|`)"?$/.test(word.raw)) return undefined;
  const outs = flat.filter((c) => c.origin?.parent === fc.index && c.origin.location === 'argv' && c.origin.word?.raw === word.raw && c.stdoutTo.length === 0);
  return outs.length === 1 ? info[outs[0]!.index]?.textOut : undefined;
}

/** A word holding one command substitution whose output the line knows, with that output put in (`"cmd=$(echo … | base64 -d)"`). */
function substitutedWord(fc: FlatCommand, flat: readonly FlatCommand[], info: readonly Info[], at: number): string | undefined {
  const word = fc.argv[at];
  if (!word || word.substitutions.length !== 1) return undefined;
  const outs = flat.filter((c) => c.origin?.parent === fc.index && c.origin.location === 'argv' && c.origin.word?.raw === word.raw && c.stdoutTo.length === 0);
  const text = outs.length === 1 ? info[outs[0]!.index]?.textOut : undefined;
  if (text === undefined) return undefined;
  const raw = word.raw.replace(/\$\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)|`[^`]*`/, () => text.replace(/\n+$/, ''));
  return /^"[\s\S]*"$/.test(raw) ? raw.slice(1, -1) : raw;
}

/** A script's text as it runs: $0 (and BASH_SOURCE) is the path it was run by, $1… its operands. */
function scriptRun(text: string, path: string, operands: readonly string[]): string {
  return withPositionals(text.replace(/\$\{BASH_SOURCE(\[0\])?\}|\$BASH_SOURCE\b/g, '$0'), [path, ...operands]);
}

/** The guarded program a path names: /usr/bin/curl, "$(command -v rm)", "$c" where c=$(which curl). */
function programOf(operand: string, env: Record<string, string | undefined>): string | undefined {
  const v = /^\$\{?(\w+)\}?$/.exec(operand);
  const text = v ? env[v[1]!] ?? operand : operand;
  // (Options may come in any number: command -v -p rm, which -a curl, type -P -a curl.)
  const looked = /(?:\$\(|`)\s*(?:command(?:\s+-[pvV]+)+|which(?:\s+-[a-z]+)*|type(?:\s+-[a-zA-Z]+)+)\s+([\w.+][\w.+-]*)/.exec(text);
  const name = looked ? looked[1]! : text.includes('/') ? posix.basename(text) : undefined;
  return name !== undefined && (ANALYZERS[canonicalTool(name)] !== undefined || NETWORK_TOOLS.has(name) || isShell(name) || languageOf(name) !== undefined) && name !== 'true' ? name : undefined;
}

/** The archive an archiver writes: tar -f/--file (also in an old-style cluster: czf X), zip X, 7z a X. */
function archiveFile(name: string, args: readonly string[]): string | undefined {
  if (name === 'zip') return args.find((a) => !a.startsWith('-'));
  if (name === 'jar') return /f/.test(args[0] ?? '') ? args[1] : undefined;
  if (name === 'cpio') return args.map((a, k) => (/^(-F|--file|-O)$/.test(args[k - 1] ?? '') ? a : a.startsWith('--file=') ? a.slice(7) : undefined)).find((x) => x !== undefined);
  if (name === '7z') return args.filter((a) => !a.startsWith('-'))[1];
  if (name !== 'tar' && name !== 'bsdtar') return undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--file' || a === '-f') return args[i + 1];
    if (a.startsWith('--file=')) return a.slice(7);
    // -czf X, czf X (the first word may omit the dash), -fX.
    if ((i === 0 || a.startsWith('-')) && !a.startsWith('--') && /^-?[a-zA-Z]*f/.test(a)) {
      const rest = a.slice(a.indexOf('f') + 1);
      return rest && a.startsWith('-') ? rest : args[i + 1];
    }
  }
  return undefined;
}

/** tar's -C/--directory value (the last one), if any. */
function tarDirectory(args: readonly string[]): string | undefined {
  let dir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-C' || a === '--directory') dir = args[++i];
    else if (a.startsWith('--directory=')) dir = a.slice(12);
    else if (/^-C./.test(a)) dir = a.slice(2);
  }
  return dir;
}

/**
 * What xargs appends, read from the command that feeds it: the paths ls -d and find -maxdepth 0
 * print, children of the directories ls and find list (and of the working directory, for tools
 * that print paths relative to it), or a name only known at run time.
 */
/** git subcommands that never connect: an operand xargs fills in there is a path or a revision, not a destination. */
const GIT_LOCAL = /^(add|rm|mv|log|show|diff|blame|restore|checkout|status|grep|ls-files|stash|reset|commit|format-patch|apply|am|cherry-pick|revert|tag|branch|switch|rev-parse|cat-file|check-ignore|annotate|shortlog|notes)$/;

/** Whether eval's words, as the line expands them (`args`: known values put in), still hold a value the line does not know,
 *  outside single quotes (`words`: eval's words as written). Words that split into several are read together. */
function evalRunsUnknown(words: FlatCommand['argv'], args: readonly string[]): boolean {
  const UNKNOWN = /\$(?![#?$!]|\{[#?$!]\})(?:\{?[A-Za-z_@*0-9]|\()|`/;
  if (words.length === args.length) return words.some((w, k) => !w.static && UNKNOWN.test(args[k]!));
  return words.some((w) => !w.static) && UNKNOWN.test(args.join(' '));
}

function xargsInput(producers: Info[]): string[] {
  const p = producers.at(-1);
  if (!p) return ['$XARGS_INPUT'];
  const listed = listedInput(p);
  // A listing that names a secret feeds that secret too (find . -name '.env*' | xargs cat).
  return p.namesOut ? [p.namesOut, ...listed] : listed;
}

function listedInput(p: Info): string[] {
  const child = (dir: string) => `${dir.replace(/\/+$/, '') || '/'}/$XARGS_INPUT`;
  const args = p.argv.slice(1);
  // (gh printing identifiers — issue numbers, run ids, repository names — feeds those.)
  const ids = ghIdentifiers(p.name, args);
  if (ids !== undefined) return [ids];
  if ((p.name === 'fd' || p.name === 'fdfind') && args.some((a) => /^--(base-directory|search-path)(=|$)/.test(a))) return ['$XARGS_INPUT'];
  // (stat -c %n, realpath and readlink -f print the names they are given: stat -c %n .* | xargs cat.)
  if ((/^g?stat$/.test(p.name) && args.some((a, k) => /^(-c|--format|--printf|-f)$/.test(args[k - 1] ?? '') && /^%[nN](\\n)?$/.test(a) || /^--(format|printf)=%n(\\n)?$/.test(a))) || /^(realpath|grealpath)$/.test(p.name) || (p.name === 'readlink' && args.some((a) => /^-[a-zA-Z]*[fem]/.test(a)))) {
    const ops = args.filter((a, k) => !a.startsWith('-') && !/^(-c|-f|--format|--printf|--relative-to|--relative-base)$/.test(args[k - 1] ?? ''));
    if (ops.length) return ops;
  }
  if (p.name === 'ls') {
    const ops = args.filter((a) => !a.startsWith('-'));
    const self = args.some((a) => /^-[a-zA-Z]*d/.test(a)) || ops.some((o) => /[*?[]/.test(o));
    return (ops.length ? ops : ['.']).map((o) => (self ? o : child(o)));
  }
  if (p.name === 'find' || p.name === 'fd' || p.name === 'fdfind') {
    const ops = p.name === 'find' ? findRoots(args).roots : [];
    const self = args.includes('-maxdepth') && args[args.indexOf('-maxdepth') + 1] === '0';
    // (find without a test prints each root too: `find . | xargs rm -rf` removes the project itself.)
    const rootsToo = p.name === 'find' && !args.some((a) => /^-(i?name|i?path|i?wholename|i?regex|type|newer\w*|mtime|mmin|size|empty|perm|user|links|mindepth)$/.test(a));
    return (ops.length ? ops : ['.']).flatMap((o) => (self ? [o] : rootsToo ? [o, child(o)] : [child(o)]));
  }
  // Tools that print paths relative to the working directory (git) or below the roots they search (grep -rl X DIR).
  if (p.name === 'git' && /^(ls-files|diff|status|grep|ls-tree)$/.test(args.find((a) => !a.startsWith('-')) ?? '') && !args.includes('--no-index')) return [child('.')];
  if (/^(grep|egrep|rg|ag)$/.test(p.name) && args.some((a) => /^-[a-zA-Z]*[lL]|^--(files|files-with-matches|files-without-match)$/.test(a))) {
    const roots = listedRoots(p.name === 'egrep' ? 'grep' : p.name, args);
    // (Not recursive, it prints some of the files it was given: the items xargs gave it, ./src/$XARGS_INPUT.)
    const given = args.filter((a) => !a.startsWith('-')).slice(args.some((a) => /^(-e|--regexp|-f|--file)(=|$)/.test(a)) ? 0 : 1);
    if (!roots && given.length && given.every((g) => g.endsWith('/$XARGS_INPUT') && !g.startsWith('$'))) return given;
    return roots ? roots.map(child) : ['$XARGS_INPUT'];
  }
  // A whole-line filter of a listing (git ls-files | grep '\.orig$'): still paths below its directory.
  if (p.listsUnder) return [p.listsUnder.replace(/\/(__listed__|\*)$/, '/$XARGS_INPUT')];
  // Text the line knows (git's current branch, echo's words): its words are the items.
  const words = p.textOut?.trim().split(/\s+/).filter(Boolean) ?? [];
  if (words.length > 0 && words.length <= 64 && words.every((w) => !/[$`"'\\]/.test(w))) return words;
  return ['$XARGS_INPUT'];
}

/** Names a project's or home's secrets usually have: what a pattern over a listing is tried on. */
const SECRET_NAMES = ['.env', '.env.local', '.env.production', 'id_rsa', 'id_ed25519', 'server.key', 'server.pem', 'credentials', '.npmrc', '.netrc', '.git-credentials', '.pypirc'];

/** The file a program replaces with its output, named by an option or an operand. */
function replacedOutput(name: string, args: readonly string[]): string | undefined {
  const opt = (re: RegExp) => args.map((a, k) => (re.test(args[k - 1] ?? '') ? a : undefined)).find((x) => x !== undefined) ?? args.find((a) => /^--output=/.test(a))?.slice(9);
  if (/^(shuf|iconv|pandoc|sort)$/.test(name)) return opt(/^(-o|--output)$/) ?? args.find((a) => /^-o./.test(a))?.slice(2);
  if (name === 'git' && args.find((a) => !a.startsWith('-')) === 'archive') return opt(/^(-o|--output)$/);
  const ops = args.filter((a) => !a.startsWith('-'));
  if (name === 'uniq') return ops[1];
  if (name === 'xxd' && args.some((a) => /^-[a-zA-Z]*r/.test(a))) return ops[1];
  if ((name === 'tar' || name === 'bsdtar') && args.some((a, k) => a === '--create' || ((k === 0 || a.startsWith('-')) && !a.startsWith('--') && /^-?[a-zA-Z]*c/.test(a)))) return archiveFile(name, args);
  return undefined;
}

/** The text the commands feeding a command print, where the line knows it (echo, printf, a decoder of known text, git's current branch). */
function pipedTexts(fed: readonly number[], info: Info[]): string[] {
  return fed.flatMap((up) => (info[up] && /^(echo|printf)$/.test(info[up]!.name) ? [info[up]!.name === 'echo' ? echoText(info[up]!.argv.slice(1)) : printfText(info[up]!.argv.slice(1))].filter((t): t is string => t !== undefined) : info[up]?.textOut !== undefined ? [info[up]!.textOut!] : []));
}

/** That text's lines. */
function pipedLines(fed: readonly number[], info: Info[]): string[] {
  return pipedTexts(fed, info).join('\n').split('\n').map((l) => l.trim()).filter(Boolean);
}

/** The name standing for the files a lister printed below a directory (never a secret's name, never the directory itself). */
const LISTED = '__listed__';

/** The directories a lister prints paths below (grep -rl PAT DIR…, rg -l, find DIR…, fd PAT DIR…, git ls-files, git diff --name-only). */
function listedRoots(name: string, args: string[]): string[] | undefined {
  // (Options that print something other than the paths: find -printf/-fprintf/-ls, git's formats and prefixes.)
  if (args.some((a) => /^-(printf|fprintf|ls|fls|exec|execdir|ok|okdir)$/.test(a) || /^--(format|line-prefix|src-prefix|dst-prefix|output-indicator-\w+|replace|null-data)(=|$)/.test(a))) return undefined;
  const ops = args.filter((a, k) => !a.startsWith('-') && !/^(-e|--regexp|-f|--file|-g|--glob|-t|--type|-T|--type-not|-m|--max-count|-A|-B|-C|--include|--exclude|--exclude-dir|-E|--extension|-d|--max-depth)$/.test(args[k - 1] ?? ''));
  if (/^[ef]?grep$/.test(name) && args.some((a) => /^-[a-zA-Z]*[lL]/.test(a) && !a.startsWith('--') || /^--files-with(out)?-match(es)?$/.test(a)) && args.some((a) => /^-[a-zA-Z]*[rR]/.test(a) && !a.startsWith('--') || /^--(recursive|dereference-recursive)$/.test(a))) {
    const given = args.some((a) => /^(-e|--regexp|-f|--file)(=|$)|^-e./.test(a)) ? ops : ops.slice(1);
    return given.length ? given : ['.'];
  }
  if (name === 'rg' && args.some((a) => /^-[a-zA-Z]*[lL]/.test(a) && !a.startsWith('--') || /^--(files-with-matches|files-without-match|files)$/.test(a))) {
    const given = args.some((a) => /^(-e|--regexp|-f|--file|--files)(=|$)/.test(a)) ? ops : ops.slice(1);
    return given.length ? given : ['.'];
  }
  if (name === 'find') {
    // (find's own -exec/-delete/-fprint act on the files; only what it prints is listed.)
    if (args.some((a) => /^-(exec|execdir|ok|okdir|delete|fprint\w*|fls)$/.test(a))) return undefined;
    return findRoots(args).roots;
  }
  // (fd's --base-directory and --search-path move where it looks: not read here.)
  if ((name === 'fd' || name === 'fdfind') && !args.some((a) => /^(-x|--exec|-X|--exec-batch|--base-directory|--search-path)(=|$)/.test(a))) return ops.length > 1 ? ops.slice(1) : ['.'];
  if (name === 'git' && args[0] === 'ls-files') return ops.length > 1 ? ops.slice(1) : ['.'];
  if (name === 'git' && args[0] === 'diff' && args.includes('--name-only') && !args.includes('--no-index')) return ['.'];
  // git grep -l/-L/--name-only prints the tracked files that do (not) match, relative to where it runs, as ls-files does.
  // (Not with --no-index or --untracked, which search the files git keeps out — .env among them — nor -O, which opens
  // them in a pager; a short cluster only of flags, so -eL is the pattern L, not a listing.)
  if (name === 'git' && args[0] === 'grep' && args.some((a) => /^-[abchHiInqrstvwxzEFGPW]*[lL][abchHiInqrstvwxzEFGPW]*$/.test(a) || /^--(files-with-matches|files-without-match|name-only)$/.test(a))
    && !args.some((a) => /^(--no-index|--untracked|--no-exclude-standard|-O.*|--open-files-in-pager(=.*)?)$/.test(a))) return ['.'];
  // ls prints names below its operands (or the directory): short listings only — -a prints `..`, and
  // long formats print words that are not names.
  // (ls -d takes no value: its operands are all listed.)
  const lsOps = args.filter((a) => !a.startsWith('-'));
  if (name === 'ls' && args.every((a) => !a.startsWith('-') || /^-[1tSrXvAdcu]+$|^--almost-all$/.test(a))) return lsOps.length ? lsOps.map((o) => o.replace(/\/+$/, '').replace(/\/?[^/]*[*?[][^/]*$/, '') || (o.startsWith('/') ? '/' : '.')) : ['.'];
  return undefined;
}

/** A command line given `stdin` as a quoted heredoc (a delimiter the text does not hold). */
function withStdin(line: string, stdin: string | undefined): string {
  if (stdin === undefined) return line;
  let tag = 'RAMPART_STDIN';
  while (stdin.includes(tag)) tag += '_';
  return `${line} <<'${tag}'\n${stdin.replace(/\n$/, '')}\n${tag}`;
}

/** A debugger's or tracer's process ids (-p PID, --attach=PID, gcore PID, gdb PROG PID): one of them may be Rampart's server. */
function attachesToRampart(name: string, fc: FlatCommand, flat: FlatCommand[], info: Info[], ctx: Context): boolean {
  const words = fc.argv.slice(fc.argv.findIndex((w) => posix.basename(w.value) === name) + 1);
  const pids = words.filter((w, k) => /^(-p|--pid|--attach|--attach-pid)$/.test(words[k - 1]?.value ?? '') || /^--(pid|attach)=/.test(w.value) || (name === 'gcore' && !w.value.startsWith('-')) || (name === 'gdb' && k > 0 && /^\d+$/.test(w.value) && !words[k - 1]!.value.startsWith('-')));
  return pids.some((w) => (!w.static && substitutionPick(w.raw.replace(/^--\w+=/, ''), fc, flat, info, ctx) === 'rampart') || (w.static && ctx.rampartPids?.includes(Number(w.value.replace(/^--\w+=/, '')))));
}

/**
 * The command lines an awk program runs through system(EXPR) and `EXPR | getline`, where each EXPR
 * (or the one variable it names, assigned once) joins string literals and plain values ($1, NF, f):
 * the literal text with every value as an unknown word. undefined when any such command is otherwise.
 */
function awkBuiltCommands(prog: string, assigned: ReadonlySet<string>, input?: string[], fs?: string): string[] | undefined {
  // gawk's indirect calls (@f(…), f = "system") reach any function by a computed name.
  if (/@[A-Za-z_]\w*\s*\(/.test(stripStrings(prog))) return undefined;
  const out: string[] = [];
  const skeleton = (expr: string): string | undefined => {
    let text = '';
    let rest = expr.trim();
    if (!rest.startsWith('"')) return undefined;
    while (rest !== '') {
      const m = /^("(?:[^"\\]|\\.)*"|\$\d+|\$\(?[A-Za-z_]\w*\)?|[A-Za-z_]\w*)\s*/.exec(rest);
      if (!m) return undefined;
      text += m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/\\(.)/g, '$1') : /^\$\d+$/.test(m[1]!) ? `\u0001${m[1]!.slice(1)}\u0001` : '$__computed';
      rest = rest.slice(m[0].length);
    }
    // (A shell or interpreter started so reads awk's own input as its code.)
    const first = posix.basename(text.trim().split(/\s+/)[0] ?? '');
    return isShell(first) || languageOf(first) !== undefined ? undefined : text;
  };
  const bare = stripStrings(prog);
  // system( … ): its argument up to the matching parenthesis.
  for (const m of bare.matchAll(/\bsystem\s*\(/g)) {
    let depth = 1;
    let k = m.index! + m[0].length;
    for (; k < bare.length && depth > 0; k++) depth += bare[k] === '(' ? 1 : bare[k] === ')' ? -1 : 0;
    const c = skeleton(prog.slice(m.index! + m[0].length, k - 1));
    if (c === undefined) return undefined;
    out.push(c);
  }
  // VAR | getline, with VAR assigned once from such an expression.
  for (const m of bare.matchAll(/(\S+)\s*\|\s*getline/g)) {
    // ("date +%s" | getline t: a literal command line.)
    const literal = m[1]!.endsWith('"') ? /"((?:[^"\\]|\\.)*)"$/.exec(prog.slice(0, m.index! + m[1]!.length))?.[1] : undefined;
    if (literal !== undefined) {
      out.push(literal.replace(/\\(.)/g, '$1'));
      continue;
    }
    const v = /^[A-Za-z_]\w*$/.test(m[1]!) ? m[1]! : undefined;
    const sets = v === undefined ? [] : [...bare.matchAll(new RegExp(`(?:^|[;{\\s])${v}\\s*=(?!=)`, 'g'))];
    // (Set once in the text, and by nothing else: not sub/gsub's target, getline VAR, -v or an operand VAR=….)
    if (sets.length !== 1 || new RegExp(`\\b(g?sub|gensub)\\s*\\([^)]*,\\s*${v}\\s*\\)|getline\\s+${v}\\b|\\bsplit\\s*\\([^)]*,\\s*${v}\\b`).test(bare) || assigned.has(v!)) return undefined;
    const at = sets[0]!.index! + sets[0]![0].length;
    const end = bare.slice(at).search(/[;}\n]/);
    const c = skeleton(prog.slice(at, end < 0 ? undefined : at + end));
    if (c === undefined) return undefined;
    out.push(c);
  }
  // Field values put in: each line of the known input split as awk splits it, or unknown words.
  const FIELD = /\u0001(\d+)\u0001/g;
  return out.flatMap((c) => {
    if (!FIELD.test(c)) return [c];
    if (input === undefined) return [c.replace(FIELD, '$__computed')];
    const split = (l: string) => (fs === undefined || fs === ' ' ? l.trim().split(/\s+/) : fs.length === 1 ? l.split(fs) : [l]);
    return input.map((l) => c.replace(FIELD, (_, n: string) => (n === '0' ? l : split(l)[Number(n) - 1] ?? '')));
  });
}



/**
 * What a recursive search prints, as far as secrets go: whether its pattern matches every line, which
 * directories it walks, whether its file selection (--include/--exclude, -g/--glob, -t, ag -G/--ignore)
 * takes a secret's name, and whether that selection names secrets on purpose (--include='.env*').
 */
function searchSelection(name: string, args0: readonly string[]): { everything: boolean; dirs: string[]; takesSecret: boolean; named: boolean } | undefined {
  // (git's own options come before its verb: git --no-pager -c color.ui=never -C DIR grep ….)
  let args = args0;
  if (name === 'git') {
    let i = 0;
    while (i < args.length && args[i]!.startsWith('-')) i += /^(-C|-c|--git-dir|--work-tree|--namespace|--config-env|--super-prefix|--exec-path)$/.test(args[i]!) ? 2 : 1;
    args = args.slice(i);
  }
  // (rgrep is grep -r; ugrep and ug search a tree as rg does when given none.)
  const grep = /^(grep|egrep|fgrep|rgrep)$/.test(name);
  const ugrep = /^(ugrep|ug)$/.test(name);
  const rgAg = /^(rg|ag)$/.test(name) || ugrep;
  const gitGrep = name === 'git' && args[0] === 'grep';
  const recursive = grep ? name === 'rgrep' || args.some((a, k) => /^-[a-zA-Z]*[rR]/.test(a) && !a.startsWith('--') || /^--(recursive|dereference-recursive|directories=recurse)$/.test(a) || (a === 'recurse' && /^(-d|--directories)$/.test(args[k - 1] ?? '')))
    : rgAg ? true
      : gitGrep;
  if (!recursive) return undefined;
  // (Options that take a value, so that the value is not read as the pattern: grep's -D/-d/--binary-files, rg's -M/-j/-r/-E …)
  const VALUED = gitGrep ? /^(-e|-f|-m|--max-count|-A|-B|-C|--context|--after-context|--before-context|--threads|--max-depth)$/ : grep ? /^(-e|--regexp|-f|--file|-m|--max-count|-A|-B|-C|--context|--include|--exclude|--exclude-dir|--exclude-from|-D|--devices|-d|--directories|--binary-files|--color|--colour|--label|--group-separator)$/
    : /^(-e|--regexp|-f|--file|-m|--max-count|-A|-B|-C|--context|-g|--glob|--iglob|-t|--type|-T|--type-not|--type-add|-G|--file-search-regex|--ignore|--ignore-dir|-d|--max-depth|-M|--max-columns|-j|--threads|-r|--replace|-E|--encoding|--engine|--max-filesize|--sort|--sortr|--color|--colors|--context-separator|--field-match-separator|--path-separator|--pre|--pre-glob|--hostname-bin)$/;
  const ops = args.slice(gitGrep ? 1 : 0).filter((a, k, xs) => !a.startsWith('-') && !VALUED.test(xs[k - 1] ?? ''));
  // (Every -e pattern counts — grep -e zz -e '' matches every line — and so do attached -eP and --regexp=P.)
  const given = args.flatMap((a, k) => (/^(-e|--regexp)$/.test(args[k - 1] ?? '') ? [a] : /^--regexp=/.test(a) ? [a.slice(9)] : /^-e./.test(a) ? [a.slice(2)] : []));
  const patterns = given.length ? given : ops[0] !== undefined ? [ops[0]] : [];
  // (Every line: a pattern that matches the empty line (^, $, .*, x|) or any KEY=VALUE line, or -v with any pattern,
  // or --passthru, which prints every line.)
  const invert = args.some((a) => /^-[a-zA-Z]*v/.test(a) && !a.startsWith('--') || /^--(invert-match|passthru|passthrough)$/.test(a));
  // (A basic regular expression — grep without -E/-P — groups with \( \) and alternates with \|; POSIX classes and
  // PCRE's leading (?s) are read as JavaScript's; a pattern that still does not compile may match anything.)
  const basic = grep && !/^(egrep|fgrep)$/.test(name) && !args.some((a) => /^-[a-zA-Z]*[EPF]/.test(a) && !a.startsWith('--') || /^--(extended|perl|fixed)-regexp$/.test(a));
  const fixed = name === 'fgrep' || args.some((a) => /^-[a-zA-Z]*F/.test(a) && !a.startsWith('--') || a === '--fixed-strings');
  // (…or any line of a secret file — a search for API_KEY, TOKEN, postgres:// or a private key over a tree holding .env prints its
  // values; -i as grep reads it.)
  const ci = args.some((a) => /^-[a-zA-Z]*i/.test(a) && !a.startsWith('--') || /^--(ignore-case|smart-case)$/.test(a)) || (rgAg && args.some((a) => a === '-S'));
  // (…or a term that names a secret's variable: OPENAI_API_KEY, STRIPE_SECRET, -i token.)
  const namesSecret = (p0: string) => SECRET_TERM.test(p0) || (ci && SECRET_TERM.test(p0.toLowerCase())) || credentialPrefix(p0);
  const SECRET_LINES = ['API_KEY=sk-live-51H8xq', 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'GITHUB_TOKEN=ghp_16C7e42F292c6912E7710c8', 'DATABASE_URL=postgres://app:s3cret@db:5432/app', 'DB_PASSWORD=hunter2', 'STRIPE_SECRET_KEY=sk_live_4eC39HqL', '-----BEGIN OPENSSH PRIVATE KEY-----', 'JWT_SECRET=changeme', 'export NPM_TOKEN=npm_abc123', '//registry.npmjs.org/:_authToken=npm_abc123', 'machine github.com login u password p',
    'OPENAI_API_KEY=sk-proj-abc', 'ANTHROPIC_API_KEY=sk-ant-abc', 'SLACK_BOT_TOKEN=xoxb-1', 'SENDGRID_API_KEY=SG.abc', 'TWILIO_AUTH_TOKEN=abc',
    'SUPABASE_SERVICE_ROLE_KEY=eyJ', 'NEXTAUTH_SECRET=abc'];
  // (2: every line; 1: a secret's lines — the dotenv files' KEY=VALUE lines, which a selection that keeps .env* out does not see.)
  const matchesAll = (p0: string): 0 | 1 | 2 => {
    if (fixed) return p0 === '' || ['A=1', 'ZZ_YY=Q9'].every((l) => l.includes(p0)) ? 2 : namesSecret(p0) || SECRET_LINES.some((l) => (ci ? l.toLowerCase().includes(p0.toLowerCase()) : l.includes(p0))) ? 1 : 0;
    const re = regexOf(p0.replace(/^\(\?[imsx]+\)/, ''), !basic, ci ? 'i' : '');
    if (re === undefined) return 2;
    return re.test('') || (re.test('A=1') && re.test('ZZ_YY=Q9')) ? 2 : namesSecret(p0) || SECRET_LINES.some((l) => re.test(l)) ? 1 : 0;
  };
  const reach = invert ? 2 : Math.max(0, ...patterns.map(matchesAll));
  const everything = patterns.length > 0 && reach > 0;
  // (…spaced, --name=VALUE, or a short option's attached value: rg -g.env, -G'^\.e'.)
  const valuesOf = (re: RegExp) => args.flatMap((a, k) => {
    const m = /^(--[\w-]+)=(.*)$/.exec(a);
    if (m && re.test(m[1]!)) return [m[2]!];
    if (/^-[a-zA-Z]./.test(a) && !a.startsWith('--') && re.test(a.slice(0, 2)) && !VALUED.test(a)) return [a.slice(2)];
    return re.test(args[k - 1] ?? '') && !/^--[\w-]+=/.test(args[k - 1] ?? '') ? [a] : [];
  });
  // (rg and ag skip hidden and ignored files unless told: .env is both. ugrep reads neither .gitignore nor, in its recent
  // releases, skips dot-files unless told: --no-hidden or --ignore-files.)
  const seesHidden = !rgAg || (ugrep ? !args.some((a) => /^--(no-hidden|ignore-files)(=|$)/.test(a)) : args.some((a) => /^(--hidden|--no-ignore|--unrestricted)$/.test(a) || /^-[a-zA-Z.]*[u.][a-zA-Z.]*$/.test(a)))
    || (name === 'ag' && args.some((a) => /^(-a|--all-types|--skip-vcs-ignores|-U)$/.test(a)));
  // (rg --type-add 'x:.env' -t x selects by the globs the type was given.)
  const typesChosen = valuesOf(/^(-t|--type)$/);
  const addedTypes = valuesOf(/^--type-add$/).flatMap((d) => { const m = /^([\w-]+):(?:include:[\w,-]+,?)?(.*)$/.exec(d); return m && m[2] && typesChosen.includes(m[1]!) ? [m[2]] : []; });
  // (git grep's pathspecs after `--`, their magic stripped: ':(glob).env', ':(icase).ENV'.)
  const pathspecs = gitGrep && args.includes('--') ? args.slice(args.indexOf('--') + 1).filter((a) => !/^:[!^]|^:\([^)]*exclude/.test(a)).map((a) => a.replace(/^:\([^)]*\)|^:[/]?/, '')).map((a) => (/^(\.?\/?|\*)$/.test(a) ? '*' : a)) : [];
  const includes = [...valuesOf(/^--include$/), ...valuesOf(/^(-g|--glob|--iglob)$/).filter((g) => !g.startsWith('!')), ...addedTypes, ...pathspecs];
  const excludes = [...valuesOf(/^--exclude$/), ...valuesOf(/^(-g|--glob|--iglob)$/).filter((g) => g.startsWith('!')).map((g) => g.slice(1)), ...valuesOf(/^--ignore$/)];
  const fileRegexes = valuesOf(/^(-G|--file-search-regex)$/);
  const typed = args.some((a) => /^(-t|--type)$/.test(a) || /^--type=/.test(a)) && addedTypes.length === 0;
  const regexMatches = (r: string, n: string) => {
    try {
      return new RegExp(r).test(n);
    } catch {
      return true;
    }
  };
  const iglobs = valuesOf(/^--iglob$/).filter((g) => !g.startsWith('!'));
  const takes = (n: string) => (includes.length === 0 || includes.some((g) => nameMatchesGlob(g, n) || (iglobs.includes(g) && nameMatchesGlob(g.toLowerCase(), n.toLowerCase())))) && !excludes.some((g) => nameMatchesGlob(g, n)) && fileRegexes.every((r) => regexMatches(r, n));
  // (rg's -g/--glob whitelist wins over its hidden, ignore and type filters: rg -g '.env*' KEY searches .env.)
  const globbedIn = name === 'rg' && includes.some((g) => SECRET_NAMES.some((n) => nameMatchesGlob(g, n) || (iglobs.includes(g) && nameMatchesGlob(g.toLowerCase(), n))));
  const takesSecret = (globbedIn || (!typed && (seesHidden || includes.some((g) => g.startsWith('.'))))) && (reach === 1 ? ['.env', '.env.local', '.env.production'] : SECRET_NAMES).some(takes);
  // (A selection that names dot-files or secrets — not every file, `*` — picks them on purpose: any pattern then prints their lines.)
  const named = takesSecret && (includes.some((g) => !/^\*+$/.test(g) && SECRET_NAMES.some((n) => nameMatchesGlob(g, n) || (iglobs.includes(g) && nameMatchesGlob(g.toLowerCase(), n)))) || fileRegexes.some((r) => SECRET_NAMES.some((n) => regexMatches(r, n))));
  const dirs = gitGrep ? ['.'] : ops.slice(1);
  // (git grep over revisions — KEY $(git rev-list --all), rev-list | xargs git grep — reads every commit's tree: a secret
  // committed once and removed since is found by a term that names one.)
  if (gitGrep) {
    const beforeSpecs = args.slice(1, args.includes('--') ? args.indexOf('--') : undefined);
    const revs = (given.length ? ops : ops.slice(1)).filter((o) => beforeSpecs.includes(o));
    const history = revs.some((r) => /\$|`|^(HEAD|FETCH_HEAD|ORIG_HEAD)\b|[~^]|@\{|^[0-9a-f]{7,40}$|^(origin|upstream|refs)\//.test(r));
    const treeSpecs = pathspecs.length === 0 || pathspecs.some((p) => p === '*' || SECRET_NAMES.some((n) => nameMatchesGlob(p, n)));
    if (history && treeSpecs && patterns.some(namesSecret)) return { everything, dirs, takesSecret: true, named: true };
  }
  if (gitGrep && !(args.includes('--untracked') && args.includes('--no-exclude-standard')) && !args.includes('--no-index')) return { everything, dirs, takesSecret: false, named: false };
  return { everything, dirs, takesSecret, named };
}

/** Whether a shell's options trace or echo what it runs: -x, -v (in a cluster too), -o xtrace, -o verbose, --verbose. */
function tracing(opts: readonly string[]): boolean {
  return opts.some((a, k) => /^-[a-zA-Z]*[xv][a-zA-Z]*$/.test(a) || a === '--verbose' || (/^[-+]o$/.test(opts[k - 1] ?? '') && /^(xtrace|verbose)$/.test(a)));
}

/** The first secret a line's text names as a word — in any case (declare -l f=.ENV), or by a glob (.e*) — or undefined. */
function secretNamedIn(text: string, secret: (p: string) => boolean): string | undefined {
  // (Not in a comment, an ignore rule being written — echo .env >> .gitignore — a test of whether it exists, or an option's
  // value, which a program uses rather than shows: --env-file .env, ssh -i ~/.ssh/id_rsa.)
  // (…and in the spellings the shell joins: ".e""nv", .e\nv.)
  const kept = text.split('\n').map((l) => l.replace(/(^|\s)#.*$/, '$1')).join('\n').split(/(?:;|&&|\|\||\||\n)/)
    .filter((seg) => !/^\s*(echo|printf)\b.*>>?\s*\S*\.\w*ignore\s*$/.test(seg) && !/^\s*(\[\[?|test)\s+!?\s*-[efsrd]\s+\S+\s*\]?\]?\s*$/.test(seg))
    .join(' ; ').replace(/(^|\s)(--env-file[= ]|-i\s+)\s*\S+/g, '$1');
  const joined = kept.replace(/(\S)["'](["']?)(?=\S)/g, '$1').replace(/\\([A-Za-z])/g, '$1');
  // (A regex's escaped dots — process\.env\. — are no file's name.)
  for (const w of `${kept} ${joined}`.split(/[^\w.~/*?+\\-]+/)) {
    if (w.includes('\\')) continue;
    const word = w.replace(/^[+-]+/, '');
    if (!/\.|^~/.test(word)) continue;
    if (/[*?]/.test(word)) { const hit = SECRET_NAMES.find((n) => nameMatchesGlob(posix.basename(word), n)); if (hit !== undefined) return posix.join(posix.dirname(word), hit); continue; }
    const hit = [word, word.toLowerCase()].find(secret);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** The destination directory of cp/mv/ln/install -t DIR (in a cluster too: ln -st DIR), or undefined. */
function targetDirectory(args: readonly string[]): string | undefined {
  return args.find((a, k) => /^(-[a-zA-Z]*t|--target-directory)$/.test(args[k - 1] ?? '')) ?? args.find((a) => a.startsWith('--target-directory='))?.slice(19);
}

/**
 * tar reading an archive that only unpacks it to disk (or, with `listing`, lists its names): no byte of it is
 * shown — unless -O/--to-stdout prints it or a program of its choosing sees it (-I/--use-compress-program,
 * --to-command, -F/--info-script, a checkpoint action, a remote shell).
 */
function tarShowsNothing(argv: readonly string[], listing: boolean): boolean {
  if (!/^(tar|bsdtar|gtar)$/.test(posix.basename(argv[0] ?? ''))) return false;
  // (The short options: the old-style bundle — tar xf - — and each -cluster.)
  const clusters = argv.slice(1).filter((x, k) => (k === 0 && /^[a-zA-Z]+$/.test(x)) || /^-[a-zA-Z]+$/.test(x)).map((x) => x.replace(/^-/, ''));
  return clusters.some((c) => (listing ? /[tx]/ : /x/).test(c)) && !clusters.some((c) => /[OIF]/.test(c))
    && !argv.some((x) => /^--(to-[sc]|use-compress|info-script|new-volume-script|checkpoint-action|rsh-command)/.test(x));
}

/** zip's -x/-i name patterns up to the next option (zip -r out.zip . -x '.env*' names no file): each one's index in args, and
 *  which list it is in. */
function zipPatterns(args: readonly string[]): Map<number, 'x' | 'i'> {
  const out = new Map<number, 'x' | 'i'>();
  args.forEach((a, k) => { if (/^(-x|-i|--exclude|--include)$/.test(a)) for (let j = k + 1; j < args.length && !args[j]!.startsWith('-'); j++) out.set(j, /^(-x|--exclude)$/.test(a) ? 'x' : 'i'); });
  return out;
}

/** Programs whose reading of a secret is printing it — files, or a store's or CLI's token — and nothing else. */
/**
 * git ls-files printing only names the index holds, or untracked ones .gitignore lets through: every word an option that
 * selects or lays out such names (-z, -c, -m, -d, --full-name, -o with --exclude-standard) or a plain pathspec. (An exclude
 * pattern on the line — -x '!.env' outranks .gitignore — another ignore file's name, or --format can print any name.)
 */
function listsTrackedOnly(argv: readonly string[]): boolean {
  if (argv[0] !== 'git' || argv[1] !== 'ls-files') return false;
  const rest = argv.slice(2);
  return rest.every((t) => /^(-z|-c|--cached|-m|--modified|-d|--deleted|-t|-v|--full-name|--recurse-submodules|-o|--others|--exclude-standard|--)$/.test(t) || (!t.startsWith('-') && /^[\w./*:@-]+$/.test(t)))
    && (!rest.some((t) => /^(-o|--others)$/.test(t)) || rest.includes('--exclude-standard'));
}

const PRINTERS = /^(cat|head|tail|tac|nl|base64|xxd|od|hexdump|gh|glab|printenv|echo|printf|jq|yq|grep|egrep|rg|less|more|bat|strings|aws|gcloud|az|op|bw|pass|vault|kubectl)$/;

/**
 * A jq/yq filter that prints only names, keys or counts of what it is fed — keys, length, .items[].metadata.name,
 * .[].name, .urls[0].href — and no field that holds a value (data, password, value, token, notes, fields …).
 */
function keysOnly(argv: readonly string[], keysAlone = false, objects = false): boolean {
  if (!/^(jq|gojq|jaq|yq)$/.test(argv[0] ?? '')) return false;
  // (--arg/--argjson/--slurpfile/--rawfile take two words, -L and --indent one; a program from a file is not read here.)
  const args = argv.slice(1);
  if (args.some((a) => /^(-f|--from-file)(=|$)/.test(a) || /^-[a-zA-Z]*f[a-zA-Z]*$/.test(a))) return false;
  let prog: string | undefined;
  for (let k = 0; k < args.length && prog === undefined; k++) {
    // (--args/--jsonargs take no word: the operands after the filter become $ARGS, not files.)
    if (/^--(arg|argjson|slurpfile|rawfile|argfile)$/.test(args[k]!)) k += 2;
    else if (/^--(args|jsonargs)$/.test(args[k]!)) continue;
    else if (/^(-L|--indent)$/.test(args[k]!)) k += 1;
    else if (!args[k]!.startsWith('-') && !(argv[0] === 'yq' && /^(e|eval|ea|eval-all)$/.test(args[k]!))) prog = args[k];
  }
  if (prog === undefined) return false;
  // (A path — .a.b, ."a b", .items[0], .x[]? — and the program with its strings emptied, where paths are looked for.)
  const PATH = /\.(?:[A-Za-z_][\w-]*|"[^"]*")(?:\.(?:[A-Za-z_][\w-]*|"[^"]*")|\[\d*\]\??)*/g;
  const blank = (text: string) => text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  // (Raw input makes every line a string, and a string's keys are an error that prints it — jq -R keys ~/.ssh/id_rsa; so does
  // a value sent to debug, stderr or error, or reached by recursion (..), by path (getpath) or from outside (input, $ENV).)
  if (args.some((a) => /^--raw-input$|^-[a-zA-Z]*R/.test(a))) return false;
  // (A file's content bound to a variable — --rawfile k .env, --argfile, --slurpfile — is shown wherever $k is.)
  if (args.some((a) => /^--(rawfile|slurpfile|argfile)$/.test(a)) && /\$/.test(prog)) return false;
  if (/\.\.|(?<![.$\w])(debug|stderr|error|halt_error|input|inputs|getpath|tostream|env|recurse|splits|limit|until|while|repeat|foreach|reduce|path|paths|leaf_paths|to_entries|with_entries|walk)\b|\$ENV|\$__loc__/.test(blank(prog))) return false;
  // (metadata only on the way to a name: kubectl's metadata holds the last-applied copy of the values.)
  // (…and a state file's bookkeeping: terraform.tfstate's version, serial, lineage, its resources' types.)
  // (…and a kubeconfig's names, servers and contexts — .contexts[].name, .clusters[].cluster.server, .current-context, a context
  // names its cluster and user; not .users[].user — and the names of docker's credential helpers.)
  // (Not url: a database URL carries its password, postgres://app:s3cret@db; a login item's website is its urls[].href.)
  const SAFE = /^(name|names|id|uid|kind|type|href|urls|title|label|labels|namespace|created\w*|creation\w*|updated\w*|revisionDate|creationDate|folderId|organizationId|category|vault|tags|count|version|serial|lineage|terraform_version|format_version|mode|provider|server|current-context|context|cluster|credsStore|credHelpers)$/i;
  // (Arrays of records that may be iterated, and containers on the way to a safe field.)
  const ARRAYS = /^(items|fields|urls|tags|labels|names|resources|contexts|clusters|users)$/;
  const CONTAINERS = /^(items|metadata|fields|resources|contexts|clusters|cluster|users)$/;
  // (One path — .items[].metadata.name, .[].name — is safe when it ends in a safe field, every field before it is safe or a
  // container on the way (items, metadata, fields), and it iterates only arrays by name or a store listing's top; `.[]` over
  // an object — a Secret — reaches its data.)
  const pathSafe = (path: string): boolean => {
    if (!/^((?:\.(?:[A-Za-z_][\w-]*|"[^"]*")(?:\[\d*\]\??)?|\.?\[\d*\]\??)+)$/.test(path)) return false;
    if ([...path.matchAll(/(\.(?:([A-Za-z_][\w-]*)|"([^"]*)"))?\[\d*\]/g)].some((x) => !ARRAYS.test(x[2] ?? x[3] ?? '') && (objects || x[1] !== undefined || x.index! > 1))) return false;
    const fields = [...path.matchAll(/\.(?:([A-Za-z_][\w-]*)|"([^"]*)")/g)].map((x) => x[1] ?? x[2]!);
    return fields.length > 0 && SAFE.test(fields.at(-1)!) && fields.every((f, i) => SAFE.test(f) || (CONTAINERS.test(f) && i < fields.length - 1));
  };
  // (What may follow names or counts: formatting and ordering of them.)
  const TERMINAL = /^(keys(_unsorted)?(\[\])?|length|type|join\([^()]*\)|sort|unique|reverse|first|last|add|min|max|tostring|ascii_downcase|ascii_upcase|@csv|@tsv|@text|@json|\.\[\]|\[\])$/;
  // (The stages of the filter, split at pipes outside parentheses, brackets and strings; each narrows the path the previous
  // ones built: .items[] | .metadata.name is .items[].metadata.name; select() passes values on as they are; map(P) is [] then P;
  // an object, an array, a string or a sum built from paths shows those paths.)
  const stages: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < prog.length; i++) {
    const c = prog[i]!;
    if (c === '"') { const j = prog.indexOf('"', i + 1); const end = j < 0 ? prog.length : j; cur += prog.slice(i, end + 1); i = end; continue; }
    if ('([{'.includes(c)) depth++;
    if (')]}'.includes(c)) depth--;
    if (c === '|' && depth === 0) { stages.push(cur.trim()); cur = ''; } else cur += c;
  }
  stages.push(cur.trim());
  const join = (a: string, b: string) => (a + (b === '.' ? '' : b)).replace(/\.\[/g, '[');
  let prefix = '';
  for (let k = 0; k < stages.length; k++) {
    // (A default for a missing field changes nothing shown: .credHelpers // {} | keys.)
    // (.a["b"] is ."a"."b".)
    let stage = stages[k]!.replace(/^\[(.*)\]$/s, '$1').replace(/\s*\/\/\s*(\{\}|\[\]|null)$/, '').replace(/\.?\[("[^"]*")\]/g, '.$1').trim();
    // (select passes values on as they are — but a test on a value is a question about it: select(.token | startswith("1//")).)
    const sel = /^select\((.*)\)$/s.exec(stage);
    if (sel) {
      const refs = [...blank(sel[1]!).matchAll(PATH)].map((x) => x[0]);
      if (!refs.every((r) => [...r.matchAll(/\.(?:([A-Za-z_][\w-]*)|"([^"]*)")/g)].every((f) => SAFE.test(f[1] ?? f[2]!) || CONTAINERS.test(f[1] ?? f[2]!) || /^(spec|status)$/.test(f[1] ?? f[2]!)))) return false;
      // (…and a test of nothing but those fields: not of every value (.[]), of the whole input (tostring) or by a computed key.)
      const rest = blank(sel[1]!).replace(PATH, '');
      if (/[.[]/.test(rest) || [...rest.matchAll(/[A-Za-z_]\w*/g)].some((w) => !/^(and|or|not|test|startswith|endswith|contains|ascii_downcase|ascii_upcase|length|type|has|true|false|null)$/.test(w[0]))) return false;
      continue;
    }
    // (keys of what may be a string — .client_secret | keys, .[] over an object's values — is an error that prints the string.)
    if (/^(keys(_unsorted)?(\[\])?|length|type|has\("[\w-]*"\))$/.test(stage)) {
      const field = /(?:\.([A-Za-z_][\w-]*)|\."([^"]*)")(?:\[\d*\]\??)*$/.exec(prefix);
      if (stage.startsWith('keys') && (/^\[/.test(prefix) || ([...prefix.matchAll(/(?:\.([A-Za-z_][\w-]*)|\."([^"]*)")?\[\]\??/g)].some((x) => !ARRAYS.test(x[1] ?? x[2] ?? ''))) || /(secret|token|passw(or)?d|pwd|key|auth|credential|cookie|session|value|pass|cert|private)$/i.test(field?.[1] ?? field?.[2] ?? ''))) return false;
      return stages.slice(k + 1).every((x) => TERMINAL.test(x.trim()));
    }
    if (keysAlone) return false;
    const mapped = /^map\((.*)\)$/s.exec(stage);
    if (mapped) stage = `.[]${mapped[1]!.trim() === '.' ? '' : mapped[1]!.trim()}`;
    if (/^\.(?:[\w"\-.[\]?]*)$/.test(stage)) { prefix = join(prefix, stage); continue; }
    // (A path followed by ordering or formatting of it: .resources | map(.type) | unique.)
    if (prefix !== '' && TERMINAL.test(stage)) return pathSafe(prefix) && stages.slice(k + 1).every((x) => TERMINAL.test(x.trim()));
    // (Built from paths: {name: .metadata.name}, "\(.metadata.name) \(.type)", .metadata.namespace + "/" + .metadata.name.)
    const paths = [...stage.replace(/"(?:[^"\\]|\\.)*"/g, (q) => q.replace(/[^\\]|\\(?!\()/g, ' ')).matchAll(/\.(?:[A-Za-z_][\w-]*|"[^"]*")(?:\.(?:[A-Za-z_][\w-]*|"[^"]*")|\[\d*\])*/g)].map((x) => x[0]);
    const interpolated = [...stage.matchAll(/\\\((\.[^)]*)\)/g)].map((x) => x[1]!.trim());
    const all = [...paths, ...interpolated];
    // (…and nothing else: {all: .}, [.name, .], .name, tojson, .name as $n, del(.name) show the whole input.)
    if (!/^[\s{}[\](),:+"]*$/.test(blank(stage).replace(PATH, '').replace(/[A-Za-z_][\w-]*\s*:/g, ''))) return false;
    if (all.length === 0 || !all.every((p) => pathSafe(join(prefix, p)))) return false;
    return stages.slice(k + 1).every((x) => TERMINAL.test(x.trim()));
  }
  return prefix !== '' && pathSafe(prefix);
}

/** An archive of files written to stdout (tar cf -, zip -r -, 7z a -so): its inputs and whether .env can be among them. */
function archiveToStdout(name: string, args: readonly string[], fileText: (p: string) => string | undefined = () => undefined, opaqueList: (p: string) => string[] = () => []): { inputs: string[]; takesSecret: boolean; file?: string } | undefined {
  let out: string | undefined;
  let inputs: string[] | undefined;
  let excludes: string[] = [];
  const STDOUT = /^(-|\/dev\/stdout|\/dev\/fd\/1|\/proc\/self\/fd\/1)$/;
  if (/^(tar|bsdtar|gtar)$/.test(name) && args.some((a, k) => (/^-?[a-zA-Z]*c/.test(a) && !a.startsWith('--') && (k === 0 || a.startsWith('-'))) || a === '--create')) {
    // (The old-style bundle — tar cf - . — is the first word only; f's value is the next word.)
    const bundle = /^[a-zA-Z]+$/.test(args[0] ?? '') ? args[0]! : undefined;
    const file = args.map((a, k) => (/^(-f|--file)$/.test(args[k - 1] ?? '') || (k === 1 && bundle?.includes('f')) || (/^-[a-zA-Z]*f$/.test(args[k - 1] ?? '') && !(args[k - 1] ?? '').startsWith('--')) ? a : /^--file=/.test(a) ? a.slice(7) : /^-f./.test(a) ? a.slice(2) : undefined)).filter((x) => x !== undefined).at(-1);
    if (file !== undefined && !STDOUT.test(file)) out = file;
    if (args.some((a, k) => /^(-X|--exclude-from)$/.test(args[k - 1] ?? '') && /gitignore/.test(a) || /^--exclude-from=.*gitignore/.test(a) || a === '--exclude-vcs-ignores')) return undefined;
    // (-C DIR applies to the names after it: tar -C dist -cf - . archives dist.)
    let dir: string | undefined;
    inputs = [];
    for (let k = bundle ? 1 : 0; k < args.length; k++) {
      const a = args[k]!;
      const prev = args[k - 1] ?? '';
      if (/^(-C|--directory)$/.test(prev)) { dir = a; continue; }
      if (a.startsWith('--directory=')) { dir = a.slice(12); continue; }
      if (a.startsWith('-') || /^(-f|--file|-X|--exclude-from|-T|--files-from|--exclude|-b|--blocking-factor|-H|--format)$/.test(prev) || (k === 1 && bundle?.includes('f')) || (/^-[a-zA-Z]*f$/.test(prev) && !prev.startsWith('--'))) continue;
      inputs.push(dir !== undefined && !a.startsWith('/') && !a.startsWith('~') ? posix.join(dir, a) : a);
    }
    excludes = args.flatMap((a, k) => (a.startsWith('--exclude=') ? [a.slice(10)] : args[k - 1] === '--exclude' ? [a] : []));
    // (A list of names from a process substitution — -T <(ls -a) — may name anything: .env among them; git ls-files
    // lists tracked files only, and a list file is judged where it was made.)
    const lists = args.flatMap((a, k) => (/^(-T|--files-from)$/.test(args[k - 1] ?? '') ? [a] : /^--files-from=/.test(a) ? [a.slice(13)] : []));
    const tracked = (l: string) => { const inner = l.slice(2, -1).trim(); return !/[;&|$`<>(]/.test(inner) && listsTrackedOnly(inner.split(/\s+/)); };
    if (lists.some((l) => /^<\(/.test(l) && !tracked(l))) inputs.push('.');
    // (A list file the line wrote with known text names its files.)
    for (const l of lists) if (!/^<\(/.test(l)) inputs.push(...(fileText(l) ?? '').split('\n').map((x) => x.trim()).filter(Boolean));
    // (…and a list on stdin — find . -print0 | tar --null -T - — or in a file the line filled with output nobody read
    // (ls -A > /tmp/l; tar -T /tmp/l) may name anything.)
    for (const l of lists) if (!/^<\(/.test(l)) inputs.push(...opaqueList(l));
  } else if (name === 'zip') {
    // (-x and -i take a list of patterns that ends at the next option: zip -x '*.log' -r p.zip . excludes only *.log.)
    const patterns = zipPatterns(args);
    const ops = args.filter((a, k) => !patterns.has(k) && (!a.startsWith('-') || a === '-') && !/^(-b|-n|-t|-tt|-P|-O|--out)$/.test(args[k - 1] ?? ''));
    excludes = [...patterns].filter(([, l]) => l === 'x').map(([k]) => args[k]!);
    const includes = [...patterns].filter(([, l]) => l === 'i').map(([k]) => args[k]!);
    if (ops[0] === undefined) return undefined;
    if (ops[0] !== '-') out = ops[0];
    inputs = ops.slice(1);
    if (includes.length && !includes.some((g) => nameMatchesGlob(g.replace(/^\.\//, ''), '.env'))) excludes.push('.env*');
    // (-@ takes the names from stdin: ls -A | zip -@ - archives what ls lists.)
    if (args.some((a) => a === '--names-stdin' || /^-[a-zA-Z]*@/.test(a))) inputs.push(...opaqueList('-'));
  } else if (/^(7z|7za|7zz|7zr)$/.test(name) && args[0] === 'a') {
    if (!args.includes('-so')) out = args.slice(1).find((a) => !a.startsWith('-'));
    inputs = args.slice(2).filter((a) => !a.startsWith('-') && !a.startsWith('@'));
    excludes = args.flatMap((a) => (/^-x[!r]/.test(a) ? [a.replace(/^-xr?!/, '')] : []));
    // (@LISTFILE names its files, as tar -T does.)
    for (const l of args.slice(2).filter((a) => a.startsWith('@')).map((a) => a.slice(1))) inputs.push(...(fileText(l) ?? '').split('\n').map((x) => x.trim()).filter(Boolean), ...opaqueList(l));
  } else if (name === 'pax' && args.some((a) => /^-[a-zA-Z]*w/.test(a))) {
    // (pax -w writes the archive to stdout unless -f names a file.)
    // (…in a cluster too: pax -wf F.)
    out = args.find((a, k) => /^-[a-zA-Z]*f$/.test(args[k - 1] ?? '')) ?? args.find((a) => /^-f./.test(a))?.slice(2);
    if (out !== undefined && STDOUT.test(out)) out = undefined;
    inputs = args.filter((a, k) => !a.startsWith('-') && !/^-[a-zA-Z]*[fsxob]$/.test(args[k - 1] ?? ''));
    if (inputs.length === 0) inputs = ['.'];
  } else if (/^(gzip|pigz|bzip2|xz|zstd|lz4|brotli)$/.test(name) && args.some((a) => /^-[a-zA-Z]*r/.test(a) || a === '--recursive') && args.some((a) => /^-[a-zA-Z]*c/.test(a) || a === '--stdout')) {
    // (gzip -r -c DIR writes every file below DIR, compressed, to stdout.)
    inputs = args.filter((a) => !a.startsWith('-'));
  } else if ((name === 'jar' && /^-?[a-zA-Z]*c/.test(args[0] ?? '')) || ((name === 'tarfile' || name === 'zipfile') && /^(-c|--create)$/.test(args[0] ?? '')) || (name === 'cmake' && args[0] === '-E' && args[1] === 'tar' && /c/.test(args[2] ?? ''))) {
    // (jar cf F …, python -m tarfile/zipfile -c F …, cmake -E tar czf F …: archives of their operands written to F.)
    const rest = name === 'cmake' ? args.slice(2) : args;
    const hasFile = name !== 'jar' || /f/.test(rest[0] ?? '');
    const ops = rest.slice(1).filter((a, k, xs) => !a.startsWith('-') && xs[k - 1] !== '-C');
    if (hasFile) out = ops[0];
    inputs = ops.slice(hasFile ? 1 : 0);
    if (out !== undefined && STDOUT.test(out)) out = undefined;
  } else if (/^(mksquashfs|genisoimage|mkisofs|xorrisofs)$/.test(name)) {
    // (mksquashfs SRC… DEST; genisoimage -o F SRC…: images of the directories they are given.)
    const ops = args.filter((a, k) => !a.startsWith('-') && !/^-(o|V|A|p|P|publisher|preparer|volid|appid|e|b|c|comp|b|ef|wildcards|root|graft-points|path-list|x|m|exclude)$/.test(args[k - 1] ?? ''));
    if (name === 'mksquashfs') { out = ops.at(-1); inputs = ops.slice(0, -1); } else { out = args.find((a, k) => args[k - 1] === '-o'); inputs = ops; }
    excludes = args.filter((a, k) => /^-(e|ef|x|m|exclude)$/.test(args[k - 1] ?? ''));
  } else if (name === 'cpio' && args.some((a) => /^-[a-zA-Z]*o/.test(a) || a === '--create')) {
    // (cpio -o archives the names on its stdin — find . lists .env; -F names the file.)
    // (…or -O, in a cluster too: -oF NAME, -ovO NAME — read as the remote archive's check reads them.)
    out = archiveNames('cpio', args)[0];
    inputs = ['.'];
  }
  if (inputs === undefined) return undefined;
  // (Excluding .env alone leaves its siblings — .env.local, .env.production: each has to be kept out. Keys that may lie in
  // the tree are not asked for here: an archive of the project sent on is judged as the project sent — see uploads-project.)
  return { inputs, takesSecret: ['.env', '.env.local', '.env.production'].some((n) => !excludes.some((g) => nameMatchesGlob(g.replace(/^\.\//, '').replace(/\/+$/, ''), n))), ...(out !== undefined ? { file: out } : {}) };
}

/**
 * What gh prints when it prints only identifiers: --json fields that are numbers, ids, states or repository names, picked by a
 * plain path (-q '.[].number', '.[] | select(…) | .databaseId'). A sample of one ('1', 'repo'), or undefined.
 */
function ghIdentifiers(name: string, args: readonly string[]): string | undefined {
  if (name !== 'gh' || args.some((a) => /^(-t|--template)(=|$)/.test(a))) return undefined;
  // (A flag given twice takes its last value, as gh's flag parser does; -q'.x' is attached.)
  const value = (re: RegExp, short?: string) => args.map((a, k) => (re.test(args[k - 1] ?? '') ? a : /^--[\w-]+=/.test(a) && re.test(a.slice(0, a.indexOf('='))) ? a.slice(a.indexOf('=') + 1)
    : short !== undefined && a.startsWith(short) && a.length > 2 && !a.startsWith('--') ? a.slice(2) : undefined)).filter((x) => x !== undefined).at(-1);
  const fields = value(/^--json$/)?.split(',');
  const query = value(/^(-q|--jq)$/, '-q');
  // (Repository names are [A-Za-z0-9._-]: a workflow run's or a release's name is free text.)
  const NUMERIC = /^(number|id|databaseId|state|status|conclusion|isDraft|createdAt|updatedAt|closedAt|mergedAt|headSha|oid)$/;
  const named = args[0] === 'repo' && args[1] === 'list' ? /^(name|nameWithOwner)$/ : /^$/;
  if (!fields?.length || query === undefined || !fields.every((f) => NUMERIC.test(f) || named.test(f))) return undefined;
  if (!/^[\s.[\]\w|"=()!]*$/.test(query) || !keysOnly(['jq', query.replace(/\b(number|databaseId|nameWithOwner|state|status|conclusion|isDraft|headSha|oid)\b/g, 'id')])) return undefined;
  return fields.some((f) => named.test(f)) ? 'repo' : '1';
}
/** The samples ghIdentifiers stands for its identifiers with. */
const IDENTIFIER_SAMPLES: ReadonlySet<string> = new Set(['1', 'repo']);

/** What a manager's environment command sets for the programs it starts later (tmux's is in unwrap): NAME=VALUE pairs. */
function managerEnvironment(name: string, args: readonly string[]): [string, string][] | undefined {
  const pairs = (ws: readonly string[]) => ws.flatMap((w) => { const m = /^([A-Za-z_]\w*)=(.*)$/s.exec(w); return m ? [[m[1]!, m[2]!] as [string, string]] : []; });
  if (name === 'systemctl' && args.includes('set-environment')) return pairs(args.slice(args.indexOf('set-environment') + 1));
  if (name === 'dbus-update-activation-environment') return pairs(args);
  // The same methods called over D-Bus by a generic client: gdbus call … UpdateActivationEnvironment "{'PATH': '…'}",
  // busctl … UpdateActivationEnvironment 'a{ss}' 1 PATH …, systemd's Manager.SetEnvironment, dbus-send dict:string:string:K,V.
  if (/^(gdbus|busctl|dbus-send|qdbus|dbus)$/.test(name) && args.some((a) => /(UpdateActivationEnvironment|SetEnvironment)$/.test(a))) {
    const text = args.join(' ');
    const quoted = [...text.matchAll(/(['"])([A-Za-z_]\w*)\1\s*:\s*(?:<)?(['"])(.*?)\3/g)].map((m) => [m[2]!, m[4]!] as [string, string]);
    const at = args.findIndex((a) => /^a\{ss\}$/.test(a));
    const busctl = at >= 0 ? args.slice(at + 2).flatMap((a, k, xs) => (k % 2 === 0 && xs[k + 1] !== undefined ? [[a, xs[k + 1]!] as [string, string]] : [])) : [];
    const dict = args.flatMap((a) => { const m = /^dict:string:string:(.*)$/.exec(a); return m ? m[1]!.split(',').flatMap((v, k, xs) => (k % 2 === 0 && xs[k + 1] !== undefined ? [[v, xs[k + 1]!] as [string, string]] : [])) : []; });
    const all = [...quoted, ...busctl, ...dict, ...pairs(args.flatMap((a) => a.replace(/^array:string:/, '').split(',').map((x) => x.replace(/^[\['"\s]+|[\]'"\s]+$/g, ''))))];
    return all.length ? all : [['PATH', '-unread-']];
  }
  if (name === 'launchctl' && args[0] === 'setenv') return args.slice(1).flatMap((a, k, xs) => (k % 2 === 0 && xs[k + 1] !== undefined ? [[a, xs[k + 1]!] as [string, string]] : []));
  if (name === 'launchctl' && args[0] === 'config' && args[2] === 'path' && args[3] !== undefined) return [['PATH', args[3]]];
  return undefined;
}

/** An extraction of named members: tar x[f ARCHIVE] [-C DIR] MEMBER…, unzip ARCHIVE MEMBER… [-d DIR] (members given by name only). */
function archiveMembers(name: string, args: readonly string[]): { archive: string; dir: string; members: string[] } | undefined {
  if (/^(tar|gtar|bsdtar)$/.test(name)) {
    const first = args[0] ?? '';
    const cluster = /^-?[a-zA-Z]+$/.test(first) && !first.startsWith('--') ? first : '';
    if (!/x/.test(cluster) && !args.some((a) => /^-[a-zA-Z]*x/.test(a) || a === '--extract' || a === '--get')) return undefined;
    let archive: string | undefined;
    let dir = '.';
    const members: string[] = [];
    // (Bundled letters take their values in order from the words after: tar xfC A DIR.)
    const pending: string[] = [];
    for (const [k, a] of args.entries()) {
      if (k === 0 && cluster && !cluster.startsWith('-')) { for (const c of cluster) if (c === 'f' || c === 'C') pending.push(c); continue; }
      if (pending.length && !a.startsWith('-')) { const c = pending.shift()!; if (c === 'f') archive = a; else dir = a; continue; }
      if (/^-[a-zA-Z]+$/.test(a)) { for (const c of a.slice(1)) if (c === 'f' || c === 'C') pending.push(c); continue; }
      const m = /^--(file|directory)=(.*)$/.exec(a) ?? (/^--(file|directory)$/.test(a) ? undefined : null);
      if (m) { if (m[1] === 'file') archive = m[2]!; else dir = m[2]!; continue; }
      if (m === undefined) { pending.push(a === '--file' ? 'f' : 'C'); continue; }
      if (a.startsWith('-')) continue;
      members.push(a);
    }
    return archive !== undefined && members.length ? { archive, dir, members } : undefined;
  }
  // (7z e|x ARCHIVE MEMBER… [-oDIR].)
  if (/^(7z|7za|7zz|7zr)$/.test(name) && /^(e|x)$/.test(args[0] ?? '')) {
    const ops = args.slice(1).filter((a) => !a.startsWith('-'));
    const dir = args.find((a) => /^-o./.test(a))?.slice(2) ?? '.';
    return ops.length >= 2 ? { archive: ops[0]!, dir, members: ops.slice(1) } : undefined;
  }
  if (name === 'unzip') {
    const ops: string[] = [];
    let dir = '.';
    let excluding = false;
    for (const [k, a] of args.entries()) {
      if (args[k - 1] === '-d') { dir = a; continue; }
      if (a === '-x') { excluding = true; continue; }
      if (/^-[a-zA-Z]*[lvtzZ]/.test(a) && ops.length === 0) return undefined;
      if (a.startsWith('-')) continue;
      if (!excluding) ops.push(a);
    }
    return ops.length >= 2 ? { archive: ops[0]!, dir, members: ops.slice(1) } : undefined;
  }
  return undefined;
}

/** The owner a GitHub reference names (github:OWNER/R, OWNER/R, https://github.com/OWNER/…, git@github.com:OWNER/…), lowercased. */
function githubOwner(ref: string): string | undefined {
  const m = /^(?:github:|git\+)?(?:(?:https?|ssh|git):\/\/(?:[^@/]+@)?(?:www\.)?github\.com[:/]|git@github\.com:)?([\w-][\w.-]*)\/[\w.-]+/i.exec(ref.replace(/^github:/i, ''));
  return m && !/^(https?|git|ssh|gitlab|bitbucket|gist):?$/i.test(m[1]!) ? m[1]!.toLowerCase() : undefined;
}

/** The secret env file `docker compose VERB` reads for its project (--env-file, else the project's .env when there is
 *  one), for a verb VERBS names; undefined otherwise. */
function composeLoads(st: State, name: string, args: readonly string[], ctx: Context, verbs: RegExp): string | undefined {
  const project = composeProject(name, args);
  if (project?.verb === undefined || !verbs.test(project.verb)) return undefined;
  return project.envFiles.map((f) => resolvePath(f, ctx)).find((f) => isSecretPath(st, f, ctx) && (!project.defaulted || fileExists(ctx, f)));
}

/** A Jupyter notebook's code cells, or undefined when the text is no notebook JSON. */
function notebookCells(text: string): string[] | undefined {
  try {
    const doc = JSON.parse(text) as { cells?: { cell_type?: string; source?: string | string[] }[] };
    return (doc.cells ?? []).filter((c) => c.cell_type === 'code').map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source ?? ''));
  } catch {
    return undefined;
  }
}
