// `rampart setup codex`, the I/O half: $CODEX_HOME/hooks.json gets the hooks, config.toml the
// trust Codex needs before it runs them and the shell tool's PATH; --remove undoes both, --check
// proves the installed hook blocks what it must (and that Codex will run it at all).
import fs from 'node:fs';
import path from 'node:path';
import type { RampartPaths } from '../../server/paths.js';
import { shimsFirst } from '../claude-code/session-start.js';
import { nodeHookCommand, preToolCommand } from '../claude-code/setup.js';
import { planFile, removeFile, type ManagedFile, type SetupPlan } from '../shared/managed-file.js';
import { runHookOnce } from '../shared/run-hook.js';
import { unionAdded } from '../shared/hook-json.js';
import { canaryCalls, CHECK_SESSION_ID, type CheckReport } from '../shared/canaries.js';
import { mergeConfigToml, mergeHooksJson, parseHooksJson, stripConfigToml, stripHooksJson, tomlHookState, trustEntries, type CodexHooks, type HooksAdded, type TomlAdded } from './config.js';

export function codexHome(env: NodeJS.ProcessEnv, cwd: string, home: string): string {
  return env.CODEX_HOME ? path.resolve(cwd, env.CODEX_HOME) : path.join(home, '.codex');
}

export function codexHooks(paths: RampartPaths, native: boolean): CodexHooks {
  return { preToolUse: preToolCommand(paths, native, 'codex'), sessionStart: nodeHookCommand(paths, 'SessionStart', false, 'codex') };
}

const hooksFile = (file: string, ours: CodexHooks): ManagedFile<HooksAdded> => ({
  agent: 'codex', file,
  merge: (before) => mergeHooksJson(before, ours),
  strip: (text, added) => stripHooksJson(text, added),
  union: unionAdded,
});

const tomlFile = (file: string, trust: { key: string; hash: string }[], shellPath: string | undefined): ManagedFile<TomlAdded> => ({
  agent: 'codex', file,
  merge: (before) => mergeConfigToml(before, trust, shellPath),
  strip: (text) => stripConfigToml(text),
  union: () => ({ block: true }),
});

/** The two plans, in order: hooks.json first (the trust hashes are computed from its new text). */
export function planCodex(dir: string, ours: CodexHooks, paths: RampartPaths, envPath: string): SetupPlan[] {
  const hooksPath = path.join(dir, 'hooks.json');
  const hooks = planFile(hooksFile(hooksPath, ours), paths.rampartHome);
  const trust = trustEntries(hooksPath, hooks.after);
  const toml = planFile(tomlFile(path.join(dir, 'config.toml'), trust, shimsFirst(paths.shimsDir, envPath)), paths.rampartHome);
  return [hooks, toml];
}

export function removeCodex(dir: string, rampartHome: string) {
  const none = { preToolUse: '', sessionStart: '' };
  return [removeFile(hooksFile(path.join(dir, 'hooks.json'), none), rampartHome), removeFile(tomlFile(path.join(dir, 'config.toml'), [], undefined), rampartHome)];
}

/** How Codex reads one hook run: exit 2 with a reason, or exit 0 with a block/deny JSON, blocks. */
export function interpretCodex(code: number | null, stdout: string, stderr: string): 'deny' | 'no objection' | 'error' {
  if (code === 2) return stderr.trim() ? 'deny' : 'error';
  if (code !== 0) return 'error';
  try {
    const j = JSON.parse(stdout.trim() || 'null');
    if (j?.decision === 'block' || j?.hookSpecificOutput?.permissionDecision === 'deny') return 'deny';
  } catch {
    /* plain text: no objection */
  }
  return 'no objection';
}

export async function checkCodex(dir: string, paths: RampartPaths, o: { env: NodeJS.ProcessEnv; cwd: string; timeoutMs?: number }): Promise<CheckReport> {
  const lines: string[] = [];
  let ok = true;
  const fail = (msg: string, fix: string) => {
    lines.push(`FAIL ${msg}\n     fix: ${fix}`);
    ok = false;
  };
  const hooksPath = path.join(dir, 'hooks.json');
  let text: string;
  try {
    text = fs.readFileSync(hooksPath, 'utf8');
  } catch {
    fail(`${hooksPath} does not exist`, 'run `rampart setup codex`');
    return { ok, lines };
  }
  let command: string | undefined;
  try {
    const j = parseHooksJson(text) as { hooks?: { PreToolUse?: { matcher?: string; hooks?: { command?: string }[] }[] } };
    const g = (j.hooks?.PreToolUse ?? []).find((x) => x.hooks?.some((h) => /rampart/.test(h.command ?? '')));
    command = g?.hooks?.find((h) => /rampart/.test(h.command ?? ''))?.command;
    if (g && g.matcher !== undefined && g.matcher !== '*' && g.matcher !== '.*' && g.matcher !== '') fail(`the Rampart hook only matches ${JSON.stringify(g.matcher)}: other tools are not judged`, 'run `rampart setup codex` again');
  } catch (e) {
    fail(`${hooksPath}: ${(e as Error).message}`, 'fix the JSON by hand, then run `rampart setup codex`');
    return { ok, lines };
  }
  if (!command) {
    fail(`no Rampart PreToolUse hook in ${hooksPath}`, 'run `rampart setup codex`');
    return { ok, lines };
  }
  lines.push(`ok   PreToolUse hook in ${hooksPath}: ${command}`);
  const trust = trustEntries(hooksPath, text);
  let tomlText: string | undefined;
  try {
    tomlText = fs.readFileSync(path.join(dir, 'config.toml'), 'utf8');
  } catch {
    tomlText = undefined;
  }
  try {
    const st = tomlHookState(tomlText, trust);
    for (const p of st.problems) fail(p, 'run `rampart setup codex` again (it writes the trust Codex needs)');
    if (st.problems.length === 0) lines.push(`ok   Codex trusts the Rampart hooks (${trust.length} entries in config.toml)`);
    if (!st.shellPath || !st.shellPath.split(':').slice(0, 1).includes(paths.shimsDir)) {
      lines.push(`warn the shell tool's PATH does not start with ${paths.shimsDir}: commands started by commands are not seen by the shims (start Codex with \`rampart run -- codex\`, or run \`rampart setup codex\` again)`);
    } else lines.push(`ok   the shell tool's PATH starts with ${paths.shimsDir}`);
  } catch (e) {
    fail(`config.toml: ${(e as Error).message}`, 'fix the TOML by hand, then run `rampart setup codex`');
  }
  for (const c of canaryCalls(paths.home, 'codex')) {
    const input = JSON.stringify({ session_id: CHECK_SESSION_ID, turn_id: 'rampart-check', transcript_path: '', cwd: o.cwd, hook_event_name: 'PreToolUse', model: 'check', permission_mode: 'bypassPermissions', tool_name: c.tool_name, tool_input: c.tool_input, tool_use_id: 'call_rampart_check' });
    const t0 = Date.now();
    const r = await runHookOnce(command, input, o.env, o.cwd, o.timeoutMs ?? 15_000);
    const ms = Date.now() - t0;
    const seen = interpretCodex(r.code, r.stdout, r.stderr);
    const passed = c.expect === 'pass' ? seen === 'no objection' : seen === 'deny';
    const first = r.stderr.split('\n').find((l) => l.trim()) ?? '';
    if (passed) lines.push(`ok   ${c.name}: ${seen} (${ms} ms)`);
    else fail(`${c.name}: expected ${c.expect === 'pass' ? 'no objection' : 'deny'}, got ${seen} (exit ${r.code}, ${ms} ms${first ? `: ${first}` : ''})`, seen === 'error' ? 'Codex would run the tool: run `rampart doctor`, then `rampart setup codex`' : 'check the policy with `rampart policy check` and `rampart status`');
  }
  return { ok, lines };
}
