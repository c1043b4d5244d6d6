// One contained session's host side, on @anthropic-ai/sandbox-runtime: the filtering proxy (every
// connection decided by Rampart's server, through `proxy-decision.ts`) and the bubblewrap +
// seccomp wrapping of commands. sandbox-runtime keeps one configuration per process, so each
// contained session has its own host process (`rampart run --contain` is one; `setup --contain`
// starts `rampart contain-host` per Claude Code session). The host never blocks its event loop
// while commands run: the proxy lives in it.
import { SandboxManager, SandboxRuntimeConfigSchema, type SandboxRuntimeConfig } from '@anthropic-ai/sandbox-runtime';
import fs from 'node:fs';
import path from 'node:path';
import { parse as shellParse } from 'shell-quote';
import { RampartError } from '../cli/errors.js';

/** Decides one connection a contained process asked for. Must not throw; a throw denies. */
export type ConnectDecider = (host: string, port: number) => Promise<boolean>;

/**
 * Runs before every contained command: the engine starts its in-sandbox proxy listeners
 * (ports 3128, 1080) in the background without waiting for them, so a command that connects
 * at once can find nothing there. Wait until both listen (read from /proc, no connection made).
 * Then send loopback through the proxy too (the engine exempts it, but inside the sandbox
 * loopback is the sandbox's own) and use the host's temp dir.
 */
export function prelude(tmpDir: string, shimsDir?: string): string {
  return [
    // Busy-wait on /proc (bash builtins only: a `sleep` process would cost more than the wait).
    'for _rampart_i in {1..3000}; do',
    '  r=0; while read -r _ a _ s _; do case "$a $s" in *:0C38\\ 0A|*:0438\\ 0A) r=$((r+1));; esac; done < /proc/net/tcp;',
    '  [ "$r" -ge 2 ] && break;',
    'done; unset r _rampart_i NO_PROXY no_proxy;',
    `export TMPDIR=${shq(tmpDir)} RAMPART_CONTAINED=1;`,
    // The engine's own helpers (socat) start from PATH before this: the shims go first only now.
    ...(shimsDir ? [`export PATH=${shq(shimsDir)}:"$PATH";`] : []),
  ].join('\n');
}

export function shq(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The variables the engine sets inside (`--setenv NAME VALUE` of the bwrap command line). */
export function containmentEnv(template: string): Record<string, string> {
  const words = shellParse(template, (name) => `$${name}`);
  const out: Record<string, string> = {};
  for (let i = 0; i + 2 < words.length; i++) {
    if (words[i] === '--setenv' && typeof words[i + 1] === 'string' && typeof words[i + 2] === 'string') out[words[i + 1] as string] = words[i + 2] as string;
    if (words[i] === '--') break;
  }
  return out;
}

/** A shell string that is only words (no operators, globs or substitutions), as an argv. */
export function plainWords(command: string): string[] | undefined {
  const words = shellParse(command, (name) => `$${name}`);
  if (words.length === 0 || !words.every((w) => typeof w === 'string')) return undefined;
  // Variables must not have been in it (shell-quote would have replaced them with our marker).
  return (words as string[]).some((w) => w.includes('$') && !command.includes(w)) ? undefined : (words as string[]);
}

/** argv with its program found on this process's PATH now, not on the caller's later. */
function absoluteProgram(argv: string[] | undefined): string[] | undefined {
  if (!argv || argv[0]!.includes('/')) return argv;
  for (const dir of (process.env.PATH ?? '/usr/bin:/bin').split(':')) {
    const p = path.join(dir || '.', argv[0]!);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return [path.resolve(p), ...argv.slice(1)];
    } catch {
      /* next */
    }
  }
  return undefined;
}

export interface Containment {
  /**
   * A `bash -c` string that runs the command line in `$RAMPART_CMD` contained. Wrapped once per
   * session (wrapping costs ~15 ms: it scans the tree for files to protect); every command reuses it.
   */
  template: string;
  /**
   * The same as an argv (the engine's string is one bwrap command line): exec'd directly it
   * saves a shell per command. Undefined if the string is not a plain word list.
   */
  argv?: string[];
  /** What the engine sets inside (see containmentEnv). */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** What is missing for containment on this machine (empty when it can run). */
export function containmentProblems(): string[] {
  if (!SandboxManager.isSupportedPlatform()) return [`containment is not supported on ${process.platform}`];
  const deps = SandboxManager.checkDependencies();
  return deps.errors;
}

/** The engine version this build was made with (pinned: newer ones need Node 22). */
export const SANDBOX_RUNTIME_VERSION = '0.0.78';

let active = false;

/** Starts the proxy and prepares the wrapping for one session's configuration. */
export async function startContainment(config: SandboxRuntimeConfig, decide: ConnectDecider, o: { tmpDir: string; shimsDir?: string }): Promise<Containment> {
  if (active) throw new Error('one containment per process (sandbox-runtime keeps one configuration per process)');
  const problems = containmentProblems();
  if (problems.length) {
    throw new RampartError('CONFIG', `containment cannot start: ${problems.join('; ')}`, 'Install what is missing (Debian/Ubuntu: sudo apt-get install bubblewrap socat ripgrep); `rampart doctor` checks it.');
  }
  // The engine does not validate what it is given; an invalid list must not become "no rule".
  const parsed = SandboxRuntimeConfigSchema.parse(config) as SandboxRuntimeConfig;
  active = true;
  try {
    // No log monitor: it needs the engine's seccomp helper, which allowAllUnixSockets (the
    // shims must reach Rampart's socket) switches off. Filesystem refusals are not reported.
    await SandboxManager.initialize(parsed, async ({ host, port }) => decide(host, port ?? 0), false);
  } catch (e) {
    active = false;
    throw new RampartError('CONFIG', `containment cannot start: ${(e as Error).message}`, 'Run `rampart doctor`.');
  }
  const head = prelude(o.tmpDir, o.shimsDir);
  const template = await SandboxManager.wrapWithSandbox(`${head}\neval "$RAMPART_CMD"`, 'bash', undefined, undefined, { commandId: 'rampart-template', commandText: '(contained command)' });
  return {
    template,
    argv: absoluteProgram(plainWords(template)),
    env: containmentEnv(template),
    stop: async () => {
      await SandboxManager.reset();
      active = false;
    },
  };
}
