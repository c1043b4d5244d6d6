// Languages the judge does not parse (dc, m4, latexmk -e, gnuplot, TeX with its shell escape, Lisps, Elixir,
// Erlang, Haskell, jshell, Groovy, Raku, Forth, JavaScript engines other than node/bun/deno …). Their code is judged by what it can reach: a shell escape or a
// process API in it asks, and the command lines quoted inside it are judged as lines of their own
// (`gnuplot -e 'system("curl … | sh")'` is the download piped into a shell it writes).
import { joinedLiterals } from './text-commands.js';
import { isCommandWord } from './operand-commands.js';
import { REACHES, stripStrings } from './interpreters.js';
import { cmakeScripts } from './cmake-text.js';

/** Compilers and runners of compiled languages: given a source file the line wrote, it is read as code of theirs. */
export const COMPILED = /^(go|rustc|swift|swiftc|gcc|g\+\+|cc|c\+\+|clang|clang\+\+|tcc|javac|java|zig|dart|dotnet|csc|v|dmd|ldc2|gdc|ocamlc|ocamlopt|ocamlfind|scalac|scala-cli|fpc|gfortran)$/;

/** How Swift and .NET name the home directory (as a URL, by tilde expansion, as a special folder or a variable): NSHomeDirectory(),
 *  FileManager.default.homeDirectoryForCurrentUser, URL.homeDirectory, ("~" as NSString).expandingTildeInPath,
 *  Environment.GetFolderPath(Environment.SpecialFolder.UserProfile|Personal|MyDocuments), %USERPROFILE%. */
export const OTHER_HOME_LOOKUPS = /\bNSHomeDirectory\w*|\bhomeDirectory\w*|[eE]xpandingTildeInPath|SpecialFolder\s*\.\s*(?:UserProfile|Personal|MyDocuments)\b|\bUSERPROFILE\b/;

/** What compiled code names that a build-and-run of it should be asked about: a secret's file, a credential directory,
 *  the home directory, a host that is not this machine, a recursive delete. (Its literal command lines are judged elsewhere.) */
export const COMPILED_REACHES = /\.env\b|\bid_(rsa|ed25519|ecdsa)\b|\.ssh\b|\.aws\b|\.netrc\b|\.git-credentials|\bcredentials\b|\b(https?|wss?|ftp):\/\/(?!(localhost|127\.\d+\.\d+\.\d+|\[::1\])[:/"'])|"(?!127\.|0\.0\.0\.0)\d{1,3}(\.\d{1,3}){3}(:\d+)?"|UserHomeDir|home_dir|homedir|user\.home|getenv\s*\(\s*"HOME"|Getenv\s*\(\s*"HOME"|env::var\s*\(\s*"HOME"|RemoveAll|remove_dir_all|rmtree|deleteRecursively|rm\s+-rf/;

/** Programs whose inline or stdin code is in a language Rampart does not read. */
const UNREAD = /^(rust-script|cargo-eval|kscript|amm|jbang|dotnet-script|dc|m4|latexmk|gnuplot|pdflatex|latex|xelatex|lualatex|tex|luatex|pdftex|racket|guile|sbcl|clisp|ecl|csi|gsi|scheme|chez|chibi-scheme|gosh|newlisp|picolisp|lfe|hy|janet|fennel|elixir|iex|erl|escript|ghc|ghci|runghc|runhaskell|jshell|groovy|scala|kotlin|kotlinc|clojure|clj|bb|octave|ocaml|crystal|nim|pike|gforth|factor|io|red|rebol|raku|rakudo|jrunscript|jjs|qjs|quickjs|gjs|rhino|d8|llrt|nbb|hermes|njs|duk|jsc|graaljs)$/;

/** Ways these languages start programs: a function or macro name, TeX's \write18, dc's `!`, ghci's `:!`, Scala's `"cmd".!`,
 *  Rust's Command::new, .NET's Process.Start, Swift's Process().launch (Runtime.version() and the processor count only show). */
const ESCAPE = /\b(execute_process|REMOVE_RECURSE|system|syscmd|esyscmd|cmd|exec\w*|EXEC|spawn\w*|popen|shell\w*|callCommand|callProcess|readProcess\w*|createProcess|runCommand|rawSystem|Runtime(?!\.version\(\)|\.getRuntime\(\)\.(?:availableProcessors|maxMemory|totalMemory|freeMemory)\(\))|ProcessBuilder|Process|open_port|run-program|process\*?|subprocess|child_process|execute|sh|(?<![.:])run|qx|spurt|Command|Diagnostics|NSTask|launch\w*|sys\.process)\b|\bMix\.Tasks?\.|\bos\.proc\b|\bSys\.command\b|\bUnix\.(?:system|execv\w*|open_process\w*|create_process\w*)\b|std::process|\\write18|\\immediate|(^|[\s;:])!\s*\S|["')]\s*\.\s*!!?(?![=\w])/;

/** Ways they reach other machines: sockets, HTTP clients, URLs built from parts. */
const UNREAD_NETWORK = /\b(TcpStream|TcpListener|TcpClient|UdpSocket|UdpClient|Socket|socket|gen_tcp|gen_udp|httpc|HttpClient|WebClient|WebRequest|URL|URI|Uri|fetch|download\w*|connect|reqwest|ureq|hackney|HTTPoison|Req|Finch|Tesla|curl|wget|Net|net)\b/;

/** Deletes, writes and home lookups by their usual names in these languages. */
const UNREAD_DESTROYS = /\b(File|Files|FileUtils|Path|Dir|Directory|System\.Directory|file|filelib|os|fs|io)\s*(?:[.:/]|::)\s*(rm_rf|rm|rmdir|rm_f|del\w*|delete\w*|remove\w*|unlink|write\w*|truncate|copy\w*|rename|move|Delete\w*|Remove\w*|Write\w*|Copy\w*|Move\w*|Replace)\b|\b(remove_dir_all|remove_file|deleteDir|deleteOnExit|GetFolderPath|SpecialFolder)\b|\b(removeDir\w*|removeFile|removeDirectoryRecursive|deleteRecursively|rmtree|del_dir\w*|delete-file|delete-directory|user_home|user-home|getHomeDir\w*|home_dir|homedir|expand_path|Path\.home|NSHomeDirectory\w*|homeDirectory\w*|(?:stringBy)?[eE]xpandingTildeInPath)\b|get_argument\s*\(\s*home\s*\)/;

// (An operand that starts with a backslash is TeX source given inline; the file operands are the project's.)
const TEX = /^(pdflatex|latex|xelatex|lualatex|tex|luatex|pdftex)$/;

/** Build tools' and SDKs' verbs that start a REPL or script runner of a language Rampart does not read: what they are
 *  given on stdin, inline or as a script is that language's code (`sbt console <<< '…'`, `dotnet fsi x.fsx`,
 *  `lein repl`, `mix run -e '…'`, `stack ghci`). */
const REPL_VERBS: [RegExp, RegExp][] = [
  [/^dotnet$/, /^fsi$/],
  [/^sbt$/, /^(console|consoleQuick|consoleProject)$/],
  [/^scala-cli$/, /^(repl|console|run|shebang)$/],
  [/^(lein|boot)$/, /^(repl|run)$/],
  [/^mix$/, /^run$/],
  [/^rebar3$/, /^shell$/],
  [/^(stack|cabal)$/, /^(ghci|repl|v2-repl|runghc|runhaskell)$/],
  [/^dune$/, /^utop$/],
  [/^mill$/, /(^|\.)(console|repl)$/],
];
export const replVerb = (name: string, args: readonly string[]): boolean => REPL_VERBS.some(([tool, verb]) => tool.test(name) && args.some((a) => !a.startsWith('-') && verb.test(a)));

/** The code a program of an unread language is given on its command line or stdin, if any. */
export function unreadCode(name: string, args: readonly string[], stdinText: string | undefined, fileText?: (path: string) => string | undefined): string | undefined {
  // A REPL or script runner started by a build tool's verb: its stdin, its inline code and every operand whose text the
  // line knows (a script it wrote, a process substitution) — and F# Interactive's --use:/--load: files.
  if (replVerb(name, args)) {
    const parts: string[] = [];
    args.forEach((a, k) => {
      const prev = args[k - 1] ?? '';
      if (/^(-e|--eval|--expr|--execute|--exec|-x|--code)$/.test(prev) && !(name === 'dotnet' && prev === '--exec')) parts.push(a);
      else if (/^--(use|load):/.test(a)) parts.push(fileText?.(a.slice(a.indexOf(':') + 1)) ?? '');
      else if (/^--?(eval|expr|execute|code)=/.test(a)) parts.push(a.slice(a.indexOf('=') + 1));
      else if (!a.startsWith('-') && fileText) parts.push(fileText(a) ?? '');
    });
    if (stdinText !== undefined) parts.push(stdinText);
    const code = parts.filter((x) => x.trim() !== '').join('\n');
    return code === '' ? undefined : code;
  }
  // cmake -P/-C/--toolchain FILE and ctest -S FILE run a CMake script (file(REMOVE_RECURSE …), execute_process(…)).
  if (name === 'cmake' || name === 'ctest') {
    // (A project's own script is the project's code, like `bash scripts/x.sh`; one this line wrote is read.)
    const texts = cmakeScripts(name, args).map((f) => fileText?.(f)).filter((t): t is string => t !== undefined);
    return texts.length ? texts.join('\n') : undefined;
  }
  // Gradle init scripts (-I/--init-script FILE, from a file this line wrote or a process substitution) are Groovy or
  // Kotlin run before the build: read as code in a language Rampart does not read.
  if (/^gradlew?$/.test(name)) {
    const texts = args.map((a, k) => (/^(-I|--init-script)$/.test(args[k - 1] ?? '') ? a : a.startsWith('--init-script=') ? a.slice(14) : /^-I./.test(a) ? a.slice(2) : undefined))
      .filter((f): f is string => f !== undefined).map((f) => fileText?.(f)).filter((t): t is string => t !== undefined);
    return texts.length ? texts.join('\n') : undefined;
  }
  // Compiled languages given a source file this line wrote (go run /tmp/x.go, rustc x.rs && ./x, swift x.swift, gcc x.c):
  // the program built is about to run, and its source is read as theirs is.
  // (Their process calls of literal commands are judged as those command lines elsewhere — text-commands — so only
  // what the code names, not that it can start programs, counts here: see COMPILED.)
  const SOURCE = /\.(go|rs|swift|c|cc|cpp|cxx|m|java|kt|kts|cs|fs|fsx|zig|d|v|hs|lhs|ml|scala|sc|dart|cr|nim|exs|ex|clj|cljc|bb|rkt|scm|ss|lisp|lsp|cl|hy|janet|fnl|erl|escript|groovy|gvy|raku|rakumod|p6|jsh|m4|gp|plt)$/;
  // (…and so are sources given to the languages read below — runghc x.hs, kotlinc x.kt, nim c -r x.nim.)
  if ((COMPILED.test(name) || UNREAD.test(name)) && fileText !== undefined) {
    // (…or on stdin: gcc -x c -o x - <<< 'int main(){…}'.)
    const texts = [...args.filter((a) => SOURCE.test(a)).map((a) => fileText(a)), ...(args.includes('-') && /^(gcc|g\+\+|cc|c\+\+|clang|clang\+\+|tcc|swift|swiftc)$/.test(name) ? [stdinText] : [])].filter((t): t is string => t !== undefined);
    // (Adjacent or added string literals are one string — C's "c" "url", Java's and Go's "c" + "url" — as the program sees it.)
    if (texts.length) return joinedLiterals(texts.join('\n'));
  }
  if (!UNREAD.test(name)) return undefined;
  const parts: string[] = [];
  if (TEX.test(name)) {
    // Without the shell escape (or with -no-shell-escape) TeX runs no program.
    if (!args.some((a) => /^--?(shell-escape|enable-write18)$/.test(a))) return undefined;
    parts.push(...args.filter((a) => a.startsWith('\\')));
  } else {
    args.forEach((a, k) => {
      const prev = args[k - 1] ?? '';
      if (/^(-e|-E|-c|-x|-eval|--eval|--expression|--expr|--execute|-exec|--exec|-p|--print|-i|--code)$/.test(prev)) parts.push(a);
      else if (/^--?(eval|expression|expr|execute|exec|code)[=:]/.test(a)) parts.push(a.slice(a.search(/[=:]/) + 1));
      // (crystal eval CODE, dotnet-script eval CODE: the verb's operands are code.)
      else if (/^(crystal|dotnet-script)$/.test(name) && args.slice(0, k).some((x) => x === 'eval') && !a.startsWith('-')) parts.push(a);
      else if (/^-e./.test(a) && name === 'dc') parts.push(a.slice(2));
      // latexmk -usepretex=/-pretex= TeX put before the document (with -shell-escape its \write18 runs).
      else if (name === 'latexmk' && /^-(use)?pretex=/.test(a)) parts.push(a.slice(a.indexOf('=') + 1));
      // m4 -D NAME=TEXT defines a macro: its text expands where the input names it (esyscmd inside).
      else if (name === 'm4' && /^(-D|--define)$/.test(prev)) parts.push(a);
      else if (name === 'm4' && /^(-D.|--define=)/.test(a)) parts.push(a.replace(/^(-D|--define=)/, ''));
    });
  }
  if (stdinText !== undefined) parts.push(stdinText);
  return parts.length ? parts.join('\n') : undefined;
}

/** Code given inline to a runner of a compiled language (swift -e, scala-cli -e/--execute-scala/--scala-snippet, v -e,
 *  dotnet script eval): read as code of a language Rampart does not read, not as a source file the line wrote. */
export function compiledInline(name: string, args: readonly string[]): string | undefined {
  const parts: string[] = [];
  if (name === 'dotnet') {
    const at = args.indexOf('eval');
    if (args[0] === 'script' && at > 0) parts.push(...args.slice(at + 1).filter((a) => !a.startsWith('-')));
  } else if (/^(swift|scala-cli|scala|v|kotlinc|kotlin)$/.test(name)) {
    args.forEach((a, k) => {
      const prev = args[k - 1] ?? '';
      if (/^(-e|--execute-\w+|--\w+-snippet|-expression)$/.test(prev)) parts.push(a);
      else if (/^--(execute-\w+|\w+-snippet)=/.test(a)) parts.push(a.slice(a.indexOf('=') + 1));
    });
  }
  return parts.length ? parts.join('\n') : undefined;
}

/** Process APIs by names distinctive across languages: what code given to a program Rampart has no model of may start. */
export const FOREIGN_PROCESS = /Command::new|std::process|ProcessBuilder|Runtime\.getRuntime|\bProcess\.(?:Start|start|run|spawn|exec|new)\b|\b(?:system|popen|spawn\w*|exec[lv]p?e?|execvp|shell_exec|passthru|proc_open|callCommand|callProcess)\s*[(!"'\s]|\bsubprocess\b|\bchild_process\b|\bos[.:](?:system|execute|popen|cmd)\b|\bsys\.process\b|\.execute\s*\(\s*\)|\bSystem\.cmd\b|Diagnostics\.Process|NSTask|\bProcess\s*\(\s*\)/;

/** Code an unknown program is given by an eval-style option (-e/--eval/--expr/--execute/--code CODE, --eval=CODE). */
export function foreignEvalCode(args: readonly string[]): string | undefined {
  const parts = args.flatMap((a, k) => (/^(-e|--eval|--expr|--expression|--execute|--exec|--code)$/.test(args[k - 1] ?? '') ? [a]
    : /^--(eval|expr|expression|execute|exec|code)=/.test(a) ? [a.slice(a.indexOf('=') + 1)] : []));
  return parts.length ? parts.join('\n') : undefined;
}

/** What the code can do: whether it has a way to run programs, what sensitive thing it names, and the command lines quoted in it. */
export function unreadVerdict(code: string, spell: (code: string) => string = (c) => c): { escapes: boolean; reaches: boolean; lines: string[] } {
  const lines: string[] = [];
  // Quoted strings (m4 quotes `like this'), TeX's \write18{…}, and a macro's bare argument (esyscmd(…)).
  const literal = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|`([^`']*)'|\\write18\s*\{([^{}]*)\}|\b(?:e?syscmd|system|cmd)\s*\(\s*([^()"'`]+)\)/g;
  for (const m of code.matchAll(literal)) {
    const text = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '').replace(/\\(["'\\])/g, '$1').trim();
    if (text && (isCommandWord(text.split(/\s+/)[0]!) || /\|\s*(ba|z|da)?sh\b/.test(text))) lines.push(text);
  }
  // dc runs the rest of the line after `!`.
  for (const m of code.matchAll(/(?:^|[\s;])!\s*([^\n]+)/g)) lines.push(m[1]!.trim());
  // (Its file and network calls are not read: one naming a URL, a path outside the project, the home
  // directory, the environment or a secret may do anything there — julia's write(joinpath(homedir(), …)), janet's os/rm.)
  // (Nor are its deletes and writes, whose paths it may compute: File.rm_rf!(System.user_home()), removeDirectoryRecursive =<< getHomeDirectory.)
  // ghci runs the rest of a `:!` line in the shell.
  for (const m of code.matchAll(/^\s*:!\s*([^\n]+)/gm)) lines.push(m[1]!.trim());
  return { escapes: ESCAPE.test(code) || UNREAD_NETWORK.test(stripStrings(code)), reaches: REACHES.test(spell(code)) || UNREAD_DESTROYS.test(stripStrings(code)), lines };
}
