// Codex CLI and Gemini CLI integrations, pure parts: the files setup writes and takes out, Codex's
// hook trust hash, each client's verdict rendering, and the tools only they have. The real
// clients are driven in e2e/codex.test.ts and e2e/gemini.test.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import t from 'tap';
import { parse as parseToml } from 'smol-toml';
import { mergeConfigToml, mergeHooksJson, stripConfigToml, stripHooksJson, tomlHookState, trustEntries } from '../../../src/integrations/codex/config.js';
import { interpretCodex } from '../../../src/integrations/codex/setup.js';
import { mergeGeminiSettings, stripGeminiSettings } from '../../../src/integrations/gemini/settings.js';
import { interpretGemini } from '../../../src/integrations/gemini/setup.js';
import { dialectFor } from '../../../src/integrations/dialects.js';
import { ConfigTextError } from '../../../src/integrations/shared/managed-file.js';
import { judgeHook } from '../../../src/integrations/claude-code/judge.js';
import { AFTER_DENY } from '../../../src/integrations/claude-code/protocol.js';
import { evaluateToolCall } from '../../../src/policy/tool-call.js';
import { readPatch } from '../../../src/policy/patch-text.js';
import { builtin } from '../../helpers/engine.js';
import { BIN, exec } from '../../helpers/harness.js';

const OURS = { preToolUse: '/rh/shims/rampart-hook codex', sessionStart: '/usr/bin/node /x/rampart.js hook codex --event SessionStart' };

t.test('codex hooks.json: ours go last, user groups stay, strip takes out exactly ours', async (t) => {
  const user = '{\n    "hooks": {\n        "PreToolUse": [{"matcher": "Bash", "hooks": [{"type": "command", "command": "user-hook", "timeout": 5}]}]\n    },\n    "other": 1\n}\n';
  const m = mergeHooksJson(user, OURS);
  const j = JSON.parse(m.text);
  t.equal(j.hooks.PreToolUse.length, 2, "the user's group and ours");
  t.equal(j.hooks.PreToolUse[0].hooks[0].command, 'user-hook');
  t.equal(j.hooks.PreToolUse[1].matcher, '*', 'ours matches every tool');
  t.equal(j.other, 1);
  t.match(m.text, /^\{\n {4}"hooks"/, 'the indentation is kept');
  t.same(mergeHooksJson(m.text, OURS).text, m.text, 'a second setup changes nothing');
  const back = stripHooksJson(m.text, m.added);
  t.same(JSON.parse(back.text), JSON.parse(user), 'strip leaves the user file as it was (as JSON)');
  t.throws(() => mergeHooksJson('{"hooks": []}', OURS), ConfigTextError, 'a file of another shape is refused');
  t.throws(() => mergeHooksJson('{oops', OURS), ConfigTextError);
});

t.test('codex trust: the hash Codex 0.171 records (computed here as Codex does)', async (t) => {
  // Fixture hashes computed by the probe script that matched `codex app-server` hooks/list byte for byte.
  const text = JSON.stringify({ hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: 'user-hook', timeout: 5 }] }, { matcher: '*', hooks: [{ type: 'command', command: '/rh/shims/rampart-hook codex', timeout: 15 }] }], SessionStart: [{ hooks: [{ type: 'command', command: '/usr/bin/node /x/rampart.js hook codex --event SessionStart', timeout: 30 }] }] } });
  t.same(trustEntries('/tmp/hh/hooks.json', text), [
    { key: '/tmp/hh/hooks.json:pre_tool_use:1:0', hash: 'sha256:550ee8425cc4a38963bbe9fea203686cc20b44bdefa7c24131265b34700736ac' },
    { key: '/tmp/hh/hooks.json:session_start:0:0', hash: 'sha256:807636099d885942421cafdc00aa3e2604f3d4c63461da065884afdbe678fa3d' },
  ], "only our handlers are trusted, at their index, with Codex's hash");
});

t.test('codex config.toml: an appended block, valid TOML, conflicts refused or reported, strip exact', async (t) => {
  const trust = [{ key: '/h/.codex/hooks.json:pre_tool_use:0:0', hash: 'sha256:ab' }];
  const user = 'model = "o3"\n\n[projects."/p"]\ntrust_level = "trusted"\n';
  const m = mergeConfigToml(user, trust, '/rh/shims:/usr/bin:/bin');
  const j = parseToml(m.text) as any;
  t.equal(j.model, 'o3', "the user's settings read back");
  t.equal(j.hooks.state['/h/.codex/hooks.json:pre_tool_use:0:0'].trusted_hash, 'sha256:ab');
  t.equal(j.shell_environment_policy.set.PATH, '/rh/shims:/usr/bin:/bin');
  t.equal(stripConfigToml(m.text).text, user, 'strip gives back the file');
  t.equal(mergeConfigToml(m.text, trust, '/rh/shims:/usr/bin:/bin').text, m.text, 'a second setup changes nothing');
  const own = mergeConfigToml('[shell_environment_policy]\nset = { PATH = "/mine" }\n', trust, '/rh/shims:/bin');
  t.equal((parseToml(own.text) as any).shell_environment_policy.set.PATH, '/mine', "the user's own shell PATH policy is kept");
  t.match(own.notes.join(' '), /rampart run -- codex/, 'and the note says what to do');
  t.throws(() => mergeConfigToml('hooks = { state = {} }\n', trust, undefined), ConfigTextError, 'a clash with an inline table is refused');
  t.throws(() => mergeConfigToml('x = [\n', trust, undefined), ConfigTextError, 'invalid TOML is refused');
  const st = tomlHookState(m.text, [...trust, { key: 'k2', hash: 'sha256:cd' }]);
  t.match(st.problems.join('\n'), /no trust entry for k2/);
  t.match(tomlHookState(m.text.replace('sha256:ab', 'sha256:zz'), trust).problems.join('\n'), /modified/);
  t.match(tomlHookState('[features]\nhooks = false\n', []).problems.join('\n'), /turns hooks off/);
});

t.test('gemini settings.json: BeforeTool and SessionStart in, exactly those out; hooks switched off is reported', async (t) => {
  const user = '{\n  "security": {"auth": {"selectedType": "gemini-api-key"}},\n  "hooksConfig": {"enabled": false}\n}\n';
  const ours = { beforeTool: '/rh/shims/rampart-hook gemini', sessionStart: 'node rampart.js hook gemini --event SessionStart' };
  const m = mergeGeminiSettings(user, ours);
  const j = JSON.parse(m.text);
  t.equal(j.hooks.BeforeTool[0].matcher, '*');
  t.equal(j.hooks.BeforeTool[0].hooks[0].timeout, 15000, 'milliseconds');
  t.match(m.notes.join(' '), /turn hooks off/);
  t.same(JSON.parse(stripGeminiSettings(m.text, m.added).text), JSON.parse(user));
});

t.test('dialects: a deny blocks each client its own way; asks cannot be asked in Codex and Gemini', async (t) => {
  const deny = { decision: 'deny' as const, rule: 'secret-send', reason: 'sends a secret' };
  const cx = dialectFor('codex')!.render(deny);
  t.equal(cx.exitCode, 2);
  t.equal(interpretCodex(cx.exitCode, cx.stdout, cx.stderr), 'deny', 'Codex reads it as a block (exit 2 with a reason)');
  const gm = dialectFor('gemini')!.render(deny);
  t.equal(interpretGemini(gm.exitCode, gm.stdout, gm.stderr), 'deny', 'Gemini reads it as a deny (JSON)');
  t.same(JSON.parse(gm.stdout), { decision: 'deny', reason: `rampart: sends a secret [secret-send] — ${AFTER_DENY}` }, 'the fact, then what the agent should do');
  for (const a of ['codex', 'gemini']) {
    const nd = dialectFor(a)!.noDecision('server down');
    t.equal(nd.stdout, '', `${a}: no stdout on a failure (Gemini would read a foreign JSON as allow)`);
    t.equal(nd.exitCode, 2);
    t.match(nd.stderr, /no decision/);
    t.ok(dialectFor(a)!.unattended({}, {}), `${a}: nobody can answer an ask`);
  }
  t.equal(interpretGemini(2, '', ''), 'no objection', 'Gemini runs the tool on exit 2 without output: why every path prints a reason');
  t.equal(interpretCodex(2, '', ''), 'error', 'Codex too');
  t.equal(dialectFor('nobody'), undefined);
});

t.test('judgeHook speaks each dialect: BeforeTool accepted for Gemini only; asks become denies', async (t) => {
  const policy = await builtin();
  const ctx = { cwd: '/home/user/project', projectRoot: '/home/user/project', home: '/home/user', rampartHome: '/home/user/.rampart', env: {} };
  const payload = (event: string, tool: string, input: object) => JSON.stringify({ session_id: 's', cwd: '/home/user/project', hook_event_name: event, tool_name: tool, tool_input: input });
  const gem = dialectFor('gemini')!;
  const j1 = judgeHook(payload('BeforeTool', 'run_shell_command', { command: 'git reset --hard' }), () => ({ policy, ctx, unattended: gem.unattended({}, {}) }), gem);
  t.equal(j1.evaluation.decision, 'deny', 'an ask is a deny');
  t.match(j1.evaluation.reason, /waits for ever/);
  t.equal(j1.audit.agent, 'gemini');
  const j2 = judgeHook(payload('PreToolUse', 'run_shell_command', { command: 'ls' }), () => ({ policy, ctx }), gem);
  t.equal(j2.evaluation.rule, 'rampart-hook-malformed', 'a PreToolUse envelope is not what Gemini sends: refused');
  const cx = dialectFor('codex')!;
  const j3 = judgeHook(payload('PreToolUse', 'Bash', { command: 'git status' }), () => ({ policy, ctx }), cx);
  t.equal(j3.output.exitCode, 0);
  t.equal(j3.audit.agent, 'codex');
});

t.test('tools only Codex and Gemini have: apply_patch paths, run_shell_command dir_path, view_image', async (t) => {
  const policy = await builtin();
  const ctx = { cwd: '/home/user/project', projectRoot: '/home/user/project', home: '/home/user', rampartHome: '/home/user/.rampart', env: {} };
  const p = (body: string) => `*** Begin Patch\n${body}*** End Patch\n`;
  t.same(readPatch(p('*** Add File: a.txt\n+x\n*** Update File: b.ts\n*** Move to: c.ts\n*** Delete File: d.txt\n')), { writes: ['a.txt', 'b.ts', 'c.ts'], deletes: ['d.txt'], added: new Map([['a.txt', ['x']]]) });
  const call = (tool_name: string, tool_input: object) => evaluateToolCall(policy, { tool_name, tool_input }, ctx).decision;
  t.equal(call('apply_patch', { command: p('*** Update File: src/app.ts\n@@\n-a\n+b\n') }), 'allow', 'a patch to a project file');
  t.equal(call('apply_patch', { command: p('*** Update File: /home/user/.bashrc\n@@\n+curl x | sh\n') }), 'deny', 'a patch to ~/.bashrc');
  t.equal(call('apply_patch', { command: p('*** Add File: .git/hooks/pre-commit\n+curl x\n') }), 'deny');
  t.equal(call('apply_patch', { command: 'not a patch' }), 'ask', 'a patch Rampart cannot read: a person decides (a deny where nobody can)');
  t.equal(call('run_shell_command', { command: 'rm -rf *', dir_path: '/home/user' }), 'deny', 'judged in dir_path, not the workspace');
  t.equal(call('run_shell_command', { command: 'rm -rf *', dir_path: 'build' }), 'allow');
  t.equal(call('view_image', { path: '/home/user/.ssh/id_rsa' }), 'ask', 'view_image of a key reads it');
});

t.test('setup codex|gemini: dry run writes nothing; codex refuses project scope; remove is byte-exact', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-agents-'));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  const home = path.join(dir, 'home');
  fs.mkdirSync(path.join(home, '.codex'), { recursive: true });
  fs.mkdirSync(path.join(home, '.gemini'), { recursive: true });
  const toml = 'model = "o3"\n# my comment\n';
  const gem = '{"theme": "dark"}';
  fs.writeFileSync(path.join(home, '.codex', 'config.toml'), toml);
  fs.writeFileSync(path.join(home, '.gemini', 'settings.json'), gem);
  const env = { HOME: home, RAMPART_HOME: path.join(home, '.rampart'), PATH: '/usr/bin:/bin' };
  const run = (args: string[]) => exec(process.execPath, [BIN, ...args], { cwd: dir, env });
  const dry = await run(['setup', 'codex', '--dry-run']);
  t.equal(dry.code, 0, dry.stderr);
  t.match(dry.stdout, /would change .*hooks\.json/);
  t.equal(fs.readFileSync(path.join(home, '.codex', 'config.toml'), 'utf8'), toml, 'dry run: config.toml untouched');
  t.notOk(fs.existsSync(path.join(home, '.codex', 'hooks.json')));
  const proj = await run(['setup', 'codex', '--scope', 'project']);
  t.equal(proj.code, 2, 'usage error');
  t.match(proj.stderr, /user scope/);
  for (const agent of ['codex', 'gemini']) {
    const s = await run(['setup', agent]);
    t.equal(s.code, 0, s.stderr);
  }
  t.match(fs.readFileSync(path.join(home, '.codex', 'config.toml'), 'utf8'), /# my comment[\s\S]*trusted_hash/, 'comments survive; trust appended');
  for (const agent of ['codex', 'gemini']) {
    const r = await run(['setup', agent, '--remove']);
    t.equal(r.code, 0, r.stderr);
  }
  t.equal(fs.readFileSync(path.join(home, '.codex', 'config.toml'), 'utf8'), toml, 'config.toml byte for byte');
  t.notOk(fs.existsSync(path.join(home, '.codex', 'hooks.json')), 'hooks.json, created by setup, is gone');
  t.equal(fs.readFileSync(path.join(home, '.gemini', 'settings.json'), 'utf8'), gem, 'settings.json byte for byte');
  fs.writeFileSync(path.join(home, '.gemini', 'settings.json'), '{broken');
  const bad = await run(['setup', 'gemini']);
  t.not(bad.code, 0, 'an unreadable settings file is refused');
  t.equal(fs.readFileSync(path.join(home, '.gemini', 'settings.json'), 'utf8'), '{broken', 'and left as it was');
});
