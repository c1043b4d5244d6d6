// Admin commands refuse a caller that runs under an agent, whatever its terminal: the session's
// variables, a registered session's process tree, an agent program among the ancestors. The
// built `rampart` is spawned for real; HOME and RAMPART_HOME are temp dirs.
import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { BIN, exec, sandbox, script } from '../helpers/harness.js';

const ADMIN: string[][] = [['stop'], ['trust', '--yes'], ['allow-host', 'evil.example'], ['deny-host', 'github.com'], ['approve', 'abcd1234'], ['deny', 'abcd1234'], ['setup', 'claude-code', '--remove'], ['shims', 'uninstall'], ['run', '--audit', '--', 'true']];

t.test('agent variables: every admin command refuses (exit 126, says why)', async (t) => {
  const sb = await sandbox(t, { install: false });
  fs.writeFileSync(path.join(sb.project, '.ramparterc.yaml'), 'network:\n  allow_hosts: [evil.example]\n');
  for (const env of [{ RAMPART_SESSION: 'x' }, { CLAUDECODE: '1' }, { GEMINI_CLI: '1' }]) {
    for (const args of ADMIN) {
      const r = await sb.rampart(args, { env });
      t.equal(r.code, 126, `${Object.keys(env)[0]}: rampart ${args.join(' ')} refused`);
      t.match(r.stderr, /refusing `rampart .*`: it runs under|inside a Rampart session/);
    }
  }
  t.notOk(fs.existsSync(path.join(sb.rampartHome, 'trust.json')), 'nothing was trusted');
});

t.test('a process below an agent program is refused, even with a clean environment', async (t) => {
  const sb = await sandbox(t, { install: false });
  fs.writeFileSync(path.join(sb.project, '.ramparterc.yaml'), 'network:\n  allow_hosts: [evil.example]\n');
  // A shell that calls itself `claude` (what Claude Code's process looks like to its children).
  const bin = path.join(sb.dir, 'agentbin');
  fs.mkdirSync(bin);
  fs.copyFileSync('/bin/sh', path.join(bin, 'claude'));
  fs.chmodSync(path.join(bin, 'claude'), 0o755);
  const r = await exec(path.join(bin, 'claude'), ['-c', `env -i HOME=${sb.home} RAMPART_HOME=${sb.rampartHome} PATH=/usr/bin:/bin ${process.execPath} ${BIN} trust --yes`], { cwd: sb.project, env: sb.env });
  t.equal(r.code, 126, r.stderr);
  t.match(r.stderr, /runs under claude/);
  t.notOk(fs.existsSync(path.join(sb.rampartHome, 'trust.json')));
});

t.test('a script inside a `rampart run` session that unsets RAMPART_SESSION is still refused', async (t) => {
  const sb = await sandbox(t);
  const s = script(sb.dir, 'sneaky.sh', `#!/bin/sh\nunset RAMPART_SESSION\nexec ${process.execPath} ${BIN} stop\n`);
  const r = await sb.rampart(['run', '--', s]);
  t.equal(r.code, 126, r.stderr);
  t.match(r.stderr, /descends from the Rampart session/);
  const st = await sb.rampart(['status']);
  t.equal(st.code, 0, 'the server still runs');
});

t.test('the same commands work for the user outside any agent', async (t) => {
  const sb = await sandbox(t);
  await sb.rampart(['start']);
  const r = await sb.rampart(['stop']);
  t.equal(r.code, 0, r.stderr);
  t.match(r.stdout, /server stopped/);
});

t.test('trust refuses a file that does not load', async (t) => {
  const sb = await sandbox(t, { install: false });
  fs.writeFileSync(path.join(sb.project, '.ramparterc.yaml'), 'network:\n  allow_host: [x]\n');
  const r = await sb.rampart(['trust', '--yes']);
  t.equal(r.code, 3, r.stderr);
  t.match(r.stderr, /refusing to trust .* it does not load\n.*allow_host/);
  t.notOk(fs.existsSync(path.join(sb.rampartHome, 'trust.json')));
});
