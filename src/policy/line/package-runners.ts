// Package runners (npx, bunx, pnpx, npm exec|x, pnpm dlx, yarn dlx, bun x): the packages they fetch and run, and
// whether a package is one from somewhere other than the registry (a repository, a URL).
import { optionTable, scan, type OptionTable } from '../options.js';
import { NPM_OPTIONS, npmCommand } from '../analyzers/npm.js';

// Each runner's global options that take a value (the rest are flags): read before the subcommand, so that
// `npm --loglevel silent exec X`, `pnpm -C . dlx X`, `yarn --cwd . dlx X` find the subcommand, not the option's value.
const RUNNERS: Record<string, { sub: RegExp; table: OptionTable }> = {
  npm: { sub: /^exec$/, table: { ...NPM_OPTIONS, stopAtPositional: true } },
  pnpm: {
    sub: /^dlx$/,
    table: optionTable(['C,dir=', 'F,filter=', 'filter-prod=', 'reporter=', 'loglevel=', 'color?=', 'registry=', 'store-dir=',
      'virtual-store-dir=', 'modules-dir=', 'lockfile-dir=', 'workspace-concurrency=', 'changed-files-ignore-pattern=',
      'test-pattern=', 'node-linker=', 'package-import-method=', 'global-dir=', 'cache-dir=', 'state-dir=', 'use-node-version=',
      'config=', 'p,package=', 'c,shell-mode', 'w,workspace-root', 'r,recursive', 'g,global', 's,silent', 'stream',
      'aggregate-output', 'parallel', 'h,help', 'v,version'], { stopAtPositional: true }),
  },
  yarn: {
    sub: /^dlx$/,
    table: optionTable(['cwd=', 'cache-folder=', 'modules-folder=', 'global-folder=', 'link-folder=', 'preferred-cache-folder=',
      'mutex=', 'network-timeout=', 'network-concurrency=', 'registry=', 'proxy=', 'https-proxy=', 'use-yarnrc=', 'otp=',
      'emoji?=', 'p,package=', 'q,quiet', 's,silent', 'verbose', 'offline', 'prefer-offline', 'no-progress', 'h,help',
      'v,version'], { stopAtPositional: true }),
  },
  bun: {
    sub: /^x$/,
    table: optionTable(['cwd=', 'c,config=', 'env-file=', 'r,preload=', 'require=', 'import=', 'd,define=', 'e,external=',
      'l,loader=', 'tsconfig-override=', 'main-fields=', 'extension-order=', 'jsx-factory=', 'jsx-fragment=', 'jsx-import-source=',
      'jsx-runtime=', 'conditions=', 'install=', 'port=', 'u,origin=', 'F,filter=', 'shell=', 'elide-lines=', 'backend=',
      'p,package=', 'registry=', 'i', 'b,bun', 'silent', 'smol', 'watch', 'hot', 'no-install', 'h,help', 'v,version'],
    { stopAtPositional: true }),
  },
};

/** The packages a package runner fetches and runs: npx/bunx/pnpx X, npm exec|x, pnpm dlx, yarn dlx, bun x, and their -p/--package values. */
export function runnerSpecs(name: string, args: readonly string[]): string[] {
  const runner = RUNNERS[name];
  let rest: readonly string[];
  if (/^(npx|bunx|pnpx)$/.test(name)) rest = args;
  else if (runner) {
    const s = scan(args, runner.table);
    const subOf = (w: string | undefined) => (w === undefined ? undefined : name === 'npm' ? npmCommand(w) : w);
    let at = s.positionals.length ? args.length - s.positionals.length : -1;
    // (An option the table does not know may take the next word as its value: `npm --some-key v exec X` — the word after
    // that one is the subcommand then, the stricter reading.)
    if (at >= 0 && !runner.sub.test(subOf(args[at]) ?? '') && s.unknown.some((u) => !u.includes('=')) && runner.sub.test(subOf(args[at + 1]) ?? '')) at++;
    if (at < 0 || !runner.sub.test(subOf(args[at]) ?? '')) return [];
    // (--package given before the subcommand counts too: pnpm --package=git+… dlx x, npm -p git+… exec x.)
    const before = scan(args.slice(0, at), runner.table).opts.filter((o) => o.name === 'package' && o.value !== undefined).map((o) => `--package=${o.value}`);
    rest = [...before, ...args.slice(at + 1)];
  } else return [];
  const out: string[] = [];
  let operand = false;
  for (let k = 0; k < rest.length; k++) {
    const a = rest[k]!;
    // (`npx -- PKG`, `npm exec -- PKG`: the word after -- is the package run.)
    if (a === '--') {
      if (!operand && rest[k + 1] !== undefined) out.push(rest[k + 1]!);
      break;
    }
    if (/^(--prefix|--cache|--registry|--userconfig|--globalconfig|--loglevel|-w|--workspace|-c|--call|--node-options|--script-shell|--shell|--cwd|--dir|-C|--filter|-F)$/.test(a)) k++;
    else if (/^(-p|--package)$/.test(a)) out.push(rest[++k] ?? '');
    else if (/^--package=/.test(a)) out.push(a.slice(10));
    else if (!a.startsWith('-') && !operand) {
      out.push(a);
      operand = true;
      break;
    }
  }
  return out;
}

/** A package spec that is no registry name: a repository (github:, git+…, git@…, any scheme:// URL — https, ssh, git,
 *  file) or GitHub's OWNER/REPO shorthand. */
export function repositorySpec(a: string): boolean {
  return /^(github:|gitlab:|bitbucket:|gist:|git\+|git@|[a-z][a-z0-9+.-]*:\/\/)/i.test(a) || /^[\w-][\w.-]*\/[\w.-]+(#\S*)?$/.test(a);
}
