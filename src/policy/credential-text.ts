// Credential material written out in text that leaves the machine (a URL's query, a search query):
// a private key block, a cloud secret key, a vendor token. Recognised by shape; pure.

const SHAPES: [RegExp, string][] = [
  [/-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/, 'a private key block'],
  [/\b(AKIA|ASIA)[0-9A-Z]{16}\b/, 'an AWS access key id'],
  [/aws_secret_access_key\s*[=:]\s*\S{20,}|\b[A-Za-z0-9/+]{40}\b(?=.*aws)/i, 'an AWS secret key'],
  [/\bgh[pousr]_[A-Za-z0-9]{30,}\b|\bgithub_pat_[A-Za-z0-9_]{40,}\b/, 'a GitHub token'],
  [/\bglpat-[A-Za-z0-9_-]{20,}\b/, 'a GitLab token'],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}\b/, 'a Slack token'],
  [/\bsk-(ant-|proj-)?[A-Za-z0-9_-]{32,}\b/, 'an API secret key'],
  [/\bAIza[0-9A-Za-z_-]{35}\b/, 'a Google API key'],
  [/\bnpm_[A-Za-z0-9]{36}\b/, 'an npm token'],
];

// Names the agent's own environment gives its credentials (GITHUB_TOKEN, OPENAI_API_KEY, AWS_SECRET_ACCESS_KEY,
// NPM_TOKEN, DB_PASSWORD): narrower than SECRET_NAME, since nothing in the line says what the variable holds.
export const ENV_CREDENTIAL = /^TF_TOKEN_|^OP_SESSION_|^VAULT_TOKEN$|API_?KEY|ACCESS_?KEY|(^|_)(TOKEN|PAT|SECRET|KEY|DSN|PWD|PASS|JWT|SESSION)$|SECRET_|PASSWORD|PASSWD|PASSPHRASE|PRIVATE_?KEY|CREDENTIALS?$|AUTH_?TOKEN|AUTH_CONFIG|^SSHPASS$|WEBHOOK|DATABASE_URL|(DB|REDIS|MONGO|POSTGRES|MYSQL)_URL|CONN(ECTION)?_STR/i;

/** Whether a search term begins as a credential does (AKIA, sk_live_, ghp_, xoxb-, -----BEGIN): a pickaxe or grep for it
 *  looks for keys, whatever the rest of the term. */
export function credentialPrefix(term: string): boolean {
  return /^\^?(?:\\b)?(?:AKIA|ASIA|[sr]k_(?:live|test)_?|sk-(?:ant|proj)-?|gh[pousr]_|github_pat_|glpat-|xox[abposr]-|AIza|-----BEGIN)/.test(term);
}

/** What credential material the text carries (URL-decoded first), or undefined. */
export function credentialText(text: string): string | undefined {
  let t = text;
  try {
    t = decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    // (Not valid percent-encoding: read as written.)
  }
  return SHAPES.find(([re]) => re.test(t))?.[1];
}
