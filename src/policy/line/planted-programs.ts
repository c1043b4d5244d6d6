// Programs put where the tools the agent runs look first. npm, npx, yarn and pnpm run scripts with
// node_modules/.bin ahead of PATH; uv run, poetry run, tox and an activated shell put a virtualenv's
// bin there. A file named like a guarded program in such a directory is found before the shims by
// every script those tools start; one named like an interpreter or shell runs in its place. The code
// those programs load — a package's files, site-packages, the git hooks a project's hook manager
// installs — and the directories that hold them, replaced whole, run the same way.
import { posix } from 'node:path';
import { SYSTEM_DIR } from '../analyzers/common.js';
import { programsOf } from '../analyzers/files.js';
import { DEFAULT_BINS } from '../shimmed.js';
import { canonicalTool } from '../analyzers/identity.js';
import { plainSed } from './token-config.js';
import type { State } from './state.js';

/** Directories a package runner or an activated environment puts ahead of PATH. */
// (…poetry's and conda's environments, direnv's layouts, tox and nox sessions, composer's vendor/bin, virtualenvwrapper's,
// PDM's __pypackages__, bundler's binstubs.)
const TOOL_BIN_DIR = /\/(node_modules\/\.bin|[\w.-]*venv[\w.-]*\/bin|env\/bin|\.?virtualenv\/bin|\.conda\/bin|(\.?virtualenvs|envs|\.tox|\.nox|\.direnv|__pypackages__)\/[^/]+\/bin|vendor\/bin|\.bundle\/bin)$/;
/** The environments those directories live in: replaced whole (a link to /tmp, a tree moved or synced over), every program in them is. */
// (Not conda's envs/NAME: a project's envs/ directory holds deployment settings far more often than an environment.)
const ENV_ROOT = /\/(node_modules|[\w.-]*venv[\w.-]*|\.?virtualenv|\.conda|__pypackages__|(\.?virtualenvs|\.tox|\.nox|\.direnv|__pypackages__)\/[^/]+|\.bundle)$/;
/** Code the programs there load: a package's files (what a .bin link points at, its manifest's "bin"), Python's installed
 *  modules and start-up .pth files, and the hooks husky or core.hooksPath=.githooks make git run. */
const LOADED_CODE = /\/node_modules\/(@[^/]+\/)?[^/.][^/]*\/(.*\/)?(bin\/[^/]+|[^/]+\.([cm]?js|node|json))$|\/(site|dist)-packages\/.+$|\/\.(husky|githooks)\/.+$/;
/** …and the directories that hold it, replaced whole: a package, site-packages, a hooks directory. */
const CODE_DIR = /\/node_modules\/(@[^/]+\/)?[^/.][^/]*$|\/(site|dist)-packages$|\/\.(husky|githooks)$/;
/** Programs that only remove: what they "write" there (rm -rf node_modules) is gone, not planted. */
const REMOVERS = /^(rm|rmdir|unlink|trash|trash-put)$/;
/** The package managers that build those environments, and (by manager) the verbs that install or remove packages. */
const PACKAGE_MANAGERS = /^(npm|pnpm|yarn|bun|pip[\d.]*|uv|poetry|pdm|pipenv|conda|mamba|micromamba|virtualenv|bundle|gem|composer)$/;
// (Not build, compile, pack, unpack, download, wheel, exec: those write files of the caller's choosing where it says —
// bun build /tmp/x.ts --outfile node_modules/.bin/git, gem unpack /tmp/x.gem --target .bundle/bin.)
const INSTALL_VERBS = /^(install|i|add|ci|remove|rm|uninstall|un|unlink|update|up|upgrade|sync|prune|dedupe|rebuild|require|create|lock|binstubs|reinstall|clean|dump-autoload)$/;

/** Whether what a program writes into those places is no code of anyone's choosing: a remover's, or a package manager
 *  installing or removing packages from a registry or the project (what it fetches is judged by its own rules —
 *  registries, specs). A package from outside the project (pip install --target … /tmp/pkg, -r /tmp/req.txt, a wheel
 *  under HOME) is code of the caller's choosing, as is what the manager builds or unpacks. */
export function plantsNoCode(st: State, name: string, argv: readonly string[], cwd: string): boolean {
  if (REMOVERS.test(name)) return true;
  if (!PACKAGE_MANAGERS.test(name)) return false;
  const words = argv.slice(1);
  const pos = words.filter((a) => !a.startsWith('-'));
  // (uv pip install, conda env create: the verb after the manager's own group; bare yarn, bundle and virtualenv DIR install.)
  const verb = (name === 'uv' && pos[0] === 'pip') || (/^(conda|mamba|micromamba)$/.test(name) && pos[0] === 'env') ? pos[1] : pos[0];
  if (!(name === 'virtualenv' || (verb === undefined && /^(yarn|bundle)$/.test(name)) || (verb !== undefined && INSTALL_VERBS.test(verb)))) return false;
  const root = st.ctx.projectRoot;
  // (Every word and option value that reads as a local path: inside the project, or not a path at all — a name, a spec, a URL.)
  return words.map((a) => a.replace(/^--?[\w-]+=/, '').replace(/^file:(\/\/)?/, '')).filter((a) => /^(\/|~|\$\{?HOME\b|\.\.(\/|$))/.test(a))
    .every((a) => ((p) => p === root || p.startsWith(`${root}/`))(posix.resolve(cwd, a.replace(/^(~|\$\{?HOME\}?)(?=\/|$)/, st.ctx.home))));
}
/** Programs scripts call by name besides the guarded ones: runtimes, shells, package and system tools. */
const CALLED = /^(node|nodejs|python[\d.]*|pip[\d.]*|sh|bash|dash|zsh|env|make|sudo|yarn|pnpm|bun|deno|uv|poetry|docker|gh|kubectl|aws|gcloud|openssl|gpg|tar|cp|mv|chmod|cat|ls|sed|awk|grep|find|xargs|tee|dd|ssh-add|ssh-keygen|which|command)$/;
const IN_SYSTEM_DIR = new RegExp(`^${SYSTEM_DIR}`);
/** Where version managers keep the interpreters they install, below HOME (pyenv, nvm, asdf, volta, uv, mise, conda …). */
const VERSION_MANAGED = /^\/(\.pyenv|\.nvm|\.asdf|\.volta|\.fnm|\.nodenv|\.rbenv|\.rye|\.local\/share\/(uv|mise|rtx|fnm|pnpm)|\.conda|(mini|ana)conda\d?|miniforge\d?|mambaforge)\//;
/** A link target computed as the interpreter PATH or a version manager resolves: $(which python3), `command -v node`. */
const RESOLVED_ON_PATH = /(?:\$\(|`)\s*(?:which|command\s+-v|type\s+-[pP]|(?:pyenv|asdf|mise|rtx|volta|nodenv|rbenv)\s+which)\s+([\w.+-]+)\s*(?:\)|`)$/;

/** What tools run from W: a program found ahead of PATH ('bin'), code those programs load or a directory holding
 *  either, replaced whole ('code'); undefined for anywhere else. */
export function runPlace(w: string): 'bin' | 'code' | undefined {
  if (TOOL_BIN_DIR.test(posix.dirname(w))) return 'bin';
  if (TOOL_BIN_DIR.test(w) || ENV_ROOT.test(w) || LOADED_CODE.test(w) || CODE_DIR.test(w)) return 'code';
  return undefined;
}

/** The interpreter a link target names when it is the system's, a version manager's, or the one PATH resolves to. */
function knownInterpreter(st: State, target: string): boolean {
  const onPath = RESOLVED_ON_PATH.exec(target);
  if (onPath) return CALLED.test(onPath[1]!) && !DEFAULT_BINS.includes(canonicalTool(onPath[1]!));
  const managed = target.startsWith(`${st.ctx.home}/`) && VERSION_MANAGED.test(target.slice(st.ctx.home.length));
  return (IN_SYSTEM_DIR.test(target) || managed) && CALLED.test(posix.basename(target));
}

/** Tags a file or tree written at W (absolute) where tools run programs from. TEXT_READ: the line shows the new text
 *  (judged where it is written), makes it a link, or copies it from the project. */
export function plantedProgram(st: State, w: string, textRead: boolean): void {
  const place = runPlace(w);
  // (An environment or hooks directory elsewhere — a venv unpacked under /tmp — is not one this project's tools use.)
  if (place === undefined || (place === 'code' && !w.startsWith(`${st.ctx.projectRoot}/`))) return;
  const to = st.links.get(w);
  // (A guarded program linked under any name there — ln -sf /usr/bin/curl node_modules/.bin/jest — is the real
  // program, found before its shim by whatever calls jest.)
  const linkedGuarded = to !== undefined && !/[$`]/.test(to) && DEFAULT_BINS.includes(canonicalTool(posix.basename(to)));
  if (place === 'code' && !linkedGuarded) return unreadCode(st, w, to, textRead);
  const name = posix.basename(w);
  const guarded = DEFAULT_BINS.includes(canonicalTool(name)) || linkedGuarded;
  if (!guarded && !CALLED.test(name)) return unreadCode(st, w, to, textRead);
  // (A link to the system's own interpreter — ln -s /usr/bin/python3 .venv/bin/python — is that interpreter, as is one
  // to a version manager's (~/.pyenv/versions/…/bin/python) or to the one PATH finds ($(which python3)); the system's
  // own curl there is the real curl, found before its shim.)
  if (!guarded && to !== undefined && knownInterpreter(st, to)) return;
  const tag = guarded ? 'path-strip' : 'planted-program';
  st.lineTags.tags.add(tag);
  st.lineTags.notes.push(`${w} is found before ${guarded ? 'the Rampart shim' : `the real ${name}`} by the scripts npm, npx or an activated environment run`);
}

/** Any other program or loaded code there, or its directory, rewritten with text Rampart has not read (a file from /tmp,
 *  an archive, sed -i '1a …', a tree synced over): every script that calls it runs that text. */
function unreadCode(st: State, w: string, to: string | undefined, textRead: boolean): void {
  // (A link into the project or the system's own programs is what it points to; one into /tmp or HOME is not.)
  // (…and one written relative to itself — ln -s ../../scripts/pre-commit.sh .husky/pre-commit — is the tree's own layout.)
  if (textRead || (to !== undefined && (IN_SYSTEM_DIR.test(to) || st.relativeLinks.has(w) || to.startsWith(`${st.ctx.projectRoot}/`) || knownInterpreter(st, to)))) return;
  st.lineTags.tags.add('planted-program');
  st.lineTags.notes.push(`${w} is rewritten with text Rampart has not read, and the scripts npm, npx, an activated environment or git's hooks run it`);
}

/** A sed -i edit shown in the line that only substitutes a path: a moved environment's activate (VIRTUAL_ENV=$PWD/.venv)
 *  or a script's shebang (#!/usr/bin/env python3) pointed at the project's environments, the system's interpreters or env NAME. */
export function pathOnlyEdit(st: State, name: string, argv: readonly string[], cwd: string, own: readonly string[]): boolean {
  if (name !== 'sed') return false;
  const scripts = programsOf('sed', argv.slice(1));
  const SUB = /(?:\d+|\$|\/(?:[^/\\]|\\.)*\/)?s(.)((?:(?!\1)[^\\]|\\.)*)\1((?:(?!\1)[^\\]|\\.)*)\1[gI]*/g;
  return scripts.length > 0 && scripts.every((script) => script.replace(SUB, '').trim().replace(/;/g, '') === ''
    && [...script.matchAll(SUB)].every((m) => pathText(st, m[3]!.replace(/\\(.)/g, '$1'), cwd, own)));
}

/** What an environment's activation sets to where it lives (virtualenv, conda, nodeenv): a path, loading nothing by
 *  itself. (Not PATH, a loader or start-up variable, a search path — PYTHONPATH, NODE_OPTIONS, BASH_ENV, LD_PRELOAD —
 *  nor _OLD_VIRTUAL_PATH, which deactivate makes PATH: each changes what every later program runs or loads.) */
const ENV_LOCATION = /^(VIRTUAL_ENV|CONDA_PREFIX|NODE_VIRTUAL_ENV)$/;

/** Text that is one path: after #! an interpreter (env NAME, a system or version manager's one, one in the project's
 *  environments); after NAME= where an environment lives; alone, the project root (a moved project) or a place in its
 *  environments. Never a guarded program by path (found before its shim), nor what this line wrote there. */
function pathText(st: State, text: string, cwd: string, own: readonly string[]): boolean {
  const m = /^(#!\s*|([A-Za-z_]\w*)=)?(["']?)((?:\$\{?(?:PWD|HOME)\}?)?[\w./-]+)\3(?:\s+([\w.+-]+))?$/.exec(text);
  if (!m || !m[4]!.includes('/')) return false;
  const [, prefix, variable, , raw, arg] = m;
  const shebang = prefix?.startsWith('#!') === true;
  if (arg !== undefined && !shebang) return false;
  const path = posix.resolve(cwd, raw!.replace(/^\$\{?PWD\}?/, cwd).replace(/^\$\{?HOME\}?/, st.ctx.home));
  const base = posix.basename(path);
  if (DEFAULT_BINS.includes(canonicalTool(base)) || wroteAt(st, path, own)) return false;
  const root = st.ctx.projectRoot;
  const inProject = path.startsWith(`${root}/`);
  if (variable !== undefined) return ENV_LOCATION.test(variable) && inProject && (ENV_ROOT.test(path) || TOOL_BIN_DIR.test(`${path}/bin`));
  if (shebang) {
    // (#!/usr/bin/env NAME runs NAME as PATH finds it: an interpreter, not a guarded program.)
    const named = base === 'env' ? arg !== undefined && CALLED.test(arg) && !DEFAULT_BINS.includes(canonicalTool(arg)) : CALLED.test(base);
    const managed = path.startsWith(`${st.ctx.home}/`) && VERSION_MANAGED.test(path.slice(st.ctx.home.length));
    return named && (IN_SYSTEM_DIR.test(path) || managed || (inProject && TOOL_BIN_DIR.test(posix.dirname(path))));
  }
  return path === root || (inProject && inEnvironment(path, root)) || (IN_SYSTEM_DIR.test(path) && CALLED.test(base));
}

/** Whether P (below ROOT) is an environment, a bin directory tools put ahead of PATH, or lies inside one. */
function inEnvironment(p: string, root: string): boolean {
  for (let d = p; d.startsWith(`${root}/`); d = posix.dirname(d)) if (ENV_ROOT.test(d) || TOOL_BIN_DIR.test(d)) return true;
  return false;
}

/** Whether this line wrote P, a file or tree inside it, or a directory holding it below the project (cp /tmp/x evil;
 *  … #!$PWD/evil): an edit pointing there points at what the line just put there, not at what was. (OWN: the files the
 *  edit itself rewrites, an activate inside the environment it names.) */
function wroteAt(st: State, p: string, own: readonly string[]): boolean {
  const root = st.ctx.projectRoot;
  const abs = (w: string) => posix.resolve(st.ctx.cwd, w.replace(/^~(?=\/|$)/, st.ctx.home));
  const mine = new Set(own.map(abs));
  return [...st.written, ...st.scripts.keys(), ...st.opaqueWritten.keys()].map(abs).filter((w) => !mine.has(w))
    .some((w) => w === p || w.startsWith(`${p}/`) || (p.startsWith(`${w}/`) && w.startsWith(`${root}/`)));
}

/** A sed -i edit whose every new line the script shows (s///, a/i/c, d — no r, w or e): read where it lands. For code a
 *  package or hook holds (a hook's `npm test` made `npm run test:ci`) that is the text; the commands it adds to a hook are
 *  judged with the file's later runs. (A program in a bin directory keeps its stricter reading: its name is what scripts call.) */
export function shownEdit(name: string, argv: readonly string[], w: string): boolean {
  const scripts = name === 'sed' ? programsOf('sed', argv.slice(1)) : [];
  return scripts.length > 0 && runPlace(w) === 'code' && scripts.every(plainSed);
}
