// The closed catalogue of errors: each code maps to one exit code and a message that says what to do.
// A deny is a decision, not an error.

export const EXIT = {
  ok: 0,
  /** A check failed (lint errors, failing policy tests, doctor problems). */
  failed: 1,
  /** The command line was wrong (unknown flag, missing argument). */
  usage: 2,
  /** Configuration could not be read or is invalid. */
  config: 3,
  /** The decision server could not be reached or started. */
  server: 4,
  /** A shimmed or hooked command was denied (matches the shim's exit code). */
  denied: 126,
} as const;

export type ErrorCode = 'USAGE' | 'CONFIG' | 'IO' | 'SERVER' | 'NOT_INTERACTIVE' | 'NOT_FOUND' | 'REFUSED';

const EXIT_FOR: Record<ErrorCode, number> = {
  USAGE: EXIT.usage,
  CONFIG: EXIT.config,
  IO: EXIT.config,
  SERVER: EXIT.server,
  NOT_INTERACTIVE: EXIT.usage,
  NOT_FOUND: EXIT.failed,
  /** An admin command from inside an agent session: refused like a denied command. */
  REFUSED: EXIT.denied,
};

/** An expected failure with a message for the user and a hint for the fix. */
export class RampartError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
  get exitCode(): number {
    return EXIT_FOR[this.code];
  }
}

/** Turns any thrown value into the lines to print and the exit code. */
export function renderError(e: unknown): { text: string; exitCode: number } {
  if (e instanceof RampartError) {
    const text = `rampart: ${e.message}` + (e.hint ? `\n  ${e.hint}` : '');
    return { text, exitCode: e.exitCode };
  }
  const msg = e instanceof Error ? (e.stack ?? e.message) : String(e);
  return { text: `rampart: internal error: ${msg}\n  Please report this with the command you ran.`, exitCode: EXIT.failed };
}
