// Facts that need more than one command of a line: downloads fed to interpreters (directly, via
// filters, or as a file run later), text piped into shells, DNS lookups in a line that reads a secret.
import { posix } from 'node:path';
import type { FlatCommand } from '../shell/index.js';
import { DOWNLOADERS, type Info, type State } from './state.js';
import { isShell } from './unwrap.js';
import { scriptOperand } from './unwrap.js';

/** Facts that need more than one command: downloads into interpreters, text piped into shells. */
export function lineChecks(st: State, flat: FlatCommand[], info: Info[], cwd0: string): void {
  const tag = (t: string, note: string) => {
    st.lineTags.tags.add(t);
    st.lineTags.notes.push(note);
  };
  const downloaded = new Set<string>();
  const clones: string[] = [];
  for (const fc of flat) {
    const me = info[fc.index];
    if (!me) continue;
    const isDownloader = DOWNLOADERS.has(me.name);
    if (isDownloader) {
      const o = fc.origin;
      if (o && o.parent !== null && info[o.parent]?.isInterpreter) tag('download-exec', `${me.name} output becomes code for ${info[o.parent]!.name}`);
      for (const w of me.writesFiles) downloaded.add(w);
    }
    if (!isDownloader && me.downloadOut) for (const w of me.writesFiles) downloaded.add(w);
    if (me.cloneDir) clones.push(me.cloneDir);
    const inClone = (p: string) => clones.some((d) => p.startsWith(d + '/'));
    // Download-then-run: a later command executes (or feeds to an interpreter) a file downloaded earlier.
    if (!isDownloader && (downloaded.size > 0 || clones.length > 0)) {
      const exe = me.argv[0] ? posix.resolve(cwd0, me.argv[0]) : '';
      const operand = me.isInterpreter ? scriptOperand(me.argv.slice(1)) : undefined;
      const opPath = operand ? posix.resolve(cwd0, operand) : '';
      if (downloaded.has(exe) || downloaded.has(opPath)) tag('download-exec', `${me.argv[0]} runs a file downloaded earlier in the same line`);
      else if ((me.argv[0]?.includes('/') && inClone(exe)) || (opPath && inClone(opPath))) tag('download-exec', `${me.argv[0]} runs a script from a repository cloned in the same line`);
    }
    if (!me.interpreterReadsStdin) continue;
    for (const up of fc.stdinFrom) {
      const src = info[up];
      if (!src) continue;
      // A download piped (directly or through filters) into an interpreter runs downloaded code.
      if (src.downloadOut) {
        tag('download-exec', `${src.name} output is piped into ${me.name}`);
        continue;
      }
      // Known text fed to an interpreter of another language was judged as its code already.
      const known = src.textOut !== undefined || (src.name === 'cat' && flat[up]!.redirects.some((r) => r.heredoc));
      if (known && !isShell(me.name) && me.name !== 'eval') continue;
      // Text known statically is judged as the command line it is.
      if (src.textOut !== undefined) {
        st.sub(src.textOut, cwd0, st.ctx.env);
        for (const w of src.argv.slice(1)) if (src.name === 'echo' || src.name === 'printf') st.sub(w, cwd0, st.ctx.env);
      } else if (src.name === 'cat' && flat[up]!.redirects.some((r) => r.heredoc)) {
        st.sub(flat[up]!.redirects.find((r) => r.heredoc)!.heredoc!.body, cwd0, st.ctx.env);
      } else tag('pipe-to-shell', `${src.name || 'a command'}'s output is run by ${me.name}`);
    }
  }
  // Configuration moved to a file or directory this same line wrote: a planted configuration.
  const writes = info.flatMap((i) => i?.writesFiles ?? []);
  for (const r of st.relocated) {
    const w = writes.find((p) => p === r.path || p.startsWith(r.path + '/'));
    if (w) tag('config-planted', `${r.name} points at ${w}, written earlier in the same line`);
  }
  // A line that reads a secret and looks up names computed at run time leaks it through DNS.
  if (st.readsSecret && st.dynamicLookups.length > 0) tag('dns-exfil', `${st.dynamicLookups[0]} looks up names computed in a line that reads a secret`);
}
