// Which version-control client sends where: every client that pushes, submits or syncs to another machine beside
// `git push` itself — git's add-ons (lfs, annex, git svn, git p4), jj, hg/sl, bzr/brz, fossil, darcs, pijul, svn and
// Perforce — read from one table (vcs-clients.ts) by one function. A destination off the allowlist is then denied by the
// host rules, as `git push evil` is; a remote the line names but Rampart cannot place (an hg path alias, a git-annex
// special remote, a name computed at run time) asks — DESIGN's "what is not understood is not allowed". The client's
// own default remote (what its clone recorded) stands as git's origin does; a commit straight into a shared repository
// (svn commit, p4 submit) asks as a push to main does.
import { newFacts, type Facts } from '../facts.js';
import { has, scan, values } from '../options.js';
import { SAME, VCS_CLIENTS } from './vcs-clients.js';
import { addHost } from './common.js';
import { addRemote } from './git.js';
import type { AnalyzerInput } from './types.js';

/** Branch and bookmark names a push must not land on without a person. */
const PROTECTED = /^(refs\/heads\/)?(main|master|default|remote\/(main|master))$/;

/** A Perforce server address ([proto:]host[:port]) as a host fact; `rsh:` starts a command instead. */
function addP4Port(f: Facts, port: string): void {
  const m = /^(?:(tcp|tcp4|tcp6|tcp46|tcp64|ssl|ssl4|ssl6|ssl46|ssl64|rsh):)?(.*)$/i.exec(port)!;
  if (m[1]?.toLowerCase() === 'rsh') {
    f.tags.add('exec-config');
    f.notes.push(`P4PORT rsh:${m[2]} starts a program as the server`);
    return;
  }
  if (/[$`]/.test(port)) {
    f.tags.add('unresolved-remote');
    f.notes.push(`the Perforce server ${port} is only known when the line runs`);
    return;
  }
  // (A port alone is this machine.)
  const host = /^\d+$/.test(m[2]!) ? 'localhost' : m[2]!.replace(/:\d+$/, '');
  addHost(f, host, 'remote', 'p4');
}

/** Records where `tool args…` (args after the tool, or after `git lfs|annex`) sends or fetches, by the table. */
export function vcsRemotes(f: Facts, client: string, args: readonly string[], input: AnalyzerInput): void {
  const c = VCS_CLIENTS[SAME[client] ?? client];
  if (!c) return;
  const s = scan(args, c.options);
  const two = s.positionals.slice(0, 2).join(' ');
  const three = s.positionals.slice(0, 3).join(' ');
  const key = [three, two, s.positionals[0] ?? ''].find((k) => c.verbs[k]);
  const servers = [...(c.server ? values(s, ...c.server.options) : []), ...(c.server?.env ?? []).flatMap((e) => input.env[e] ?? [])];
  for (const p of servers) addP4Port(f, p);
  if (key === undefined) return;
  const verb = c.verbs[key]!;
  if (verb.dry && has(s, ...verb.dry)) return;
  const operands = s.positionals.slice(key.split(' ').length);
  // (An external special remote runs git-annex-remote-NAME, a program this line does not show.)
  const params = verb.operands === 'params' ? operands.filter((o) => /^(url|rsyncurl|gitrepo|location|host|publicurl|repo|push_location|parent_location|submit_branch|public_branch|bound_location)=/i.test(o)).map((o) => o.slice(o.indexOf('=') + 1)) : [];
  if (verb.operands === 'params' && operands.some((o) => /^externaltype=/i.test(o))) {
    f.tags.add('remote-helper');
    f.notes.push(`${client} ${key} type=external runs a git-annex-remote program`);
  }
  const named = [...params, ...values(s, ...(verb.to ?? [])), ...(verb.operands === 'first' ? operands.slice(0, 1) : verb.operands === 'last' ? operands.slice(-1) : verb.operands === 'all' ? operands : [])];
  // (svn's operands are paths and URLs alike: only URLs are destinations — ^/… among them, a URL in the repository the
  // working copy names.)
  const dests = client === 'svn' ? named.filter((d) => /^([a-z][\w+.-]*:\/\/|\^\/)/i.test(d)) : named.filter((d) => d !== 'here' && d !== '.');
  const what = `${client} ${key}`;
  const unknown = (why: string) => {
    if (verb.dir !== 'write') return;
    f.tags.add('unresolved-remote');
    f.notes.push(`${what} sends to ${why}, which Rampart does not read`);
  };
  const gitRemote = (name: string) => {
    if (/[$`]/.test(name) && !/^[a-z][\w+.-]*:\/\//i.test(name)) return unknown(`${name}, a remote only known when the line runs`);
    if (/[:/]/.test(name) || /^[.~]/.test(name)) return addRemote(f, name, verb.dir);
    const urls = input.git?.remoteUrls?.(name) ?? [];
    const url = urls[0] ?? input.git?.remoteUrl(name);
    if (url === undefined) return unknown(`the remote ${name} (a special remote or one the repository reader cannot see)`);
    for (const u of [url, ...urls.slice(1)]) addRemote(f, u, verb.dir);
  };
  for (const d of dests) {
    if (d.startsWith('^/')) unknown('the repository its working copy names');
    else if (c.names === 'git-remote') gitRemote(d);
    else if (c.names === 'p4port') addP4Port(f, d);
    else if (/^[a-z][\w+.-]*:\/\//i.test(d) || /^(?:[^@/]+@)?[^:/]+:/.test(d) || /^[./~]/.test(d)) addRemote(f, d, verb.dir);
    // (hg and bzr read a bare word as a path alias from their own configuration.)
    else unknown(`the path ${d} its configuration names`);
  }
  // (The default remote of another repository — bzr push -d DIR, fossil push -R FILE — is that repository's, not the project's.)
  const other = values(s, ...(c.elsewhere ?? [])).find((d) => d !== '.' && d !== './') ?? (input.movedOut ? input.cwd : undefined);
  if (dests.length === 0 && servers.length === 0 && verb.otherwise === 'default' && other !== undefined) unknown(`the default remote of ${other}, another repository`);
  if (dests.length === 0 && servers.length === 0) {
    if (verb.otherwise === 'upstream' || verb.otherwise === 'origin') gitRemote((verb.otherwise === 'upstream' ? input.git?.upstreamRemote() : undefined) ?? 'origin');
    else if (verb.otherwise === 'remotes') {
      const all = input.git?.remotes?.();
      if (all) all.forEach(gitRemote);
      else unknown('every remote of the repository');
    }
  }
  if (verb.force && has(s, ...verb.force)) {
    f.tags.add('force-push');
    f.notes.push(`${what} --${verb.force[0]} overwrites the remote's history`);
  }
  const branches = values(s, ...(verb.branches ?? []));
  const current = input.git?.currentBranch();
  if (verb.mainline) {
    f.tags.add('push-protected-branch');
    f.notes.push(`${what} commits straight into the shared repository, the line everyone works from`);
  }
  const lands = (verb.every && has(s, ...verb.every)) || (branches.length === 0 && verb.lands === 'all') ? 'every branch, main among them'
    : branches.length === 0 && verb.lands === 'current' && current !== undefined && PROTECTED.test(current) ? current
    : branches.find((b) => PROTECTED.test(b.replace(/=.*$/, '')));
  if (lands) {
    f.tags.add('push-protected-branch');
    f.notes.push(`${what} updates ${lands}`);
  }
}

/** The clients that have no analyzer of their own (hg's also judges its --config; git's its lfs and annex words). */
export const VCS_TOOLS = ['jj', 'bzr', 'brz', 'fossil', 'darcs', 'pijul', 'svn', 'p4'];

/** Facts of one jj/bzr/fossil/darcs/pijul/svn/p4 invocation. */
export function analyzeVcs(input: AnalyzerInput): Facts {
  const f = newFacts(input.tool);
  vcsRemotes(f, input.tool, input.args, input);
  return f;
}
