// `rampart setup gemini`, the I/O half: Gemini CLI's settings.json (user: $GEMINI_CLI_HOME or
// ~, then .gemini/settings.json; project: ./.gemini/settings.json) gets the BeforeTool and
// SessionStart hooks; --remove undoes it; --check runs the installed hook on canaries.
import fs from 'node:fs';
import path from 'node:path';
import type { RampartPaths } from '../../server/paths.js';
import { nodeHookCommand, preToolCommand } from '../claude-code/setup.js';
import { planFile, removeFile, type ManagedFile, type SetupPlan } from '../shared/managed-file.js';
import { runHookOnce } from '../shared/run-hook.js';
import { unionAdded, isObject, type HookGroupsAdded } from '../shared/hook-json.js';
import { canaryCalls, CHECK_SESSION_ID, type CheckReport } from '../shared/canaries.js';
import { mergeGeminiSettings, parseGeminiSettings, stripGeminiSettings, type GeminiHooks } from './settings.js';

export function geminiSettingsPath(scope: 'user' | 'project', env: NodeJS.ProcessEnv, cwd: string, home: string): string {
  if (scope === 'project') return path.resolve(cwd, '.gemini', 'settings.json');
  return path.join(env.GEMINI_CLI_HOME ? path.resolve(cwd, env.GEMINI_CLI_HOME) : home, '.gemini', 'settings.json');
}

export function geminiHooks(paths: RampartPaths, native: boolean): GeminiHooks {
  return { beforeTool: preToolCommand(paths, native, 'gemini'), sessionStart: nodeHookCommand(paths, 'SessionStart', false, 'gemini') };
}

const settingsFile = (file: string, ours: GeminiHooks): ManagedFile<HookGroupsAdded> => ({
  agent: 'gemini', file,
  merge: (before) => mergeGeminiSettings(before, ours),
  strip: (text, added) => stripGeminiSettings(text, added),
  union: unionAdded,
});

export const planGemini = (file: string, ours: GeminiHooks, rampartHome: string): SetupPlan => planFile(settingsFile(file, ours), rampartHome);
export const removeGemini = (file: string, rampartHome: string) => removeFile(settingsFile(file, { beforeTool: '', sessionStart: '' }), rampartHome);

/**
 * How Gemini reads one hook run: stdout (else stderr) as JSON whatever the exit code —
 * decision deny/block blocks; plain text blocks with an exit other than 0 and 1; no output runs.
 */
export function interpretGemini(code: number | null, stdout: string, stderr: string): 'deny' | 'ask' | 'no objection' {
  const text = stdout.trim() || stderr.trim();
  try {
    const d = JSON.parse(text)?.decision;
    if (d === 'deny' || d === 'block') return 'deny';
    if (d === 'ask') return 'ask';
    return 'no objection';
  } catch {
    return text !== '' && code !== 0 && code !== 1 && code !== null ? 'deny' : 'no objection';
  }
}

export async function checkGemini(file: string, paths: RampartPaths, o: { env: NodeJS.ProcessEnv; cwd: string; timeoutMs?: number }): Promise<CheckReport> {
  const lines: string[] = [];
  let ok = true;
  const fail = (msg: string, fix: string) => {
    lines.push(`FAIL ${msg}\n     fix: ${fix}`);
    ok = false;
  };
  let settings: Record<string, unknown>;
  try {
    settings = parseGeminiSettings(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    fail((e as NodeJS.ErrnoException).code === 'ENOENT' ? `${file} does not exist` : `${file}: ${(e as Error).message}`, 'run `rampart setup gemini`');
    return { ok, lines };
  }
  const groups = (isObject(settings.hooks) && Array.isArray(settings.hooks.BeforeTool) ? settings.hooks.BeforeTool : []) as { matcher?: string; hooks?: { command?: string; timeout?: number }[] }[];
  const g = groups.find((x) => x.hooks?.some((h) => /rampart/.test(h.command ?? '')));
  const command = g?.hooks?.find((h) => /rampart/.test(h.command ?? ''))?.command;
  if (!command) {
    fail(`no Rampart BeforeTool hook in ${file}`, 'run `rampart setup gemini`');
    return { ok, lines };
  }
  lines.push(`ok   BeforeTool hook in ${file}: ${command}`);
  if (g!.matcher !== undefined && g!.matcher !== '*' && g!.matcher !== '') fail(`the Rampart hook only matches ${JSON.stringify(g!.matcher)}: other tools are not judged`, 'run `rampart setup gemini` again');
  const hc = isObject(settings.hooksConfig) ? settings.hooksConfig : {};
  if (hc.enabled === false) fail(`${file} turns hooks off ("hooksConfig": {"enabled": false})`, 'remove that setting');
  if (Array.isArray(hc.disabled) && hc.disabled.length) lines.push(`warn "hooksConfig.disabled" lists ${JSON.stringify(hc.disabled)}; make sure Rampart's hook is not among them`);
  const first = (o.env.PATH ?? '').split(':')[0];
  lines.push(first === paths.shimsDir
    ? `ok   ${paths.shimsDir} is first on PATH here: Gemini's shell tool inherits it`
    : `warn Gemini's shell tool inherits Gemini's own PATH: start it as \`rampart run -- gemini\` so the shims see commands started by commands`);
  for (const c of canaryCalls(paths.home, 'gemini')) {
    const input = JSON.stringify({ session_id: CHECK_SESSION_ID, transcript_path: '', cwd: o.cwd, hook_event_name: 'BeforeTool', timestamp: new Date().toISOString(), tool_name: c.tool_name, tool_input: c.tool_input });
    const t0 = Date.now();
    const r = await runHookOnce(command, input, o.env, o.cwd, o.timeoutMs ?? 15_000);
    const ms = Date.now() - t0;
    const seen = interpretGemini(r.code, r.stdout, r.stderr);
    const passed = c.expect === 'pass' ? seen === 'no objection' : seen === 'deny';
    if (passed) lines.push(`ok   ${c.name}: ${seen} (${ms} ms)`);
    else fail(`${c.name}: expected ${c.expect === 'pass' ? 'no objection' : 'deny'}, got ${seen} (exit ${r.code}, ${ms} ms)`, 'run `rampart doctor`, then `rampart setup gemini`; check the policy with `rampart policy check`');
  }
  return { ok, lines };
}
