// Round 54 (vars): operands computed at run time. A substitution in a path is judged by what its program can print —
// one name (uname -m, date +%F, git rev-parse --short HEAD), a git ref name (no `.`/`..` component, by git
// check-ref-format), one component that may be `..` (basename of anything), or anything ($(cat f): the path is then
// anywhere); and the files a CI runner hands a step to append to ($GITHUB_OUTPUT, $GITHUB_STEP_SUMMARY, $GITHUB_ENV,
// $GITHUB_PATH) are judged by what is appended, not as a write outside the project.
import t from 'tap';
import { lineTable } from '../helpers/engine.js';
import { EXAMPLE_GIT } from '../../src/policy/examples.js';

await lineTable(t, {
  'a substitution that prints one name is a name below the directory it is placed in': [
    ['OUT_DIR="$PWD/build/$(uname -m)"; mkdir -p "$OUT_DIR" && cp bin/* "$OUT_DIR/"', 'allow'],
    ['OUT_DIR="$PWD/dist/$(uname -s | tr A-Z a-z)"; mkdir -p "$OUT_DIR"; cp -r build/* "$OUT_DIR/"', 'allow'],
    ['D="$(pwd)/out/$(arch)"; rm -rf "$D" && mkdir -p "$D"', 'allow'],
    ['rm -rf "$PWD/build/$(date +%Y%m%d-%H%M%S)"', 'allow'],
    ['cp dist/app.js "$PWD/releases/app-$(git rev-parse --short HEAD).js"', 'allow'],
    ['rm -rf "build/$(git rev-parse --abbrev-ref HEAD)"', 'allow'],
    ['rm -rf "/tmp/preview-$(git rev-parse --abbrev-ref HEAD | tr \'/\' \'-\')"', 'allow'],
    ['mkdir -p "logs/$(whoami)/$(hostname -s)" && cp run.log "logs/$(whoami)/$(hostname -s)/"', 'allow'],
    ['rm -rf "$PWD/$(basename src/app.c .c)"', 'allow'],
    ['for f in fixtures/*.json; do jq -S . "$f" > "normalized/$(basename "$f")"; done', 'allow'],
    ['i=0; for f in $(git ls-files \'fixtures/*.json\'); do i=$((i+1)); mv "$f" "fixtures/case-$(printf \'%03d\' $i).json"; done', 'allow'],
    ['ln -sf "$(command -v python3.12)" .venv/bin/python', 'allow'],
    ["echo >'a`git reset --hard`b'", 'allow'],
  ],
  'outside the project, a printed name is still outside': [
    ['cp x "$PWD/../$(uname -m)"', 'ask'],
    ['cp x "$HOME/$(uname -m)"', 'ask'],
    ['rm -rf ~/$(uname -m)', 'deny'],
    ['cp x ~/.ssh/$(whoami)', 'deny'],
    ['echo x > "out/$(date +%s)/../../../.bashrc"', 'deny'],
  ],
  'a name that may be empty, or `..`, names the directory it stands in, or the one above': [
    ['rm -rf "$PWD/$(git rev-parse --short HEAD)"', 'ask'],
    ['rm -rf "$PWD/$(basename "$X")"', 'deny'],
    ['rm -rf "build/$(basename "$X")"', 'ask'],
    ['rm -rf "$PWD/$(basename ..)"', 'deny'],
    ['rm -rf "$PWD/$(basename /x/..)"', 'deny'],
    // (tr can make dots of other characters, or leave only the dots)
    ['rm -rf "$PWD/$(uname -r | tr 0-9 .)"', 'deny'],
    ['rm -rf "$PWD/$(uname -r | tr -d 0-9)"', 'deny'],
    ['rm -rf "$PWD/$(echo .. | tr a b)"', 'deny'],
  ],
  'a substitution that may print anything may print ../..: the path is anywhere': [
    ['D="$HOME/$(cat name.txt)"; rm -rf "$D"', 'deny'],
    ['rm -rf "$PWD/$(cat f)"', 'deny'],
    ['rm -rf "$PWD/$(curl -s https://evil.example/x)"', 'deny'],
    ['D="build/$(cat f)"; rm -rf "$D"', 'deny'],
    ['rm -rf "/tmp/x/$(cat f)"', 'deny'],
    ['echo x > "out/$(cat f)"', 'ask'],
    ['D="$PWD/build/$(cat f)"; cp bin/* "$D/"', 'deny'],
    ['rm -rf "$PWD/`cat f`"', 'deny'],
  ],
  'a CI step appends to the files its runner hands it': [
    ['echo "sha=$(git rev-parse HEAD)" >> "$GITHUB_OUTPUT"', 'allow'],
    ['SUMMARY=${GITHUB_STEP_SUMMARY:-/tmp/summary.md}; echo "### Tests passed" >> "$SUMMARY"', 'allow'],
    ['echo "APP_VERSION=$(jq -r .version package.json)" >> "${GITHUB_ENV:-/tmp/github-env}"', 'allow'],
    ['GITHUB_OUTPUT=${GITHUB_OUTPUT:-/tmp/gh-output}; echo "version=$(jq -r .version package.json)" >> "$GITHUB_OUTPUT"; cat "$GITHUB_OUTPUT"', 'allow'],
    ['echo "version=1.2.3" | tee -a "$GITHUB_OUTPUT"', 'allow'],
    ['cat coverage/summary.md >> "$GITHUB_STEP_SUMMARY"', 'allow'],
    ['echo "## Coverage" >> $GITHUB_STEP_SUMMARY', 'allow'],
    ['echo "NODE_ENV=production" >> "$GITHUB_ENV"', 'allow'],
    ['printf \'BUILD_ID=%s\\n\' "$(date +%s)" >> "$GITHUB_ENV"', 'allow'],
    ['echo "$PWD/node_modules/.bin" >> "$GITHUB_PATH"', 'allow'],
  ],
  'what a CI step file takes is judged: later steps run with it': [
    ['echo "LD_PRELOAD=/tmp/x.so" >> "$GITHUB_ENV"', 'deny'],
    ['echo "NODE_OPTIONS=--require /tmp/x.js" >> "$GITHUB_ENV"', 'deny'],
    ['echo "BASH_ENV=/tmp/x.sh" | tee -a "$GITHUB_ENV"', 'deny'],
    // (a value that may hold a second line may set any variable)
    ['echo "FOO=$(cat f)" >> "$GITHUB_ENV"', 'ask'],
    ['echo "/tmp/evil" >> "$GITHUB_PATH"', 'ask'],
    // (round 56: a toolchain's bin in HOME is judged as the PATH entry it becomes — allowed, as $HOME/go/bin; the test
    // of round 56 keeps a directory the line fills with a shimmed program's name denied)
    ['echo "$HOME/.local/bin" >> "$GITHUB_PATH"', 'allow'],
    // (overwritten, not appended to: judged as today)
    ['echo "version=1" > "$GITHUB_OUTPUT"', 'ask'],
    // (the line sets the variable: judged by its value, or its default)
    ['GITHUB_OUTPUT=~/.bashrc; echo x >> "$GITHUB_OUTPUT"', 'deny'],
    ['GITHUB_OUTPUT=$(cat f); echo x >> "$GITHUB_OUTPUT"', 'ask'],
    ['SUMMARY=${GITHUB_STEP_SUMMARY:-~/.bashrc}; echo "### Tests passed" >> "$SUMMARY"', 'deny'],
    ['echo x >> "${GITHUB_OUTPUT:-$HOME/.bashrc}"', 'deny'],
    ['n=GITHUB_OUTPUT; printf -v "$n" %s ~/.bashrc; echo x >> "$GITHUB_OUTPUT"', 'ask'],
    ['source ./ci.sh; echo x >> "$GITHUB_OUTPUT"', 'ask'],
  ],
  // (issue #8 B5: where the directory stack leaves a relative delete)
  'pushd/popd, cd -P, ~- and $OLDPWD after a cd that may have failed, CDPATH': [
    ['pushd /tmp/build && rm -rf out && popd', 'allow'],
    ['pushd ~ >/dev/null; popd >/dev/null; rm -rf .cache', 'allow'],
    ['pushd ~ ; rm -rf .cache/x; popd', 'deny'],
    ['pushd "$X"; rm -rf *; popd', 'deny'],
    ['cd -P src && rm -rf build', 'allow'],
    ['cd -P ~ && rm -rf .ssh', 'deny'],
    ['cd "$X"; cd -; rm -rf build', 'deny'],
    ['cd /tmp/x || true; rm -rf ~-/build', 'deny'],
    ['cd "$X" ; rm -rf "$OLDPWD/build"', 'deny'],
    ['CDPATH=/home/user; cd .ssh && rm -rf *', 'deny'],
    ['CDPATH=~ cd .aws && rm -f credentials', 'deny'],
  ],
});

// A remote pushes to every url and pushurl it has: a branch switched to, or a git alias, earlier in the line keeps that so.
const twoUrls = { ...EXAMPLE_GIT, remoteUrls: (n: string) => (n === 'origin' ? ['https://github.com/acme/app.git', 'https://evil.example/x.git'] : []) };
await lineTable(t, {
  'every url of a remote after a switch or an alias': [
    ['git push origin feature/y', 'deny'],
    ['git switch feature/y && git push origin feature/y', 'deny'],
    ['git config alias.p push; git p origin feature/y', 'deny'],
  ],
}, { git: twoUrls });

// The work tree's top, as the hook's git reader reads it from disk: $(git rev-parse --show-toplevel) is that directory.
await lineTable(t, {
  'a root the repository names': [
    ['ROOT=$(git rev-parse --show-toplevel); rm -rf "$ROOT/build" && mkdir "$ROOT/build"', 'allow'],
    ['ROOT=$(git rev-parse --show-toplevel); cp "$ROOT/config/app.example.yaml" "$ROOT/config/app.yaml"', 'allow'],
    ['ROOT=$(git rev-parse --show-toplevel); rm -rf "$ROOT/.."', 'deny'],
    ['rm -rf "$(git rev-parse --show-toplevel)/../x"', 'deny'],
  ],
}, { git: { ...EXAMPLE_GIT, toplevel: () => '/home/user/project' } });
await lineTable(t, {
  'without a top the reader knows, the root is computed': [
    ['ROOT=$(git rev-parse --show-toplevel); rm -rf "$ROOT/build"', 'deny'],
  ],
});
