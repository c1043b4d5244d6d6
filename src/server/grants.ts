// One-time grants from the agent hook: when Claude Code's own prompt asked the user about a
// command line (hook verdict `ask`) and the user let it run, the shims must not ask a second
// time in another terminal. The hook records the exact argv of each command of that line for the
// session; the first shim request in the same session whose argv matches exactly and whose own
// verdict is `ask` consumes it. A grant never turns a deny into anything else, and expires.
//
// What remains possible (documented): Claude Code does not tell the hook whether the user
// approved. If the user refused, the grant stays for its short lifetime, and the same exact
// argv, in the same session, would run once without a second prompt.

export const GRANT_TTL_MS = 60_000;

interface Grant {
  argv: string[];
  expires: number;
  hookId: string;
}

export class Grants {
  private bySession = new Map<string, Grant[]>();

  /** Records one grant per argv for a session. */
  add(session: string, argvs: string[][], hookId: string, now = Date.now()): void {
    const live = (this.bySession.get(session) ?? []).filter((g) => g.expires > now);
    for (const argv of argvs) if (argv.length > 0) live.push({ argv: normalise(argv), expires: now + GRANT_TTL_MS, hookId });
    // Bounded: an agent cannot grow this without limit.
    this.bySession.set(session, live.slice(-64));
  }

  /** Consumes the grant matching argv exactly; returns the hook decision id it came from. */
  take(session: string, argv: string[], now = Date.now()): string | undefined {
    const list = this.bySession.get(session);
    if (!list) return undefined;
    const want = normalise(argv);
    const i = list.findIndex((g) => g.expires > now && g.argv.length === want.length && g.argv.every((a, k) => a === want[k]));
    if (i < 0) return undefined;
    const [g] = list.splice(i, 1);
    return g!.hookId;
  }
}

/** argv[0] by basename: the hook sees `git`, the shim may see `/usr/bin/git`. */
function normalise(argv: string[]): string[] {
  return [argv[0]!.split('/').pop()!, ...argv.slice(1)];
}
