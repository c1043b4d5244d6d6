// Command-line tools that print a stored credential (a token, a key, a raw config with client
// keys): what they print is that credential, as if the file it lives in had been read. The line
// judge then treats their output like `cat` of that file (asked when shown to the agent, denied
// when sent).
import type { AnalyzerInput } from './types.js';

/** The words of an invocation (operands only) and tests on them. */
function reader(args: readonly string[]) {
  const words = args.filter((a) => !a.startsWith('-'));
  return {
    words,
    has: (...seq: string[]) => seq.every((s, i) => words[i] === s),
    verb: (v: RegExp, at = 0) => v.test(words[at] ?? ''),
    opt: (o: RegExp) => args.some((a) => o.test(a)),
  };
}

/** The credential file a tool's invocation prints, or undefined. */
export function printedCredential({ tool, args }: AnalyzerInput): string | undefined {
  const { words, has, verb, opt } = reader(args);
  switch (tool) {
    case 'gh':
      return has('auth', 'token') || (has('auth', 'status') && opt(/^(-t|--show-token)$/)) ? '~/.config/gh/hosts.yml' : undefined;
    case 'aws':
      // `configure get region` prints a setting; keys, secrets and tokens are credentials.
      if (has('configure', 'get') && /(key|secret|token|password|credential)/i.test(words[2] ?? '')) return '~/.aws/credentials';
      if (has('configure', 'export-credentials') || has('ecr', 'get-login-password') || has('ecr', 'get-authorization-token') || has('codeartifact', 'get-authorization-token')) return '~/.aws/credentials';
      // Temporary keys and new access keys are the account's credentials.
      if ((words[0] === 'sts' && verb(/^(get-session-token|assume-role.*|get-federation-token)$/, 1)) || has('iam', 'create-access-key') || has('sso', 'get-role-credentials')) return '~/.aws/credentials';
      return undefined;
    case 'gpg':
    case 'gpg2':
      return args.some((a) => /^--export-secret-(sub)?keys$/.test(a)) ? '~/.gnupg/private-keys-v1.d/key' : undefined;
    case 'vault':
      return has('print', 'token') || has('token', 'lookup') || (has('kv', 'get') || has('read')) ? '~/.vault-token' : undefined;
    case 'gcloud':
      return words.includes('print-access-token') || words.includes('print-identity-token') || words.includes('print-refresh-token') || has('config', 'config-helper') ? '~/.config/gcloud/credentials.db' : undefined;
    case 'az':
      return has('account', 'get-access-token') ? '~/.azure/msal_token_cache.json' : undefined;
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
  const { words, has, verb, opt } = reader(args);
  switch (tool) {
    case 'aws':
      return has('secretsmanager', 'get-secret-value') || has('secretsmanager', 'batch-get-secret-value') || (words[0] === 'ssm' && verb(/^get-parameters?(-by-path)?$/, 1) && opt(/^--with-decryption$/)) ? '~/.aws/credentials' : undefined;
    case 'gcloud':
      return has('secrets', 'versions', 'access') ? '~/.config/gcloud/credentials.db' : undefined;
    case 'az':
      return has('keyvault', 'secret', 'show') || has('keyvault', 'secret', 'download') ? '~/.azure/msal_token_cache.json' : undefined;
    case 'kubectl':
    case 'oc':
      return words[0] === 'get' && verb(/^(secrets?|secret\/.+)$/, 1) && opt(/^(-o|--output)(=|$)|^-o\w/) ? '~/.kube/config' : undefined;
    // Password managers and secret stores: what they read out is a secret.
    case 'op':
      return verb(/^(read|inject)$/) || (has('item', 'get') && opt(/^--(reveal|fields)/)) ? '~/.config/op/config' : undefined;
    case 'pass':
    case 'gopass':
      return words.length === 0 || verb(/^(ls|list|find|search|init|git|generate|insert|edit|rm|mv|cp|grep|version|help)$/) ? undefined : '~/.password-store/entry';
    case 'bw':
    case 'lpass':
      return verb(/^(get|show|export)$/) ? '~/.config/Bitwarden CLI/data.json' : undefined;
    case 'sops':
      return opt(/^(-d|--decrypt|--extract)$/) || verb(/^(decrypt|exec-env|exec-file)$/) ? '~/.config/sops/age/keys.txt' : undefined;
    case 'ansible-vault':
      return verb(/^(view|decrypt)$/) ? '~/.config/sops/age/keys.txt' : undefined;
    case 'security':
      return verb(/^find-(generic|internet)-password$/) && opt(/^-[a-zA-Z]*[wg]/) ? '~/Library/Keychains/login.keychain-db' : undefined;
    case 'secret-tool':
      return verb(/^lookup$/) ? '~/.local/share/keyrings/login.keyring' : undefined;
    case 'doppler':
    case 'infisical':
      return words.some((w) => /^(get|download|export)$/.test(w)) || (words[0] === 'secrets' && words.length === 1) ? '~/.doppler/.doppler.yaml' : undefined;
    case 'heroku':
      return verb(/^(auth:token|config|config:get)$/) ? '~/.netrc' : undefined;
    default:
      return undefined;
  }
}
