// `rampart setup claude-code --check`: run the hook command exactly as installed on canary
// inputs and say, for each, whether Claude Code would block it — and what to fix if not.
import fs from 'node:fs';
import { installedPreToolUse, parseSettings } from './settings.js';
import { runHookOnce as runOnce } from '../shared/run-hook.js';
import { canaryCalls, CHECK_SESSION_ID, type Canary, type CheckReport } from '../shared/canaries.js';

export type { Canary, CheckReport } from '../shared/canaries.js';

export type Seen = 'no objection' | 'ask' | 'deny' | 'allow' | 'error';

export const canaries = (home: string): Canary[] => canaryCalls(home, 'claude-code');

/** How Claude Code would read one hook run (see protocol.ts for the contract). */
export function interpret(code: number | null, stdout: string): Seen {
  if (code === 2) return 'deny';
  if (code !== 0) return 'error'; // exit 1, 127, a signal: Claude Code lets the tool run
  const s = stdout.trim();
  if (s === '') return 'no objection';
  if (!s.startsWith('{') || !s.endsWith('}')) return 'no objection';
  try {
    const d = JSON.parse(s)?.hookSpecificOutput?.permissionDecision;
    return d === 'deny' || d === 'ask' || d === 'allow' ? d : 'error';
  } catch {
    return 'error';
  }
}

export interface CanaryResult {
  canary: Canary;
  seen: Seen;
  ok: boolean;
  ms: number;
  stderr: string;
}


/** Checks one settings file: our hook is there, hooks are on, and the canaries come out right. */
export async function checkSetup(file: string, o: { env: NodeJS.ProcessEnv; cwd: string; home: string; timeoutMs?: number }): Promise<CheckReport> {
  const lines: string[] = [];
  const fail = (msg: string, fix: string) => {
    lines.push(`FAIL ${msg}\n     fix: ${fix}`);
    return false;
  };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    fail(`${file} does not exist`, 'run `rampart setup claude-code` (add `--scope project` for this project only)');
    return { ok: false, lines };
  }
  let settings;
  let command: string | undefined;
  try {
    settings = parseSettings(text);
    command = installedPreToolUse(text);
  } catch (e) {
    fail(`${file}: ${(e as Error).message}`, 'fix the JSON by hand, then run `rampart setup claude-code`');
    return { ok: false, lines };
  }
  let ok = true;
  if (!command) return { ok: fail(`no Rampart PreToolUse hook in ${file}`, 'run `rampart setup claude-code`'), lines };
  lines.push(`ok   PreToolUse hook in ${file}: ${command}`);
  if (settings.disableAllHooks === true) ok = fail(`${file} sets "disableAllHooks": true (no hook runs)`, 'remove "disableAllHooks" from the file');
  const hooks = settings.hooks as Record<string, unknown[]> | undefined;
  if (!JSON.stringify(hooks?.SessionStart ?? []).includes('--event SessionStart')) {
    ok = fail('no Rampart SessionStart hook: the shims are not put on the Bash tool\'s PATH', 'run `rampart setup claude-code` again');
  }
  const sb = settings.sandbox as { enabled?: unknown; network?: { allowAllUnixSockets?: unknown; allowUnixSockets?: unknown } } | undefined;
  if (sb?.enabled === true && sb.network?.allowAllUnixSockets !== true && !Array.isArray(sb.network?.allowUnixSockets)) {
    ok = fail('the sandbox is enabled but the Rampart socket is not allowed: sandboxed shims cannot reach the server', 'run `rampart setup claude-code` again');
  }
  const env = { ...o.env, CLAUDE_PROJECT_DIR: o.cwd };
  for (const c of canaries(o.home)) {
    const input = JSON.stringify({
      session_id: CHECK_SESSION_ID, transcript_path: '', cwd: o.cwd, permission_mode: 'default',
      hook_event_name: 'PreToolUse', tool_name: c.tool_name, tool_input: c.tool_input, tool_use_id: 'toolu_rampart_check',
    });
    const t0 = Date.now();
    const r = await runOnce(command, input, env, o.cwd, o.timeoutMs ?? 15_000);
    const ms = Date.now() - t0;
    const seen = interpret(r.code, r.stdout);
    const passed = c.expect === 'pass' ? seen === 'no objection' || seen === 'allow' : seen === 'deny';
    const first = r.stderr.split('\n').find((l) => l.trim()) ?? '';
    if (passed) lines.push(`ok   ${c.name}: ${seen} (${ms} ms)`);
    else {
      const fix =
        seen === 'error' && r.code === 0
          ? `the hook printed output Claude Code does not accept as a verdict (${r.stdout.trim().slice(0, 120)}), so Claude Code would run the tool. The decision server or the native hook may predate this version: run \`rampart stop\`, then \`rampart setup claude-code\``
          : seen === 'error'
          ? `the hook command failed (exit ${r.code}${first ? `: ${first}` : ''}); Claude Code would let the tool run. Run \`rampart doctor\`, then \`rampart setup claude-code\``
          : c.expect === 'pass'
            ? `a benign command is ${seen === 'deny' ? 'blocked' : 'asked about'}${first ? ` (${first})` : ''}; check \`rampart policy check 'git status'\` and \`rampart status\``
            : `it was not blocked (${seen}); check the policy with \`rampart policy check\` and that the server runs the current version (\`rampart stop\`)`;
      ok = fail(`${c.name}: expected ${c.expect === 'pass' ? 'no objection' : 'deny'}, got ${seen} (${ms} ms)`, fix);
    }
  }
  return { ok, lines };
}
