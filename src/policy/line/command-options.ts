// Options (and variables) through which ordinary tools run shell text: tar --to-command, make
// --eval, gdb -ex '!…', sqlite3 '.shell …', vim -c '!…', emacs --eval, less's LESSOPEN, strace
// -o '|…', man -P, psql '\!'. Capabilities as data: one row per tool. What they run is judged as
// a command line; code the judge cannot read is reported as opaque.

export interface RunsFound {
  /** Shell command lines the tool will run. */
  lines: string[];
  /** It runs programs (or deletes files) in ways not written as a shell line (vim system(), elisp). */
  spawns: string[];
  /** What it runs comes from somewhere the judge cannot read (a makefile on stdin). */
  unreadable: string[];
}

/** A value that is shell text once a prefix is stripped (`!cmd`, `shell cmd`, `|cmd`). */
const shellAfter = (re: RegExp) => (v: string): string | undefined => re.exec(v)?.[1];

/** sqlite3 dot-commands that run a program: .shell/.system CMD, and .once/.output/.read/.import '|CMD'. */
function sqliteShell(text: string): string | undefined {
  const lines: string[] = [];
  for (const l of text.split('\n')) {
    const direct = /^\s*\.(?:shell|system)\s+(.*)$/s.exec(l);
    if (direct) lines.push(direct[1]!);
    const piped = /^\s*\.(?:once|output|read|import|log)\s+(?:-\S+\s+)*(['"]?)\|(.*?)\1(\s+\S+)?\s*$/s.exec(l);
    if (piped) lines.push(piped[2]!.replace(/\\"/g, '"'));
  }
  return lines.length ? lines.join('\n') : undefined;
}

interface Row {
  /** Option names (exact, or `--name=`) whose value is inspected. */
  opts: RegExp;
  /** Turns the value into a shell line, or undefined when it runs none. */
  shell?: (v: string) => string | undefined;
  /** The value is code in a language the judge does not read: anything there is opaque. */
  opaque?: string;
}

const ROWS: Record<string, Row[]> = {
  tar: [
    { opts: /^--(to-command|use-compress-program|info-script|new-volume-script|rsh-command)$|^-[IF]$/, shell: (v) => v },
    { opts: /^--checkpoint-action$/, shell: shellAfter(/^(?:exec|sleep)?=?(.*)$/s) },
  ],
  zip: [{ opts: /^(-TT|--unzip-command)$/, shell: (v) => v }],
  make: [{ opts: /^(--eval|-E)$/, shell: (v) => makeRecipes(v).join('\n') }],
  gmake: [{ opts: /^(--eval|-E)$/, shell: (v) => makeRecipes(v).join('\n') }],
  gdb: [
    { opts: /^(-ex|--ex|-iex|--eval-command|--init-eval-command)$/, shell: shellAfter(/^\s*(?:!|shell\s+)(.*)$/s) },
    { opts: /^(-ex|--ex|-iex|--eval-command|--init-eval-command)$/, opaque: 'gdb runs python or pipe commands' },
  ],
  sqlite3: [{ opts: /^[^-]/, shell: sqliteShell }],
  psql: [
    { opts: /^(-c|--command)$/, shell: shellAfter(/^\s*\\(?:!|o\s*\|)\s*(.*)$/s) },
    // -o '|cmd' / -L '|cmd': query output piped into a command.
    { opts: /^(-o|--output|-L|--log-file)$/, shell: shellAfter(/^\s*\|(.*)$/s) },
  ],
  lldb: [{ opts: /^(-o|--one-line|-O|--one-line-before-file|-k|--one-line-on-crash|-K|--source-on-crash)$/, shell: shellAfter(/^\s*(?:platform\s+shell|shell)\s+(.*)$/s) },
    { opts: /^(-o|--one-line|-O|--one-line-before-file|-k|--one-line-on-crash)$/, opaque: 'lldb runs script or shell commands' }],
  mysql: [{ opts: /^(-e|--execute)$/, shell: shellAfter(/^\s*(?:system|\\!)\s+(.*)$/s) }],
  vim: [{ opts: /^(-[a-zA-Z]*c|--cmd|\+.*)$/, shell: shellAfter(/^:?\s*(?:silent!?\s*)?!(.*)$/s) }],
  man: [{ opts: /^(-P|--pager|-H|--html)$/, shell: (v) => v }],
  strace: [{ opts: /^(-o|--output)$/, shell: shellAfter(/^\s*[|!](.*)$/s) }],
  ltrace: [{ opts: /^(-o|--output)$/, shell: shellAfter(/^\s*[|!](.*)$/s) }],
  rsync: [{ opts: /^--rsync-path$/, shell: (v) => v }],
  emacs: [{ opts: /^(--eval|-eval|--exec)$/, shell: (v) => [...v.matchAll(/\(shell-command(?:-to-string)?\s+"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!).join('\n') || undefined }],
};
for (const v of ['vi', 'nvim', 'ex', 'view', 'vimdiff', 'rvim']) ROWS[v] = ROWS.vim!;
/** Recipe lines of makefile text: after `target: deps ;` and on tab-indented lines. */
function makeRecipes(text: string): string[] {
  const out: string[] = [];
  for (const l of text.split('\n')) {
    if (l.startsWith('\t')) out.push(l.slice(1).replace(/^[@+-]+/, ''));
    else {
      const m = /^[^:=#]+::?[^;=]*;(.*)$/.exec(l);
      if (m) out.push(m[1]!.replace(/^\s*[@+-]+/, ''));
    }
  }
  return out.filter((l) => l.trim() !== '');
}

/** elisp that runs programs or deletes files without a readable shell string. */
const ELISP_EXEC = /\((call-process|start-process|make-process|process-file|shell-command|async-shell-command|delete-directory|delete-file|eshell-command)\b/;

/** vim commands that run programs without a leading `!`. */
const VIM_EXEC = /\b(system|systemlist|jobstart|termopen|libcall)\s*\(|\blua\b|\bpy(thon)?3?\b|\bperl\b|\bruby\b|\bterminal\b|\bshell\b|\bcall\s+delete\s*\(/;

/** Variables that make a tool run shell text (LESSOPEN='|cmd %s', PAGER, MANPAGER, MAKEFLAGS). */
const ENV_ROWS: [RegExp, string, (v: string) => string | undefined][] = [
  [/^(less|more|man|git|view|bat|batcat)$/, 'LESSOPEN', (v) => v.replace(/^\|\|?-?/, '').replace(/%s/g, 'FILE')],
  [/^(less|more|man|git|view|bat|batcat)$/, 'LESSCLOSE', (v) => v.replace(/%s/g, 'FILE')],
  [/^(man|git|psql|mysql|systemctl|journalctl)$/, 'PAGER', (v) => v],
  [/^man$/, 'MANPAGER', (v) => v],
];

/** What a tool will run through its options, its stdin script or its environment. */
export function commandOptions(tool: string, args: readonly string[], env: Readonly<Record<string, string | undefined>>, stdinText?: string): RunsFound {
  const out: RunsFound = { lines: [], spawns: [], unreadable: [] };
  const rows = ROWS[tool] ?? [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    for (const row of rows) {
      let value: string | undefined;
      if (row.opts.source === '^[^-]') value = a.startsWith('-') ? undefined : a; // operands
      else if (row.opts.test(a)) value = a.startsWith('+') ? a.slice(1) : args[i + 1];
      else {
        const eq = a.indexOf('=');
        if (eq > 0 && row.opts.test(a.slice(0, eq))) value = a.slice(eq + 1);
        else if (/^-[A-Z]$/.test(a.slice(0, 2)) && row.opts.test(a.slice(0, 2)) && a.length > 2) value = a.slice(2);
      }
      if (value === undefined) continue;
      if (row.opaque) {
        if ((tool !== 'gdb' || /^\s*(python|pipe|\||source)/.test(value)) && (tool !== 'lldb' || /^\s*script\b/.test(value))) out.spawns.push(row.opaque);
        continue;
      }
      const line = row.shell?.(value);
      if (line !== undefined && line.trim() !== '') out.lines.push(line);
      if (ROWS.vim === rows && VIM_EXEC.test(value)) out.spawns.push(`${tool} runs a program or deletes files through its commands`);
      if (tool === 'emacs' && ELISP_EXEC.test(value) && !/^\((shell-command)/.test(value.trim())) out.spawns.push('emacs elisp runs programs or deletes files');
    }
  }
  // sqlite3 and friends read their commands from stdin too; ed's `!cmd`, `r !cmd`, `w !cmd` run commands.
  if (stdinText !== undefined && (tool === 'sqlite3' || tool === 'psql' || tool === 'mysql')) {
    for (const l of stdinText.split('\n')) {
      const m = /^\s*(?:\.(?:shell|system)|\\!|\\o\s*\||system)\s+(.*)$/.exec(l);
      if (m) out.lines.push(m[1]!);
    }
    const piped = tool === 'sqlite3' ? sqliteShell(stdinText) : undefined;
    if (piped) out.lines.push(piped);
  }
  if (stdinText !== undefined && (tool === 'ed' || tool === 'red')) {
    for (const l of stdinText.split('\n')) {
      const m = /^\s*[0-9,.$;'a-z+-]*\s*[erw]?\s*!(.*)$/.exec(l);
      if (m) out.lines.push(m[1]!);
    }
  }
  // fd -x/-X CMD: runs CMD on what it finds under its search paths (like find -exec).
  if (tool === 'fd' || tool === 'fdfind') {
    const k = args.findIndex((a) => /^(-x|--exec|-X|--exec-batch)$/.test(a));
    if (k >= 0) {
      const cmd = args.slice(k + 1);
      const end = cmd.indexOf(';');
      const words = end >= 0 ? cmd.slice(0, end) : cmd;
      const valued = /^(-e|--extension|-t|--type|-d|--max-depth|--min-depth|-E|--exclude|-S|--size|--changed-within|--changed-before|-o|--owner|-j|--threads|--base-directory|--search-path|-c|--color)$/;
      const ops = args.slice(0, k).filter((a, j) => !a.startsWith('-') && !valued.test(args[j - 1] ?? ''));
      const dirs = ops.slice(1).length ? ops.slice(1) : ['.'];
      const q = (w: string) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);
      for (const d of dirs) {
        const found = `${d.replace(/\/+$/, '')}/FOUND`;
        out.lines.push(words.some((w) => w.includes('{}')) ? words.map((w) => q(w.replace(/\{\}/g, found))).join(' ') : [...words.map(q), found].join(' '));
      }
    }
  }
  if (stdinText !== undefined && ROWS.vim === rows && /(^|\n)\s*:?\s*!|\bsystem\s*\(/.test(stdinText)) out.spawns.push(`${tool} runs commands it reads from stdin`);
  if ((tool === 'make' || tool === 'gmake') && env.MAKEFLAGS) {
    const ev = /(?:--eval=|-E\s*)(.*)$/s.exec(env.MAKEFLAGS);
    if (ev) out.lines.push(...makeRecipes(ev[1]!));
  }
  if ((tool === 'make' || tool === 'gmake') && args.some((a, k) => (a === '-f' || a === '--file') && /^(-|\/dev\/stdin|\/dev\/fd\/\d+)$/.test(args[k + 1] ?? ''))) {
    if (stdinText !== undefined) out.lines.push(...makeRecipes(stdinText));
    else out.unreadable.push('make reads its makefile from stdin');
  }
  for (const [tools, name, toLine] of ENV_ROWS) {
    const v = env[name];
    if (v && tools.test(tool)) {
      const line = toLine(v);
      if (line && line.trim()) out.lines.push(line);
    }
  }
  return out;
}
