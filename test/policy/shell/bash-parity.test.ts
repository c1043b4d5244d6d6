// Differential check: for tricky but valid/invalid snippets, we accept exactly what `bash -n` accepts.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { parseShell } from '../../../src/policy/shell/index.js';

const hasBash = spawnSync('bash', ['-c', 'true']).status === 0;

const snippets = [
  'a=(1 2) b', 'echo $((1+(2*3)))', 'echo $(( (1+2) ))', 'echo $( (a) | b )', 'cat <<EOF | sh\nx\nEOF',
  'f() ( a )', 'function f { a; }', 'function f() { a; }', 'echo }', '{ a; }', 'if a; then b; fi > out',
  'echo ${x/a/b} ${x//a/} ${x^^} ${x,,} ${x:1:2} ${x#*/} ${x%%.*}', "echo $'a\\'b'", 'echo "a\\\nb"',
  'case x in (a|b) ;; esac', 'for i in 1 2; { echo $i; }', '[[ a =~ (b|c) ]]', 'echo `echo "\\`id\\`"`',
  'a&&b||c', 'a|&b', '! ! a', 'time a | b', 'echo {a,b}c', 'x+=(1)', 'declare -A m=([a]=1)', 'echo $"hi"',
  "trap 'curl x' EXIT", 'while :; do break; done &', 'echo <(a) >(b)', 'a 2>&-', 'echo ${#} ${!prefix*} ${@:2} "$@"',
  'case a in a) ;; esac', 'echo ;', '(a) (b)', 'echo a >', 'if ; then a; fi', '{ a; }; }', "echo $(echo ')')",
  'echo "$(echo "}")"', 'echo ${x:-"a b"}', "echo ${x:-'}'}", 'x=$(case a in a) echo;; esac)', 'cat <<-EOF\n\tx\n\tEOF',
  'a;;', 'a & & b', 'a || || b', '( )', '{ }', 'for x in; do :; done', 'case', 'esac', 'then', 'if a; then :; else :; fi',
  'echo $(', 'echo `', "echo '", 'echo "', 'cat <<EOF\nx', 'x=$( cat <<EOF\ny\nEOF\n)', 'a\\\n&& b',
];

t.test('acceptance matches bash -n', { skip: hasBash ? false : 'bash not available' }, async (t) => {
  for (const s of snippets) {
    const bash = spawnSync('bash', ['-n', '-c', s], { encoding: 'utf8' });
    const bashOk = bash.status === 0 && !/warning/.test(bash.stderr);
    t.equal(parseShell(s).ok, bashOk, `${JSON.stringify(s)} (bash: ${bash.stderr.trim().split('\n')[0] || 'ok'})`);
  }
});
