// rampart allow-host|deny-host HOST [--project]: one edit to the network lists of the user (or
// project) policy, kept only if the whole layered policy still loads, then the verdict a network
// call to that host gets now. Comments and layout of the file are kept (YAML document edit).
import fs from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, parseDocument } from 'yaml';
import { findProjectPolicy } from '../../config/load.js';
import { isTrusted } from '../../config/trust.js';
import { evaluateArgv } from '../../policy/evaluate.js';
import { resolvePaths } from '../../server/paths.js';
import { NO_PROJECT } from '../../server/sessions.js';
import { examplesText, type CommandEnv, type CommandModule } from '../command.js';
import { EXIT, RampartError } from '../errors.js';
import { refuseAgentCaller } from '../guard.js';
import { cliContext, cliPolicy } from '../policy-context.js';
import { writeAtomic } from '../../integrations/shared/setup-state.js';

interface Args {
  host: string;
  project?: boolean;
  json?: boolean;
}

const HOST = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$|^\d{1,3}(\.\d{1,3}){3}$|^\[[0-9a-f:.]+\]$/;

/** The host a user typed: a name, `*.name`, an address, or a URL whose host is meant. */
export function hostArg(raw: string): string {
  let h = raw.trim().toLowerCase();
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(h)) {
    try {
      h = new URL(h).hostname;
    } catch {
      /* judged below */
    }
  }
  h = h.replace(/\.$/, '');
  if (!HOST.test(h)) throw new RampartError('USAGE', `not a host name: ${raw}`, 'Give a name like api.example.com, *.example.com (its subdomains) or an IP address.');
  return h;
}

/** editHostLists for a JSON file: the same edit, written back as JSON (two-space indent). */
export function editHostListsJson(text: string, host: string, into: 'allow_hosts' | 'deny_hosts'): { text: string; changed: boolean } {
  const outOf = into === 'allow_hosts' ? 'deny_hosts' : 'allow_hosts';
  let doc: Record<string, unknown>;
  try {
    doc = text.trim() ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch (e) {
    throw new RampartError('CONFIG', `cannot edit: the file is not valid JSON (${(e as Error).message})`, 'Fix it first; `rampart policy lint` shows where.');
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new RampartError('CONFIG', 'cannot edit: the file is not a JSON object', 'Fix it first; `rampart policy lint` shows where.');
  const network = (doc.network ??= {}) as Record<string, unknown>;
  if (typeof network !== 'object' || Array.isArray(network)) throw new RampartError('CONFIG', 'cannot edit: network is not an object', 'Fix it first; `rampart policy lint` shows where.');
  let changed = false;
  for (const [key, want] of [[outOf, false], [into, true]] as const) {
    const list = network[key] ?? (want ? [] : undefined);
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw new RampartError('CONFIG', `cannot edit: network.${key} is not a list`, 'Fix it first; `rampart policy lint` shows where.');
    const has = list.some((h) => String(h).toLowerCase() === host);
    if (want && !has) network[key] = [...list, host];
    if (!want && has) network[key] = list.filter((h) => String(h).toLowerCase() !== host);
    if (want !== has) changed = true;
  }
  return { text: `${JSON.stringify(doc, null, 2)}\n`, changed };
}

/** The file's text with HOST added to `network.<into>` and taken out of `network.<outOf>`. */
export function editHostLists(text: string, host: string, into: 'allow_hosts' | 'deny_hosts'): { text: string; changed: boolean } {
  const outOf = into === 'allow_hosts' ? 'deny_hosts' : 'allow_hosts';
  // A new file starts as a block mapping with a line saying what it is.
  const doc = parseDocument(text.trim() ? text : '# Rampart policy: additions to the built-in profile (see the README, "Policy").\n');
  if (doc.errors.length) throw new RampartError('CONFIG', `cannot edit: the file does not parse (${doc.errors[0]!.message.split('\n')[0]})`, 'Fix it first; `rampart policy lint` shows where.');
  if (doc.contents !== null && !isMap(doc.contents)) throw new RampartError('CONFIG', 'cannot edit: the file is not a YAML mapping', 'Fix it first; `rampart policy lint` shows where.');
  let changed = false;
  if (doc.has('network') && doc.get('network') == null) doc.delete('network');
  const out = doc.getIn(['network', outOf]);
  if (isSeq(out)) {
    const at = out.items.findIndex((i) => String((i as { value?: unknown }).value ?? i).toLowerCase() === host);
    if (at >= 0) {
      out.items.splice(at, 1);
      changed = true;
    }
  }
  const list = doc.getIn(['network', into]);
  if (list !== undefined && !isSeq(list)) throw new RampartError('CONFIG', `cannot edit: network.${into} is not a list`, 'Fix it first; `rampart policy lint` shows where.');
  const have = isSeq(list) && list.items.some((i) => String((i as { value?: unknown }).value ?? i).toLowerCase() === host);
  if (!have) {
    if (isSeq(list)) list.add(doc.createNode(host));
    else doc.setIn(['network', into], doc.createNode([host]));
    changed = true;
  }
  return { text: doc.toString(), changed };
}

function hostCommand(verb: 'allow-host' | 'deny-host'): CommandModule<Args> {
  const into = verb === 'allow-host' ? 'allow_hosts' : 'deny_hosts';
  return {
    command: `${verb} <host>`,
    describe: verb === 'allow-host'
      ? 'Add a host to the network allowlist of your policy (or the project\'s), check the policy, show the new verdict'
      : 'Add a host to the network denylist of your policy (or the project\'s), check the policy, show the new verdict',
    builder: (y) =>
      y
        .positional('host', { type: 'string', describe: 'api.example.com, *.example.com (subdomains) or an address; a URL means its host' })
        .option('project', { type: 'boolean', describe: 'Edit the project policy in the current directory (created as .ramparterc.yaml) instead of $RAMPART_HOME/policy.yaml' })
        .option('json', { type: 'boolean', describe: 'Print {file, host, list, changed, verdict} as JSON' })
        .epilogue(examplesText([[`rampart ${verb} api.example.com`, verb === 'allow-host' ? 'network tools may reach it' : 'never reachable, whatever else allows it']])),
    handler: async (args, env) => {
      const paths = resolvePaths(env.env);
      refuseAgentCaller(verb, env.env, paths);
      const host = hostArg(args.host);
      const named = args.project ? ((await findProjectPolicy(env.cwd)) ?? path.join(env.cwd, '.ramparterc.yaml')) : path.join(paths.rampartHome, 'policy.yaml');
      // A policy.yaml kept elsewhere (dotfiles) through a link: edit the file, keep the link.
      const file = fs.existsSync(named) ? fs.realpathSync(named) : named;
      const before = fs.existsSync(file) ? fs.readFileSync(file) : undefined;
      // A JSON project file stays JSON (a YAML edit would turn it into YAML flow text).
      const { text, changed } = file.endsWith('.json') ? editHostListsJson(before?.toString('utf8') ?? '', host, into) : editHostLists(before?.toString('utf8') ?? '', host, into);
      if (changed) writeKeepingMode(file, text, before !== undefined);
      // Kept only if everything still loads; else the file goes back to exactly what it was.
      const ctx = cliContext({}, env);
      let verdict;
      try {
        const { policy } = await cliPolicy(ctx, {});
        const example = host.startsWith('*.') ? `www.${host.slice(2)}` : host;
        verdict = { argv: ['curl', `https://${example}/`], ...evaluateArgv(policy, ['curl', `https://${example}/`], ctx) };
      } catch (e) {
        if (changed) {
          if (before === undefined) fs.rmSync(file, { force: true });
          else writeKeepingMode(file, before, true);
        }
        if (e instanceof RampartError) throw new RampartError(e.code, `${file} was left as it was: ${e.message}`, e.hint);
        throw e;
      }
      const untrusted = args.project && into === 'allow_hosts' && ctx.projectRoot !== NO_PROJECT && !isTrusted(paths.rampartHome, file, fs.readFileSync(file));
      if (args.json) {
        env.output.out(JSON.stringify({ file, host, list: `network.${into}`, changed, verdict: { argv: verdict.argv, decision: verdict.decision, rule: verdict.rule, reason: verdict.reason }, ...(untrusted ? { needsTrust: true } : {}) }));
        return EXIT.ok;
      }
      say(env, changed ? `${before === undefined ? 'created' : 'updated'} ${file}: ${host} is in network.${into}` : `unchanged ${file}: ${host} was already in network.${into}`);
      say(env, `now: ${verdict.argv.join(' ')} → ${verdict.decision}${verdict.rule ? ` [${verdict.rule}]` : ''}${verdict.decision === 'allow' ? '' : ` (${verdict.reason})`}`);
      if (untrusted) say(env, `An untrusted project policy may only tighten: run \`rampart trust ${path.relative(env.cwd, file) || file}\` for this to take effect.`);
      else if (verb === 'allow-host' && verdict.decision !== 'allow') say(env, 'Something else still decides against it (a deny_hosts entry or a stricter rule in another file): `rampart policy explain -- curl …` shows which.');
      return EXIT.ok;
    },
  };
}

const say = (env: CommandEnv, line: string) => env.output.out(line);

function writeKeepingMode(file: string, data: string | Buffer, existed: boolean): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeAtomic(file, data, existed ? fs.statSync(file).mode & 0o777 : 0o600);
}

export const allowHostCommand = hostCommand('allow-host');
export const denyHostCommand = hostCommand('deny-host');
