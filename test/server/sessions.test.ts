import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import t from 'tap';
import { descendsFrom } from '../../src/server/ancestry.js';
import { projectRootFor } from '../../src/server/decide.js';
import { acceptableProjectRoot, NO_PROJECT, SessionTable } from '../../src/server/sessions.js';

t.test('acceptableProjectRoot: never /, HOME or above HOME', async (t) => {
  const home = '/home/u';
  const cases: [string, boolean][] = [
    ['/', false], ['/home', false], ['/home/u', false], ['/home/u/', false], ['relative/x', false],
    ['/home/u/proj', true], ['/tmp/x', true], ['/home/other', true],
  ];
  for (const [root, ok] of cases) t.equal(acceptableProjectRoot(root, home), ok, root);
});

t.test('projectRootFor never widens', async (t) => {
  const s = { id: 'a', projectRoot: '/home/u/p', audit: false, startedAt: '' };
  t.equal(projectRootFor(s, '/x', '/home/u'), '/home/u/p', 'session wins');
  t.equal(projectRootFor(undefined, '/home/u/q', '/home/u'), '/home/u/q', 'install-time root');
  t.equal(projectRootFor(undefined, '/', '/home/u'), NO_PROJECT);
  t.equal(projectRootFor(undefined, '/home/u', '/home/u'), NO_PROJECT);
  t.equal(projectRootFor(undefined, undefined, '/home/u'), NO_PROJECT);
});

t.test('sessions persist across a restart and can be ended', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rps-'));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'sessions.json');
  const a = new SessionTable(file);
  const s = a.register({ projectRoot: '/tmp/p', audit: true, agentSession: 'cc-1' });
  const b = new SessionTable(file);
  t.match(b.get(s.id), { projectRoot: '/tmp/p', audit: true });
  t.equal(b.byAgentSession('cc-1')?.id, s.id);
  t.equal(b.get('nope'), undefined);
  // A session whose `rampart run` is gone is dropped at the next start.
  const dead = a.register({ projectRoot: '/tmp/q', audit: false, pid: 2 ** 22 + 12345 });
  const live = a.register({ projectRoot: '/tmp/r', audit: false, pid: process.pid });
  const c = new SessionTable(file);
  t.equal(c.get(dead.id), undefined);
  t.ok(c.get(live.id));
  t.ok(b.end(s.id));
  t.equal(new SessionTable(file).get(s.id), undefined);
});

t.test('descendsFrom walks /proc', async (t) => {
  t.ok(descendsFrom(process.pid, process.pid));
  t.ok(descendsFrom(process.pid, process.ppid));
  t.notOk(descendsFrom(process.ppid, process.pid));
  t.notOk(descendsFrom(undefined, process.pid));
});
