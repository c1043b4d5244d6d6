// Command-line tools that print a stored credential (a token, a key, a raw config with client
// keys): what they print is that credential, as if the file it lives in had been read. The line
// judge then treats their output like `cat` of that file (asked when shown to the agent, denied
// when sent).
import { posix } from 'node:path';
import type { AnalyzerInput } from './types.js';

/**
 * The words of an invocation (operands only) and tests on them. `valued` names the options whose
 * value is the next word (kubectl --namespace prod get …), so that value is not taken for a verb.
 */
function reader(args: readonly string[], valued?: RegExp) {
  const words = args.filter((a, k) => !a.startsWith('-') && !(valued?.test(args[k - 1] ?? '') ?? false));
  return {
    words,
    has: (...seq: string[]) => seq.every((s, i) => words[i] === s),
    verb: (v: RegExp, at = 0) => v.test(words[at] ?? ''),
    opt: (o: RegExp) => args.some((a) => o.test(a)),
  };
}

/** An output option (-o F, --output=F, --out-file F) names a file that is not stdout by another name. */
function toFile(args: readonly string[]): boolean {
  const out = outputFile(args);
  // (A descriptor by any name — /dev/fd/3 with 3>&1, /proc/thread-self/fd/1, /dev//stdout, /proc/$$/fd/1 — may be stdout: not a file.)
  return out !== undefined && !stdoutLike(out);
}

/** A path that may be this process's stdout, however it is spelled. */
function stdoutLike(p: string): boolean {
  const n = posix.normalize(p.replace(/\$\$|\$\{?BASHPID\}?/g, 'self'));
  return p === '-' || /^\/dev\/(stdout|stderr|tty|fd\/\d+)$|^\/proc\/(self|thread-self|\d+|\$\w+)\/fd\/\d+$/.test(n);
}

/** The file an output option names (-o F, --output=F, --out-file F, oc extract --to=DIR). */
function outputFile(args: readonly string[]): string | undefined {
  return args.map((a, k) => (/^(-o|--output|--out-file|--to|--plaintext-file)$/.test(args[k - 1] ?? '') ? a : /^--(output|out-file|to|plaintext-file)=/.test(a) ? a.slice(a.indexOf('=') + 1) : /^-o./.test(a) ? a.slice(2) : undefined)).filter((x) => x !== undefined).at(-1);
}

/** The file a secret store's read is written to instead of stdout (gpg -o F -d, op inject -o F, age -d -o F, oc extract
 *  --to=DIR): that file holds the secret, as a copy would. */
export function storedSecretFile(tool: string, args: readonly string[]): { file: string; secret: string } | undefined {
  const file = outputFile(args);
  if (file === undefined || !toFile(args)) return undefined;
  const rest = args.filter((a, k) => !/^(-o|--output|--out-file|--to|--plaintext-file)$/.test(a) && !/^(-o|--output|--out-file|--to|--plaintext-file)$/.test(args[k - 1] ?? '') && !/^--(output|out-file|to|plaintext-file)=/.test(a) && !/^-o./.test(a));
  const secret = storedSecret(tool, tool === 'oc' ? [...rest, '--to=-'] : tool === 'gcloud' ? [...rest, '--plaintext-file=-'] : rest);
  return secret === undefined ? undefined : { file, secret };
}

/** Global options of the cloud CLIs and stores that take a value, so that the value is not read as the verb
 *  (aws --profile prod secretsmanager …, gcloud --project p secrets …, op --account x read, bw --session K get). */
const STORE_VALUED = /^(--profile|--region|--endpoint-url|--output|--query|--project|--account|--configuration|--subscription|--session|--impersonate-service-account|--billing-project|--format|--vault|--vault-name|--ca-bundle|--cli-read-timeout|--cli-connect-timeout|--cli-binary-format|--color|--verbosity|--log-level|--tenant|--cache-dir|--trace-token|--flags-file|--encoding|--config|--config-dir|--homedir|-a|--app|-r|--remote)$/;

/** kubectl's verb (its first operand, past global options) is VERB. */
const k8sVerb = (args: readonly string[], verb: string): boolean => reader(args, KUBECTL_VALUED).words[0] === verb;

/** kubectl's options whose value is the next word. */
const KUBECTL_VALUED = /^(--cache-dir|--certificate-authority|--client-certificate|--client-key|--tls-server-name|-n|--namespace|--context|--kubeconfig|--cluster|--user|-o|--output|-l|--selector|--template|-c|--container|-f|--filename|--field-selector|--sort-by|-s|--server|--token|--as|--as-group|--request-timeout|--chunk-size|-L|--label-columns)$/;

/** The credential file a tool's invocation prints, or undefined. */
export function printedCredential({ tool, args }: AnalyzerInput): string | undefined {
  const { words, has, verb, opt } = reader(args);
  switch (tool) {
    case 'gh':
      // (…and the token by other verbs: gh config get oauth_token, gh auth git-credential get.)
      return has('auth', 'token') || (has('auth', 'status') && opt(/^(-t|--show-token)$/)) || (has('config', 'get') && words.slice(2).some((w) => /token/i.test(w))) || has('auth', 'git-credential', 'get') ? '~/.config/gh/hosts.yml' : undefined;
    case 'aws':
      // `configure get region` prints a setting; keys, secrets and tokens are credentials.
      if (has('configure', 'get') && /(key|secret|token|password|credential)/i.test(words[2] ?? '')) return '~/.aws/credentials';
      if (has('configure', 'export-credentials') || has('ecr', 'get-login-password') || has('ecr', 'get-authorization-token') || has('codeartifact', 'get-authorization-token')) return '~/.aws/credentials';
      // Temporary keys and new access keys are the account's credentials.
      if ((words[0] === 'sts' && verb(/^(get-session-token|assume-role.*|get-federation-token)$/, 1)) || has('iam', 'create-access-key') || has('sso', 'get-role-credentials') || has('rds', 'generate-db-auth-token')) return '~/.aws/credentials';
      return undefined;
    case 'gpg':
    case 'gpg2':
      return args.some((a) => /^--export-secret-(sub)?keys$/.test(a)) ? '~/.gnupg/private-keys-v1.d/key' : undefined;
    case 'vault':
      // (…and what hands out a token or plaintext: token create, a login or decrypt path written to, dynamic creds.)
      return has('print', 'token') || has('token', 'lookup') || has('token', 'create') || (has('kv', 'get') || has('read')) || (has('write') && /(^|\/)(decrypt|login|creds|sts|issue|unwrap|token|code)(\/|$)/.test(words[1] ?? '')) || has('unwrap') ? '~/.vault-token' : undefined;
    case 'gcloud':
      return words.includes('print-access-token') || words.includes('print-identity-token') || words.includes('print-refresh-token') || has('config', 'config-helper') ? '~/.config/gcloud/credentials.db' : undefined;
    case 'az':
      // (…and a resource's access keys or connection string, a registry's exposed token, a service principal's new secret.)
      return has('account', 'get-access-token') || (words.includes('keys') && words.includes('list')) || words.includes('list-keys') || words.includes('show-connection-string')
        || (has('acr', 'login') && opt(/^--expose-token$/)) || (has('ad', 'sp') && (words.includes('create-for-rbac') || (words.includes('credential') && words.includes('reset')))) ? '~/.azure/msal_token_cache.json' : undefined;
    case 'terraform':
    case 'tofu':
    case 'terragrunt':
      // The raw state: what cat terraform.tfstate shows. (A plan's or the outputs' JSON — show -json tfplan, output -json — is
      // everyday infrastructure work, left alone as the project's own configuration.)
      return has('state', 'pull') ? 'terraform.tfstate' : undefined;
    case 'kubectl':
    case 'oc':
      // A raw or flattened config carries client keys; a secret's data is in its -o yaml/json/jsonpath.
      if (has('config', 'view') && opt(/^--(raw|flatten)(=true)?$/)) return '~/.kube/config';
      return has('create', 'token') ? '~/.kube/config' : undefined;
    case 'npm':
    case 'pnpm':
    case 'yarn':
      return has('config', 'get') && /(_auth|token|password)/i.test(words[2] ?? '') ? '~/.npmrc' : undefined;
    case 'git':
      // Scripts extract credentials with `credential fill`; git's own helper calls
      // (`credential-store get` …) run inside git and stay allowed.
      return has('credential', 'fill') ? '~/.git-credentials' : undefined;
    // Other CLIs' token printers: fly's, GitLab's, aws-vault's exported keys, Stripe's config, KWallet.
    case 'fly':
    case 'flyctl':
      return has('auth', 'token') || has('tokens', 'create') ? '~/.fly/config.yml' : undefined;
    case 'glab':
      return (has('auth', 'status') && opt(/^(-t|--show-token)$/)) || has('auth', 'token') ? '~/.config/glab-cli/config.yml' : undefined;
    case 'aws-vault':
      return verb(/^(export|exec)$/) && (words[0] === 'export' || words.length <= 2) ? '~/.aws/credentials' : undefined;
    case 'stripe':
      return has('config', '--list') || (words[0] === 'config' && opt(/^--list$/)) ? '~/.config/stripe/config.toml' : undefined;
    case 'kwallet-query':
      return opt(/^(-r|--read-password)$/) ? '~/.local/share/kwalletd/kdewallet.kwl' : undefined;
    default:
      return /^docker-credential-/.test(tool) && words[0] === 'get' ? '~/.docker/config.json' : undefined;
  }
}

/**
 * Secrets a secret store reads out (a password manager, a cloud's secret manager, sops, a cluster's
 * Secret objects): the project's own configuration as often as not, so shown to the agent they are
 * left alone, but what they print is a secret once it is sent on, like a dump of the environment.
 */
export function storedSecret(tool: string, args: readonly string[]): string | undefined {
  const r = reader(args, STORE_VALUED);
  // (gcloud's release tracks come before the group: gcloud beta secrets versions access.)
  const words = tool === 'gcloud' ? r.words.filter((w, k) => k > 0 || !/^(alpha|beta|preview)$/.test(w)) : r.words;
  const has = (...seq: string[]) => seq.every((x, i) => words[i] === x);
  const verb = (v: RegExp, at = 0) => v.test(words[at] ?? '');
  const opt = r.opt;
  // A program run with a store's values in its environment that prints the environment (doppler run -- env,
  // railway run env, chamber exec prod -- env, heroku run env, op run -- printenv) prints them.
  // (summon runs its first operand, envchain NAMESPACE the words after it: summon env, envchain aws printenv.)
  const nsAt = tool === 'envchain' && !args.some((a) => /^(-s|--set|-l|--list|-u|--unset)$/.test(a)) ? args.findIndex((a) => !a.startsWith('-')) : -1;
  const direct = tool === 'summon' ? args.findIndex((a, k) => !a.startsWith('-') && !/^(-p|--provider|-f|-D|-e|--environment)$/.test(args[k - 1] ?? '')) : nsAt >= 0 ? nsAt + 1 : -1;
  const runs = (/^(doppler|infisical|railway|heroku|chamber|op|sops|teller|envkey|vault|aws-vault|envchain|dotenvx)$/.test(tool) && words.some((w) => /^(run|exec|exec-env)$/.test(w))) || (tool === 'summon' && args.includes('--')) || (direct >= 0 && args[direct] !== undefined);
  const after = args.indexOf('--') >= 0 ? args.slice(args.indexOf('--') + 1) : direct >= 0 ? args.slice(direct) : args.slice(args.findIndex((a) => /^(run|exec|exec-env)$/.test(a)) + 1).filter((a) => !a.startsWith('-'));
  const command = [...after, ...args.filter((a, k) => /^(--command|-c|--cmd)$/.test(args[k - 1] ?? '') || /^--command=/.test(a)).map((a) => a.replace(/^--command=/, ''))].join(' ');
  // (`env FOO=bar ./server` starts a program; only env or printenv alone, with options, prints.)
  // (…or code that prints its environment: node -p of its env object, os.environ, awk's ENVIRON, perl's %ENV, an echo of a variable.)
  if (runs && /process\.env|os\.environ|\bENVIRON\b|%ENV|\$ENV\b|\bENV\[|\bENV\s*\.\s*(to_h|to_a|to_hash|to_s|each\w*|inspect|keys|values|map|select|filter|sort\w*|dup|clone|slice|fetch|values_at)\b|\b(p|pp|puts|print|ap)\s*\(?\s*ENV\b|\b(echo|printf)\b[^|;&]*\$\{?(?!(?:PATH|HOME|PWD|USER|SHELL|LANG|TERM|HOSTNAME|PORT|NODE_ENV|RAILS_ENV|RACK_ENV|DYNO|TZ|PS1)\b)\w/.test(command)) return '~/.netrc';
  // (The store's own options may sit around the command with their values: heroku run env -a app, heroku run -a app env.)
  const runAt = args.findIndex((a) => /^(run|exec|exec-env)$/.test(a));
  const optionish = (xs: readonly string[]) => xs.every((a, k) => a.startsWith('-') || (xs[k - 1] ?? '').startsWith('-') && !(xs[k - 1] ?? '').includes('='));
  const rawAfter = runAt >= 0 && args.indexOf('--') < 0 ? args.slice(runAt + 1) : [];
  const envAt = rawAfter.findIndex((a, k) => /^(env|printenv)$/.test(a) && optionish(rawAfter.slice(0, k)));
  if (runs && envAt >= 0 && optionish(rawAfter.slice(envAt + 1))) return '~/.netrc';
  if (runs && (((/^(env|printenv|set|export|declare)$/.test(after[0] ?? '') && after.slice(1).every((a) => a.startsWith('-'))) || (after[0] === 'printenv' && after.length === 2)) || /(^|[\s;&|'"(])(env|printenv|set|export|declare)(\s+-[px]+)?\s*($|[;&|'")])/.test(command))) return '~/.netrc';
  // (The cluster's Secret API read by any client — through kubectl proxy on localhost, or the API server itself; in a URL,
  // a brace list, a program's code, a raw request: //api/v1/secrets, {secrets,configmaps}.)
  if (!/^(echo|printf)$/.test(tool) && args.some((a) => /\/api\/v1\/+(?:namespaces\/+[^/\s'"]+\/+)?(?:secrets|\{[^}]*\bsecrets\b[^}]*\})(?:[/?\s'"\\]|$)/.test(a.replace(/\/{2,}/g, '/')))) return '~/.kube/config';
  // (A run on an app's dyno that prints its environment prints the app's secrets: heroku run:inside … env; and heroku
  // pg:credentials:url prints the database's. A container's own environment, shown — kubectl exec POD -- env — is left alone.)
  if (tool === 'heroku' && (words[0] === 'pg:credentials:url' || (/^run:(inside|detached)$/.test(words[0] ?? '') && args.some((a) => /^(env|printenv)$/.test(a))))) return '~/.netrc';

  // (A release's manifest — Secrets among its objects — and a CI project's variables. Its values are configuration.)
  if (tool === 'helm' && has('get') && verb(/^(all|manifest)$/, 1)) return '~/.kube/config';
  if (tool === 'glab' && has('variable') && verb(/^(get|list|export)$/, 1)) return '~/.config/glab-cli/config.yml';
  // (Rails' encrypted credentials, decrypted with config/master.key: rails credentials:show, encrypted:show F.)
  if (/^(rails|rake)$/.test(tool) && verb(/^(credentials|encrypted):show$/)) return 'config/master.key';
  switch (tool) {
    case 'aws':
      return has('kms', 'decrypt') || has('secretsmanager', 'get-secret-value') || has('secretsmanager', 'batch-get-secret-value') || (words[0] === 'ssm' && verb(/^get-parameters?(-by-path|-history)?$/, 1) && opt(/^--with-decryption$/)) ? '~/.aws/credentials' : undefined;
    case 'gcloud':
      // (kms decrypt writes the plaintext to --plaintext-file; `-` is stdout.)
      return has('secrets', 'versions', 'access') || (has('kms', 'decrypt') && args.some((a, k) => (args[k - 1] === '--plaintext-file' && stdoutLike(a)) || (a.startsWith('--plaintext-file=') && stdoutLike(a.slice(17))))) ? '~/.config/gcloud/credentials.db' : undefined;
    case 'az':
      return has('keyvault', 'secret', 'show') || has('keyvault', 'secret', 'download') ? '~/.azure/msal_token_cache.json' : undefined;
    case 'kubectl':
    case 'oc':
    {
      // (Global and get options may come before the verb and between the resources: kubectl -n prod get -o yaml secret db.)
      const k8s = reader(args, KUBECTL_VALUED);
      // (Only an output that carries the values — yaml, json, a template over data — shows them; -o name, wide and .type do not.)
      const out = args.map((a, k) => (/^(-o|--output)$/.test(args[k - 1] ?? '') ? a : /^--output=/.test(a) ? a.slice(9) : /^-o./.test(a) ? a.slice(2).replace(/^=/, '') : undefined)).filter((o) => o !== undefined).at(-1);
      const template = args.map((a, k) => (args[k - 1] === '--template' ? a : a.startsWith('--template=') ? a.slice(11) : '')).join(' ');
      // (--template alone implies -o go-template; --raw reads an API path — a secret's shows its data; `view-secret`
      // (a krew plugin) and `oc extract secret/x --to=-` print the values.)
      if (args.some((a, k) => (args[k - 1] === '--raw' || a.startsWith('--raw=')) && /\/secrets(\/|$|\?)/.test(a))) return '~/.kube/config';
      if (k8sVerb(args, 'view-secret') || (tool === 'oc' && k8sVerb(args, 'extract') && args.some((a, k) => a === '--to=-' || (a === '-' && args[k - 1] === '--to')))) return '~/.kube/config';
      // (The default table, -o name and -o wide show names and counts; a template or column list that names only
      // metadata and the type does too. Anything else — yaml, json, a template file, .data, the annotations'
      // last-applied copy, {.}, {@}, {.*}, items whole — may print the values.)
      const text = `${out ?? ''} ${template}`;
      // (A range over the items — {range .items[*]}…{end}, {{range .items}}…{{end}} — and literal text print nothing
      // themselves; any other range or with, a whole object (., @, .metadata with its last-applied copy, an item), the
      // data, and value functions (base64decode, print, index, json) may print the values.)
      const shown = text.replace(/\{\{?-?\s*range\s+\.items(\[[^\]]*\])?\s*-?\}\}?|\{\{?-?\s*end\s*-?\}\}?|\{"[^"]*"\}|\{\{-?\s*"[^"]*"\s*-?\}\}/g, ' ');
      const quiet = (out === undefined && template.trim() === '') || /^(name|wide)$/.test(out ?? '') || (/^(jsonpath|go-template|template|custom-columns)(=|$)/.test(out ?? 'go-template')
        && !/\bdata\b|stringData|annotations|\{\{?-?\s*[.$@]?\s*-?\}\}?|\{\{-?\s*\.\s*\||\.\*|\.\.|\bitems(\[[^\]]*\])?\s*\}|@(?!\.)|\$\w|\b(index|json|toJson|toYaml|printf?|println|base64decode|b64dec|html|js|urlquery|with|range)\b|\.metadata\s*-?\}/i.test(shown));
      // (Resource names are case-blind and may be listed, qualified or typed: Secret, all,secrets, secrets.v1, secret/db.)
      const names = (from: number) => k8s.words.slice(from + 1).flatMap((w) => w.split(','));
      const secret = (from: number) => from >= 0 && names(from).some((r) => /^secrets?(\.v1)?(\/.*)?$/i.test(r) || /^secret\//i.test(r));
      // (`edit` hands the object whole to $KUBE_EDITOR, which may be cat.)
      return (secret(k8s.words.indexOf('get')) && !quiet) || secret(k8s.words.indexOf('edit')) ? '~/.kube/config' : undefined;
    }
    // Password managers and secret stores: what they read out is a secret.
    case 'op':
      // (`item get` shows concealed fields with --reveal, in --fields, and in its JSON; a document is its file.)
      // (inject -o FILE and document get --out-file FILE write the values to that file instead.)
      if (toFile(args)) return undefined;
      return verb(/^(read|inject)$/) || has('document', 'get') || (has('item', 'get') && (opt(/^--(reveal|fields|otp)/) || /(^|\s)--format(=|\s+)json/.test(args.join(' ')))) ? '~/.config/op/config' : undefined;
    case 'pass':
    case 'gopass':
      return words.length === 0 || verb(/^(ls|list|find|search|init|git|generate|insert|edit|rm|mv|cp|grep|version|help)$/) ? undefined : '~/.password-store/entry';
    case 'bw':
    case 'lpass':
    case 'rbw':
      // (bw list items prints every item with its password; lpass ls and rbw list print names.)
      return verb(/^(get|show|export)$/) || (tool === 'bw' && has('list', 'items')) ? '~/.config/Bitwarden CLI/data.json' : undefined;
    // Decryption to stdout: gpg -d, age -d, a cloud KMS's decrypt, a keyring's stored password.
    case 'gpg':
    case 'gpg2':
      // (With no action gpg decrypts what it is given: to stdout when that is stdin or -o -. Any option that names another
      // action — --full-generate-key, --list-keys, --import, -e, -s, -c — means it does not; every other option only modifies.)
      if (!args.some((a) => !/-options$/.test(a) && /^--(encrypt|sign|symmetric|clear-?sign|detach-sign|import\S*|export\S*|list\S*|verify\S*|gen-\S+|full-gen\S*|generate\S*|full-generate\S*|quick-\S+|delete\S*|edit-\S+|card-\S+|change-pin|fingerprint|version|help|print-mds?|dearmor|enarmor|recv-keys|send-keys|search-keys|refresh-keys|fetch-keys|update-trustdb|check-trustdb|import-ownertrust|export-ownertrust|lsign-key|sign-key|passwd|locate-keys|show-keys|check-\S+|list-\S+|dump-options|gpgconf\S*|sym|store|decrypt-files|encrypt-files|verify-files)$/.test(a) || /^-[a-zA-Z]*[escbkKSL][a-zA-Z]*$/.test(a) && !a.startsWith('--')) && (stdoutLike(outputFile(args) ?? 'x') || args.every((a, k) => a.startsWith('-') || /^(-o|--output|-r|--recipient|-u|--local-user|--homedir|--passphrase|--passphrase-file|--passphrase-fd|--pinentry-mode|--status-fd|--logger-fd|--attribute-fd|--command-fd|--keyring|--secret-keyring|--trust-model|--trustdb-name|--default-key|--cipher-algo|--digest-algo|--compress-algo|--options|--set-filename|--comment|--keyserver|--agent-program|--\S+-options)$/.test(args[k - 1] ?? '')))) return '~/.gnupg/private-keys-v1.d/key';
      return (opt(/^(-d|--decrypt)$/) || opt(/^-[a-zA-Z]*d[a-zA-Z]*$/)) && !toFile(args) ? '~/.gnupg/private-keys-v1.d/key' : undefined;
    case 'age':
    case 'rage':
      return opt(/^(-d|--decrypt)$/) && !toFile(args) ? '~/.config/sops/age/keys.txt' : undefined;
    case 'keyring':
    case 'chamber':
    case 'berglas':
      return verb(/^(get|read|export|access)$/) ? '~/.local/share/keyrings/login.keyring' : undefined;
    // (sops FILE with no action is sops edit, and ansible-vault edit: both hand the decrypted file to $EDITOR — which may be cat.)
    case 'sops':
      return opt(/^(-d|--decrypt|--extract)$/) || verb(/^(decrypt|exec-env|exec-file|edit)$/) || (words.length === 1 && !/^(encrypt|rotate|updatekeys|keyservice|publish|groups|filestatus|set|unset|help|completion|-.*)$/.test(words[0]!) && !args.some((a) => /^(-e|--encrypt|-r|--rotate|-i|--in-place|--version|-h|--help|--set|--unset)$/.test(a))) ? '~/.config/sops/age/keys.txt' : undefined;
    case 'ansible-vault':
      return verb(/^(view|decrypt|edit)$/) ? '~/.config/sops/age/keys.txt' : undefined;
    case 'security':
      return verb(/^find-(generic|internet)-password$/) && opt(/^-[a-zA-Z]*[wg]/) ? '~/Library/Keychains/login.keychain-db' : undefined;
    case 'secret-tool':
      return verb(/^lookup$/) ? '~/.local/share/keyrings/login.keyring' : undefined;
    case 'doppler':
    case 'infisical':
    {
      // (-p/--project, -c/--config, --env take a value: doppler secrets -p x -c dev lists values; `run -- env` prints them.)
      const d = reader(args, /^(-p|--project|-c|--config|--env|--token|--path|--projectId)$/);
      const runs = args.indexOf('--') >= 0 && d.words[0] === 'run' && /^(env|printenv|set|export)$/.test(args[args.indexOf('--') + 1] ?? '');
      return runs || d.words.some((w) => /^(get|download|export)$/.test(w)) || (d.words[0] === 'secrets' && d.words.length === 1 && !opt(/^--only-names$/)) ? '~/.doppler/.doppler.yaml' : undefined;
    }
    // Hosting platforms' environment values: netlify env:get/env:list --plain, railway variables.
    case 'netlify':
    case 'ntl':
      return verb(/^env:(get|list)$/) ? '~/.netrc' : undefined;
    case 'railway':
      return verb(/^(variables|vars|variable)$/) && !opt(/^--set$/) ? '~/.netrc' : undefined;
    case 'heroku':
      return verb(/^(auth:token|config|config:get)$/) ? '~/.netrc' : undefined;
    // Infrastructure outputs and stack secrets printed in the clear: terraform output -raw/-json (sensitive values
    // included), pulumi … --show-secrets; vercel env pull to stdout.
    case 'terraform':
    case 'tofu':
    case 'terragrunt':
      // (By name: terraform output -raw bucket_name is a setting; db_password, api_token, private_key are not.)
      return words[0] === 'output' && opt(/^-(raw|json)(=.*)?$/) && /pass|secret|token|key|cred|private|auth|conn(ection)?_?str/i.test(words[1] ?? '') ? '~/.terraform.d/credentials.tfrc.json' : undefined;
    case 'pulumi':
      return opt(/^--show-secrets(=true)?$/) ? '~/.pulumi/credentials.json' : undefined;
    case 'vercel':
      return has('env', 'pull') && /^(-|\/dev\/(stdout|fd\/\d+)|\/proc\/(self|thread-self)\/fd\/\d+)$/.test(words[2] ?? '') ? '~/.netrc' : undefined;
    default:
      return undefined;
  }
}

/**
 * The home credential a tool's configuration or login verb writes (`aws configure set`, `kubectl
 * config set-credentials`, `gcloud auth activate-service-account`, `docker login`, `git credential
 * approve`): as if the file had been written, which DESIGN denies for its home credentials. Reading
 * (`aws configure list`, `kubectl config view`, `gcloud auth list`), a project's own settings
 * (`gcloud config set project`) and switching among contexts the user already has (`kubectl config
 * use-context`) store no credential; logins to stores outside DESIGN's list (gh, cargo, vault) are
 * the user's everyday set-up and stay allowed, as `npm login` only asks.
 */
export function writtenCredential({ tool, args, env }: AnalyzerInput): string | undefined {
  const { words, verb } = reader(args);
  // (A store moved by its variable is no longer the user's: the move itself is judged, as
  // relocated configuration.)
  const home = (name: string, path: string) => (env[name] ? undefined : path);
  switch (tool) {
    case 'aws':
      // (Bare `aws configure` asks for keys and writes them.)
      return words[0] === 'configure' && (words.length === 1 || verb(/^(set|import|add-model|sso)$/, 1)) ? home('AWS_SHARED_CREDENTIALS_FILE', '~/.aws/credentials') : undefined;
    case 'kubectl':
    case 'oc':
      return words[0] === 'config' && verb(/^(set|set-cluster|set-credentials|set-context|unset|delete-context|delete-cluster|delete-user|rename-context)$/, 1) ? home('KUBECONFIG', '~/.kube/config') : undefined;
    case 'gcloud':
      if (words[0] === 'auth' && verb(/^(login|activate-service-account|revoke|configure-docker|application-default)$/, 1)) return words[1] === 'configure-docker' ? '~/.docker/config.json' : '~/.config/gcloud/credentials.db';
      return words[0] === 'config' && verb(/^(set|unset)$/, 1) && /^(auth\/|core\/account$|account$|proxy\/|api_endpoint_overrides\/|core\/custom_ca_certs_file$)/.test(words[2] ?? '') ? '~/.config/gcloud/configurations/config_default' : undefined;
    case 'docker':
    case 'podman':
    case 'nerdctl':
      return verb(/^(login|logout)$/) ? home('DOCKER_CONFIG', '~/.docker/config.json') : undefined;
    case 'helm':
      return words[0] === 'registry' && verb(/^(login|logout)$/, 1) ? '~/.docker/config.json' : undefined;
    case 'git':
      // `credential approve|reject` and a helper's `store|erase` write the stored credentials.
      return (words[0] === 'credential' && verb(/^(approve|reject)$/, 1)) || (/^credential-(store|cache)$/.test(words[0] ?? '') && verb(/^(store|erase)$/, 1)) ? '~/.git-credentials' : undefined;
    default:
      return /^docker-credential-/.test(tool) && verb(/^(store|erase)$/) ? '~/.docker/config.json' : undefined;
  }
}
