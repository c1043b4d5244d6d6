// Malformed or hostile input yields {ok:false, error, position}; the parser never throws or hangs.
import t from 'tap';
import { parseShell } from '../../../src/policy/shell/index.js';

t.test('malformed input is reported with a position', async (t) => {
  const cases: [string, RegExp, number?][] = [
    ['echo "unterminated', /unterminated double quote/, 5],
    ["echo 'x", /unterminated single quote/, 5],
    ["echo $'x", /unterminated \$'…' quote/],
    ['echo $(a', /unterminated \$\( … \)/, 5],
    ['echo `a', /unterminated backquote/, 5],
    ['echo <(a', /unterminated process substitution/],
    ['echo ${', /bad substitution/],
    ['echo ${x', /unterminated \$\{ … \}/],
    ['echo ${x;}', /bad substitution/],
    ['cat <<EOF', /unterminated here-document/, 4],
    ['cat <<EOF\nbody', /unterminated here-document/, 4],
    ['cat <<EOF\nbody\nEOFX', /unterminated here-document/],
    ['(a', /expected '\)'/],
    ['a)', /unexpected '\)'/],
    ['{ a; ', /expected '}'/],
    ['{ a }', /expected '}'/],
    ['if a; then b', /expected 'fi'/],
    ['if a; fi', /unexpected 'fi'/],
    ['for x in a; do b', /expected 'done'/],
    ['for 1 in a; do b; done', /bad for-loop variable/],
    ['while a; b; done', /unexpected 'done'/],
    ['case x in a) b', /expected ';;' or 'esac'/],
    ['a &&', /unexpected end of input/],
    ['| a', /unexpected '\|'/],
    ['a |', /unexpected end of input/],
    [';', /unexpected ';'/],
    ['a ;; b', /unexpected ';;'/],
    ['a && && b', /unexpected '&&'/],
    ['fi', /unexpected 'fi'/],
    ['done', /unexpected 'done'/],
    ['echo >', /expected a word after '>'/],
    ['echo > ;', /expected a word after '>'/],
    ['f() echo', /body must be a compound command/],
    ['x=(a', /unterminated array/],
    ['[[ a == b', /unterminated '\[\['/],
    ['a\0b', /NUL/],
  ];
  for (const [line, error, position] of cases) {
    const r = parseShell(line);
    t.equal(r.ok, false, `${JSON.stringify(line)} fails`);
    if (r.ok) continue;
    t.match(r.error, error, JSON.stringify(line));
    if (position !== undefined) t.equal(r.position, position, `${JSON.stringify(line)} position`);
  }
});

t.test('limits: length, depth and work are capped', async (t) => {
  const long = parseShell('a'.repeat(300_000));
  t.same(long.ok ? null : long.error, 'input longer than 262144 characters');
  t.equal(parseShell('echo hi', { maxLength: 3 }).ok, false);
  t.match(parseShell('$('.repeat(500) + ')'.repeat(500)), { ok: false, error: /nesting too deep/ });
  t.match(parseShell('( '.repeat(500) + 'a' + ' )'.repeat(500)), { ok: false, error: /nesting too deep/ });
  t.equal(parseShell('(('.repeat(100) + 'a' + '))'.repeat(100)).ok, true, 'deep arithmetic parentheses are one expression');
  t.equal(parseShell('$('.repeat(20) + 'a' + ')'.repeat(20)).ok, true, 'moderate nesting is fine');
  t.equal(parseShell('echo $(a)', { maxDepth: 1 }).ok, false);
  const started = Date.now();
  for (const s of ['$(('.repeat(60), '"$(('.repeat(60), '((('.repeat(60), '${x:-'.repeat(80), '`'.repeat(999)]) {
    t.equal(parseShell(s).ok, false, `${s.slice(0, 6)}… fails`);
  }
  t.ok(Date.now() - started < 2000, 'pathological inputs finish quickly');
  t.equal(parseShell(42 as unknown as string).ok, false, 'non-string input');
});

t.test('random input never throws and always terminates', async (t) => {
  const alphabet = ['a', ' ', '\n', ';', '&', '|', '(', ')', '{', '}', '<', '>', '$', '`', "'", '"', '\\', '#', '=', '~', '*', '[', ']', '!', 'if ', 'then ', 'fi', 'case ', 'in ', 'esac', 'do ', 'done', '<<', 'EOF', '$((', '))', '${', '-', '0', '2>&1'];
  let seed = 12345;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  let ok = 0;
  for (let i = 0; i < 3000; i++) {
    let s = '';
    const len = 1 + rand(30);
    for (let j = 0; j < len; j++) s += alphabet[rand(alphabet.length)];
    const r = parseShell(s);
    if (r.ok) ok++;
    else if (typeof r.error !== 'string' || typeof r.position !== 'number' || /internal/.test(r.error)) {
      t.fail(`bad result for ${JSON.stringify(s)}: ${JSON.stringify(r)}`);
    }
  }
  t.ok(ok > 0, `${ok} of 3000 random inputs parsed`);
});
