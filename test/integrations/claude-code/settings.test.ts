// settings.json merge/remove: realistic files (other hooks, permissions, env, odd key order),
// idempotency to the byte, byte-for-byte restore, surgical removal after a foreign edit,
// refusal of invalid JSON, and the sandbox socket allowance on Linux and macOS.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import t from 'tap';
import { isRampartCommand, mergeSettings, parseSettings, PRE_TOOL_USE_MATCHER, removeFromSettings } from '../../../src/integrations/claude-code/settings.js';
import { planSetup, removeSetup, settingsPathFor } from '../../../src/integrations/claude-code/setup.js';
import { shellWord } from '../../../src/integrations/shared/hook-command.js';
import { recordPath } from '../../../src/integrations/shared/setup-state.js';
import { RampartError } from '../../../src/cli/errors.js';

const ours = {
  preToolUse: '/home/u/.rampart/shims/rampart-hook',
  sessionStart: '/usr/bin/node /opt/rampart/bin/rampart.js hook claude-code --event SessionStart --rampart-home /home/u/.rampart',
  socket: '/home/u/.rampart/run/rampart.sock',
};

/** A settings file as people have them: unusual key order, other hooks, permissions, env. */
const REALISTIC = `{
  "permissions": {
    "deny": [
      "Read(./.env)"
    ],
    "allow": [
      "Bash(npm run lint)",
      "Bash(npm test:*)"
    ]
  },
  "env": {
    "FOO": "bar",
    "CLAUDE_CODE_ENABLE_TELEMETRY": "0"
  },
  "hooks": {
    "PostToolUse": [
      {
        "matcher": "Edit|Write",
        "hooks": [
          {
            "type": "command",
            "command": "npx prettier --write \\"$CLAUDE_PROJECT_DIR\\""
          }
        ]
      }
    ],
    "PreToolUse": [
      {
        "matcher": "Bash",
        "hooks": [
          {
            "type": "command",
            "command": "~/.claude/hooks/block-rm.sh",
            "timeout": 5
          }
        ]
      }
    ]
  },
  "model": "opus",
  "zeta": 1,
  "alpha": [
    1,
    2
  ],
  "statusLine": {
    "type": "command",
    "command": "echo hi"
  }
}
`;

function tmp(t: { teardown(fn: () => void): void }): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'rpt-set-'));
  t.teardown(() => fs.rmSync(d, { recursive: true, force: true }));
  return d;
}

t.test('merge keeps every other key, in order, and appends our groups', async (t) => {
  const r = mergeSettings(REALISTIC, ours, 'linux');
  t.ok(r.changed);
  const before = JSON.parse(REALISTIC);
  const after = JSON.parse(r.text);
  t.same(Object.keys(after), Object.keys(before), 'top-level key order unchanged');
  for (const k of ['permissions', 'env', 'model', 'zeta', 'alpha', 'statusLine']) t.same(after[k], before[k], `${k} untouched`);
  t.same(after.hooks.PostToolUse, before.hooks.PostToolUse, 'other events untouched');
  t.same(after.hooks.PreToolUse[0], before.hooks.PreToolUse[0], "the user's own PreToolUse hook stays, first");
  t.same(after.hooks.PreToolUse[1], { matcher: PRE_TOOL_USE_MATCHER, hooks: [{ type: 'command', command: ours.preToolUse, timeout: 15 }] });
  t.same(after.hooks.SessionStart, [{ hooks: [{ type: 'command', command: ours.sessionStart, timeout: 30 }] }]);
  t.equal(PRE_TOOL_USE_MATCHER, '*', 'every tool reaches the hook');
  t.ok(r.text.endsWith('}\n'), 'trailing newline');
  t.match(r.text, /^\{\n {2}"permissions": \{\n {4}"deny"/, 'two-space indentation kept');
  t.notOk('sandbox' in after, 'no sandbox key when the sandbox is off');
  t.same(r.added, { sessionStartKey: true });
});

t.test('a second merge changes nothing (byte-identical); a changed command is updated in place of the old', async (t) => {
  const once = mergeSettings(REALISTIC, ours, 'linux').text;
  const twice = mergeSettings(once, ours, 'linux');
  t.equal(twice.changed, false);
  t.equal(twice.text, once);
  const moved = mergeSettings(once, { ...ours, preToolUse: '/new/shims/rampart-hook' }, 'linux');
  t.ok(moved.changed);
  const pre = JSON.parse(moved.text).hooks.PreToolUse;
  t.equal(pre.length, 2, 'the old Rampart group is replaced, not duplicated');
  t.equal(pre[1].hooks[0].command, '/new/shims/rampart-hook');
});

t.test('indentation of the existing file is kept (4 spaces, tabs)', async (t) => {
  const four = '{\n    "model": "opus"\n}\n';
  t.match(mergeSettings(four, ours, 'linux').text, /^\{\n {4}"model": "opus",\n {4}"hooks": \{\n {8}"PreToolUse"/);
  const tabs = '{\n\t"model": "opus"\n}';
  t.match(mergeSettings(tabs, ours, 'linux').text, /^\{\n\t"model": "opus",\n\t"hooks"/);
  t.match(mergeSettings(undefined, ours, 'linux').text, /^\{\n {2}"hooks": \{\n {4}"PreToolUse"/, 'new file: two spaces');
});

t.test('invalid settings are refused, never overwritten', async (t) => {
  for (const bad of ['{ "model": "opus", }', '// comment\n{}', '[]', '"x"', '{"hooks": []}', '{"hooks": {"PreToolUse": {}}}']) {
    t.throws(() => mergeSettings(bad, ours, 'linux'), { name: 'SettingsError' }, `refused: ${bad}`);
  }
  t.same(parseSettings(''), {}, 'an empty file is an empty object');
  const d = tmp(t);
  const file = path.join(d, 'settings.json');
  fs.writeFileSync(file, '{ "model": "opus", }\n');
  const err = (() => {
    try {
      planSetup(file, ours, path.join(d, 'rh'));
    } catch (e) {
      return e;
    }
  })() as RampartError;
  t.ok(err instanceof RampartError);
  t.equal(err.exitCode, 3);
  t.match(err.message, /not valid JSON.*refusing/);
  t.equal(fs.readFileSync(file, 'utf8'), '{ "model": "opus", }\n', 'file untouched');
  t.notOk(fs.existsSync(path.join(d, 'rh')), 'no state written');
});

t.test('remove takes out only our entries and keys we created', async (t) => {
  const merged = mergeSettings(REALISTIC, ours, 'linux');
  const r = removeFromSettings(merged.text, merged.added);
  t.ok(r.changed);
  t.same(JSON.parse(r.text), JSON.parse(REALISTIC));
  t.equal(r.text, REALISTIC, 'canonical input comes back byte for byte even surgically');
  const fresh = mergeSettings('{\n  "model": "opus"\n}\n', ours, 'linux');
  t.same(JSON.parse(removeFromSettings(fresh.text, fresh.added).text), { model: 'opus' }, 'hooks key we created goes too');
  // A user hook that shares a group with ours survives.
  const shared = JSON.parse(fresh.text);
  shared.hooks.PreToolUse[0].hooks.push({ type: 'command', command: 'mine.sh' });
  const out = JSON.parse(removeFromSettings(JSON.stringify(shared, null, 2), fresh.added).text);
  t.same(out.hooks.PreToolUse, [{ matcher: PRE_TOOL_USE_MATCHER, hooks: [{ type: 'command', command: 'mine.sh' }] }]);
  t.notOk('SessionStart' in out.hooks);
  t.equal(removeFromSettings(REALISTIC, {}).changed, false, 'nothing of ours: unchanged');
});

t.test('signature of our commands', async (t) => {
  for (const c of [ours.preToolUse, ours.sessionStart, "'/a b/shims/rampart-hook'", 'node /x/bin/rampart.js hook claude-code --rampart-home /h']) t.ok(isRampartCommand(c), c);
  for (const c of ['~/.claude/hooks/block-rm.sh', 'rampart-hooks-extra', 'echo rampart', undefined]) t.notOk(isRampartCommand(c), String(c));
  t.equal(shellWord('/a/b-c_d.e'), '/a/b-c_d.e');
  t.equal(shellWord("/a b/it's"), `'/a b/it'\\''s'`);
});

t.test('sandbox: Linux allows all Unix sockets, macOS lists ours; remove undoes only that', async (t) => {
  const on = '{\n  "sandbox": {\n    "enabled": true,\n    "autoAllowBashIfSandboxed": true\n  }\n}\n';
  const linux = mergeSettings(on, ours, 'linux');
  t.same(JSON.parse(linux.text).sandbox, { enabled: true, autoAllowBashIfSandboxed: true, network: { allowAllUnixSockets: true } });
  t.equal(mergeSettings(linux.text, ours, 'linux').changed, false, 'idempotent');
  t.equal(removeFromSettings(linux.text, linux.added).text, on, 'removed, network key we created included');
  const mac = mergeSettings(on, ours, 'darwin');
  t.same(JSON.parse(mac.text).sandbox.network, { allowUnixSockets: [ours.socket] });
  t.equal(removeFromSettings(mac.text, mac.added).text, on);
  const had = '{\n  "sandbox": {\n    "enabled": true,\n    "network": {\n      "allowUnixSockets": [\n        "~/.ssh/agent.sock"\n      ],\n      "allowAllUnixSockets": false\n    }\n  }\n}\n';
  const mac2 = mergeSettings(had, ours, 'darwin');
  t.same(JSON.parse(mac2.text).sandbox.network.allowUnixSockets, ['~/.ssh/agent.sock', ours.socket]);
  t.equal(removeFromSettings(mac2.text, mac2.added).text, had, "the user's socket stays");
  const lin2 = mergeSettings(had, ours, 'linux');
  t.equal(JSON.parse(lin2.text).sandbox.network.allowAllUnixSockets, true);
  t.equal(removeFromSettings(lin2.text, lin2.added).text, had, 'the previous false comes back');
  const already = '{\n  "sandbox": {\n    "enabled": true,\n    "network": {\n      "allowAllUnixSockets": true\n    }\n  }\n}\n';
  const a = mergeSettings(already, ours, 'linux');
  t.notOk(a.added.allowAllUnixSockets, 'already allowed: not ours to remove');
  t.equal(JSON.parse(removeFromSettings(a.text, a.added).text).sandbox.network.allowAllUnixSockets, true);
  for (const off of ['{"sandbox": {"enabled": false}}', '{"sandbox": {}}']) t.notOk(JSON.parse(mergeSettings(off, ours, 'linux').text).sandbox.network, `${off}: untouched`);
});

t.test('disableAllHooks is reported', async (t) => {
  t.match(mergeSettings('{"disableAllHooks": true}', ours, 'linux').notes.join(), /disableAllHooks/);
});

t.test('settings paths per scope', async (t) => {
  t.equal(settingsPathFor('user', {}, '/p', '/h'), '/h/.claude/settings.json');
  t.equal(settingsPathFor('user', { CLAUDE_CONFIG_DIR: '/c' }, '/p', '/h'), '/c/settings.json');
  t.equal(settingsPathFor('project', { CLAUDE_CONFIG_DIR: '/c' }, '/p', '/h'), '/p/.claude/settings.json');
});

t.test('files: setup, again (unchanged, byte-identical), remove restores byte for byte', async (t) => {
  const d = tmp(t);
  const rh = path.join(d, 'rh');
  const file = path.join(d, '.claude', 'settings.json');
  fs.mkdirSync(path.dirname(file));
  // Not canonical JSON on purpose: only the backup can give these bytes back.
  const original = '{"permissions": {"allow": ["Bash(ls)"]},\n   "env": {"A": "1"}, "hooks": {"Stop": []}}';
  fs.writeFileSync(file, original, { mode: 0o640 });
  t.equal(planSetup(file, ours, rh).apply(), 'updated');
  const written = fs.readFileSync(file);
  t.equal(fs.statSync(file).mode & 0o777, 0o640, 'mode kept');
  t.same(JSON.parse(written.toString()).env, { A: '1' });
  const again = planSetup(file, ours, rh);
  t.equal(again.changed, false);
  t.equal(again.apply(), 'unchanged');
  t.ok(fs.readFileSync(file).equals(written), 'byte-identical after a second run');
  t.equal(removeSetup(file, rh).status, 'restored');
  t.equal(fs.readFileSync(file, 'utf8'), original, 'restored byte for byte');
  t.notOk(fs.existsSync(recordPath(rh, file)), 'record forgotten');
  t.equal(removeSetup(file, rh).status, 'nothing', 'a second remove finds nothing');
});

t.test('files: remove after a foreign edit removes only ours and keeps the edit', async (t) => {
  const d = tmp(t);
  const rh = path.join(d, 'rh');
  const file = path.join(d, 'settings.json');
  fs.writeFileSync(file, REALISTIC);
  planSetup(file, ours, rh).apply();
  const edited = JSON.parse(fs.readFileSync(file, 'utf8'));
  edited.model = 'sonnet';
  edited.hooks.SessionStart.push({ matcher: 'startup', hooks: [{ type: 'command', command: 'echo hello' }] });
  fs.writeFileSync(file, JSON.stringify(edited, null, 2) + '\n');
  const r = removeSetup(file, rh);
  t.equal(r.status, 'removed');
  const now = JSON.parse(fs.readFileSync(file, 'utf8'));
  t.equal(now.model, 'sonnet', 'the foreign edit survives');
  t.same(now.hooks.SessionStart, [{ matcher: 'startup', hooks: [{ type: 'command', command: 'echo hello' }] }]);
  t.same(now.hooks.PreToolUse, JSON.parse(REALISTIC).hooks.PreToolUse);
  t.notOk(JSON.stringify(now).includes('rampart'), 'no trace of ours');
});

t.test('files: an edit between two setups makes the backup stale (no restore over the edit)', async (t) => {
  const d = tmp(t);
  const rh = path.join(d, 'rh');
  const file = path.join(d, 'settings.json');
  fs.writeFileSync(file, REALISTIC);
  planSetup(file, ours, rh).apply();
  const edited = JSON.parse(fs.readFileSync(file, 'utf8'));
  edited.model = 'haiku';
  fs.writeFileSync(file, JSON.stringify(edited, null, 2) + '\n');
  t.equal(planSetup(file, { ...ours, preToolUse: '/moved/rampart-hook' }, rh).apply(), 'updated');
  t.equal(removeSetup(file, rh).status, 'removed');
  t.equal(JSON.parse(fs.readFileSync(file, 'utf8')).model, 'haiku');
});

t.test('files: setup that created the file deletes it on remove', async (t) => {
  const d = tmp(t);
  const rh = path.join(d, 'rh');
  const file = path.join(d, 'cfg', 'settings.json');
  t.equal(planSetup(file, ours, rh).apply(), 'created');
  t.equal(removeSetup(file, rh).status, 'deleted');
  t.notOk(fs.existsSync(path.dirname(file)), 'the directory setup created is gone too');
});
