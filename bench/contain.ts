// Containment costs, for `npm run bench`:
// (a) a contained `true` vs a plain `true` (bash -c), interleaved — the `rampart run --contain` template
// (b) the same through the native `rampart-contain` prefix, as Claude Code runs each Bash command
//     under `setup claude-code --contain` (the template is read from the session's file)
// (c) one proxy decision: the askCallback's round trip to the server (allowed and denied host)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { containmentProblems } from '../src/contain/host.js';
import { serverDecider } from '../src/contain/proxy-decision.js';
import { containSession } from '../src/contain/session.js';
import { call } from '../src/server/client.js';
import type { RampartPaths } from '../src/server/paths.js';

export interface Stats {
  n: number;
  median: number;
  p95: number;
}

export interface ContainBench {
  skipped?: string;
  plain?: Stats;
  contained?: Stats;
  prefixedPlain?: Stats;
  prefixed?: Stats;
  decisionAllow?: Stats;
  decisionDeny?: Stats;
}

function stats(xs: number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { n: s.length, median: q(0.5), p95: q(0.95) };
}

function timeSpawn(file: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(file, args, { env, cwd, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`${file} ${args.join(' ').slice(0, 80)} exited ${r.status}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Interleaved: plain, measured, plain, measured… so drift on a shared machine hits both alike. */
function interleaved(runs: number, plain: () => number, measured: () => number): { plain: Stats; measured: Stats } {
  for (let i = 0; i < 5; i++) {
    plain();
    measured();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(plain());
    b.push(measured());
  }
  return { plain: stats(a), measured: stats(b) };
}

async function timeAsync(runs: number, f: () => Promise<unknown>): Promise<Stats> {
  for (let i = 0; i < 20; i++) await f();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await f();
    xs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return stats(xs);
}

export async function containBench(o: { paths: RampartPaths; env: NodeJS.ProcessEnv; project: string; bin: string; runs: number }): Promise<ContainBench> {
  const problems = containmentProblems();
  if (problems.length) return { skipped: problems.join('; ') };
  const out: ContainBench = {};
  const plain = () => timeSpawn('/bin/bash', ['-c', 'true'], o.env, o.project);

  // (a) and (c): a contained session hosted in this process, as `rampart run --contain` does.
  const ref = { id: '' };
  const c = await containSession({ paths: o.paths, session: () => ref.id, projectRoot: o.project });
  try {
    const reg = await call(o.paths.socket, { type: 'session', op: 'register', projectRoot: o.project, contained: true, containEnv: c.env, pid: process.pid });
    ref.id = `${reg.session.id}.${reg.session.key}`;
    const env = { ...o.env, RAMPART_CMD: 'true', RAMPART_SESSION: ref.id };
    const argv = c.argv ?? ['/bin/bash', '-c', c.template];
    const r = interleaved(o.runs, plain, () => timeSpawn(argv[0]!, argv.slice(1), env, o.project));
    out.plain = r.plain;
    out.contained = r.measured;
    const decide = serverDecider({ socket: o.paths.socket, session: () => ref.id, cwd: o.project });
    out.decisionAllow = await timeAsync(500, () => decide('github.com', 443));
    out.decisionDeny = await timeAsync(500, () => decide('evil.example', 443));
    await call(o.paths.socket, { type: 'session', op: 'end', id: reg.session.id });
  } finally {
    await c.stop();
  }

  // (b): the host a SessionStart hook starts, with this process as the agent.
  const host = spawn(process.execPath, [o.bin, 'contain-host', '--project', o.project, '--agent-pid', String(process.pid)], { env: o.env, stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    await new Promise<void>((resolve, reject) => {
      let buf = '';
      host.stdout!.on('data', (d) => {
        buf += d;
        if (/^READY /m.test(buf)) resolve();
      });
      host.on('exit', (code) => reject(new Error(`contain-host exited ${code}`)));
    });
    const prefix = path.join(o.paths.shimsDir, 'rampart-contain');
    if (fs.existsSync(prefix)) {
      const r = interleaved(o.runs, plain, () => timeSpawn(prefix, ['true'], o.env, o.project));
      out.prefixedPlain = r.plain;
      out.prefixed = r.measured;
    }
  } finally {
    host.kill('SIGTERM');
    await new Promise((r) => host.once('exit', r));
  }
  return out;
}
