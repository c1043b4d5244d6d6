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
  sqlite3: [{ opts: /^[^-]/, shell: shellAfter(/^\s*\.(?:shell|system)\s+(.*)$/s) }],
  psql: [{ opts: /^(-c|--command)$/, shell: shellAfter(/^\s*\\!\s*(.*)$/s) }],
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
        if (tool !== 'gdb' || /^\s*(python|pipe|\||source)/.test(value)) out.spawns.push(row.opaque);
        continue;
      }
      const line = row.shell?.(value);
      if (line !== undefined && line.trim() !== '') out.lines.push(line);
      if (ROWS.vim === rows && VIM_EXEC.test(value)) out.spawns.push(`${tool} runs a program or deletes files through its commands`);
      if (tool === 'emacs' && ELISP_EXEC.test(value) && !/^\((shell-command)/.test(value.trim())) out.spawns.push('emacs elisp runs programs or deletes files');
    }
  }
  // sqlite3 and friends read their commands from stdin too.
  if (stdinText !== undefined && (tool === 'sqlite3' || tool === 'psql' || tool === 'mysql')) {
    for (const l of stdinText.split('\n')) {
      const m = /^\s*(?:\.(?:shell|system)|\\!|system)\s+(.*)$/.exec(l);
      if (m) out.lines.push(m[1]!);
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
