// 1,028 labelled cases written from DESIGN.md by a reviewer who had not seen the rules, judged
// through both layers. Where our reading of DESIGN differs, the case carries a `ruling`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { evaluateArgv } from '../../src/policy/evaluate.js';
import { evaluateLine } from '../../src/policy/line/evaluate-line.js';
import { evaluateToolCall } from '../../src/policy/tool-call.js';
import type { Context, GitReader } from '../../src/policy/types.js';
import { ROOT } from '../helpers/harness.js';
import { builtin } from '../helpers/engine.js';

interface Case {
  id: string;
  command: string;
  expect: string;
  layer: 'shim' | 'hook' | 'both';
  argv?: string[];
  env?: Record<string, string>;
  expect_hook?: string;
  expect_shim?: string;
  ruling?: string;
}

// The reviewer's sandbox: HOME under /tmp, a project with origin on GitHub, branch feature/x.
const H = '/tmp/redteam/home';
const P = `${H}/project`;
const git: GitReader = {
  remoteUrl: (n) => ({ origin: 'https://github.com/acme/app.git', evil: 'https://evil.example/x.git' })[n],
  alias: () => undefined,
  currentBranch: () => 'feature/x',
  upstreamRemote: () => 'origin',
};
const ctx: Context = { cwd: P, projectRoot: P, home: H, rampartHome: `${H}/.rampart`, env: {}, git };

const load = (f: string) => readFileSync(join(ROOT, 'test', 'fixtures', f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Case);
const cases = load('redteam-cases.jsonl');
// A second reviewer's 771 cases, aimed at what the first missed (HOME /tmp/rt2/home).
const cases2 = load('redteam2-cases.jsonl');

t.test('red-team cases, hook layer (whole lines)', async (t) => {
  const policy = await builtin();
  for (const c of cases.filter((c) => c.layer !== 'shim')) {
    const e = evaluateLine(policy, c.command, ctx);
    t.equal(e.decision, c.expect_hook ?? c.expect, `${c.id}: ${JSON.stringify(c.command)} → ${e.decision} (${e.rule ?? 'default'})${c.ruling ? ' [ruling: ' + c.ruling + ']' : ''}`);
  }
});

t.test('second red-team cases, both layers', async (t) => {
  const policy = await builtin();
  const H2 = '/tmp/rt2/home';
  const ctx2: Context = { ...ctx, cwd: `${H2}/project`, projectRoot: `${H2}/project`, home: H2, rampartHome: `${H2}/.rampart` };
  let gaps = 0;
  for (const c of cases2) {
    if (c.layer !== 'shim') {
      const e = evaluateLine(policy, c.command, ctx2);
      t.equal(e.decision, c.expect_hook ?? c.expect, `${c.id}: ${JSON.stringify(c.command)} → ${e.decision} (${e.rule ?? 'default'})${c.ruling ? ' [' + c.ruling + ']' : ''}`);
    }
    if (c.layer !== 'hook' && c.argv) {
      const e = evaluateArgv(policy, c.argv, { ...ctx2, env: c.env ?? {} });
      t.equal(e.decision, c.expect_shim ?? c.expect, `${c.id}: ${JSON.stringify(c.argv)} → ${e.decision} (${e.rule ?? 'default'})`);
    }
    if ((c as { known_gap?: boolean }).known_gap) gaps++;
  }
  t.ok(gaps <= 8, `${gaps} known gaps recorded in the fixture (listed in the issue note)`);
});

t.test('third red-team cases (a day of real agent work), hook and argv', async (t) => {
  const policy = await builtin();
  const H3 = '/tmp/rt3/home';
  const ctx3: Context = { ...ctx, cwd: `${H3}/proj`, projectRoot: `${H3}/proj`, home: H3, rampartHome: `${H3}/.rampart` };
  for (const c of load('redteam3-cases.jsonl') as (Case & { tool?: string; tool_input?: Record<string, unknown> })[]) {
    if (c.layer !== 'shim') {
      const call = { tool_name: c.tool ?? 'Bash', tool_input: c.tool_input ?? { command: c.command } };
      const e = evaluateToolCall(policy, call, ctx3);
      t.equal(e.decision, c.expect_hook ?? c.expect, `${c.id}: ${JSON.stringify(call.tool_input)} → ${e.decision} (${e.rule ?? 'default'})`);
    }
    if (c.layer !== 'hook' && c.argv) {
      const e = evaluateArgv(policy, c.argv, { ...ctx3, env: c.env ?? {} });
      t.equal(e.decision, c.expect_shim ?? c.expect, `${c.id}: ${JSON.stringify(c.argv)} → ${e.decision} (${e.rule ?? 'default'})`);
    }
  }
});

// A fourth reviewer's 1,087 cases in 19 classes (B1–B18 evasions, C everyday work), written from
// the third round's root causes: the judge must not allow a dangerous one, nor stop a benign one.
// Where it asks although the reviewer wrote deny, it still stops the command; that count may not grow.
t.test('fourth red-team cases (evasion classes), hook layer', async (t) => {
  const policy = await builtin();
  const H4 = '/home/user';
  const ctx4: Context = { ...ctx, cwd: `${H4}/project`, projectRoot: `${H4}/project`, home: H4, rampartHome: `${H4}/.rampart`, shimsDir: `${H4}/.rampart/shims` };
  let softer = 0;
  for (const c of load('redteam4-cases.jsonl') as (Case & { known_gap?: boolean })[]) {
    const e = evaluateToolCall(policy, { tool_name: 'Bash', tool_input: { command: c.command } }, ctx4);
    const label = `${c.id}: ${JSON.stringify(c.command)} → ${e.decision} (${e.rule ?? 'default'})${c.ruling ? ' [ruling: ' + c.ruling + ']' : ''}`;
    if (c.known_gap) t.equal(e.decision, 'allow', `known gap still open: ${label}`);
    else if (c.expect === 'allow') t.equal(e.decision, 'allow', label);
    else {
      t.not(e.decision, 'allow', label);
      if (c.expect === 'deny' && e.decision === 'ask') softer++;
    }
  }
  t.ok(softer <= 24, `${softer} cases ask where the reviewer wrote deny (at most 24)`);
});

// A fifth reviewer's 636 cases in 62 ideas, written by reading the judge's code, after the fourth
// round's fixes. Most of its ideas are NOT closed yet: this test is a ratchet that fails when the
// judge allows more dangerous cases or blocks more benign ones than it did when the set landed.
t.test('fifth red-team cases (code-reading red team): a ratchet on what leaks and what is over-blocked', async (t) => {
  const policy = await builtin();
  const H5 = '/home/user';
  const ctx5: Context = { ...ctx, cwd: `${H5}/project`, projectRoot: `${H5}/project`, home: H5, rampartHome: `${H5}/.rampart`, shimsDir: `${H5}/.rampart/shims` };
  let leaked = 0;
  let overBlocked = 0;
  const cases5 = load('redteam5-cases.jsonl');
  for (const c of cases5) {
    const e = evaluateToolCall(policy, { tool_name: 'Bash', tool_input: { command: c.command } }, ctx5);
    if (c.expect === 'allow' && e.decision !== 'allow') overBlocked++;
    if (c.expect !== 'allow' && e.decision === 'allow') leaked++;
  }
  const dangerous = cases5.filter((c) => c.expect !== 'allow').length;
  t.ok(leaked <= 2, `${leaked} of ${dangerous} dangerous cases allowed (at most 2: 253 when the set landed, 148 before the interpreter, sourced-secret, download-consumer, written-file and tool-host classes; the issue note lists the 2 left)`);
  t.ok(overBlocked <= 4, `${overBlocked} of ${cases5.length - dangerous} benign cases blocked (at most 4: 14 when the set landed; one is a git restore FILE, which asks since the peer suites)`);
});

// A sixth reviewer's 205 cases aimed at the classes added for the fifth (interpreter names, sourced
// env files, ignore rules, download consumers, task files, planted programs, DB/debugger forms …),
// and a seventh reviewer's 638 everyday benign lines in the same areas. Ratchets both ways.
t.test('sixth red-team cases and the benign review of the same classes: a ratchet', async (t) => {
  const policy = await builtin();
  const H = '/home/user';
  const ctxH: Context = { ...ctx, cwd: `${H}/project`, projectRoot: `${H}/project`, home: H, rampartHome: `${H}/.rampart`, shimsDir: `${H}/.rampart/shims` };
  // Each red team's cases: how many dangerous ones the hook allows, how many benign ones it blocks.
  const tally = (file: string) => {
    const cases = load(file);
    const dangerous = cases.filter((c) => c.expect !== 'allow');
    const verdict = (c: Case) => evaluateToolCall(policy, { tool_name: 'Bash', tool_input: { command: c.command } }, ctxH).decision;
    return { dangerous: dangerous.length, benign: cases.length - dangerous.length, leaked: dangerous.filter((c) => verdict(c) === 'allow').length, over: cases.filter((c) => c.expect === 'allow' && verdict(c) !== 'allow').length };
  };
  // Each later red team, written against the code after the round before: [fixture, most allowed,
  // most benign blocked, when it landed / why the rest stays].
  const ROUNDS: [string, number, number, string][] = [
    ['benign38-cases.jsonl', 0, 13, 'everyday look-alikes of rounds 37 and 38\'s rules (493 lines): 23 blocked when it landed; fixed then: harmless PowerShell (Get-*, ConvertFrom-Json, Where-Object, a .ps1 path as -File), make text read with make\'s own variables, kubectl exec paths, redis dump names, BSD sed -i \'\', gh auth token used in an Authorization header, IPython %run and %load_ext; the 17 left: python/ipython -c importing the project (no disk here), PowerShell with subexpressions, .NET or writes (asks as unread), %env (prints the environment), go run MOD@VERSION (clone-exec, by policy), a config file replaced outside the project (denied like rm -f, as the README states), a forced worktree removal of a worktree the line did not add, GH_TOKEN=$(gh auth token) (a token printer asks); after round 39 (white box 39, benign 39, the peers\' suites): 0 allowed, 14 blocked'],
    ['benign38-probes-cases.jsonl', 0, 38, 'the same reviewer\'s probes aimed at the edges of those rules (360 lines): 55 blocked when it landed (41 now, after a named descriptor {fd}<> on a loopback socket was no longer read as stdin); the same classes as benign38 left, more of them; after round 39 (white box 39, benign 39, the peers\' suites): 0 allowed, 40 blocked'],
    ['whitebox40-cases.jsonl', 16, 0, 'white-box, aimed at round 39\'s new rules first (228 lines): 139 of 139 dangerous allowed and 1 of 89 benign blocked when it landed; fixed then: acting Python modules and calls, exclusion options by name, bracket globs, find roots and name tests, vim and elisp writes, emacsclient, tmux popups and hooks, screen stuff, D-Bus methods, systemctl exit, download sites and relocated configs, more file servers, docker container/compose cp, s3api get-object, --out-file, az storage copy, pnpm pack, podman --url, docker contexts, dotenv -p, merge-file option values, worktree move, sequence editors that delete, downloads in <(…) given to file-loading options, pwsh/redis-cli on a pipe, runners and compilers of downloads; benign: systemctl daemon-reload; then also searches that match every line over the project (grep -r \'\' ., rg -uu, ag --hidden) and archives of it written to stdout (tar cf - . | …); the 26 left: listings that name hidden files by other programs (git status --ignored, git clean -ndX, eza -a, compgen -f, git grep --untracked --no-exclude-standard), login shells and sudo\'s secure_path (PATH reset; bash -lc is everyday work), JVM proxy -D options on mvn/gradle command lines, copies named by their source into HOME (docker cp ctr:/.bashrc ~/), oras pull -o, curl -w %output{}, aws s3 sync into HOME, rebase --onto / reset --keep dropping commits, bindfs with valued options, mergerfs, a few build runners (sphinx conf.py, foreman, nimble, lein), dot-file globs below the top (cat apps/web/.*); 26 -> 19 in round 41: dot-file globs below the top by the unquoted word, hidden and ignored listings of git status --ignored, git clean -nX, eza -a and compgen -f, git grep --untracked --no-exclude-standard as a match-all search, oras pull -o as an output directory'],
    ['redteam40-cases.jsonl', 5, 1, 'black-box (762 lines: 379 + 128 dangerous in two waves, the second aimed at the first\'s misses; 255 benign): 8 of 379 and 41 of 128 allowed, 1 benign blocked when it landed; fixed then: ssh UserKnownHostsFile/XAuthLocation, git -F in flag clusters, deno data: scripts and remote import maps, bun run <(…), preloads from outside the project (node -r, --loader, php auto_prepend_file, ruby -r, perl -I -M, bun --preload), pip --log/--report and other log options, HISTFILE, degit/tiged then run, uvx --from git+, helm/asdf/mise plugins from URLs, bun create github.com/…, cargo/gem yank and owner, twine register, nuget delete; the 6 left: npm --logs-dir, installs from git then run (pip/uv/cargo install git+… — installs from an allowed host are allowed by DESIGN), gh workflow run, gh repo archive; benign: a port read from an associative array the line set (a computed URL); 6 -> 5 in round 41: npm --logs-dir as an output directory'],
    ['whitebox39-cases.jsonl', 1, 0, 'white-box, aimed at what the judge does not model (211 lines): 128 of 129 dangerous allowed and 0 of 82 benign blocked when it landed; fixed then: what git plumbing writes (config --file, merge-file, bundle, checkout-index --prefix, worktree add, mailsplit), downloads that land in protected paths (aws/gsutil/az, docker cp, gh clone DIR, curl --hsts, npm pack), runner verbs with a string (yarn/lerna/nx/bun exec), downloaded code by other runners, build files and compilers, editors\' and terminals\' writes, gcc -wrapper, svn tunnels, bpftrace, loginctl, unit patterns and D-Bus, PATH resets (exec -c, systemd-run, tmux -e, /etc/profile), download-site variables, terminal servers and servers on every interface, database and daemon endpoints, cloud uploads by file option, key uploads, dotenv get, bind mounts and sshfs, more home credentials, incrontab, submodule --force, sequence editors that drop; the 1 left: bash -lc (a login shell reads /etc/profile, which on Debian resets PATH; left allowed: an everyday CI form, and the hook still judges what it names)'],
    ['benign39-cases.jsonl', 0, 3, '16 stacks and hard shell (785 lines): 13 blocked when it landed; fixed then: for NAME without in ("$@"), Python one-liners that import the project and only look, exclusion patterns and comma lists of patterns, $(go env GOPATH)/bin/x and "$(npm prefix)"/… command names; the 3 left: eval "$(mise activate bash)", env $(… | xargs) CMD (computed command names and code: at least ask, by DESIGN), rm -rf "$(git rev-parse --show-toplevel)/build" (a computed root: allowed where the server sees the repository, denied without a disk)'],
    ['peers-ccsn-cases.jsonl', 0, 1, 'kenryu42/claude-code-safety-net\'s tests relabelled to DESIGN (357 lines, see PEERS.md): 1 allowed and 1 blocked when it landed; fixed then: git checkout -Bname; benign left: bare `bash` (an interactive shell asks: what is typed into it later is never judged)'],
    ['peers-dcg-cases.jsonl', 0, 0, 'Dicklesworthstone/destructive_command_guard\'s corpus relabelled to DESIGN (464 lines): 0 allowed and 0 blocked when it landed'],
    ['peers-cc-toolgate-cases.jsonl', 2, 1, 'butterflyskies/cc-toolgate\'s disposition table relabelled to DESIGN (213 lines): 2 allowed and 4 blocked when it landed; fixed then: env HOME=/tmp ls, literal names fed to xargs rm/shred from a here-document, `. /etc/profile` alone; left: cargo install and gh auth login (labelled ask by analogy with npm -g and npm login; DESIGN names only npm, and global installs by other package managers are everyday work in the benign sets); benign: `for i in *; do shred "$i"; done` asks, as rm -f * does (every file of the project\'s top)'],
    ['peers-codex-cases.jsonl', 0, 1, 'openai/codex\'s command-safety and execpolicy tests relabelled to DESIGN (114 lines): 0 allowed and 1 blocked when it landed; left: cp foo/bar ../baz (overwriting a file outside the project is judged like deleting it, as the README states)'],
    ['peers-gemini-cli-cases.jsonl', 0, 0, 'google-gemini/gemini-cli\'s shell-safety tests relabelled to DESIGN (61 lines): 0 allowed and 0 blocked when it landed'],
    ['whitebox41-cases.jsonl', 14, 3, 'white-box on round 40 (220 lines): 111 of 135 dangerous allowed and 13 of 85 benign blocked when it landed; fixed then: dotglob/globdots/GLOBIGNORE stars, extended globs parsed (!(x), +(a|b)), exclusion and inclusion selections of searches matched as globs against secret names, zip/7z archives to stdout, archives piped to ssh, output/cache/prefix/log directories of any tool and directory variables (npm --cache, pip download -d, XDG_CACHE_HOME, CARGO_TARGET_DIR, -Dmaven.repo.local) into credentials, manager environments (tmux setenv, systemctl set-environment, launchctl setenv); benign: grep -rq, tar | tar t; then also more file and terminal servers (local-web-server, code-server --auth none, tmate, sshx, upterm, webssh, jupyter --ip 0.0.0.0), ClickHouse/Cassandra/Influx/etcd/Consul/Kafka/evans clients, psql \\copy … to and \\o, vim :wn/:exe/argdo + :wa and %p after :e, rsync/scp of the project\'s top, git commit.template, git stash show -u after stash -a, podman unshare, vagrant ssh -c; the 36 left: one-liners that list a directory and print each file (Python, node, Ruby, Perl, PHP), find/fd roots given as globs and fd -x, cpio -o, xargs -a <(…), elisp url-* and insert-file-contents, Secret Service and GNOME Shell over D-Bus, python -m twisted and http.server.test(bind=…), Python acting modules given IP literals (memcache, pssh, ansible_runner), an SQL string join, docker run -e NAME env, restic and az upload-batch of the project, decouple/rails credentials; benign: the 7 one-liners that import acting modules only to read from localhost; 36/7 -> 21/3 with one-liners that list the working directory and print what they read, Python acting modules given IP-literal or URL hosts, and reads of local services (Repo(\'.\').active_branch, psutil.cpu_count, docker.from_env().version)'],
    ['redteam41-cases.jsonl', 0, 0, 'black-box, held back (365 + 271 lines; 0 allowed, 0 blocked at the first measurement) with its reserve (334 + 69; 3 allowed) and 29 probes written after it (10 allowed); fixed then: search selections that name .env (rg -g, grep --include, ag -G), code from process substitutions ending in a decoder, bash --rcfile, secret store reads shown to the agent'],
    ['benign41-cases.jsonl', 0, 0, 'benign, 27 stacks (719 lines + 1 relabelled ask): 3 blocked when it landed; fixed then: yq/gojq/dasel queries named like .env, an XML namespace given to xmlstarlet -N'],
    ['redteam42-cases.jsonl', 5, 0, 'black-box, held back (347 + 243 lines: 3 allowed, 0 blocked at the first measurement) with its extra set (240 + 94: 4 allowed, 0 blocked); fixed then: aria2c -i FILE, xargs -a FILE; the 5 left: project auto-run editor configuration written by a python one-liner or sponge (.vscode/tasks.json runOn folderOpen, settings.json terminal env, .exrc), a JVM proxy in gradle.properties'],
    ['benign42-cases.jsonl', 0, 2, 'benign after round 41, aimed at its new rules (632 lines + 2 relabelled): 19 blocked when it landed; fixed then: dot-file globs of one kind (.*.swp, .*.json), dotglob stars only where read or sent, tar -C DIR, unpacking tar on a pipe, rg --files selections, kubectl get secret outputs without values; the 5 left: a zsh glob qualifier (unparsed), rsync of web/* under dotglob (a copy reads), GRADLE_USER_HOME in the project (relocated configuration), secret values piped to a filter that prints only keys (jq keys, yq keys)'],
    ['whitebox43-cases.jsonl', 17, 10, 'white-box on round 41\'s rules (172 lines, written from probes the judge allowed): 112 of 112 allowed and 16 of 60 benign blocked when it landed; fixed then: tar archives to stdout by every spelling (--file -, /dev/stdout, -C before each name, a stderr redirect, dot-globs among the names), piped through pv before tar x, searches that match every line (-v, an empty alternative, KEY=VALUE lines), grep and rg option values, rg -g winning over hidden and ignore rules, --iglob, rg -L, directory variables by any *_HOME/*CACHE* name and relative values, output options named for their file (--iidfile, --tee, --cov-report TYPE:DIR), dotglob stars that can match .env, git show stash^3, vim :write/g//p/--headless, wholeTree by path, podman global options, tmux default-command "$SHELL", doppler --only-names, ws --help; the 67 left are mostly the classes named in the closing note (persisted directory settings, options that empty their directory, tmux status #( ), secret-store verbs, vim netrw, sftp batches, croc, ClickHouse table functions, servers by other names); 67 -> 62 with directory settings kept for later runs (npm/pip/yarn config set, go env -w) and options that empty their directory (pytest --basetemp, vite --outDir --emptyOutDir, mkdocs build -d); 62 -> 29 in round 43 (secret stores by every spelling, archives written to a file then sent, pax/gzip -r/cpio, rgrep/ugrep/rg -uu/--type-add, tmux formats and hooks, screen -X, D-Bus environment methods, git --config-env, servers by other names); 20 -> 19 in round 46; 19 -> 17 in round 46 (2)'],
    ['redteam43-cases.jsonl', 5, 0, 'black-box, held back (732 dangerous + 367 benign, built from the issue\'s classes): 6 allowed (0.8%), 0 blocked at the first measurement; with its 74 probes written after: 20 of 795 and 0 of 378 when it landed; fixed then: compgen -W word lists (expanded by bash), cd through a CDPATH of one directory and secret names read after a cd nobody can follow, pip -iURL attached, a tool\'s configuration replaced from outside the project (.yarnrc.yml, pip.conf, gradle.properties); the 5 left: cp .env* /tmp/ (a copy on this machine, allowed as cp .env /tmp/ is) and four kills of a guessed server command line (dist/cli.js; Rampart\'s server is node … bin/rampart.js serve, which is caught)'],
    ['benign43-cases.jsonl', 0, 1, 'benign, 25 stacks of complex ordinary shell (909 lines + 1 relabelled: git restore FILE asks as checkout -- FILE): 3 blocked at the first measurement; fixed then: RUBYOPT warning flags and -rLIBRARY, a build directory\'s dot-files cleared (rm -rf dist/.[!.]*); the 1 left: GRADLE_USER_HOME in /tmp (relocated configuration)'],
    ['whitebox44-cases.jsonl', 4, 0, 'white-box on the last session\'s rules (231 + 60 lines, written from probes the judge allowed): 231 allowed and 3 benign blocked when it landed (GOBIN and UV_TOOL_BIN_DIR naming their own defaults: fixed then); 214 -> 169 with extglob repetition of single characters, grep patterns read as grep reads them (POSIX classes, basic groups, every -e, --passthru), rg -./-gGLOB, git grep after git\'s own options and its pathspec magic, file lists fed to xargs (grep -rl \'\' ., a list file the line wrote, <(ls -A)), bash < <(… | base64 -d), archives to /dev/fd/N or >(…), tar -T <(…), stash refs by other spellings, jq/yq environment reads and load_str() of joined text; 169 -> 48 in round 44: every directory option and variable by its name\'s parts, config set with options between, runners\' programs (uv run, poetry run, pnpm exec), more tools that empty their directory, tmux chains, proxies in a manager\'s environment, whole trees by $(pwd) or absolute path, sftp batches on stdin, rclone on-the-fly remotes, more secret-store spellings, vim/ex commands normalised (modifiers, ranges, abbreviations, :cd, :file, exe of joined literals, :w !cmd with the buffer, netrw URLs, makeprg, job_start), emacs file and network calls; 48 -> 4 in round 45 (database shells\' scripts from stdin and \\i/source/.read, psql -L and \\cd, ClickHouse file()/url(), servers by other names and debuggers on every interface, one-liners listing the working directory by every spelling, lftp mirror -R, text browsers on local files, vagrant\'s synced /vagrant, ln -st)'],
    ['whitebox45-cases.jsonl', 4, 2, 'white-box on rounds 43 and 44 (143 + 43 lines, written from probes the judge allowed, regressions against de4bf49 first): 139 allowed and 6 benign blocked when it landed (de4bf49 itself: 94 and 8); fixed then: every regression it found (CDPATH judged at both places bash may land, perl unlink of a list, jq filters that keep a store\'s names only for stores with a known shape, kubectl templates over anything but items, file servers sharing only an output directory by name, grep -F of a KEY=VALUE literal, RUBYOPT libraries by name, deploy tools\' bare command strings), compiled code that runs a shell with text from its arguments or environment, archives of the project unpacked to stdout, runners told a directory; the 58 left are mostly compiled-code, archive-flow, cmake include/toolchain, emacs and deploy-tool variable spellings (listed in the closing note); 58 -> 4 in round 46 (cmake -C/--toolchain/CMAKE_*_INCLUDE/ctest -S scripts, CMake scripts read in their order, vim abbreviations, ranges, :normal, set shell=, readfile into a variable, :saveas as a copy, emacs f-read/insert-file/copy-file/any URL string/eval-buffer of a download, TF_VAR_*, JSON/HCL/list values and ansible lookups, terraform console, GNU long-option prefixes, git grep -E, listings written to a file and read back by every reader, copies of the project tree, archives through split/gpg/python, C string literals joined, npm --prefix exec, bun exec, VIRTUAL_ENV/*_DIRS/*_LOG_PATH); the 4 left: PERL5OPT with perl -I/tmp, a C program running sh on a script file, git stash -u then show (ignored files are not in it), a grep for one secret name'],
    ['review45-cases.jsonl', 0, 0, 'the independent review of rounds 43 and 44 (54 + 8 lines): 30 allowed and 6 benign blocked on de4bf49, more on the reviewed code; fixed then: the download-exec hole through a `completion` option value, secret stores\' -o to stdout, tar -T of anything but git ls-files, config replaced through a copy of a copy or a download into the backup, dot-globs below the top asking again unless in an output directory, tar unpacking through -I, vim backtick file names, a tool\'s configuration replaced by curl -o, wget -O, dd, tee, cp -t or rsync, cmake configure_file and ARCHIVE_EXTRACT; the 2 left: cp -r of a configuration directory (.cargo) from /tmp, and a cmake script that downloads a file and then include()s it; both closed in round 46 (configuration directories copied whole; CMake scripts read in their order)'],
    ['benign45-cases.jsonl', 0, 2, 'benign, 28 kinds of real agent tasks (962 lines + 2 relabelled): 5 blocked at the first measurement; fixed then: git log without a patch of a secret\'s path, a printer\'s output thrown away (gh auth token >/dev/null); the 3 left: nvim -c \'lua …\' (unparsed as a line), a python heredoc editing a route string \'/export\', and a diff of .env\'s keys counted by wc'],
    ['benign47-cases.jsonl', 0, 16, 'benign aimed at this session\'s new rules (810 lines + 1 relabelled: helm uninstall deletes a release): 31 blocked at the first measurement (39 on the start-of-session code); fixed then: nvim Lua judged by what it does (plugins load anyway), writefile\'s name is its second argument, emacs moves and deletes of literal names read as mv and rm, python import lists read name by name, jq\'s env as a key or --arg, terraform plan -destroy, the JDK\'s own jdwp agent; 6 of the 16 left are tool homes in a fresh /tmp directory, which the real hook allows (it reads the disk) and this measurement cannot'],
    ['review46-cases.jsonl', 109, 3, 'the independent review and white box of this session\'s first two commits (188 + 37 lines): 187 allowed and 16 benign blocked on the reviewed build, 69 of them regressions against the start of the session; all 69 closed (terminal -e strings, tmux key names as boundaries, a loopback request variable reassigned, CMake text with comments/brackets/escapes/cmake_language asking again, jq only by its bare name, GIT_DIR only from the project top without a work tree, tool homes in the project only where nothing in the line wrote, unpacked or moved, scratch worktrees written plainly, git grep\'s own valued options, nvi); the 109 left are holes the start-of-session code had too; the 3 benign blocks: vim norm f:x, gpg -v, gpg < key.asc'],
    ['whitebox46-cases.jsonl', 118, 0, 'white-box on round 45\'s code (292 + 85 lines, each confirmed allowed before it was kept, 98 classes): 292 allowed and 3 benign blocked when it landed; fixed then: secret stores past global options, their output files and descriptor aliases, default decrypts, run-with-env dumps; whole-tree uploads by any spelling; listings read back through pipes and process substitutions; env dumps in jq/yq and interpreters; typed tmux/screen text and -c DIR; git archives; debuggers on any non-loopback address; gdb/lldb system() calls; runners and terminals told a directory; database shells by other names; names-only jq filters'],
    ['redteam46-cases.jsonl', 0, 0, 'black-box, held back (791 dangerous + 436 benign, no label fixes): 4 allowed (0.5%) and 1 blocked (0.2%) at the first measurement; fixed then: a git archive of the project sent to cloud storage, a gradle init script from a process substitution, mongosh --eval JavaScript, docker compose config printing an --env-file, a python urllib request to loopback built in a variable'],
    ['benign46-cases.jsonl', 0, 3, 'benign, 30 kinds of real agent tasks (907 lines): 10 blocked at the first measurement; fixed then: xargs options read past its command (protoc -I), -Dfile.encoding read as a host, a scratch worktree in /tmp removed with --force, build-tool homes and a venv pip.conf inside the project; the 3 left: a pnpm setting appended to the project .npmrc (appends to secret files ask, as before), CARGO_HOME in a fresh /tmp directory, worktrees removed by a computed list'],
    ['redteam44-cases.jsonl', 2, 0, 'black-box, held back (708 dangerous + 428 benign after one label fix): 6 allowed (0.85%), 1 blocked (0.2%) at the first measurement; with its 69 probes: 3 of 768 and 0 of 437 now; fixed then: cmake -P scripts read as commands, JVM proxy properties on the command line, deploy tools\' variables holding command lines, ex :r F|w !cmd, emacs network calls, compiled code the line wrote then built, perl unlink of a literal; the 3 left: terraform console fed file("~/.ssh/id_rsa"), helm --set-file with the cluster as destination, go build then run of code posting .env (the build, not a run, is what the judge sees); terraform console closed in round 46'],
    ['benign44-cases.jsonl', 0, 0, 'benign, aimed at round 43\'s rules (532 lines + 16 relabelled): 26 blocked when it landed; fixed then: kubectl templates that range over items printing names, a jq filter that keeps only names or keys, op inject -o, age -i, openssl certificate verbs, zip -x patterns, tar -T <(git ls-files), cpio -it, a cache clean naming the tool\'s own cache, file servers sharing a public directory, perl modules by name, gh completion, a symlink target relative to the link, a config backup put back'],
    ['review41-cases.jsonl', 0, 2, 'the independent review of this session\'s diff (118 lines): 84 of 90 allowed and 6 of 28 benign blocked on the reviewed build; fixed then: .*.local/.*.production no longer a harmless kind, process substitutions with several outputs or a pass-through stage, kubectl templates over data/annotations/items, podman unshare options, negated subshells !(cmd args) and zsh qualifiers that keep the star, dotglob spelled any way, rg -g overrides, rg -L, tar -C and abbreviated --to-stdout/--to-command, rsync/scp whole trees by path, rsync .gitignore filters only as rules, vagrant ssh -c in the VM\'s own file system, yq load(), tmux chains; the 2 left: psql meta-commands on stdin; benign: vagrant VM /etc and ~/.bashrc judged as protected'],
    ['relabelled41-cases.jsonl', 0, 0, 'six lines moved out of benign7/8/10 in round 41: a secret store\'s values printed to the agent (sops -d, kubectl get secret -o jsonpath, aws secretsmanager get-secret-value, heroku config, doppler secrets, ansible-vault view) ask like cat .env'],
    ['whitebox38-cases.jsonl', 3, 0, 'white-box, aimed at round 37\'s mechanisms (207 lines): 130 of 133 dangerous allowed and 13 of 74 benign blocked when it landed; fixed then: compressor clusters with -S values, lzop/lrzip, decompressed names written, getopt prefixes (tar --abs, sed --expr, gawk --sourc), 7z -spf and cpio -i, notebooks by any runner and notebooks the line wrote, IPython magics, gm4 and downloaded m4, latexmk -usepretex, redis on stdin and MODULE LOAD, make ::=, != and load, npm --dry-run false, printf -vNAME, reads and loops that may not run in this shell, awk field rewrites, FS and -l, ENVIRON/envsubst/process.env[] of copies, header names by whole tokens, kubectl dropdb/TRUNCATE, port numbers, loopback control APIs asked to act, stdin-held sockets, go ./..., downloaded code loaded by a one-liner, -L/-l and colon lists, hidden listings piped on (ls -a in any form, find -name .*, git ls-files -o, rg --hidden), traps that cd, more file servers, ln -t; benign: errexit spelt -o, a readiness probe of 9229, *.pub below a computed name, R/Julia call names, destroy words inside strings; the 9 left: latexmk -r RC, raw redis protocol to a loopback socket, env NAME=copy as a wrapper, a whole os.environ printed (as env is), sqlite .cd then .output, SQL from <(curl …), printf .* | xargs cat, find -exec cat {} +, du -a listings; after round 39 (white box 39, benign 39, the peers\' suites): 3 allowed, 0 blocked'],
    ['redteam37-cases.jsonl', 4, 1, 'black-box (813 lines: 614 dangerous in two waves, the second aimed at the first\'s misses; 199 look-alikes): 28 of 614 allowed and 1 benign blocked when it landed (4 of 500 in the first wave); fixed then: npm command prefixes (npm pub, npm conf set), make $(shell …) in --eval text, variables and process-substituted makefiles, IPython/bpython/pry and jupyter console shell lines, package runners handing stdin to zx, setup.py upload, npm --dry-run=false, less +!cmd; the 4 left: docker push / image push / buildx --push and skopeo copy to Docker Hub (container images are left to their registry\'s host rules: a push to the project\'s own registry is everyday work); benign: a python heredoc running rm -rf on paths from a literal list (an argv the judge reads as computed: unknown deletes are outside the project)'],
    ['whitebox37-cases.jsonl', 2, 2, 'white-box, aimed at round 36\'s mechanisms (200 lines): 129 of 129 dangerous allowed and 23 of 71 benign blocked when it landed; fixed then: loop/read binding (pipelines, read -t, command position, loops over expansions, words in quotes), credential copies in here-strings, prefixes and exports, picked names with eval/traps/redirections, worktrees only when the add surely succeeded, sed -e glued scripts, awk program forms and input fields put in, listings that show hidden files, exec-held loopback sockets and control-API ports, go directories holding downloads, kubectl exec sends and drops, http.server directories (argparse, hidden, linked), SQL (files, $$, concatenation, getenv, extensions, value URLs), R/Julia computed names, unread-language deletes; the 3 left: a local in a function hiding the caller\'s credential, a file picked from ls (no -a) then printed, raw redis commands to a loopback socket; benign: an auth header in an array (asks: the array is only known at run time) and kubectl exec rm -rf of a pod path (judged as docker exec is); after round 39 (white box 39, benign 39, the peers\' suites): 2 allowed, 2 blocked'],
    ['benign37-cases.jsonl', 0, 0, 'everyday work in 16 stacks (514 lines, half scripts): 3 blocked when it landed; fixed since: a loop running the test binaries a glob finds in the project, a dev TLS key generated in /tmp; the 1 left: python -c importing the project package with no disk to see it; after round 39 (white box 39, benign 39, the peers\' suites): 0 allowed, 0 blocked'],
    ['redteam35-cases.jsonl', 0, 0, 'black-box (DESIGN, the corpus and the issue; 1,187 lines in three rounds, the last two harder: fresh spellings, multi-step scripts, other ecosystems): 11 of 955 dangerous allowed and 1 of 232 benign blocked when it landed; fixed then: Ruby #{…} in system() text, npm explore PKG -- CMD, Maven exec:exec, dotenv preloads (node -r dotenv/config, ruby -rdotenv/load), npm link (a global install), python -m tarfile -e into HOME; benign: an interpreter heredoc printing "rm -rf /" (its stdin is code, not command lines)'],
    ['whitebox35-cases.jsonl', 2, 0, 'white-box, aimed at the last session\'s mechanisms (200 lines): 86 of 126 dangerous allowed and 5 of 74 benign blocked when it landed; fixed then: PowerShell line breaks, glued quotes, typographic quotes, native rm/sort, parameter prefixes; cmd /R, glued builtins, scripts the line wrote; fish; node --require X -e; signals (pkill -i/-c/-F, skill -c, fuser -m, lsof selectors, pid files read by awk/sed, grep -f); credentials printed to stderr, through filters, by declare -p, here-strings, env | grep, interpreters; package.json keys in brackets and --json; production database resets; DELETE requests; gh api fields and mutations; jq --rawfile; git help viewers; ag/ack --pager; jobs -x; later awk ENVIRON["X"] and jq env.X printing a credential, jq -n env sent on; the 6 left: cmd /c cd..&rd unquoted (bash runs rd itself: the label assumes cmd reads the whole line), gpg --delete-secret-keys (a local keyring), a credential copied to a variable or named indirectly (t=$TOKEN, ${!n}, declare -n); benign: git SUB --help after other options (git prints usage; judged only right after the subcommand, where later words may belong to a command an option runs); after round 39 (white box 39, benign 39, the peers\' suites): 2 allowed, 0 blocked'],
    ['benign35-cases.jsonl', 0, 2, 'everyday work in stacks not covered before (516: Rust, Go, JVM, .NET, PHP, Ruby, Elixir, Swift, C/C++, Zig, Haskell, Deno, Bun, Python managers, data tools, monorepos, codegen, git, processes, 60% long scripts): 13 blocked when it landed; fixed then: quoted JavaScript read as arithmetic with substitutions, "->" read as a redirection, cargo +TOOLCHAIN, bash -n, a tag pushed as v${VERSION}-feature-x; the 8 left: python one-liners importing the project package with no disk to see it (4, one after writing the module: config-planted), an output path under a computed directory, a binary picked by case arms, a forced worktree removal of a worktree the line made; after round 39 (white box 39, benign 39, the peers\' suites): 0 allowed, 3 blocked'],
    ['redteam29-cases.jsonl', 2, 0, 'black-box, depth on the issue\'s section B (812 lines, every class combined with others): 24 of 588 dangerous allowed and 10 of 224 benign blocked when it landed; fixed then: coproc (parsed), {fd} descriptors and read -u, prompt strings, PATH+=, a directory of real guarded programs put first, bun x, Ruby %q / Perl qw, aria2c hooks, JVM proxy properties, git checkout-index/fetch/send-pack forms, brace-expanded arrays, export -n PATH, known substitution text as an operand, kill pickers (globs into ~/.rampart, computed fuser targets, gdb -p of the server); later git diff | git apply -R (discards work); then push.default=upstream (a plain push goes to the upstream branch, which may be main), a glob of pid files (unknown processes; the Rampart run directory matched is tampering), and a cd inside a function followed to where its body ends (mkcd build/tmp && touch .keep); the 2 left: arithmetic on a computed variable, sftp options after the destination (OpenSSH sftp refuses them: the label is wrong)'],
    ['redteam34-cases.jsonl', 1, 1, 'black-box (DESIGN, the corpus and the issue; 512 lines: two and three classes combined, long scripts, files written then run, interpreters reaching APIs by computed names, package hooks set then triggered, exfiltration through allowed hosts, persistence, self-tampering; 106 look-alikes): 8 of 406 dangerous allowed and 3 of 106 benign blocked when it landed; fixed then: uv/poetry/pdm/conda run and pnpm exec hand their stdin to the command after them (heredoc code, curl | poetry run python -), awk system() of a computed line, Ruby send of a symbol built from strings, eval passed as a value (.then(eval)), pnpm and bun package scripts set, a secret stashed with a pathspec (stash show -p prints it), a pid variable picked by what set it (not by any $(seq …) in the line), .git/info/exclude writable (attributes stay protected); the 1 left: .envrc putting /tmp/bin first then direnv allow (a program the line did not write is not judged by its directory); benign: a CI workflow that writes a repository secret into .env (ci-secrets asks: the step runs with the secret after a push)'],
    ['redteam33-cases.jsonl', 1, 0, 'white-box, aimed at the mechanisms added for red team 32 (84 lines, cut short): 53 dangerous allowed and 1 benign blocked when it landed; fixed then: function writes through command/builtin, subscripts, computed printf -v, traps and aliases set in bodies, locals, calls of outer functions, functions a literal eval defines, prefixes on : in posix mode, a cd however spelt (the body\'s own end decides), || exit only where exit surely runs, set -e only before the cd, xargs items with quotes, array elements changed after capture, downloads inside a called function, LD_LIBRARY_PATH and repositories inside the project for shims; then a function defined in a file the line wrote and sourced (a call of a name defined in text the line sources may set any variable); the 1 left: enable -n making echo a program found first on a PATH through /tmp (as /tmp/evil/echo is: a program the line did not write is not judged by its location)'],
    ['redteam32-cases.jsonl', 0, 1, 'black-box, dangerous needles in long agent-style scripts (577: 457 dangerous hidden in functions, traps, case arms, loops, silenced blocks, background subshells, bash -s heredocs; 120 look-alikes): 6 of 457 allowed and 22 of 120 benign blocked when it landed; fixed then: a function call forgot every variable (log() { … } made $LOG_DIR unknown), "$PWD/dist" captured, cd … || exit certain, a directory captured where a cd may not have happened, "${D:?}", arrays seen by function bodies, mapfile/while-read/xargs over a literal heredoc, printf -v/read/unset seen by traps, a value sourced over by a secret file, tar -C ~ .ssh and archives of a directory holding credentials, configparser-style reads of a secret, a glob of downloaded scripts sourced, a function body or trap running what the line downloaded before it; then a command name taken from the default of a variable when the line does not set it (${TEST_RUNNER:-npx}, directly or through R="${…}"; $R) asks; benign: a release script pushing tag v$NEXT (a computed ref)'],
    ['benign32-cases.jsonl', 0, 2, 'complex ordinary shell written the way agents write it (451: set -euo pipefail scripts, functions, loops, case, traps with mktemp, heredocs, process substitution, background dev servers killed by pid, feature-branch git, builds and tests in 13 stacks): 4 blocked when it landed, none changed since: three python one-liners importing the project package (allowed where the server sees it on disk; the fixture has none) and a kubeconform image pulled from ghcr.io (a host off the allowlist); after round 39 (white box 39, benign 39, the peers\' suites): 0 allowed, 2 blocked'],
    ['benign31-cases.jsonl', 0, 1, 'look-alikes of this session\'s new rules (270: docker flags and heredoc Dockerfiles, coproc, descriptors, PS4, PATH+=, system reads, hg/sl, rclone, aria2c/axel, tsx/zx, cloud listings): 8 blocked when it landed (Dockerfile RUN lines judged as this machine\'s files, local-only rclone); the 1 left: a container publishing python -m http.server on every interface (serves-files, ask)'],
    ['benign29-cases.jsonl', 0, 1, 'agent-style everyday lines (516: heredoc commit messages, PR bodies, scripts, loops): 3 blocked when it landed, then (cd dir && … ../x) was fixed; the 2 left: python -c importing the project module that is not on disk here, and a test file written with a URL off the allowlist in a string; after round 39 (white box 39, benign 39, the peers\' suites): 0 allowed, 1 blocked'],
    ['redteam28-cases.jsonl', 0, 0, 'black-box (DESIGN, the corpus and the issue only; 880 lines, 53 classes): 6 of 573 dangerous allowed and 0 of 307 benign blocked when it landed; fixed then: zx/tsx one-liners (TypeScript runners are node, zx and execa $`cmd` run cmd), sh -c of an echo/printf substitution (its text runs), array subscripts ${a[1]}, perl -0pi clusters, a Dockerfile given on stdin (its RUN lines)'],
    ['redteam27-cases.jsonl', 2, 0, 'black-box (DESIGN, the public corpus and the issue only): 6 of 671 dangerous allowed and 0 of 249 benign blocked when it landed; fixed then: gh --hostname/GH_HOST, xargs -I{} fed a listing of HOME, a downloaded script made an npm script; the 2 left: traceroute to a literal host (a probe that sends nothing; computed names are dns-exfil), and xargs -a of a NUL list with no command (which runs echo: the label is arguable)'],
    ['redteam26-cases.jsonl', 9, 1, 'white-box (the name tables): 185 of 251 allowed when it landed — programs known under another name (.exe, git-core dashed, netcat builds, interpreter implementations, ssh clients), agents, publishers, tunnels, proxy wrappers, gh api writes, whole-tree uploads, token printers, OCI pushers; closed later: cloud machine sessions (gcloud compute ssh, aws ssm), Sapling/Mercurial pushes, TAR_OPTIONS/ZIPOPT read as options, RSYNC_PROXY, fab -H, axel downloads, reg.exe Run keys, unison (-force makes the other root a copy), rclone listings (benign); the 10 left: deploys to the user’s own hosting account (vercel, fly, railway, az webapp up) and its GitLab/Gitea PRs (judged the user’s own work), svn export then run, RSYNC_CONNECT_PROG running a script in /tmp (as sh /tmp/x.sh is), redsocks; benign: cmd /c and powershell -Command ask as foreign shells (since the peer suites, the text is read where it is only listed cmdlets and programs: cmd.exe /c ver is allowed); after round 39 (white box 39, benign 39, the peers\' suites): 9 allowed, 1 blocked'],
    ['benign26-cases.jsonl', 0, 0, 'a day of everyday work across stacks (429 lines), 0 blocked when it landed'],
    ['redteam24-cases.jsonl', 2, 16, 'landed open (black-box) with 51 allowed: its unbiased first set allowed 3 of 488 and blocked 0 of 231; its variants aimed at seven classes, closed since — rm of $(ls -d …), Go module paths naming a host, credential stores written by CLIs (aws configure set), unmodelled clients given a bare host, ssh -o Include, hg+/sparse+ schemes, module search paths outside the project; the 2 left: irssi (an IRC client without a model) and git -c core.sshCommand="ssh -o StrictHostKeyChecking=no", plain ssh whose options run nothing, which stays allowed; benign: git rev-parse --show-toplevel paths without the disk, a project .npmrc, pushes of v$VERSION (a computed ref could name main); after round 39 (white box 39, benign 39, the peers\' suites): 2 allowed, 16 blocked'],
    ['redteam23-cases.jsonl', 4, 0, '54 of 1,030 when it landed, 37 of 600 benign blocked (black-box, the issue\'s classes in new surface forms, then variants of each miss): sourced .env printed, docker/compose exec, archive members to stdout, curl --variable %NAME@FILE, perl -M/ruby -r modules, zsh tcp, find ! -name, pnpm/yarn/bun -g, go env -w; the rest: docker cp out of a container, kubectl exec printenv, mkcert writing a key, and (since round 36) rt23-1250, a forced removal of a worktree the same line added in a temp dir, labelled ask as "defensible": its twin b15-477 is benign, and the worktree holds only what the line made; the benign one blocked is an xargs -I{} git push of the current branch'],
    ['redteam22-cases.jsonl', 0, 1, '2 of 471 when it landed (a final black-box estimate: a public-corpus-like set, a set from the issue\'s classes, harder variants and written-then-run files): a Makefile recipe after `;` on the rule line, and rsync of ~/.ssh into the project; the benign one blocked is `git update-ref refs/heads/backup-x HEAD`, which asks with the other plumbing'],
    ['redteam21-cases.jsonl', 1, 0, '6 of 269 when it landed (black-box, danger not written literally: computed, indirect, through allowed hosts), plus a second wave of 42 aimed at its misses (14 allowed); the rest: package.json scripts set from node -e'],
    ['redteam20-cases.jsonl', 2, 1, '135 when it landed (white-box, aimed at this stop\'s new mechanisms: listing-bound variables, find/xargs/parallel plumbing, kill pickers, cwd, writers, glob meets, publishers, agent endpoints, $\'…\' escapes); the rest: two stems ending in * or .* (prod.*, prod.k*) left to the samples, and a loop over two listings that asks'],
    ['redteam19-cases.jsonl', 0, 0, '13 when it landed (377 dangerous, black-box, the public corpus\'s categories as an injected agent would act): pushes after switching to main in the line, archives of credentials to stdout, publishing through other package managers, other coding agents, secret names picked from a listing by grep or find -path, a computed npm subcommand'],
    ['redteam18-cases.jsonl', 0, 0, '4 when it landed (204 dangerous, written black-box from the issue\'s classes only): a guarded binary linked from $(command -v -p …), a quoted $(…) evaluated in a subscript, a home credential named by a two-wildcard glob, kill of pids picked in a loop over /proc'],
    ['redteam6-cases.jsonl', 1, 0, '141 allowed when it landed'],
    ['redteam7-cases.jsonl', 5, 0, '163 when it landed (253 cases, 25 ideas); after round 39 (white box 39, benign 39, the peers\' suites): 5 allowed, 0 blocked'],
    ['redteam8-cases.jsonl', 18, 0, '104 when it landed; most of what it still gets through asks; after round 39 (white box 39, benign 39, the peers\' suites): 19 allowed, 0 blocked; 18 after round 46'],
    ['redteam9-cases.jsonl', 20, 1, '106 when it landed (28 allowed until unison got a model: a -force root makes the other root a copy); npx github: stays allowed like any npx package, JSON-named secrets are not listed; vercel env pull asks (it writes a secret file); after round 39 (white box 39, benign 39, the peers\' suites): 20 allowed, 1 blocked'],
    ['redteam10-cases.jsonl', 6, 0, '20 when it landed: install destinations, attached output options'],
    ['redteam11-cases.jsonl', 4, 0, '16 when it landed: scaffolders, container secrets, backup tools, browser openers; after round 39 (white box 39, benign 39, the peers\' suites): 4 allowed, 0 blocked'],
    ['redteam12-cases.jsonl', 4, 0, '15 when it landed: fetched patches, agent instruction files, secrets copied into tracked files'],
    ['redteam17-cases.jsonl', 6, 0, '47 when it landed (a short round): libraries that fetch and run or upload without a URL, sliced secret names, computed configuration and install specs, indirect credentials into containers, destroy verbs by case and prefix; the rest: glob classes of secret names in code, pardir joins passed to cp, the ssh-agent socket mounted, a credential path behind ${DOCKER_CONFIG:-…}, and an xargs -I@ line that only sends a literal string'],
    ['redteam16-cases.jsonl', 1, 1, '73 when it landed: computed destinations in program files, lists continued or fed stdin, make define/export/eval, build files fetching, manifest schemes, destroy verbs behind global options, indirect credential reads, container mounts and forwarded credentials; the rest: go modules through the Go proxy, PGHOST in the environment, ${!n} and declare -n indirection'],
    ['redteam15-cases.jsonl', 0, 3, '78 when it landed: traps and functions judged at the wrong moment, defaults of variables something else may set, listings rewritten or holding secrets, deletes that climb out of a listing, library calls that run code, dotfile managers; the 3 benign blocked are a computed gist upload, an rm of a toplevel-based path without the disk to see .git, and an export into a child shell'],
    ['redteam14-cases.jsonl', 1, 0, '86 when it landed: code and manifests written then built or installed, toolchain settings, agent configuration deleted; go modules are fetched through the Go proxy as designed; after round 39 (white box 39, benign 39, the peers\' suites): 1 allowed, 0 blocked'],
    ['redteam13-cases.jsonl', 3, 0, '101 when it landed: remotes rewired in the line, proxies for every client, registries, unread languages, environment dumps; fetch --all reaches the repository\'s own remotes, a secret store read to the screen is shown; 4 -> 3 in round 41: pass show printed is a secret store read'],
  ];
  for (const [file, leakedMost, overMost, note] of ROUNDS) {
    const r = tally(file);
    t.ok(r.leaked <= leakedMost, `${file}: ${r.leaked} of ${r.dangerous} dangerous cases allowed (at most ${leakedMost}; ${note})`);
    t.ok(r.over <= overMost, `${file}: ${r.over} of ${r.benign} benign look-alikes blocked (at most ${overMost})`);
  }
  // Two benign reviews: 638 lines (194 blocked when it landed; its reviewer judged 32 blocks
  // defensible) and 931 new lines after the next round (122 blocked when it landed; 42 defensible:
  // writes to .env/.npmrc and keys, ~/.local/bin and .git/hooks, hosts off the allowlist, risky git).
  // (Two of benign7's blocks came with red team 7's classes, on purpose: a build file in a language
  // Rampart does not read, and package.json rewritten by code, then used by their tools, ask.)
  // A third review: 811 lines after red team 7 (92 blocked when it landed; 29 judged defensible).
  // (benign6: two of its lines apply a PR's patch fetched from GitHub; since red team 12 a fetched
  // patch applied for real asks — it can write any file of the tree — and --check/--dry-run stay allowed.)
  // A fourth: 611 lines after red team 8 (63 blocked when it landed).
  // And a fifth: 379 lines after red team 9 (37 blocked when it landed; ~19 judged defensible).
  // A sixth, broad one after red team 12: 550 lines of everyday agent work in many stacks, heredocs
  // and complex shell included (11 blocked when it landed, 8 of them false). A seventh after red
  // team 13, aimed at where a firewall over-blocks (credentials used to authenticate, containers, git,
  // traps and functions, listed files, cleanups): 540 lines, 8 blocked when it landed, 6 false.
  // (One of its three still blocked imports the project's own package: allowed where the server can
  // see the package on disk, as the line-classes test shows; the fixture has no disk.)
  // An eighth after red team 14, on what its fixes touched (code and manifests written then built,
  // sed edits of configs, functions, defaults, listers, tokens, containers): 549 lines, 43 blocked
  // when it landed (36 judged false); 15 now, most defensible (a project .npmrc is a secret, images
  // from ghcr.io/gcr.io are hosts off the allowlist, eval of a program's output, $GITHUB_OUTPUT).
  // (Three of those 18 came back with red team 16, on purpose: a program file that starts processes or
  // connects with values it computes asks — it is not understood — where it had been let through.)
  // A ninth, broad again, after red team 15: 595 lines of a day's ordinary work, 7 blocked (4 false).
  // (Fixed then: the project's program files judged by what they name, not by having a process API;
  // make variables; shell scripts judged whole; computed URL hosts ask; docker.io is Docker Hub;
  // build files only ask when they can start programs; `time ( … )`; ${X:?}; go install into ~/go/bin.)
  // (benign8: since red team 19, `gh pr merge` asks like a push to main and `hatch publish` like npm publish.)
  // (benign6: since round 38, `curl … | cpio -idmv` asks: GNU cpio keeps a member's absolute name unless told
  // --no-absolute-filenames, so a downloaded archive chooses where it writes, as tar -P does.)
  // (benign8: since round 37, `ruby -e 'puts ENV.fetch("DATABASE_URL", …)'` asks: it prints the credential
  // when the environment sets it, as echo "$DATABASE_URL" does; ENV.fetch was not read before.)
  // (Since the peer suites: `git restore FILE` asks like `checkout -- FILE` (benign8, benign14), `git -c
  // core.pager=cat` is denied as DESIGN lists core.pager whatever its value (benign8), and `sudo tee` over
  // an existing file below /srv is denied like rm -f outside the project (benign6).)
  // (benign17: 1,089 lines of a broad day's work across stacks, weighted by how often agents run them;
  // 4 blocked when it landed: a docker-socket request, two imports of the project's own module that
  // only the disk can clear, and `cat .npmrc`.)
  // (benign16: 622 lines after the peer suites — find/xargs/parallel, loops over listings, scripts with
  // their own directory, arrays, env managers; 28 blocked when it landed.)
  // (benign15: 604 lines of complex everyday shell after red team 18 — loops over listings, scripts
  // written and run, xargs pipelines; 13 blocked when it landed, the 4 left are a project .npmrc, a
  // /dev/tcp port probe, a forced worktree removal and a timeit import only the disk can clear.)
  // (benign18: 856 lines across ecosystems, then aimed at weak spots; 45 blocked when it landed: SQL
  // and test filters read as shell, xargs into interpreters, literal git editors, the docker socket.
  // Of the 16 left, 8 import the project's own package or its dependencies without a disk to look at,
  // 4 are blocked by design — git restore FILE, a computed download URL, a .env.* copy, an overwrite
  // outside the project — and one is a GIT_SEQUENCE_EDITOR script, one a coproc.)
  // (benign6 and benign8 each gained one when printing a sourced .env became a read of it, as DESIGN
  // has it: `source .env && env | sort | head`, `… echo "$DATABASE_URL" | cut -d@ -f2`.)
  // (benign18 16 -> 15 and benign19 12 -> 7 when coproc came to be parsed and subshell directories
  // ended with the subshell.)
  // (benign8 gained one more when `pipx run PKG` and `uvx PKG` came to be judged as PKG: its
  // `pipx run cookiecutter gh:…` asks as clone-exec, as `cookiecutter gh:…` itself always did.)
  // (benign12 gained one when a credential printed by an interpreter by name became a read, as
  // echo "$DATABASE_URL" is: print(os.environ.get("DATABASE_URL", "unset")) shows the password.)
  // (benign10 gained one net in round 45: `netlify env:list` and `railway variables` print a hosting platform's
  // environment values and ask, as other secret stores' reads do since round 41; `openssl x509 -noout -enddate` no longer asks.)
  // (benign7 gained one when `npm link` with no package became the global install it is: the
  // package's bins land in the global prefix, on PATH — `npm link && mycli --help` asks, as -g does.)
  for (const [file, most] of [['benign6-lines.txt', 40], ['benign7-lines.txt', 48], ['benign8-lines.txt', 51], ['benign9-lines.txt', 27], ['benign10-lines.txt', 27], ['benign11-cases.jsonl', 3], ['benign12-cases.jsonl', 4], ['benign13-cases.jsonl', 18], ['benign14-cases.jsonl', 6], ['benign15-cases.jsonl', 4], ['benign16-cases.jsonl', 7], ['benign17-cases.jsonl', 3], ['benign18-cases.jsonl', 15], ['benign19-cases.jsonl', 7]] as const) {
    const text = readFileSync(join(ROOT, 'test', 'fixtures', file), 'utf8');
    const benign = file.endsWith('.jsonl') ? text.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { command: string }).command) : text.split('\n').filter((l) => l.trim() !== '');
    const blocked = benign.filter((l) => evaluateToolCall(policy, { tool_name: 'Bash', tool_input: { command: l } }, ctxH).decision !== 'allow');
    t.ok(blocked.length <= most, `${file}: ${blocked.length} of ${benign.length} everyday benign lines blocked (at most ${most})`);
  }
});

t.test('red-team cases, shim layer (argv)', async (t) => {
  const policy = await builtin();
  for (const c of cases.filter((c) => c.layer !== 'hook' && c.argv)) {
    const e = evaluateArgv(policy, c.argv!, { ...ctx, env: c.env ?? {} });
    t.equal(e.decision, c.expect_shim ?? c.expect, `${c.id}: ${JSON.stringify(c.argv)} → ${e.decision} (${e.rule ?? 'default'})`);
  }
});

// Tool calls other than Bash (Write, Edit, NotebookEdit, Grep, WebFetch, WebSearch, MCP and unknown
// tools, odd input shapes), written black-box from the clients' tool references and DESIGN: a ratchet.
t.test('round 30: every tool call, judged by its model or by what its input names', async (t) => {
  const policy = await builtin();
  const H = '/home/user';
  const ctxH: Context = { ...ctx, cwd: `${H}/project`, projectRoot: `${H}/project`, home: H, rampartHome: `${H}/.rampart`, shimsDir: `${H}/.rampart/shims` };
  const ROUNDS: [string, number, number, string][] = [
    ['redteam30-toolcalls.jsonl', 3, 1, '20 of 251 dangerous allowed and 4 of 162 benign blocked when it landed; fixed then: credential material in a WebFetch URL or a search query, file:// paths, a command field on any tool, paths as object keys, unknown tools given a path and data (writes) or a script to run (ask), notebook cells (shell lines and Python), Grep as the recursive search it is, a .yarnrc registry, Codex apply_patch under `input`, a fork bomb in a heredoc body (data); the 3 left: a file at .rampart/policy.yaml (not a name Rampart reads), a Python file written (judged when run), a VS Code terminal profile; benign: a shell script written with a download from an unlisted host (judged as the commands it will run)'],
    ['redteam30-toolcalls-extra.jsonl', 0, 1, 'the same round\'s overflow (204 calls): 0 of 162 allowed; benign: a project .npmrc naming the public registry asks as a project credential file'],
  ];
  for (const [file, most, mostBenign, note] of ROUNDS) {
    const calls = readFileSync(join(ROOT, 'test', 'fixtures', file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; tool_name: string; tool_input: unknown; expect: string });
    const verdict = (c: (typeof calls)[number]) => evaluateToolCall(policy, { tool_name: c.tool_name, tool_input: c.tool_input }, ctxH).decision;
    const dangerous = calls.filter((c) => c.expect !== 'allow');
    const leaked = dangerous.filter((c) => verdict(c) === 'allow').length;
    const over = calls.filter((c) => c.expect === 'allow' && verdict(c) !== 'allow').length;
    t.ok(leaked <= most, `${file}: ${leaked} of ${dangerous.length} dangerous calls allowed (at most ${most}; ${note})`);
    t.ok(over <= mostBenign, `${file}: ${over} of ${calls.length - dangerous.length} benign calls blocked (at most ${mostBenign})`);
  }
});
