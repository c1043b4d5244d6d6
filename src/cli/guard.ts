// Commands that loosen or switch off the firewall (approve, deny, trust, stop, setup --remove,
// shims uninstall) are the user's alone. A script the agent runs has the user's rights and can
// get a pseudo-terminal (`script -qc`), so a TTY proves nothing: these commands refuse any caller
// that shows it runs under an agent — the session's variables, a registered session's process
// tree, an agent program among its ancestors, or containment. Without containment this is a
// strong speed bump (a process that double-forks away from its parents and scrubs its
// environment is not recognised); under containment RAMPART_HOME is read-only and the server's
// admin verbs need a token the contained side cannot read.
import fs from 'node:fs';
import { ancestorsOf, descendsFrom } from '../server/ancestry.js';
import type { RampartPaths } from '../server/paths.js';
import { RampartError } from './errors.js';

/** Program names of the coding agents Rampart guards. */
export const AGENT_PROGRAMS = /^(claude|claude-code|codex|codex-[\w-]+|gemini)$/;

/** Environment variables set for commands an agent runs (or that Rampart sets for a session). */
const AGENT_ENV: [string, string][] = [
  ['RAMPART_SESSION', 'it runs inside a Rampart session'],
  ['RAMPART_CONTAINED', 'it runs contained'],
  ['CLAUDECODE', 'it runs under Claude Code'],
  ['CLAUDE_CODE_ENTRYPOINT', 'it runs under Claude Code'],
  ['CODEX_SANDBOX', 'it runs under Codex'],
  ['CODEX_THREAD_ID', 'it runs under Codex'],
  ['GEMINI_CLI', 'it runs under Gemini CLI'],
];

function sessionPids(paths: RampartPaths): number[] {
  try {
    const list = JSON.parse(fs.readFileSync(paths.sessionsFile, 'utf8')) as { pid?: unknown }[];
    return list.map((s) => s.pid).filter((p): p is number => Number.isInteger(p) && (p as number) > 1);
  } catch {
    return [];
  }
}

/** Why this process looks like it was started by an agent; undefined when nothing says so. */
export function agentCaller(env: NodeJS.ProcessEnv, paths: RampartPaths, pid = process.pid): string | undefined {
  for (const [k, why] of AGENT_ENV) if (env[k]) return `${why} (${k} is set)`;
  const owner = sessionPids(paths).find((p) => descendsFrom(pid, p));
  if (owner !== undefined) return `it descends from the Rampart session of process ${owner}`;
  const agent = ancestorsOf(pid).find((a) => AGENT_PROGRAMS.test(a.comm) || a.names.some((n) => AGENT_PROGRAMS.test(n)));
  if (agent) return `it runs under ${agent.names[0] ?? agent.comm} (pid ${agent.pid})`;
  return undefined;
}

/** Throws when an agent (or anything it started) runs an admin command. */
export function refuseAgentCaller(verb: string, env: NodeJS.ProcessEnv, paths: RampartPaths): void {
  const why = agentCaller(env, paths);
  if (why) {
    throw new RampartError('REFUSED', `refusing \`rampart ${verb}\`: ${why}`, `Only you may ${verb.split(' ')[0]} Rampart: run it yourself in a terminal of your own, outside the agent.`);
  }
}
