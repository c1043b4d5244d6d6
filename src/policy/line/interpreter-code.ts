// Where an interpreter's code comes from, read with each interpreter's option grammar: inline
// (`python3 -Ic CODE`, `node -pe CODE`, `--eval=CODE`, `perl -E'…'`), stdin (a heredoc, a
// here-string, `/dev/stdin`, `-`), a process substitution whose text is known, or a script file
// written earlier in the line. What cannot be read (code computed at run time, a process
// substitution of unknown output) is reported, never taken for harmless.

import { STDIN_PATH } from '../analyzers/common.js';
export { STDIN_PATH };

export interface CodeSource {
  code?: string;
  /** The interpreter reads its program from stdin (heredoc or pipe). */
  fromStdin?: boolean;
  /** A script operand (a file path), when the code is in a file. */
  script?: string;
  /** Why the code cannot be read, when it cannot. */
  unreadable?: string;
}

interface Grammar {
  /** Short option letters that take the code as their value (in a cluster, the rest of it). */
  code: string;
  /** Short options that take some other value (skipped with it). */
  values: string;
  /** Long options whose value is code (`--eval CODE`, `--eval=CODE`). */
  longCode: RegExp;
  /** Long options that take some other value as the next word (`--require MOD`). */
  longValues?: RegExp;
  /** Long options known to take no value (any other may take the next word). */
  longFlags?: RegExp;
  /** A first operand that is a subcommand taking code (`deno eval CODE`). */
  evalVerb?: RegExp;
  /** The code option's value may follow it in the same word (`-c'code'`); node's -e/-p never do. */
  attached?: boolean;
}

const GRAMMARS: Record<string, Grammar> = {
  python: { code: 'c', values: 'WXQm', longCode: /^$/, longValues: /^--check-hash-based-pycs$/ },
  node: { code: 'ep', values: 'rC', longCode: /^--(eval|print)$/, longValues: /^--(require|import|loader|experimental-loader|conditions|input-type|title|stack-size|inspect-port|env-file|watch-path)$/, attached: false },
  bun: { code: 'ep', values: 'r', longCode: /^--(eval|print)$/, longValues: /^--(require|preload|import|conditions|env-file|cwd|config)$/, attached: false },
  perl: { code: 'eE', values: 'IMmx', longCode: /^$/ },
  ruby: { code: 'e', values: 'IrCEF', longCode: /^$/, longValues: /^--(encoding|external-encoding|internal-encoding|enable|disable|dump|backtrace-limit|crash-report|parser)$/, longFlags: /^--(verbose|version|copyright|yydebug|jit|yjit|rjit|disable-\w+|enable-\w+|help|debug)$/ },
  php: { code: 'rBRE', values: 'cdfzFt', longCode: /^--(run|process-begin|process-code|process-end)$/, longValues: /^--(php-ini|define|file|process-file|docroot|zend-extension|rf|rfunction|rc|rclass|re|rextension|rz|rzendextension|ri|rextinfo)$/, longFlags: /^--(no-php-ini|interactive|no-chdir|profile-info|help|info|syntax-check|modules|no-header|hide-args|syntax-highlight|strip|usage|version|ini)$/ },
  lua: { code: 'e', values: 'l', longCode: /^$/ },
  Rscript: { code: 'e', values: '', longCode: /^--eval$/ },
  R: { code: 'e', values: '', longCode: /^--eval$/ },
  julia: { code: 'eE', values: 'JLpt', longCode: /^--(eval|print)$/ },
  expect: { code: 'c', values: 'f', longCode: /^$/ },
  tclsh: { code: '', values: '', longCode: /^$/ },
  wish: { code: '', values: '', longCode: /^$/ },
  osascript: { code: 'e', values: 'l', longCode: /^$/ },
  deno: { code: '', values: '', longCode: /^$/, evalVerb: /^eval$/ },
};

/** The language families the judge reads one-liners of. */
export const LANGUAGES = Object.keys(GRAMMARS);

/** Whether a word after an option Rampart does not know is that option's value rather than the script: no path, no file name. */
const valueLike = (w: string): boolean => !w.includes('/') && !/\.(js|mjs|cjs|ts|mts|tsx|jsx|py|pyw|pyz|rb|pl|pm|php|phar|lua|r|R|jl|tcl|exp|scpt|applescript)$/.test(w);

/** Code given on the command line, if any (the value of a code option). */
export function inlineCodeOf(lang: string, args: readonly string[]): { code?: string; index?: number; indexes?: number[] } {
  const g = GRAMMARS[lang];
  if (!g) return {};
  // Every code option counts: perl, ruby, lua, R, osascript and expect run each -e/-c in order, node and bun the
  // last one given (perl -e 1 -e 'system(…)' runs both). Python's -c ends its options: what follows is sys.argv.
  const found: { code: string; index: number }[] = [];
  const one = (c: { code: string; index: number }): { code?: string; index?: number; indexes?: number[] } | undefined => {
    if (lang === 'python' || g.evalVerb) return c;
    found.push(c);
    return undefined;
  };
  const all = (): { code?: string; index?: number; indexes?: number[] } => (found.length === 0 ? {} : { code: found.map((c) => c.code).join('\n'), index: found.at(-1)!.index, indexes: found.map((c) => c.index) });
  // (A long option Rampart has no table entry for may take the next word as its value — ruby --encoding UTF-8 -e CODE:
  // that word is skipped, so the code after it is still found; a path or a script's name is the script.)
  let unknownLong = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return all();
    const wasUnknown = unknownLong;
    unknownLong = false;
    // (deno's global options come before its verb: deno -A eval CODE, deno --quiet eval CODE.)
    if (g.evalVerb && !a.startsWith('-') && g.evalVerb.test(a)) return { code: args.slice(i + 1).find((x) => !x.startsWith('-')) ?? '', index: i + 1 };
    // (deno repl --eval CODE runs CODE before the prompt, with the REPL's permissions: every --eval counts.)
    if (lang === 'deno' && a === 'repl') {
      for (let k = i + 1; k < args.length; k++) {
        if (args[k] === '--eval') found.push({ code: args[k + 1] ?? '', index: ++k });
        else if (args[k]!.startsWith('--eval=')) found.push({ code: args[k]!.slice(7), index: k });
      }
      return all();
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (g.longCode.test(name)) {
        const r = one(eq > 0 ? { code: a.slice(eq + 1), index: i } : { code: args[i + 1] ?? '', index: i + 1 });
        if (r) return r;
        if (eq < 0) i++;
        continue;
      }
      // (A long option's value in the next word is not the script: node --require x -e CODE.)
      if (eq < 0 && g.longValues?.test(name)) i++;
      else if (eq < 0 && !g.longFlags?.test(name)) unknownLong = true;
      continue;
    }
    if (!a.startsWith('-') || a === '-') {
      if (wasUnknown && a !== '-' && valueLike(a)) continue;
      return all(); // the script operand (or the code's first argument): everything after is its arguments
    }
    if (g.evalVerb && /^(-L|--log-level)$/.test(a)) {
      i++;
      continue;
    }
    for (let k = 1; k < a.length; k++) {
      const l = a[k]!;
      if (g.code.includes(l)) {
        const c = g.attached === false || k + 1 === a.length ? { code: args[i + 1] ?? '', index: i + 1 } : { code: a.slice(k + 1), index: i };
        const r = one(c);
        if (r) return r;
        if (c.index === i + 1) i++;
        break;
      }
      if (g.values.includes(l)) {
        if (k + 1 === a.length) i++;
        break;
      }
    }
  }
  return all();
}

/** `use M;` / `require 'M'` lines for the modules options before the code load (perl -M/-m, ruby -r). */
function loadedModules(lang: string, opts: readonly string[]): string {
  const flag = lang === 'perl' ? /^-[Mm](.*)$/ : lang === 'ruby' ? /^-r(.*)$/ : undefined;
  if (!flag) return '';
  const out: string[] = [];
  for (let i = 0; i < opts.length; i++) {
    const m = flag.exec(opts[i]!);
    if (!m) continue;
    const mod = (m[1] || opts[++i] || '').replace(/^-/, '').replace(/=.*$/, '');
    if (mod) out.push(lang === 'perl' ? `use ${mod};` : `require '${mod}'`);
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

/** The first operand after the options: the script the interpreter runs. */
export function scriptOf(lang: string, args: readonly string[]): string | undefined {
  const g = GRAMMARS[lang];
  if (!g) return undefined;
  let unknownLong = false;
  let verbSeen = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return args[i + 1];
    const wasUnknown = unknownLong;
    unknownLong = false;
    // (ruby --encoding UTF-8 x.rb: the word after an unknown long option is its value when a script follows.)
    if (!a.startsWith('-') || a === '-') {
      if (wasUnknown && valueLike(a) && args.slice(i + 1).some((x) => !x.startsWith('-'))) continue;
      // (deno -A run FILE, bun --bun run FILE: the verb after the runtime's options is no script.)
      if (!verbSeen && ((lang === 'deno' && /^(run|test|bench)$/.test(a)) || (lang === 'bun' && a === 'run'))) {
        verbSeen = true;
        continue;
      }
      return a;
    }
    // (php -f FILE / --file FILE names the script by an option.)
    if (lang === 'php' && /^(-[fF]|--file|--process-file)$/.test(a)) return args[i + 1];
    if (lang === 'php' && /^(-[fF].|--file=|--process-file=)/.test(a)) return a.replace(/^-[fF]|^--(process-)?file=/, '');
    if (a.startsWith('--')) {
      if (g.longValues?.test(a)) i++;
      else if (!a.includes('=') && !g.longFlags?.test(a)) unknownLong = true;
      continue;
    }
    const last = a[a.length - 1]!;
    if (a.length === 2 && g.values.includes(last)) i++;
  }
  return undefined;
}

/** Where the interpreter's code is; `processText` gives the known output of a `<(…)` operand. */
export function codeSource(lang: string, args: readonly string[], o: { stdinText?: string; processText(word: string): string | undefined; staticWord(value: string): boolean }): CodeSource {
  const inline = inlineCodeOf(lang, args);
  if (inline.code !== undefined) {
    // Modules loaded by option are part of the code: perl -MLWP::Simple is `use LWP::Simple;`, ruby -rnet/http is `require 'net/http'`.
    // (node -p, bun -p, deno eval -p and julia -E print the code's value: node -p of the environment object prints it.)
    const before = args.slice(0, inline.index);
    const printed = /^(node|bun|deno)$/.test(lang) ? before.some((a) => a === '--print' || a.startsWith('--print=') || /^-[a-zA-Z]*p/.test(a) && !a.startsWith('--'))
      : lang === 'julia' && before.some((a) => a === '--print' || a.startsWith('--print=') || /^-[a-zA-Z]*E/.test(a) && !a.startsWith('--'));
    const body = printed ? (lang === 'julia' ? `println(${inline.code})` : `console.log(${inline.code})`) : inline.code;
    const code = `${loadedModules(lang, before)}${body}`;
    // Computed code is still read as written (what it shows counts), and reported as unreadable.
    if (!(inline.indexes ?? [inline.index]).every((k) => o.staticWord(k === undefined ? inline.code! : args[k] ?? ''))) return { code, unreadable: 'its code is computed when the line runs' };
    return { code };
  }
  // (-m ends a cluster of flags; the module is the rest of its word or the next word: -mtimeit, -Im pdb.)
  // (…among the options only: `python3 app.py -m x` gives -m to app.py.)
  const operand = args.findIndex((a, k) => (!a.startsWith('-') || a === '-') && !/^-[bBdEhiIOPqRsSuvV]*[WXQ]$/.test(args[k - 1] ?? ''));
  const m = lang === 'python' ? args.findIndex((a, k) => /^-[bBdEhiIOPqRsSuvV]*m/.test(a) && (operand < 0 || k < operand)) : -1;
  if (m >= 0) {
    // Modules that run code they are given: timeit's statements, cProfile/profile/trace/pdb/runpy's script.
    const attached = args[m]!.slice(args[m]!.indexOf('m') + 1);
    const mod = attached || (args[m + 1] ?? '');
    const rest = args.slice(attached ? m + 1 : m + 2);
    // (The interactive console reads its statements from stdin: python3 -m code <<< CODE runs CODE.)
    if (mod === 'code') return o.stdinText !== undefined ? { code: o.stdinText, fromStdin: true } : { fromStdin: true };
    if (mod === 'timeit') return { code: rest.filter((a, k) => !/^-/.test(a) && !/^(-n|-r|-u|--number|--repeat|--unit)$/.test(rest[k - 1] ?? '')).join('\n') };
    if (!/^(cProfile|profile|trace|pdb|runpy)$/.test(mod)) return {};
    const script = rest.find((a, k) => !a.startsWith('-') && !/^(-o|-s|--outfile|--sort|-c|--count|-m|--module)$/.test(rest[k - 1] ?? ''));
    if (script === undefined || STDIN_PATH.test(script)) return o.stdinText !== undefined ? { code: o.stdinText, fromStdin: true } : { fromStdin: true };
    return { script };
  }
  // deno run [options] SCRIPT: the verb is no script.
  const script = scriptOf(lang, lang === 'deno' && args[0] === 'run' ? args.slice(1) : args);
  if (script === undefined || STDIN_PATH.test(script)) {
    return o.stdinText !== undefined ? { code: o.stdinText, fromStdin: true } : { fromStdin: true };
  }
  if (script.startsWith('<(') || /^\/dev\/fd\/\d+$/.test(script)) {
    const text = o.processText(script);
    return text !== undefined ? { code: text } : { unreadable: 'its code comes from a process substitution whose output is not known' };
  }
  return { script };
}
