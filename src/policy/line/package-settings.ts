// Settings in a package manager's own configuration (.npmrc, .yarnrc.yml, bunfig.toml) beyond its registry and
// token: whom it trusts (TLS checks, CA files, where it reads more configuration) and what code it loads into every
// run (yarn plugins, bun preloads, node-options, a shell for scripts). Written with text the line shows, each is
// judged as the setting it is: code loaded from outside the project is denied, as NODE_OPTIONS=--require /tmp/x.js
// is; trust turned off or moved asks, as GIT_SSL_NO_VERIFY=1 and CURL_CA_BUNDLE= do.
import { posix } from 'node:path';
import { programSetting } from './assignments.js';
import { nodeOptionsLoads } from './token-config.js';
import type { State } from './state.js';

const NPMRC = /(^|\/)\.npmrc$/;
const YARNRC = /(^|\/)\.yarnrc\.yml$/;
const BUNFIG = /(^|\/)bunfig\.toml$/;

/** Lines that turn TLS checks off or move the trusted certificates or the configuration read after this file. */
const TRUST_SETTINGS: { file: RegExp; line: RegExp }[] = [
  { file: NPMRC, line: /^\s*(strict-ssl\s*=\s*false|(cafile|ca|userconfig|globalconfig)\s*=)/m },
  { file: YARNRC, line: /^\s*(enableStrictSsl\s*:\s*false|unsafeHttpWhitelist\s*:|(https)?[cC]aFilePath\s*:)/m },
  { file: BUNFIG, line: /^\s*(cafile|ca)\s*=/m },
];

/** Judges what a package manager's configuration text sets besides registries and tokens. */
export function packageSettings(st: State, path: string, text: string, cwd: string): void {
  const base = posix.basename(path);
  const trust = TRUST_SETTINGS.find((s) => s.file.test(path) && s.line.test(text));
  if (trust) {
    st.lineTags.tags.add('config-relocated');
    st.lineTags.notes.push(`${base} gets ${trust.line.exec(text)![1]!.trim()}: TLS checks off, or certificates or configuration Rampart has not read`);
  }
  // (npm hands node-options to every node it starts; the value runs to the end of the line, quotes and all.)
  if (NPMRC.test(path)) for (const m of text.matchAll(/^\s*node-options\s*=\s*(.+)$/gm)) if (/["']/.test(m[1]!)) nodeOptionsLoads(st, `${base} node-options`, m[1]!, cwd);
  if (YARNRC.test(path)) {
    for (const p of yarnPlugins(text)) loaded(st, `${base} plugins`, p, cwd);
    // (injectEnvironmentFiles: every script yarn runs gets those files' variables — a home credential's among them.)
    for (const m of text.matchAll(/^\s*injectEnvironmentFiles\s*:\s*\[([^\]]*)\]/gm)) for (const f of quoted(m[1]!)) outsideFile(st, `${base} injectEnvironmentFiles`, f, cwd);
  }
  if (BUNFIG.test(path)) {
    for (const m of text.matchAll(/^\s*preload\s*=\s*(\[[^\]]*\]|"[^"]*"|'[^']*')/gm)) for (const p of quoted(m[1]!)) loaded(st, `${base} preload`, p, cwd);
    const shell = /^\s*\[run\]\s*$[\s\S]*?^\s*shell\s*=\s*["']([^"']+)["']/m.exec(text)?.[1];
    if (shell !== undefined && !/^(bun|system)$/.test(shell)) programSetting(st, `${base} [run] shell`, shell, true, cwd);
  }
}

/** URLs a bunfig's install sections fetch from: [install.scopes] maps a scope to a registry by its bare name. */
export function installScopeUrls(path: string, text: string): string[] {
  if (!BUNFIG.test(path)) return [];
  const scopes = /^\s*\[install\.scopes\]\s*$([\s\S]*?)(?=^\s*\[|(?![\s\S]))/m.exec(text)?.[1] ?? '';
  return [...scopes.matchAll(/\bhttps?:\/\/[^\s"'\]}]+/g)].map((m) => m[0]);
}

/** The plugins a .yarnrc.yml loads: `- path: FILE` entries and bare `- FILE|URL` items under `plugins:`. */
function yarnPlugins(text: string): string[] {
  const block = /^plugins\s*:\s*$((?:\n(?:[ \t-].*)?)*)/m.exec(text)?.[1] ?? '';
  return [...block.matchAll(/^\s*-\s*(?:path\s*:\s*)?["']?([^\s"']+)["']?\s*$|^\s+path\s*:\s*["']?([^\s"']+)/gm)].map((m) => (m[1] ?? m[2])!).filter((p) => !/^(path|spec)\s*:/.test(p));
}

function quoted(list: string): string[] {
  return [...list.matchAll(/"([^"]*)"|'([^']*)'/g)].map((m) => (m[1] ?? m[2])!);
}

/** Where a path-like value resolves, or undefined for a package name. */
function resolved(st: State, value: string, cwd: string): string | undefined {
  return /^(\.{1,2}\/|\/|~)/.test(value) || value.includes('/') ? posix.resolve(cwd, value.replace(/^~(?=\/|$)/, st.ctx.home)) : undefined;
}

/** Code the package manager loads into every run: from a URL, outside the project or computed, it is code nobody read. */
function loaded(st: State, what: string, value: string, cwd: string): void {
  const at = resolved(st, value, cwd);
  if (!/^[a-z][\w+.-]*:/i.test(value) && !/[$`]/.test(value) && (at === undefined || at.startsWith(`${st.ctx.projectRoot}/`))) return;
  st.lineTags.tags.add('loader-env');
  st.lineTags.notes.push(`${what} makes every run load ${value}, code from outside the project`);
}

/** A file outside the project read into every script's environment. */
function outsideFile(st: State, what: string, value: string, cwd: string): void {
  const at = resolved(st, value, cwd) ?? posix.resolve(cwd, value);
  if (at.startsWith(`${st.ctx.projectRoot}/`) && !/[$`]/.test(value)) return;
  st.lineTags.tags.add('config-relocated');
  st.lineTags.notes.push(`${what} gives every script the variables in ${value}, outside the project`);
}

/**
 * The KEY VALUE pairs of `npm|pnpm|yarn config set …` (and KEY=VALUE words), past the options that stand before the key:
 * flags (-g, -H, --home, --json) and --location/-L with its value in the next word, so `npm config set -L project
 * script-shell X` sets script-shell, not project.
 */
export function configSetPairs(name: string, args: readonly string[]): [string, string][] {
  if (!/^(npm|pnpm|yarn)$/.test(name)) return [];
  const set = args.findIndex((a, k) => (a === 'set' || a === 'put') && (args[k - 1] === 'config' || args[k - 1] === 'c' || (name === 'npm' && args.slice(0, k).every((x) => x.startsWith('-')))));
  if (set < 0) return [];
  const FLAG = /^(--json|-H|--home|-g|--global)$/;
  const pairs: [string, string][] = [];
  for (let k = set + 1; k < args.length; k++) {
    const a = args[k]!;
    if (/^(-L|--location)$/.test(a)) k++;
    else if (a.startsWith('-')) continue;
    else if (a.includes('=')) pairs.push([a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]);
    else {
      // (The value may start with a dash — node-options --require X — but yarn's own flags may stand before it.)
      let v = k + 1;
      while (v < args.length && FLAG.test(args[v]!)) v++;
      pairs.push([a, args[v] ?? '']);
      k = v;
    }
  }
  return pairs;
}

/** Registry credentials by key: npm's _authToken/_auth/_password, yarn's npmAuthToken/npmAuthIdent (also under npmScopes/npmRegistries). */
const TOKEN_SETTING = /_auth|_password|authtoken|npmAuthIdent/i;

/**
 * What `pnpm|yarn config set` stores that npm's analyzer judges for npm: a registry credential kept by the agent (as
 * `npm config set …:_authToken`), and yarn plugins loaded from outside the project (as in a .yarnrc.yml).
 */
export function configSetSettings(st: State, name: string, args: readonly string[], cwd: string): void {
  if (name === 'npm') return;
  for (const [key, value] of configSetPairs(name, args)) {
    if (TOKEN_SETTING.test(key)) {
      st.lineTags.tags.add('auth-token-stored');
      st.lineTags.notes.push(`${name} config set ${key} stores a registry credential`);
    }
    // (yarn config set --json plugins '[{"path": F}]': each path, or a bare string item, is a plugin.)
    if (name === 'yarn' && key === 'plugins') {
      let items: unknown = value;
      try { items = JSON.parse(value); } catch { /* a bare value is one plugin */ }
      for (const p of (Array.isArray(items) ? items : [items]).map((x) => (typeof x === 'string' ? x : typeof (x as { path?: unknown })?.path === 'string' ? (x as { path: string }).path : '$?'))) loaded(st, 'yarn config plugins', p, cwd);
    }
  }
}

/** The scripts npm runs by itself on the next install or pack (npm pkg set scripts.postinstall=…). */
const LIFECYCLE = /^scripts[.[]["']?(pre|post)?(install|prepare|prepublish|prepublishOnly|pack|uninstall|dependencies)["']?\]?=/;

/**
 * A lifecycle script set to run a file from outside the project (npm pkg set scripts.preinstall="node /tmp/x.js"): the
 * next install runs code this line does not show, as a program setting pointed there does.
 */
export function lifecycleScripts(st: State, args: readonly string[], cwd: string): void {
  if (!args.includes('pkg') || !args.includes('set')) return;
  for (const kv of args.filter((a) => LIFECYCLE.test(a))) {
    const value = kv.slice(kv.indexOf('=') + 1);
    const outside = value.split(/[\s;&|()'"]+/).find((w) => /^(\/|~)/.test(w) && !posix.resolve(cwd, w.replace(/^~(?=\/|$)/, st.ctx.home)).startsWith(`${st.ctx.projectRoot}/`) && !/^\/(usr\/|bin\/|dev\/null$)/.test(w));
    if (outside === undefined) continue;
    st.lineTags.tags.add('program-setting');
    st.lineTags.notes.push(`${kv.slice(0, kv.indexOf('='))} makes the next install run ${outside}, a file outside the project`);
  }
}
