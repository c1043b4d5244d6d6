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
  ruby: { code: 'e', values: 'IrCEF', longCode: /^$/ },
  php: { code: 'rBRE', values: 'cdfz', longCode: /^$/ },
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

/** Code given on the command line, if any (the value of a code option). */
export function inlineCodeOf(lang: string, args: readonly string[]): { code?: string; index?: number } {
  const g = GRAMMARS[lang];
  if (!g) return {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return {};
    if (g.evalVerb && i === 0 && g.evalVerb.test(a)) return { code: args.slice(1).find((x) => !x.startsWith('-')) ?? '', index: i + 1 };
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (g.longCode.test(name)) return eq > 0 ? { code: a.slice(eq + 1), index: i } : { code: args[i + 1] ?? '', index: i + 1 };
      // (A long option's value in the next word is not the script: node --require x -e CODE.)
      if (eq < 0 && g.longValues?.test(name)) i++;
      continue;
    }
    if (!a.startsWith('-') || a === '-') return {}; // the script operand: everything after is its arguments
    for (let k = 1; k < a.length; k++) {
      const l = a[k]!;
      if (g.code.includes(l)) {
        if (g.attached === false) return { code: args[i + 1] ?? '', index: i + 1 };
        return k + 1 < a.length ? { code: a.slice(k + 1), index: i } : { code: args[i + 1] ?? '', index: i + 1 };
      }
      if (g.values.includes(l)) {
        if (k + 1 === a.length) i++;
        break;
      }
    }
  }
  return {};
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
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return args[i + 1];
    if (!a.startsWith('-') || a === '-') return a;
    if (a.startsWith('--')) {
      if (g.longValues?.test(a)) i++;
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
    if (!o.staticWord(inline.code)) return { code, unreadable: 'its code is computed when the line runs' };
    return { code };
  }
  const m = lang === 'python' ? args.findIndex((a) => a === '-m' || /^-[A-Za-z]*m$/.test(a)) : -1;
  if (m >= 0) {
    // Modules that run code they are given: timeit's statements, cProfile/profile/trace/pdb/runpy's script.
    const mod = args[m + 1] ?? '';
    const rest = args.slice(m + 2);
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
