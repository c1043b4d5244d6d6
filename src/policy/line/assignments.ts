// Variable assignments that change what every later program loads, where it reads its
// configuration from, or how Rampart sees the line.
import { posix } from 'node:path';
import { LOADER_VARS, type State } from './state.js';
import { harmlessConfig } from './known-configs.js';
import { newFacts } from '../facts.js';
import { addHost, addUrl, runsCommands, SYSTEM_DIR, systemProgram } from '../analyzers/common.js';
import { judgeFacts } from '../evaluate.js';
import { canonicalTool } from '../analyzers/identity.js';
import { DEFAULT_BINS } from '../shimmed.js';
import { judgeCodeIn } from './judge-interpreter.js';
import { programOptions } from './program-options.js';

// Variables that move a tool's configuration (or trust store) somewhere else. A configuration
// file can run programs (git's core.sshCommand, ssh's ProxyCommand, kubectl exec plugins, AWS
// credential_process), send traffic through a proxy or swap the package index, so a relocated
// one is something Rampart has not read.
export const CONFIG_VARS: ReadonlySet<string> = new Set(['UV_CONFIG_FILE', 'GOENV', 'GH_CONFIG_DIR', 'HGRCPATH', 'GEMRC', 'COMPOSER_HOME', 'POETRY_CONFIG_DIR', 'BUNDLE_USER_CONFIG', 'NUGET_CONFIG_FILE',
  'HOME', 'XDG_CONFIG_HOME', 'XDG_CONFIG_DIRS', 'GIT_CONFIG_GLOBAL', 'GIT_CONFIG_SYSTEM', 'GIT_CONFIG', 'GIT_DIR', 'GIT_COMMON_DIR',
  'CURL_HOME', 'WGETRC', 'SYSTEM_WGETRC', 'PIP_CONFIG_FILE', 'npm_config_userconfig', 'NPM_CONFIG_USERCONFIG',
  'npm_config_globalconfig', 'NPM_CONFIG_GLOBALCONFIG', 'YARN_RC_FILENAME', 'DOCKER_CONFIG', 'KUBECONFIG',
  'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'CARGO_HOME', 'GRADLE_USER_HOME', 'GNUPGHOME', 'BUNDLE_GEMFILE',
  'CONDARC', 'PYTHONSTARTUP', 'CURL_CA_BUNDLE', 'SSL_CERT_FILE', 'SSL_CERT_DIR', 'REQUESTS_CA_BUNDLE',
  'NODE_EXTRA_CA_CERTS', 'GIT_SSL_CAINFO', 'GIT_SSL_CAPATH',
  // Start-up code and configuration directories of R, Jupyter/IPython, terraform's CLI, make.
  'R_PROFILE', 'R_PROFILE_USER', 'R_ENVIRON', 'R_ENVIRON_USER', 'JUPYTER_CONFIG_DIR', 'IPYTHONDIR', 'TF_CLI_CONFIG_FILE', 'MAKEFILES',
  // screen's and less's key and start-up files: a screenrc runs commands (exec, screen CMD), a lesskey file's #env sets LESSOPEN.
  'SCREENRC', 'SYSSCREENRC', 'LESSKEY', 'LESSKEYIN', 'LESSKEY_SRC', 'LESSKEY_SYSTEM', 'LESSKEYIN_SYSTEM', 'LESSKEY_SRC_SYSTEM', 'LESSKEY_CONTENT',
  // ripgrep's config file: its lines are flags, --pre=PROGRAM and --hostname-bin=PROGRAM among them.
  'RIPGREP_CONFIG_PATH',
]);
/**
 * Variables a tool reads to decide where it connects or what it runs: a proxy, a registry or package index, a pager or
 * editor, a container or build daemon's address, a relocated configuration (KUBECONFIG …), git's program settings.
 * One the line fills with a value known only at run time (read, mapfile, getopts) is held as computed, so every tool
 * that reads it is judged as given a computed setting — at least ask — rather than as running without it.
 */
export function toolSetting(name: string): boolean {
  return /_proxy$/i.test(name) || /^npm_config_/i.test(name) || /(^|_)(PROXY|REGISTRY|REGISTRIES_\w+_INDEX|INDEX_URL|INDEX|PYPI_URL|MIRROR|DISTURL|CDNURL)(_|$)/.test(name)
    || PROGRAM_VARS.test(name) || /^LESS(OPEN|CLOSE)$/.test(name) || /^(DOCKER|BUILDKIT|CONTAINER|PODMAN)_HOST$/.test(name)
    || (CONFIG_VARS.has(name) && name !== 'HOME') || /^GIT_(SSH|SSH_COMMAND|PROXY_COMMAND|EXTERNAL_DIFF|ASKPASS|EXEC_PATH|CONFIG_\w+)$/.test(name);
}
/** Configuration variables whose file is more than one tool's project settings: a home, git's repository and settings, key and trust stores. */
const NOT_PROJECT_CONFIG = /^(HOME|XDG_\w+|GIT_\w+|GNUPGHOME|CURL_CA_BUNDLE|SSL_CERT_\w+|REQUESTS_CA_BUNDLE|NODE_EXTRA_CA_CERTS|HGRCPATH|CURL_HOME|WGETRC|SYSTEM_WGETRC)$/;

/**
 * A configuration file or directory of the project, trusted as its build files are: inside the project root, not a third
 * party's directory (node_modules, vendor), and not where the line may have put anything — an unpack, a copy, a patch, a
 * download, a program that writes files, a cd that moves where a relative path resolves, a file the line wrote.
 */
export function projectConfig(st: State, to: string, cwd: string): boolean {
  const root = st.ctx.projectRoot;
  return to.startsWith(`${root}/`) && !/\/(node_modules|vendor|third_party|external|deps)\//.test(to) && cwd === root
    && !/(^|[;&|(\n])\s*(\w+=\S*\s+)*(cd|pushd|popd|tar|bsdtar|unzip|7z|7za|cp|rsync|mv|ln|install|patch|git\s+(apply|am|checkout|restore|pull|merge|stash|clone|fetch)|python[\d.]*|node|ruby|perl|php|curl|wget|dd|tee|sed)\b/.test(st.lineText)
    && ![...st.written].some((w) => w === to || w.startsWith(`${to}/`));
}

// Variables that switch certificate checks off.
const TLS_OFF: Record<string, RegExp> = { GIT_SSL_NO_VERIFY: /./, NODE_TLS_REJECT_UNAUTHORIZED: /^0$/, PYTHONHTTPSVERIFY: /^0$/ };
// Variables a tool runs as a program (through a shell, for most): their value is a command line.
// Named by convention: *_PAGER, *_EDITOR, *_ASKPASS, *_WRAPPER, *_LAUNCHER, *_RUNNER, *_PROG …
// (Toolchains run their compiler, linker and archiver settings: CC, CXX, LD, AR, RUSTC, *_LINKER, YARN_YARN_PATH.)
const PROGRAM_VARS = /^(BROWSER|EDITOR|VISUAL|PAGER|MANPAGER|SUDO_ASKPASS|DIFFTOOL|SYSTEMD_PAGER|CC|CXX|CPP|LD|AR|AS|NM|RANLIB|STRIP|OBJCOPY|FC|F77|RUSTC|RUSTDOC|YARN_YARN_PATH)$|_(PAGER|EDITOR|VISUAL|BROWSER|ASKPASS|WRAPPER|LAUNCHER|RUNNER|PROG|DIFFTOOL|MERGETOOL|LINKER)$|^(npm_config_|NPM_CONFIG_)(git|shell|script_shell|editor|browser|viewer|init_module)$/i;
// (Bare or in a system directory: ./vim or /tmp/x/less is a program the agent may have written.)
const USUAL_PROGRAMS = new RegExp(`^\\s*(${SYSTEM_DIR})?(less|more|most|cat|bat|batcat|delta|diff-so-fancy|vim?|nvim|nano|emacs|emacsclient|code|code-insiders|subl|mate|micro|hx|kak|true|false|:|xdg-open|open|firefox|chromium|google-chrome|w3m|lynx|echo|sccache|ccache|distcc|icecc|meld|vimdiff|kdiff3|opendiff|([\\w.]+-)*(gcc|g\\+\\+|cc|c\\+\\+|cpp|clang|clang\\+\\+|clang-cl|tcc|icc|icx|gfortran|ld|ld\\.lld|ld\\.gold|ld\\.bfd|lld|mold|ar|llvm-ar|as|nm|llvm-nm|ranlib|llvm-ranlib|strip|llvm-strip|objcopy|llvm-objcopy|rustc|rustdoc)(-\\d+(\\.\\d+)*)?|zig (cc|c\\+\\+))(\\s+(-[-\\w=]+|--wait))*\\s*$`);

/**
 * A setting a tool runs as a program (a *_PAGER variable, make SHELL=, -toolexec, --pre, a cargo
 * runner …): a command line in it is judged where it runs; a program Rampart cannot see (a
 * script in /tmp, a name it does not know) asks; an everyday one (less, vim, ccache) passes.
 */
export function programSetting(st: State, what: string, value: string, isStatic: boolean, cwd = st.ctx.cwd): void {
  if (value.trim() === '' || (USUAL_PROGRAMS.test(value) && !runsCommands(value))) return;
  // (A `$` inside single quotes is text the program gets: sed -i '2,$s/^pick/fixup/'.)
  if (!isStatic || /[$`]/.test(value.replace(/'[^']*'/g, "''"))) {
    st.lineTags.tags.add('dynamic-command');
    st.lineTags.notes.push(`${what} is set to a program computed at run time`);
    return;
  }
  // A command line is judged where it runs; a program given by path outside the system's bin
  // directories (a script in /tmp, one the agent wrote) is one this line does not show.
  const prog = value.trim().split(/\s+/)[0]!;
  // A bare shell given the tool's text (a pager, tar --to-command) runs that text as commands;
  // a shell setting (make SHELL=, script-shell) runs commands with -c, as it should.
  if (!/shell/i.test(what) && /^(\S*\/)?(sh|bash|dash|zsh|ksh|fish|python[\d.]*|perl|ruby|node)$/.test(value.trim())) {
    note(st, what, `${prog} reading the tool's output as a program`);
    return;
  }
  st.sub(value, cwd, st.ctx.env);
  if (!systemProgram(prog, /^[^/]+$/)) note(st, what, prog);
  // (…and the usual editor or pager told to run commands or load code: vim -c '!…', less -k KEYS, emacs --eval.)
  else if (runsCommands(value)) note(st, what, `${prog} with options that run commands`);
}

function note(st: State, what: string, prog: string): void {
  st.lineTags.tags.add('program-setting');
  st.lineTags.notes.push(`${what} makes a tool run ${prog}, a program this line does not show`);
}
// Variables whose value every run of a program reads as options ahead of its own arguments.
/** Variables naming the remote shell a tool starts (RSYNC_RSH, borg's BORG_RSH, svn+ssh's SVN_SSH, cvs :ext:'s
 *  CVS_RSH, distcc, darcs, rsync's daemon connect program, and any other *_RSH). */
const REMOTE_SHELL_VARS = /^(RSYNC_RSH|RSYNC_CONNECT_PROG|BORG_RSH|SVN_SSH|CVS_RSH|DISTCC_SSH|DARCS_SSH|DARCS_SCP|DARCS_SFTP)$|_RSH$/;
const OPTION_VARS: Readonly<Record<string, string>> = { TAR_OPTIONS: 'tar', ZIPOPT: 'zip', UNZIP: 'unzip', UNZIPOPT: 'unzip', PARALLEL: 'parallel', LESS: 'less' };
// JVM options that load an agent or run a command.
const JVM_OPTIONS = /^(JAVA_TOOL_OPTIONS|_JAVA_OPTIONS|JDK_JAVA_OPTIONS|JAVA_OPTS|MAVEN_OPTS|GRADLE_OPTS|SBT_OPTS)$/;
// (-agentlib:jdwp is the JDK's own debugger agent, loading nothing from outside: where it listens is judged as a debugger's.)
const JVM_LOADS = /-(javaagent|agentpath)\b|-agentlib:(?!jdwp[=\s"']|jdwp$)|-agentlib:jdwp=[^\s"']*\blaunch=|-XX:\+?(OnError|OnOutOfMemoryError)=|-Djava\.security\.manager=|-Xbootclasspath/;

/** Directories tools use when their variable is unset: naming the default changes nothing (GOBIN=~/go/bin go install). */
export const DEFAULT_DIRS: Readonly<Record<string, string>> = {
  GOBIN: '~/go/bin', GOPATH: '~/go', GOMODCACHE: '~/go/pkg/mod', GOCACHE: '~/.cache/go-build', UV_TOOL_BIN_DIR: '~/.local/bin', UV_TOOL_DIR: '~/.local/share/uv/tools', UV_CACHE_DIR: '~/.cache/uv',
  PIPX_BIN_DIR: '~/.local/bin', PIPX_HOME: '~/.local/pipx', CARGO_HOME: '~/.cargo', CARGO_INSTALL_ROOT: '~/.cargo', BUN_INSTALL: '~/.bun', PNPM_HOME: '~/.local/share/pnpm',
  DENO_INSTALL_ROOT: '~/.deno', PYTHONUSERBASE: '~/.local', GEM_HOME: '~/.gem', XDG_CACHE_HOME: '~/.cache', XDG_DATA_HOME: '~/.local/share', XDG_STATE_HOME: '~/.local/state', PIP_CACHE_DIR: '~/.cache/pip', NPM_CONFIG_CACHE: '~/.npm', YARN_CACHE_FOLDER: '~/.cache/yarn',
  POETRY_CACHE_DIR: '~/.cache/pypoetry', PNPM_STORE_DIR: '~/.local/share/pnpm/store',
};

/** Each package manager's cache variable (its default in DEFAULT_DIRS): `TOOL cache clean --cache D` naming it empties nothing more. */
export const TOOL_CACHE_VARS: Readonly<Record<string, string>> = { npm: 'NPM_CONFIG_CACHE', pip: 'PIP_CACHE_DIR', uv: 'UV_CACHE_DIR', yarn: 'YARN_CACHE_FOLDER', poetry: 'POETRY_CACHE_DIR', pnpm: 'PNPM_STORE_DIR' };

/** True when NAME=value names the directory the tool uses anyway. */
export function isDefaultDir(name: string, value: string, home: string): boolean {
  const d = DEFAULT_DIRS[name.toUpperCase()] ?? DEFAULT_DIRS[name];
  const norm = (p: string) => p.replace(/^(~|\$\{?HOME\}?)(?=\/|$)/, home).replace(/\/+$/, '');
  return d !== undefined && norm(value) === norm(d);
}

/** Where a path-valued assignment points, as an absolute path (undefined when computed). */
function target(st: State, value: string, cwd: string): string | undefined {
  const v = value.replace(/^(\$\{?PWD\}?)(?=\/|$)/, cwd).replace(/^(~|\$\{?HOME\}?)(?=\/|$)/, st.ctx.home);
  if (v === '' || v.includes('$') || v.includes('`')) return undefined;
  return posix.resolve(cwd, v);
}

/** The assignments `${NAME:=VALUE}` and `${NAME=VALUE}` make in these words: each sets NAME when it is unset (or, with
 *  the colon, empty) — so not one the environment already holds, nor one a shell always has (PATH, HOME). */
export function defaultAssignments(raws: readonly string[], env: Readonly<Record<string, string | undefined>>): [string, string][] {
  const out: [string, string][] = [];
  for (const raw of raws) {
    for (const m of raw.matchAll(/\$\{([A-Za-z_]\w*)(:?)=((?:[^{}]|\{[^{}]*\})*)\}/g)) {
      const held = env[m[1]!] ?? (/^(PATH|HOME|PWD|USER|LOGNAME|SHELL|IFS)$/.test(m[1]!) ? 'set' : undefined);
      if (held === undefined || (m[2] === ':' && held === '')) out.push([m[1]!, m[3]!.replace(/^"(.*)"$/s, '$1')]);
    }
  }
  return out;
}

/** The variable a name stands for after the line's declare -n references (a chain followed a few steps). */
function referent(st: State, name: string): string {
  let n = name;
  for (let k = 0; k < 8 && st.references.has(n); k++) n = st.references.get(n)!;
  return n;
}

/** Tags a line for an assignment of NAME=value (loader variables, RAMPART_*, a PATH without the shims). */
export function assignmentTags(st: State, name0: string, value: string, isStatic: boolean, cwd = st.ctx.cwd): void {
  // (Through a declare -n reference the variable assigned is the one it names: declare -n r=LD_PRELOAD; r=x.so.)
  const name = referent(st, name0);
  const tag = (t: string, note: string) => {
    st.lineTags.tags.add(t);
    st.lineTags.notes.push(note);
  };
  // An API endpoint set in the line (ANTHROPIC_BASE_URL, OPENAI_BASE_URL, *_API_URL, *_ENDPOINT): the
  // SDK or agent that reads it sends its requests — prompts, files, the API key — to that host.
  const endpoint = /(^|_)(BASE_URL|API_BASE|API_URL|ENDPOINT|BASE_PATH)$/i.test(name) ? /^(https?:\/\/\S+)$/i.exec(value.trim())?.[1] : undefined;
  if (endpoint) {
    const f = newFacts('<env>');
    addUrl(f, endpoint, 'proxy');
    f.tags.add('routed-env');
    f.notes.push(`${name}=${endpoint} sends a client's API requests there`);
    st.out.push(judgeFacts(st.policy, f, [`${name}=${value}`], { ...st.ctx, stdin: undefined, stdout: undefined }));
  }
  // Variables that name a file the program writes (git's traces, TLS key logs): a write there.
  // (…and a shell's or REPL's history file: HISTFILE=~/.bashrc then `history -w` writes the history there.)
  if (/^(GIT_TRACE\w*|SSLKEYLOGFILE|HISTFILE|LESSHISTFILE|NODE_REPL_HISTORY|PYTHON_HISTORY|MYSQL_HISTFILE|PSQL_HISTORY|SQLITE_HISTORY|REDISCLI_HISTFILE)$/.test(name) && /^(\/|~)/.test(value)) {
    const f = newFacts('<env>');
    f.writes.push(value);
    f.notes.push(`${name}=${value} makes the program write to ${value}`);
    st.out.push(judgeFacts(st.policy, f, [`${name}=${value}`], { ...st.ctx, stdin: undefined, stdout: undefined }));
  }
  // Variables that name the directory a tool fills (caches, build targets, prefixes, temp and data dirs:
  // XDG_CACHE_HOME, npm_config_cache, CARGO_TARGET_DIR, TRANSFORMERS_CACHE, TMPDIR): files written below it.
  // (Also GOCACHE, GOBIN, GEM_HOME, PYTHONUSERBASE and any *_HOME; a relative value is below the working directory.)
  // (…and the JVM's directory properties passed in a tool's options variable: MAVEN_OPTS=-Dmaven.repo.local=D.)
  const dirProps = /(_OPTS|_OPTIONS)$/.test(name) ? [...value.matchAll(/(?:^|\s)-D[\w.-]*(?:repo\.local|\.dir|directory|\.home|output|cache)=(\S+)/gi)].map((m) => m[1]!) : [];
  // (Any tool's directory by its variable's last word — PIP_SRC, BUNDLE_PATH, UV_PROJECT_ENVIRONMENT, DENO_DIR, BUN_INSTALL,
  // npm_config_store_dir, PIP_LOG — but not one that names what is read: keys, credentials, configuration, sockets.)
  const readsOnly = /KEY|CRED|AUTH|TOKEN|PASS|SECRET|CERT|CAFILE|CA_FILE|CAPATH|IDENTITY|KNOWN|SOCK|SSH|GNUPG|GPG|KUBE|(^|_)CONFIG(_|$)|^PATH$|^MANPATH$|^INFOPATH$|(^|_)(LD_LIBRARY|LIBRARY|INCLUDE|CLASS|MODULE|PYTHON|NODE|PERL5?|RUBY|LUA|GEM|EXEC|PKG_CONFIG)_?PATH$/i.test(name) && !/^npm_config_/i.test(name);
  // (A name no tool reads — lowercase shell variables, a bare DIR, SRC or ROOT — only holds a path for the line's own words, judged where they are used.)
  const toolName = (/^[A-Z][A-Z0-9_]*$/.test(name) || /^npm_config_/i.test(name)) && !/^(DIR|DIRS|SRC|ROOT|DEST|FOLDER|BIN|INSTALL|LOG|STORE|ENVIRONMENT|CACHE|OUT_DIR|BUILD_DIR|OUTPUT_DIR|LOG_DIR|LOGS_DIR)$/.test(name);
  const dirVar = toolName && !readsOnly && (/(^|_)(CACHE|CACHE_DIR|CACHE_HOME|CACHE_FOLDER|TARGET_DIR|OUT_DIR|OUTPUT_DIR|BUILD_DIR|DATA_HOME|STATE_HOME|LOGS?_DIR|TMPDIR|TEMP|TMP|DOWNLOAD_DIR|PREFIX|INSTALL_DIR|DESTDIR|BIN_DIR|BINDIR|HOME|SRC|ROOT|DEST|DIR|DIRS|FOLDER|PATH|BIN|INSTALL|ENVIRONMENT|LOG|LOG_FILE|LOG_PATH|STORE|VIRTUAL_ENV|VENV)$|USERBASE$|^GO(CACHE|BIN|MODCACHE|PATH|TMPDIR)$|CACHE/i.test(name)) && value !== '';
  // (A log file's variable names the file itself.)
  const fileVar = /(^|_)(LOG|LOG_FILE|LOG_PATH)$/i.test(name);
  for (const v of dirVar && !isDefaultDir(name, value, st.ctx.home) ? [value] : dirProps) {
    const dir = target(st, v, cwd);
    const f = newFacts('<env>');
    if (dir) f.writes.push(fileVar ? dir : `${dir}/-cache-`);
    const j = judgeFacts(st.policy, f, [`${name}=${value}`], { ...st.ctx, stdin: undefined, stdout: undefined });
    if (j.pathClasses.writes.has('protected') || j.pathClasses.writes.has('home_credential')) {
      f.notes.push(`${name}=${value} makes a tool write its files into ${v}`);
      st.out.push(j);
    }
  }
  // ENV names the file an interactive sh reads at start; a plain word (ENV=test, ENV=prod) is
  // the ordinary deployment-stage variable of build tools, not a path anyone loads.
  // (…nor is one a script's option or argument gives it — ENV=$OPTARG, ENV=${1:-dev} — where no interactive shell is
  // started in the line to read it.)
  const stageWord = name === 'ENV' && (/^[A-Za-z][\w-]*$/.test(value) || (/^"?\$\{?(\w+)(:?-[A-Za-z][\w-]*)?\}?"?$/.test(value) && !/\b(sh|bash|dash|ksh|mksh|zsh|posh|yash)\b[^;&|\n]*\s-[a-zA-Z]*i|\b(script|tmux|screen|expect|unbuffer)\b/.test(st.lineText)));
  // RUBYOPT and PERL5OPT load code only through -r/-I (-M/-m/-I/-d for perl); warning and encoding flags load nothing,
  // and -rNAME of a library by name (-rbundler/setup; perl's pragmas and its coverage and debugging modules, -MDevel::Cover) loads an installed module, not a file the line can plant.
  const flagsOnly = (name === 'RUBYOPT' && /^(\s*(-W(:[\w-]+|\d)?|-w|-v|-r(?:bundler\/setup|bundler|rubygems|simplecov|debug|pry|byebug|json|yaml|pp|set|securerandom|logger|tmpdir|fileutils|benchmark|minitest\/autorun|rspec\/autorun|spec_helper|rails_helper|test_helper)(?=\s|$)|-E\S*|-K\w|-U|--(enable|disable)[=-][\w,-]+|--jit\S*|--yjit\S*))*\s*$/.test(value))
    || (name === 'PERL5OPT' && /^(\s*(-[wWXT]|-C\w*|-M-?(?:strict|warnings|diagnostics|utf8|autodie|feature|open|Carp|Carp::Always|Devel::Cover|Devel::NYTProf|Data::Dumper|Test::More)(=[\w,:-]*)?))*\s*$/.test(value));
  if ((LOADER_VARS.test(name) && !stageWord && !flagsOnly) || (name === 'NODE_OPTIONS' && /(^|\s)(-r|--require|--import|--loader|--experimental-loader)\b/.test(value))) {
    tag('loader-env', `${name}= changes what code every program loads`);
  }
  // (NODE_OPTIONS whose text is made at run time — $(cat f), read from a file — may hold --require of anything.)
  // (…or taken from another variable the line does not settle — read from a here-string, a file, the environment; its own old value is no change.)
  const ownOld = value.replace(/\$\{?(?:NODE_OPTIONS|npm_config_node_options|NPM_CONFIG_NODE_OPTIONS)(?:\}|:?[-=+][^}]*\}|(?!\w))/g, '');
  if (/^(NODE_OPTIONS|npm_config_node_options|NPM_CONFIG_NODE_OPTIONS)$/.test(name) && !isStatic && /\$(?!\(\()|`/.test(ownOld)) tag('dynamic-command', `${name} is computed at run time: every node process may load code Rampart has not read`);
  // NODE_OPTIONS=--inspect=0.0.0.0:P opens every node process's debugger to other machines.
  if (name === 'NODE_OPTIONS' && /(^|\s)--inspect(-brk|-wait)?=(0\.0\.0\.0|\[?::\]?)(:\d+)?(\s|$)/.test(value)) tag('serves-files', 'NODE_OPTIONS=--inspect=0.0.0.0 opens every node process\'s debugger on every network interface');
  if (name === 'GCONV_PATH' || name === 'LD_LIBRARY_PATH' && /^\/(tmp|var\/tmp|dev\/shm)\b/.test(value)) tag('loader-env', `${name}= makes programs load libraries from ${value}`);
  // Search paths pointed at a directory this line wrote code into (a download unpacked to ./lib,
  // a module written to /tmp/m): what programs load from there is that code.
  if (/^(LD_LIBRARY_PATH|PYTHONPATH|PYTHONHOME|PYTHONUSERBASE|PERL5LIB|PERLLIB|RUBYLIB|NODE_PATH|GEM_PATH|GEM_HOME|CLASSPATH|OPENSSL_CONF|OPENSSL_MODULES|LUA_PATH|LUA_CPATH|PHPRC|PHP_INI_SCAN_DIR)$/.test(name)) {
    const dirs = value.split(':').filter((d) => d && !d.startsWith('$')).map((d) => posix.resolve(cwd, d.replace(/^~(?=\/|$)/, st.ctx.home)));
    const under = (p: string) => dirs.some((d) => p === d || p.startsWith(`${d}/`));
    // (Source files of that language whose text the line wrote — a module, a test helper — are
    // read as the program files they are; anything else there — a download, a library — is planted.)
    const lang = { PYTHONPATH: ['python', /\.py$/], PERL5LIB: ['perl', /\.pm$/], PERLLIB: ['perl', /\.pm$/], RUBYLIB: ['ruby', /\.rb$/], NODE_PATH: ['node', /\.[cm]?js$/] }[name] as [string, RegExp] | undefined;
    const known = lang ? [...st.scripts].filter(([p]) => under(p) && lang[1].test(p)) : [];
    const hit = [...st.written, ...st.scripts.keys()].find((p) => under(p) && !known.some(([k]) => k === p));
    if (hit) tag('config-planted', `${name}=${value} makes programs load ${hit}, written earlier in the same line`);
    else for (const [p, text] of known) if (!st.codeJudged.has(p)) {
      st.codeJudged.add(p);
      judgeCodeIn(st, text, lang![0], st.ctx, st.ctx.env, true);
    }
    // A module search path outside the project, the user's home and the system's library trees
    // (/tmp/m, /srv/x): code Rampart has not seen is loaded ahead of the project's own.
    const root = st.ctx.projectRoot;
    const home = st.ctx.home;
    const away = dirs.find((d) => d !== root && !d.startsWith(`${root}/`) && d !== home && !d.startsWith(`${home}/`) && !/^\/(usr|opt|nix|snap|Library|System)(\/|$)/.test(d));
    if (!hit && away) tag('config-relocated', `${name}=${value} makes programs load modules from ${away}, outside the project`);
  }
  // Prompt strings are expanded — command substitutions included — each time bash shows them (PS0,
  // PS1, PS2 interactively, PS4 under set -x); a `\$(` decodes to `$(` first. What they run is judged.
  if (/^PS[0-4]$/.test(name) && /\$\(|`/.test(value)) {
    if (isStatic) st.sub(`: "${value.replace(/\\\$\(/g, '$(').replace(/"/g, '\\"')}"`, cwd, st.ctx.env);
    else tag('loader-env', `${name} is set to text computed at run time, which bash expands as a prompt`);
  }
  if (JVM_OPTIONS.test(name) && JVM_LOADS.test(value)) tag('loader-env', `${name}= makes every Java program load ${value}`);
  // -Dhttps.proxyHost=H (and http., socks, ftp.): every connection of the JVM goes through H.
  if (JVM_OPTIONS.test(name)) {
    const f = newFacts('<env>');
    for (const m of value.matchAll(/-D(?:systemProp\.)?(?:https?|ftp|socks)\.proxyHost=([^\s"']+)/g)) addHost(f, m[1]!, 'proxy');
    if (f.hosts.length) {
      f.tags.add('routed-env');
      f.notes.push(`${name} routes the JVM's connections through ${f.hosts.map((h) => h.host).join(', ')}`);
      st.out.push(judgeFacts(st.policy, f, [`${name}=${value}`], { ...st.ctx, stdin: undefined, stdout: undefined }));
    }
  }
  if (name === 'GOFLAGS' && /-(toolexec|exec)\b/.test(value)) tag('loader-env', 'GOFLAGS= makes go run another program');
  if (/^RAMPART_/.test(name)) st.lineTags.tags.add('rampart-tamper');
  // BASH_FUNC_name%%=() { … }: an exported function bash defines, and runs when `name` is called.
  const fn = /^BASH_FUNC_(.+?)(%%|\(\))$/.exec(name);
  if (fn) {
    const body = /^\s*\(\)\s*\{([\s\S]*)\}\s*$/.exec(value);
    if (body && isStatic) st.sub(body[1]!, cwd, st.ctx.env);
    else tag('loader-env', `${name} defines a function ${fn[1]} from text Rampart cannot read`);
  }
  // An empty value switches the program off (GIT_ASKPASS= is a common hardening).
  if (/^(GIT_ASKPASS|SSH_ASKPASS|GIT_SSH_COMMAND|GIT_SSH|GIT_PROXY_COMMAND|npm_config_script_shell|NPM_CONFIG_SCRIPT_SHELL)$/.test(name) && value !== '') {
    tag('loader-env', `${name}= makes a tool run another program`);
  }
  // The remote shell a tool starts for HOST:PATH (rsync, borg, svn+ssh, cvs :ext:, tar/cpio's rmt, …):
  // plain ssh (with options, the system's) is the normal remote shell; anything else runs locally.
  if (REMOTE_SHELL_VARS.test(name) && value !== '' && (!systemProgram(value.trim().split(/\s+/)[0] ?? '', /^ssh$/) || /ProxyCommand|LocalCommand|KnownHostsCommand/i.test(value))) {
    tag('loader-env', `${name}=${value} makes a tool run another program as its remote shell`);
  }
  // A program variable holding more than an editor or pager is a command line the tool runs.
  if (PROGRAM_VARS.test(name)) programSetting(st, name, value, isStatic, cwd);
  // less's input preprocessor and its closer: a command line (after LESSOPEN's `|`, `||` or `-`), its %s the file.
  if (/^LESS(OPEN|CLOSE)$/.test(name)) programSetting(st, name, value.replace(/^\|{0,2}-?\s*/, '').replace(/%s/g, 'FILE'), isStatic, cwd);
  // less's `v` command line, a prompt template: %E the editor (VISUAL/EDITOR, judged as their own settings), %f/%g the file,
  // ?x…. a conditional part (`%E ?lm+%lm. %g`, its default, is `vi +1 FILE`).
  if (name === 'LESSEDIT') programSetting(st, name, value.replace(/\?[a-zA-Z]{1,2}((?:[^.\\]|\\.)*)\./g, '$1').replace(/%E/g, 'vi').replace(/%[fg]/g, 'FILE').replace(/%[a-zA-Z]{1,2}/g, '1'), isStatic, cwd);
  // Options every run of the tool gets: ones that name a program.
  // (Each splits the value into words as a shell does, quotes and backslashes included, and reads
  // them before its own arguments: judged as that program given those options.)
  const optionsOf = OPTION_VARS[name];
  if (optionsOf && value.trim() !== '') {
    if (isStatic) st.sub(`${optionsOf} ${value}`, cwd, st.ctx.env);
    // (Options only known when the line runs may name a program to run: not understood, so asked.)
    else programSetting(st, name, value, false, cwd);
  }
  if (name === 'MANOPT') for (const m of value.matchAll(/(?:^|\s)(?:-P|--pager[= ]|-H|--html[= ])\s*((?:\\ |\S)+)/g)) programSetting(st, 'MANOPT', m[1]!.replace(/\\ /g, ' '), isStatic, cwd);
  // A toolchain's home (JAVA_HOME, GOROOT) in a temp dir or written by this line: its programs are ones the line does not show.
  if (/^(JAVA_HOME|JDK_HOME|GOROOT|NODE_HOME|ANDROID_HOME|ANDROID_SDK_ROOT|DOTNET_ROOT)$/.test(name)) {
    const to = target(st, value, cwd);
    if (to !== undefined && (/^\/(tmp|var\/tmp|dev\/shm)(\/|$)/.test(to) || [...st.written].some((w) => w.startsWith(`${to}/`)))) note(st, name, `${to}/bin/*`);
  }
  // MAKEFLAGS (and GNUMAKEFLAGS, which GNU make reads first) reaches every make below: a makefile or
  // text to evaluate given there is read like -f/--eval.
  if ((name === 'MAKEFLAGS' || name === 'GNUMAKEFLAGS') && /(^|\s)(-f|--file|--makefile|--eval|-E)(\s|=|$)|(^|\s)-\w*f/.test(value)) tag('loader-env', `${name}=${value} makes every make read another makefile or evaluate text`);
  // (…and its NAME=VALUE words are variables every make below is given: SHELL=, CC= as on make's command line.)
  if (name === 'MAKEFLAGS' || name === 'GNUMAKEFLAGS') for (const [what, v] of programOptions('make', value.split(/\s+/))) programSetting(st, `${name} ${what}`, v, isStatic, cwd);
  if (/^(npm_config_node_options|NPM_CONFIG_NODE_OPTIONS)$/.test(name) && /(^|\s)(-r|--require|--import|--loader|--experimental-loader)\b/.test(value)) tag('loader-env', `${name}= makes every node process npm starts load other code`);
  if (CONFIG_VARS.has(name) || (name === 'PYTHONINSPECT' && value !== '')) {
    const to = target(st, value, cwd);
    // (Set to where the tool reads anyway: HOME=$HOME, KUBECONFIG=~/.kube/config, DOCKER_CONFIG=~/.docker …)
    const DEFAULTS: Record<string, string> = { HOME: '', XDG_CONFIG_HOME: '/.config', KUBECONFIG: '/.kube/config', DOCKER_CONFIG: '/.docker', AWS_CONFIG_FILE: '/.aws/config', AWS_SHARED_CREDENTIALS_FILE: '/.aws/credentials', CARGO_HOME: '/.cargo', GRADLE_USER_HOME: '/.gradle', GNUPGHOME: '/.gnupg', GIT_CONFIG_GLOBAL: '/.gitconfig', GH_CONFIG_DIR: '/.config/gh', COMPOSER_HOME: '/.config/composer', GOENV: '/.config/go/env' };
    // (…and the project's own repository, GIT_DIR=.git at its top, as git sets it for hooks: the shims' reading too, shim-env.)
    // (…and a build tool's home kept in the project — GRADLE_USER_HOME=$PWD/.gradle-home, CARGO_HOME=.cargo-home, a venv's
    // own pip.conf — is the project's configuration, trusted as its build files are, unless this line wrote into it.)
    const root = st.ctx.projectRoot;
    // (…and so is any tool's configuration file kept in the project — BUNDLE_GEMFILE=gemfiles/rails_7.gemfile, KUBECONFIG=.kube/kind.yaml —
    // but not a home, git's own settings or a trust store: those reach past one tool's project settings.)
    const projectHome = to !== undefined && ((/^(GRADLE_USER_HOME|CARGO_HOME)$/.test(name)) || (name === 'PIP_CONFIG_FILE' && /\/\.?venv[\w.-]*\/pip\.conf$/.test(to)) || !NOT_PROJECT_CONFIG.test(name)) && projectConfig(st, to, cwd);
    // (…or a temp directory mktemp made fresh in this line — GNUPGHOME="$(mktemp -d)" — holds no configuration, unless this
    // line puts some there. One that is merely not there yet is not taken for an empty one: an earlier command may be the
    // one that fills it (the hook sees one line at a time), and where the disk cannot be read it may exist — the hook is
    // no more lenient for a sparse /tmp than the judge that cannot look.)
    const fresh = to !== undefined && /^\/(tmp|var\/tmp)\/[^/]*rampart-mktemp/.test(to) && ![...st.written].some((w) => w === to || w.startsWith(`${to}/`) || to.startsWith(`${w}/`));
    // (…or a kubeconfig a local-cluster tool wrote in this line: kind get kubeconfig > /tmp/kind.yaml.)
    const generated = name === 'KUBECONFIG' && to !== undefined && st.generatedKubeconfigs.has(to);
    // (…or nothing at all: PIP_CONFIG_FILE=/dev/null, GIT_CONFIG_GLOBAL=/dev/null read no configuration.)
    const none = to === '/dev/null' && !/^(HOME|XDG_\w+|GIT_DIR|GIT_WORK_TREE|GIT_COMMON_DIR)$/.test(name);
    // (…or a config the command is told to skip: rg --no-config reads no RIPGREP_CONFIG_PATH.)
    // (Only when every rg of the line is given it as an option: not in a comment, not after `--` where it is the pattern.)
    const rgs = [...st.lineText.matchAll(/(?:^|[\s;&|(])rg((?:[ \t]+(?!--(?:\s|$))[^\s;&|#]+)*)/g)];
    const skipped = name === 'RIPGREP_CONFIG_PATH' && rgs.length > 0 && rgs.every((m) => /\s--no-config(?=\s|$)/.test(m[1]!));
    const unchanged = projectHome || fresh || generated || none || skipped || (to !== undefined && ((DEFAULTS[name] !== undefined && to === `${st.ctx.home}${DEFAULTS[name]}`) || (/^GIT_(DIR|COMMON_DIR)$/.test(name) && to === `${root}/.git` && cwd === root && !/GIT_WORK_TREE|--work-tree|core\.worktree|(^|[\s;&|(])(cd|pushd)\b/.test(st.lineText))));
    // (…or a project file this line wrote with text that sets only harmless keys — [user] name, pip's timeout: judged by
    // that text, kept for the line's end, where any other write to it makes it planted again.)
    const text = to !== undefined && to.startsWith(`${root}/`) && !st.opaqueWritten.has(to) ? st.scripts.get(to) : undefined;
    const known = text !== undefined && harmlessConfig(name, text);
    if (!unchanged && !known) {
      tag('config-relocated', `${name}=${value} makes tools read configuration Rampart has not seen`);
      if (to !== undefined) st.relocated.push({ name, path: to });
    } else if (!unchanged) st.relocated.push({ name, path: to!, text });
  }
  if (TLS_OFF[name]?.test(value)) tag('config-relocated', `${name}=${value} switches certificate checks off`);
  if (name === 'PATH') {
    // (A directory a variable of the line holds — R="$PWD/node_modules/.bin"; PATH="$R:$PATH" — is that directory.)
    value = value.replace(/\$\{([A-Za-z_]\w*)\}|\$([A-Za-z_]\w*)/g, (m, a?: string, b?: string) => ((a ?? b) !== 'PATH' ? st.dirVars.get((a ?? b)!) ?? m : m));
    const why = pathStrips(value, st.ctx.shimsDir, st.ctx.home);
    if (why) tag('path-strip', `PATH=${value}: ${why}`);
    // A directory computed at run time before the shims ($(go env GOPATH)/bin) may be anything:
    // a person decides (it is not known to drop the shims).
    else if (computedBeforeShims(value, st.ctx.shimsDir)) tag('config-relocated', `PATH=${value}: a directory computed at run time comes before the shims`);
    // A directory this line filled with copies or links of guarded programs (ln -s /usr/bin/curl .bin/),
    // put before the shims: the real programs are found first, as from /usr/bin.
    const entries = value.split(':');
    const keep = entries.findIndex((e) => WHOLE_PATH.test(e) || e === st.ctx.shimsDir);
    for (const e of entries.slice(0, keep < 0 ? entries.length : keep)) {
      const dir = posix.resolve(cwd, e.replace(/^(\$PWD|\$\{PWD\}|\$\(pwd\))(?=\/|$)/, cwd).replace(/^(~|\$HOME|\$\{HOME\})(?=\/|$)/, st.ctx.home));
      if (!/[$`]/.test(dir)) st.pathDirs.add(dir);
      // (…or any file this line wrote there under a shimmed program's name — echo 'exec /usr/bin/curl "$@"' > bin/curl —:
      // a later `curl` runs it instead of the shim.)
      const planted = [...st.binaries.entries()].find(([file, prog]) => (file === dir || posix.dirname(file) === dir) && DEFAULT_BINS.includes(canonicalTool(prog)))
        ?? [...st.written].map((file): [string, string] => [file, posix.basename(file)]).find(([file, name]) => posix.dirname(file) === dir && DEFAULT_BINS.includes(name));
      if (planted && !/[$`]/.test(e.replace(/^(\$PWD|\$\{PWD\}|\$HOME|\$\{HOME\})/, ''))) {
        tag('path-strip', `PATH=${value}: ${e} holds ${planted[1]} made in this line, found before the shims`);
        break;
      }
    }
  }
}

// Directories that hold the real curl, git, ssh, …: ahead of the shims, they are found first.
// (Homebrew's keg-only formulae of guarded programs — /usr/local/opt/curl/bin, …/Cellar/openssh/9.8/bin —
// hold the real programs too; a keg of another formula, /opt/homebrew/opt/python@3.12/bin, does not.)
const GUARDED_FORMULA = String.raw`(curl|wget|openssh|git|rsync|netcat|gnu-netcat|socat|nmap|inetutils|telnet)`;
const KEG = String.raw`(usr\/local|opt\/homebrew|home\/linuxbrew\/\.linuxbrew)\/(opt\/${GUARDED_FORMULA}|Cellar\/${GUARDED_FORMULA}\/[^/]+)\/s?bin`;
// (Other package managers' and platforms' directories hold them too: Nix profiles, conda's base environment, a Linuxbrew in
// HOME, Xcode's and the Command Line Tools' git, the git installer's /usr/local/git, pkgsrc, Fink, MSYS2, Fedora's snap
// links. HOME stands for any spelling of a home directory.)
const HOME_DIR = String.raw`(HOME|home\/[^/]+|Users\/[^/]+|root)`;
const OTHER_MANAGERS = [
  String.raw`nix\/var\/nix\/profiles\/.+\/bin`, String.raw`etc\/profiles\/per-user\/[^/]+\/bin`, String.raw`${HOME_DIR}\/(\.nix-profile|\.local\/state\/nix\/profile)\/bin`,
  String.raw`(opt|${HOME_DIR}|usr\/local)\/(ana|mini)?(conda|forge|mamba)3?\/bin`, String.raw`${HOME_DIR}\/(mambaforge|miniforge3?)\/bin`,
  String.raw`${HOME_DIR}\/\.linuxbrew\/s?bin`,
  String.raw`Library\/Developer\/CommandLineTools\/usr\/bin`, String.raw`Applications\/Xcode[^/]*\.app\/Contents\/Developer\/usr\/bin`,
  String.raw`usr\/local\/git\/bin`, String.raw`usr\/pkg\/s?bin`, String.raw`sw\/s?bin`, String.raw`(mingw64|mingw32|ucrt64|clang64|clangarm64)\/bin`, String.raw`var\/lib\/snapd\/snap\/bin`,
].join('|');
const SYSTEM_BIN = new RegExp(String.raw`^\/(usr\/(local\/)?s?bin|s?bin|snap\/bin|opt\/homebrew\/s?bin|opt\/local\/s?bin|usr\/lib(exec)?(\/(git-core|openssh|ssh|[\w.-]*curl[\w.-]*))?|home\/linuxbrew\/\.linuxbrew\/s?bin|nix\/store\/.*|run\/current-system\/sw\/bin|usr\/games|${KEG}|${OTHER_MANAGERS})\/?$`);
/** A PATH entry as the directory it names: HOME's spellings as /HOME, and //, /. and /.. resolved (/usr/local/../bin is /usr/bin). */
function entryDir(e: string, home?: string): string {
  // (…and HOME as its value spells it: a test's or a sandbox's HOME may lie anywhere, below /tmp too.)
  const h = home?.replace(/\/+$/, '');
  const spelled = h && h !== '' && (e === h || e.startsWith(`${h}/`)) ? `/HOME${e.slice(h.length)}` : e;
  return posix.normalize(spelled.replace(/^(\$HOME|\$\{HOME\}|~)(?=\/|$)/, '/HOME'));
}
const WHOLE_PATH = /^\$(PATH|\{PATH\})$/;
/** A PATH value's entries: split at its colons, not at the one of an operator inside ${…} (${JAVA_HOME:-/usr}/bin). */
const pathEntries = (value: string): string[] => value.split(/:(?![^{]*\})/);

/**
 * Why a new PATH value would bypass the shims, or undefined when they still come first: the
 * old PATH kept whole (or the shims directory named) with only non-system directories before it.
 */
export function pathStrips(value: string, shimsDir: string | undefined, home?: string): string | undefined {
  if (/\$\{PATH[^}]/.test(value)) return 'the old PATH is cut with a parameter expansion, which can drop the shims';
  const entries = pathEntries(value);
  const keep = entries.findIndex((e) => WHOLE_PATH.test(e) || (shimsDir !== undefined && e === shimsDir));
  if (keep < 0) return 'it does not keep the Rampart shims directory';
  for (const e of entries.slice(0, keep)) {
    // (A default the entry falls back to — ${JAVA_HOME:-/usr}/bin — is the directory when the variable is unset.)
    const fallback = /^"?\$\{[A-Za-z_]\w*:?-([^}$`]*)\}(.*)$/.exec(e);
    for (const d of [e, ...(fallback ? [fallback[1]! + fallback[2]!] : [])]) {
      if (SYSTEM_BIN.test(entryDir(d, home))) return `${e} comes before the shims, so the real programs there are found first`;
    }
  }
  return undefined;
}

/** A PATH value with a directory computed at run time ahead of the shims ($(pwd) and $PWD are the working directory). */
export function computedBeforeShims(value: string, shimsDir: string | undefined): boolean {
  const entries = pathEntries(value);
  const keep = entries.findIndex((e) => WHOLE_PATH.test(e) || (shimsDir !== undefined && e === shimsDir));
  // (Project and toolchain queries are the usual computed entries: $(npm bin), $(go env GOPATH)/bin, $JAVA_HOME/bin, the CI
  // runner's tool cache $RUNNER_TOOL_CACHE/protoc/bin.)
  const usual = /^"?(\$\(\s*(pwd|npm (bin|prefix)|pnpm bin|yarn (global )?bin|git rev-parse --show-toplevel|realpath [^)]*|go env GOPATH|python3? -m site --user-base|pyenv root|rbenv root|brew --prefix[^)]*|poetry env info -p|rustc --print sysroot|ruby -e [^)]*|gem env [^)]*)\s*\)|`\s*pwd\s*`|\$\{?(GITHUB_WORKSPACE|RUNNER_TOOL_CACHE|CI_PROJECT_DIR|JAVA_HOME|CARGO_HOME|GOPATH|GOROOT|GOBIN|PYENV_ROOT|NVM_BIN|VOLTA_HOME|BUN_INSTALL|DENO_INSTALL|PNPM_HOME|ANDROID_HOME|ANDROID_SDK_ROOT|FLUTTER_ROOT|M2_HOME|GRADLE_HOME|POETRY_HOME|VIRTUAL_ENV|CONDA_PREFIX)(:-[^}]*)?\}?)/;
  // (…but a usual one climbed out of with `..` — $PWD/../../../usr/bin — is anywhere.)
  return entries.slice(0, keep < 0 ? entries.length : keep).some((e) => (/[$`]/.test(e) && /(^|\/)\.\.(\/|$)/.test(e)) || /\$\(|`|\$\{?(?!HOME\b|PWD\b)[A-Za-z_]/.test(e.replace(usual, '$PWD')));
}
