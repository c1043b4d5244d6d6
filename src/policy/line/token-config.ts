// Package managers' configuration files that hold registry tokens (.npmrc, .pypirc, .yarnrc.yml): a project's
// copy is a secret to read or send, but writing settings into it is everyday work. Written with text the line
// shows, the write is judged by that text — a token stored, a registry off the allowlist, a program or module
// it makes the tool run — and a file whose whole text the line wrote may be staged.
import { posix } from 'node:path';
import { programsOf } from '../analyzers/files.js';
import { preloadedModules } from '../analyzers/npm.js';
import { TOKEN_FILE } from '../paths.js';
import type { FlatCommand } from '../shell/index.js';
import { judgeCodeIn } from './judge-interpreter.js';
import type { State } from './state.js';

export const TOKEN_CONFIG = /(^|\/)(\.npmrc|\.yarnrc\.yml|\.pypirc|bunfig\.toml)$/;
// (A value ends at a backslash too: printf's \n, echo -e's, is the end of its line once decoded.)
const TOKEN_KEY = /(?:_authToken|_auth|_password|npmAuthToken|npmAuthIdent|password|token)\s*[=:]\s*["']?([^\s"'\\]*)/gi;

/** True when the text stores a token (a `${NAME}` reference the package manager expands when it runs stores none, nor
 *  bun's `$NAME`). */
export function holdsToken(text: string): boolean {
  return [...text.matchAll(TOKEN_KEY)].some((m) => m[1] !== '' && !/^\$(\{[A-Za-z_]\w*\}|[A-Za-z_]\w*)$/.test(m[1]!));
}

/** A registry auth token written into a package manager's config file: `npm config set …:_authToken` by other means. */
export function storedToken(st: State, writes: readonly string[], words: readonly { raw: string; value: string; static: boolean }[], stdinText: string | undefined): void {
  if (!writes.some((w) => TOKEN_CONFIG.test(w))) return;
  if (words.some((w) => (w.static ? holdsToken(w.value) : /_auth|_password|npmAuth|password|token/i.test(w.raw))) || (stdinText !== undefined && holdsToken(stdinText))) tokenTag(st, writes.find((w) => TOKEN_CONFIG.test(w))!);
}

function tokenTag(st: State, path: string): void {
  st.lineTags.tags.add('auth-token-stored');
  st.lineTags.notes.push(`a registry auth token is written into ${path}`);
}

/** A sed program that only substitutes, deletes and adds literal lines (no r/w/e commands or flags, no expansion). */
export function plainSed(script: string): boolean {
  const rest = script.replace(/s(.)((?:(?!\1)[^\\]|\\.)*)\1((?:(?!\1)[^\\]|\\.)*)\1[gpiI\d]*/g, '').replace(/\\?\/(?:[^/\\]|\\.)*\/I?/g, '');
  return /^(?:[\s;{}!,$\d]|[dDpP](?![\w])|[aic]\\?[^\n]*)*$/.test(rest);
}

/** A literal heredoc or here-string on the command's stdin (and nothing else feeding it). */
function literalFeed(c: FlatCommand): boolean {
  const fed = c.redirects.filter((r) => /^(<<|<<-|<<<|<|<>)$/.test(r.op) && (r.fd ?? 0) === 0);
  return c.stdinFrom.length === 0 && fed.length === 1 && (fed[0]!.heredoc ? fed[0]!.heredoc.content.static : fed[0]!.op === '<<<' && fed[0]!.target.static);
}

/** Whether a command prints only text the line shows: echo/printf of literal words, cat of a literal heredoc or here-string. */
function literalText(c: FlatCommand | undefined): boolean {
  if (c === undefined || !c.argv.every((w) => w.static)) return false;
  const name = c.argv[0]?.value;
  return name === 'echo' || name === 'printf' || (name === 'cat' && c.argv.length === 1 && literalFeed(c));
}

/**
 * The token files (.npmrc, .pypirc) a command fills with text the line shows: a redirection of literal text, tee fed
 * literal text, sed -i's plain edits. `redirected` are the command's redirection targets, resolved.
 */
export function shownTokenWrites(name: string, args: readonly string[], fc: FlatCommand, flat: readonly FlatCommand[], writes: readonly string[], redirected: ReadonlySet<string>): string[] {
  const tokens = writes.filter((w) => TOKEN_FILE.test(w));
  if (!tokens.length) return [];
  const literal = fc.argv.every((w) => w.static);
  const teeLiteral = name === 'tee' && literal && (fc.stdinFrom.length > 0 ? fc.stdinFrom.every((up) => literalText(flat[up])) : literalFeed(fc));
  const sedPlain = name === 'sed' && literal && programsOf('sed', args).every(plainSed);
  return tokens.filter((w) => (redirected.has(w) ? literalText(fc) : teeLiteral || sedPlain));
}

/** Remembers which token files hold only text the line wrote whole (and judged): staging one commits no unseen token. */
export function settleTokenWrites(st: State, writes: readonly string[], shown: readonly string[], appended: (w: string) => boolean): void {
  for (const w of writes) if (TOKEN_FILE.test(w)) {
    if (shown.includes(w) && (!appended(w) || st.settledTokenFiles.has(w))) st.settledTokenFiles.add(w);
    else st.settledTokenFiles.delete(w);
  }
}

/** A token stored by a sed edit (sed -i 's/^x=.*\/_authToken=npm_abc/' .npmrc). */
export function editedToken(st: State, path: string, added: readonly string[]): void {
  if (TOKEN_CONFIG.test(path) && added.some(holdsToken)) tokenTag(st, path);
}

/**
 * Node options a package manager hands every node process it starts (.npmrc node-options, npm config set
 * node-options): a module preloaded from outside the project, a URL, `data:` or a download is code nobody read
 * (denied, as NODE_OPTIONS=--require /tmp/x.js is); one of the project's files or an installed package is a
 * program setting (asked).
 */
export function nodeOptionsLoads(st: State, what: string, opts: string, cwd: string): void {
  const root = st.ctx.projectRoot;
  for (const m of preloadedModules(opts)) {
    const path = /^(\.{1,2}\/|\/|~)/.test(m) ? posix.resolve(cwd, m.replace(/^~(?=\/|$)/, st.ctx.home)) : undefined;
    const away = /^[a-z][\w+.-]*:/i.test(m) || /[$`]/.test(m) || (path !== undefined && (!path.startsWith(`${root}/`) || st.downloaded.has(path)));
    // (A module whose text the line wrote is judged as the code it is, too.)
    const text = path !== undefined ? st.scripts.get(path) : undefined;
    if (text !== undefined && !st.codeJudged.has(path!)) {
      st.codeJudged.add(path!);
      judgeCodeIn(st, text, 'node', st.ctx, st.ctx.env, true);
    }
    st.lineTags.tags.add(away ? 'loader-env' : 'program-setting');
    st.lineTags.notes.push(`${what} makes every node process the package manager starts load ${m}${away ? ', code from outside the project' : ''}`);
  }
}
