// PowerShell and cmd.exe command strings (pwsh -Command '…', cmd /c …), read as the sh line they
// amount to when every part of them is understood: a few read-only cmdlets, deletes and writes
// of named paths, and native programs (git, rg …) that the line judge then judges as usual.
// Anything else in those languages — variables, script blocks, subexpressions, the call operator,
// redirections, drive paths, cmdlets not listed here — is not read: the caller keeps it opaque.
import { quote } from './unwrap.js';

type Shell = 'powershell' | 'cmd';

/** cmd's switches (del /f, rd /s /q) are /X words, not paths at the root. */
export function withoutCmdSwitches(text: string): string {
  return text.replace(/(^|[\s&|'"])\/[A-Za-z](:\S*)?(?=$|[\s&|'"])/g, '$1');
}

// Text whose meaning in these languages is more than words and separators: not read.
// (PowerShell also reads typographic quotes as quotes and dashes as the hyphen of a parameter;
// cmd reads `=` like a space between a builtin's words.)
const UNREAD: Record<Shell, RegExp> = {
  powershell: /[$`{}()@[\]<>%,\u2018-\u201e\u2013-\u2015]|(?<!&)&(?!&)|\\/,
  cmd: /[$`{}()@[\]<>%^!;,"'=\n]|\\/,
};
/** Aliases PowerShell drops outside Windows: there the name is the native program (rm -rf, sort -o). */
const NATIVE_ELSEWHERE = /^(ac|cat|clear|compare|cp|cpp|diff|kill|ls|man|mount|mv|ps|rm|rmdir|sleep|sort|start|tee|write)$/;

const PS_LIST = /^(get-childitem|gci|dir|ls)$/;
const PS_READ = /^(get-content|gc|cat|type)$/;
const PS_STAT = /^(get-item|gi|test-path|resolve-path|get-itemproperty)$/;
const PS_FILTER = /^(select-object|select|measure-object|measure|sort-object|sort|format-table|ft|format-list|fl|out-string|get-unique|group-object)$/;
const PS_ECHO = /^(write-output|write|echo|write-host)$/;
const PS_REMOVE = /^(remove-item|ri|rm|del|erase|rd|rmdir)$/;
const PS_WRITE = /^(set-content|sc|add-content|ac|out-file|new-item|ni)$/;
// Parameters that take a value (the value is not a path operand).
const PS_VALUED = /^-(filter|include|exclude|depth|totalcount|tail|head|first|last|skip|encoding|delimiter|readcount|expandproperty|property|value|itemtype|foregroundcolor|backgroundcolor|separator|width|stream)$/i;
const PS_PATH = /^-(path|literalpath|filepath|lp)$/i;
// PowerShell's own aliases that would read as another program (or none) in sh.
const PS_ALIASES = /^(iex|icm|ii|saps|start|sajb|ipmo|ise|r|h|sal|nal|ipal|epal|sv|set|nv|rv|clv|foreach|where|sp|si|rp|rnp|ren|rni|kill|spps|spsv|sasv|rcjb|rsn|etsn|nsn|gwmi|iwmi|rwmi|swmi|shcm|ogv|iwr|irm|gcb|scb|gp|gps|ps|gsv|gv|gm|gcm|gal|ghy|history|man|help|mount|ndr|rdr|gdr|powershell|pwsh|cmd)(\.exe)?$/;

/** One PowerShell pipeline element as an sh command, or undefined when it is not understood. */
function psSegment(words: string[], piped: boolean): string | undefined {
  // (A name that is an alias on Windows and the native program elsewhere is judged as both.)
  if (NATIVE_ELSEWHERE.test((words[0] ?? '').toLowerCase())) {
    const ps = psCmdlet(words, piped);
    return ps === undefined ? undefined : `{ ${words.map(quote).join(' ')}; ${ps}; }`;
  }
  return psCmdlet(words, piped);
}

/** Invoke-WebRequest/Invoke-RestMethod as the curl request it makes (the pipeline's text is the body). */
function psRequest(rest: string[], piped: boolean): string | undefined {
  const opt: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i]!.toLowerCase();
    if (/^-(usebasicparsing|disablekeepalive|skipcertificatecheck|skiphttperrorcheck|passthru|skipheadervalidation)$/.test(w)) continue;
    const name = ['-uri', '-method', '-infile', '-outfile', '-body', '-contenttype', '-timeoutsec', '-maximumredirection', '-useragent'].find((n) => n.startsWith(w) && w.length > 2);
    if (name) opt[name] = rest[++i] ?? '';
    else if (w.startsWith('-')) return undefined;
    else positional.push(rest[i]!);
  }
  const uri = opt['-uri'] ?? positional.shift();
  if (uri === undefined || positional.length) return undefined;
  const args = ['curl', '-sS'];
  if (opt['-method']) args.push('-X', opt['-method'].toUpperCase());
  if (opt['-infile']) args.push('-T', opt['-infile']);
  if (opt['-body'] !== undefined) args.push('--data-raw', opt['-body']);
  else if (piped) args.push('--data-binary', '@-');
  if (opt['-outfile']) args.push('-o', opt['-outfile']);
  return [...args, uri].map(quote).join(' ');
}

/** A PowerShell provider path (Env:GITHUB_TOKEN, Variable:, HKCU:\…, Cert:): not a file; Env: holds the agent's credentials. */
const PS_PROVIDER = /(^|[\s'"(,])(?!https?:)[A-Za-z][\w]+::?(?!\/\/)/;

function psCmdlet(words: string[], piped = false): string | undefined {
  const [head = '', ...rest] = words;
  if (rest.some((w) => PS_PROVIDER.test(w))) return undefined;
  const cmd = head.toLowerCase();
  if (/^(invoke-webrequest|iwr|invoke-restmethod|irm)$/.test(cmd)) return psRequest(rest, piped);
  // (curl and wget are Invoke-WebRequest in Windows PowerShell and the native programs in pwsh: judged as both.)
  if (/^(curl|wget)$/.test(cmd)) {
    const request = psRequest(rest, piped);
    return request === undefined ? words.map(quote).join(' ') : `{ ${words.map(quote).join(' ')}; ${request}; }`;
  }
  const paths: string[] = [];
  const flags = new Set<string>();
  const valued = new Map<string, string>();
  const named: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i]!;
    // (-Name:value binds a value to a parameter: not read.)
    if (/^-[\w-]+:/.test(w)) return undefined;
    if (PS_PATH.test(w)) {
      named.push(rest[i + 1] ?? '');
      paths.push(rest[++i] ?? '');
    } else if (PS_VALUED.test(w)) valued.set(w.toLowerCase(), rest[++i] ?? '');
    else if (w.startsWith('-')) flags.add(w.toLowerCase());
    else paths.push(w);
  }
  // (Parameter names may be shortened to any unique prefix: -Rec, -Fo.)
  const given = (full: string, min: number) => [...flags].some((x) => x.length > min && full.startsWith(x));
  const q = (xs: string[]) => xs.map(quote).join(' ');
  if (PS_LIST.test(cmd)) return `ls ${q(paths)}`.trim();
  if (PS_READ.test(cmd)) return `cat ${q(paths)}`.trim();
  if (PS_STAT.test(cmd)) return `stat ${q(paths)}`.trim();
  if (PS_FILTER.test(cmd)) return 'cat';
  if (PS_ECHO.test(cmd)) return `echo ${q(rest)}`.trim();
  if (/^(get-location|pwd|gl)$/.test(cmd)) return 'pwd';
  if (/^(set-location|cd|sl|chdir)$/.test(cmd)) return `cd ${q(paths)}`.trim();
  if (PS_REMOVE.test(cmd)) return paths.length ? `rm ${given('-recurse', 1) ? '-r ' : ''}${given('-force', 2) ? '-f ' : ''}-- ${q(paths)}` : undefined;
  // Writes keep their text: Set-Content/Add-Content PATH VALUE (or -Value, or the pipeline's text),
  // Out-File PATH (the pipeline's text), New-Item PATH [-Value V] [-ItemType Directory].
  if (PS_WRITE.test(cmd)) {
    // (Positional words fill -Path first when it is not named, then -Value.)
    const positionals = paths.filter((p) => !named.includes(p));
    const [path, positional, ...more] = named.length ? [...named, ...positionals] : positionals;
    if (path === undefined || more.length || named.length > 1) return undefined;
    const value = valued.get('-value') ?? (/^(set-content|sc|add-content|ac)$/.test(cmd) ? positional : undefined);
    if (positional !== undefined && value !== positional) return undefined;
    const append = /^(add-content|ac)$/.test(cmd) || given('-append', 2);
    if (/^(new-item|ni)$/.test(cmd) && /^d/i.test(valued.get('-itemtype') ?? '')) return `mkdir -p -- ${quote(path)}`;
    // (New-Item -ItemType SymbolicLink|HardLink|Junction -Value TARGET makes a link to TARGET.)
    if (/^(new-item|ni)$/.test(cmd) && /^(s|h|j)/i.test(valued.get('-itemtype') ?? '')) return value === undefined ? undefined : `ln ${/^h/i.test(valued.get('-itemtype')!) ? '' : '-s '}-- ${quote(value)} ${quote(path)}`;
    if (value !== undefined) return `printf '%s\\n' ${quote(value)} ${append ? '>>' : '>'} ${quote(path)}`;
    return /^(new-item|ni)$/.test(cmd) ? `touch -- ${quote(path)}` : `cat ${append ? '>>' : '>'} ${quote(path)}`;
  }
  // A cmdlet not listed (Verb-Noun: Start-Process, Invoke-WebRequest …) or an alias of one that
  // means something else than the program of that name (iex, start, kill …) is not read; a native program is.
  if (cmd.includes('-') || !/^[a-z0-9][\w.+]*$/.test(cmd) || PS_ALIASES.test(cmd) || /\.(ps1|psm1|bat|cmd)$/.test(cmd)) return undefined;
  return q(words);
}

/** One cmd.exe command as an sh command, or undefined when it is not understood. */
function cmdSegment(words0: string[]): string | undefined {
  // cmd ends a builtin's name at `/` or `.` (rd/s/q .., cd..): the rest are its words, each /X a switch.
  const glued = /^(cd|chdir|rd|rmdir|md|mkdir|del|erase|dir|type|echo|copy|move|ren|rename|set|start|call|pushd|popd|mklink|attrib)([./].*)$/i.exec(words0[0] ?? '');
  const words = (glued ? [glued[1]!, glued[2]!, ...words0.slice(1)] : words0).flatMap((w) => (/^(\/[a-z])+$/i.test(w) ? w.match(/\/[a-z]/gi)! : [w]));
  const [head = '', ...rest] = words;
  const cmd = head.toLowerCase();
  const sw = new Set(rest.filter((w) => /^\/[a-z]$/i.test(w)).map((w) => w.toLowerCase()));
  const ops = rest.filter((w) => !/^\/[a-z](:\S*)?$/i.test(w));
  const q = (xs: string[]) => xs.map(quote).join(' ');
  if (cmd === 'dir') return `ls ${q(ops)}`.trim();
  if (cmd === 'type') return `cat ${q(ops)}`.trim();
  if (cmd === 'echo') return `echo ${q(rest)}`.trim();
  if (cmd === 'cd' || cmd === 'chdir') return ops.length ? `cd ${q(ops)}` : 'pwd';
  if (cmd === 'del' || cmd === 'erase') return ops.length ? `rm ${sw.has('/s') ? '-r ' : ''}${sw.has('/f') || sw.has('/q') ? '-f ' : ''}-- ${q(ops)}` : undefined;
  if (cmd === 'rd' || cmd === 'rmdir') return ops.length ? `rm ${sw.has('/s') ? '-r ' : '-d '}${sw.has('/q') ? '-f ' : ''}-- ${q(ops)}` : undefined;
  // cmd's own commands not listed (start, copy, move, reg, set …) are not read; programs are.
  if (/\.(bat|cmd|ps1)$/.test(cmd)) return undefined;
  if (/^(start|copy|xcopy|robocopy|move|ren|rename|reg|set|setx|assoc|ftype|call|for|if|goto|mklink|attrib|icacls|takeown|format|cipher|sc|net|schtasks|runas|powershell|pwsh)$/.test(cmd) || cmd === '') return undefined;
  return q(words);
}

/**
 * The sh line a PowerShell or cmd.exe command string amounts to, when every command in it is
 * understood; undefined otherwise.
 */
export function foreignAsSh(name: string, text: string): string | undefined {
  const shell: Shell | undefined = /^(pwsh|powershell)$/.test(name) ? 'powershell' : name === 'cmd' ? 'cmd' : undefined;
  if (!shell || text.trim() === '') return undefined;
  // (PowerShell's single quotes hold plain words, its double quotes too when no $ or ` is inside.)
  const scan = shell === 'powershell' ? text.replace(/'[^']*'|"[^"$`]*"/g, 'w') : text;
  // (Typographic quotes end PowerShell strings too: inside ASCII quotes they are not plain words.)
  if (UNREAD[shell].test(scan) || /(^|\s)[A-Za-z]:[\\/]/.test(text) || (shell === 'powershell' && /[\u2018-\u201e]/.test(text))) return undefined;
  const out: string[] = [];
  // Separators: && || | and PowerShell's ; (cmd's single &), each kept between the translated commands.
  // (A line break ends a PowerShell statement as ; does.)
  const parts = text.split(shell === 'cmd' ? /(&&|\|\||\||&)/ : /(&&|\|\||\||;|\r?\n)/);
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 1) {
      out.push(parts[i] === '&' || /\n/.test(parts[i]!) ? ';' : parts[i]!);
      continue;
    }
    // (A word joined to a quoted part — ."." or ~"/.ssh" — is one word there: not read.)
    const found = [...parts[i]!.matchAll(/'([^']*)'(?=\s|$)|"([^"]*)"(?=\s|$)|([^\s'"]+)(?=\s|$)|(\S)/g)];
    if (found.some((m) => m[4] !== undefined || (m.index! > 0 && !/\s/.test(parts[i]![m.index! - 1]!)))) return undefined;
    const words = found.map((m) => m[1] ?? m[2] ?? m[3]!);
    const sh = shell === 'powershell' ? psSegment(words, parts[i - 1] === '|') : cmdSegment(words);
    if (sh === undefined) return undefined;
    out.push(sh);
  }
  return out.join(' ');
}

// PowerShell that only computes and reads inside the project: cmdlets whose verb changes nothing
// (Get, ConvertFrom, Select, Where, ForEach, Measure, Format …), variables other than $env:, script
// blocks over those. Anything that writes, deletes, starts processes, reaches the network, calls .NET
// statics, uses the call operator, decodes text or names a path outside the project is not this.
const PS_PURE_VERB = /^(get|convertfrom|convertto|select|where|foreach|measure|sort|group|format|out|write|test|resolve|compare|join|split|tee|show|find|read|trace|wait|use)$/i;
const PS_PURE_ALIAS = /^(echo|write|select|where|foreach|%|\?|sort|group|measure|ft|fl|gc|cat|type|gci|dir|ls|gi|gl|pwd|gcm|gm|gv|gps|ps|sls)$/i;
export function harmlessPowerShell(text: string): boolean {
  if (PS_PROVIDER.test(text) || /\$env:|\$\(|(^|\s)-\w+:|resolve-dnsname|test-(net)?connection|get-clipboard|\[[\w.]+\]::|(^|[\s;({|])[&.]\s*["'$({\w]|~|\.\.[\\/]|(^|[\s'"(])\/(?!\w+\s)|[A-Za-z]:[\\/]|https?:\/\/|iex\b|invoke-|start-|-enc|frombase64|add-type|new-object|\bout-file\b|\btee-object\b|\bset-|\bnew-|\bremove-|\bclear-|\bcopy-|\bmove-|\brename-|\bstop-|\bexport-|\bimport-|\bexpand-|\bcompress-|\b(rm|del|erase|rd|rmdir|ri|cp|copy|mv|move|ni|sc|ac|kill|spps|saps|sal|nal|ipmo|iwr|irm|icm|curl|wget)\b|>/i.test(text)) return false;
  for (const m of text.matchAll(/(^|[|;{(]\s*|\n\s*)([A-Za-z][\w-]*)/g)) {
    const w = m[2]!;
    const verb = w.includes('-') ? w.slice(0, w.indexOf('-')) : undefined;
    if (verb !== undefined ? !PS_PURE_VERB.test(verb) : !PS_PURE_ALIAS.test(w) && !/^(if|else|elseif|foreach|for|while|return|param|true|false|null)$/i.test(w)) return false;
  }
  return true;
}
