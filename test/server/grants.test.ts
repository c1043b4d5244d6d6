// Ask end to end: a hook `ask` (Claude Code's own prompt) records a one-time grant, so the shim
// that then runs the exact command does not ask again; a second run asks as usual.
import fs from 'node:fs';
import path from 'node:path';
import t, { type Test } from 'tap';
import { Grants, GRANT_TTL_MS } from '../../src/server/grants.js';
import { BIN, exec, sandbox, type Sandbox } from '../helpers/harness.js';

/** Runs the SessionStart hook as Claude Code would; returns the Rampart session id it exported. */
async function sessionStart(t: Test, sb: Sandbox, claudeSession: string): Promise<string | undefined> {
  const envFile = path.join(sb.dir, `env-${claudeSession}.sh`);
  fs.writeFileSync(envFile, '');
  const start = await exec(process.execPath, [BIN, 'hook', 'claude-code', '--event', 'SessionStart', '--rampart-home', sb.rampartHome], {
    cwd: sb.project,
    env: { ...sb.env, CLAUDE_ENV_FILE: envFile, CLAUDE_PROJECT_DIR: sb.project },
    input: JSON.stringify({ session_id: claudeSession, cwd: sb.project, hook_event_name: 'SessionStart', source: 'startup' }),
  });
  t.equal(start.code, 0, start.stderr);
  const id = /RAMPART_SESSION='([0-9a-f]+)'/.exec(fs.readFileSync(envFile, 'utf8'))?.[1];
  t.ok(id, 'a rampart session id was exported');
  return id;
}

t.test('grants: exact argv, one use, per session, expiring', async (t) => {
  const g = new Grants();
  g.add('s1', [['git', 'push', '--force', 'origin', 'x']], 'h1', 1000);
  t.equal(g.take('s2', ['git', 'push', '--force', 'origin', 'x'], 1001), undefined, 'another session has no grant');
  t.equal(g.take('s1', ['git', 'push', '--force', 'origin', 'y'], 1001), undefined, 'a different argv has no grant');
  t.equal(g.take('s1', ['/usr/bin/git', 'push', '--force', 'origin', 'x'], 1001), 'h1', 'argv[0] by basename');
  t.equal(g.take('s1', ['git', 'push', '--force', 'origin', 'x'], 1002), undefined, 'used once');
  g.add('s1', [['rm', '-rf', '.']], 'h2', 1000);
  t.equal(g.take('s1', ['rm', '-rf', '.'], 1000 + GRANT_TTL_MS + 1), undefined, 'expired');
});

t.test('a hook ask lets the shim run that command once without a second prompt', async (t) => {
  const sb = await sandbox(t);
  fs.mkdirSync(sb.rampartHome, { recursive: true });
  fs.writeFileSync(path.join(sb.rampartHome, 'policy.yaml'), 'ask_timeout: 1\n');
  const bare = path.join(sb.dir, 'remote.git');
  const git = (args: string[], cwd = sb.project) => exec('git', args, { cwd, env: sb.env });
  t.equal((await git(['init', '-q', '--bare', bare], sb.dir)).code, 0);
  await git(['init', '-q', '-b', 'feature/x']);
  fs.writeFileSync(path.join(sb.project, 'a.txt'), 'a\n');
  await git(['add', 'a.txt']);
  t.equal((await git(['commit', '-qm', 'a'])).code, 0);
  await git(['remote', 'add', 'origin', bare]);

  const rampartSession = await sessionStart(t, sb, 'claude-1');

  const command = 'git push --force origin feature/x';
  const hook = await exec(path.join(sb.shimsDir, 'rampart-hook'), [], {
    cwd: sb.project,
    env: sb.env,
    input: JSON.stringify({ session_id: 'claude-1', cwd: sb.project, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } }),
  });
  t.equal(hook.code, 0);
  t.match(hook.stdout, /"permissionDecision":"ask"/, 'the hook asks (Claude Code shows its prompt)');

  const push = () => sb.shim('git', ['push', '--force', 'origin', 'feature/x'], { env: { RAMPART_SESSION: rampartSession! } });
  const first = await push();
  t.equal(first.code, 0, `the approved command runs without a second prompt: ${first.stderr}`);
  const granted = sb.audit().filter((r) => r.binary === 'git' && r.grantedBy);
  t.equal(granted.length, 1, 'the audit line names the hook decision that granted it');
  const second = await push();
  t.equal(second.code, 126, 'the grant is used up: the next identical push asks again (and times out here)');
  t.match(second.stderr, /rampart: (waiting for approval|denied)/);
});

t.test('unattended sessions: an ask becomes a deny at once, and no grant is recorded', async (t) => {
  const sb = await sandbox(t);
  const git = (args: string[], cwd = sb.project) => exec('git', args, { cwd, env: sb.env });
  await git(['init', '-q', '-b', 'main']);
  const rampartSession = await sessionStart(t, sb, 'claude-2');
  const command = 'git reset --hard';
  const hook = (mode: string, env: NodeJS.ProcessEnv = {}) =>
    exec(path.join(sb.shimsDir, 'rampart-hook'), [], {
      cwd: sb.project,
      env: { ...sb.env, ...env },
      input: JSON.stringify({ session_id: 'claude-2', cwd: sb.project, permission_mode: mode, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } }),
    });
  for (const [mode, env, why] of [
    ['bypassPermissions', {}, /bypassPermissions mode/],
    ['dontAsk', {}, /dontAsk mode/],
    ['default', { CLAUDE_CODE_ENTRYPOINT: 'sdk-cli' }, /non-interactively \(sdk-cli/],
  ] as const) {
    const h = await hook(mode, env);
    t.equal(h.code, 2, `${mode} ${JSON.stringify(env)}: the ask is a deny`);
    t.match(h.stderr, /nobody can answer here/);
    t.match(h.stderr, why);
  }
  const rec = sb.audit().filter((r) => r.source === 'hook');
  t.ok(rec.every((r) => r.decision === 'deny' && r.unattended), 'audit lines say deny and why nobody could answer');
  const t0 = Date.now();
  const shim = await sb.shim('git', ['reset', '--hard'], { env: { RAMPART_SESSION: rampartSession! } });
  t.equal(shim.code, 126, 'the same command through the shim is denied (no grant was recorded)');
  t.match(shim.stderr, /nobody can answer in this session/);
  t.notMatch(shim.stderr, /waiting for approval/, 'answered at once, not after the ask timeout');
  t.ok(Date.now() - t0 < 60_000);
  t.equal(sb.audit().filter((r) => r.grantedBy).length, 0, 'no grant was ever used');
  // Back in an attended mode, the session asks again as usual (the hook's ask).
  const back = await hook('default');
  t.equal(back.code, 0);
  t.match(back.stdout, /"permissionDecision":"ask"/);
});

t.test('rampart run without a terminal: a shim ask is denied at once with the reason', async (t) => {
  const sb = await sandbox(t);
  await exec('git', ['init', '-q'], { cwd: sb.project, env: sb.env });
  const r = await sb.rampart(['run', '--', 'git', 'reset', '--hard']);
  t.equal(r.code, 126);
  t.match(r.stderr, /nobody can answer in this session: rampart run has no terminal/);
  t.notMatch(r.stderr, /waiting for approval/);
});
