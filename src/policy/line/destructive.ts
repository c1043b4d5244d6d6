// Commands that destroy what lives outside the project and outside this machine's files: cloud
// resources and storage, a cluster's namespaces and volumes, infrastructure state, hosted
// repositories, whole databases on other machines — and the machine itself (power, firewall). None
// of them is undone by git; a careful user wants to be asked first. (Local development state — a
// compose volume, a local database, a pod restarted — is the project's to reset.)

/** Why a command destroys something outside the project, or undefined. */
// Options of these CLIs that take a value (--profile prod, -n ns, --context x, --stack s): their
// values are no verbs.
const VALUED = /^(--?(profile|region|output|endpoint-url|namespace|context|kubeconfig|cluster|user|stack|cwd|project|config|kube-context|app|org|repo|account|subscription|resource-group|zone|host|port|dbname|username|selector|as|as-group|server|token|cli-connect-timeout|cli-read-timeout|query|name|env|environment|chdir|working-dir|terragrunt-working-dir)|-[nsoaRgchpUlCu])$/;

/** Contexts the local-cluster tools make (kind-NAME, k3d-NAME, minikube, Docker Desktop, Rancher Desktop, OrbStack, colima):
 *  a cluster on this machine, the developer's own to tear down and make again. */
const LOCAL_CONTEXT = /^(kind-[\w-]+|k3d-[\w-]+|minikube|docker-desktop|docker-for-desktop|rancher-desktop|orbstack|colima(-[\w-]+)?)$/;
/** Terraform resources that are a cluster on this machine (the kind, k3d and minikube providers). */
const LOCAL_CLUSTER_RESOURCE = /^(kind_cluster|k3d_cluster|minikube_cluster)\.[\w-]+(\[[^\]]*\])?$/;

/** The cluster a kubectl/helm command is told to use is a local one: only an explicit context says so (the current one may be production). */
function localCluster(name: string, args: readonly string[], env: Readonly<Record<string, string | undefined>>): boolean {
  const flag = name === 'helm' ? '--kube-context' : '--context';
  const given = args.map((a, k) => (args[k - 1] === flag ? a : a.startsWith(`${flag}=`) ? a.slice(flag.length + 1) : undefined)).filter((x) => x !== undefined).at(-1)
    ?? (name === 'helm' ? env.HELM_KUBECONTEXT : undefined);
  return given !== undefined && LOCAL_CONTEXT.test(given);
}

export function destroys(name: string, args: readonly string[], env: Readonly<Record<string, string | undefined>> = {}, unmodelled = false): string | undefined {
  if (/^(kubectl|oc|k|helm)$/.test(name) && localCluster(name, args, env)) return undefined;
  // (Verbs and resource kinds are matched as the CLIs read them: in any case.)
  const words = args.filter((a, k) => !a.startsWith('-') && !VALUED.test(args[k - 1] ?? '')).map((w) => w.toLowerCase());
  const has = (re: RegExp) => args.some((a) => re.test(a));
  const at = (k: number, re: RegExp) => re.test(words[k] ?? '');
  switch (name) {
    case 'terraform':
    case 'tofu':
    case 'terragrunt': {
      // (TF_CLI_ARGS and TF_CLI_ARGS_<verb> are options Terraform adds to the command line: TF_CLI_ARGS_apply=-destroy.)
      const extra = [env.TF_CLI_ARGS, words[0] !== undefined ? env[`TF_CLI_ARGS_${words[0]}`] : undefined].filter((v): v is string => v !== undefined && v.trim() !== '');
      if (extra.length) return destroys(name, [...args, ...extra.join(' ').trim().split(/\s+/)], { ...env, TF_CLI_ARGS: undefined, [`TF_CLI_ARGS_${words[0]}`]: undefined }, unmodelled);
      // (A boolean flag as Go's flag package reads it: -destroy, -destroy=1, -destroy=t, --destroy=TRUE.)
      const destroyFlag = /^--?destroy(=(1|t|true))?$/i;
      // (…but a destroy aimed only at a local cluster — -target=kind_cluster.dev — tears down what lives on this machine.)
      const targets = args.flatMap((a, k) => (/^--?target$/.test(args[k - 1] ?? '') ? [a] : /^--?target=/.test(a) ? [a.slice(a.indexOf('=') + 1)] : []));
      if (targets.length && targets.every((x) => LOCAL_CLUSTER_RESOURCE.test(x.replace(/^["']|["']$/g, '')))) return undefined;
      if (words.includes('destroy') || (words.includes('apply') && has(destroyFlag)) || (words.includes('plan') && has(destroyFlag) && has(/^--?out(=|$)/)) || (at(0, /^state$/) && at(1, /^rm$/)) || (at(0, /^workspace$/) && at(1, /^delete$/))) return `${name} destroys infrastructure`;
      return undefined;
    }
    case 'cdktf':
    case 'eksctl':
    case 'wrangler':
    case 'bq':
    case 'glab':
    case 'doctl':
      return words.some((w) => /^(destroy|delete|rm|remove|drop)/.test(w)) ? `${name} deletes hosted resources` : undefined;
    case 'adb': {
      // (A device's own files — a phone's photos, an app's data — are nobody's backup: a recursive or forced removal there,
      // or wiping it, is asked for. A single file the line put there, or an app's cache cleared, is the developer's.)
      const shell = args.findIndex((a) => a === 'shell' || a === 'exec-out');
      const text = shell < 0 ? '' : args.slice(shell + 1).join(' ');
      // (…below the device's temp directory, /data/local/tmp, as below /tmp here: scratch.)
      const scratch = (seg: string) => seg.trim().split(/\s+/).slice(1).filter((w) => !w.startsWith('-')).every((w) => /^['"]?\/data\/local\/tmp\/[^'"]/.test(w) && !/(^|\/)\.\.(\/|$)/.test(w));
      // (…wherever rm stands in the segment: after su -c, busybox, nice, `then`, `do`, as /system/bin/rm.)
      const segs = text.split(/[;&|()\n]+/).map((x) => x.trim().replace(/^.*?(?:^|\s)(?:\S*\/)?(?=rm\s)/, ''));
      return segs.some((seg) => (/^rm\s+(.*\s)?(-\w*[rRf]|--recursive|--force)\b/.test(seg) || /^find\s.*\s-delete\b/.test(seg)) && !scratch(seg)) || /\b(wipe|recovery\s+--wipe_data|sm\s+partition)\b/.test(text) ? 'adb deletes files on a connected device' : undefined;
    }
    case 'pulumi':
      return at(0, /^(destroy|down)$/) || (at(0, /^stack$/) && at(1, /^rm$/)) ? 'pulumi destroys infrastructure' : undefined;
    case 'cdk':
    case 'sam':
    case 'serverless':
    case 'sls':
      return words.some((w) => /^(destroy|delete|remove)$/.test(w)) ? `${name} deletes a deployed stack` : undefined;
    case 'kubectl':
    case 'oc':
    case 'k':
      // (Deleting a pod or a deployment is how a cluster is restarted or redeployed; namespaces,
      // volumes, nodes, definitions and everything at once are not recreated.)
      return (at(0, /^delete$/) && (at(1, /^(namespaces?|ns|pv|pvc|persistentvolumes?|persistentvolumeclaims?|nodes?|no|crds?|customresourcedefinitions?|storageclass(es)?)(\/|$)/) || has(/^(--all|-A|--all-namespaces|-f|--filename|-k|--kustomize|--raw)$/) || has(/^(-f|--filename=|--raw=)./))) || at(0, /^drain$/) ? `${name} ${words.slice(0, 2).join(' ')} removes cluster resources that are not recreated` : undefined;
    case 'helm':
      return at(0, /^(uninstall|delete|del|un)$/) ? 'helm uninstalls a release from the cluster' : undefined;
    case 'aws':
      // (s3 sync --delete is how a static site is deployed: it mirrors the build.)
      if (at(0, /^s3$/) && at(1, /^(rm|rb)$/)) return `aws s3 ${words[1]} deletes stored objects`;
      return words.slice(1, 2).some((w) => /^(delete|terminate|remove|deregister|purge|batch-delete|schedule-key-deletion|disable-key|empty)/.test(w)) ? `aws ${words[0]} ${words[1]} deletes cloud resources` : undefined;
    case 'gcloud':
      return words.some((w) => /^(delete|remove)$/.test(w)) || (at(0, /^storage$/) && at(1, /^(rm|buckets)$/) && words.includes('rm')) ? 'gcloud deletes cloud resources' : undefined;
    case 'gsutil':
      return at(0, /^(rm|rb)$/) ? 'gsutil deletes stored objects' : undefined;
    case 'az':
      return words.some((w) => /^(delete|purge)/.test(w)) ? 'az deletes cloud resources' : undefined;
    case 'flyctl':
    case 'fly':
    case 'heroku':
    case 'vercel':
    case 'netlify':
    case 'firebase':
    case 'supabase':
    case 'railway':
      return words.some((w) => /^(delete|destroy|rm|remove)$|:(destroy|delete|remove|reset)$|^apps:destroy$/.test(w)) || (name === 'supabase' && at(0, /^db$/) && at(1, /^reset$/) && has(/^--linked$/)) ? `${name} deletes hosted resources` : undefined;
    case 'gh':
      if (at(0, /^(repo|release|secret|variable|environment|project|ruleset|gist|issue|discussion)$/) && at(1, /^(delete|remove)$/)) return `gh ${words[0]} ${words[1]} deletes it on GitHub`;
      // (Making a repository public publishes it: judged with the publishers, line/publish.ts. A GraphQL mutation that deletes.)
      if (at(0, /^api$/) && at(1, /^graphql$/) && args.some((a) => /\bmutation\b[\s\S]*\b(delete\w*|archiveRepository|updateRepository[\s\S]*visibility:\s*PUBLIC)\b/i.test(a))) return 'gh api graphql runs a mutation that deletes or publishes';
      return at(0, /^api$/) && args.some((a, k) => (/^(-X|--method)$/.test(args[k - 1] ?? '') && /^DELETE$/i.test(a)) || /^(-XDELETE|--method=DELETE)$/i.test(a)) ? 'gh api -X DELETE deletes something on GitHub' : undefined;
    case 'rclone':
      // (sync mirrors a tree as aws s3 sync --delete does: a deploy, not a deletion.)
      // (On a local path it is rm: judged as a deletion there.)
      return at(0, /^(delete|deletefile|purge|rmdir|rmdirs|cleanup|dedupe)$/) && words.slice(1).some((w) => /^[\w-]+:/.test(w) && !w.includes('://')) ? `rclone ${words[0]} deletes stored files on a remote` : undefined;
    case 'vault':
      // (disable of a secrets engine or auth method deletes everything mounted there.)
      return words.slice(0, 3).some((w) => DESTROY_VERB.test(w) || w === 'disable') ? `vault ${words.slice(0, 2).join(' ')} deletes stored secrets` : undefined;
    case 'gpg':
    case 'gpg2':
      // (A secret key deleted from the keyring is gone: signing identities, encrypted backups' keys.)
      return has(/^--delete-secret(-and-public)?-keys?$/) ? `${name} deletes secret keys from the keyring` : undefined;
    case 'dropdb':
      return remoteDb(args, env) ? 'dropdb drops a database on another machine' : undefined;
    case 'mysqladmin':
      return words.includes('drop') && remoteDb(args, env) ? 'mysqladmin drops a database on another machine' : undefined;
    case 'shutdown':
    case 'reboot':
    case 'halt':
    case 'poweroff':
      return `${name} stops the machine`;
    case 'systemctl':
      return at(0, /^(poweroff|reboot|halt|kexec|suspend|hibernate|emergency|rescue)$/) ? `systemctl ${words[0]} stops the machine` : undefined;
    case 'init':
    case 'telinit':
      return at(0, /^[06]$/) ? `${name} ${words[0]} stops the machine` : undefined;
    case 'iptables':
    case 'ip6tables':
    case 'nft':
    case 'ufw':
      return has(/^(-F|--flush|-X|--delete-chain)$/) || words.some((w) => /^(flush|disable|reset)$/.test(w)) ? `${name} drops the machine's firewall rules` : undefined;
    case 'setenforce':
      return at(0, /^(0|permissive)$/i) ? 'setenforce switches SELinux off' : undefined;
    // The machine's accounts and security settings (a uid-0 account, root's password, SIP, Gatekeeper).
    case 'useradd':
    case 'adduser':
    case 'usermod':
    case 'userdel':
    case 'deluser':
    case 'groupadd':
    case 'groupmod':
    case 'passwd':
    case 'chpasswd':
    case 'visudo':
      return `${name} changes the machine's user accounts`;
    case 'csrutil':
      return at(0, /^(disable|clear)$/) ? 'csrutil turns System Integrity Protection off' : undefined;
    case 'spctl':
      return has(/^--(master-disable|global-disable|add)$/) ? 'spctl changes Gatekeeper' : undefined;
    case 'defaults':
      return at(0, /^(write|delete)$/) && /^\/(library|system)\//.test(words[1] ?? '') ? 'defaults changes a system-wide setting' : undefined;
    default:
      // (Only for a program with no model elsewhere either: its first words are all Rampart reads.)
      return unmodelled ? unmodelledDestroy(name, args, env) : undefined;
  }
}

// Verbs that delete: as one of the first words of a program Rampart has no model of (vault kv
// delete, doppler secrets delete, restic forget, nats stream rm, stripe products delete), they
// delete something that program manages — hosted, shared or stored outside the project.
const DESTROY_VERB = /^(delete|destroy|drop|purge|remove|rm|rb|del|flushall|flushdb|prune|wipe|terminate|forget|truncate|deregister|unregister|erase|nuke)$|^(delete|destroy|remove|purge|drop)[-_:.]|[-_:.](delete|destroy|purge|drop)$/;
// Programs whose delete verbs act on this machine's tools, packages, caches, local clusters and
// processes: the project's own business, or nothing outside it worth a question.
const LOCAL_MANAGERS = /^(rake|conda|mamba|micromamba|pipenv|pdm|hatch|rye|pixi|dotnet|flutter|dart|nvm|fnm|n|pyenv|rbenv|nodenv|jenv|goenv|asdf|mise|rtx|rustup|sdk|sdkman|brew|port|winget|choco|scoop|nix|nix-env|guix|flatpak|pm2|forever|supervisorctl|kind|minikube|k3d|vagrant|multipass|tmux|screen|git-lfs|pre-commit|husky|lefthook|claude|codex|gemini|cursor|code|codium|direnv|gpg|gpg2|ssh-add|keychain|trash|gio|deno|dvc|mkdocs|hugo|jekyll|rails|django-admin|manage\.py|alembic|flyway|liquibase|prisma|sequelize|knex|typeorm|drizzle-kit|mix|rebar3|lein|clj|sbt|mvn|gradle|ant|cmake|meson|ninja|bazel|buck|pants|nx|lerna|turbo|rush|changeset|ccache|sccache|xcrun|xcodebuild|simctl|adb|emulator|avdmanager|sdkmanager|tldr|man|apropos|whatis|info|help|which|type|command|whereis|hash|busybox|bundle|bundler|composer|gem|cargo|go|swift|stack|cabal|opam|luarocks|cpanm|nimble|elm|zig|ollama|poetry|uv|pip|pip3|pipx)$/;
// Of those, the ones that drop or reset a database: the project's development database is its own
// to reset — one named production (RAILS_ENV=production, --env prod, a *.prod.* settings file) or on
// another machine is not.
const MIGRATORS = /^(rails|rake|django-admin|manage\.py|alembic|flyway|liquibase|prisma|sequelize|knex|typeorm|drizzle-kit|mix|bin\/rails)$/;
const DB_RESET = /^(db:(drop|reset|purge|schema:load|setup|migrate:reset)(:all)?|ecto\.(drop|reset)|schema:drop|migrate:(reset|fresh|refresh)|drop-all|dropall|flush|reset_db|reset|clean|drop)$/;
const PRODUCTION = /(^|[^a-z])(prod|production|live|staging)([^a-z]|$)/i;
const ENV_NAMES = ['RAILS_ENV', 'RACK_ENV', 'MIX_ENV', 'NODE_ENV', 'APP_ENV', 'FLASK_ENV', 'DJANGO_SETTINGS_MODULE', 'ENVIRONMENT', 'ENV'];

/** A delete verb given to a program Rampart has no model of: what it deletes is outside the project. */
function unmodelledDestroy(name: string, args: readonly string[], env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (MIGRATORS.test(name)) {
    const words = args.filter((a) => !a.startsWith('-')).map((w) => w.toLowerCase());
    const reset = words.some((w) => DB_RESET.test(w)) || (words[0] === 'migrate' && words[1] === 'reset');
    // (rake and make-style tools also take NAME=VALUE words as the task's environment: rake db:drop RAILS_ENV=production,
    // DATABASE_URL=mysql2://db.example.com/app.)
    const given = Object.fromEntries(args.filter((a) => /^[A-Z_][A-Z0-9_]*=/.test(a)).map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1).replace(/^mysql2:/, 'mysql:')]));
    const all = { ...env, ...given };
    const production = ENV_NAMES.some((k) => PRODUCTION.test(all[k] ?? '')) || args.some((a, k) => (/^(--?(e|env|environment|settings|defaults-file|config|url)|-c)$/.test(args[k - 1] ?? '') || /^--?[\w-]+=/.test(a) || /\.(properties|ya?ml|json|conf|ini|py|exs)$/.test(a)) && PRODUCTION.test(a)) || remoteDb(args, all);
    if (reset && production) return `${name} drops or resets a database named for production or on another machine`;
  }
  if (LOCAL_MANAGERS.test(name)) return undefined;
  // (Not a command another option runs: fd -x rm, watchexec -- rm.)
  // (The first words as written, and again without the word after each --option, which may be its value.)
  const operands = (skipValues: boolean) => args.filter((a, k) => !a.startsWith('-') && !VALUED.test(args[k - 1] ?? '') && !(skipValues && /^--[\w-]+$/.test(args[k - 1] ?? '')) && !/^(-x|-X|--exec|--exec-batch|-exec|-execdir|-c|--command|--)$/.test(args[k - 1] ?? '')).slice(0, 3).map((w) => w.toLowerCase());
  const words = [...operands(false), ...operands(true)];
  const verb = words.find((w) => DESTROY_VERB.test(w));
  return verb ? `${name} ${verb}: deletes something ${name} manages, which Rampart has no model of (outside the project)` : undefined;
}

/** SQL or store commands a database client is given that drop a whole database or store. */
export function dropsDatabase(text: string): boolean {
  return /\bdrop\s+(database|schema|keyspace)\b|\bflushall\b|\bflushdb\b|\bdropDatabase\s*\(/i.test(text);
}

/**
 * A database client aimed at another machine (-h/--host or a connection URI with a host that is
 * not this one): a development database on localhost is the project's to reset.
 */
export function remoteDb(args: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): boolean {
  const hosts = args.flatMap((a, k) => (/^(-h|--host|-H)$/.test(args[k - 1] ?? '') ? [a] : /^--host=/.test(a) ? [a.slice(7)] : /^-h\S/.test(a) ? [a.slice(2)] : []));
  // (The clients' own variables name the server too: PGHOST, MYSQL_HOST, REDISCLI host URLs, DATABASE_URL.)
  for (const k of ['PGHOST', 'MYSQL_HOST', 'MARIADB_HOST']) if (env[k]) hosts.push(env[k]!);
  for (const k of ['DATABASE_URL', 'PGDATABASE_URL', 'REDIS_URL', 'MONGODB_URI']) if (env[k]) args = [...args, env[k]!];
  for (const a of args) {
    const m = /^(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?):\/\/(?:[^@/]*@)?([^/:?]+)/i.exec(a);
    if (m) hosts.push(m[1]!);
  }
  // (A conninfo string names its host too — psql -d "host=db.prod dbname=x"; sqlcmd -S and cqlsh's first operand are the server.)
  for (const a of args) for (const m of a.matchAll(/(?:^|\s)host(?:addr)?=['"]?([^\s'"]+)/g)) hosts.push(m[1]!);
  hosts.push(...args.flatMap((a, k) => (/^(-S|--server)$/.test(args[k - 1] ?? '') ? [a.replace(/^tcp:/, '').replace(/[,\\].*$/, '')] : [])));
  // (A connection defined elsewhere — a libpq service, mysql's --login-path, a defaults file — may be any machine.)
  if (args.some((a) => /^(service=|--login-path=|--defaults-file=|--defaults-extra-file=)/.test(a) || /(?:^|\s)service=/.test(a))) return true;
  // (A connection string only known when the line runs — "$DATABASE_URL" — may be any machine.)
  if (args.some((a) => /^\$\{?\w*(URL|URI|DSN|HOST)\b/i.test(a))) return true;
  return hosts.some((h) => !/^(localhost|127\.\d+\.\d+\.\d+|::1|\[::1\]|0\.0\.0\.0|\/.*|db|postgres|mysql|redis|mongo)$/i.test(h));
}

/** Database clients, whose arguments and stdin are statements for a server. */
export const DB_CLIENTS = /^(psql|mysql|mariadb|sqlite3|mongosh|mongo|redis-cli|valkey-cli|cockroach|clickhouse-client|sqlcmd|duckdb|cqlsh)$/;

/** A function that starts copies of itself in the background (:(){ :|:& };:) exhausts the machine. */
export function forkBomb(line: string): boolean {
  return /(^|[\s;&|])([\w:.-]+)\s*\(\s*\)\s*\{[^}]*(^|[\s;&|{])\2\s*\|\s*\2\s*&/.test(line) || /(^|[\s;&|])([\w:.-]+)\s*\(\s*\)\s*\{[^}]*(^|[\s;&|{])\2\s*&[^}]*(^|[\s;&|])\2\b/.test(line);
}
