// What a one-liner that loads a module Rampart has no list for does with it, read from the names it
// uses — calls, attributes, imports, and names it looks up by a literal (getattr(m, "push"),
// m["delete"]()) — never from words in its strings or comments: print("deleted rows") and
// `# push later` only look, m.push() and getattr(m, "de" + "lete")() act, and a member picked at
// run time (m[process.argv[1]]()) may be anything.
import { foldLiterals, stripStrings } from './interpreters.js';

/** Third-party JavaScript packages whose calls act beyond looking: processes, other machines, clouds, repositories, deletes, keyrings, mail. */
export const ACTING_NODE_MODULES = /^(?:execa|shelljs|zx|cross-spawn|child-process-promise|node-pty|ssh2|ssh2-sftp-client|node-ssh|axios|node-fetch|got|request|superagent|undici|needle|ky|cross-fetch|isomorphic-fetch|make-fetch-happen|ws|socket\.io-client|mqtt|amqplib|kafkajs|nodemailer|pg|mysql2?|mongodb|mongoose|redis|ioredis|sequelize|knex|typeorm|puppeteer|puppeteer-core|playwright|playwright-core|selenium-webdriver|dockerode|aws-sdk|googleapis|firebase-admin|firebase|stripe|openai|octokit|simple-git|isomorphic-git|nodegit|rimraf|del|fs-extra|graceful-fs|mkdirp|make-dir|trash|tar|adm-zip|unzipper|extract-zip|decompress|keytar|basic-ftp|ftp|open|opn|clipboardy|tree-kill|fkill|kill-port|ps-list|pm2|forever|npm|pacote|degit|download|vm2|isolated-vm|node-serialize|ngrok|localtunnel|twilio|discord\.js|telegraf|web3|ethers|gh-pages|vercel|netlify|firebase-tools|wrangler|electron|@(?:aws-sdk|google-cloud|azure|octokit|kubernetes|slack|sendgrid|npmcli|vercel|supabase|prisma|anthropic-ai|openai|mongodb|redis|grpc)\/.*)$/;

/** Words of a name that act (push, delete, send, deploy …), with their inflections: an act only where the name is called. */
const ACTING_WORD = /^(push|delete|remove|rmtree|unlink|drop|truncate|purge|wipe|destroy|kill|terminate|upload|send|sendmail|sendfile|post|publish|deploy|release|execute|exec|spawn|system|popen|connect|login|logout|authenticate|authorize|flushall|flushdb|share|launch|serve|tunnel|embed|interact|getoutput|onecmd|invoke|run|start)(s|es|d|ed|ing|all|many)?$/;
/** Words that name credentials or a way to run commands (token, secret, environ, shell): used at all, they reach them. */
const REACHING_WORD = /^(password|passwd|token|secret|credential|private|apikey|auth|authorization|environ|shell|sudo)(s|es|d|ed|ing|all|many)?$/;
/**
 * Verbs that are also the everyday operations of in-memory collections, queues and clocks (list.push(3), sorted.remove(1),
 * R.drop(1, xs), sim.run(until=10)): given data written in the code as their first argument, they change that data.
 */
const DATA_VERB = /^(push|delete|remove|drop|run|start)$/;
/** Parts of a collection a data verb may name after it (deleteProperty, removeItem, pushBack, drop_first). */
const DATA_PART = /^(propert(?:y|ies)|props?|keys?|items?|entry|entries|elements?|index|at|values?|fields?|paths?|first|last|front|back|left|right)$/;
/** Words after a verb that make the name a noun (start_of, drop_while, remove_if): a point or a filter, not an act. */
const NOUN_AFTER = /^(of|while|until|if)$/;
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

/** The first argument of the call whose parenthesis opens at `at` (strings blanked), up to its top-level comma or close. */
function firstArg(bare: string, at: number): string {
  let depth = 0;
  for (let i = at + 1; i < bare.length; i++) {
    const c = bare[i]!;
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) { if (depth === 0) return bare.slice(at + 1, i).trim(); depth--; }
    else if (c === ',' && depth === 0) return bare.slice(at + 1, i).trim();
  }
  return bare.slice(at + 1).trim();
}

/**
 * Whether an argument is data written in the code: a number or a keyword given one (until=1); for the verbs of
 * collections, also a list, dict, set or object literal with no calls in it, a lambda, or a name bound to such a literal.
 */
function isData(arg: string, bare: string, verb: string): boolean {
  if (/^-?\d[\d_.eExX]*$|^\w+\s*=\s*-?\d[\d_.]*$/.test(arg)) return true;
  // (…but what run and start are given beyond a number — a list, a function — is what they run: runner.run(["git", "push"]).)
  if (/^(run|start)$/.test(verb)) return false;
  if (/^lambda\b|^(?:\([\w\s,]*\)|\w+)\s*=>/.test(arg)) return true;
  if (/^[[{]/.test(arg)) return !/[()]/.test(arg);
  return /^[A-Za-z_$][\w$]*$/.test(arg) && new RegExp(`(?:^|[^\\w$.])${arg.replace(/\$/g, '\\$')}\\s*=\\s*[[{][^()]*?[\\]}]\\s*(?:[;\\n]|$)`).test(bare);
}

/**
 * Whether code acts by the names it uses, or calls a member it picks at run time. An acting verb counts
 * only where the name is called — print(mymod.deploy_config) reads a value — and not where it changes data
 * the code wrote itself (List().push(3), glom.delete({…}, "a.b")); a credential word counts wherever the
 * name is used.
 */
export function actsByName(code0: string, lang: string): boolean {
  const code = foldLiterals(code0);
  if (/\bforce\s*=\s*True\b/.test(code)) return true;
  // (An event loop's run — asyncio.run(main()), trio.run, loop.run_until_complete — runs the code's own coroutine: it acts on nothing.)
  const bare = stripComments(stripStrings(code), lang).replace(/\b(asyncio|trio|anyio|uvloop)\.run\s*\(|\.run_until_complete\s*\(/g, (m) => m.replace(/run(_until_complete)?/, 'loop'));
  // (m[process.argv[1]](), getattr(m, name)(): a member named at run time.)
  if (/\[\s*[^\s\]'"`\d](?:[^[\]]|\[[^[\]]*\])*\]\s*\(/.test(bare) && /^(node|bun|deno)$/.test(lang)) return true;
  if (/\b(?:getattr|getattr_static|Reflect\.get|Reflect\.apply)\s*\(\s*(?:[^,()]|\([^()]*\))*,\s*(?!["'`])[^\s)]|\b(?:__getattribute__|methodcaller|attrgetter)\s*\(\s*(?!["'`])[^\s)]/.test(bare)) return true;
  // (A name bound to another to be called later — {push: p} = require(…), from m import push as p, p = m.push — counts as called.)
  const names = [...bare.matchAll(/[A-Za-z_$][\w$]*(\s*(?:\?\.\s*)?\()?/g)].map((m) => ({
    name: m[0].replace(/\s*(?:\?\.\s*)?\($/, ''),
    args: m[1] !== undefined ? firstArg(bare, m.index + m[0].length - 1)
      : /^\s*(?::\s*[A-Za-z_$]|as\s+\w)/.test(bare.slice(m.index + m[0].length)) || /=\s*[\w$.]*$/.test(bare.slice(Math.max(0, m.index - 80), m.index)) && /^\s*(?:[;\n]|$)/.test(bare.slice(m.index + m[0].length)) ? '?' : undefined,
  }));
  for (const n of lookedUp(code)) names.push({ name: n, args: '?' });
  return names.some(({ name, args }) => ACTING_NAME.test(name) || wordsOf(name).some((w, k, words) => {
    if (REACHING_WORD.test(w)) return true;
    const verb = ACTING_WORD.exec(w)?.[1];
    if (verb === undefined || args === undefined || NOUN_AFTER.test(words[k + 1] ?? '')) return false;
    return !(DATA_VERB.test(verb) && k === 0 && words.slice(1).every((x) => DATA_PART.test(x)) && args !== '' && isData(args, bare, verb));
  }));
}
