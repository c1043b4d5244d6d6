// A getopt-style argv scanner driven by a per-tool option table, so that flag order, combined
// short flags (-rf, -fsSL), attached values (-d@x, -XPOST), --opt=value and `--` never change
// what an analyzer sees.

/** One option occurrence, by canonical name, with its value when the option takes one. */
export interface Opt {
  name: string;
  value?: string;
  /** How it was spelled, for messages. */
  raw: string;
}

export interface Scanned {
  opts: Opt[];
  positionals: string[];
  /** Options the table does not know; analyzers decide whether that matters. */
  unknown: string[];
}

interface OptDef {
  name: string;
  takesValue: boolean;
  /** Value may be attached only (e.g. git's --force-with-lease[=x]). */
  optionalValue: boolean;
}

/** Compiled option table: short letters and long names mapped to definitions. */
export interface OptionTable {
  short: Map<string, OptDef>;
  long: Map<string, OptDef>;
  /** Stop at the first positional (git, npm exec, ssh remote command). */
  stopAtPositional: boolean;
  /** Single-dash long options (socat -lf, find -name). */
  singleDashLong: boolean;
}

/**
 * Builds a table from specs like "d,data,data-ascii=" (takes a value), "f,fail" (flag) or
 * "force-with-lease?=" (optional attached value). The first long name is canonical.
 */
export function optionTable(specs: string[], cfg: { stopAtPositional?: boolean; singleDashLong?: boolean } = {}): OptionTable {
  const short = new Map<string, OptDef>();
  const long = new Map<string, OptDef>();
  for (const spec of specs) {
    const optionalValue = spec.endsWith('?=');
    const takesValue = optionalValue || spec.endsWith('=');
    const names = spec.replace(/\??=$/, '').split(',');
    const canonical = names.find((n) => n.length > 1) ?? names[0]!;
    const def = { name: canonical, takesValue, optionalValue };
    for (const n of names) (n.length === 1 ? short : long).set(n, def);
  }
  return { short, long, stopAtPositional: cfg.stopAtPositional ?? false, singleDashLong: cfg.singleDashLong ?? false };
}

/** Scans argv (without the program name) against a table. */
export function scan(args: readonly string[], table: OptionTable): Scanned {
  const out: Scanned = { opts: [], positionals: [], unknown: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      out.positionals.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--') || (table.singleDashLong && a.startsWith('-') && a.length > 2 && table.long.has(a.slice(1).split('=')[0]!))) {
      const body = a.startsWith('--') ? a.slice(2) : a.slice(1);
      const eq = body.indexOf('=');
      const name = eq >= 0 ? body.slice(0, eq) : body;
      const def = table.long.get(name) ?? uniquePrefix(table.long, name);
      if (!def) {
        out.unknown.push(a);
        continue;
      }
      if (!def.takesValue || def.optionalValue) {
        out.opts.push({ name: def.name, value: eq >= 0 ? body.slice(eq + 1) : undefined, raw: a });
      } else if (eq >= 0) {
        out.opts.push({ name: def.name, value: body.slice(eq + 1), raw: a });
      } else {
        out.opts.push({ name: def.name, value: args[i + 1], raw: a });
        i++;
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const def = table.short.get(a[j]!);
        if (!def) {
          out.unknown.push('-' + a[j]);
          continue;
        }
        if (def.takesValue && !def.optionalValue) {
          const rest = a.slice(j + 1);
          if (rest.length > 0) out.opts.push({ name: def.name, value: rest, raw: a });
          else {
            out.opts.push({ name: def.name, value: args[i + 1], raw: a });
            i++;
          }
          break;
        }
        out.opts.push({ name: def.name, raw: a });
      }
      continue;
    }
    if (table.stopAtPositional) {
      out.positionals.push(...args.slice(i));
      break;
    }
    out.positionals.push(a);
  }
  return out;
}

// Tools built on getopt_long accept any unambiguous prefix of a long option (--recur for --recursive).
// An ambiguous prefix makes the tool refuse to run; reading it as the shortest candidate
// (--forc → --force) errs towards the stricter verdict.
function uniquePrefix(long: Map<string, OptDef>, name: string): OptDef | undefined {
  if (name.length < 2) return undefined;
  let best: [string, OptDef] | undefined;
  for (const [k, d] of long) if (k.startsWith(name) && (!best || k.length < best[0].length)) best = [k, d];
  return best?.[1];
}

/** Long options as a getopt_long tool reads them: each unambiguous prefix (`--inv`, `--files-witho`) spelled in full
 *  (the shortest candidate when ambiguous, as uniquePrefix does). Operands after `--` are left as they are. */
export function fullLongOptions(args: readonly string[], names: readonly string[]): string[] {
  const end = args.indexOf('--');
  return args.map((a, k) => {
    if ((end >= 0 && k > end) || !/^--[\w-]+/.test(a)) return a;
    const eq = a.indexOf('=');
    const n = a.slice(2, eq >= 0 ? eq : undefined);
    if (names.includes(n)) return a;
    const full = names.filter((x) => x.startsWith(n)).sort((x, y) => x.length - y.length)[0];
    return full === undefined ? a : `--${full}${eq >= 0 ? a.slice(eq) : ''}`;
  });
}

/** True when some argument is the long option `--name` or a prefix of it (git, GNU tools). */
export function hasLong(args: readonly string[], name: string, minPrefix = 3): boolean {
  return args.some((a) => {
    if (!a.startsWith('--')) return false;
    const n = a.slice(2).split('=')[0]!;
    return n === name || (n.length >= minPrefix && name.startsWith(n));
  });
}

/** All values of the named options, in order. */
export function values(s: Scanned, ...names: string[]): string[] {
  return s.opts.filter((o) => names.includes(o.name) && o.value !== undefined).map((o) => o.value!);
}

/** True when any of the named options occurs. */
export function has(s: Scanned, ...names: string[]): boolean {
  return s.opts.some((o) => names.includes(o.name));
}

/** argv spelled one option a word, as `scan` reads it: a cluster split into its letters (-fo F → -f -o F), a value attached
 *  to a short option or given with `=` to a long one moved to the next word (-o'|cmd' → -o '|cmd', --out=F → --output F,
 *  a unique prefix spelled in full). Words the table does not know, operands and everything after `--` stay as they are,
 *  so a reader that looks for `-o VALUE` finds every spelling of it. */
export function optionWords(args: readonly string[], table: OptionTable): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--' || !a.startsWith('-') || a === '-') {
      if (a === '--' || table.stopAtPositional) { out.push(...args.slice(i)); break; }
      out.push(a);
      continue;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq >= 0 ? eq : undefined);
      const def = table.long.get(name) ?? uniquePrefix(table.long, name);
      if (!def) { out.push(a); continue; }
      const spelled = `--${table.long.has(name) ? name : def.name}`;
      if (eq >= 0 && def.optionalValue) out.push(`${spelled}=${a.slice(eq + 1)}`);
      else if (eq >= 0) out.push(spelled, a.slice(eq + 1));
      else if (def.takesValue && !def.optionalValue) { out.push(spelled); if (i + 1 < args.length) out.push(args[++i]!); }
      else out.push(spelled);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const def = table.short.get(a[j]!);
      // (A letter the table does not know is kept as a flag of its own.)
      if (!def || !def.takesValue) { out.push(`-${a[j]}`); continue; }
      // (A value that may only be attached stays attached: -Hfirefox.)
      if (def.optionalValue) { out.push(`-${a.slice(j)}`); break; }
      const flag = `-${a[j]}`;
      const rest = a.slice(j + 1);
      if (rest !== '') out.push(flag, rest);
      else { out.push(flag); if (i + 1 < args.length) out.push(args[++i]!); }
      break;
    }
  }
  return out;
}
