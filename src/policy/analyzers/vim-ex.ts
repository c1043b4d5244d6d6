// Vim's Ex command lines and start-up options, read once for the settings check (runsCommands), the option rows
// (command-options) and the line judge. A range is addresses — line numbers, `.`, `$`, `%`, marks ('a, '<), searches
// (/re/, ?re?, \/, \?, \&) — each with +N/-N offsets, joined by `,` or `;`: whatever it selects, the command after it
// is what runs (`/x/w !sh` feeds a line to sh as `w !sh` does).

// Modifiers that change nothing of what the command after them does (silent!, keepalt, noautocmd, vertical, 100verbose,
// filter[!] /re/ — which only hides output lines —, sandbox, browse …).
export const MODIFIERS = /^(?:(?:sil(?:ent)?!?|keepa(?:lt)?|keepj(?:umps)?|keepm(?:arks)?|keepp(?:atterns)?|noa(?:utocmd)?|conf(?:irm)?|loc(?:kmarks)?|uns(?:ilent)?|vert(?:ical)?|hor(?:izontal)?|\d*tab|abo(?:veleft)?|bel(?:owright)?|to(?:pleft)?|bo(?:tright)?|hid(?:e)?|lefta(?:bove)?|rightb(?:elow)?|nos(?:wapfile)?|\d*verb(?:o(?:s(?:e)?)?)?|san(?:d(?:b(?:o(?:x)?)?)?)?|bro(?:w(?:s(?:e)?)?)?|leg(?:a(?:c(?:y)?)?)?|vim9(?:c(?:m(?:d)?)?)?|filt(?:e(?:r)?)?!?\s*(?:([^\w\s\\"|])(?:\\.|(?!\1)[^\\])*\1|\S+))\s+)+/;
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
  // (`++opt` words after the command name — :w ++bin !cmd, :r ++edit !cmd, :e ++enc=x F — only say how the file is read or
  // written: dropped, so the `!` or the file behind them is what readers see.)
  const command = rest.slice(mods2.length).replace(/^([a-zA-Z]+!?)((?:\s+\+\+[\w-]+(?:=\S*)?)+)(?=\s|$)/, '$1');
  return { lead: lead + mods, range, command };
}

/** The same command with its range written plainly (searches and marks as `.`), so readers of `[%.$\d,;+-]*` ranges see it. */
export function plainRange(text: string): string {
  const { range, command } = exRange(text);
  const simple = range.replace(/\\[/?&]|\/(?:[^/\\]|\\.)*(?:\/|$)|\?(?:[^?\\]|\\.)*(?:\?|$)|'./g, '.').replace(/\s+/g, '');
  return `${simple}${command}`;
}

// Commands that take the rest of the line, `|` included (:global, :normal, a `!` command and the like).
const TAKES_BAR = /^(?:g(?:l(?:o(?:b(?:a(?:l)?)?)?)?)?!?\s*[^\w\s]|v(?:g(?:l(?:o(?:b(?:a(?:l)?)?)?)?)?)?\s*[^\w\s]|norm(?:a(?:l)?)?\b|(?:r(?:e(?:a(?:d)?)?)?|w(?:r(?:i(?:t(?:e)?)?)?)?)?\s*!|(?:windo|bufdo|argdo|tabdo|cdo|cfdo|ldo|lfdo|au(?:t(?:o(?:c(?:m(?:d)?)?)?)?)?|com(?:m(?:a(?:n(?:d)?)?)?)?|exe(?:c(?:ute)?)?|lua|py3?|python3?|pyx|perl|rub(?:y)?|tcl|ter(?:m(?:i(?:n(?:a(?:l)?)?)?)?)?|mak(?:e)?|fu(?:n(?:c(?:t(?:i(?:o(?:n)?)?)?)?)?)?)\b)/;

// Mappings and abbreviations: their right-hand side is keys typed later (`nnoremap x :!cmd<CR>` then `norm x`).
const MAPPING = /^(?:[nvxsoilct]?(?:no(?:r(?:e(?:m(?:a(?:p)?)?)?)?)?|map)|[nvxsoilct](?:m(?:a(?:p)?)?|n(?:o(?:r(?:e(?:m(?:a(?:p)?)?)?)?)?)?)|[ic]?(?:nore)?ab(?:b(?:r(?:e(?:v(?:i(?:a(?:t(?:e)?)?)?)?)?)?)?)?|[ic]?norea(?:b(?:b(?:r(?:e(?:v)?)?)?)?)?)!?(?:\s+(?:<(?:buffer|silent|expr|nowait|unique|script|special)>\s*)*(\S+)(?:\s+(.*))?)?\s*$/is;
/** The Ex command lines a mapping's keys type (`:CMD<CR>`, `<Cmd>CMD<CR>`), and its keys with those taken out. */
function mappingKeys(rhs: string): { ex: string[]; keys: string } {
  const ex: string[] = [];
  const keys = rhs.replace(/(?::|<Cmd>)((?:(?!<CR>|<Enter>|<Return>|\\r|\r|\n)[^])*)(?:<CR>|<Enter>|<Return>|\\r|\r|\n|$)/gi, (_m, c: string) => { ex.push(c); return ''; });
  return { ex, keys };
}
// autocmd event names (a first word that is not one is the group's name).
const AU_EVENT = /^(?:\*|(?:Buf|File|Vim|Win|Tab|Cmd|Cursor|Insert|Text|User|Focus|Term|Quit|Shell|Source|Swap|Color|Complete|Diff|Encoding|Filter|Func|GUI|Menu|Mode|Option|Remote|Safe|Session|Signal|Spell|Std|Syntax|Chan|Dir|Exit|Recording|Search|UI|Lsp|Diagnostic|Key|Progress|Any)\w*)(?:,\w+)*$/i;
/** The command a command runs in its turn: :bufdo/:windo/:tabdo/:argdo/:cdo/:cfdo/:ldo/:lfdo CMD, :autocmd [GROUP] EVENT PAT
 *  [++once] [++nested] CMD, :command [-attr]… NAME CMD (run when NAME is); undefined for any other command. */
export function exBody(command: string): string | undefined {
  const loop = /^(?:windo|bufdo|argdo|tabdo|cdo|cfdo|ldo|lfdo)!?\s+(.*)$/s.exec(command);
  if (loop) return loop[1];
  const au = /^au(?:t(?:o(?:c(?:m(?:d)?)?)?)?)?!?\s+(.*)$/s.exec(command);
  if (au) {
    const w = au[1]!.split(/\s+/);
    const skip = AU_EVENT.test(w[0] ?? '') ? 2 : 3;
    let rest = au[1]!.replace(new RegExp(`^(?:\\S+\\s+){0,${skip - 1}}\\S+\\s*`), '');
    rest = rest.replace(/^(?:(?:\+\+once|\+\+nested|nested)\s+)+/, '');
    return rest;
  }
  const com = /^com(?:m(?:a(?:n(?:d)?)?)?)?!?\s+((?:-\S+\s+)*)[A-Z]\w*\s+(.*)$/s.exec(command);
  if (com) return com[2];
  return undefined;
}

/** The commands of an Ex line, split at each `|` that ends one (not `\|`, nor a bar a command takes as its text); a command
 *  that runs another (:bufdo, :autocmd, :command, a mapping's `:CMD<CR>`) is followed by the commands it runs. */
export function exCommands(text: string): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest !== '') {
    // (A bar inside the range's search is the pattern's: `+/TODO|FIXME` is one search.)
    const { command } = exRange(rest);
    const head = rest.length - command.length;
    if (TAKES_BAR.test(command)) {
      out.push(rest);
      const body = exBody(command);
      if (body !== undefined) out.push(...exCommands(body));
      break;
    }
    // (…nor one inside a backtick file name, a command vim runs: `:e `git ls-files | head -1``.)
    const body = /^(?:[^|\\`]|\\.|`[^`]*`|`)*/.exec(command)![0];
    out.push(rest.slice(0, head + body.length));
    // (…a mapping's keys up to the bar, typed when its key is: the Ex commands they type follow it.)
    const map = MAPPING.exec(body);
    if (map) for (const e of mappingKeys(map[2] ?? '').ex) out.push(...exCommands(e));
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
const PLAIN_NAME = /^(?:(?:setf(?:i(?:l(?:e(?:t(?:y(?:p(?:e)?)?)?)?)?)?)?|filet(?:ype)?|syn(?:t(?:a(?:x)?)?)?|colo(?:r(?:s(?:c(?:h(?:e(?:m(?:e)?)?)?)?)?)?)?|Man|MANPAGER)!?(?:\s+[\w.() -]*)?|noh(?:l(?:s(?:e(?:a(?:r(?:c(?:h)?)?)?)?)?)?)?|redr(?:a(?:w)?)?!?|startinsert!?|startreplace!?|startgreplace!?|stopi(?:n(?:s(?:e(?:r(?:t)?)?)?)?)?|d(?:e(?:l(?:e(?:t(?:e)?)?)?)?)?(?:\s+\w*)?|[<>]+|j(?:o(?:i(?:n)?)?)?!?(?:\s+\d+)?|(?:m(?:o(?:v(?:e)?)?)?|t|co(?:p(?:y)?)?)\s*[\d.$'+-]*|le(?:f(?:t)?)?(?:\s+\d+)?|ri(?:g(?:h(?:t)?)?)?(?:\s+\d+)?|ce(?:n(?:t(?:e(?:r)?)?)?)?(?:\s+\d+)?|y(?:a(?:n(?:k)?)?)?(?:\s+\w*)?|u(?:n(?:d(?:o)?)?)?|red(?:o)?|p(?:r(?:i(?:n(?:t)?)?)?)?|nu(?:m(?:b(?:e(?:r)?)?)?)?|#|l(?:i(?:s(?:t)?)?)?|z[-+.^=]?\d*|=|sor(?:t)?!?(?:\s+[a-z]*)?(?:\s*\/(?:[^/\\]|\\.)*\/)?(?:\s+[a-z]*)?|ret(?:a(?:b)?)?!?(?:\s+\d+)?|go(?:t(?:o)?)?(?:\s+\d+)?|k\s*[a-z]|ma(?:r(?:k)?)?\s+[a-z]|(?:w|wq|x|xi|xit|q|qu|quit|wa|wall|qa|qall|wqa|wqall|xa|xall|up|update|exi|exit)!?|(?:a(?:p(?:p(?:e(?:n(?:d)?)?)?)?)?|i(?:n(?:s(?:e(?:r(?:t)?)?)?)?)?|c(?:h(?:a(?:n(?:g(?:e)?)?)?)?)?)!?)\s*$/;

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
  if (keys !== null) return PLAIN_KEYS.test(keys[1]!);
  // (:bufdo, :autocmd, :command: what they run follows them in exCommands, judged there; a mapping, by the keys it types.)
  if (exBody(command) !== undefined) return true;
  const map = MAPPING.exec(command);
  return map !== null && PLAIN_KEYS.test(mappingKeys(map[2] ?? '').keys);
}

/** `abbr` spelled at any length vim accepts: ex('e', 'dit') is e, ed, edi, edit. */
const abbr = (min: string, rest: string): string => min + [...rest].reduceRight((acc, c) => `(?:${c}${acc})?`, '');
// Commands the editor's judge reads elsewhere (files opened, read and written, code run or sourced, options set, values
// echoed, windows and quickfix lists moved through, script structure): not plain, but modelled. Any other lower-case
// command is one Rampart has no model of. (A capitalised one is a user command from the user's own plugins — :PlugInstall,
// :Lazy sync, :TSUpdate — unless this line defines it, when its body is judged.)
const MODELLED = new RegExp(`^(?:${[
  ['e', 'dit'], ['ene', 'w'], ['sp', 'lit'], ['vs', 'plit'], ['new', ''], ['vne', 'w'], ['tabe', 'dit'], ['tabnew', ''], ['bad', 'd'], ['arga', 'dd'], ['argd', 'elete'],
  ['ar', 'gs'], ['argl', 'ocal'], ['argg', 'lobal'], ['n', 'ext'], ['N', 'ext'], ['prev', 'ious'], ['fir', 'st'], ['la', 'st'], ['rew', 'ind'], ['fin', 'd'], ['sv', 'iew'], ['vie', 'w'],
  ['dr', 'op'], ['b', 'uffer'], ['bn', 'ext'], ['bp', 'revious'], ['bN', 'ext'], ['bd', 'elete'], ['bw', 'ipeout'], ['bun', 'load'], ['sb', 'uffer'], ['ba', 'll'],
  ['r', 'ead'], ['w', 'rite'], ['wq', ''], ['x', 'it'], ['exi', 't'], ['sav', 'eas'], ['up', 'date'], ['wn', 'ext'], ['wN', 'ext'], ['wp', 'revious'], ['wa', 'll'], ['wqa', 'll'], ['xa', 'll'],
  ['mks', 'ession'], ['mkv', 'imrc'], ['mkvie', 'w'], ['mk', 'exrc'], ['wv', 'iminfo'], ['wsh', 'ada'], ['rv', 'iminfo'], ['rsh', 'ada'], ['wu', 'ndo'], ['rund', 'o'], ['redi', 'r'],
  ['cd', ''], ['chd', 'ir'], ['lc', 'd'], ['lch', 'dir'], ['tc', 'd'], ['tch', 'dir'], ['pw', 'd'], ['f', 'ile'],
  ['lua', ''], ['luad', 'o'], ['luaf', 'ile'], ['py', 'thon'], ['py3', ''], ['python3', ''], ['pyx', ''], ['pythonx', ''], ['pyd', 'o'], ['py3d', 'o'], ['pyxd', 'o'], ['pyf', 'ile'],
  ['py3f', 'ile'], ['pyxf', 'ile'], ['pe', 'rl'], ['perld', 'o'], ['rub', 'y'], ['rubyd', 'o'], ['rubyf', 'ile'],
  ['so', 'urce'], ['ru', 'ntime'], ['pa', 'ckadd'], ['packl', 'oadall'], ['se', 't'], ['setl', 'ocal'], ['setg', 'lobal'],
  ['ec', 'ho'], ['echom', 'sg'], ['echon', ''], ['echoe', 'rr'], ['echow', 'indow'], ['cal', 'l'], ['let', ''], ['unl', 'et'], ['cons', 't'],
  ['helpt', 'ags'], ['checkh', 'ealth'], ['scr', 'iptnames'], ['sl', 'eep'], ['mes', 'sages'], ['ve', 'rsion'], ['h', 'elp'], ['hi', 'ghlight'], ['lan', 'guage'],
  ['q', 'uit'], ['qa', 'll'], ['quita', 'll'], ['cq', 'uit'], ['clo', 'se'], ['on', 'ly'], ['hid', 'e'], ['res', 'ize'], ['winc', 'md'], ['tabc', 'lose'], ['tabo', 'nly'],
  ['tabn', 'ext'], ['tabp', 'revious'], ['tabN', 'ext'], ['tabf', 'ind'], ['sf', 'ind'], ['vert', 'ical'],
  ['mak', 'e'], ['gr', 'ep'], ['lmak', 'e'], ['lgr', 'ep'], ['grepa', 'dd'], ['vim', 'grep'], ['lv', 'imgrep'], ['vimgrepa', 'dd'], ['ter', 'minal'],
  ['exe', 'cute'], ['norm', 'al'], ['doau', 'tocmd'], ['doautoa', 'll'], ['aug', 'roup'],
  ['diffu', 'pdate'], ['difft', 'his'], ['diffg', 'et'], ['diffpu', 't'], ['diffo', 'ff'], ['diffs', 'plit'],
  ['cope', 'n'], ['ccl', 'ose'], ['cn', 'ext'], ['cp', 'revious'], ['cN', 'ext'], ['cw', 'indow'], ['cf', 'ile'], ['cg', 'etfile'], ['cb', 'uffer'], ['cex', 'pr'],
  ['lope', 'n'], ['lcl', 'ose'], ['lne', 'xt'], ['lp', 'revious'], ['cfir', 'st'], ['cla', 'st'], ['cc', ''], ['ll', ''],
  ['pu', 't'], ['delm', 'arks'], ['marks', ''], ['ju', 'mps'], ['reg', 'isters'], ['di', 'splay'], ['ls', ''], ['buffers', ''], ['files', ''],
  ['if', ''], ['en', 'dif'], ['el', 'se'], ['elsei', 'f'], ['for', ''], ['endfo', 'r'], ['wh', 'ile'], ['endw', 'hile'], ['try', ''], ['endt', 'ry'],
  ['cat', 'ch'], ['fina', 'lly'], ['retu', 'rn'], ['brea', 'k'], ['con', 'tinue'], ['earlier', ''], ['lat', 'er'], ['undoj', 'oin'], ['fo', 'ld'],
  ['foldo', 'pen'], ['foldc', 'lose'], ['ab', 'breviate'], ['filt', 'er'], ['sil', 'ent'],
].map(([m, r]) => abbr(m!, r!)).join('|')})(?![a-zA-Z])`);

/** The commands of an Ex line that run something Rampart has no model of: not plain, not one the editor's judge reads
 *  elsewhere, not a user command from the user's plugins (`:foo`, `:filetype … | …` pass only when modelled). */
export function exUnmodelled(text: string): string[] {
  return exCommands(text).filter((c) => {
    const { command } = exRange(c);
    if (plainCommand(c) || !/^[a-z]/.test(command)) return false;
    // (:global and :vglobal: by the command they run on each line.)
    if (GLOBAL.test(command)) return exGlobal(c).some((i) => exUnmodelled(i).length > 0);
    return !MODELLED.test(command);
  });
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
      // (-cCMD: vim refuses text attached to -c; read as the command it spells, the stricter reading.)
      else if (c === 'c') out.commands.push(j + 1 < a.length ? a.slice(j + 1) : next());
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
