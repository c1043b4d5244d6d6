// Installs, lists and removes a shims directory: one native multi-call binary (or the
// POSIX-sh fallback) plus one entry per guarded binary. Idempotent; reports per entry.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RampartError } from '../cli/errors.js';
import { RAMPART_BIN } from '../server/client.js';
import type { RampartPaths } from '../server/paths.js';
import { CONF_NAME, CONTAIN_NAME, HOOK_NAME, NATIVE_NAME, readConf, renderConf, UNCONTAINED_NAME, type ShimConf } from './conf.js';

export { DEFAULT_BINS } from '../policy/shimmed.js';
import { DEFAULT_BINS } from '../policy/shimmed.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const SHIM_SOURCE = path.resolve(HERE, '../../../shims/rampart-shim.c');
export const NODE_SHIM = path.resolve(HERE, 'node-shim.js');

/** `kept`: a file Rampart did not create is in the way; it is left as it is. */
export type EntryStatus = 'created' | 'unchanged' | 'updated' | 'removed' | 'kept';
export interface Entry {
  name: string;
  status: EntryStatus;
}

export interface InstallOptions {
  paths: RampartPaths;
  dir?: string;
  /** Binaries to add to the guarded set (the defaults, or what an earlier install chose). */
  bins?: string[];
  /** Binaries to stop guarding. */
  removeBins?: string[];
  fallback?: boolean;
  failOpen?: boolean;
  project?: string;
  cc?: string;
}

export interface InstallResult {
  dir: string;
  kind: 'native' | 'fallback';
  entries: Entry[];
  note?: string;
}

/** True when a C compiler answers. */
export function haveCompiler(cc = 'cc'): boolean {
  return spawnSync(cc, ['--version'], { stdio: 'ignore' }).status === 0;
}

function writeIfChanged(file: string, content: string | Buffer, mode: number): EntryStatus {
  let old: Buffer | undefined;
  try {
    old = fs.readFileSync(file);
  } catch {
    /* new */
  }
  if (old && old.equals(Buffer.from(content))) {
    fs.chmodSync(file, mode);
    return 'unchanged';
  }
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content, { mode });
  fs.chmodSync(tmp, mode);
  fs.renameSync(tmp, file);
  return old ? 'updated' : 'created';
}

/** Compiles the shim when its source (or compiler) changed since the last build. */
function buildNative(dir: string, cc: string): EntryStatus {
  const src = fs.readFileSync(SHIM_SOURCE);
  const hash = createHash('sha256').update(src).update(cc).update('lean-static-v1').digest('hex');
  const bin = path.join(dir, NATIVE_NAME);
  const stamp = path.join(dir, '.rampart-shim.sha256');
  const had = fs.existsSync(bin);
  if (had && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').trim() === hash) return 'unchanged';
  const tmp = `${bin}.${process.pid}.tmp`;
  // Static first: no dynamic loader on every call (~0.2 ms); dynamic when libc.a is missing.
  // Stripped, with unused sections dropped: fewer pages to map on every exec.
  const lean = ['-static', '-s', '-ffunction-sections', '-fdata-sections', '-Wl,--gc-sections'];
  let r = spawnSync(cc, ['-O2', '-Wall', '-Wextra', ...lean, '-o', tmp, SHIM_SOURCE], { encoding: 'utf8' });
  if (r.status !== 0) r = spawnSync(cc, ['-O2', '-Wall', '-Wextra', '-o', tmp, SHIM_SOURCE], { encoding: 'utf8' });
  if (r.status !== 0) {
    fs.rmSync(tmp, { force: true });
    throw new RampartError('IO', `compiling the native shim failed:\n${r.stderr || r.error}`, 'Install a C compiler, or use `rampart shims install --fallback`.');
  }
  fs.renameSync(tmp, bin);
  fs.writeFileSync(stamp, hash + '\n');
  return had ? 'updated' : 'created';
}

/** True for a file in the shims directory that Rampart put there (a link to the entry, a fallback shim). */
export function isOurs(p: string): boolean {
  try {
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) return fs.readlinkSync(p) === NATIVE_NAME;
    if (!st.isFile() || st.size > 4096) return false;
    return fs.readFileSync(p, 'utf8').startsWith('#!/bin/sh\n# rampart fallback shim');
  } catch {
    return false;
  }
}

const present = (p: string): boolean => {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
};

function linkEntry(dir: string, name: string): EntryStatus {
  const p = path.join(dir, name);
  if (present(p) && !isOurs(p)) return 'kept'; // the user's own file: never replaced
  let cur: string | undefined;
  try {
    cur = fs.readlinkSync(p);
  } catch {
    /* missing, or a file */
  }
  if (cur === NATIVE_NAME) return 'unchanged';
  const existed = present(p);
  fs.rmSync(p, { force: true });
  fs.symlinkSync(NATIVE_NAME, p);
  return existed ? 'updated' : 'created';
}

function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The fallback entry: a POSIX-sh script running the Node client (slower: one Node start per call). */
export function renderFallback(confPath: string): string {
  return `#!/bin/sh\n# rampart fallback shim: asks the decision server through Node (slower than the native shim)\nexec ${shQuote(process.execPath)} ${shQuote(NODE_SHIM)} ${shQuote(confPath)} "$0" "$@"\n`;
}

function validName(n: string): boolean {
  return /^[A-Za-z0-9._+-]+$/.test(n) && !n.startsWith('.') && n !== HOOK_NAME && n !== CONTAIN_NAME;
}

export function installShims(o: InstallOptions): InstallResult {
  const dir = path.resolve(o.dir ?? o.paths.shimsDir);
  const before = readConf(path.resolve(o.dir ?? o.paths.shimsDir));
  // --bin adds to what is guarded already (or the defaults); only --remove-bin takes names away.
  const base = before?.bins ? before.bins.split(',').filter(Boolean) : DEFAULT_BINS;
  const drop = new Set(o.removeBins ?? []);
  const bins = [...new Set([...base, ...(o.bins ?? [])])].filter((b) => !drop.has(b));
  for (const b of [...bins, ...drop]) if (!validName(b)) throw new RampartError('USAGE', `invalid binary name ${JSON.stringify(b)}`, 'Names are plain file names like curl or git.');
  const cc = o.cc ?? 'cc';
  let kind: 'native' | 'fallback' = o.fallback ? 'fallback' : 'native';
  let note: string | undefined;
  if (kind === 'native' && !haveCompiler(cc)) {
    kind = 'fallback';
    note = 'no C compiler found: installed the slower POSIX-sh + Node fallback shims';
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  const old = readConf(dir);
  const entries: Entry[] = [];
  const conf: ShimConf = {
    socket: o.paths.socket,
    shims_dir: dir,
    fail: o.failOpen ? 'open' : 'closed',
    node: process.execPath,
    rampart: RAMPART_BIN,
    rampart_home: o.paths.rampartHome,
    home: o.paths.home,
    project: o.project ? path.resolve(o.project) : '',
    log: o.paths.serverLog,
    kind,
    bins: bins.join(','),
  };
  const confPath = path.join(dir, CONF_NAME);
  entries.push({ name: CONF_NAME, status: writeIfChanged(confPath, renderConf(conf), 0o444) }); // read-only: a speed bump, the hook guards RAMPART_HOME
  if (kind === 'native') {
    entries.push({ name: NATIVE_NAME, status: buildNative(dir, cc) });
    for (const b of [...bins, HOOK_NAME, CONTAIN_NAME]) entries.push({ name: b, status: linkEntry(dir, b) });
  } else {
    fs.rmSync(path.join(dir, NATIVE_NAME), { force: true });
    for (const b of bins) {
      const p = path.join(dir, b);
      if (present(p) && !isOurs(p)) {
        entries.push({ name: b, status: 'kept' });
        continue;
      }
      if (present(p) && fs.lstatSync(p).isSymbolicLink()) fs.rmSync(p, { force: true }); // a link from a native install
      entries.push({ name: b, status: writeIfChanged(p, renderFallback(confPath), 0o755) });
    }
  }
  // Entries installed before but no longer wanted.
  const prev = old?.bins ? old.bins.split(',').filter(Boolean) : [];
  for (const b of prev) {
    if (!bins.includes(b) && validName(b) && isOurs(path.join(dir, b))) {
      fs.rmSync(path.join(dir, b), { force: true });
      entries.push({ name: b, status: 'removed' });
    }
  }
  return { dir, kind, entries, ...(note ? { note } : {}) };
}

export interface ListedShim {
  name: string;
  kind: 'native' | 'fallback' | 'missing';
  real: string | null;
}

/** The entries of an installed shims directory, with the real binary each resolves to. */
export function listShims(dir: string, envPath: string): { conf: Partial<ShimConf> | undefined; shims: ListedShim[] } {
  const conf = readConf(dir);
  const bins = conf?.bins ? conf.bins.split(',').filter(Boolean) : [];
  const shims = bins.map((name): ListedShim => {
    const p = path.join(dir, name);
    const kind = !fs.existsSync(p) ? 'missing' : fs.lstatSync(p).isSymbolicLink() ? 'native' : 'fallback';
    return { name, kind, real: findReal(name, dir, envPath) };
  });
  return { conf, shims };
}

/** First match on PATH outside the shims directory (canonical comparison), as the shim does it. */
export function findReal(name: string, shimsDir: string, envPath: string): string | null {
  let shimsReal = '';
  try {
    shimsReal = fs.realpathSync(shimsDir);
  } catch {
    /* not there */
  }
  for (const d of envPath.split(':')) {
    const dir = d || '.';
    try {
      if (fs.realpathSync(dir) === shimsReal) continue;
      const c = path.join(dir, name);
      fs.accessSync(c, fs.constants.X_OK);
      if (!fs.statSync(c).isFile()) continue;
      const rc = fs.realpathSync(c);
      if (path.basename(rc) === NATIVE_NAME || path.dirname(rc) === shimsReal) continue;
      return c;
    } catch {
      /* next */
    }
  }
  return null;
}

/** Removes every entry this install created, and the directory when it ends up empty. */
export function uninstallShims(dir: string): Entry[] {
  const conf = readConf(dir);
  if (!conf) return [];
  const bins = conf.bins ? conf.bins.split(',').filter(Boolean) : [];
  const entries: Entry[] = [];
  // Entries are removed only when they are Rampart's (a link to the entry, a fallback shim); the
  // internal files by name. A user's file that took an entry's name stays.
  for (const n of [...bins.filter(validName), HOOK_NAME, CONTAIN_NAME]) {
    const p = path.join(dir, n);
    if (!present(p)) continue;
    if (isOurs(p)) {
      fs.rmSync(p, { force: true });
      entries.push({ name: n, status: 'removed' });
    } else entries.push({ name: n, status: 'kept' });
  }
  for (const n of [UNCONTAINED_NAME, NATIVE_NAME, '.rampart-shim.sha256', CONF_NAME]) {
    const p = path.join(dir, n);
    if (present(p)) {
      fs.rmSync(p, { force: true });
      entries.push({ name: n, status: 'removed' });
    }
  }
  try {
    fs.rmdirSync(dir);
  } catch {
    /* not empty: user files stay */
  }
  return entries;
}
