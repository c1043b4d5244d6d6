// What a one-liner that loads a module Rampart has no list for does with it, read from the names it
// uses — calls, attributes, imports, and names it looks up by a literal (getattr(m, "push"),
// m["delete"]()) — never from words in its strings or comments: print("deleted rows") and
// `# push later` only look, m.push() and getattr(m, "de" + "lete")() act, and a member picked at
// run time (m[process.argv[1]]()) may be anything.
import { foldLiterals, stripStrings } from './interpreters.js';

/** Third-party JavaScript packages whose calls act beyond looking: processes, other machines, clouds, repositories, deletes, keyrings, mail. */
export const ACTING_NODE_MODULES = /^(?:execa|shelljs|zx|cross-spawn|child-process-promise|node-pty|ssh2|ssh2-sftp-client|node-ssh|axios|node-fetch|got|request|superagent|undici|needle|ky|cross-fetch|isomorphic-fetch|make-fetch-happen|ws|socket\.io-client|mqtt|amqplib|kafkajs|nodemailer|pg|mysql2?|mongodb|mongoose|redis|ioredis|sequelize|knex|typeorm|puppeteer|puppeteer-core|playwright|playwright-core|selenium-webdriver|dockerode|aws-sdk|googleapis|firebase-admin|firebase|stripe|openai|octokit|simple-git|isomorphic-git|nodegit|rimraf|del|fs-extra|graceful-fs|mkdirp|make-dir|trash|tar|adm-zip|unzipper|extract-zip|decompress|keytar|basic-ftp|ftp|open|opn|clipboardy|tree-kill|fkill|kill-port|ps-list|pm2|forever|npm|pacote|degit|download|vm2|isolated-vm|node-serialize|ngrok|localtunnel|twilio|discord\.js|telegraf|web3|ethers|gh-pages|vercel|netlify|firebase-tools|wrangler|electron|@(?:aws-sdk|google-cloud|azure|octokit|kubernetes|slack|sendgrid|npmcli|vercel|supabase|prisma|anthropic-ai|openai|mongodb|redis|grpc)\/.*)$/;

/** Words of a name that act or name credentials (push, delete, send, deploy, token …), with their inflections. */
const ACTING_WORD = /^(push|delete|remove|rmtree|unlink|drop|truncate|purge|wipe|destroy|kill|terminate|upload|send|sendmail|sendfile|post|publish|deploy|release|execute|exec|spawn|system|popen|connect|login|logout|password|passwd|token|secret|credential|private|apikey|auth|authenticate|authorize|authorization|environ|shell|sudo|flushall|flushdb|share|launch|serve|tunnel|embed|interact|getoutput|onecmd|invoke|run|start)(s|es|d|ed|ing|all|many)?$/;
/** Words that act only when called: a `system` or `run` attribute read is no act. */
const CALL_ONLY = /^(invoke|run|start|system)$/;
/** Whole names that act though no word of theirs does. */
const ACTING_NAME = /^(update_ref|dataset_create|StopUnit|StartUnit|start_ipython|run_line_magic|run_cell|api_key|apiKey|force|get_env|getenv|getEnv|dump_env|print_env)$/;

/** Blanks comments: `#` in Python, Ruby, Perl and PHP; `//` and `/* … *\/` in JavaScript (strings already blanked). */
function stripComments(bare: string, lang: string): string {
  const js = /^(node|bun|deno)$/.test(lang);
  return js ? bare.replace(/\/\*[\s\S]*?\*\/|(^|[^:\\])\/\/[^\n]*/g, (m, pre?: string) => (pre ?? '') + ' '.repeat(m.length - (pre ?? '').length))
    : bare.replace(/#[^\n]*/g, (m) => ' '.repeat(m.length));
}

/** The words of a name: snake_case and camelCase parts, lower-cased. */
const wordsOf = (name: string): string[] => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split(/_+/).filter(Boolean);

/** Names looked up by a literal: getattr(m, "push"), methodcaller("push"), m.send(:push), m["push"](…). */
function lookedUp(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/\b(?:getattr|hasattr|getattr_static|__getattribute__|__getattr__|methodcaller|attrgetter|send|public_send|__send__|method|Reflect\.get|Reflect\.apply)\s*\(\s*(?:[^,()'"]*,\s*)?(["'])([^"'\\]*)\1/g)) out.push(m[2]!);
  for (const m of code.matchAll(/\[\s*(["'`])([^"'`\\]*)\1\s*\]\s*\(/g)) out.push(m[2]!);
  return out;
}

/**
 * Whether code acts by the names it uses, or calls a member it picks at run time. `run`, `start`,
 * `call` and the like count only as calls; a credential word counts wherever the name is used.
 */
export function actsByName(code0: string, lang: string): boolean {
  const code = foldLiterals(code0);
  if (/\bforce\s*=\s*True\b/.test(code)) return true;
  const bare = stripComments(stripStrings(code), lang);
  // (m[process.argv[1]](), getattr(m, name)(): a member named at run time.)
  if (/\[\s*[^\s\]'"`\d](?:[^[\]]|\[[^[\]]*\])*\]\s*\(/.test(bare) && /^(node|bun|deno)$/.test(lang)) return true;
  if (/\b(?:getattr|getattr_static|Reflect\.get|Reflect\.apply)\s*\(\s*(?:[^,()]|\([^()]*\))*,\s*(?!["'`])[^\s)]|\b(?:__getattribute__|methodcaller|attrgetter)\s*\(\s*(?!["'`])[^\s)]/.test(bare)) return true;
  const names = [...bare.matchAll(/[A-Za-z_$][\w$]*(\s*(?:\?\.\s*)?\()?/g)].map((m) => ({ name: m[0].replace(/\s*(?:\?\.\s*)?\($/, ''), called: m[1] !== undefined }));
  for (const n of lookedUp(code)) names.push({ name: n, called: true });
  return names.some(({ name, called }) => ACTING_NAME.test(name) || wordsOf(name).some((w) => {
    const verb = ACTING_WORD.exec(w)?.[1];
    return verb !== undefined && (called || !CALL_ONLY.test(verb));
  }));
}
