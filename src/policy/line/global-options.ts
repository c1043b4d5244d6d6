// Where a subcommand tool's subcommand stands: past the global options it takes before it, read with each tool's
// option table (kubectl -n "$NS" get pods, helm --kube-context "$C" status, uv --directory "svc/$s" run pytest), so
// that a computed word that is an option's value is not taken for the subcommand.
import { optionTable, scan, type OptionTable } from '../options.js';

// Only options that take a value and whose value cannot run code or pick a connection are listed: a tool's
// config file or directory (docker --config, kubectl --kubeconfig, cargo --config, npm --userconfig), a server or
// host (kubectl -s, docker -H, podman --url), a program (podman --runtime, git -c/--exec-path, npx -c) or a package
// to fetch (npx -p) is not, so a computed value there is still read as the (unknown) subcommand and asks.
// (An option a tool does not take, listed here, only makes that tool refuse the line: nothing runs.)
const KUBE = ['n,namespace=', 'context=', 'cluster=', 'user=', 'as=', 'as-group=', 'as-uid=', 'request-timeout=', 'v=', 'vmodule=',
  'log-flush-frequency=', 'tls-server-name=', 'cache-dir=', 'profile=', 'profile-output=', 'insecure-skip-tls-verify', 'match-server-version',
  'warnings-as-errors', 'disable-compression', 'h,help'];

const TABLES: Record<string, OptionTable> = {
  kubectl: optionTable(KUBE, { stopAtPositional: true }),
  oc: optionTable(KUBE, { stopAtPositional: true }),
  helm: optionTable(['n,namespace=', 'kube-context=', 'kube-as-user=', 'kube-as-group=', 'burst-limit=', 'qps=', 'debug', 'h,help'], { stopAtPositional: true }),
  gh: optionTable(['R,repo=', 'h,help', 'version'], { stopAtPositional: true }),
  cargo: optionTable(['C=', 'manifest-path=', 'color=', 'explain=', 'v,verbose', 'q,quiet', 'locked', 'offline', 'frozen', 'list', 'V,version', 'h,help'], { stopAtPositional: true }),
  // (git's -c and --config-env take KEY=VALUE: the key must be known — see keyedOption; --exec-path is not here.)
  git: optionTable(['C=', 'c=', 'config-env=', 'git-dir=', 'work-tree=', 'namespace=', 'super-prefix=', 'list-cmds=', 'attr-source=', 'p,paginate', 'P,no-pager',
    'no-replace-objects', 'no-lazy-fetch', 'no-optional-locks', 'bare', 'literal-pathspecs', 'glob-pathspecs', 'noglob-pathspecs',
    'icase-pathspecs', 'no-advice', 'version', 'help'], { stopAtPositional: true }),
  uv: optionTable(['directory=', 'project=', 'cache-dir=', 'color=', 'python-preference=', 'q,quiet', 'v,verbose', 'n,no-cache', 'offline',
    'native-tls', 'no-progress', 'no-config', 'preview', 'no-preview', 'isolated', 'managed-python', 'no-managed-python', 'h,help', 'V,version'], { stopAtPositional: true }),
  docker: optionTable(['c,context=', 'l,log-level=', 'D,debug', 'v,version', 'h,help'], { stopAtPositional: true }),
  podman: optionTable(['log-level=', 'cgroup-manager=', 'events-backend=', 'storage-driver=', 'r,remote', 'syslog', 'v,version', 'h,help'], { stopAtPositional: true }),
  // (terraform's -chdir=DIR is the one global option before its subcommand.)
  terraform: optionTable(['chdir=', 'help', 'version'], { stopAtPositional: true, singleDashLong: true }),
  skaffold: optionTable(['v,verbosity=', 'color=', 'interactive', 'timestamps', 'update-check', 'h,help'], { stopAtPositional: true }),
  minikube: optionTable(['p,profile=', 'v=', 'user=', 'alsologtostderr', 'logtostderr', 'h,help'], { stopAtPositional: true }),
  kind: optionTable(['loglevel=', 'v,verbosity=', 'q,quiet', 'h,help'], { stopAtPositional: true }),
  npm: optionTable(['prefix=', 'w,workspace=', 'loglevel=', 'ws,workspaces', 'include-workspace-root', 'if-present', 's,silent', 'q,quiet', 'd,loglevel-info', 'h,help', 'v,version'], { stopAtPositional: true }),
  pnpm: optionTable(['C,dir=', 'F,filter=', 'loglevel=', 'reporter=', 'w,workspace-root', 'r,recursive', 's,silent', 'h,help', 'v,version'], { stopAtPositional: true }),
  yarn: optionTable(['cwd=', 'silent', 'h,help', 'v,version'], { stopAtPositional: true }),
  bun: optionTable(['cwd=', 'silent', 'h,help', 'v,version'], { stopAtPositional: true }),
  poetry: optionTable(['C,directory=', 'P,project=', 'q,quiet', 'v,verbose', 'n,no-interaction', 'ansi', 'no-ansi', 'no-plugins', 'no-cache', 'h,help', 'V,version'], { stopAtPositional: true }),
  go: optionTable(['C='], { stopAtPositional: true }),
  aws: optionTable(['profile=', 'region=', 'output=', 'query=', 'color=', 'cli-read-timeout=', 'cli-connect-timeout=', 'cli-binary-format=', 'debug', 'no-paginate', 'no-cli-pager'], { stopAtPositional: true }),
  gcloud: optionTable(['project=', 'account=', 'configuration=', 'format=', 'verbosity=', 'billing-project=', 'q,quiet', 'h,help'], { stopAtPositional: true }),
  az: optionTable(['subscription=', 'o,output=', 'query=', 'debug', 'verbose', 'only-show-errors', 'h,help'], { stopAtPositional: true }),
};

/** Options whose value is KEY=VALUE, the key naming a setting that may make the tool run a program (git -c core.pager=…):
 *  a computed key is as unknown as a computed subcommand (its value is judged with the key, by the tool's analyzer). */
const KEYED: Record<string, RegExp> = { git: /^(-c|--config-env)$/ };

/** True when OPTION (as spelled before its value) takes a KEY=VALUE value for TOOL. */
export function keyedOption(tool: string, option: string): boolean {
  return KEYED[tool]?.test(option) ?? false;
}

// Other subcommand tools: no global option is known to take a value (the first operand is the subcommand).
const NONE = optionTable([], { stopAtPositional: true });

/** The index in `args` (the words after the program name) of TOOL's subcommand, past its global options; -1 when there is none.
 *  (rustup's `cargo +TOOLCHAIN …` picks an installed toolchain first: the subcommand is the word after it.) */
export function subcommandIndex(tool: string, args: readonly string[]): number {
  const skip = /^(cargo|rustc|rustdoc|clippy-driver)$/.test(tool) && /^["']?\+/.test(args[0] ?? '') ? 1 : 0;
  const rest = args.slice(skip);
  const s = scan(rest, TABLES[tool] ?? NONE);
  // (A `--` before any operand: the next word is the subcommand all the same.)
  return s.positionals.length === 0 ? -1 : skip + rest.length - s.positionals.length;
}
