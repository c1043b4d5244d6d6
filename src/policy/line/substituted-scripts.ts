// Code read from a process substitution: `bash <(CMD)`, `source <(CMD)`, `bash < <(CMD)`, `source /dev/fd/5 5< <(CMD)`,
// `awk -f <(CMD)`. What CMD prints runs, as in `CMD | sh`. When the line makes that text known (echo, printf, base64 -d of a
// literal) it is judged as code elsewhere; when it does not — a decoder of a file, a decompressor, another program's output
// — nobody has read the code that runs, and the pipe form is asked for the same reason.
import { completionScript, DECODERS, FILTERS, STDIN_PATH, type Info } from './state.js';
import { isShell } from './unwrap.js';
import { languageOf } from './interpreters.js';
import { SYSTEM_DIR } from '../analyzers/common.js';
import type { FlatCommand } from '../shell/index.js';

// An installed tool printing its own completion or shell setup (source <(rustup completions bash), source <(fzf --bash)):
// what it prints is the tool's. Not a decoder, filter, shell or interpreter, whose output is what they were given; not a
// version manager that puts its own node, npm or python first on PATH (mise/fnm/nvm/asdf/volta activate: the shims are
// shadowed, as eval "$(…)" of them already asks).
// The setup word is the tool's first word (pyenv init -, fzf --bash, brew shellenv), or the second after `shell` or `global`
// (micromamba shell hook, devbox global shellenv); ssh-agent's -s/-c print its variables.
const SETUP_WORD = /^(completions?|--completions?(=\w+)?|--(bash|zsh|fish)|init|virtualenv-init|activate|hook|shellenv|env|export|generate-shell-completion|shell\.\w+)$/;
const PATH_MANAGERS = /^(mise|rtx|fnm|nvm|asdf|volta|nodenv|n)$/;
// A completion script defines completion functions; any installed tool may print its own. The other setup words print
// exports (env, shellenv, activate, init, hook): an unknown tool's may put its own directory first on PATH and shadow the
// shims, so only the setup tools eval "$(…)" also takes are read as their own (source <(mytool env) asks, as eval does).
const COMPLETION_WORD = /^(completions?|--completions?(=\w+)?|--(bash|zsh|fish)|generate-shell-completion)$/;
const SETUP_TOOLS = /^(ssh-agent|direnv|pyenv|rbenv|brew|zoxide|starship|conda|micromamba|mamba|opam|goenv|plenv|jenv|devbox|uvx?)$/;
// Programs whose first word is no setup of theirs: a package runner runs the package so named (npx init, uvx hook), env runs
// the program so named, printenv prints the variable so named.
const NOT_SETUP = /^(env|printenv|npx|bunx|pnpx|uvx|pipx|xargs|nohup|sudo|doas|exec|command|builtin|time|nice|timeout|stdbuf)$/;
// A program named by a path other than a system directory (/tmp/evil init, ~/Downloads/tool init) is not an installed tool.
const INSTALLED = new RegExp(`^([^/]+|${SYSTEM_DIR}[^/]+)$`);

/** Where the line runs the substitution — in the project, not after cd /tmp — and which files it wrote itself. */
export type SubstitutionPlace = { inProject: boolean; wrote: (p: string) => boolean };

/** The word (`<(…)`) and where it stands — an operand, or the target of the redirect that opens descriptor `fd` — that feeds `script`. */
function feedingWord(fc: FlatCommand, script: string | undefined): { raw: string; location: 'argv' | 'redirect' } | undefined {
  if (script !== undefined && /^<\(/.test(script)) return { raw: script, location: 'argv' };
  // (A script named as a descriptor — /dev/stdin, /dev/fd/N, /proc/self/fd/N — or none at all, which is stdin.)
  const fd = script === undefined || STDIN_PATH.test(script) ? 0 : /^\/(?:dev|proc\/self)\/fd\/(\d+)$/.exec(script)?.[1];
  if (fd === undefined) return undefined;
  const r = fc.redirects.filter((x) => (x.fd ?? 0) === Number(fd) && (x.op === '<' || x.op === '<>')).at(-1);
  return r !== undefined && /^<\(/.test(r.target.raw) ? { raw: r.target.raw, location: 'redirect' } : undefined;
}

/** The program whose output `fc` runs as code through a process substitution when that output is not known here; undefined
 *  when no process substitution feeds `script` (undefined: the command's stdin), or when its text is known or is a tool's own
 *  shell setup (source <(kubectl completion bash), source <(pyenv init -)), or a file of the project's that `ownFile` accepts. */
export function unreadSubstitution(fc: FlatCommand, flat: readonly FlatCommand[], info: readonly (Info | undefined)[], script: string | undefined, ownFile: (p: string) => boolean, place: SubstitutionPlace): string | undefined {
  const word = feedingWord(fc, script);
  if (word === undefined) return undefined;
  const inSub = flat.filter((c) => c.origin?.parent === fc.index && c.origin.location === word.location && c.origin.word.raw === word.raw);
  // (What it prints is what its pipelines' last commands print: cat p.b64 | base64 -d is base64's output.)
  const ends = inSub.filter((c) => c.stdoutTo.length === 0);
  const textOf = (c: FlatCommand): string | undefined => info[c.index]?.textOut ?? c.stdinFrom.map((up) => textOf(flat[up]!)).find((t) => t !== undefined);
  if (ends.length === 0 || ends.every((c) => textOf(c) !== undefined)) return undefined;
  const own = (c: FlatCommand) => {
    const i = info[c.index];
    if (i === undefined) return false;
    const args = i.argv.slice(1);
    // (…or the project's own script read whole: bash < <(cat scripts/bootstrap.sh) is bash scripts/bootstrap.sh.)
    const ownScript = i.name === 'cat' && c.stdinFrom.length === 0 && args.length > 0 && args.every((a) => !a.startsWith('-') && ownFile(a));
    // (…where the line runs in the project, from no file the line wrote and no input piped in: cd /tmp && source <(shuf init),
    // base64 -d p > env; source <(shuf env) and base64 -d p | less -s print text nobody read.)
    const first = args[0] !== undefined && /^(shell|global)$/.test(args[0]) ? args[1] : args[0];
    const setup = !DECODERS.has(i.name) && !FILTERS.has(i.name) && !isShell(i.name) && languageOf(i.name) === undefined && !PATH_MANAGERS.test(i.name) && !NOT_SETUP.test(i.name)
      && INSTALLED.test(i.argv[0] ?? '') && c.stdinFrom.length === 0 && place.inProject && !args.some(place.wrote)
      && args.length <= 3 && (SETUP_WORD.test(first ?? '') || (i.name === 'ssh-agent' && /^-[sc]$/.test(first ?? ''))) && args.every((a) => /^[\w.=-]+$/.test(a))
      && (COMPLETION_WORD.test(first ?? '') || SETUP_TOOLS.test(i.name));
    return ownScript || completionScript(i.name, args) || setup;
  };
  const unread = ends.find((c) => textOf(c) === undefined && !own(c));
  return unread === undefined ? undefined : info[unread.index]?.name || 'a command';
}
