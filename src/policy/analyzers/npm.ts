// npm and npx: normalised subcommand, global installs, registries and proxies (flags, npm_config_*
// env), package specs that fetch from URLs or git hosts, and auth-token writes.
import { newFacts, type Facts } from '../facts.js';
import { has, optionTable, scan, values } from '../options.js';
import { addPackageSpec, addUrl, envValue, packageJsonSets, shellLine } from './common.js';
import type { AnalyzerInput } from './types.js';
import { packageBin } from './identity.js';

const ALIASES: Record<string, string> = {
  i: 'install', in: 'install', ins: 'install', inst: 'install', insta: 'install', instal: 'install', isnt: 'install',
  isnta: 'install', isntal: 'install', isntall: 'install', add: 'install', ci: 'ci', 'clean-install': 'ci',
  ic: 'ci', 'install-clean': 'ci', 'isntall-clean': 'ci', t: 'test', tst: 'test', run: 'run-script', rum: 'run-script',
  urn: 'run-script', x: 'exec', rm: 'uninstall', r: 'uninstall', un: 'uninstall', unlink: 'uninstall',
  remove: 'uninstall', c: 'config', set: 'config set', get: 'config get', 'add-user': 'login', adduser: 'login',
  up: 'update', upgrade: 'update', udpate: 'update', it: 'install-test', cit: 'install-ci-test',
  'install-clean-test': 'install-ci-test', 'sit': 'install-ci-test', v: 'view', info: 'view', show: 'view',
  s: 'search', se: 'search', find: 'search', ls: 'ls', list: 'ls', la: 'ls', ll: 'ls', dist_tag: 'dist-tag', 'dist-tags': 'dist-tag',
  home: 'docs', issues: 'bugs', rb: 'rebuild', ln: 'link', u: 'update', ogr: 'org', 'clean-install-test': 'install-ci-test', 'run-script': 'run-script',
  author: 'owner', ddp: 'dedupe', innit: 'init', create: 'init', hlep: 'help', verison: 'version', why: 'explain',
};

// npm's command names (npm 11's lib/utils/cmd-list.js): npm runs any unique prefix of one of these
// or of an alias (`npm pub` publishes, `npm conf set` sets configuration).
const COMMANDS = ['access', 'adduser', 'approve-scripts', 'audit', 'bugs', 'cache', 'ci', 'completion', 'config', 'dedupe', 'deny-scripts',
  'deprecate', 'diff', 'dist-tag', 'docs', 'doctor', 'edit', 'exec', 'explain', 'explore', 'find-dupes', 'fund', 'get', 'help', 'help-search',
  'init', 'install', 'install-ci-test', 'install-scripts', 'install-test', 'link', 'll', 'login', 'logout', 'ls', 'org', 'outdated', 'owner',
  'pack', 'ping', 'pkg', 'prefix', 'profile', 'prune', 'publish', 'query', 'rebuild', 'repo', 'restart', 'root', 'run', 'sbom', 'search',
  'set', 'shrinkwrap', 'stage', 'star', 'stars', 'start', 'stop', 'team', 'test', 'token', 'trust', 'undeprecate', 'uninstall', 'unpublish',
  'unstar', 'update', 'version', 'view', 'whoami', 'home', 'issues', 'rb', 'ln', 'u', 'ogr', 'dist-tags', 'clean-install-test'];

/** Modules a node options string preloads (-r X, --require X, --import=X, --loader X, --experimental-loader X). */
export function preloadedModules(opts: string): string[] {
  return [...opts.matchAll(/(?:^|\s)(?:-r|--require|--import|--loader|--experimental-loader)(?:=|\s+)["']?([^\s"']+)/g)].map((m) => m[1]!);
}

/** The command npm runs for the word it is given: exact, an alias, or a unique prefix (as npm's deref). */
export function npmCommand(word: string | undefined): string | undefined {
  if (word === undefined) return undefined;
  const c = /[A-Z]/.test(word) ? word.replace(/([A-Z])/g, (m) => '-' + m.toLowerCase()) : word;
  const resolve = (w: string) => ALIASES[w] ?? w;
  if (COMMANDS.includes(c) || ALIASES[c] !== undefined) return resolve(c);
  const found = [...new Set([...COMMANDS, ...Object.keys(ALIASES)].filter((w) => w.startsWith(c)).map(resolve))];
  return c !== '' && found.length === 1 ? found[0] : c;
}

// Options that take a value (npm accepts --key value for non-boolean config keys).
export const NPM_OPTIONS = optionTable([
  'registry=', 'userconfig=', 'globalconfig=', 'prefix=', 'cache=', 'w,workspace=', 'tag=', 'access=', 'otp=',
  'scope=', 'proxy=', 'https-proxy=', 'noproxy=', 'L,location=', 'loglevel=', 'C,prefix=', 'before=', 'omit=',
  'include=', 'install-strategy=', 'script-shell=', 'p,package=', 'c,call=', 'shell=', 'auth-type=', 'json?=',
  'g,global', 'D,save-dev', 'S,save', 'E,save-exact', 'O,save-optional', 'P,save-prod', 'B,save-bundle', 'y,yes',
  'no', 'f,force', 'ws,workspaces', 'if-present', 'ignore-scripts', 'dry-run', 'production', 'legacy-peer-deps',
  'q,quiet', 's,silent', 'd,loglevel-info', 'dd,verbose', 'ddd', 'no-save', 'no-audit', 'no-fund', 'offline',
  'prefer-offline', 'prefer-online', 'h,help', 'v,version', 'l,long', 'a,all', 'parseable',
]);

/** Facts of one npm or npx invocation. */
export function analyzeNpm({ tool, args, env }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  const isNpx = tool === 'npx';
  const s = scan(args, isNpx ? { ...NPM_OPTIONS, stopAtPositional: true } : NPM_OPTIONS);
  // npm accepts any config key as a flag (`--//host/:_authToken=x`); unknown ones are read here.
  for (const u of s.unknown) {
    const m = /^--(.+?)(?:=(.*))?$/.exec(u);
    if (m && /_auth|_password|authtoken/i.test(m[1]!)) f.tags.add('auth-token');
    if (m && /(^|:)registry$/i.test(m[1]!) && m[2]) addUrl(f, m[2], 'registry', 'https');
  }
  const pos = s.positionals;
  let sub = isNpx ? 'exec' : npmCommand(pos[0]);
  let rest = isNpx ? pos : pos.slice(1);
  if (sub === 'config' && rest[0]) {
    const verb = rest[0] === 'put' ? 'set' : rest[0];
    sub = `config ${verb}`;
    rest = rest.slice(1);
  }
  // (A dry run of publish packs and checks, and uploads nothing.)
  // (--dry-run=false, or a later --no-dry-run, publishes.)
  const dryRun = has(s, 'dry-run') && !args.some((a, k) => /^--dry-run=(false|0|no)$/i.test(a) || a === '--no-dry-run' || (a === '--dry-run' && /^(false|0|no)$/i.test(args[k + 1] ?? '')));
  if (sub === 'publish' && dryRun) sub = 'publish --dry-run';
  if (sub) f.subcommand = sub;
  // (…and a dry run of a global install, link or removal changes nothing: npm link --dry-run, npm i -g x --dry-run.)
  const changesGlobal = !(dryRun && /^(install|link|uninstall|update)$/.test(sub ?? ''));
  if (changesGlobal && s.opts.some((o) => o.name === 'global' || (o.name === 'location' && o.value === 'global'))) f.tags.add('global');
  if (changesGlobal && envValue(env, 'npm_config_global', 'NPM_CONFIG_GLOBAL') === 'true') f.tags.add('global');
  for (const r of values(s, 'registry')) addUrl(f, r, 'registry', 'https');
  for (const p of values(s, 'proxy', 'https-proxy')) addUrl(f, p, 'proxy');
  // Any config given as a flag that names a download site (--disturl=, --chromedriver_cdnurl=, --sass_binary_site=):
  // install scripts fetch binaries from it.
  for (const a of args) {
    const m = /^--([\w-]*(?:disturl|cdnurl|binary_site|binary-site|mirror|download_host|download-host|dist_url))=((?:https?):\/\/\S+)$/i.exec(a);
    if (m) addUrl(f, m[2]!, 'registry', 'https');
  }
  const envReg = envValue(env, 'npm_config_registry', 'NPM_CONFIG_REGISTRY');
  if (envReg) addUrl(f, envReg, 'registry', 'https');
  if (values(s, 'userconfig', 'globalconfig').length > 0 || envValue(env, 'npm_config_userconfig', 'NPM_CONFIG_USERCONFIG')) f.tags.add('config-location');
  for (const p of [envValue(env, 'npm_config_proxy', 'NPM_CONFIG_PROXY'), envValue(env, 'npm_config_https_proxy', 'NPM_CONFIG_HTTPS_PROXY'), envValue(env, 'https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY')]) {
    if (p) addUrl(f, p, 'proxy');
  }
  // npm pack --pack-destination DIR writes the tarball into DIR.
  if (sub === 'pack') for (const a of args.map((x, k) => (args[k - 1] === '--pack-destination' ? x : /^--pack-destination=/.test(x) ? x.slice(19) : undefined))) if (a) f.writes.push(`${a.replace(/\/+$/, '')}/`);
  if (sub === 'config set') {
    // `npm config set key value` and `npm config set key=value`.
    const pairs: [string, string][] = [];
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i]!;
      if (a.includes('=')) pairs.push([a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]);
      else pairs.push([a, rest[++i] ?? '']);
    }
    // node-options preloading a module from a URL, data:, HOME or the temp dir: code in every node process npm starts.
    // (Its value starts with a dash, so it is read from argv itself; the line judge tells the project's own modules, asked.)
    const at = args.findIndex((a) => /^node-options(=|$)/i.test(a));
    const opts = at < 0 ? '' : args[at]!.includes('=') ? args[at]!.slice(args[at]!.indexOf('=') + 1) : args[at + 1] ?? '';
    if (preloadedModules(opts).some((m) => /^[a-z][\w+.-]*:|^~|^\$\{?HOME\b|^\/(tmp|var\/tmp|dev\/shm)\//i.test(m))) {
      f.tags.add('loader-env');
      f.notes.push(`npm config node-options makes every node process npm starts load ${opts}`);
    }
    for (const [k, v] of pairs) {
      if (/_auth|_password|authtoken|certfile|keyfile/i.test(k)) f.tags.add('auth-token');
      if (/(^|:)registry$/i.test(k)) addUrl(f, v, 'registry', 'https');
      if (/^(https-)?proxy$/i.test(k)) addUrl(f, v, 'proxy');
      if (/^(script-shell|shell|git|editor|browser|viewer)$/i.test(k)) f.tags.add('exec-config');
      if (/^(userconfig|globalconfig|prefix|cache)$/i.test(k)) f.tags.add('config-location');
    }
  }
  if (sub === 'install' || sub === 'ci' || sub === 'update' || sub === 'exec' || sub === 'install-test') {
    for (const spec of sub === 'exec' && !isNpx ? rest.slice(0, 1) : isNpx ? rest.slice(0, 1) : rest) addPackageSpec(f, spec);
    for (const p of values(s, 'package')) addPackageSpec(f, p);
  }
  for (const c of values(s, 'call', 'shell')) f.runs.push(c);
  // npx PKG ARGS / npm exec -- PKG ARGS runs PKG's binary: judge it as a command (npx rampart approve).
  if (sub === 'exec' && values(s, 'call').length === 0) {
    const words = (isNpx ? rest : rest.filter((a, i) => i > 0 || a !== '--')).filter((a) => a !== '--');
    const bin = words[0] === undefined ? undefined : packageBin(words[0]);
    // (--prefix/-C DIR runs it in DIR: npm --prefix ~ exec -- rm -rf .ssh.)
    const prefix = values(s, 'prefix').at(-1);
    if (bin && !/[:/]/.test(bin)) f.runs.push(`${prefix !== undefined ? `cd ${shellLine([prefix.replace(/^~(?=\/|$)/, '__HOME__')]).replace('__HOME__', '~')} && ` : ''}${shellLine([bin, ...words.slice(1)])}`);
  }
  // npm explore PKG -- CMD … runs CMD through the script shell, in the package's directory.
  if (sub === 'explore') {
    const words = rest.slice(1).filter((a, i) => i > 0 || a !== '--');
    // (npm joins the words with spaces for the shell; judged as written too, should a version quote them.)
    if (words.length) f.runs.push(words.join(' '), shellLine(words));
  }
  // npm link with no package links this one into the global prefix: its bins land on PATH (a global install).
  if ((sub === 'link' || sub === 'ln') && rest.length === 0 && changesGlobal) f.tags.add('global');
  // Lifecycle scripts written now run on the next install: judge their command lines.
  if (sub === 'pkg' && rest[0] === 'set') packageJsonSets(f, rest.slice(1));
  if (sub === 'set-script' && rest[1]) f.runs.push(rest[1]);
  if (envValue(env, 'npm_config_script_shell', 'NPM_CONFIG_SCRIPT_SHELL')) f.tags.add('exec-config');
  for (const sh of values(s, 'script-shell')) {
    f.tags.add('exec-config');
    f.runs.push(sh);
  }
  return f;
}
