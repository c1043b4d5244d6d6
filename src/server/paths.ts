// Where a RAMPART_HOME keeps its runtime state, and the checks that keep the socket private.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RampartError } from '../cli/errors.js';

/** sun_path is 108 bytes on Linux (104 on macOS); stay well below with the NUL. */
export const MAX_SOCKET_PATH = 100;

export interface RampartPaths {
  home: string;
  rampartHome: string;
  /** Private runtime directory holding the socket. */
  runDir: string;
  socket: string;
  pidFile: string;
  lockFile: string;
  sessionsFile: string;
  serverLog: string;
  audit: string;
  shimsDir: string;
}

/** RAMPART_HOME from the environment, else ~/.rampart; always absolute. */
export function rampartHomeFrom(env: NodeJS.ProcessEnv): string {
  const home = env.HOME || os.homedir();
  return path.resolve(env.RAMPART_HOME || path.join(home, '.rampart'));
}

/**
 * The paths for one RAMPART_HOME. The socket lives in $RAMPART_HOME/run; when that path
 * would exceed the socket-path limit (deep temp dirs), it moves to
 * /tmp/rampart-<uid>/<first 16 hex of sha256(RAMPART_HOME)>/, which is as private.
 */
export function resolvePaths(env: NodeJS.ProcessEnv): RampartPaths {
  const home = path.resolve(env.HOME || os.homedir());
  const rampartHome = rampartHomeFrom(env);
  let runDir = path.join(rampartHome, 'run');
  if (Buffer.byteLength(path.join(runDir, 'rampart.sock')) > MAX_SOCKET_PATH) {
    const hash = createHash('sha256').update(rampartHome).digest('hex').slice(0, 16);
    runDir = path.join(os.tmpdir(), `rampart-${process.getuid?.() ?? 0}`, hash);
  }
  return {
    home,
    rampartHome,
    runDir,
    socket: path.join(runDir, 'rampart.sock'),
    pidFile: path.join(runDir, 'server.pid'),
    lockFile: path.join(runDir, 'server.lock'),
    sessionsFile: path.join(rampartHome, 'sessions.json'),
    serverLog: path.join(rampartHome, 'server.log'),
    audit: path.join(rampartHome, 'audit.jsonl'),
    shimsDir: path.join(rampartHome, 'shims'),
  };
}

/** Throws when the socket path cannot be bound (too long for sun_path). */
export function checkSocketPath(socket: string): void {
  const n = Buffer.byteLength(socket);
  if (n > MAX_SOCKET_PATH) {
    throw new RampartError(
      'SERVER',
      `socket path is ${n} bytes, over the ${MAX_SOCKET_PATH}-byte limit for Unix sockets: ${socket}`,
      'Set RAMPART_HOME (or TMPDIR) to a shorter directory.',
    );
  }
}

/**
 * Creates (0700) or verifies a private directory: it must be a real directory, not a
 * symlink, owned by us, with no group/other access. Another user's directory or a
 * symlink could let them plant or read the socket.
 */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = fs.lstatSync(dir);
  const uid = process.getuid?.();
  if (st.isSymbolicLink() || !st.isDirectory()) {
    throw new RampartError('SERVER', `refusing to use ${dir}: it is a symlink or not a directory`, 'Remove it; Rampart recreates it.');
  }
  if (uid !== undefined && st.uid !== uid) {
    throw new RampartError('SERVER', `refusing to use ${dir}: owned by uid ${st.uid}, not ${uid}`, 'Remove it or set RAMPART_HOME elsewhere.');
  }
  if ((st.mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
}

/**
 * RAMPART_HOME itself may be a symlink (a user's choice), but must resolve to a directory
 * we own: another user who owns it could swap the run directory inside it.
 */
export function ensureOwnedDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = fs.statSync(dir);
  const uid = process.getuid?.();
  if (!st.isDirectory() || (uid !== undefined && st.uid !== uid)) {
    throw new RampartError('SERVER', `refusing to use ${dir}: not a directory owned by uid ${uid}`, 'Set RAMPART_HOME to a directory of your own.');
  }
}

/** Prepares the run directory (and its /tmp parent when the fallback is used). */
export function ensureRunDir(p: RampartPaths): void {
  checkSocketPath(p.socket);
  if (!p.runDir.startsWith(p.rampartHome + path.sep)) ensurePrivateDir(path.dirname(p.runDir));
  ensurePrivateDir(p.runDir);
}
