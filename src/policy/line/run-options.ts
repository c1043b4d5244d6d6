// What a process call's options change about the literal command it runs. `subprocess.run(["ls"],
// executable="/bin/sh")` runs the shell, `env={"LD_PRELOAD": …}` and `os.environ["PATH"] = …` give the
// program an environment, `spawn("ls", {shell: "/tmp/x"})` runs another shell, Ruby's
// `system({"PATH" => …}, "ls")` too: the command line judged is the one that really runs, with its
// environment written as `export K=V;` before it. An option whose value is computed (an environment
// built at run time, an executable in a variable) makes the run not a literal one.
import { stripStrings, topLevel } from './interpreters.js';
import { unquote } from './string-literals.js';

/** Stands for a value only known when the code runs. */
export const COMPUTED = '"$__computed"';

const LIT = String.raw`(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')`;
const IS_LIT = new RegExp(`^${LIT}$`);

/** A word as the shell reads it back. */
export const shellWord = (w: string): string => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);

/** The expression starting at `at`: up to a top-level comma, semicolon, newline or closing bracket (with `all`, only the bracket). */
function valueAt(text: string, at: number, all = false): string {
  let depth = 0;
  let quote = '';
  let i = at;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && !all && /[,;\n]/.test(c)) break;
  }
  return text.slice(at, i).trim();
}

/** The rest of a call's arguments from `at` to its closing bracket. */
export const callRest = (text: string, at: number): string => valueAt(text, at, true);

/** A literal's text, or undefined when the expression is not one literal. */
function literalOf(expr: string, lang: string): string | undefined {
  return IS_LIT.test(expr) ? unquote(expr, lang) : undefined;
}

/** `K=V` for one variable set; none when it is set to its own inherited value (env={"PATH": os.environ["PATH"]}). */
const assignment = (name: string, value: string, lang: string): string[] => {
  const own = new RegExp(String.raw`^(?:os\.environ\[\s*(["'])${name}\1\s*\]|os\.(?:environ\.get|getenv)\(\s*(["'])${name}\2\s*\)|process\.env\.${name}|(?:process\.env|ENV)\[\s*(["'])${name}\3\s*\]|\$ENV\{${name}\})$`);
  if (own.test(value.trim())) return [];
  const v = literalOf(value.trim(), lang);
  return [`${name}=${v === undefined ? COMPUTED : shellWord(v)}`];
};

/** The process environment itself, a copy of it, or nothing at all. */
const INHERITED = /^(?:os\.environ(?:\.copy\(\s*\))?|dict\(\s*os\.environ\s*\)|process\.env|\{\s*\.\.\.process\.env\s*\}|ENV(?:\.to_h)?|\{\s*\*\*os\.environ\s*\}|None|null|undefined|nil)$/;

/** The variables an environment expression sets (`{"K": v}`, `dict(os.environ, K=v)`, a name assigned one); undefined when unknown. */
function envOf(expr: string, code: string, lang: string, depth = 0): string[] | undefined {
  const e = expr.trim();
  if (INHERITED.test(e)) return [];
  // (A dict, an object or a hash: its pairs; a spread of the process environment adds nothing.)
  const obj = /^\{([\s\S]*)\}$/.exec(e) ?? /^dict\(\s*(?:os\.environ\s*,)?([\s\S]*)\)$/.exec(e) ?? /^Object\.assign\(\s*\{\s*\}\s*,\s*process\.env\s*,\s*\{([\s\S]*)\}\s*\)$/.exec(e);
  if (obj) {
    const out: string[] = [];
    for (const item0 of topLevel(obj[1]!)) {
      const item = item0.trim();
      if (item === '' || /^(?:\*\*|\.\.\.)\s*(?:os\.environ|process\.env)$/.test(item)) continue;
      const m = /^(?:(["'])(\w+)\1|(\w+))\s*(?:=>|:|=)\s*([\s\S]+)$/.exec(item);
      if (!m) return undefined;
      out.push(...assignment(m[2] ?? m[3]!, m[4]!, lang));
    }
    return out;
  }
  // A name: what it was assigned, and what the code then sets in it (env["K"] = v, env.update(…), env.K = v).
  if (!/^[A-Za-z_$][\w$]*$/.test(e) || depth > 2) return undefined;
  const name = e.replace(/\$/g, '\\$');
  const first = new RegExp(`(?:^|[^\\w.$])${name}\\s*=(?!=)\\s*`).exec(code);
  if (!first) return undefined;
  const base = envOf(valueAt(code, first.index + first[0].length), code, lang, depth + 1);
  if (base === undefined) return undefined;
  const more = envChanges(code, lang, name);
  return more === undefined ? undefined : [...base, ...more];
}

/**
 * Changes the code makes to an environment named `target` (by default the process's own: os.environ,
 * node's env object, ENV, %ENV, putenv): `K=V` each, a computed value as $__computed; undefined when a change
 * cannot be read (os.environ.update(data)).
 */
export function envChanges(code: string, lang: string, target?: string): string[] | undefined {
  const T = target ?? String.raw`(?:os\.environ|process\.env|Deno\.env|ENV)`;
  const out: string[] = [];
  const bare = stripStrings(code);
  // T["K"] = v, T.K = v (JavaScript), $ENV{K} = v (Perl), T.setdefault("K", v), os.putenv("K", v), Deno.env.set("K", v),
  // ENV.store("K", v) (Ruby)
  const forms = [
    new RegExp(String.raw`(?:^|[^\w.$])${T}\s*\[\s*(${LIT})\s*\]\s*(?:\|\||\?\?)?=(?!=)\s*`, 'g'),
    new RegExp(String.raw`(?:^|[^\w.$])${T}\.(?!setdefault\b|update\b|get\b|copy\b|pop\b|set\b|store\b)(\w+)\s*=(?!=)\s*`, 'g'),
    new RegExp(String.raw`(?:^|[^\w.$])${T}\.(?:setdefault|set|store)\s*\(\s*(${LIT})\s*,\s*`, 'g'),
    ...(target ? [] : [/\$ENV\s*\{\s*['"]?(\w+)['"]?\s*\}\s*(?:\|\||\/\/)?=(?!=)\s*/g, new RegExp(String.raw`\bos\.putenv\s*\(\s*(${LIT})\s*,\s*`, 'g')]),
  ];
  for (const re of forms) {
    for (const m of code.matchAll(re)) {
      if (bare.slice(m.index!, m.index! + 4) !== code.slice(m.index!, m.index! + 4)) continue; // inside a string
      const key = IS_LIT.test(m[1]!) ? unquote(m[1]!, lang) : m[1]!;
      if (key === undefined || !/^\w+$/.test(key)) return undefined;
      out.push(...assignment(key, valueAt(code, m.index! + m[0].length), lang));
    }
  }
  // PHP's putenv("K=v"); a whole mapping merged in: T.update(…), T |= {…}, Object.assign(T, …), ENV.update/merge!/replace(…).
  for (const m of code.matchAll(new RegExp(String.raw`\bputenv\s*\(\s*(${LIT})`, 'g'))) {
    const kv = unquote(m[1]!, lang) ?? '';
    const eq = kv.indexOf('=');
    if (eq > 0) out.push(`${kv.slice(0, eq)}=${shellWord(kv.slice(eq + 1))}`);
  }
  for (const m of bare.matchAll(new RegExp(String.raw`(?:^|[^\w.$])(?:${T}\.(?:update|merge!|replace)\s*\(|${T}\s*\|=|Object\.assign\s*\(\s*${T}\s*,)\s*`, 'g'))) {
    // (T |= {…} is an expression statement: its value ends where the statement does, not at a bracket.)
    const arg = valueAt(code, m.index! + m[0].length, !m[0].includes('|='));
    const pairs = envOf(/^\{[\s\S]*\}$|^dict\([\s\S]*\)$/.test(arg) ? arg : `dict(${arg})`, code, lang, 3);
    if (pairs === undefined) return undefined;
    out.push(...pairs);
  }
  return out;
}

/** What a call's options say about how its command runs. */
export interface RunSetting {
  /** `K=V` the program's environment gets. */
  env: string[];
  /** A shell the command line is given to (true: the usual one). */
  shell?: string | true;
  /** The program really run in place of the list's first word (Python's executable=). */
  program?: string;
  /** An option whose value is computed: the run is not a literal one. */
  unknown?: boolean;
}

/** Reads the options of one process call's text (`call`), in code `code`. */
export function runSetting(call0: string, code: string, lang: string): RunSetting {
  // An options object held in a name (o = {env: …}; execSync("…", o); run([…], **kw)) is read where it was written.
  let call = call0;
  for (const m of stripStrings(call0).matchAll(/,\s*(?:\*\*)?([A-Za-z_$][\w$]*)\s*(?=[,)]|$)/g)) {
    const def = new RegExp(`(?:^|[^\\w.$])${m[1]!.replace(/\$/g, '\\$')}\\s*=(?!=)\\s*(?=\\{|dict\\()`).exec(code);
    if (def) call += `, ${valueAt(code, def.index + def[0].length)}`;
  }
  const bare = stripStrings(call);
  const out: RunSetting = { env: [] };
  const option = (re: RegExp): string | undefined => {
    const m = re.exec(bare);
    return m ? valueAt(call, m.index + m[0].length) : undefined;
  };
  const shell = option(/\bshell\s*[=:]\s*/);
  if (shell !== undefined && !/^(False|false|None|null|undefined|0)$/.test(shell)) {
    if (/^(True|true|1)$/.test(shell)) out.shell = true;
    else out.shell = literalOf(shell, lang) ?? (out.unknown = true, true);
  }
  const exe = option(/\bexecutable\s*=\s*/);
  if (exe !== undefined && exe !== 'None') {
    const v = /^sys\.executable$/.test(exe) ? 'python3' : literalOf(exe, lang);
    if (v === undefined) out.unknown = true;
    else out.program = v;
  }
  // (…given by keyword, by shorthand — {env, stdio} — or, in Ruby, as a leading hash.)
  const env = option(/\b(?:env|extendEnv)\s*[=:]\s*/) ?? (/[{,]\s*env\s*[,}]/.test(bare) ? 'env' : undefined) ?? (lang === 'ruby' ? option(/^\s*[\w.:]+\s*\(?\s*(?=\{)/) : undefined);
  if (env !== undefined) {
    const pairs = envOf(env, code, lang);
    if (pairs === undefined) out.unknown = true;
    else out.env.push(...pairs);
  }
  // (A function run in the child before the program — preexec_fn — is code of its own, judged where it is written.)
  return out;
}

/** The command line a literal run really is, given its call's settings: argv words or a shell line. */
export function settledRun(s: RunSetting, run: { words?: string[]; line?: string }, lang: string, quote = shellWord): string {
  let line: string;
  if (run.words) {
    const words = run.words;
    // (Python's shell=True runs the list's first word as the line; node joins the command and its arguments with spaces.)
    const text = s.shell !== undefined ? (lang === 'python' ? words[0] ?? '' : words.join(' ')) : undefined;
    if (text !== undefined) line = typeof s.shell === 'string' || s.program ? `${shellWord(s.program ?? s.shell as string)} -c ${shellWord(text)}` : text;
    else line = (s.program ? [s.program, ...words.slice(1)] : words).map(quote).join(' ');
  } else {
    const text = run.line ?? '';
    line = typeof s.shell === 'string' || s.program ? `${shellWord(s.program ?? s.shell as string)} -c ${shellWord(text)}` : text;
  }
  return s.env.length ? `export ${s.env.join(' ')}; ${line}` : line;
}
