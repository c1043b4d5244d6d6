// Round 62 (peer62): classes three new peer suites exposed (aws/amazon-q-developer-cli, microsoft/vscode's terminal tool,
// QwenLM/qwen-code's read-only checker; see test/fixtures/PEERS.md).
import t from 'tap';
import { lineTable } from '../helpers/engine.js';

await lineTable(t, {
  // A find primary that only the running shell knows: a word in the expression (or after the first starting point, where
  // a value beginning with `-` is read as a primary) that holds an unknown expansion may be -delete or -exec CMD. On
  // f58e144 `find . -${t}exec touch asdf \{\} +` (Amazon Q's requires_acceptance table) and `find . "$EXPRESSION"`
  // (qwen-code's tri-state table) were allowed; `find . -delete` itself asks (it empties the project).
  // A computed first starting point (find "$DIR" …) and a computed value of a primary (-name "$pat", -maxdepth $n) are data.
  'a find primary computed at run time': [
    ['find . -${t}exec touch asdf \\{\\} +', 'ask'],
    ['find /tmp -name "*"  -exe$9c touch /tmp/find_result {} +', 'ask'],
    ['find . "$EXPRESSION"', 'ask'],
    ['find src $EXTRA -name "*.o"', 'ask'],
    ['find . -type f $(cat find-opts.txt)', 'ask'],
    ['find . -name "*.tmp" "$ACTION"', 'ask'],
    ['find . -de$9lete', 'ask'],
    ['find . -name x -del${X}ete', 'ask'],
    // Look-alikes.
    ['find "$DIR" -name "*.log" -mtime +7', 'allow'],
    ['find $BUILD_DIR -type f -name "$pat"', 'allow'],
    ['find . -maxdepth $N -type d', 'allow'],
    ['find "$SRC" -newer "$STAMP" -print', 'allow'],
    ['find . -name "*.ts" -exec wc -l {} +', 'allow'],
    ['find . -size +$((1024 * 1024))c', 'allow'],
    ['f() { find . "$@"; }; f -name x', 'allow'],
    // (An argument array the line builds from words it shows: each element is one of them.)
    ['ex=(node_modules dist); a=(); for e in "${ex[@]}"; do a+=(-path "./$e" -prune -o); done; find . "${a[@]}" -name "*.ts" -print', 'allow'],
    ["args=(-type f -name '*.log'); find . \"${args[@]}\"", 'allow'],
    ['find . "${args[@]}"', 'ask'],
    ['args=("$X"); find . "${args[@]}"', 'ask'],
    ['find . -name x "${EXTRA[@]}"', 'ask'],
  ],
  // A find primary's values are no primaries: -printf -delete prints the word -delete, -name -delete matches a file of that
  // name. On f58e144 `find . -printf -delete` asked as removing the whole project (qwen-code's tri-state table). The
  // primaries after the values still count.
  "a find primary's value read as a primary": [
    ['find . -printf -delete', 'allow'],
    ['find . -fprintf out.txt -delete', 'allow'],
    ['find . -path -delete -print', 'allow'],
    ['find . -newermt -delete -print', 'allow'],
    // Dangerous look-alikes.
    ["find . -printf '%p\\n' -delete", 'ask'],
    ["find ~ -name '*.bak' -delete", 'deny'],
    ['find / -newer x -delete', 'deny'],
  ],
  // A sed script or an awk program given a run-time value where it picks what runs: the whole script ("$S"), its end — where
  // the command letter or the s flags stand (s/a/$S may be s/a/b/e, which runs the file's text) — or the start of an awk
  // program ("$P", "$P{ print }": a whole program, system() included). On f58e144 all four of qwen-code's lines were allowed.
  // A value inside the script before its command letter or closing delimiter (s/x/$v/g, "${n}d", "/$pat/d"), inside an awk
  // action, a number, an awk -v value, or a value the line sets to literal text is data: everyday shell.
  'a sed script or awk program computed at run time': [
    ['sed "$SCRIPT" file', 'ask'],
    ['sed "s/a/$SCRIPT" file', 'ask'],
    ['sed -e "s/x/y/" -e "$EXTRA" f', 'ask'],
    ['sed -i -e"$EDIT" config.ini', 'ask'],
    ['sed -n "$(cat range.txt)" log.txt', 'ask'],
    ['awk "$PROGRAM" file', 'ask'],
    ['awk "$PROGRAM{ print }" file', 'ask'],
    ["gawk -F, \"$FILTER\" data.csv", 'ask'],
    // Look-alikes.
    ['sed "s/__VERSION__/$VERSION/g" tpl > out', 'allow'],
    ['sed -n "${START},${END}p" f', 'allow'],
    ['sed -i "s|$OLD|$NEW|g" f', 'allow'],
    ['sed -n "$((N+1))p" f', 'allow'],
    ['sed "/$pat/d" f', 'allow'],
    // (sed's last-line address written inside double quotes: a one-letter command name the line never sets.)
    ['kubectl -n app describe pod -l app=api | sed -n "/Events:/,$p"', 'allow'],
    ['sed -n "10,$p" log.txt', 'allow'],
    ['sed -n "$START,$S" f', 'ask'],
    ["S='s/a/b/'; sed \"$S\" f", 'allow'],
    ["for s in 's/a/b/' 's/c/d/'; do sed -i \"$s\" f; done", 'allow'],
    ['sed -f "$SCRIPT_FILE" f', 'allow'],
    ['awk "{ print \\$$col }" f', 'allow'],
    ["awk -v x=\"$V\" '{print x}' f", 'allow'],
    ['awk -F, "\\$1 == \\"$id\\"" data.csv', 'allow'],
    ['awk -f "$AWK_FILE" data.txt', 'allow'],
  ],
  // git grep -O/--open-files-in-pager runs its value on the matching files: the usual pager or editor (less, vim) opens them,
  // as PAGER=more git log does. On f58e144 both were denied as code-executing configuration (qwen-code's tri-state table).
  // A program the line does not show stays denied.
  'git grep opening its matches in the usual pager or editor': [
    ['git grep --open-files-in-pager=less needle', 'allow'],
    ['git grep -Ovim needle', 'allow'],
    ['git grep -Onvim TODO -- src', 'allow'],
    // Dangerous look-alikes.
    ['git grep -O/tmp/x needle', 'deny'],
    ["git grep --open-files-in-pager='sh -c id' needle", 'deny'],
    ['git grep -O./vim needle', 'deny'],
  ],
});
