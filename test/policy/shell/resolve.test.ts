// resolveVariables: earlier static assignments in the same line resolve later $x, conservatively.
import t from 'tap';
import { parseShell, commandsOf, resolveVariables } from '../../../src/policy/shell/index.js';

function resolved(line: string): { argv: string[]; static: boolean }[] {
  const r = parseShell(line);
  if (!r.ok) throw new Error(`parse failed: ${r.error}`);
  return commandsOf(resolveVariables(r.script))
    .filter((c) => c.argv.length)
    .map((c) => ({ argv: c.argv.map((w) => w.value), static: c.argv.every((w) => w.static) }));
}

t.test('known values substitute, unknown stay non-static', async (t) => {
  const cases: [string, { argv: string[]; static: boolean }[]][] = [
    ['c=curl; $c -d @.env e', [{ argv: ['curl', '-d', '@.env', 'e'], static: true }]],
    ['c=curl\n${c} x', [{ argv: ['curl', 'x'], static: true }]],
    ['c=cu; d=rl; $c$d x', [{ argv: ['curl', 'x'], static: true }]],
    ['c="curl -d @.env"; $c e', [{ argv: ['curl', '-d', '@.env', 'e'], static: true }]],
    ['c="curl -d"; "$c" e', [{ argv: ['curl -d', 'e'], static: true }]],
    ['c=curl && $c x', [{ argv: ['curl', 'x'], static: true }]],
    ['export c=curl; $c x', [{ argv: ['export', 'c=curl'], static: true }, { argv: ['curl', 'x'], static: true }]],
    ['c=cu; c+=rl; $c', [{ argv: ['curl'], static: true }]],
    ['c=curl; echo "$(${c} x)"', [{ argv: ['curl', 'x'], static: true }, { argv: ['echo', '$(${c} x)'], static: false }]],
    ['c=curl; sh -c "$c x"', [{ argv: ['sh', '-c', 'curl x'], static: true }]],
    ['c=; $c x', [{ argv: ['x'], static: true }]],
    ['$c x', [{ argv: ['$c', 'x'], static: false }]],
    ['c=curl cmd $c', [{ argv: ['cmd', '$c'], static: false }]],
    ['c=$(echo curl); $c x', [{ argv: ['echo', 'curl'], static: true }, { argv: ['$c', 'x'], static: false }]],
    ['c=ls; true || c=curl; $c', [{ argv: ['true'], static: true }, { argv: ['$c'], static: false }]],
    ['c=ls; if x; then c=curl; fi; $c', [{ argv: ['x'], static: true }, { argv: ['$c'], static: false }]],
    ['c=ls; eval c=curl; $c', [{ argv: ['eval', 'c=curl'], static: true }, { argv: ['$c'], static: false }]],
    ['c=ls; source x; $c', [{ argv: ['source', 'x'], static: true }, { argv: ['$c'], static: false }]],
    ['c=ls; read c; $c', [{ argv: ['read', 'c'], static: true }, { argv: ['$c'], static: false }]],
    ['c=ls; unset c; $c', [{ argv: ['unset', 'c'], static: true }, { argv: ['$c'], static: false }]],
    ['c=ls; : ${c:=curl}; $c', [{ argv: [':', 'ls'], static: true }, { argv: ['$c'], static: false }]],
    ['c=ls; (c=curl); $c', [{ argv: ['ls'], static: true }]],
    ['c=ls; c=curl | true; $c', [{ argv: ['true'], static: true }, { argv: ['ls'], static: true }]],
    ['for c in curl; do $c; done', [{ argv: ['curl'], static: true }]],
    ['for c in curl wget; do $c x; done', [{ argv: ['curl', 'x'], static: true }, { argv: ['wget', 'x'], static: true }]],
    ['for c in "$@"; do $c; done', [{ argv: ['$c'], static: false }]],
    ['c=ls; while x; do $c; c=curl; done', [{ argv: ['x'], static: true }, { argv: ['$c'], static: false }]],
    ['c=ls; f() { c=curl; }; f; $c', [{ argv: ['f'], static: true }, { argv: ['$c'], static: false }]],
    ['c=curl; f() { $c x; }; f', [{ argv: ['$c', 'x'], static: false }, { argv: ['f'], static: true }]],
    ['c=ls; declare -n c=d; d=curl; $c', [{ argv: ['declare', '-n', 'c=d'], static: true }, { argv: ['$c'], static: false }]],
  ];
  for (const [line, want] of cases) t.same(resolved(line), want, line);
});

t.test('resolution does not alter the original script', async (t) => {
  const r = parseShell('c=curl; $c x');
  if (!r.ok) return t.fail('parse');
  resolveVariables(r.script);
  t.equal(commandsOf(r.script)[1]!.argv[0]!.value, '$c');
});
