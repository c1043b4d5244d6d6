// PreToolUse protocol, pure: input fixtures for every guarded tool and every way an input can
// be unreadable, the rendering of each decision, and the client's reading of server replies.
import t from 'tap';
import { AFTER_DENY, hookReply, noDecision, parseHookInput } from '../../../src/integrations/claude-code/protocol.js';
import { hookAuditFields, judgeHook } from '../../../src/integrations/claude-code/judge.js';
import { hookReplyMessage, outputFromReply } from '../../../src/integrations/claude-code/wire.js';
import type { CompiledPolicy } from '../../../src/policy/policy.js';
import type { Context } from '../../../src/policy/types.js';

const base = { session_id: 'abc123', transcript_path: '/h/.claude/projects/x/t.jsonl', cwd: '/home/u/proj', permission_mode: 'default', hook_event_name: 'PreToolUse', tool_use_id: 'toolu_01' };
const input = (tool_name: string, tool_input: unknown, extra: object = {}) => JSON.stringify({ ...base, tool_name, tool_input, ...extra });

t.test('every tool parses with its tool_input passed through (the judge reads it)', async (t) => {
  const fixtures: [string, Record<string, unknown>][] = [
    ['Bash', { command: 'npm test', description: 'Run test suite', timeout: 120000, run_in_background: false }],
    ['Write', { file_path: '/home/u/proj/a.txt', content: 'hi' }],
    ['Edit', { file_path: '/home/u/proj/a.txt', old_string: 'a', new_string: 'b', replace_all: false }],
    ['MultiEdit', { file_path: '/home/u/proj/a.txt', edits: [{ old_string: 'a', new_string: 'b' }] }],
    ['NotebookEdit', { notebook_path: '/home/u/proj/n.ipynb', new_source: 'print(1)', cell_type: 'code', edit_mode: 'replace' }],
    ['Read', { file_path: '/home/u/proj/.env', offset: 1, limit: 10 }],
    ['Grep', { pattern: 'TOKEN', path: '/home/u/proj', output_mode: 'content', '-i': true }],
    ['Glob', { pattern: '**/*.pem' }],
    ['WebFetch', { url: 'https://example.com/x', prompt: 'summarize' }],
    ['mcp__github__create_issue', { title: 'x', body: 'y' }],
    ['Monitor', { command: 'tail -f log' }],
    ['Bash', { description: 'no command: the judge refuses it, not the envelope' }],
  ];
  for (const [tool, ti] of fixtures) {
    const r = parseHookInput(input(tool, ti));
    t.ok(r.ok, `${tool} parses`);
    if (r.ok) {
      t.equal(r.tool, tool);
      t.same(r.call, { tool_name: tool, tool_input: ti }, `${tool}: tool_input passed through untouched`);
      t.equal(r.session_id, 'abc123');
      t.equal(r.cwd, '/home/u/proj');
      t.equal(r.permission_mode, 'default');
    }
  }
});

t.test('unreadable inputs are refused with a reason (the caller denies)', async (t) => {
  const cases: [string, string, RegExp, string?][] = [
    ['empty stdin', '', /no input/],
    ['whitespace', '  \n', /no input/],
    ['malformed JSON', '{"tool_name": "Bash", ', /not valid JSON/],
    ['truncated', input('Bash', { command: 'ls' }).slice(0, -5), /not valid JSON/],
    ['array', '[1,2]', /not a JSON object/],
    ['string', '"Bash"', /not a JSON object/],
    ['null', 'null', /not a JSON object/],
    ['no tool_name', JSON.stringify({ ...base, tool_input: { command: 'ls' } }), /no tool_name/],
    ['tool_name not a string', input(42 as never, { command: 'ls' }), /no tool_name/],
    ['other event', input('Bash', { command: 'ls' }, { hook_event_name: 'PostToolUse' }), /expects a PreToolUse/],
    ['relative cwd', input('Bash', { command: 'ls' }, { cwd: 'proj' }), /absolute cwd/],
    ['missing cwd', JSON.stringify({ tool_name: 'Bash', tool_input: { command: 'ls' } }), /absolute cwd/],
  ];
  for (const [name, text, re, rule] of cases) {
    const r = parseHookInput(text);
    t.equal(r.ok, false, `${name}: refused`);
    if (!r.ok) {
      t.match(r.reason, re, `${name}: reason`);
      t.equal(r.rule, rule ?? 'rampart-hook-malformed', `${name}: rule`);
    }
  }
  const r = parseHookInput(input('WebSearch', { query: 'x' }, { cwd: 'rel' }));
  t.same(r.ok ? null : { s: r.session_id, n: r.tool_name }, { s: 'abc123', n: 'WebSearch' }, 'what could be read is kept for the audit line');
});

t.test('replies: deny blocks with exit 2, ask prompts, allow is silent', async (t) => {
  const deny = hookReply({ decision: 'deny', rule: 'r1', reason: 'sends a secret' });
  t.equal(deny.exitCode, 2);
  const told = `rampart: sends a secret [r1] — ${AFTER_DENY}`;
  t.equal(deny.stderr, told, 'the fact, then what the agent should do instead');
  t.same(JSON.parse(deny.stdout), { hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: told } });
  const ask = hookReply({ decision: 'ask', rule: 'r2', reason: 'reads a secret' });
  t.equal(ask.exitCode, 0);
  t.equal(ask.stderr, '', 'nothing on stderr on the normal path');
  t.same(JSON.parse(ask.stdout), { hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'ask', permissionDecisionReason: 'rampart: reads a secret [r2]' } });
  t.same(hookReply({ decision: 'allow', rule: null, reason: 'no rule matched' }), { stdout: '', stderr: '', exitCode: 0 });
  const explicit = hookReply({ decision: 'allow', rule: null, reason: 'no rule matched' }, { explicitAllow: true });
  t.equal(JSON.parse(explicit.stdout).hookSpecificOutput.permissionDecision, 'allow');
  t.equal(explicit.exitCode, 0);
  const audit = hookReply({ decision: 'allow', rule: 'r1', reason: 'sends a secret' }, { enforced: false, policyDecision: 'deny' });
  t.equal(audit.exitCode, 0);
  t.same(JSON.parse(audit.stdout), { systemMessage: 'rampart(audit): would deny: sends a secret [r1]' });
  const ugly = hookReply({ decision: 'deny', rule: null, reason: 'a\nb\u001b[31m' + 'x'.repeat(5000) });
  t.notMatch(ugly.stderr, /[\n\u001b]/, 'one line, no control characters');
  t.ok(ugly.stderr.length <= 1000, 'bounded');
  const nd = noDecision('server down');
  t.equal(nd.exitCode, 2);
  t.match(nd.stderr, /no decision \(server down\)/);
});

t.test('client side: only a well-formed hook-reply passes; anything else blocks', async (t) => {
  const good = hookReplyMessage(1, hookReply({ decision: 'ask', rule: 'r', reason: 'x' }), { id: 'ab12', decision: 'ask', rule: 'r', reason: 'x', enforced: true });
  t.same(Object.keys(good).slice(0, 5), ['v', 'type', 'exitCode', 'stdout', 'stderr'], 'exitCode/stdout/stderr precede free text for the native client');
  t.same(outputFromReply(JSON.parse(JSON.stringify(good))), { exitCode: 0, stdout: good.stdout, stderr: '' });
  t.same(outputFromReply({ v: 1, type: 'hook-reply', exitCode: 0, stdout: '', stderr: '' }), { exitCode: 0, stdout: '', stderr: '' });
  for (const bad of [
    null,
    'x',
    { v: 1, type: 'hook-reply', exitCode: 1, stdout: '', stderr: '' },
    { v: 1, type: 'hook-reply', exitCode: 0, stdout: 'allow', stderr: '' },
    { v: 1, type: 'hook-reply', exitCode: 0 },
    { v: 1, type: 'error', code: 'internal', message: 'boom' },
    { v: 1, type: 'verdict', decision: 'allow', reason: 'old server' },
    { v: 1, type: 'ok' },
  ]) {
    t.equal(outputFromReply(bad).exitCode, 2, `blocks on ${JSON.stringify(bad)}`);
  }
});

t.test('judgeHook: refusals, missing policy and resolver failures deny; audit fields', async (t) => {
  const ctx: Context = { cwd: '/home/u/proj', projectRoot: '/home/u/proj', home: '/home/u', rampartHome: '/home/u/.rampart', env: {} };
  const never = () => {
    throw new Error('must not resolve an unreadable input');
  };
  const j1 = judgeHook('{oops', never);
  t.equal(j1.decision, 'deny');
  t.equal(j1.output.exitCode, 2);
  t.equal(j1.evaluation.rule, 'rampart-hook-malformed');
  t.same(j1.audit, { source: 'hook', agent: 'claude-code', agentSession: null, tool: null, binary: '', argv: [], cwd: '' });
  const j2 = judgeHook(input('Bash', { command: 'git status' }), () => ({ policy: undefined, policyError: 'bad yaml', ctx }));
  t.equal(j2.decision, 'deny');
  t.match(j2.evaluation.reason, /no valid policy.*bad yaml/);
  const j3 = judgeHook(input('Bash', { command: 'git status' }), () => {
    throw new Error('session store broken');
  });
  t.equal(j3.decision, 'deny');
  t.equal(j3.evaluation.rule, 'rampart-engine-error');
  const j4 = judgeHook(input('Bash', { command: 'git status' }), () => ({ policy: undefined, ctx, audit: true }));
  t.equal(j4.decision, 'deny', 'audit mode does not turn a missing policy into an allow');
  t.equal(j4.enforced, true);
  const j5 = judgeHook(JSON.parse(JSON.stringify(input('Write', { file_path: '/home/u/proj/a', content: 'x' }))), () => ({ policy: {} as CompiledPolicy, ctx }));
  t.same(j5.audit, { source: 'hook', agent: 'claude-code', agentSession: 'abc123', tool: 'Write', binary: 'Write', argv: ['/home/u/proj/a'], cwd: '/home/u/proj' });
  t.same(hookAuditFields(parseHookInput(input('WebFetch', { url: 'https://x.example/p', prompt: 'p' }))).argv, ['https://x.example/p']);
  const j6 = judgeHook({ ...JSON.parse(input('Bash', { command: 'ls' })) }, () => ({ policy: undefined, ctx }));
  t.equal(j6.input.ok, true, 'an object payload is accepted as well as the raw string');
});
