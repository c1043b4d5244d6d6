// Everyday file tools, so that a shim on them (user list) or the hook sees what they read into
// the agent's context, write, move away or destroy.
import { newFacts, type Facts } from '../facts.js';
import { addHost } from './common.js';
import type { AnalyzerInput } from './types.js';
import { sedEffects } from './sed-script.js';
import { lessArgs } from './less-args.js';
import { substitutionsIn } from '../shell/printed-names.js';

const operands = (args: readonly string[]): string[] => {
  const out: string[] = [];
  let opts = true;
  for (const a of args) {
    if (opts && a === '--') opts = false;
    else if (opts && a.startsWith('-') && a !== '-') continue;
    else out.push(a);
  }
  return out;
};

// Options of these tools that take a value (so the value is not mistaken for a file).
const VALUE_OPTS: Record<string, RegExp> = {
  head: /^-[nc]$/,
  tail: /^-[ncs]$/,
  // (Short options cluster: grep -oe PATTERN, -ie'=.*'.)
  grep: /^-[a-zA-Z]*[efABCmd]$|^--(regexp|file|context|after-context|before-context|max-count|include|exclude|exclude-dir)$/,
  rg: /^-[a-zA-Z]*[egtTABCmMj]$|^--(regexp|glob|type|type-not|max-count|context|after-context|before-context|max-depth|threads)$/,
  cut: /^-[dfcb]$/,
  sort: /^-[tkoST]$|^--(output|field-separator|key|buffer-size|temporary-directory)$/,
  xxd: /^-[cgls]$/,
  od: /^-[AjNtw]$/,
  base64: /^-w$/,
  jq: /^--(arg|argjson|slurpfile|rawfile|indent)$/,
  // (mikefarah's yq: formats, indent, front matter; kislyuk's yq, xq, tomlq pass jq's options on.)
  yq: /^-[opIs]$|^--(output-format|input-format|indent|arg|argjson|slurpfile|rawfile|split-exp|front-matter|xml-attribute-prefix|xml-content-name)$/,
  dasel: /^-[rwsfm]$|^--(read|write|selector|file|out|o)$/,
  // (sed's and awk's program texts given by option are not files: sed -i -e '/x/d' f edits f alone.)
  sed: /^-[nrEsuz]*[ef]$|^-l$|^--(e|ex|exp|expr|expre|expres|express|expressi|expressio|expression|fi|fil|file|l|li|lin|line|line-length)$/,
  awk: /^-[fvFiEl]$|^--(file|assign|field-separator|include|load)$/,
};
VALUE_OPTS.gawk = VALUE_OPTS.mawk = VALUE_OPTS.nawk = VALUE_OPTS.awk;
VALUE_OPTS.dos2unix = VALUE_OPTS.unix2dos = VALUE_OPTS.mac2unix = VALUE_OPTS.unix2mac = /^(-c|--convmode|-D|--display-enc)$/;
VALUE_OPTS.gojq = VALUE_OPTS.jaq = VALUE_OPTS.jq;
VALUE_OPTS.xq = VALUE_OPTS.tomlq = VALUE_OPTS.yq;
/** Query languages whose first operand is the query (`yq '.env' values.yaml` reads values.yaml, not .env). */
const QUERY_TOOLS = /^(jq|gojq|jaq|yq|xq|tomlq)$/;

function operandsOf(tool: string, args: readonly string[]): string[] {
  const takes = VALUE_OPTS[tool];
  if (!takes) return operands(args);
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      out.push(...args.slice(i + 1));
      break;
    }
    // (jq's --arg/--argjson NAME VALUE take two words; --slurpfile/--rawfile NAME FILE read FILE.)
    if (QUERY_TOOLS.test(tool) && /^--(arg|argjson|slurpfile|rawfile)$/.test(a)) {
      if (/file$/.test(a) && args[i + 2] !== undefined) out.push(args[i + 2]!);
      i += 2;
    } else if (takes.test(a)) i++;
    else if (!a.startsWith('-') || a === '-') out.push(a);
  }
  return out;
}

/** Tools that print file content: every operand is read into the agent's context. */
export function analyzeReader({ tool, args: args0 }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  // (BSD sed -i '' takes an empty backup suffix: no file of that name.)
  const args = tool === 'sed' ? args0.filter((a, k) => !(a === '' && /^-[nrEsuz]*i$/.test(args0[k - 1] ?? ''))) : args0;
  // (less -o/-O/--log-file F copies all it shows into F: what is piped to it — commit messages, a page — is written there.)
  const less = tool === 'less' ? lessArgs(args) : undefined;
  if (less) f.writes.push(...less.logFiles);
  let files = less?.files ?? operandsOf(tool, args);
  // (yq v4 names its verb first: yq eval '.a' f, yq ea '…' a b.)
  if (tool === 'yq' && /^(e|eval|ea|eval-all)$/.test(files[0] ?? '')) files = files.slice(1);
  // (dasel's operands are selectors; it reads the files -f names.)
  if (tool === 'dasel') files = args.flatMap((a, k) => (/^(-f|--file)$/.test(args[k - 1] ?? '') ? [a] : /^--file=/.test(a) ? [a.slice(7)] : []));
  // grep/rg: the first operand is the pattern unless -e/-f gave it.
  if ((tool === 'grep' || tool === 'rg' || tool === 'egrep' || tool === 'fgrep') && !args.some((a) => /^-[a-zA-Z]*[ef]|^--(regexp|file)/.test(a))) files = files.slice(1);
  const scripts = tool === 'sed' || /awk$/.test(tool) ? programsOf(tool, args) : [];
  // (mikefarah's yq takes a first operand that names an existing file as a file — yq .env values.yaml prints
  // .env — and as the query otherwise: a first operand spelled like a path is read both ways.)
  const lone = tool === 'yq' && /^[\w./~-]+$/.test(files[0] ?? '') ? files[0] : undefined;
  if ((QUERY_TOOLS.test(tool) || /^(sed|[gmn]?awk)$/.test(tool)) && !args.some((a) => /^(-e|--expression|-f|--file|--from-file)(=|$)/.test(a) || (tool === 'sed' && (/^-[nrEsuz]*[ef]/.test(a) || /^--(e|fi)/.test(a))) || (/awk$/.test(tool) && /^(-E|--exec|-f.|--source)(=|$)?/.test(a)))) {
    // (jq's filter is its first operand proper, after -e/--expression none is; --rawfile/--slurpfile files come before it.)
    const named = QUERY_TOOLS.test(tool) ? args.flatMap((a, k) => (/^--(slurpfile|rawfile)$/.test(a) && args[k + 2] !== undefined ? [args[k + 2]!] : [])) : [];
    files = [...named, ...files.filter((x) => !named.includes(x)).slice(1), ...(lone ? [lone] : [])];
  }
  // awk's and sed's program files are read (their errors print the lines): awk -f ~/.aws/credentials, sed -f ~/.ssh/id_rsa.
  if (tool === 'sed') args.forEach((a, k) => {
    if (/^(-[nrEsuz]*f|--fi|--fil|--file)$/.test(args[k - 1] ?? '')) f.reads.push(a);
    else if (/^--fil?e?=/.test(a)) f.reads.push(a.slice(a.indexOf('=') + 1));
    else if (/^-[nrEsuz]*f./.test(a)) f.reads.push(a.slice(a.indexOf('f') + 1));
  });
  if (/awk$/.test(tool)) args.forEach((a, k) => {
    if (/^(-f|--file|-E|--exec)$/.test(args[k - 1] ?? '')) f.reads.push(a);
    else if (/^-f./.test(a)) f.reads.push(a.slice(2));
    else if (/^--(file|exec)=/.test(a)) f.reads.push(a.slice(a.indexOf('=') + 1));
  });
  // Line-end and charset converters rewrite each file operand in place: dos2unix ~/.bashrc writes it, as sed -i does.
  if (CONVERTERS.test(tool)) {
    if (tool === 'recode') files = files.slice(1);
    f.writes.push(...convertedFiles(tool, args, files));
  }
  // sed -i (also inside a cluster: -ni, -Ei) and gawk -i inplace edit their file operands.
  if (tool === 'sed' && args.some((a) => /^-[nrEsuz]*i/.test(a) || /^--in-place/.test(a))) f.writes.push(...files);
  // (A script that deletes every line — d, 1,$d, ,$d — empties them: their content is gone, as after `: > F`.)
  if (tool === 'sed' && scripts.length > 0 && scripts.every((p) => /^\s*((1|0)?\s*,\s*\$\s*)?d\s*;?\s*$/.test(p)) && f.writes.length) f.truncates = [...(f.truncates ?? []), ...files];
  if (/awk$/.test(tool) && args.some((a, k) => (a === '-i' || a === '--include') && args[k + 1] === 'inplace' || a === '-iinplace')) f.writes.push(...files.filter((x) => x !== 'inplace'));
  // yq's load(), load_str() and friends read the file they name into the output.
  // (…its argument joined from literals — load_str("." + "env") — or rooted in a variable — env(HOME) + "/.aws/credentials" —
  // names that file, the variable read as HOME.)
  if (/^(yq|xq|tomlq)$/.test(tool)) for (const a of args) for (const m of a.matchAll(/\bload(?:_str|_props|_base64|_xml|_yaml)?\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g)) {
    const lits = [...m[1]!.matchAll(/"([^"]*)"/g)].map((x) => x[1]!);
    const joined = lits.join('');
    const computed = /^\s*"[^"]*"\s*$/.test(m[1]!) ? false : /[$a-z(]/i.test(m[1]!.replace(/"[^"]*"/g, ''));
    if (joined) f.reads.push(computed && joined.startsWith('/') ? `~${joined}` : joined);
  }
  // yq -s/--split-exp EXPR writes one file per document, named by EXPR ("…" literal: that name, .yml added).
  if (tool === 'yq') args.forEach((a, k) => { const e = /^(-s|--split-exp)$/.test(args[k - 1] ?? '') ? a : /^--split-exp=/.test(a) ? a.slice(12) : undefined; const lit = e === undefined ? undefined : /^\s*"([^"]+)"\s*$/.exec(e)?.[1]; if (lit) f.writes.push(`${lit}.yml`); });
  // yq -i (--inplace) rewrites its files; dasel put and -w write the file -f names (or -o).
  if (/^(yq|xq|tomlq)$/.test(tool) && args.some((a) => /^-[a-zA-Z]*i/.test(a) && !a.startsWith('--') || a === '--inplace' || a === '--in-place')) f.writes.push(...files);
  if (tool === 'dasel' && (args.includes('put') || args.some((a) => /^(-o|--out)$/.test(a)))) f.writes.push(...files, ...args.filter((a, k) => /^(-o|--out)$/.test(args[k - 1] ?? '')));
  // Files the program itself writes: sed's w/W commands and s///w, awk's print > "file"; the files sed's r/R put into its output.
  if (tool === 'sed') f.reads.push(...sedEffects(scripts.join('\n')).reads.filter((x) => x !== '/dev/stdin' && x !== ''));
  f.writes.push(...(tool === 'sed' ? sedWrites(scripts.join('\n')) : scripts.flatMap(awkWrites)));
  // (…and print > ARGV[n] or > FILENAME: a file the line gives as its operand.)
  if (/awk$/.test(tool) && scripts.some(awkWritesOperands)) f.writes.push(...files.filter((x) => x !== '-' && !/^\w+=/.test(x)));
  // grep -q/-c/-l/-L print no line of the file: whether it matches, how often, or its name.
  const quiet = /^(grep|egrep|fgrep|rg)$/.test(tool) && args.some((a) => (tool === 'rg' ? /^-[a-zA-Z]*[qcl]/ : /^-[a-zA-Z]*[qclL]/).test(a) && !a.startsWith('--') || /^--(quiet|silent|count|files-with-matches|files-without-match)$/.test(a));
  if (!quiet) f.reads.push(...files.filter((x) => x !== '-'), ...(/^(grep|egrep|fgrep|rg)$/.test(tool) ? patternFiles(args) : []));
  // A recursive search reads every file below its operands: credentials in a directory it is given too.
  if (/^(rg|ag|ack)$/.test(tool) || (/^[ef]?grep$/.test(tool) && args.some((a) => /^-[a-zA-Z]*[rR]/.test(a) && !a.startsWith('--') || /^--(recursive|dereference-recursive|directories=recurse)$/.test(a)))) f.tags.add('recursive-read');
  // sort -o FILE writes its (sorted) input there.
  if (tool === 'sort') for (let i = 0; i < args.length; i++) {
    const m = /^(?:-o(.+)|--output=(.*))$/.exec(args[i]!);
    if (m) f.writes.push((m[1] ?? m[2])!);
    else if (args[i] === '-o' || args[i] === '--output') f.writes.push(args[++i] ?? '');
  }
  return f;
}

/** The files grep -f/--file (rg -f) takes its patterns from: the lines it prints are those of its operands that hold a
 *  pattern's text, so a secret given as the pattern list comes out as its values (grep -f .env config.txt). */
function patternFiles(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (a === '--') break;
    // (-f may end a cluster of flags that take no value: -if FILE, -Fxf FILE, or carry its file glued: -f.env, -if.env.)
    const short = /^-([a-zA-Z]*?)f(.*)$/s.exec(a);
    if (short && !a.startsWith('--') && !/[emABCdD]/.test(short[1]!)) out.push(short[2] ? short[2] : args[++k] ?? '');
    else if (a === '--file') out.push(args[++k] ?? '');
    else if (a.startsWith('--file=')) out.push(a.slice(7));
  }
  return out.filter((x) => x !== '' && x !== '-');
}

/** The program texts of sed/awk: -e/--expression values, or the first operand. */
export function programsOf(tool: string, args: readonly string[]): string[] {
  const progs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    // (getopt takes any unique prefix of a long option: --expr=…, --e …)
    const long = /^--(e[xpresion]*)(=(.*))?$/s.exec(a);
    if (a === '-e' || (long && 'expression'.startsWith(long[1]!) && long[2] === undefined) || (tool === 'sed' && /^-[nrEsuz]*e$/.test(a))) progs.push(args[++i] ?? '');
    else if (long && 'expression'.startsWith(long[1]!) && long[3] !== undefined) progs.push(long[3]);
    // (sed -es/a/b/, -ne'1w f': the script glued to -e.)
    else if (tool === 'sed' && /^-[nrEsuz]*e./.test(a)) progs.push(a.slice(a.indexOf('e') + 1));
  }
  if (progs.length) return progs;
  const ops = operandsOf(tool, args);
  return ops.length ? [ops[0]!] : [];
}

/** Files a sed script writes: `w FILE`, `W FILE` (to the end of the line) and the s///w flag, found where a command stands. */
export function sedWrites(script: string): string[] {
  const e = sedEffects(script);
  // (A script sed would not take as GNU sed's: the commands guessed where they may stand.)
  const guessed = e.parsed ? [] : script.split(/\n/).flatMap((line) => {
    const cmd = /(?:^|[;{}]|[\d$/,!])\s*[wW]\s+(.+)$/.exec(line);
    const sub = /(?:^|[;{}\s]|[\d$/,!])s(.)(?:(?!\1)[^\\]|\\.)*\1(?:(?!\1)[^\\]|\\.)*\1[gpiImMe\d]*w\s+(.+)$/.exec(line);
    return [...(cmd && !/^\s*s(.)/.test(line) ? [cmd[1]!.trim()] : []), ...(sub ? [sub[2]!.trim()] : [])];
  });
  return [...e.writes, ...guessed].filter((x) => x !== '/dev/stdout' && x !== '/dev/stderr');
}

/** Files an awk program writes with print/printf > "file" (a literal start of the name). */
export function awkWrites(prog: string): string[] {
  return [...prog.matchAll(/\bprintf?\b[^;{}]*?>>?\s*"([^"]+)"/g)].map((m) => m[1]!).filter((x) => !/^\/dev\/(stdout|stderr)$/.test(x));
}

/** Whether an awk program prints into a file named by its operands: print > ARGV[1], printf … >> FILENAME. */
export function awkWritesOperands(prog: string): boolean {
  // (…or into a variable the program may have given an operand's name — f = ARGV[1]; print > f —: a target named at run time.)
  return /\bprintf?\b[^;{}]*?>>?\s*\(?\s*(?:ARGV\s*\[|FILENAME\b)/.test(prog)
    || (/\bARGV\s*\[|\bFILENAME\b/.test(prog) && /\bprintf?\b[^;{}]*?>>?\s*\(?\s*[A-Za-z_]/.test(prog));
}

/** ed/ex FILE, sponge FILE: the file operand is rewritten. */
export function analyzeEditor({ tool, args }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  const ops = operands(args.filter((a, k) => !/^-[pc]$/.test(args[k - 1] ?? '')));
  f.writes.push(...ops.filter((o) => !o.startsWith('+')));
  if (tool !== 'sponge') f.reads.push(...ops.filter((o) => !o.startsWith('+')));
  return f;
}

/** tar x / unzip: extraction writes files of the archive's choosing into -C/-d DIR (or here). */
export function analyzeExtract({ tool, args }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  if (tool === 'unzip') {
    if (args.some((a) => /^-[a-zA-Z]*[lvtZ]/.test(a))) return f; // lists or tests only
    // -p/-c print the members named after the archive (unzip -p backup.zip .env): a read of each.
    if (args.some((a) => /^-[a-zA-Z]*[pc]/.test(a))) {
      f.reads.push(...args.filter((a, k) => !a.startsWith('-') && !/^-[dxP]$/.test(args[k - 1] ?? '')).slice(1));
      return f;
    }
    // (-: keeps members' ../ components: the archive chooses where on this machine.)
    if (args.some((a) => /^-[a-zA-Z]*:/.test(a))) {
      f.writes.push('/');
      f.tags.add('extracts');
      return f;
    }
    const d = args.findIndex((a) => a === '-d');
    const attached = args.find((a) => /^-d./.test(a))?.slice(2);
    f.writes.push(attached ?? (d >= 0 ? args[d + 1] ?? '.' : '.'));
    f.tags.add('extracts'); // it writes a tree below its target
    return f;
  }
  const first = args[0] ?? '';
  const extracts = args.some((a) => /^--(extract|get)$/.test(a) || /^-[a-zA-Z]*x/.test(a)) || (/^[a-zA-Z]+$/.test(first) && first.includes('x'));
  const first0 = /^[a-zA-Z]+$/.test(first) ? first : '';
  // tar -xO prints the members it is given (tar -xOf backup.tar .env): a read of each.
  if (extracts && (args.includes('--to-stdout') || args.some((a) => /^-[a-zA-Z]*O/.test(a)) || first0.includes('O'))) {
    const fileAt = args.findIndex((a, k) => a === '-f' || a === '--file' || (/^-[a-zA-Z]*f$/.test(a) && !a.startsWith('--')) || (k === 0 && first0.includes('f')));
    const skip = new Set([fileAt + 1, ...args.flatMap((a, k) => (/^(-C|--directory|-T|--files-from|-X|--exclude-from|--exclude|--strip-components|-I|--use-compress-program)$/.test(a) ? [k + 1] : []))]);
    f.reads.push(...args.filter((a, k) => k > 0 && !a.startsWith('-') && !skip.has(k)));
    return f;
  }
  if (!extracts || args.some((a) => /^--(to-stdout|list)$/.test(a) || /^-[a-zA-Z]*[Ot]/.test(a))) return f;
  let dir = '.';
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-C' || a === '--directory') dir = args[++i] ?? dir;
    else if (a.startsWith('--directory=')) dir = a.slice(12);
    else if (/^-C./.test(a)) dir = a.slice(2);
  }
  // -P/--absolute-names keeps members' leading / and ../: the archive chooses where on this machine.
  if (args.some((a) => (a.length > 4 && '--absolute-names'.startsWith(a)) || (/^-[a-zA-Z]*P/.test(a) && !a.startsWith('--'))) || first0.includes('P')) dir = '/';
  f.writes.push(dir);
  f.tags.add('extracts'); // it writes a tree below its target
  return f;
}

/** The last name of a path (a slash inside a substitution is none); one that is computed — $(which python3) — is the
 *  basename of what it prints, spelt so (`$(basename "$(which python3)")`: one name, maybe `..`, never a path). */
function lastName(p: string): string | undefined {
  const subs = substitutionsIn(p);
  let cut = -1;
  for (let i = p.length - 1; i >= 0 && cut < 0; i--) if (p[i] === '/' && !subs.some((x) => i > x.start && i < x.end)) cut = i;
  const name = p.slice(cut + 1);
  return subs.some((x) => x.end > cut + 1) && !name.includes('"') ? `$(basename "${name}")` : name;
}

/** cp, install, ln: the last operand is written; mv also removes its sources. */
export function analyzeCopy({ tool, args }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  // -t DIR, -tDIR, --target-directory=DIR, --target-directory DIR
  let targetDir: string | undefined;
  const skip = new Set<number>();
  args.forEach((a, i) => {
    if (a === '-t' || a === '--target-directory') {
      targetDir = args[i + 1];
      skip.add(i + 1);
    } else if (/^-[a-zA-Z]*t$/.test(a) && !a.startsWith('--') && args[i + 1] !== undefined) {
      // (…at the end of a cluster too: ln -st DIR.)
      targetDir = args[i + 1];
      skip.add(i + 1);
    } else if (/^-t./.test(a)) targetDir = a.slice(2);
    else if (a.startsWith('--target-directory=')) targetDir = a.slice(19);
  });
  const ops = operands(args.filter((_, i) => !skip.has(i)));
  if (ops.length === 0) return f;
  // (ln with one operand links it into the current directory under its own name: ln -s /etc/hosts makes ./hosts.
  // Not when that operand is the items xargs appends — any number of words, the last of them the link's name:
  // xargs ln -sf fed `/tmp/evil ~/.bashrc` replaces ~/.bashrc.)
  const here = tool === 'ln' && targetDir === undefined && ops.length === 1 && !ops[0]!.includes('$XARGS_INPUT');
  const dest = targetDir ?? (here ? '.' : ops[ops.length - 1]!);
  const sources = targetDir || here ? ops : ops.slice(0, -1);
  f.writes.push(dest);
  // Into a directory (-t DIR, DIR/, ., several sources): each source lands as DIR/its name. A
  // single destination may be an existing directory too (cp .bashrc ~): without looking, both count.
  if (!/^(\/dev\/|-$)/.test(dest)) {
    for (const s of sources) {
      const name = lastName(s.replace(/\/+$/, ''));
      if (name && name !== '.' && name !== '..') f.writes.push(`${dest.replace(/\/+$/, '')}/${name}`);
    }
  }
  // Copied to the terminal: the sources are printed, that is read. A copy of a credential anywhere
  // else reads it too (cp ~/.docker/config.json public/): the copy is where it can be shown or sent.
  if (/^(\/dev\/(stdout|stderr|fd\/[12]|tty)|-)$/.test(dest)) f.reads.push(...sources);
  else if (tool === 'cp' || tool === 'install') f.reads.push(...sources.filter((s) => /^(~|\/|\$HOME|\$\{HOME)/.test(s)));
  // Moving a file away removes it from where it was (a tree, as a whole).
  if (tool === 'mv') {
    f.deletes.push(...sources);
    f.tags.add('recursive');
  }
  if (args.some((a) => /^-[a-zA-Z]*[rR]|^--recursive|^-a$/.test(a))) f.tags.add('recursive');
  return f;
}

/** tee, touch, chmod, chown, mkdir-like writers: operands are written. */
export function analyzeWriter({ tool, args }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  let ops = operands(args);
  // --reference=RFILE (or --reference RFILE, or a prefix git-style: --ref=) takes the mode or owner from RFILE:
  // there is no mode or owner operand then, and every operand is a file that changes.
  const refAt = args.findIndex((a) => /^--ref[a-z]*(=|$)/.test(a) && 'reference'.startsWith(a.slice(2).split('=')[0]!));
  if (refAt >= 0 && /^(chmod|chown|chgrp)$/.test(tool)) {
    const valueAt = args[refAt]!.includes('=') ? -1 : refAt + 1;
    ops = args.filter((a, k) => k !== valueAt && a !== '--' && !/^-/.test(a));
    if (args.some((a) => /^-[a-zA-Z]*R/.test(a) || a === '--recursive')) f.tags.add('recursive');
  } else if (tool === 'chmod' || tool === 'chattr') {
    // The mode comes first, and a symbolic mode may start with a dash (chmod -x FILE): what follows it is written.
    const at = args.findIndex((a) => !/^(-[Rvcf]+|--[\w-]+(=.*)?)$/.test(a));
    ops = at < 0 ? [] : args.slice(at + 1).filter((a) => a !== '--');
    // A mode that keeps the owner's read and write and takes group's and others' away (600, 700,
    // go-rwx) locks a file down: nothing anyone can use changes.
    if (tool === 'chmod' && at >= 0 && /^(0?[67][04]0|go?-[rwx]+|og?-[rwx]+)$/.test(args[at]!) && !args.some((a) => /^-[a-zA-Z]*R/.test(a))) return f;
    if (args.some((a) => /^-[a-zA-Z]*R/.test(a) || a === '--recursive')) f.tags.add('recursive');
  } else if (tool === 'setfacl') {
    // setfacl -m SPEC FILE… / -x SPEC FILE… / --set=SPEC FILE…: the files' permissions are written.
    ops = args.filter((a, k) => !a.startsWith('-') && !/^(-[a-zA-Z]*[mxMX]|--modify|--remove|--set|--modify-file|--remove-file|--set-file)$/.test(args[k - 1] ?? ''));
    if (args.some((a) => /^-[a-zA-Z]*R/.test(a) || a === '--recursive')) f.tags.add('recursive');
  } else if (tool === 'setfattr') {
    // setfattr -n NAME [-v VALUE] FILE… / -x NAME FILE…: the files' extended attributes are written; NAME and VALUE are
    // no files (user.key names an attribute). (--restore=DUMP writes the files its dump names: not known here.)
    ops = args.filter((a, k) => !a.startsWith('-') && !/^(-[hn]*[nvx]|--name|--value|--remove|--restore)$/.test(args[k - 1] ?? ''));
  } else if (tool === 'lesskey') {
    // lesskey [-o OUT] [IN]: OUT (by default ~/.less) is what every later less reads; its #env section may set LESSOPEN.
    const out = args.map((a, k) => (/^(-o|--output)$/.test(args[k - 1] ?? '') ? a : /^--output=/.test(a) ? a.slice(9) : /^-o./.test(a) ? a.slice(2) : undefined)).find((x) => x !== undefined);
    f.reads.push(...args.filter((a, k) => !a.startsWith('-') && !/^(-o|--output)$/.test(args[k - 1] ?? '')));
    ops = [out ?? '~/.less'];
  } else if (tool === 'chown' || tool === 'chgrp') {
    ops = ops.slice(1);
    // -R changes everything below each operand: the whole tree is written.
    if (args.some((a) => /^-[a-zA-Z]*R/.test(a) || a === '--recursive')) f.tags.add('recursive');
  }
  f.writes.push(...ops);
  if (tool === 'tee' && args.some((a) => /^-[a-zA-Z]*a|^--append$/.test(a))) f.appends = [...ops];
  return f;
}

/** shred, truncate, unlink, rmdir: operands are destroyed. */
export function analyzeDestroyer({ tool, args }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  const ops = tool === 'truncate' ? operands(args.filter((a, i) => !/^-[sr]$/.test(args[i - 1] ?? '') && !/^-[sr]/.test(a))) : operands(args);
  // (The null device keeps nothing to lose: truncate -s 0 /dev/null, shred /dev/null change nothing.)
  f.deletes.push(...ops.filter((o) => o !== '/dev/null'));
  if (tool === 'shred' || tool === 'truncate') f.tags.add('force');
  return f;
}

/** dd: of= is written, if= is read. */
export function analyzeDd({ tool, args }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  for (const a of args) {
    // Writing a block device destroys what is on it.
    if (a.startsWith('of=/dev/') && !/^of=\/dev\/(null|stdout|stderr|tcp|udp)/.test(a)) {
      f.deletes.push(a.slice(3));
      f.tags.add('force');
    }
    if (a.startsWith('of=')) f.writes.push(a.slice(3));
    if (a.startsWith('if=')) f.reads.push(a.slice(3));
  }
  // A file of the repository's own data overwritten (of=.git/HEAD, of=.git/objects/…) is lost as by truncate -s 0 .git/HEAD
  // (with conv=notrunc too: the bytes dd writes replace the file's own). (.git/hooks is judged as the write it is.)
  const gitData = args.find((a) => /^of=(.*\/)?\.git(\/|$)/.test(a) && !/^of=(.*\/)?\.git\/hooks(\/|$)/.test(a));
  if (gitData !== undefined) f.deletes.push(gitData.slice(3));
  return f;
}

// dos2unix and its siblings, and recode REQUEST FILE…: converters that rewrite the files they are given (with none, they filter stdin).
const CONVERTERS = /^(dos2unix|unix2dos|mac2unix|unix2mac|recode)$/;
/** The files a converter writes: each operand (its old-file mode), the second of each -n/--newfile IN OUT pair; none when it
 *  only prints (-O/--to-stdout, -i/--info). (recode's operands come without its request.) */
function convertedFiles(tool: string, args: readonly string[], files: readonly string[]): string[] {
  if (tool === 'recode') return files.filter((x) => x !== '-');
  const out: string[] = [];
  let paired = -1;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (/^(-c|--convmode|-D|--display-enc)$/.test(a)) i++;
    else if (/^(-O|--to-stdout|--info(=.*)?)$/.test(a) || (/^-i/.test(a) && a !== '-iso')) return [];
    else if (/^(-n|--newfile)$/.test(a)) paired = 0;
    else if (/^(-o|--oldfile)$/.test(a)) paired = -1;
    else if (!a.startsWith('-')) {
      if (paired < 0) out.push(a);
      else if (paired++ % 2 === 1) out.push(a);
    }
  }
  return out;
}

/** perl/ruby -i: in-place edits of their file operands (the code itself is the hook's business). */
export function analyzeInplace({ tool, args }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  // Switch clusters as perl and ruby read them: -0[digits] and -l[digits] take digits, -i[ext]
  // the rest of its cluster (-0pi, -pi.bak, -0777pi), -e/-E the rest or the next word, -M/-I/-x/-C/-r the rest.
  let inplace = false;
  let code = false;
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      operands.push(a);
      continue;
    }
    if (a.startsWith('--')) continue;
    for (let k = 1; k < a.length; k++) {
      const ch = a[k]!;
      if (ch === '0' || ch === 'l') {
        const m = /^(x[0-9a-fA-F]*|[0-7]*)/.exec(a.slice(k + 1))!;
        k += m[0].length;
      } else if (ch === 'i') {
        inplace = true;
        break;
      } else if (ch === 'e' || ch === 'E') {
        code = true;
        if (k === a.length - 1) i++;
        break;
      } else if (/[MmIxCdDrWF]/.test(ch)) break;
    }
  }
  if (!inplace) return f;
  // (Without -e the first operand is the script; every other operand is a file edited in place.)
  f.writes.push(...(code ? operands : operands.slice(1)));
  return f;
}

/**
 * unison ROOT1 ROOT2: both roots are rewritten to agree, deletions included; with -force ROOT the
 * other root is made a copy of it (what it lacks is deleted). A remote root (ssh://host/…,
 * socket://host:port/…) is a host contacted; -sshcmd and -copyprog are programs it runs.
 */
export function analyzeUnison({ tool, args }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  const valued = /^-(force|prefer|path|ignore|ignorenot|root|logfile|sshcmd|sshargs|servercmd|copyprog|copyprogrest|backup|backupdir|backuploc|merge|label|repeat|retry|ui|addversionno|perms|fastercheckUNSAFE|copythreshold|maxthreads|sortfirst|sortlast|times|rsrc|fat|links|owner|group|numericids|auto|batch|confirmbigdel|silent|terse|dumbtty|debug|stats|watch|source|include|key|killserver|listen|socket|clientHostName|testserver)$/;
  const flags = /^-(auto|batch|confirmbigdel|silent|terse|dumbtty|stats|testserver|killserver|times|fat|links|owner|group|numericids|watch|repeat)$/;
  const roots: string[] = [];
  const forced: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('-')) {
      const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      if (flags.test(name) || !valued.test(name)) continue;
      const v = inline ?? args[++i] ?? '';
      if (name === '-root') roots.push(v);
      if (name === '-force' || name === '-prefer') forced.push(v);
      if (/^-(sshcmd|copyprog|copyprogrest|servercmd)$/.test(name)) f.runs.push(v);
      continue;
    }
    roots.push(a);
  }
  // (One operand is a profile name, read from ~/.unison: its roots are not in the line.)
  if (roots.length < 2) {
    if (roots.length === 1) f.tags.add('opaque-config');
    return f;
  }
  for (const r of roots) {
    const remote = /^(ssh|socket|rsh):\/\/(?:[^@/]*@)?([^/:]+)/.exec(r);
    if (remote) addHost(f, remote[2]!, 'target', 'ssh');
    else if (forced.length === 0 || !forced.includes(r)) {
      f.writes.push(r);
      f.deletes.push(r);
    }
  }
  if (f.deletes.length) f.tags.add('recursive');
  if (f.hosts.length) f.tags.add('net-client');
  return f;
}

/** crontab: anything but listing changes scheduled commands (persistence). */
export function analyzeCrontab({ tool, args }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  if (!args.includes('-l')) f.tags.add('persistence');
  return f;
}

/**
 * Windows' reg (reg.exe, reached from WSL): adding, importing or restoring keys that start programs
 * (Run, RunOnce, Winlogon, services, debugger hijacks, environment) is persistence; a .reg file
 * imported may hold any of them. Queries and exports only read.
 */
export function analyzeReg({ tool, args }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  const verb = (args[0] ?? '').toLowerCase();
  // (Matched with the backslashes taken out: unquoted in bash, HKCU\Software\…\Run loses them.)
  const key = args[1] ?? '';
  const flat = key.replace(/\\/g, '').replace(/\s+/g, '');
  if (/^(import|restore|load)$/.test(verb) || (/^(add|copy|delete)$/.test(verb) && /CurrentVersion(Run|RunOnce|RunServices|Policies)|Winlogon|CurrentControlSetServices|ImageFileExecutionOptions|^(HKCU|HKEY_CURRENT_USER)Environment|AppInit_DLLs|CommandProcessor|ActiveSetup|ExplorerShellFolders/i.test(flat))) {
    f.tags.add('persistence');
    f.notes.push(`${tool} ${verb} changes what Windows starts (${key || 'a registry file'})`);
  }
  return f;
}

/** systemctl --user enable/link/edit and friends install persistent units. */
export function analyzeSystemctl({ tool, args }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  // launchctl load/bootstrap/enable/submit is the macOS counterpart.
  if (args.some((a) => (tool === 'launchctl' ? /^(load|bootstrap|enable|submit)$/ : /^(enable|link|edit|set-property|preset|reenable)$/).test(a))) f.tags.add('persistence');
  return f;
}

export const READERS = ['cat', 'tac', 'less', 'more', 'head', 'tail', 'bat', 'batcat', 'xxd', 'od', 'hexdump', 'base64', 'base32', 'strings', 'nl', 'grep', 'egrep', 'fgrep', 'rg', 'jq', 'gojq', 'jaq', 'yq', 'xq', 'tomlq', 'dasel', 'awk', 'gawk', 'mawk', 'nawk', 'sed', 'sort', 'uniq', 'cut', 'diff', 'cmp', 'rev', 'fold', 'column', 'view', 'vim', 'vi', 'nano', 'emacs', 'zcat', 'paste', 'comm', 'join', 'iconv', 'dos2unix', 'unix2dos', 'mac2unix', 'unix2mac', 'recode'];
