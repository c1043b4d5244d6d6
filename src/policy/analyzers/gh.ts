// gh (GitHub CLI): the files it uploads (gists, release assets, API fields and bodies). Its host is
// GitHub, which is allowed — but a secret sent to an allowed host is still sent.
import { atFile, newFacts, type Facts } from '../facts.js';
import { addHost, addUrl, STDIN, systemProgram } from './common.js';
import { USUAL_PROGRAMS } from './git.js';
import type { AnalyzerInput } from './types.js';

/** Facts of one gh invocation. */
export function analyzeGh({ tool, args, env }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  // Another GitHub host (gh api --hostname H, GH_HOST=H, a repository HOST/OWNER/REPO): gh talks to it.
  for (const h of otherHosts(args, env)) addHost(f, h, 'target', 'https');
  const pos = args.filter((a) => !a.startsWith('-'));
  const [group, verb] = pos;
  f.subcommand = [group, verb].filter(Boolean).join(' ');
  const send = (p: string) => f.sends.push(/^(-|\/dev\/stdin|\/dev\/fd\/0|\/proc\/self\/fd\/0)$/.test(p) ? STDIN : p);
  if (group === 'gist' && (verb === 'create' || verb === 'edit')) {
    // Operands after the verb are files (gist edit: the first is the gist id); gist create with
    // no file reads the gist from stdin.
    const valued = /^(-d|--desc|-f|--filename|-a|--add|-r|--remove)$/;
    const files = args.filter((a, k) => (!a.startsWith('-') || a === '-') && !valued.test(args[k - 1] ?? '')).slice(verb === 'edit' ? 3 : 2);
    files.forEach(send);
    if (verb === 'create' && files.length === 0) send('-');
    for (let i = 0; i < args.length; i++) if (args[i] === '-a' || args[i] === '--add') send(args[i + 1] ?? '');
  }
  // (Its operands after the tag are the assets; an option's value — --title "v$V", --notes-file F — is none: the notes
  // file is sent below, the title, target and category are names.)
  if (group === 'release' && (verb === 'upload' || verb === 'create')) {
    const valued = /^(-n|--notes|-F|--notes-file|-t|--title|--target|--discussion-category|--notes-start-tag|-R|--repo)$/;
    args.filter((a, k) => !a.startsWith('-') && !valued.test(args[k - 1] ?? '')).slice(3).forEach((p) => send(p.split('#')[0]!));
  }
  // gh pr merge writes the pull request into its base branch on GitHub: main, as a rule.
  if (group === 'pr' && verb === 'merge') {
    f.tags.add('push-protected-branch');
    f.notes.push('gh pr merge merges into the base branch (main, as a rule)');
  }
  // gh api with a writing method: updating main's ref, merging, committing file contents,
  // branch protection (as a push to main); keys, collaborators and webhooks (access to the account).
  if (group === 'api') {
    // (-X PATCH, -XPATCH, --method PATCH, --method=PATCH; fields without a method are a POST.)
    const method = (args.find((a, k) => /^(-X|--method)$/.test(args[k - 1] ?? '')) ?? args.map((a) => /^(?:--method=|-X)(.+)$/.exec(a)?.[1]).find((m) => m !== undefined) ?? (args.some((a) => /^(-f|-F|--field|--raw-field|--input)(=|$)|^-[fF]./.test(a)) ? 'POST' : 'GET')).toUpperCase();
    const endpoint = (args.find((a, k) => k > args.indexOf('api') && !a.startsWith('-') && !/^(-X|--method|-f|-F|--field|--raw-field|--input|-H|--header|-q|--jq|-t|--template|--hostname|--cache)$/.test(args[k - 1] ?? '')) ?? '').replace(/^\/+/, '');
    const body = args.join(' ');
    if (method !== 'GET' && method !== 'HEAD') {
      if (/\/git\/refs\/heads\/(main|master)\b|\/merges$|\/pulls\/\d+\/merge$|\/branches\/(main|master)\/protection|\/contents\/|\/git\/refs$/.test(endpoint) || (endpoint === 'graphql' && /\bmutation\b[\s\S]*\b(mergePullRequest|updateRef|updateRefs|createCommitOnBranch|mergeBranch|updateBranchProtectionRule|deleteBranchProtectionRule|enablePullRequestAutoMerge)\b/.test(body))) {
        f.tags.add('push-protected-branch');
        f.notes.push(`gh api ${method} ${endpoint} writes a branch on GitHub (main, as a rule)`);
      }
      if (/(^|\/)(collaborators\/[^/]+|keys|user\/keys|user\/gpg_keys|hooks|invitations|members\/[^/]+|memberships\/[^/]+)$/.test(endpoint) || (endpoint === 'graphql' && /\bmutation\b[\s\S]*\b(addCollaborator|createDeployKey|addPublicKey|createWebhook)\b/.test(body))) {
        f.tags.add('grants-access');
        f.notes.push(`gh api ${method} ${endpoint} gives a key, a person or a webhook access`);
      }
    }
  }
  // (The user's own public key from ~/.ssh is theirs to add; a key from anywhere else may be anyone's.)
  const key = pos[group === 'repo' ? 3 : 2];
  const addsKey = (group === 'ssh-key' || group === 'gpg-key') && verb === 'add' || (group === 'repo' && verb === 'deploy-key' && pos[2] === 'add');
  // (The key file is uploaded: a private key — ~/.ssh/id_ed25519 without .pub — is a credential sent.)
  if (addsKey && key !== undefined && key !== '-') f.sends.push(key);
  if (addsKey && !/(^|[~/"'(\s])\.(ssh|gnupg)\//.test(key ?? '')) {
    f.tags.add('grants-access');
    f.notes.push(`gh ${f.subcommand} gives a key access to the account or repository`);
  }
  if (group === 'repo' && verb === 'sync' && args.some((a) => a === '--force')) {
    f.tags.add('push-protected-branch');
    f.notes.push('gh repo sync --force overwrites a branch on GitHub');
  }
  // gh codespace cp SRC… DEST: local sources go to the codespace (remote: names the other side).
  if (group === 'codespace' && verb === 'cp') {
    const ops = args.filter((a, k) => !a.startsWith('-') && !/^(-c|--codespace|-R|--repo|--repo-owner)$/.test(args[k - 1] ?? '')).slice(2);
    if (ops.length >= 2 && ops.at(-1)!.startsWith('remote:')) ops.slice(0, -1).filter((o) => !o.startsWith('remote:')).forEach(send);
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const v = a.includes('=') && a.startsWith('--') ? a.slice(a.indexOf('=') + 1) : args[i + 1];
    if (/^(-F|--field|-f|--raw-field)$/.test(a) || /^--(field|raw-field)=/.test(a)) {
      // -F key=@file reads the file; -f (raw) never does.
      const file = /^(-F|--field)/.test(a) ? atFile((v ?? '').replace(/^[^=]*=/, ''), false) : undefined;
      if (file !== undefined) send(file);
    }
    if (/^--input(=|$)/.test(a) && v) send(v);
    if (/^(-F|--body-file|--notes-file)(=|$)/.test(a) && /^(issue|pr|release|discussion|agent-task)$/.test(group ?? '') && v) send(v);
    // gh secret/variable set NAME -f FILE / --env-file FILE / --body VALUE (else the value is stdin).
    if (/^(secret|variable)$/.test(group ?? '') && verb === 'set' && /^(-f|--env-file)(=|$)/.test(a) && v) send(v);
  }
  if (/^(secret|variable)$/.test(group ?? '') && verb === 'set' && !args.some((a) => /^(-b|--body|-f|--env-file)(=|$)/.test(a))) send('-');
  // gh release download / gist clone / repo clone put files here: downloads (judged with the line's other downloads).
  if (group === 'release' && verb === 'download') {
    const dir = args.find((a, k) => /^(-D|--dir)$/.test(args[k - 1] ?? '')) ?? '.';
    const out = args.find((a, k) => /^(-O|--output)$/.test(args[k - 1] ?? ''));
    const pats = args.filter((a, k) => /^(-p|--pattern)$/.test(args[k - 1] ?? ''));
    if (out) f.writes.push(out);
    else for (const p of pats.length ? pats : ['*']) f.writes.push(`${dir.replace(/\/+$/, '')}/${p}`);
  }
  // gh repo clone REPO DIR / gist clone ID DIR: a checkout fills DIR (a directory of startup files, if DIR is one).
  if ((group === 'repo' || group === 'gist') && verb === 'clone') {
    const after = args.slice(args.indexOf('clone') + 1);
    // (What follows `--` is git clone's options: gh repo clone o/r -- --depth 1.)
    const dir = (after.includes('--') ? after.slice(0, after.indexOf('--')) : after).filter((a) => !a.startsWith('-'))[1];
    if (dir) f.writes.push(`${dir.replace(/\/+$/, '')}/`);
  }
  // gh run download -D DIR: an artifact tree.
  if (group === 'run' && verb === 'download') f.writes.push(args.find((a, k) => /^(-D|--dir)$/.test(args[k - 1] ?? '')) ?? '.');
  // gh extension install OWNER/REPO installs code that `gh NAME` then runs (by any of the group's names: ext, extensions);
  // a repository given by URL is cloned from that host.
  if (/^(extension|extensions|ext)$/.test(group ?? '') && /^(install|upgrade)$/.test(verb ?? '')) {
    f.tags.add('installs-code');
    for (const u of pos.slice(2).filter((p) => /^[a-z][\w+.-]*:\/\//i.test(p))) addUrl(f, u, 'target');
  }
  persistedPrograms(f, group, args);
  return f;
}

/**
 * The hosts gh reaches besides github.com: --hostname (the last one given wins, as for any flag), GH_HOST, and a repository
 * named HOST/OWNER/REPO or by URL (--repo, -R, GH_REPO) — gh resolves it on that host. With --help gh only prints usage.
 */
function otherHosts(args: readonly string[], env: AnalyzerInput['env']): string[] {
  // (Only --help as a flag of its own: after an option that takes a value — -H --help, --title --help — it is that value, and
  // the call runs. A bare option word before it — -H, --title, even --paginate — is read as one that takes a value; one that
  // carries its value — -wRHOST/O/R, --jq=.x — is not.)
  if (args.some((a, k) => a === '--help' && !/^(--[^=]+|-[A-Za-z])$/.test(args[k - 1] ?? ''))) return [];
  const valueOf = (long: string, short?: string): string[] => args.flatMap((a, k) => {
    if (a === long || (short !== undefined && a === short && !(short === '-h' && args[0] !== 'auth'))) return args[k + 1] !== undefined ? [args[k + 1]!] : [];
    if (a.startsWith(`${long}=`)) return [a.slice(long.length + 1)];
    // (-RHOST/O/R, and after pr/issue view's boolean flags: -wR…, -cR…, -dR….)
    const attached = short === '-R' ? /^-[wcd]*R(.+)$/.exec(a) : null;
    return attached ? [attached[1]!] : [];
  });
  const hosts = [valueOf('--hostname', '-h').at(-1), env.GH_HOST];
  for (const repo of [valueOf('--repo', '-R').at(-1), env.GH_REPO]) {
    // (…or by an scp-like git address, git@HOST:OWNER/REPO, which gh reads as a URL too.)
    const url = /^[a-z][\w+.-]*:\/\/([^/]+)\//i.exec(repo ?? '') ?? /^[\w.-]+@([^:/]+):[^/]+\/[^/]+$/.exec(repo ?? '');
    const parts = (repo ?? '').split('/');
    hosts.push(url ? url[1] : parts.length === 3 && parts.every(Boolean) ? parts[0] : undefined);
  }
  return hosts.filter((h): h is string => Boolean(h));
}

/** gh's settings whose value it runs as a program; everyday ones (vim, code --wait, less, a browser) are no risk. */
const PROGRAM_KEYS = /^(editor|pager|browser)$/;
const BROWSERS = /^(firefox|chromium|chromium-browser|google-chrome|google-chrome-stable|brave-browser|xdg-open|open|sensible-browser|x-www-browser|w3m|lynx|wslview)$/;

/**
 * What gh keeps and runs later, outside any line Rampart judges: a shell alias (`gh alias set --shell x 'curl …|sh'`, an
 * expansion starting with `!`) that `gh x` runs through sh, an editor, pager or browser setting that is not an everyday
 * program — code-executing configuration, as git's `alias.x=!…` and core.pager are — aliases imported from a file the
 * line does not show, and an http_unix_socket that routes every API call elsewhere.
 */
function persistedPrograms(f: Facts, group: string | undefined, args: readonly string[]): void {
  const valued = /^(-h|--host|--hostname)$/;
  const pos = args.filter((a, k) => !a.startsWith('-') && !valued.test(args[k - 1] ?? ''));
  const verb = pos[1];
  if (group === 'alias' && verb === 'set' && pos[3] !== undefined && (args.some((a) => a === '--shell' || /^-[a-zA-Z]*s[a-zA-Z]*$/.test(a)) || pos[3].startsWith('!'))) {
    f.tags.add('exec-config');
    f.runs.push(pos[3].replace(/^!/, ''));
    f.notes.push(`gh alias set ${pos[2]} keeps a shell command that \`gh ${pos[2]}\` runs later`);
  }
  if (group === 'alias' && verb === 'import') {
    f.tags.add('program-setting');
    f.notes.push('gh alias import keeps aliases (shell ones among them) from a file this line does not show');
  }
  if (group === 'config' && verb === 'set' && pos[3] !== undefined) {
    const [key, value] = [pos[2]!, pos[3]];
    const words = value.trim().split(/\s+/);
    const usual = value.trim() === '' || USUAL_PROGRAMS.test(value) || (key === 'browser' && words.length === 1 && systemProgram(words[0]!, BROWSERS));
    if (PROGRAM_KEYS.test(key) && !usual) {
      f.tags.add('exec-config');
      f.notes.push(`gh config set ${key} makes every later gh command that needs one run ${value}`);
    }
    if (key === 'http_unix_socket' && value !== '') {
      f.tags.add('opaque-config');
      f.notes.push(`gh config set http_unix_socket sends every API call through ${value}`);
    }
  }
}
