// The Node side of the protocol: one request/response over the socket, and the launcher
// that starts (or restarts) a server when none answers.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RampartError } from '../cli/errors.js';
import { adminToken } from './admin-token.js';
import { probe } from './lifecycle.js';
import type { RampartPaths } from './paths.js';
import { encode, PROTOCOL_VERSION, type PendingNotice, type Reply } from './protocol.js';

/** Absolute path of bin/rampart.js in this installation. */
export const RAMPART_BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/rampart.js');

/** A smaller young generation keeps the server's RSS down under load at no measured cost in throughput. */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=2'];

export interface RequestOptions {
  timeoutMs?: number;
  onPending?: (n: PendingNotice) => void;
}

/** Sends one message and resolves with the final reply (pending notices go to onPending). */
export function request(socket: string, msg: Record<string, unknown>, o: RequestOptions = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const s = net.connect(socket);
    let buf = '';
    let settled = false;
    const finish = (err: Error | null, r?: Reply) => {
      if (settled) return;
      settled = true;
      s.destroy();
      if (err) reject(err);
      else resolve(r!);
    };
    if (o.timeoutMs) s.setTimeout(o.timeoutMs, () => finish(new RampartError('SERVER', `no reply from the server within ${o.timeoutMs} ms`)));
    s.on('connect', () => s.write(encode({ v: PROTOCOL_VERSION, ...msg })));
    s.on('data', (d) => {
      buf += d.toString('utf8');
      let nl: number;
      while ((nl = buf.indexOf('\n')) !== -1) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        let r: Reply;
        try {
          r = JSON.parse(line);
        } catch {
          return finish(new RampartError('SERVER', 'malformed reply from the server'));
        }
        if (r.type === 'pending') {
          s.setTimeout(0);
          o.onPending?.(r);
        } else return finish(null, r);
      }
    });
    s.on('error', (e) => finish(e));
    s.on('end', () => finish(new RampartError('SERVER', 'the server closed the connection without a reply')));
  });
}

/** Like request(), but an error reply becomes a RampartError. */
export async function call(socket: string, msg: Record<string, unknown>, o: RequestOptions = {}): Promise<Reply & Record<string, any>> {
  let r: Reply;
  try {
    r = await request(socket, msg, { timeoutMs: 10_000, ...o });
  } catch (e) {
    if (e instanceof RampartError) throw e;
    throw new RampartError('SERVER', `cannot reach the decision server at ${socket}: ${(e as Error).message}`, 'Start it with `rampart start` (or see `rampart doctor`).');
  }
  if (r.type === 'error') {
    if (r.code === 'not-found') throw new RampartError('NOT_FOUND', r.message);
    throw new RampartError('SERVER', `server error (${r.code}): ${r.message}`);
  }
  return r as Reply & Record<string, any>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function readPid(p: RampartPaths): number | undefined {
  try {
    const n = Number(fs.readFileSync(p.pidFile, 'utf8').trim());
    return Number.isInteger(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts a detached server (output appended to server.log) and waits until it answers. */
export async function startServer(p: RampartPaths, env: NodeJS.ProcessEnv, timeoutMs = 20_000): Promise<number | undefined> {
  fs.mkdirSync(p.rampartHome, { recursive: true, mode: 0o700 });
  const logFd = fs.openSync(p.serverLog, 'a', 0o600);
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, RAMPART_BIN, 'serve'], {
    detached: true,
    cwd: '/',
    stdio: ['ignore', logFd, logFd],
    env: { ...env, HOME: p.home, RAMPART_HOME: p.rampartHome },
  });
  child.unref();
  fs.closeSync(logFd);
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  while (Date.now() < deadline && !exited) {
    // Read before probing: a server that exits because another one won the race answers the probe.
    exited = child.exitCode !== null;
    if (await probe(p.socket)) return readPid(p);
    await sleep(25);
  }
  const why = exited ? `it exited with code ${child.exitCode}` : `no answer within ${timeoutMs / 1000} s`;
  throw new RampartError('SERVER', `the decision server did not start (${why})${logTail(p.serverLog)}; see ${p.serverLog}`, 'Run `rampart serve` in a terminal to see why.');
}

/** The server log's last lines, so an error says why without a second step. */
function logTail(file: string, lines = 5): string {
  try {
    const text = fs.readFileSync(file, 'utf8').trimEnd();
    return text ? `:\n  ${text.split('\n').slice(-lines).join('\n  ')}\n` : '';
  } catch {
    return '';
  }
}

/** Ensures a server speaking our protocol answers; restarts one that speaks another version. */
export async function ensureServer(p: RampartPaths, env: NodeJS.ProcessEnv): Promise<Record<string, any>> {
  if (await probe(p.socket)) {
    const r = await request(p.socket, { type: 'status' }, { timeoutMs: 5000 }).catch(() => null);
    if (r && r.type === 'ok') return r;
    if (r && r.type === 'error' && r.code === 'version') {
      await stopServer(p);
    } else if (!r) {
      throw new RampartError('SERVER', 'the decision server does not answer', 'Try `rampart stop` then `rampart start`.');
    }
  }
  await startServer(p, env);
  return call(p.socket, { type: 'status' });
}

/** Stops the server: a stop request, then SIGTERM by pid file; waits for it to exit. */
export async function stopServer(p: RampartPaths): Promise<boolean> {
  const pid = readPid(p);
  let asked = false;
  try {
    const r = await request(p.socket, { type: 'stop', token: adminToken(p.rampartHome) }, { timeoutMs: 3000 });
    asked = r.type === 'ok';
  } catch {
    /* not answering */
  }
  if (!asked && pid && alive(pid)) process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 5000;
  while (pid && alive(pid) && Date.now() < deadline) await sleep(25);
  if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
  return asked || Boolean(pid);
}

export { readPid };
