// The fallback shim client, run by the POSIX-sh entries when no C compiler was available:
//   node node-shim.js <conf> <argv0> ARGS...
// Same request and verdict handling as the native shim; Node cannot exec(), so on allow
// it runs the real binary as a child and passes its exit status (or signal) through.
// Limits: argv reaches Node already decoded, so non-UTF-8 bytes are not preserved exactly.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { request } from '../server/client.js';
import { readConf } from './conf.js';
import { findReal } from './install.js';
import { envSubset, fdTarget, parentChain } from './proc.js';

function deny(msg: string): never {
  process.stderr.write(msg + '\n');
  process.exit(126);
}

async function main(): Promise<void> {
  const [confPath, argv0, ...args] = process.argv.slice(2);
  const conf = readConf(path.dirname(confPath));
  if (!conf?.socket) deny(`rampart: denied: no decision (cannot read ${confPath})`);
  const name = path.basename(argv0);
  const real = findReal(name, conf.shims_dir!, process.env.PATH || '/usr/local/bin:/usr/bin:/bin');
  if (!real) {
    process.stderr.write(`rampart: ${name}: command not found (no ${name} on PATH outside the shims directory)\n`);
    process.exit(127);
  }
  const stdin = fdTarget(0);
  const stdout = fdTarget(1);
  const msg = {
    type: 'decide',
    source: 'node-shim',
    argv: [argv0, ...args],
    cwd: process.cwd(),
    pid: process.pid,
    ppid: process.ppid,
    ...(process.env.RAMPART_SESSION ? { session: process.env.RAMPART_SESSION } : {}),
    ...(conf.project ? { project: conf.project } : {}),
    ...(conf.shims_dir ? { shims: conf.shims_dir } : {}),
    ...(stdin ? { stdin } : {}),
    ...(stdout ? { stdout } : {}),
    // Skip the sh wrapper (our parent) so the chain starts at whoever ran the command.
    parents: parentChain(process.ppid).slice(1),
    env: envSubset(process.env),
  };
  const ask = () => request(conf.socket!, msg, { timeoutMs: 15_000, onPending: (n) => process.stderr.write(n.message + '\n') });
  let reply;
  try {
    reply = await ask();
  } catch {
    // No server: start it detached, then retry for ~2 s.
    const logFd = fs.openSync(conf.log || '/dev/null', 'a');
    spawn(conf.node!, ['--max-semi-space-size=2', conf.rampart!, 'serve'], {
      detached: true,
      cwd: '/',
      stdio: ['ignore', logFd, logFd],
      env: { HOME: conf.home, RAMPART_HOME: conf.rampart_home, PATH: '/usr/local/bin:/usr/bin:/bin', LANG: 'C.UTF-8' },
    }).unref();
    const deadline = Date.now() + 2000;
    while (!reply && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 30));
      reply = await ask().catch(() => undefined);
    }
  }
  const failOpen = conf.fail === 'open';
  if (!reply || reply.type !== 'verdict') {
    const why = !reply ? 'decision server unavailable and could not be started' : `server error: ${'message' in reply ? reply.message : 'unknown'}`;
    if (!failOpen) deny(`rampart: denied: no decision (${why})`);
    process.stderr.write(`rampart: warning: no decision (${why}); running anyway because fail-open was chosen at install\n`);
  } else {
    if (reply.message) process.stderr.write(reply.message + '\n');
    if (reply.decision !== 'allow') process.exit(126);
  }
  // Ignore terminal signals while the child runs; it gets them itself.
  for (const s of ['SIGINT', 'SIGQUIT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, () => {});
  const r = spawnSync(real, args, { stdio: 'inherit', argv0 });
  if (r.signal) {
    for (const s of ['SIGINT', 'SIGQUIT', 'SIGTERM', 'SIGHUP'] as const) process.removeAllListeners(s);
    process.kill(process.pid, r.signal);
  }
  process.exit(r.status ?? 126);
}

void main();
