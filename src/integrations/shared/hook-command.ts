// The command line an agent's settings run for Rampart's hook. Agents run a hook's tool call
// on any exit but the blocking one (2 for Claude Code and Gemini CLI), so the line itself
// turns every other failure into 2: a missing or non-executable hook binary (127/126), a Node
// crash (1), a signal. Our own hooks already exit 2 on their failure paths; this covers the
// cases where our code never ran at all.

/** A word for `sh -c`: bare when it is plainly safe, else single-quoted. */
export function shellWord(s: string): string {
  return /^[A-Za-z0-9_/.,:@%+=-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** `CMD` wrapped so that any exit other than 0 and 2 becomes 2 with a reason on stderr. */
export function failClosed(command: string): string {
  return `${command} || { c=$?; [ "$c" -eq 2 ] || echo "rampart: the hook failed (exit $c); the tool call is blocked [rampart-no-decision]" >&2; exit 2; }`;
}
