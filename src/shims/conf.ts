// The file beside the shims that fixes, at install time, what the agent's environment must
// not be able to change: the socket, the fail mode, the server launcher, the project root.
import fs from 'node:fs';
import path from 'node:path';

export const CONF_NAME = '.rampart-shim.conf';
export const NATIVE_NAME = '.rampart-shim';
export const HOOK_NAME = 'rampart-hook';
/** Claude Code's CLAUDE_CODE_SHELL_PREFIX under `setup --contain`. */
export const CONTAIN_NAME = 'rampart-contain';
/** Exact hook command lines `rampart-contain` runs uncontained (written by setup). */
export const UNCONTAINED_NAME = '.rampart-uncontained';

export interface ShimConf {
  socket: string;
  shims_dir: string;
  /** `closed` (default) or `open`: what a shim does when no decision can be had. */
  fail: 'closed' | 'open';
  node: string;
  rampart: string;
  rampart_home: string;
  home: string;
  /** Fixed project root for calls without a session; empty = none (nothing is "inside"). */
  project: string;
  log: string;
  kind: 'native' | 'fallback';
  bins: string;
}

export function renderConf(c: ShimConf): string {
  const lines = ['# written by `rampart shims install`; edit with that command, not by hand'];
  for (const [k, v] of Object.entries(c)) {
    if (/[\n\r]/.test(String(v))) throw new Error(`shim config value for ${k} contains a newline`);
    lines.push(`${k}=${v}`);
  }
  return lines.join('\n') + '\n';
}

export function parseConf(text: string): Partial<ShimConf> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const i = line.indexOf('=');
    if (i > 0) out[line.slice(0, i)] = line.slice(i + 1);
  }
  return out as Partial<ShimConf>;
}

/** The config of an installed shims directory, or undefined when none is installed there. */
export function readConf(dir: string): Partial<ShimConf> | undefined {
  try {
    return parseConf(fs.readFileSync(path.join(dir, CONF_NAME), 'utf8'));
  } catch {
    return undefined;
  }
}
