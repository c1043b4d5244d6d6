// Ask end to end: a hook `ask` (Claude Code's own prompt) records a one-time grant, so the shim
// that then runs the exact command does not ask again; a second run asks as usual.
import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { Grants, GRANT_TTL_MS } from '../../src/server/grants.js';
import { BIN, exec, sandbox } from '../helpers/harness.js';

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

  // SessionStart registers the Claude session and writes RAMPART_SESSION to the env file.
  const envFile = path.join(sb.dir, 'env.sh');
  fs.writeFileSync(envFile, '');
  const start = await exec(process.execPath, [BIN, 'hook', 'claude-code', '--event', 'SessionStart', '--rampart-home', sb.rampartHome], {
    cwd: sb.project,
    env: { ...sb.env, CLAUDE_ENV_FILE: envFile, CLAUDE_PROJECT_DIR: sb.project },
    input: JSON.stringify({ session_id: 'claude-1', cwd: sb.project, hook_event_name: 'SessionStart', source: 'startup' }),
  });
  t.equal(start.code, 0, start.stderr);
  const rampartSession = /RAMPART_SESSION='([0-9a-f]+)'/.exec(fs.readFileSync(envFile, 'utf8'))?.[1];
  t.ok(rampartSession, 'a rampart session id was exported');

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
