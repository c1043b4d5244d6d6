// Server lifecycle: single instance per RAMPART_HOME (startup lock + live-socket probe),
// stale-socket recovery, pid file, clean shutdown on SIGTERM, and stepping down when
// another server has taken over the socket path.
import fs from 'node:fs';
import net from 'node:net';
import { RampartError } from '../cli/errors.js';
import { ensureOwnedDir, ensureRunDir, type RampartPaths } from './paths.js';
import type { createDecisionServer } from './server.js';

const LOCK_STALE_MS = 10_000;

/** True when a server answers on the socket. */
export function probe(socket: string, timeoutMs = 500): Promise<boolean> {
  return new Promise((res) => {
    const s = net.connect(socket);
    const done = (v: boolean) => {
      s.destroy();
      res(v);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.on('connect', () => done(true));
    s.on('error', () => done(false));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Takes the startup lock; a lock older than LOCK_STALE_MS is from a crashed start and is broken. */
async function acquireLock(lockFile: string): Promise<() => void> {
  const deadline = Date.now() + 5000;
  for (;;) {
    try {
      const fd = fs.openSync(lockFile, 'wx', 0o600);
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      return () => fs.rmSync(lockFile, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      try {
        if (Date.now() - fs.statSync(lockFile).mtimeMs > LOCK_STALE_MS) fs.rmSync(lockFile, { force: true });
      } catch {
        /* gone already */
      }
      if (Date.now() > deadline) throw new RampartError('SERVER', `another server is starting (lock ${lockFile})`, 'Try again in a moment.');
      await sleep(25);
    }
  }
}

export interface ServeResult {
  /** False when another server already answered on the socket. */
  started: boolean;
  /** Resolves when the server has shut down. */
  done: Promise<void>;
}

/** Runs the server until SIGTERM/SIGINT or a stop request. */
export async function serve(paths: RampartPaths, log: (m: string) => void): Promise<ServeResult> {
  process.umask(0o077);
  ensureOwnedDir(paths.rampartHome);
  ensureRunDir(paths);
  const release = await acquireLock(paths.lockFile);
  let ino: number;
  let ds: Awaited<ReturnType<typeof createDecisionServer>>;
  let finish!: () => void;
  const done = new Promise<void>((r) => (finish = r));
  let stopping = false;
  const sockets = new Set<net.Socket>();
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    log(`stopping: ${why}`);
    clearInterval(watchdog);
    // Remove our socket and pid file first so new clients start a fresh server.
    try {
      if (fs.statSync(paths.socket).ino === ino) fs.rmSync(paths.socket, { force: true });
    } catch {
      /* gone */
    }
    try {
      if (fs.readFileSync(paths.pidFile, 'utf8').trim() === String(process.pid)) fs.rmSync(paths.pidFile, { force: true });
    } catch {
      /* gone */
    }
    const force = setTimeout(() => sockets.forEach((s) => s.destroy()), 2000);
    await ds.close();
    clearTimeout(force);
    finish();
  };
  let watchdog: NodeJS.Timeout;
  try {
    if (await probe(paths.socket)) {
      log(`a server is already running on ${paths.socket}`);
      return { started: false, done: Promise.resolve() };
    }
    // Nobody answers: whatever is at the path is stale (a crashed server's socket).
    try {
      const st = fs.lstatSync(paths.socket);
      if (!st.isSocket()) throw new RampartError('SERVER', `${paths.socket} exists and is not a socket`, 'Remove it and try again.');
      fs.rmSync(paths.socket);
      log('removed a stale socket');
    } catch (e) {
      if (e instanceof RampartError) throw e;
    }
    // Loaded here, not at the top: clients (`probe`) must not pay for the engine.
    const { createDecisionServer: create } = await import('./server.js');
    ds = await create({ paths, log, onStop: (why) => void stop(why) });
    ds.server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((res, rej) => {
      ds.server.once('error', rej);
      ds.server.listen(paths.socket, () => res());
    });
    fs.chmodSync(paths.socket, 0o600);
    ino = fs.statSync(paths.socket).ino;
    fs.writeFileSync(paths.pidFile, String(process.pid), { mode: 0o600 });
    // The native shims' launch lock (see start_server in shims/rampart-shim.c): launched.
    fs.rmSync(`${paths.socket}.spawn`, { force: true });
  } finally {
    release();
  }
  // If the socket path no longer is ours (removed, or taken by another server), step down.
  watchdog = setInterval(() => {
    let cur = -1;
    try {
      cur = fs.statSync(paths.socket).ino;
    } catch {
      /* missing */
    }
    if (cur !== ino) void stop('socket path was replaced or removed');
  }, 2000);
  watchdog.unref();
  for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(sig, () => void stop(`signal ${sig}`));
  log(`listening on ${paths.socket} (pid ${process.pid}, policy ${ds.status().policy && (ds.status().policy as { ok: boolean }).ok ? 'ok' : 'BROKEN'})`);
  return { started: true, done };
}
