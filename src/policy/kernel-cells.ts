// What a local Jupyter/IPython kernel's cell runs on this machine: its Python, and the shell lines and file writes IPython's
// magics make of it. A magic Rampart does not know the effect of makes the cell not understood (asked), as code was before.

/** A shell word for a literal text. */
const quote = (w: string): string => `'${w.replace(/'/g, `'\\''`)}'`;

/** A path IPython was given (%cd, %%writefile): quotes around it stripped, `~` expanded as IPython does. */
function ipyPath(raw: string): string {
  const p = /^(['"])(.*)\1$/.exec(raw)?.[2] ?? raw;
  return p === '~' ? '~' : p.startsWith('~/') ? `~/${quote(p.slice(2))}` : quote(p);
}

/** Cell magics whose body runs as a cell of its own (timed, captured, profiled): the body is read as a cell. */
const CELL_WRAPPERS = /^(capture|time|timeit|prun|debug)$/;
/** Cell magics whose body is shown by the notebook's front end, not run here… */
const DISPLAY_CELLS = /^(html|markdown|md|latex|svg)$/;
/** …unless it holds script: the front end runs JavaScript (%%javascript, a <script> element, an onload= handler, a
 *  javascript: link) with the page's reach — Jupyter.notebook.kernel.execute(…) runs Python in this kernel — and Rampart
 *  does not read JavaScript there: not understood. */
const SCRIPT_CELLS = /^(javascript|js)$/;
// (HTML ends a tag name or an attribute at '/' and at a closing quote as at a blank — <svg/onload=…>, <img src="x"onerror=…> —,
// decodes character references in a value before its scheme is read — jav&#x61;script: —, and SVG animation sets a handler
// by name: <set attributeName="onmouseover" to="…">.)
const HOLDS_SCRIPT = /<\s*script\b|<[^>]*[\s/"'`]on[a-z]+\s*=|javascript\s*:|<[^>]*&(#|colon;|tab;|newline;)|attributename\s*=\s*["'`]?\s*on|<\s*(i?frame(set)?|object|embed|portal)\b/i;
/** Cell magics that run the body with a shell. */
const SHELL_CELLS = /^(bash|sh|zsh|system|!|sx)$/;
/** …and %%script's program when it is a shell or Python. */
const SHELL_PROGRAM = /(^|\/)(ba|z|da|k)?sh$/;
const PYTHON_PROGRAM = /(^|\/)python[\d.]*$/;
/** Line magics that change nothing Rampart judges (plotting, reloading, listing the namespace, timing settings). */
// (%reset clears the kernel's namespace; %store without a file keeps a variable in IPython's own profile database.)
const INERT_MAGICS = /^(matplotlib|pylab|load_ext|reload_ext|unload_ext|autoreload|aimport|config|who|whos|who_ls|pwd|precision|pprint|xmode|pdb|lsmagic|magic|quickref|history|dirs|page|pinfo|pinfo2|pdoc|pdef|psource|pfile|colors|doctest_mode|tb|reset|reset_selective|store|notebook_mode|autosave|connect_info|qtconsole)$/;
/** Line magics that write a file the line names: %store VAR >FILE / >>FILE (the variable's value), %logstart [FILE] (every
 *  later input; ipython_log.py by default). Judged as a write of unknown text there (an rc file is persistence). */
function writtenBy(name: string, rest: string): string | undefined {
  if (name === 'store') return /(?:^|\s)>>?\s*(\S.*)$/.exec(rest)?.[1]?.trim();
  if (name === 'logstart') return rest.trim().split(/\s+/).filter((w) => w !== '' && !w.startsWith('-'))[0] ?? 'ipython_log.py';
  return undefined;
}
/** Line magics that run the rest of their line as a Python statement (after their own options). */
const STATEMENT_MAGICS = /^(time|timeit|prun|debug)$/;
const PRUN_FILES = /(?:^|\s)-[TD]\s*(\S+)/g;
/** Line magics that run a package manager in the kernel's environment. */
const PACKAGE_MAGICS = /^(pip|conda|mamba|micromamba|uv)$/;
/** IPython's default shell aliases on POSIX (%rm -rf x runs rm): the program each runs. */
const SHELL_ALIASES: Record<string, string> = { rm: 'rm', mv: 'mv', cp: 'cp', mkdir: 'mkdir', rmdir: 'rmdir', cat: 'cat', ls: 'ls', ll: 'ls', lf: 'ls', lk: 'ls', ldir: 'ls', lx: 'ls', clear: 'clear', less: 'less', more: 'more', man: 'man' };

/**
 * The command lines a kernel cell runs — each `!`/`%sx` shell line with the directory and environment `%cd`/`%env` gave the
 * kernel before it, a `%%bash`-like cell, a `%%writefile` write, and the Python (judged as `python3 -c` is) — or undefined
 * when the cell uses IPython in a way not read here (`%alias`, an unknown magic, `get_ipython()` calls that run magics).
 */
export function kernelLines(code: string, depth = 0): string[] | undefined {
  // (IPython drops leading blank lines, and the first line's indentation, before it looks for a cell magic.)
  const lines = code.replace(/^([ \t]*\r?\n)+/, '').split('\n');
  const cell = /^\s*%%(\S+)[ \t]*(.*)$/.exec(lines[0] ?? '');
  if (cell) {
    const [, name, argText] = cell as unknown as [string, string, string];
    const args = argText.trim().split(/\s+/).filter(Boolean);
    const body = lines.slice(1).join('\n');
    // (Options — %%bash --out v --bg, %%sh -s … — change where output goes, not what runs.)
    if (SHELL_CELLS.test(name)) return [body];
    if (name === 'script') {
      const words = args.filter((a, k) => !a.startsWith('-') && !/^--(out|err|proc)$/.test(args[k - 1] ?? ''));
      if (SHELL_PROGRAM.test(words[0] ?? '')) return [body];
      if (PYTHON_PROGRAM.test(words[0] ?? '')) return [`python3 -c ${quote(body)}`];
      return undefined;
    }
    if (name === 'writefile' || name === 'file') {
      const file = args.find((a) => !a.startsWith('-'));
      if (file === undefined) return undefined;
      let delim = 'RAMPART_CELL';
      while (code.includes(delim)) delim += '_';
      return [`cat ${args.some((a) => a === '-a' || a === '--append') ? '>>' : '>'} ${ipyPath(file)} <<'${delim}'\n${body}\n${delim}`];
    }
    if (CELL_WRAPPERS.test(name)) {
      const inner = depth > 8 ? undefined : kernelLines(body, depth + 1);
      // (%%prun -T FILE / -D FILE write the profile there, as the line magic does.)
      const files = name === 'prun' ? [...argText.matchAll(PRUN_FILES)].map((m) => `echo >> ${ipyPath(m[1]!)}`) : [];
      return inner && [...files, ...inner];
    }
    if (DISPLAY_CELLS.test(name)) return HOLDS_SCRIPT.test(body) ? undefined : [];
    if (SCRIPT_CELLS.test(name)) return undefined;
    if (PYTHON_PROGRAM.test(name)) return [`python3 -c ${quote(body)}`];
    return undefined;
  }
  // (get_ipython().system / getoutput / run_cell_magic / run_line_magic run shell text and magics from Python.)
  if (/\bget_ipython\b/.test(code)) return undefined;
  const shell: string[] = [];
  let before = '';
  let unread = false;
  const readLine = (l: string): string => {
    const bang = /^(\s*)(?:[\w, ]+=\s*)?(?:!!?|%(?:sx|system|sc)\s)(.*)$/.exec(l);
    if (bang) { shell.push(before + bang[2]!); return `${bang[1]}pass`; }
    const magic = /^(\s*)%(\w+)\s*(.*)$/.exec(l);
    if (!magic) return l;
    const [, indent, name, rest] = magic as unknown as [string, string, string, string];
    const written = writtenBy(name, rest);
    // (%run runs a file as python3 does.)
    if (name === 'run') shell.push(`${before}python3 ${rest}`);
    else if (PACKAGE_MAGICS.test(name)) shell.push(`${before}${name} ${rest}`);
    else if (SHELL_ALIASES[name] !== undefined) shell.push(`${before}${SHELL_ALIASES[name]} ${rest}`);
    // (%cd and %env change the kernel itself: later shell lines run there, with that environment.)
    else if (name === 'cd') before += `cd ${rest.trim() === '' ? '~' : rest.trim() === '-' ? '-' : ipyPath(rest.trim())} && `;
    else if (name === 'env' || name === 'set_env') {
      const kv = /^([A-Za-z_]\w*)(?:\s*=\s*|\s+)(.*)$/.exec(rest.trim());
      if (kv) before += `export ${kv[1]}=${quote(kv[2]!)} && `;
      else shell.push(`${before}${rest.trim() === '' ? 'env' : `printenv ${quote(rest.trim())}`}`);
    } else if (written !== undefined) shell.push(`${before}echo >> ${ipyPath(written)}`);
    // (IPython transforms the statement as input first: %time !rm -rf ~ runs the shell line, %prun %system … the magic.)
    // (%prun -T FILE and -D FILE write the profile's text and its dump there; -s KEY and -l LIMIT only sort and cut it.)
    else if (STATEMENT_MAGICS.test(name)) {
      let stmt = rest;
      if (name === 'prun') {
        for (const m of rest.matchAll(PRUN_FILES)) shell.push(`${before}echo >> ${ipyPath(m[1]!)}`);
        stmt = rest.replace(PRUN_FILES, ' ').replace(/(?:^|\s)-[sl]\s*\S+/g, ' ');
      }
      return readLine(`${indent}${stmt.replace(/^(\s*(-[nrp]\s*\d+|-[tcqo])\b)*\s*/, '') || 'pass'}`);
    }
    else if (!INERT_MAGICS.test(name)) unread = true;
    return `${indent}pass`;
  };
  const py = lines.map(readLine);
  return unread ? undefined : [...shell, `python3 -c ${quote(py.join('\n'))}`];
}
