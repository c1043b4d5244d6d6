// Vim's Ex command lines and start-up options, read once for the settings check (runsCommands), the option rows
// (command-options) and the line judge. A range is addresses — line numbers, `.`, `$`, `%`, marks ('a, '<), searches
// (/re/, ?re?, \/, \?, \&) — each with +N/-N offsets, joined by `,` or `;`: whatever it selects, the command after it
// is what runs (`/x/w !sh` feeds a line to sh as `w !sh` does).

// Modifiers that change nothing of what the command after them does (silent!, keepalt, noautocmd, vertical …).
const MODIFIERS = /^(?:(?:sil(?:ent)?!?|keepa(?:lt)?|keepj(?:umps)?|keepm(?:arks)?|keepp(?:atterns)?|noa(?:utocmd)?|conf(?:irm)?|loc(?:kmarks)?|uns(?:ilent)?|vert(?:ical)?|tab|abo(?:veleft)?|bel(?:owright)?|to(?:pleft)?|bo(?:tright)?|hid(?:e)?|lefta(?:bove)?|rightb(?:elow)?|nos(?:wapfile)?)\s+)+/;
// One address or offset of a range: a number, . $ %, a mark, a search, a search repeated, a +N/-N step.
const ADDRESS = /^(?:\d+|[.$%]|'.|\\[/?&]|\/(?:[^/\\]|\\.)*(?:\/|$)|\?(?:[^?\\]|\\.)*(?:\?|$)|[+-]\d*|[,;]|\s+)/;

/** An Ex command split into its leading colons and modifiers, its range and the command itself. */
export function exRange(text: string): { lead: string; range: string; command: string } {
  const lead = /^[:\s]*/.exec(text)![0];
  let rest = text.slice(lead.length);
  const mods = MODIFIERS.exec(rest)?.[0] ?? '';
  rest = rest.slice(mods.length);
  let range = '';
  for (let m = ADDRESS.exec(rest); m !== null && m[0] !== ''; m = ADDRESS.exec(rest)) {
    range += m[0];
    rest = rest.slice(m[0].length);
  }
  // (Modifiers may follow the range too — `:%sil! w !sh` — and colons: `:/x/:w`.)
  const after = /^[:\s]*/.exec(rest)![0];
  rest = rest.slice(after.length);
  const mods2 = MODIFIERS.exec(rest)?.[0] ?? '';
  return { lead: lead + mods, range, command: rest.slice(mods2.length) };
}

/** The same command with its range written plainly (searches and marks as `.`), so readers of `[%.$\d,;+-]*` ranges see it. */
export function plainRange(text: string): string {
  const { range, command } = exRange(text);
  const simple = range.replace(/\\[/?&]|\/(?:[^/\\]|\\.)*(?:\/|$)|\?(?:[^?\\]|\\.)*(?:\?|$)|'./g, '.').replace(/\s+/g, '');
  return `${simple}${command}`;
}

// Commands that take the rest of the line, `|` included (:global, :normal, a `!` command and the like).
const TAKES_BAR = /^(?:g(?:l(?:o(?:b(?:a(?:l)?)?)?)?)?!?\s*[^\w\s]|v(?:g(?:l(?:o(?:b(?:a(?:l)?)?)?)?)?)?\s*[^\w\s]|norm(?:a(?:l)?)?\b|(?:r(?:e(?:a(?:d)?)?)?|w(?:r(?:i(?:t(?:e)?)?)?)?)?\s*!|(?:windo|bufdo|argdo|tabdo|cdo|cfdo|ldo|lfdo|au(?:tocmd)?|com(?:mand)?|exe(?:c(?:ute)?)?|lua|py3?|python3?|pyx|perl|rub(?:y)?|tcl|ter(?:m(?:i(?:n(?:a(?:l)?)?)?)?)?|mak(?:e)?|fu(?:n(?:c(?:t(?:i(?:o(?:n)?)?)?)?)?)?)\b)/;

/** The commands of an Ex line, split at each `|` that ends one (not `\|`, nor a bar a command takes as its text). */
export function exCommands(text: string): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest !== '') {
    // (A bar inside the range's search is the pattern's: `+/TODO|FIXME` is one search.)
    const { command } = exRange(rest);
    const head = rest.length - command.length;
    if (TAKES_BAR.test(command)) { out.push(rest); break; }
    const body = /^(?:[^|\\]|\\.)*/.exec(command)![0];
    out.push(rest.slice(0, head + body.length));
    rest = rest.slice(head + body.length + 1);
  }
  return out.filter((c) => c.trim() !== '');
}

// Options whose value is a program, an expression, a file to write or a place code is loaded from.
const RISKY_OPTION = /^(sh|shell\w*|shcf|sp|srr|shq|sxq|sxe|stmp|\w*prg|mp|gp|kp|ep|fp|\w*expr|\w*func|\w*fu|rtp|runtimepath|pp|packpath|vi|viminfo\w*|vif|sd|shada\w*|sdf|vfile|verbosefile|bdir|backupdir|dir|directory|udir|undodir|ex|exrc|secure|ccv|charconvert|bex|backupext|spf|spellfile|\w*dll|python\w*home|stl|statusline|tal|tabline|ruf|rulerformat|titlestring|iconstring|fdt|foldtext|wbr|winbar|stc|statuscolumn|gtl|guitablabel|gtt|guitabtooltip|bexpr|debug|tags?|tagfunc|cdpath|cd|path|pa|mle|modelineexpr|modeline|ml|mls|modelines|term|ttytype|tty)$/;
/** `:set` arguments that only change how text is shown or edited (tw=72, ft=gitcommit, nospell, nu!). */
const plainSet = (args: string): boolean => args.trim().split(/\s+/).filter(Boolean).every((w) => {
  const m = /^(?:no|inv)?([a-z]+)(?:[!&?]|&vim?|[+^-]?[=:](.*))?$/.exec(w);
  return m !== null && !RISKY_OPTION.test(m[1]!) && !/[(`]|%[{!]/.test(m[2] ?? '');
});
// Normal-mode keys that move, change text in place or insert literal text: no `:`, `!` filter, K, Q, @, gx, = or gq.
const PLAIN_KEYS = /^(?:\d*(?:[GjklhwbeWBE$^0{}()%nN*#;,xXDJpPu~.|\s]|g[gjkeE_]|z[ztb.\-]|[fFtTr].|d[dwbeWB$0jkG]|y[yw$])|\d*[AaIiOoSsC](?![^]*<(?:[Ee][Ss][Cc]|[Cc]-|[Cc][Rr]|[Nn][Ll]|[Nn][Uu][Ll])>)[^\x00-\x1f\x7f]*$)*$/;
/** Whether :normal keys only move, change text in place or insert literal text (`0i// see`, `G`, `A (fixes #12)`). */
export const plainKeys = (keys: string): boolean => PLAIN_KEYS.test(keys);
// Functions a `:call` may make that only move the cursor or set buffer text.
const PLAIN_CALL = /^cal(?:l)?\s+(?:cursor|setpos|search|setline|append|histdel)\s*\(\s*[\w\s,'".^$#:-]*\)\s*$/;
// Commands that only move, search, show, edit the buffer's text, start insert mode, or save and quit.
const PLAIN_NAME = /^(?:(?:setf(?:i(?:l(?:e(?:t(?:y(?:p(?:e)?)?)?)?)?)?)?|filet(?:ype)?|syn(?:t(?:a(?:x)?)?)?|colo(?:r(?:s(?:c(?:h(?:e(?:m(?:e)?)?)?)?)?)?)?|Man|MANPAGER)!?(?:\s+[\w.() -]*)?|noh(?:l(?:s(?:e(?:a(?:r(?:c(?:h)?)?)?)?)?)?)?|redr(?:a(?:w)?)?!?|startinsert!?|startreplace!?|startgreplace!?|stopi(?:n(?:s(?:e(?:r(?:t)?)?)?)?)?|d(?:e(?:l(?:e(?:t(?:e)?)?)?)?)?(?:\s+\w*)?|[<>]+|j(?:o(?:i(?:n)?)?)?!?(?:\s+\d+)?|(?:m(?:o(?:v(?:e)?)?)?|t|co(?:p(?:y)?)?)\s*[\d.$'+-]*|le(?:f(?:t)?)?(?:\s+\d+)?|ri(?:g(?:h(?:t)?)?)?(?:\s+\d+)?|ce(?:n(?:t(?:e(?:r)?)?)?)?(?:\s+\d+)?|y(?:a(?:n(?:k)?)?)?(?:\s+\w*)?|u(?:n(?:d(?:o)?)?)?|red(?:o)?|p(?:r(?:i(?:n(?:t)?)?)?)?|nu(?:m(?:b(?:e(?:r)?)?)?)?|#|l(?:i(?:s(?:t)?)?)?|z[-+.^=]?\d*|=|sor(?:t)?!?(?:\s+[a-z]*)?(?:\s*\/(?:[^/\\]|\\.)*\/)?(?:\s+[a-z]*)?|ret(?:a(?:b)?)?!?(?:\s+\d+)?|go(?:t(?:o)?)?(?:\s+\d+)?|k\s*[a-z]|ma(?:r(?:k)?)?\s+[a-z]|(?:w|wq|x|xi|xit|q|qu|quit|wa|wall|qa|qall|wqa|wqall|xa|xall|up|update|exi|exit)!?)\s*$/;

// :global and :vglobal, with the pattern between any delimiter, then the command it runs on each matching line.
const GLOBAL = /^(?:g(?:l(?:o(?:b(?:a(?:l)?)?)?)?)?!?|v(?:g(?:l(?:o(?:b(?:a(?:l)?)?)?)?)?)?)\s*([^\w\s\\"|])((?:\\.|(?!\1)[^\\])*)\1?(.*)$/s;
/** The command a :global runs (its default, :p, as an empty line), or none for any other command. */
export function exGlobal(text: string): string[] {
  const m = GLOBAL.exec(exRange(text).command);
  return m ? [m[3]!] : [];
}

/** Whether one Ex command (range included) runs no program, loads no code and writes no file but the one edited. */
function plainCommand(text: string): boolean {
  const { command } = exRange(text);
  if (command === '' || PLAIN_NAME.test(command) || PLAIN_CALL.test(command)) return true;
  const set = /^(?:se|set|setl|setlocal|setg|setglobal)(?:\s+(.*))?$/s.exec(command);
  if (set) return plainSet(set[1] ?? '');
  // (:s with any delimiter — s#a#b#g, &&, ~ — edits text; not a `\=` replacement, which evaluates an expression.)
  const sub = /^(?:s(?:u(?:b(?:s(?:t(?:i(?:t(?:u(?:t(?:e)?)?)?)?)?)?)?)?)?(?=[^\w\s\\"|]|$)|&&?|~)(.*)$/s.exec(command);
  if (sub) return !/\\=/.test(sub[1]!);
  // (:global/:vglobal runs its command — by default :p — on each line it matches.)
  if (GLOBAL.test(command)) return exGlobal(text).every(plainEx);
  const keys = /^norm(?:a(?:l)?)?!?\s+(.*)$/s.exec(command);
  return keys !== null && PLAIN_KEYS.test(keys[1]!);
}

/** Whether an Ex line (-c CMD, +CMD, --cmd CMD) only moves, searches, sets display options, edits the buffer's text or
 *  saves and quits (+42, +/TODO, -c 'set tw=72', -c '%s#^pick#fixup#', -c 'normal! G'): no program runs. */
export const plainEx = (text: string): boolean => exCommands(text).every(plainCommand);

/** What vim's (and neovim's) start-up options ask of it: Ex commands (-c, --cmd, +CMD), script files (-S, -s, -u, -U, nvim -l),
 *  files written (-W, -w, -V, -i, --startuptime) and options that let another process drive it (--remote-*, --listen). */
export interface VimArgs {
  commands: string[];
  scripts: { flag: string; file: string }[];
  writes: { flag: string; file: string }[];
  control: string[];
  operands: string[];
}

/** Reads vim's options as vim does: letters cluster (-Nu FILE, -ZS FILE, -es), a letter that takes a value takes the next
 *  word, `-s` after -e/-E (or in ex) is silent mode rather than a script, and nvim's -l hands every later word to its script. */
export function vimArgs(prog: string, args: readonly string[]): VimArgs {
  const out: VimArgs = { commands: [], scripts: [], writes: [], control: [], operands: [] };
  const nvim = /^nvim/.test(prog);
  let exMode = /^ex$/.test(prog);
  let opts = true;
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    const next = () => args[++k] ?? '';
    if (!opts || a === '-' || !/^[-+]/.test(a)) { out.operands.push(a); continue; }
    if (a === '--') { opts = false; continue; }
    if (a.startsWith('+')) { out.commands.push(a.length === 1 ? '$' : a.slice(1)); continue; }
    if (a.startsWith('--')) {
      const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      if (name === '--cmd') out.commands.push(inline ?? next());
      else if (name === '--startuptime') out.writes.push({ flag: name, file: inline ?? next() });
      else if (/^--(remote|listen|server)/.test(name)) out.control.push(name);
      continue;
    }
    // A cluster of letters: the first one that takes a value takes the word after it (vim rejects text attached to it).
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (c === 'e' || c === 'E') exMode = true;
      else if (c === 'c') out.commands.push(next());
      else if (c === 'u' || c === 'U' || c === 'S') out.scripts.push({ flag: c, file: c === 'S' && /^-/.test(args[k + 1] ?? '-') ? 'Session.vim' : next() });
      else if (c === 's' && !exMode) out.scripts.push({ flag: c, file: next() });
      else if (c === 'l' && nvim) { out.scripts.push({ flag: c, file: next() }); return out; }
      else if (c === 'W' || (c === 'w' && !/\d/.test(a[j + 1] ?? ''))) out.writes.push({ flag: c, file: next() });
      else if (c === 'V') { const f = a.slice(j + 1).replace(/^\d+/, ''); if (f !== '') out.writes.push({ flag: c, file: f }); }
      else if (c === 'i') { const f = next(); if (f !== 'NONE') out.writes.push({ flag: c, file: f }); }
      // (-T TERM, -t TAG, -q ERRORFILE: a value that runs nothing.)
      else if (c === 'T' || c === 't' || c === 'q') next();
      else continue;
      break;
    }
  }
  return out;
}

/** The shell text of an Ex line's `!` commands — :!cmd, :%!cmd (a filter), :r !cmd, :w !cmd (fed the lines) — behind any
 *  range, modifier or :global (`:w! F` forces a write: no command). */
export function exShell(text: string): string[] {
  return exCommands(text).flatMap((c) => {
    const { command } = exRange(c);
    const inner = exGlobal(c);
    if (inner.length) return inner.flatMap(exShell);
    const bang = /^(?:r(?:e(?:a(?:d)?)?)?\s*|w(?:r(?:i(?:t(?:e)?)?)?)?\s+)?!(.*)$/s.exec(command);
    return bang && bang[1]!.trim() !== '' ? [bang[1]!] : [];
  });
}
