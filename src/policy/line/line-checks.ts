// Facts that need more than one command of a line: downloads fed to interpreters (directly, via
// filters, or as a file run later), text piped into shells, DNS lookups in a line that reads a secret.
import { posix } from 'node:path';
import { compilePattern } from '../glob.js';
import type { FlatCommand } from '../shell/index.js';
import { cmakeScripts } from './cmake-text.js';
import { completionScript, CONFIGISH, DECODERS, DOWNLOADERS, FILTERS, NO_CONTENT, STDIN_PATH, type Info, type State } from './state.js';

// Programs that run (or install and run) the files they are given.
const RUNNERS = /^(source|\.|exec|npx|bunx|deno|bun|tsx|ts-node|node|uv|uvx|pipx|pip|pip3|npm|pnpm|yarn|make|gmake|php|perl|ruby|python[\d.]*|lua|Rscript|julia|java|dotnet|go|cargo|vim|nvim|ed|sqlite3|gdb|lldb|awk|gawk|busybox|m4|papermill|ipython|ipython3|jupyter-execute|dpkg|apt|apt-get|rpm|dnf|yum|snap|flatpak|gem|helm|code|codium|cursor)$/;
import { isShell, quote } from './unwrap.js';
import { lonePrinted, projectScript } from './computed-scripts.js';
import { fetchedFiles } from './remote-copies.js';
import { languageOf } from './interpreters.js';
import { scriptOf } from './interpreter-code.js';
import { DATA_PROGRAMS, operandCommands, TEXT_PROGRAMS } from './operand-commands.js';

// Programs that read downloaded input as data (it stays data in them), beyond the filters.
const DATA_SINKS = new Set([...FILTERS, ...NO_CONTENT, ...DATA_PROGRAMS, 'less', 'more', 'most', 'bat', 'batcat', 'unzip', 'gunzip', 'zcat', 'bunzip2', 'unxz', 'unzstd', 'bsdtar', 'dd', 'pv', 'sponge', 'strings', 'iconv', 'dos2unix', 'xmllint', 'fmt', 'sha384sum', 'sha224sum', 'md5', 'shasum', 'gpgv', 'json.tool', 'shellcheck', 'hadolint', 'yamllint', 'prettier', 'eslint', 'markdownlint', 'html2text', 'pandoc', 'tidy',
  // viewers, structured-data tools, checksums, decompressors, clipboards, formatters and linters reading stdin
  'patch', 'delta', 'diffstat', 'colordiff', 'fx', 'gron', 'jless', 'glow', 'mdcat', 'mlr', 'csvlook', 'csvcut', 'csvstat', 'xsv', 'qsv', 'htmlq', 'pup', 'xq', 'dasel', 'hexyl',
  'b3sum', 'brotli', 'lz4', 'unlz4', 'lzma', 'unlzma', 'cpio', 'pbcopy', 'xclip', 'xsel', 'wl-copy', 'gofmt', 'shfmt', 'black', 'ruff', 'terraform', 'split', 'csplit', 'numfmt', 'identify',
  'tokei', 'cloc', 'wc', 'md5sum', 'sha1sum', 'sha256sum', 'sha512sum', 'xmlstarlet', 'yamlfmt', 'taplo', 'biome', 'stylua', 'rustfmt', 'clang-format', 'sqlformat', 'ajv', 'spectral', 'kubeconform', 'promtool', 'tee', 'sponge']);
// Programs that run what they read on stdin (commands or code), besides shells and interpreters.
const CODE_READERS = /^(ed|red|ex|gdb|lldb|sqlite3|psql|mysql|redis-cli|valkey-cli|pwsh|powershell|octave|gnuplot|bc|m4|dc|tclsh|wish|expect|env|xargs|parallel|busybox|at|batch|crontab|script|make|gmake|source|\.|eval)$/;
// An editor reads stdin as text (vim -), except in ex/silent mode, where what it reads are commands.
const EX_MODE = /^-[a-zA-Z]*[esE]|^--(not-a-term|headless)$/;
/** A -c string that runs its stdin (a bare shell or interpreter, exec bash, source /dev/stdin). */
const RUNS_STDIN = /(^|[;&|(]\s*|\bexec\s+)(sh|bash|dash|zsh|ksh|python3?|node|perl|ruby|php)\s*($|[;&|)])|\/dev\/stdin|\/dev\/fd\/0|\/proc\/self\/fd\/0|\b(source|\.)\s*($|[;&|)])|\beval\b/;

/** Tools that load files from their working directory by themselves. */
/** Options by which a program runs a file as its commands (gdb -x, vim -S, make -f, tmux source-file): a download given there runs. */
const LOADS_FILE: Readonly<Record<string, RegExp>> = {
  gdb: /^(-x|-ix|--command|--init-command)$/, lldb: /^(-s|-S|--source|--source-before-file)$/, vim: /^(-S|-u|-s)$/, nvim: /^(-S|-u|-s)$/, vi: /^(-S|-u|-s)$/, ex: /^(-S|-u|-s)$/,
  make: /^(-f|--file|--makefile)$/, gmake: /^(-f|--file|--makefile)$/, sqlite3: /^-init$/, duckdb: /^-init$/, cmake: /^(-P|-C|--toolchain)$/, ctest: /^(-S|-SP|-SR|--script)$/, tmux: /^(source-file|source|-f)$/, screen: /^-c$/,
  emacs: /^(-l|--load|--script|-script)$/, psql: /^(-f|--file)$/, mysql: /^(--init-command)$/, awk: /^(-f|--file)$/, gawk: /^(-f|--file)$/, sed: /^(-f|--file)$/,
};
/** A task tool asked only to show, check or format (docker ps, terraform fmt, compose config): it runs nothing it loads. */
const inspectsOnly = (name: string, args: readonly string[]): boolean => {
  const verb = args.filter((a) => !a.startsWith('-'));
  if (/^(docker|podman|nerdctl|buildah)$/.test(name)) return !verb.some((v) => /^(build|buildx|bake|up|run|create|start|exec|bud)$/.test(v));
  if (/^(terraform|tofu|terragrunt)$/.test(name)) return !/^(plan|apply|init|destroy|refresh|import|console|test|run-all)$/.test(verb[0] ?? '');
  return false;
};
const TASK_TOOLS = /^(gradlew|mvnw|make|gmake|just|task|go-task|mise|deno|bun|node|npm|npx|pnpm|yarn|vite|vitest|jest|eslint|tsc|webpack|python[\d.]*|pytest|py\.test|pip[\d.]*|uv|poetry|tox|nox|rake|bundle|composer|cargo|go|direnv|gradle|mvn|cmake|fab|invoke|inv|scons|meson|ninja|ant|sbt|swift|dotnet|msbuild|gulp|grunt|docker|podman|buildah|nerdctl|terraform|tofu|terragrunt|vagrant|bazel|bazelisk|buck2|pants|nix|zig|mix|rebar3|stack|cabal|earthly|tilt|skaffold|foreman|honcho|nimble|lein|sphinx-build)$/;
/** Files those tools load from anywhere below where they run: pytest's conftest.py and the test files runners collect. */
const LOADED_BELOW = /^(conftest\.py|test_[\w.-]*\.py|[\w.-]*_test\.(py|go)|[\w.-]+\.(test|spec)\.[cm]?[jt]sx?)$/;
/** API and schema descriptions by their usual names (openapi.json, api.swagger.yaml, schema.json, user.schema.json): documents
 *  code generators read, no program's own configuration (not one that says it is one: schema.config.json). */
const DESCRIPTION = /^(?!.*(?:^|[._-])(?:config|conf|rc|settings|plugins?)(?:[._-]|$))(?:[\w-]+[._-])?(openapi|swagger|asyncapi|schema|introspection)(?:[._-][\w-]+)*\.(json|ya?ml)$/i;
/** Files those tools load without being named. */
const LOADED_FILES = /^(Makefile|makefile|GNUmakefile|justfile|Justfile|\.justfile|Taskfile(\.dist)?\.ya?ml|deno\.jsonc?|conftest\.py|[\w.-]+\.py|[\w.-]+\.config\.[cm]?[jt]s|package\.json|\.envrc|Cargo\.toml|build\.rs|Rakefile|Gemfile|composer\.json|setup\.py|setup\.cfg|pyproject\.toml|\.?mise(\.local)?\.toml|go\.mod|build\.gradle(\.kts)?|pom\.xml|CMakeLists\.txt|\.npmrc|\.yarnrc(\.yml)?|SConstruct|SConscript|meson\.build|build\.ninja|build\.xml|build\.sbt|Package\.swift|[\w.-]+\.(csproj|fsproj|vbproj|sln|tf|hcl)|Directory\.Build\.(props|targets)|gulpfile\.[cm]?[jt]s|Gruntfile\.[jt]s|Dockerfile|Containerfile|(docker-)?compose(\.[\w-]+)?\.ya?ml|Vagrantfile|BUILD(\.bazel)?|WORKSPACE(\.bazel)?|MODULE\.bazel|flake\.nix|default\.nix|shell\.nix|build\.zig|mix\.exs|rebar\.config|stack\.yaml|[\w.-]+\.cabal|Earthfile|Tiltfile|skaffold\.ya?ml|Procfile|[\w.-]+\.nimble|project\.clj|Makefile\.toml|conf\.py)$/;

/**
 * The operand an interpreter, shell or package runner runs as code (the rest are its data), read
 * with the interpreter's option grammar (-W ignore, -I lib, -r ./setup.js); undefined for other programs.
 */
function codeOperandOf(me: Info): string | undefined {
  const args = me.argv.slice(1);
  const lang = languageOf(me.name);
  if (lang) return scriptOf(lang, lang === 'deno' && /^(run|test|bench)$/.test(args[0] ?? '') ? args.slice(1).filter((a) => !a.startsWith('-')) : args);
  // (PowerShell: -File F runs F; the values of its other options are no script.)
  if (/^(powershell|pwsh)$/.test(me.name)) return args.find((a, k) => /^-(f|file)$/i.test(args[k - 1] ?? '')) ?? args.find((a, k) => !a.startsWith('-') && !/^-(executionpolicy|ex|ep|windowstyle|w|configurationname|workingdirectory|wd|outputformat|of|inputformat|if|settingsfile)$/i.test(args[k - 1] ?? ''));
  if (isShell(me.name) && !/^(source|\.|eval|exec)$/.test(me.name)) return args.find((a) => !a.startsWith('-'));
  if (/^(npx|bunx|pnpx)$/.test(me.name)) {
    const ops = args.filter((a) => !a.startsWith('-'));
    // npx tsx FILE: a runner package runs its first operand.
    return ops[0] !== undefined && /^(tsx|ts-node|esno|vite-node|node|bun|deno|babel-node|jiti|sucrase-node)$/.test(ops[0].replace(/@.*$/, '')) ? ops[1] : ops[0];
  }
  return undefined;
}

/** Facts that need more than one command: downloads into interpreters, text piped into shells. */
export function lineChecks(st: State, flat: FlatCommand[], info: Info[], cwd0: string): void {
  const tag = (t: string, note: string) => {
    st.lineTags.tags.add(t);
    st.lineTags.notes.push(note);
  };
  // A download's output given as code: a process substitution an interpreter runs (bash <(curl …), sh -c "$(curl …)").
  const feedsCode = (fc: FlatCommand, me: Info) => {
    const o = fc.origin;
    // (Not a token a CLI prints for its own service handed over in the environment — GH_TOKEN=$(gh auth token) node -e '…':
    // nothing is downloaded — unless the variable is one the interpreter loads code from: NODE_OPTIONS, PYTHONSTARTUP, PERL5OPT…)
    const envName = o?.location === 'assignment' ? flat.find((f) => f.index === o.parent)?.assignments[o.wordIndex]?.name : undefined;
    const printsToken = /^(\S*\/)?(gh auth token|glab auth token|doctl auth token|gcloud auth (application-default )?print-(access|identity)-token|az account get-access-token)\b/.test(fc.argv.map((w) => w.value).join(' '));
    const envOnly = printsToken && envName !== undefined && !/^(NODE_OPTIONS|NODE_PATH|PYTHONSTARTUP|PYTHONPATH|PYTHONHOME|PYTHONINSPECT|PERL5OPT|PERL5LIB|PERLLIB|RUBYOPT|RUBYLIB|BASH_ENV|ENV|LD_PRELOAD|LD_LIBRARY_PATH|DYLD_\w+)$/.test(envName);
    if (o && o.parent !== null && info[o.parent]?.isInterpreter && !envOnly) tag('download-exec', `${me.name} output becomes code for ${info[o.parent]!.name}`);
    // (…or the input of a program that runs what it reads: sqlite3 app.db < <(curl …), as with a pipe.)
    else if (o && o.parent !== null && o.style === 'process-in' && o.location === 'redirect' && CODE_READERS.test(info[o.parent]?.name ?? '') && flat.find((f) => f.index === o.parent)?.redirects[o.wordIndex]?.op === '<') tag('download-exec', `${me.name} output is the input of ${info[o.parent]!.name}, which runs what it reads`);
    // (…or a file given to a program that runs its files: gdb -x <(curl …), vim -S, make -f, tmux source-file, ansible-playbook.)
    else if (o && o.parent !== null && o.style === 'process-in' && o.location === 'argv' && (/^(ansible-playbook|gnuplot|octave|packer)$/.test(info[o.parent]?.name ?? '')
      || (LOADS_FILE[info[o.parent]?.name || posix.basename(flat.find((f) => f.index === o.parent)?.argv[0]?.value ?? '')]?.test(flat.find((f) => f.index === o.parent)?.argv[o.wordIndex - 1]?.value ?? '') ?? false))) tag('download-exec', `${me.name} output is a file ${info[o.parent]!.name || flat.find((f) => f.index === o.parent)?.argv[0]?.value} runs`);
  };
  // Provenance of downloaded code: files a downloader wrote, and everything made from them
  // (copied, moved, extracted, unpacked, written from a download on stdin), and directories filled
  // from the network (clones, extracted archives). Running any of it runs downloaded code.
  // (A nested line — a function's body, a trap — sees what the enclosing line downloaded before it ran.)
  const downloaded = new Set<string>(st.downloadedBefore);
  const trees: string[] = [];
  const clones: string[] = [];
  const inTree = (p: string, ds: string[]) => ds.some((d) => p === d || p.startsWith(d + '/'));
  // (A glob — for f in /tmp/ci/*.sh; do . "$f"; done — is every downloaded file it matches.)
  const globbed = (p: string) => /[*?[]/.test(p) && [...downloaded].some((d) => compilePattern(p, { home: '', rampartHome: '', projectRoot: '' }).regex.test(d));
  const fromNet = (p: string) => downloaded.has(p) || inTree(p, trees) || inTree(p, clones) || globbed(p);
  // Commands that print a downloaded file (zcat /tmp/p.gz, base64 -d /tmp/p.b64, unzip -p /tmp/p.zip, cat /tmp/i.sh): their
  // output is downloaded text, as curl's is, wherever it is piped.
  const netOut = new Set<number>();
  const fedNet = (fc: FlatCommand) => fc.stdinFrom.some((up) => info[up]?.downloadOut || netOut.has(up));
  for (const fc of flat) {
    const me = info[fc.index];
    if (!me) continue;
    const cwd = me.cwd ?? cwd0;
    // (/dev/fd/N is the file the line opened on N: bash /dev/fd/3 3< /tmp/i runs /tmp/i.)
    const abs = (p: string) => {
      const r = posix.resolve(cwd, p.replace(/^~(?=\/|$)/, st.ctx.home));
      return /^\/(?:dev\/fd|proc\/self\/fd)\/\d+$/.test(r) ? st.links.get(r.replace(/^\/proc\/self\/fd/, '/dev/fd')) ?? r : r;
    };
    for (const d of me.nestedDownloads ?? []) if (d.endsWith('/')) clones.push(d.slice(0, -1)); else downloaded.add(d);
    // (A CLI's own completion script — gh completion -s bash — is printed by the program, not fetched.)
    // (…and a copy from elsewhere — scp, rsync, aws s3 cp, docker cp, ssh host cat — is a download, see remote-copies.ts.)
    const isDownloader = (DOWNLOADERS.has(me.name) && !completionScript(me.name, (me.argv ?? []).slice(1))) || me.copiedIn !== undefined;
    if (isDownloader) {
      feedsCode(fc, me);
      for (const w of fetchedFiles(me)) downloaded.add(w);
      trees.push(...me.copiedIn?.trees ?? []);
      // Instructions agents read on start (CLAUDE.md, AGENTS.md, .claude/commands …) downloaded: text from the network steers the next session.
      for (const w of me.writesFiles) if (/(^|\/)(CLAUDE\.md|AGENTS\.md|GEMINI\.md|CLAUDE\.local\.md|\.cursorrules|copilot-instructions\.md)$|\/\.(claude|cursor|gemini|codex)\//.test(w)) tag('download-unknown-consumer', `${me.name} writes ${w}, instructions an agent reads, from the network`);
      // gh release/run download -D DIR fills a directory.
      if (me.name === 'gh') for (const w of me.writesFiles) trees.push(w.replace(/\/\*$/, ''));
    }
    const operands = me.argv.slice(1).filter((a) => !a.startsWith('-') || a === '-').map((a) => (a === '-' || a === '/dev/stdin' ? '/dev/stdin' : abs(a.replace(/^if=/, ''))));
    const stdinNet = fedNet(fc) || fc.redirects.some((r) => r.op === '<' && fromNet(abs(r.target.value)));
    const inputs = operands.filter((p) => p !== '/dev/stdin' ? fromNet(p) : stdinNet);
    // (tee's and xargs' operands are no input: what tee writes, what xargs runs.)
    if (!isDownloader && (FILTERS.has(me.name) || DECODERS.has(me.name)) && !/^(tee|xargs)$/.test(me.name) && (inputs.length > 0 || stdinNet)) {
      netOut.add(fc.index);
      feedsCode(fc, me);
    }
    if (!isDownloader && (inputs.length > 0 || stdinNet)) {
      // Made from a download: what it writes is downloaded too (cp, mv, dd of=, install, tee, gunzip).
      for (const w of me.writesFiles) downloaded.add(w);
      // …and so is what a compiler builds from it: -o OUT, else a.out (cc), NAME (rustc), NAME.class (javac), NAME.js (tsc).
      if (/^(cc|gcc|g\+\+|c\+\+|clang|clang\+\+|tcc|rustc|javac|kotlinc|scalac|swiftc|tsc|esbuild|nim|crystal|ghc|fpc|gfortran|zig|ocamlopt|ocamlc|ocamlfind|dmd|ldc2|gdc|go)$/.test(me.name)) {
        const out = me.argv.find((a, k) => /^(-o|--outfile|--out-dir|--outDir|-d)$/.test(me.argv[k - 1] ?? '')) ?? me.argv.find((a) => /^(-o.|--outfile=)/.test(a))?.replace(/^(-o|--outfile=)/, '');
        if (out) downloaded.add(abs(out));
        for (const i of inputs) {
          const stem = i.replace(/\.[^./]+$/, '');
          for (const x of [abs('a.out'), stem, `${stem}.class`, `${stem}.js`, `${stem}.exe`]) downloaded.add(x);
        }
      }
      if (/^(tar|bsdtar|unzip|7z|cpio)$/.test(me.name)) for (const w of me.writesFiles) trees.push(w);
      // A downloaded patch applied here changes files of the working tree (the Makefile, say).
      if (me.name === 'patch' || (me.name === 'git' && /^(apply|am)$/.test(me.argv.find((a, k) => k > 0 && !a.startsWith('-')) ?? ''))) downloaded.add(cwd);
      if (/^(gunzip|gzip|unxz|xz|bunzip2|bzip2|zstd|unzstd)$/.test(me.name)) for (const i of inputs) downloaded.add(i.replace(/\.(gz|xz|bz2|zst|z)$/i, ''));
    }
    if (me.cloneDir) clones.push(me.cloneDir);
    if (isDownloader || me.cloneDir || (downloaded.size === 0 && trees.length === 0 && clones.length === 0)) continue;
    // Running it: as the program, as an interpreter's or launcher's operand, sourced, fed on
    // stdin to a shell, or as the Makefile / package.json / package a build tool runs.
    const exe = me.argv[0] ? abs(me.argv[0]) : '';
    // (Package installers run what they install; listing or inspecting a package runs nothing.)
    const installs = !/^(dpkg|apt|apt-get|rpm|dnf|yum|snap|flatpak|gem|helm|code|codium|cursor)$/.test(me.name) || me.argv.some((a) => /^(-i|--install|-U|--upgrade|install|reinstall|upgrade|localinstall|--install-extension)$/.test(a));
    // (jupyter runs a notebook's cells with nbconvert --execute, execute or run; converting runs none.)
    const notebook = (/^(jupyter|jupyter-nbconvert|nbconvert|voila)$/.test(me.name) && (me.name === 'voila' || me.argv.some((a) => /^(--execute|execute|run|--ExecutePreprocessor\.enabled=True)$/i.test(a))))
      || (/^python[\d.]*$/.test(me.name) && me.argv.includes('nbconvert') && me.argv.some((a) => /^--execute$|ExecutePreprocessor\.enabled=True/i.test(a)))
      || (/^(pytest|py\.test)$/.test(me.name) && me.argv.some((a) => /^--nb(make|val)/.test(a)));
    const runner = me.isInterpreter || isShell(me.name) || (RUNNERS.test(me.name) && installs) || notebook;
    // (…and the infrastructure tools, whose configuration runs provisioners and external programs: terraform -chdir=DIR apply.)
    const buildDir = /^(make|gmake|npm|pnpm|yarn|bun|pip|pip3|uv|cargo|go|mvn|gradle|cmake|meson|ninja|terraform|tofu|terragrunt|packer|pulumi)$/.test(me.name)
      ? [cwd, ...me.argv.slice(1).map((a, k, all) => (/^(-C|--directory|--prefix|--cwd|--dir|-f|--file|--manifest-path)$/.test(all[k - 1] ?? '') ? abs(a) : /^(--(prefix|cwd|dir|directory)|-chdir|--chdir|--working-dir|--terragrunt-working-dir)=/.test(a) ? abs(a.slice(a.indexOf('=') + 1)) : '')).filter(Boolean)]
      : [];
    const netDir = (d: string) => downloaded.has(d) || inTree(d, trees);
    // A file given to a program that runs it as code by an option (sed -f, emacs -l, nmap --script) or as its operand
    // (swift, elixir, dart, gnuplot, kotlin, scala, groovy scripts).
    const scriptRun = (/^(sed|gsed)$/.test(me.name) && me.argv.some((a, k) => /^(-f|--file)$/.test(me.argv[k - 1] ?? '') && fromNet(abs(a))))
      || (/^(emacs|emacsclient)$/.test(me.name) && me.argv.some((a, k) => /^(-l|--load|--script|-script|-scriptload)$/.test(me.argv[k - 1] ?? '') && fromNet(abs(a))))
      || (me.name === 'nmap' && me.argv.some((a, k) => (me.argv[k - 1] === '--script' || a.startsWith('--script=')) && a.replace(/^--script=/, '').split(',').some((v) => fromNet(abs(v)))))
      || (/^(cmake|rollup|webpack|vite|pm2)$/.test(me.name) && me.argv.some((a, k) => /^(-P|-c|--config|start)$/.test(me.argv[k - 1] ?? '') && fromNet(abs(a))))
      || (me.name === 'ctest' && me.argv.some((a, k) => /^(-S|-SP|-SR|--script)$/.test(me.argv[k - 1] ?? '') && fromNet(abs(a.replace(/,.*$/s, '')))))
      // (…and the files CMake includes by variable or option: a toolchain, a project include.)
      || (me.name === 'cmake' && cmakeScripts('cmake', me.argv.slice(1)).some((f) => fromNet(abs(f))))
      || (/^(swift|elixir|iex|elixirc|dart|gnuplot|kotlin|scala|groovy|scala-cli|jshell|crystal|nim|v|zig|racket|guile|sbcl|clisp|ocaml|runghc|runhaskell|stack|cabal|tcc|rdmd|octave|ansible-playbook|packer|streamlit|pm2)$/.test(me.name) && inputs.length > 0);
    const buildFile = scriptRun || buildDir.some((d) => netDir(d) || ['Makefile', 'makefile', 'GNUmakefile', 'package.json', 'setup.py', 'pyproject.toml', 'Cargo.toml'].some((f) => downloaded.has(posix.join(d, f))))
      // A task runner, test runner or runtime started where a download put a file it loads by
      // itself (a justfile, a Taskfile, conftest.py, a config module, node_modules/.bin/X, .envrc).
      || (TASK_TOOLS.test(me.name) && !inspectsOnly(me.name, me.argv.slice(1)) && [...downloaded].some((p) => (posix.dirname(p) === cwd && LOADED_FILES.test(posix.basename(p))) || (p.startsWith(`${cwd}/`) && LOADED_BELOW.test(posix.basename(p))) || p.startsWith(`${cwd}/node_modules/.bin/`) || p.startsWith(`${cwd}/.venv/bin/`)));
    // A downloaded patch applied (git apply/am, patch) writes files of its author's choosing
    // anywhere in the tree (a Makefile, CI, agent settings): a person decides.
    if ((me.name === 'patch' || (me.name === 'git' && /^(apply|am)$/.test(me.argv.find((a, k) => k > 0 && !a.startsWith('-')) ?? ''))) && (stdinNet || inputs.length > 0) && !me.argv.some((a) => /^--(check|dry-run|stat|numstat|summary)$/.test(a))) {
      tag('download-unknown-consumer', `${me.name} applies a downloaded patch, whose files Rampart cannot read`);
    }
    // A program Rampart has no model of, started where a download put a configuration-like file: it may run what the file says.
    // (One it is handed as its input — `openapi-typescript openapi.json`, not `-c x.json` — is data to it.)
    const input = (p: string) => me.argv.slice(1).some((a, k, all) => !a.startsWith('-') && abs(a) === p && !/^(-c|-f|-C|-F|--(config|conf|rc|file|settings|init|load|require|plugin|preset)\b.*)$/.test(all[k - 1] ?? ''));
    // (Nor an API or schema description it is not handed at all — openapi.json, swagger.yaml, schema.json: a program looks
    // for its configuration under its own names — .prettierrc, tsconfig.json, codegen.yml — and reads these as a code
    // generator's data. Handed one by an option, --config=schema.json, it may take it for anything.)
    const description = (p: string) => DESCRIPTION.test(posix.basename(p)) && !me.argv.slice(1).some((a) => abs(a.replace(/^--?[\w-]+=/, '')) === p);
    if (!buildFile && me.name && !DATA_PROGRAMS.has(me.name) && !DATA_SINKS.has(me.name) && !NO_CONTENT.has(me.name) && !isShell(me.name) && !languageOf(me.name) && [...downloaded].some((p) => posix.dirname(p) === cwd && CONFIGISH.test(posix.basename(p)) && !me.writesFiles.includes(p) && !input(p) && !description(p))) {
      tag('interpreter-opaque', `${me.name} runs where this line downloaded a configuration file it may read`);
    }
    // A build tool's bare words are subcommands and targets (npm ci, make install), not files.
    const named = (p: string) => me.argv.slice(1).some((a) => /[/.]/.test(a) && abs(a.replace(/^--?[\w-]+=/, '')) === p);
    // An interpreter, a shell or a package runner runs its first operand; the rest are its data
    // (node parse.js data.csv: the downloaded csv is data).
    const code = codeOperandOf(me);
    // (go's code is .go files and package directories: go tool pprof PROFILE, go run ./cmd --input DATA read data.)
    // (A file of a downloaded tree is go's data — coverage.out — unless it is a .go file; a directory there is a package.)
    const goCode = (p: string) => me.name !== 'go' || /\.go$/.test(p) || (inTree(p, trees) && !/\.\w+$/.test(posix.basename(p))) || [...downloaded].some((d) => d.startsWith(`${p}/`) && /\.go$/.test(d));
    // A downloaded native library, module or archive of code handed to any program (--plugin /tmp/x.so, -javaagent): it loads it.
    const libDirs = me.argv.flatMap((a, k) => (a === '-L' ? [me.argv[k + 1] ?? ''] : /^-L./.test(a) ? [a.slice(2)] : []));
    const libs = me.argv.flatMap((a, k) => (a === '-l' ? [me.argv[k + 1] ?? ''] : /^-l./.test(a) ? [a.slice(2)] : []));
    const nativeDownloaded = libDirs.some((d) => libs.some((l) => ['a', 'so', 'dylib'].some((x) => fromNet(abs(`${d}/lib${l}.${x}`))))) || me.argv.slice(1).some((a) => a.replace(/^-[\w-]*[=:]/, '').split(/[:,;=]/).some((v) => /\.(so(\.\d+)*|dylib|dll|node|jar|wasm|o|a)$/.test(v) && fromNet(abs(v))));
    // Inline code that loads a downloaded file by its path (Rscript -e 'source("a.R")', julia include, node require("./x.js"), lua dofile).
    const loadsDownloaded = me.isInterpreter && [...me.argv.slice(1).join('\n').matchAll(/\b(?:source|sys\.source|include|load|dofile|loadfile|require_relative|require|import|runpy\.run_path|exec\s*\(\s*open)\s*\(?\s*["']([^"']+)["']/g)].some((m) => /[/.]/.test(m[1]!) && !/\.(json|csv|tsv|txt|ya?ml|toml|xml|md)$/i.test(m[1]!) && fromNet(abs(m[1]!)));
    // go run/build/test/generate of a directory (the working one, -C, an operand) holding a downloaded .go file.
    const goDownloaded = me.name === 'go' && me.argv.some((a) => /^(run|build|test|generate|install|vet)$/.test(a))
      && [...buildDir, ...operands].some((d) => [...downloaded].some((f) => /\.go$/.test(f) && (posix.dirname(f) === d || (/\/\.\.\.$/.test(d) && f.startsWith(`${d.slice(0, -4)}/`)))));
    const fileInputs = buildDir.length ? inputs.filter((p) => named(p) && netDir(p) && goCode(p)) : code !== undefined ? inputs.filter((p) => abs(code) === p) : inputs;
    const clonedInputs = buildDir.length ? inputs.filter((p) => named(p) && inTree(p, clones)) : [];
    // A shell (or eval) whose command string runs a downloaded file one level down (sh -c 'sh /tmp/i.sh',
    // sh -c '/tmp/x --flag'): the file as a command's first word, or as a shell's, interpreter's or source's operand.
    const cmdString = (isShell(me.name) || me.name === 'eval') ? me.argv.slice(1).filter((a) => !a.startsWith('-')).join(' ') : '';
    const nested = cmdString.split(/[;&|()\n]+/).some((c) => {
      const ws = c.trim().split(/\s+/).map((w) => w.replace(/^['"]|['"]$/g, '')).filter((w) => !/^\w+=/.test(w));
      const runAt = ws[0] !== undefined && (isShell(ws[0]) || languageOf(ws[0]) !== undefined || /^(source|\.|exec|timeout|nohup)$/.test(ws[0])) ? ws.slice(1).filter((w) => !w.startsWith('-')).slice(0, 1) : ws.slice(0, 1);
      return runAt.some((w) => /^[~./]/.test(w) && fromNet(abs(w)));
    });
    // git in an extracted download reads that download's .git/config (hooks, fsmonitor, pager …).
    const gitDirs = me.name === 'git' ? [cwd, ...me.argv.slice(1).map((a, k, all) => (all[k - 1] === '-C' ? abs(a) : /^--(git-dir|work-tree)=/.test(a) ? abs(a.slice(a.indexOf('=') + 1)) : '')).filter(Boolean)] : [];
    const gitInDownload = gitDirs.some((d) => d !== st.ctx.projectRoot && (inTree(d, trees) || downloaded.has(d)));
    // A package script set to run a downloaded file (npm pkg set scripts.setup="sh scripts/x.sh"):
    // the next `npm run setup` or install runs it.
    const scriptSet = /^(npm|pnpm)$/.test(me.name) && me.argv.includes('pkg') && me.argv.includes('set')
      && me.argv.some((a) => /^scripts\.[^=]+=/.test(a) && a.slice(a.indexOf('=') + 1).split(/[\s;&|()'"]+/).some((w) => /^[~./\w]/.test(w) && /[/.]/.test(w) && fromNet(abs(w))));
    if ((me.argv[0]?.includes('/') && fromNet(exe)) || (runner && fileInputs.length > 0) || (runner && stdinNet && me.interpreterReadsStdin) || (stdinNet && CODE_READERS.test(me.name)) || buildFile || nested || gitInDownload || scriptSet || goDownloaded || nativeDownloaded || loadsDownloaded) {
      tag('download-exec', `${me.argv[0]} runs code downloaded earlier in the same line`);
    } else if (buildDir.some((d) => inTree(d, clones)) || clonedInputs.length > 0) {
      // Building a repository cloned in the same line runs its build scripts: a person decides.
      tag('clone-exec', `${me.name} runs the build scripts of a repository cloned in the same line`);
    }
  }
  // Files this line wrote with text nobody can read, then run (as a program, a runner's operand,
  // a build tool's Makefile or package.json): what runs is not understood, so a person decides.
  const opaqueBy = [...st.opaqueWritten].filter(([p]) => !downloaded.has(p) && !st.scripts.has(p));
  if (opaqueBy.length) {
    for (const fc of flat) {
      const me = info[fc.index];
      if (!me) continue;
      // (What a command writes itself it does not run: node -e that writes a file.)
      const opaque = opaqueBy.filter(([, w]) => w !== me).map(([p]) => p);
      const cwd = me.cwd ?? cwd0;
      const abs = (p: string) => posix.resolve(cwd, p.replace(/^~(?=\/|$)/, st.ctx.home));
      // (Only code runners: a formatter or an editor given the file reads it as text.)
      const runner = me.isInterpreter || isShell(me.name) || /^(source|\.|exec|make|gmake)$/.test(me.name);
      const ran = (me.argv[0]?.includes('/') && opaque.includes(abs(me.argv[0]!)) ? me.argv[0] : undefined)
        ?? (runner ? runOperands(me).find((a) => !a.startsWith('-') && opaque.includes(abs(a))) : undefined)
        ?? pythonModule(fc.argv.map((w) => w.value)).find((p) => opaque.includes(abs(p)))
        ?? (TASK_TOOLS.test(me.name) ? opaque.find((p) => posix.dirname(p) === cwd && LOADED_FILES.test(posix.basename(p))) : undefined);
      if (ran) tag('interpreter-opaque', `${me.name || me.argv[0]} runs ${ran}, which this line wrote with content Rampart cannot read`);
    }
  }
  for (const fc of flat) {
    const me = info[fc.index];
    if (!me) continue;
    // A download piped into a program that does not read it as code an interpreter's inline
    // code reads: a program that runs what it reads runs the download; one Rampart has no model of may.
    const dl = fc.stdinFrom.filter((up) => info[up]?.downloadOut || netOut.has(up)).map((up) => info[up]).find((i) => i !== undefined);
    if (dl && !me.interpreterReadsStdin) {
      const args = me.argv.slice(1);
      const progFromStdin = /^((g|m|n)?awk|sed)$/.test(me.name) && args.some((a, k) => /^(-f|--file)$/.test(args[k - 1] ?? '') && STDIN_PATH.test(a));
      // A shell given a command string runs its stdin only when that string does; one given a
      // script file (bash scripts/parse.sh) runs the script, which reads the download as data.
      // (A placeholder string — xargs sh -c {} — is the download itself.)
      const cText = args.filter((a) => !a.startsWith('-')).join(' ');
      // (…and one whose string the download is put into — xargs -I{} sh -c 'git checkout {}', parallel sh -c 'x {}' — runs it as code.)
      const repl = replaceString(fc.argv.map((w) => w.value));
      const shellRuns = isShell(me.name) && args.some((a) => /^-[a-zA-Z]*c$/.test(a)) && (RUNS_STDIN.test(cText) || /^\s*("?\$[@*1-9]"?|\{\}|%s)(\s|$)/.test(cText) || (repl !== undefined && cText.includes(repl)));
      const editorRuns = /^(vi|vim|nvim|view|ex)$/.test(me.name) && (me.name === 'ex' || args.some((a) => EX_MODE.test(a)));
      // npx/bunx/pnpm dlx PKG: the package's program is the consumer.
      const pkg = /^(npx|bunx|pnpx)$/.test(me.name) ? args.find((a) => !a.startsWith('-'))?.replace(/^(@[^/]+\/)?([^@]+)(@.*)?$/, '$2') : undefined;
      // (A wrapper — uv run, poetry run, pnpm exec — hands its stdin to the command after it.)
      const oc = isShell(me.name) || languageOf(me.name) ? undefined : operandCommands(me.name, args);
      const consumer = pkg ?? (oc?.runs ? posix.basename(oc.suffix![0]!) : me.name);
      if (shellRuns || editorRuns || CODE_READERS.test(consumer) || progFromStdin || (pkg !== undefined && (isShell(pkg) || languageOf(pkg) !== undefined))) tag('download-exec', `${dl.name} output is piped into ${consumer || 'a command'}, which runs what it reads`);
      else if (!me.isInterpreter && !isShell(consumer) && !languageOf(consumer) && !/^(vi|vim|nvim|view)$/.test(me.name) && !DATA_SINKS.has(consumer)) tag('download-unknown-consumer', `${dl.name} output is piped into ${consumer || 'a command'}, which Rampart has no model of`);
    }
    if (!me.interpreterReadsStdin) continue;
    for (const up of fc.stdinFrom) {
      const src = info[up];
      if (!src) continue;
      // A download piped (directly or through filters) into an interpreter runs downloaded code.
      if (src.downloadOut || netOut.has(up)) {
        tag('download-exec', `${src.name} output is piped into ${me.name}`);
        continue;
      }
      // Known text fed to an interpreter of another language was judged as its code already.
      const known = src.textOut !== undefined || (src.name === 'cat' && flat[up]!.redirects.some((r) => r.heredoc));
      if (known && !isShell(me.name) && me.name !== 'eval') continue;
      // Text known statically is judged as the command line it is.
      if (src.textOut !== undefined) {
        st.sub(src.textOut, cwd0, st.ctx.env);
        for (const w of src.argv.slice(1)) if (src.name === 'echo' || src.name === 'printf') st.sub(w, cwd0, st.ctx.env);
      } else if (src.name === 'cat' && flat[up]!.redirects.some((r) => r.heredoc)) {
        st.sub(flat[up]!.redirects.find((r) => r.heredoc)!.heredoc!.body, cwd0, st.ctx.env);
      } else if (isShell(me.name) && me.argv.length === 1 && lonePrinted(flat[up]!) !== undefined && projectScript(st, lonePrinted(flat[up]!)!, src.cwd ?? cwd0)) {
        // `cat FILE | sh` runs FILE as `sh FILE` would, for a script of the project's. (One from elsewhere — /tmp, a
        // download folder, /dev/stdin, a copy or link the line made — is text nobody read, as bash <(cat FILE) is.)
        st.sub(`${me.name} ${quote(lonePrinted(flat[up]!)!)}`, cwd0, st.ctx.env);
      } else tag('pipe-to-shell', `${src.name || 'a command'}'s output is run by ${me.name}`);
    }
  }
  // Configuration moved to a file or directory this same line wrote: a planted configuration.
  const writes = info.flatMap((i) => i?.writesFiles ?? []);
  for (const r of st.relocated) {
    const w = writes.find((p) => p === r.path || p.startsWith(r.path + '/'));
    // (Harmless known text stays so only when no other command of the line writes there: no second write, no unknown text.)
    const once = r.text !== undefined && info.filter((i) => i?.writesFiles.some((p) => p === r.path || p.startsWith(r.path + '/'))).length === 1 && st.scripts.get(r.path) === r.text && !st.opaqueWritten.has(r.path);
    if (w && !once) tag('config-planted', `${r.name} points at ${w}, written earlier in the same line`);
  }
  // A line that reads a secret and looks up names computed at run time leaks it through DNS.
  if (st.readsSecret && st.dynamicLookups.length > 0) tag('dns-exfil', `${st.dynamicLookups[0]} looks up names computed in a line that reads a secret`);
  // A socket to this machine is a port check or a local service; in a line that reads a secret it is a way out (a local relay).
  if (st.readsSecret && st.localSockets.length > 0) tag('dev-tcp', `${st.localSockets[0]} is opened in a line that reads a secret`);
  // Raw protocol to a local service that writes files or loads code on request — redis's CONFIG SET dir then
  // SAVE (its dump lands in ~/.ssh/authorized_keys), MODULE LOAD, REPLICAOF a rogue master — through a socket
  // or a raw client (nc, socat, telnet) is that write, wherever the server runs.
  const raw = st.localSockets.length > 0 || info.some((i) => i !== undefined && /^(nc|ncat|netcat|socat|telnet|openssl)$/.test(i.name));
  const admin = /\b(config\s+set\s+(dir|dbfilename)|module\s+load|slaveof|replicaof)\b/i.exec(st.lineText);
  if (raw && admin) tag('dev-tcp', `the line sends "${admin[0]}" to a local service over a raw socket: the server writes or loads where that says`);
}

/** The words of a code runner that may be code it runs: for an interpreter given a script by its name (python x.py DATA…),
 *  the words up to that script and not the data after it (xz -dk f.json.xz; python check.py f.json reads f.json); else every
 *  word. The script is found with the interpreter's option grammar: an option's value (node -r ./hook.js evil.js, perl -I x.pl
 *  evil.pl) is not the script. */
function runOperands(me: { argv: readonly string[]; isInterpreter: boolean; name: string }): readonly string[] {
  const args = me.argv.slice(1);
  const lang = languageOf(me.name);
  if (!me.isInterpreter || isShell(me.name) || lang === undefined) return args;
  const script = scriptOf(lang, args);
  const k = script === undefined ? -1 : args.lastIndexOf(script);
  return k >= 0 && /\.(py|js|mjs|cjs|ts|rb|pl|php|lua|sh|bash|R|jl|tcl)$/.test(script!) ? args.slice(0, k + 1) : args;
}

/** The files python -m MOD runs from the working directory (MOD.py, a package's __main__.py and __init__.py), when argv is one. */
function pythonModule(argv: readonly string[]): string[] {
  const k = argv.indexOf('-m');
  const mod = /^python[\d.]*$/.test(posix.basename(argv[0] ?? '')) && k > 0 ? argv[k + 1]?.replace(/\./g, '/') : undefined;
  return mod === undefined ? [] : [`${mod}.py`, `${mod}/__main__.py`, `${mod}/__init__.py`];
}

/** The placeholder xargs -I R (-i, --replace, in a cluster: -0I@) or parallel puts each input item in, when the command is one of theirs. */
function replaceString(words: readonly string[]): string | undefined {
  const at = words.findIndex((w) => /^(xargs|parallel)$/.test(posix.basename(w)));
  if (at < 0) return undefined;
  const parallel = posix.basename(words[at]!) === 'parallel';
  // (xargs' options that take a value, spaced or attached — -d '\n', -P 4 — and those whose value may only be attached: -i[R], -e[EOF], -l[N].)
  const VALUED = 'adEILnPs';
  let found: string | undefined;
  for (let k = at + 1; k < words.length && words[k]!.startsWith('-') && words[k] !== '--'; k++) {
    const a = words[k]!;
    if (a.startsWith('--')) {
      if (a === '--replace') found = '{}';
      else if (a.startsWith('--replace=')) found = a.slice(10);
      else if (/^--(arg-file|delimiter|max-args|max-procs|max-chars|max-lines|process-slot-var|eof)$/.test(a) && !parallel) k++;
      continue;
    }
    for (let i = 1; i < a.length; i++) {
      const c = a[i]!;
      if (c === 'I') { found = i + 1 < a.length ? a.slice(i + 1) : words[++k]; break; }
      if (c === 'i' && !parallel) { found = i + 1 < a.length ? a.slice(i + 1) : '{}'; break; }
      if (!parallel && /[el]/.test(c)) break;
      if (!parallel && VALUED.includes(c)) { if (i + 1 === a.length) k++; break; }
    }
  }
  return found ?? (parallel ? '{}' : undefined);
}
