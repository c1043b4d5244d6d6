// One output channel: handlers write through this object; tests capture it without patching globals.

export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** True when stdout is a terminal and colour is allowed. */
  color: boolean;
}

/** Output bound to the real process streams. */
export function processOutput(): Output {
  // A reader that goes away (`rampart log | head`) is not an error.
  for (const s of [process.stdout, process.stderr]) s.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  return {
    out: (t) => void process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
    err: (t) => void process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
    color: colorWanted(process.env, Boolean(process.stdout.isTTY)),
  };
}

/** Colour on a terminal; NO_COLOR turns it off, FORCE_COLOR (non-zero) turns it on, even piped. */
export function colorWanted(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return isTTY && !env.NO_COLOR;
}

/** Output that records everything, for tests. */
export function captureOutput(): Output & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, color: false, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t) };
}
