// Build runners run the recipes of a build file: make's Makefile, just's justfile, rake's Rakefile, mvn's pom.xml,
// task's Taskfile. They read it where they run, or where an option sends them (make -C DIR, just -d DIR, rake -C DIR,
// task -d DIR) or names it (-f FILE). A build file outside the project that the line did not write holds recipes Rampart
// has not read: make -C /tmp/x, cd ~/Downloads/x && make, just -f /tmp/j run whatever those files say.
import { SCRATCH } from './elsewhere.js';
import { posix } from 'node:path';
import { has, optionTable, scan, values, type OptionTable, type Scanned } from '../options.js';
import { UNKNOWN_CWD } from './state.js';

interface Runner {
  /** The program names. */
  names: RegExp;
  /** Its options, so that clusters and attached values (-sC DIR, -C/tmp/x, --directory=DIR) are read as it reads them. */
  table: OptionTable;
  /** The file it reads when none is named, in the directory it runs in. */
  defaults: string[];
  /** Whether the call runs what the file says (a package manager's verb that runs its scripts); every call when absent. */
  runs?: (s: Scanned, name: string) => boolean;
  /** Judged only where an option sends it: a package manager in a directory the line changed to is one it scaffolded
   *  there (cd /tmp && npx create-vite x && cd x && npm i) or a container's (RUN npm ci): not read here. */
  sentOnly?: boolean;
}

const UNKNOWN_PLACE = '/$UNKNOWN_PLACE';

// npm's verbs that run the package's own scripts or binaries: run, test, start…, pack and version (prepack, preversion…),
// rebuild, install-test, exec, explore — and an install of that package itself.
const NPM_RUNS = /^(run|run-script|rum|urn|test|tst|t|start|stop|restart|pack|version|rebuild|rb|it|install-test|cit|install-ci-test|exec|x|explore|link|ln)$/;
const NPM_INSTALLS = /^(install|i|ci|isntall|clean-install|ic|add)$/;
// yarn's, pnpm's and bun's own verbs that run nothing of the package's: any other word is a script's name (yarn build,
// pnpm dev, bun dev), and bare yarn is yarn install.
const OWN_VERBS = /^(add|remove|rm|why|info|list|ls|outdated|config|cache|init|create|dlx|audit|licenses|login|logout|view|whoami|help|search|owner|tag|team|import|store|setup|env|npm|set|plugin|constraints|dedupe|pm|upgrade|completions|repl|x|bunx)$/;
function packageVerbRuns(name: string, pos: readonly string[]): boolean {
  const verb = pos[0];
  if (name === 'npm') return NPM_RUNS.test(verb ?? '') || (NPM_INSTALLS.test(verb ?? '') && verb !== 'add' && pos.length === 1);
  if (verb === undefined) return /^(yarn|yarnpkg)$/.test(name);
  if (/^(install|i|ci)$/.test(verb)) return pos.length === 1;
  // (bun build is its bundler.)
  if (name === 'bun' && verb === 'build') return false;
  return !OWN_VERBS.test(verb);
}

const RUNNERS: Runner[] = [
  {
    names: /^(g?make|bmake|remake)$/,
    table: optionTable(['f,file,makefile=', 'C,directory=', 'I,include-dir=', 'j,jobs?=', 'l,load-average,max-load?=', 'o,old-file,assume-old=', 'W,what-if,new-file,assume-new=', 'O,output-sync?=', 'E,eval=', 'debug?=', 'jobserver-style=', 'shuffle?=']),
    defaults: ['GNUmakefile', 'makefile', 'Makefile'],
  },
  { names: /^just$/, table: optionTable(['f,justfile=', 'd,working-directory=', 'set=', 'shell=', 'shell-arg=', 'color=', 'dotenv-filename=', 'dotenv-path=', 'E=', 'chooser=', 'command-color=', 'list-heading=', 'list-prefix=']), defaults: ['justfile', 'Justfile', '.justfile'] },
  { names: /^rake$/, table: optionTable(['f,rakefile=', 'C,directory=', 'I,libdir=', 'r,require=', 'e,execute=', 'p,execute-print=', 'E,execute-continue=', 'j,jobs?=', 'R,rakelibdir,rakelib=', 'T,tasks?=', 'D,describe?=', 'W,where?=', 'P,prereqs']), defaults: ['Rakefile', 'rakefile', 'Rakefile.rb', 'rakefile.rb'] },
  {
    names: /^(mvn|mvnw|\.\/mvnw)$/,
    table: optionTable(['f,file=', 's,settings=', 'gs,global-settings=', 't,toolchains=', 'gt,global-toolchains=', 'pl,projects=', 'rf,resume-from=', 'T,threads=', 'l,log-file=', 'P,activate-profiles=', 'D,define=', 'b,builder=', 'am,also-make', 'amd,also-make-dependents'], { singleDashLong: true }),
    defaults: ['pom.xml'],
  },
  // (A package manager runs the scripts of the package.json where it runs — npm --prefix DIR or -C DIR, pnpm --dir/-C, yarn's
  // and bun's --cwd — on a verb that runs them: run, test, start, an install of that package itself. Not a global install,
  // whose --prefix is where packages go, nor an install of packages it names.)
  {
    names: /^(npm|pnpm|yarn|yarnpkg|bun)$/,
    table: optionTable(['C,prefix,dir,cwd=', 'g,global', 'location=', 'registry=', 'w,workspace=', 'filter=', 'F=', 'cache=', 'userconfig=']),
    defaults: ['package.json'],
    sentOnly: true,
    runs: (s, name) => !has(s, 'global') && !values(s, 'location').includes('global') && packageVerbRuns(name, s.positionals),
  },
  { names: /^(task|go-task)$/, table: optionTable(['t,taskfile=', 'd,dir=', 'o,output=', 'C,concurrency=', 'I,interval=', 'output-group-begin=', 'output-group-end=', 'sort=']), defaults: ['Taskfile.yml', 'Taskfile.yaml', 'taskfile.yml', 'taskfile.yaml', 'Taskfile.dist.yml'] },
];

/** The build files a runner's call reads: those it is given (-f), else the ones it looks for where it runs (any one of them). */
export function buildFilesRead(name: string, args: readonly string[], where: { cwd: string; home: string; projectRoot: string }): { named: boolean; files: string[] } | undefined {
  const runner = RUNNERS.find((r) => r.names.test(name));
  if (!runner) return undefined;
  const s = scan(args, runner.table);
  if (runner.runs && !runner.runs(s, name)) return undefined;
  // (Each -C/-d goes on from the one before: make -C a -C b runs in a/b; a file named is found from there.)
  // (~ is the shell's, and so are the working directory's names — $PWD, $(pwd) — and the work tree's top inside the project;
  // another value computed when the line runs — "$TMPDIR/x", $(dirname "$0") — is no place known here.)
  const { cwd, home, projectRoot } = where;
  const top = cwd === projectRoot || cwd.startsWith(`${projectRoot}/`) ? projectRoot : UNKNOWN_PLACE;
  const known = (p: string) =>
    p
      .replace(/^~(?=\/|$)/, home)
      .replace(/^"?\$\{?HOME\}?"?(?=\/|$)/, home)
      .replace(/^"?\$(\{TMPDIR(:?-\/tmp)?\}|TMPDIR)"?(?=\/|$)/, '/tmp')
      .replace(/^"?(\$\{?PWD\}?|\$\(pwd\))"?(?=\/|$)/, cwd)
      .replace(/^"?\$\(git rev-parse --show-toplevel\)"?(?=\/|$)/, top);
  // (A place that starts with a value computed when the line runs — "$TMPDIR/x", $(dirname "$0") — is no place known here;
  // one whose computed part comes below a known directory — "services/$svc" — lies below that directory.)
  const at = (from: string, p: string) => (/^"?[$`]/.test(known(p)) || from === UNKNOWN_PLACE ? UNKNOWN_PLACE : posix.resolve(from, known(p)));
  const sent = values(s, 'directory', 'working-directory', 'dir', 'prefix');
  if (runner.sentOnly && sent.length === 0) return undefined;
  const dir = sent.reduce(at, cwd);
  const given = values(s, 'file', 'justfile', 'rakefile', 'taskfile').filter((f) => f !== '');
  // (A makefile on stdin or from a process substitution is read where its text is known: command-options.)
  const named = given.filter((f) => !/^(-|\/dev\/stdin|\/dev\/fd\/\d+)$|^<\(/.test(f)).map((f) => at(dir, f));
  return given.length ? { named: true, files: named } : { named: false, files: runner.defaults.map((f) => posix.join(dir, f)) };
}

/** Whether a build file's place is the project's own: in the project, in a checkout beside it (../app-hotfix: a worktree of
 *  the same repository, by the usual layout), below a temporary directory this line made fresh (mktemp -d: what is there,
 *  the line put there), or a place computed when the line runs (no place known here: a loop over the project's services,
 *  a script's own directory, a directory a cd went to that is not known here). */
export function ownBuildPlace(path: string, projectRoot: string): boolean {
  const beside = posix.dirname(projectRoot);
  // (Its build file right at the top of a directory beside the project, not a hidden one: ../app-hotfix/Makefile.)
  const sibling = path.startsWith(`${beside}/`) && /^[^./][^/]*\/[^/]+$/.test(path.slice(beside.length + 1));
  // (…or a container's own, which its image brought and runs there: elsewhere.ts's scratch root.)
  return path === projectRoot || path.startsWith(`${projectRoot}/`) || sibling || [UNKNOWN_PLACE, UNKNOWN_CWD, SCRATCH].some((u) => path === u || path.startsWith(`${u}/`)) || /\/[^/]*rampart-mktemp[^/]*(\/|$)/.test(path);
}

/** The literal makefiles a makefile's text includes (include, -include, sinclude) that lie outside the project, resolved from
 *  the makefile's own directory. (A name built from make's variables — -include $(DEPS) — is the build's own dependency file.) */
export function foreignIncludes(path: string, text: string, where: { home: string; projectRoot: string }): string[] {
  if (!/(^|\/)(GNUmakefile|[Mm]akefile|[\w.-]+\.mk)$/.test(path)) return [];
  const words = [...text.matchAll(/^[ \t]*-?s?include[ \t]+([^#\n]+)/gm)].flatMap((m) => m[1]!.trim().split(/\s+/));
  return words.filter((w) => !w.includes('$')).map((w) => posix.resolve(posix.dirname(path), w.replace(/^~(?=\/|$)/, where.home))).filter((p) => !ownBuildPlace(p, where.projectRoot));
}
