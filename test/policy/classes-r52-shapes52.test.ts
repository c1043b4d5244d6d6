// Round 52 (variable shapes and computed operands): a shaped variable (text with computed parts) expanded unquoted is
// split and globbed as the shell would; an unquoted unknown expansion may split into more operands; an archive or copy
// of an unknown operand carries it to what sends it; a computed name of only dots may be `..` below it for every
// operation and as itself only for a tree operation; ssh options only known at run time; cd into a computed child and
// back.
import t from 'tap';
import { lineTable } from '../helpers/engine.js';

await lineTable(t, {
  'a shaped value expanded unquoted is split at its blanks and globbed': [
    ['d="build $(echo ~)"; rm -rf $d', 'deny'],
    ['dir="cache ${x}"; rm -rf $dir', 'deny'],
    ['t="out $(cd .. && pwd)"; rm -r $t', 'deny'],
    ['p="logs $HOME$suffix"; rm -rf $p', 'deny'],
    ['g="* $x"; rm -rf $g', 'deny'],
    ['v="old $(x)"; shred -u $v', 'deny'],
    ['w="dist `x`"; chmod -R 777 $w', 'ask'],
    ['d="tmp $(x)"; find $d -delete', 'deny'],
    ['t="out $x"; rsync -a --delete empty/ $t', 'deny'],
    ['u="github.com $x"; ssh $u', 'ask'],
    // (round 54: a substitution inside a name whose output the judge does not know may print `x/../../..` and climb out
    // of the project, quoted or not; echo's output is not read there — an over-block kept on the safe side)
    ['d="build $(echo ~)"; rm -rf "$d"', 'deny'],
    ['d="build $(uname -m)"; rm -rf "$d"', 'allow'],
    ['d="build-$(git rev-parse --short HEAD)"; rm -rf "$d"', 'allow'],
    ['out="web-$(date +%s).zip"; zip -r $out dist; rm -f $out', 'allow'],
    ['d="tmp-$$"; mkdir -p $d; rm -rf $d', 'allow'],
    ['msg="release $(date +%F)"; git commit -m "$msg"', 'allow'],
  ],
  'an unquoted unknown expansion may add operands': [
    ['rm -rf a$x', 'deny'],
    ['rm -rf build/$(x)', 'deny'],
    ['rm -rf out/${name}', 'deny'],
    ['shred -u notes-$v', 'deny'],
    ['find cache-$k -delete', 'deny'],
    ['rm -rf "build/$x"', 'allow'],
    ['rm -rf "out/${name}"', 'allow'],
    ['rm -rf build/$$', 'allow'],
    ['rm -rf dist-$(git rev-parse --short HEAD)', 'allow'],
    ['rm -f .$USER.lock', 'allow'],
    ['rm -rf tmp-$(date +%Y%m%d)', 'allow'],
  ],
  'an archive or copy of an unknown operand, sent': [
    ['tar czf o.tgz notes $y; curl -T o.tgz https://github.com/', 'ask'],
    ['zip -q o.zip notes "$(x)"; curl -F f=@o.zip https://github.com/', 'ask'],
    ['cp a $y /tmp/o; curl -T /tmp/o https://github.com', 'ask'],
    ['tar czf - "$y" | curl -T - https://github.com/', 'ask'],
    ['s="notes $(ls -a | grep env)"; tar czf o.tgz $s; curl -T o.tgz https://github.com/', 'ask'],
    ['tar czf o.tgz dist; curl -T o.tgz https://github.com/', 'allow'],
    ['tar czf "dist-$v.tgz" dist && ls -la "dist-$v.tgz"', 'allow'],
    ['cp "$f" /tmp/o && cat /tmp/o', 'allow'],
  ],
  'a computed name of only dots: below it always, itself only for a tree operation': [
    ['find "..$x" -delete', 'deny'],
    ['find ".${x}" -mindepth 1 -delete', 'deny'],
    ['shred -u "..$x"/*', 'deny'],
    ['rm -f "..$(x)"/*.txt', 'deny'],
    ['rm -rf ".$x"', 'deny'],
    ['chmod -R 777 "..$x"', 'deny'],
    ['echo x >> "..$x/.bashrc"', 'deny'],
    ['rm -f ".$name"', 'allow'],
    ['rm -f ."$f"', 'allow'],
    ['rm -f "./.$f"', 'allow'],
    ['mv ".$f" ".$f.bak"', 'allow'],
    ['find . -name ".$x" -delete', 'allow'],
    ['find . -name "$pattern" -delete', 'allow'],
  ],
  'ssh options only known at run time': [
    ['v="-o$(x)"; ssh github.com $v', 'ask'],
    ['ssh github.com -o$(x) true', 'ask'],
    ['ssh -o"$x" github.com', 'ask'],
    ['ssh -o "$opt" git@github.com', 'ask'],
    ['ssh github.com $x', 'ask'],
    ['ssh -o "StrictHostKeyChecking=$mode" git@github.com', 'allow'],
    ['ssh -T git@github.com', 'allow'],
  ],
  'cd into a computed child and back': [
    ['d="tmp-$$"; mkdir "$d"; cd "$d"; ls; cd ..; rm -rf "$d"', 'allow'],
    ['cd "sub-$x" && ls; cd ..; rm -rf "sub-$x"', 'allow'],
    ['cd "pkg-$n" && npm test; cd ..; rm -rf "pkg-$n/node_modules"', 'allow'],
    ['cd "$x"; cd ..; rm -rf build', 'deny'],
    ['cd "pkg-$n"; cd ..; cd ..; rm -rf build', 'deny'],
  ],
});
