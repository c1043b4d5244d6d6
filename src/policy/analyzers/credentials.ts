// Command-line tools that print a stored credential (a token, a key, a raw config with client
// keys): what they print is that credential, as if the file it lives in had been read. The line
// judge then treats their output like `cat` of that file (asked when shown to the agent, denied
// when sent).
import type { AnalyzerInput } from './types.js';

/** The credential file a tool's invocation prints, or undefined. */
export function printedCredential({ tool, args }: AnalyzerInput): string | undefined {
  const words = args.filter((a) => !a.startsWith('-'));
  const has = (...seq: string[]) => seq.every((s, i) => words[i] === s);
  switch (tool) {
    case 'gh':
      return has('auth', 'token') ? '~/.config/gh/hosts.yml' : undefined;
    case 'aws':
      // `configure get region` prints a setting; keys, secrets and tokens are credentials.
      if (has('configure', 'get') && /(key|secret|token|password|credential)/i.test(words[2] ?? '')) return '~/.aws/credentials';
      return has('configure', 'export-credentials') || has('ecr', 'get-login-password') || has('codeartifact', 'get-authorization-token') || has('sts', 'get-session-token') ? '~/.aws/credentials' : undefined;
    case 'gpg':
    case 'gpg2':
      return args.some((a) => /^--export-secret-(sub)?keys$/.test(a)) ? '~/.gnupg/private-keys-v1.d/key' : undefined;
    case 'vault':
      return has('print', 'token') || has('token', 'lookup') || (has('kv', 'get') || has('read')) ? '~/.vault-token' : undefined;
    case 'gcloud':
      return words.includes('print-access-token') || words.includes('print-identity-token') || words.includes('print-refresh-token') ? '~/.config/gcloud/credentials.db' : undefined;
    case 'az':
      return has('account', 'get-access-token') ? '~/.azure/msal_token_cache.json' : undefined;
    case 'kubectl':
    case 'oc':
      return has('config', 'view') && args.some((a) => a === '--raw' || a === '--raw=true') ? '~/.kube/config' : undefined;
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
