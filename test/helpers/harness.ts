// Shared test harness: a sandbox with temp HOME and RAMPART_HOME, the built `rampart`
// spawned for real, a loopback HTTP server, and cleanup of every server by pid.
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolvePaths, type RampartPaths } from '../../src/server/paths.js';

/** The repository root (tests run from dist/test/...). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const BIN = path.join(ROOT, 'bin', 'rampart.js');

export interface Result {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  stdoutBuf: Buffer;
}

/** Runs a program to completion, collecting output. */
export function exec(cmd: string, args: string[], opts: SpawnOptions & { input?: string | Buffer; timeoutMs?: number } = {}): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (d) => out.push(d));
    child.stderr!.on('data', (d) => err.push(d));
    child.on('error', reject);
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stdoutBuf = Buffer.concat(out);
      resolve({ code, signal, stdout: stdoutBuf.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), stdoutBuf });
    });
    child.stdin!.on('error', () => {});
    child.stdin!.end(opts.input ?? '');
  });
}

/** True when `name` is an executable on the system PATH. */
export function have(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

export interface Sandbox {
  dir: string;
  home: string;
  rampartHome: string;
  project: string;
  paths: RampartPaths;
  env: NodeJS.ProcessEnv;
  shimsDir: string;
  /** The built CLI. */
  rampart(args: string[], o?: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv }): Promise<Result>;
  /** Runs a shim directly (PATH has the shims first), optionally inside a session. */
  shim(name: string, args: string[], o?: { cwd?: string; input?: string | Buffer; env?: NodeJS.ProcessEnv; session?: string }): Promise<Result>;
  serverPid(): number | undefined;
  /** Audit records written so far. */
  audit(): any[];
  /** Registers a pid to SIGKILL at teardown. */
  track(pid: number): void;
}

interface T {
  teardown(fn: () => void | Promise<void>): void;
}

/** Pids of Rampart servers and containment hosts whose environment names this RAMPART_HOME (even mid-start). */
export function sandboxPids(rampartHome: string): number[] {
  const needle = Buffer.from(`\0RAMPART_HOME=${rampartHome}\0`);
  const out: number[] = [];
  for (const d of fs.readdirSync('/proc')) {
    const pid = Number(d);
    if (!pid || pid === process.pid) continue;
    try {
      const env = Buffer.concat([Buffer.from([0]), fs.readFileSync(`/proc/${pid}/environ`)]);
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (env.includes(needle) && /rampart\.js\0(serve|contain-host)/.test(cmd)) out.push(pid);
    } catch {
      /* gone or not ours */
    }
  }
  return out;
}

function killServer(paths: RampartPaths, extra: number[]): void {
  const pids = new Set([...extra, ...sandboxPids(paths.rampartHome)]);
  try {
    pids.add(Number(fs.readFileSync(paths.pidFile, 'utf8').trim()));
  } catch {
    /* none */
  }
  for (const pid of pids) {
    if (!pid) continue;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}

/** A fresh sandbox; everything in it (servers included) is removed at teardown. */
export async function sandbox(t: T, o: { install?: boolean; bins?: string[]; prefix?: string } = {}): Promise<Sandbox> {
  const dir = fs.mkdtempSync(o.prefix ?? '/tmp/rpt-');
  const home = path.join(dir, 'home');
  const rampartHome = path.join(dir, 'rh');
  const project = path.join(dir, 'proj');
  for (const d of [home, project]) fs.mkdirSync(d, { recursive: true });
  // A minimal environment: no proxies or credentials from the machine running the tests.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: home,
    RAMPART_HOME: rampartHome,
    LANG: 'C.UTF-8',
    NO_COLOR: '1',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid',
  };
  const paths = resolvePaths(env);
  const tracked: number[] = [];
  const sb: Sandbox = {
    dir, home, rampartHome, project, paths, env, shimsDir: paths.shimsDir,
    rampart: (args, ro = {}) => exec(process.execPath, [BIN, ...args], { cwd: ro.cwd ?? project, env: { ...env, ...ro.env }, input: ro.input ?? '' }),
    shim: (name, args, so = {}) =>
      exec(path.join(paths.shimsDir, name), args, {
        cwd: so.cwd ?? project,
        env: { ...env, PATH: `${paths.shimsDir}:${env.PATH}`, ...(so.session ? { RAMPART_SESSION: so.session } : {}), ...so.env },
        input: so.input ?? '',
        argv0: name,
      }),
    serverPid: () => {
      try {
        return Number(fs.readFileSync(paths.pidFile, 'utf8').trim()) || undefined;
      } catch {
        return undefined;
      }
    },
    audit: () => {
      try {
        return fs.readFileSync(paths.audit, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
      } catch {
        return [];
      }
    },
    track: (pid) => void tracked.push(pid),
  };
  t.teardown(() => {
    killServer(paths, tracked);
    fs.rmSync(dir, { recursive: true, force: true });
    if (!paths.runDir.startsWith(rampartHome)) fs.rmSync(paths.runDir, { recursive: true, force: true });
  });
  if (o.install !== false) {
    const r = await sb.rampart(['shims', 'install', ...(o.bins ? ['--bin', o.bins.join(',')] : [])]);
    if (r.code !== 0) throw new Error(`shims install failed: ${r.stderr}`);
  }
  return sb;
}

/** Starts the server in the background via the CLI and returns its pid. */
export async function startServer(sb: Sandbox): Promise<number> {
  const r = await sb.rampart(['start']);
  if (r.code !== 0) throw new Error(`rampart start failed: ${r.stderr}`);
  const pid = sb.serverPid();
  if (!pid) throw new Error('no pid file after start');
  sb.track(pid);
  return pid;
}

/** Registers a session for the sandbox project (as `rampart run` does) and returns its id. */
export async function session(sb: Sandbox, o: { audit?: boolean; projectRoot?: string } = {}): Promise<string> {
  const r = await rawRequest(sb.paths.socket, [JSON.stringify({ v: 1, type: 'session', op: 'register', projectRoot: o.projectRoot ?? sb.project, audit: Boolean(o.audit) })]);
  const reply = JSON.parse(r[0]);
  if (reply.type !== 'ok') throw new Error(`session: ${r[0]}`);
  return reply.session.id;
}

/** Sends raw lines on one connection and collects reply lines until `count` arrived (or close). */
export function rawRequest(socket: string, lines: (string | Buffer)[], count = lines.length, o: { halfClose?: boolean } = {}): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const s = net.connect(socket);
    const got: string[] = [];
    let buf = '';
    s.on('connect', () => {
      for (const l of lines) s.write(typeof l === 'string' ? l + '\n' : l);
      if (o.halfClose) s.end();
    });
    s.on('data', (d) => {
      buf += d.toString();
      let i: number;
      while ((i = buf.indexOf('\n')) !== -1) {
        got.push(buf.slice(0, i));
        buf = buf.slice(i + 1);
        if (got.length >= count) {
          s.destroy();
          return resolve(got);
        }
      }
    });
    s.on('error', reject);
    s.on('close', () => resolve(got));
  });
}

export interface Loopback {
  port: number;
  hits: { method: string; url: string; body: string }[];
}

/** An HTTP server on a loopback address that records every request (method, path, body). */
export async function recordingServer(host = '127.0.0.1'): Promise<Loopback & { close(): Promise<void> }> {
  const hits: Loopback['hits'] = [];
  const srv = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      hits.push({ method: req.method ?? '', url: req.url ?? '', body });
      res.end('hello from loopback\n');
    });
  });
  srv.on('connection', (s: net.Socket) => s.on('error', () => {}));
  await new Promise<void>((r) => srv.listen(0, host, () => r()));
  return { port: (srv.address() as net.AddressInfo).port, hits, close: () => new Promise<void>((r) => srv.close(() => r())) };
}

/** A recording server on 127.0.0.1, closed at teardown. */
export async function loopbackHttp(t: T, host = '127.0.0.1'): Promise<Loopback> {
  const s = await recordingServer(host);
  t.teardown(() => s.close());
  return s;
}

/** Writes an executable script into dir. */
export function script(dir: string, name: string, body: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const p = path.join(dir, name);
  fs.writeFileSync(p, body, { mode: 0o755 });
  return p;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until fn() is truthy or the deadline passes (no timing assertion: just a bound). */
export async function until<T>(fn: () => T | Promise<T>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v || Date.now() > deadline) return v;
    await sleep(25);
  }
}
