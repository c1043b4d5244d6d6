// The decision server on a real socket: privacy of the socket, single instance, stale
// socket recovery, hostile input, version mismatch, SIGTERM cleanup.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import t from 'tap';
import { resolvePaths } from '../../src/server/paths.js';
import { BIN, rawRequest, sandbox, startServer, until } from '../helpers/harness.js';

// Real processes on a shared 2-core machine: generous, never a timing assertion.
t.setTimeout(300_000);

const decide = (argv: string[], cwd = '/tmp') => JSON.stringify({ v: 1, type: 'decide', argv, cwd, source: 'cli' });

t.test('socket 0600 in a 0700 directory; status answers', async (t) => {
  const sb = await sandbox(t, { install: false });
  await startServer(sb);
  t.equal((fs.statSync(sb.paths.socket).mode & 0o777).toString(8), '600');
  t.equal((fs.statSync(sb.paths.runDir).mode & 0o777).toString(8), '700');
  const st = await sb.rampart(['status', '--json']);
  const s = JSON.parse(st.stdout);
  t.equal(s.running, true);
  t.equal(s.pid, sb.serverPid());
});

t.test('a second server does not take over; stop removes socket and pid file', async (t) => {
  const sb = await sandbox(t, { install: false });
  const pid = await startServer(sb);
  const second = await sb.rampart(['serve']);
  t.equal(second.code, 0);
  t.match(second.stderr, /already running/);
  t.equal(sb.serverPid(), pid, 'first server still owns the pid file');
  const stop = await sb.rampart(['stop']);
  t.equal(stop.code, 0);
  t.notOk(fs.existsSync(sb.paths.socket), 'socket removed');
  t.notOk(fs.existsSync(sb.paths.pidFile), 'pid file removed');
});

t.test('SIGTERM shuts down cleanly and removes the socket', async (t) => {
  const sb = await sandbox(t, { install: false });
  const pid = await startServer(sb);
  process.kill(pid, 'SIGTERM');
  await until(() => !fs.existsSync(sb.paths.socket));
  t.notOk(fs.existsSync(sb.paths.socket));
});

t.test('stale socket from a SIGKILLed server is recovered', async (t) => {
  const sb = await sandbox(t, { install: false });
  const pid = await startServer(sb);
  process.kill(pid, 'SIGKILL');
  await until(() => {
    try {
      process.kill(pid, 0);
      return false;
    } catch {
      return true;
    }
  });
  t.ok(fs.existsSync(sb.paths.socket), 'stale socket left behind');
  const pid2 = await startServer(sb);
  t.not(pid2, pid);
  const r = await rawRequest(sb.paths.socket, [JSON.stringify({ v: 1, type: 'status' })]);
  t.equal(JSON.parse(r[0]).pid, pid2);
});

t.test('a server that cannot start: start fails at once and says why from the log', async (t) => {
  const sb = await sandbox(t, { install: false });
  fs.mkdirSync(sb.paths.runDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(sb.paths.socket, 'not a socket');
  const r = await sb.rampart(['start']);
  t.equal(r.code, 4, r.stderr);
  t.match(r.stderr, /did not start \(it exited with code \d+\)/);
  t.match(r.stderr, /exists and is not a socket/, 'the log line that says why');
  t.equal(fs.readFileSync(sb.paths.socket, 'utf8'), 'not a socket', 'nothing it did not create is removed');
});

t.test("a kill of the server's own pid, or a debugger attached to it, written as a number, is tampering (the server knows its pid)", async (t) => {
  const sb = await sandbox(t, { install: false });
  const pid = await startServer(sb);
  const check = async (line: string) => JSON.parse((await sb.rampart(['policy', 'check', '--json', line])).stdout);
  for (const line of [`kill -9 ${pid}`, `kill -TERM -- -${pid}`, `gdb -p ${pid} -batch -ex 'call (void)exit(0)'`, `strace --attach=${pid}`]) {
    const v = await check(line);
    t.equal(v.decision, 'deny', `${line} → ${v.decision} (${v.rule})`);
    t.equal(v.rule, 'rampart-tamper');
  }
  const other = await check(`kill ${process.pid}`);
  t.equal(other.decision, 'allow', 'another process by number stays allowed');
  t.ok(fs.existsSync(sb.paths.socket), 'nothing was run: the server is still there');
});

t.test('refuses a run directory that is a symlink or owned by another user', async (t) => {
  const sb = await sandbox(t, { install: false });
  fs.mkdirSync(sb.rampartHome, { recursive: true });
  const elsewhere = path.join(sb.dir, 'elsewhere');
  fs.mkdirSync(elsewhere);
  fs.symlinkSync(elsewhere, sb.paths.runDir);
  const r = await sb.rampart(['serve']);
  t.not(r.code, 0);
  t.match(r.stderr, /symlink/);
  fs.unlinkSync(sb.paths.runDir);
  if (process.getuid?.() === 0) {
    fs.mkdirSync(sb.paths.runDir, { mode: 0o700 });
    fs.chownSync(sb.paths.runDir, 65534, 65534);
    const r2 = await sb.rampart(['serve']);
    t.not(r2.code, 0);
    t.match(r2.stderr, /owned by uid 65534/);
  }
});

t.test('a RAMPART_HOME too deep for a socket path falls back to /tmp/rampart-<uid>/<hash>', async (t) => {
  const sb = await sandbox(t, { install: false });
  const deep = path.join(sb.dir, 'd'.repeat(60), 'e'.repeat(60));
  const env = { ...sb.env, RAMPART_HOME: deep };
  const p = resolvePaths(env);
  t.ok(p.socket.startsWith(`/tmp/rampart-${process.getuid?.()}/`));
  t.teardown(() => {
    try {
      process.kill(Number(fs.readFileSync(p.pidFile, 'utf8')), 'SIGKILL');
    } catch {
      /* gone */
    }
    fs.rmSync(p.runDir, { recursive: true, force: true });
  });
  const r = await sb.rampart(['start'], { env });
  t.equal(r.code, 0, r.stderr);
  t.ok(fs.existsSync(p.socket));
  await sb.rampart(['stop'], { env });
});

t.test('hostile input: garbage, oversized lines, 1 MiB argv, half-close; the server stays up', async (t) => {
  const sb = await sandbox(t, { install: false });
  await startServer(sb);
  const sock = sb.paths.socket;
  const [garbage, ok] = await rawRequest(sock, ['this is not json', JSON.stringify({ v: 1, type: 'status' })]);
  t.match(JSON.parse(garbage), { type: 'error', code: 'parse' });
  t.match(JSON.parse(ok), { type: 'ok' }, 'same connection still usable');
  const big = Buffer.alloc(5 * 1024 * 1024, 'a');
  const [tooLarge, after] = await rawRequest(sock, [Buffer.concat([big, Buffer.from('\n')]), JSON.stringify({ v: 1, type: 'status' })]);
  t.match(JSON.parse(tooLarge), { type: 'error', code: 'too-large' });
  t.match(JSON.parse(after), { type: 'ok' });
  const [mib] = await rawRequest(sock, [decide(['echo', 'x'.repeat(1024 * 1024)])]);
  t.match(JSON.parse(mib), { type: 'verdict' }, '1 MiB argv gets a verdict');
  const [half] = await rawRequest(sock, [JSON.stringify({ v: 1, type: 'status' })], 1, { halfClose: true });
  t.match(JSON.parse(half), { type: 'ok' }, 'half-closed client still gets its reply');
  // A client that vanishes mid-line.
  await new Promise<void>((res) => {
    const s = net.connect(sock, () => {
      s.write('{"v":1,"type":"dec');
      s.destroy();
      res();
    });
  });
  const [bad] = await rawRequest(sock, [JSON.stringify({ v: 1, type: 'decide', argv: [], cwd: '/' })]);
  t.match(JSON.parse(bad), { type: 'error', code: 'bad-request' });
  const [rel] = await rawRequest(sock, [JSON.stringify({ v: 1, type: 'decide', argv: ['ls'], cwd: 'relative' })]);
  t.match(JSON.parse(rel), { type: 'error', code: 'bad-request' });
  const [st] = await rawRequest(sock, [JSON.stringify({ v: 1, type: 'status' })]);
  t.match(JSON.parse(st), { type: 'ok' }, 'still up');
});

t.test('version mismatch: error reply; a newer client makes the server step down', async (t) => {
  const sb = await sandbox(t, { install: false });
  const pid = await startServer(sb);
  const [old] = await rawRequest(sb.paths.socket, [JSON.stringify({ v: 0, type: 'status' })]);
  t.match(JSON.parse(old), { type: 'error', code: 'version' });
  const [newer] = await rawRequest(sb.paths.socket, [JSON.stringify({ v: 99, type: 'status' })]);
  t.match(JSON.parse(newer), { type: 'error', code: 'version' });
  const gone = await until(() => {
    try {
      process.kill(pid, 0);
      return false;
    } catch {
      return true;
    }
  });
  t.ok(gone, 'old server exited so the new one can start');
  t.notOk(fs.existsSync(sb.paths.socket));
});

t.test('sessions refuse / and HOME as project root', async (t) => {
  const sb = await sandbox(t, { install: false });
  await startServer(sb);
  for (const root of ['/', sb.home, path.dirname(sb.home), 'relative']) {
    const [r] = await rawRequest(sb.paths.socket, [JSON.stringify({ v: 1, type: 'session', op: 'register', projectRoot: root })]);
    t.match(JSON.parse(r), { type: 'error', code: 'bad-request' }, root);
  }
  const [ok] = await rawRequest(sb.paths.socket, [JSON.stringify({ v: 1, type: 'session', op: 'register', projectRoot: sb.project })]);
  t.match(JSON.parse(ok), { type: 'ok', session: { projectRoot: sb.project } });
});

t.test('serve in the foreground logs to stderr and exits on SIGINT', async (t) => {
  const sb = await sandbox(t, { install: false });
  const child = spawn(process.execPath, [BIN, 'serve'], { env: sb.env, stdio: ['ignore', 'ignore', 'pipe'] });
  sb.track(child.pid!);
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  await until(() => err.includes('listening'));
  child.kill('SIGINT');
  const code = await new Promise((r) => child.on('exit', r));
  t.equal(code, 0);
  t.notOk(fs.existsSync(sb.paths.socket));
});
