// git: subcommand after global options and alias resolution, remote URLs (names resolved through
// the injected repository reader), force pushes in every form, destructive local operations,
// code-executing configuration (-c keys, GIT_* env, --exec-path, ext:: URLs) and staged secrets.
import { posix } from 'node:path';
import { newFacts, type Facts } from '../facts.js';
import { optionTable, scan, values, type Scanned } from '../options.js';
import { addUrl, runsCommands, settingWords, STDIN, SYSTEM_DIR, systemProgram } from './common.js';
import { gitSubcommand, helpOnly } from './git-subcommands.js';
import { analyzeSsh, EXEC_KEYS as SSH_EXEC_KEYS } from './ssh.js';
import type { AnalyzerInput } from './types.js';

const GLOBAL = optionTable(
  ['C=', 'c=', 'config-env=', 'exec-path?=', 'git-dir=', 'work-tree=', 'namespace=', 'super-prefix=', 'list-cmds=',
   'attr-source=', 'p,paginate', 'P,no-pager', 'no-replace-objects', 'no-lazy-fetch', 'no-optional-locks',
   'bare', 'literal-pathspecs', 'glob-pathspecs', 'noglob-pathspecs', 'icase-pathspecs', 'no-advice', 'html-path',
   'man-path', 'info-path', 'version', 'help'],
  { stopAtPositional: true },
);

// Configuration keys whose value git runs as a program, or that change where code comes from:
// the known ones, and as a class any key whose last part names a program (difftool.x.cmd,
// trailer.x.command, gpg.ssh.defaultKeyCommand, *.helper, *.driver, *.hook) — git grows such keys.
const EXEC_KEY = /^(core\.(sshcommand|pager|fsmonitor|hookspath|editor|askpass|gitproxy|alternaterefscommand)|protocol\.(.*\.)?allow|uploadpack\.packobjectshook|credential\..*helper|credential\.helper|diff\..*\.(command|textconv)|diff\.external|merge\..*\.driver|filter\..*\.(clean|smudge|process)|gpg\.(.*\.)?program|sequence\.editor|pager\..*|url\..*\.(insteadof|pushinsteadof)|include\.path|includeif\..*\.path|alias\..*|remote\..*\.(receivepack|uploadpack|proxy|vcs)|sendemail\..*cmd|web\.browser|browser\..*\.cmd|man\..*\.cmd|init\.templatedir|ssh\.variant|core\.sshvariant|.*\.[\w-]*(cmd|command|program|helper|driver|hook|textconv|editor|askpass|proxycommand)|(diff|merge)tool\..*\.path|(man|browser)\..*\.path|help\.browser|interactive\.difffilter|submodule\..*\.update)$/i;
const PROXY_KEY = /^(http|https)(\..*)?\.proxy$|^http\.proxy$/i;
// Environment variables that make git run a program or load code from elsewhere.
const EXEC_ENV = ['GIT_SSH_COMMAND', 'GIT_SSH', 'GIT_PROXY_COMMAND', 'GIT_EXEC_PATH', 'GIT_EXTERNAL_DIFF', 'GIT_TEMPLATE_DIR', 'GIT_CONFIG_PARAMETERS'];
// Program variables people set to their pager or editor; anything else there runs code.
const PROGRAM_ENV = ['GIT_PAGER', 'GIT_EDITOR', 'GIT_SEQUENCE_EDITOR', 'PAGER', 'EDITOR', 'VISUAL'];
// (Bare or in a system directory: ./vim or /tmp/x/less is a program the agent may have written.)
const USUAL_NAMES = /^(less|more|most|cat|bat|batcat|delta|diff-so-fancy|vim?|nvim|nano|emacs|emacsclient|code|code-insiders|subl|mate|micro|hx|kak|true|:)$/;
/** A usual pager or editor given options alone — quoted ones too: less -+S, less '+/^commit|^Merge', delta --dark — with no
 *  shell text around them and none that run commands, load code or write files (vim -S, less -kKEYS, less -O F). */
export const USUAL_PROGRAMS = {
  test: (v: string): boolean => {
    const words = settingWords(v);
    return !/[;&|<>$`()\n\\]/.test(v.replace(/'[^']*'|"(?:[^"\\$`]|\\.)*"/g, "''")) && words.length > 0 && systemProgram(words[0]!, USUAL_NAMES)
      && words.slice(1).every((w) => /^[-+]/.test(w)) && !runsCommands(v);
  },
};

/**
 * An editor setting whose value is a literal command line: git runs it through a shell with the
 * file to edit appended (the rebase todo list, the commit message). Recorded as that run; false
 * for a value computed at run time, which stays code-executing configuration.
 */
function editorRun(f: Facts, setting: string, value: string): boolean {
  // (A shell, or an interpreter given code rather than a file to edit in place, is a way to run any
  // code — `sh -c id`, `python3 -c …` — and stays code-executing configuration.)
  const words = value.trim().split(/\s+/);
  const prog = (words[0] ?? '').replace(/^.*\//, '');
  if (/^(GIT_PAGER|PAGER)$/.test(setting) || words[0] === undefined || words[0] === '') return false;
  if (/^(sh|bash|dash|zsh|ksh|mksh|fish|env|eval|exec|command|xargs)$/.test(prog)) return false;
  if (/^(python[\d.]*|node|ruby|perl|php|lua|deno|bun)$/.test(prog) && !words.some((w) => /^-[a-zA-Z]*i/.test(w))) return false;
  f.runs.push(`${value} ${setting === 'GIT_SEQUENCE_EDITOR' ? '.git/rebase-merge/git-rebase-todo' : '.git/COMMIT_EDITMSG'}`);
  // (The usual editor told to run commands or load code — vim -c '!…', emacs --eval — runs more than the edit.)
  if (runsCommands(value)) {
    f.tags.add('program-setting');
    f.notes.push(`${setting} starts ${words[0]} with options that run commands`);
  }
  // (A program by path outside the system's directories — ./vim, /tmp/x/nano — is one this line does not show,
  // as the same program in GIT_EDITOR is.)
  if (words[0]!.includes('/') && !systemProgram(words[0]!, /./)) {
    f.tags.add('program-setting');
    f.notes.push(`${setting} makes git run ${words[0]}, a program this line does not show`);
  }
  // A sequence editor that rewrites the todo list so commits are dropped (s/^pick/drop/, /^pick/d) loses them.
  // (A script that deletes lines, keeps only some or comments them out — s/pick/drop/, sed -n 1p, 1!d, /x/d, s/^/#/ —
  // drops the rest; one that turns `pick` into fixup, squash or reword keeps every change.)
  const drops = /\bdrop\b|(^|[\s'"])-n\b|(^|[;{'"\s])(\d+|\$|\/[^/]*\/)(,(\d+|\$|\/[^/]*\/))?!?\s*d\s*(['";}]|$)|s\/\^\/#|s\/\^pick[^/]*\/#|>\s*\S*todo/.test(value);
  if (setting === 'GIT_SEQUENCE_EDITOR' && drops) {
    f.tags.add('rewrite-history');
    f.notes.push('the rebase\'s sequence editor drops commits from the todo list');
  }
  return true;
}

/** Config pairs given on the command line and through GIT_CONFIG_COUNT/KEY_n/VALUE_n. */
function configPairs(s: Scanned, env: AnalyzerInput['env']): [string, string][] {
  const pairs: [string, string][] = values(s, 'c').map((kv) => {
    const i = kv.indexOf('=');
    return i < 0 ? [kv, 'true'] : [kv.slice(0, i), kv.slice(i + 1)];
  });
  // (--config-env=KEY=VAR takes the value from VAR: known when the line set it.)
  for (const ce of values(s, 'config-env')) { const v = ce.split('=')[1] ?? ''; pairs.push([ce.split('=')[0]!, env[v] ?? `$${v}`]); }
  const n = Number(env.GIT_CONFIG_COUNT ?? 0);
  for (let i = 0; i < Math.min(n, 100); i++) pairs.push([env[`GIT_CONFIG_KEY_${i}`] ?? '', env[`GIT_CONFIG_VALUE_${i}`] ?? '']);
  return pairs;
}

// An ssh command that is ssh itself with -o options only (where they may still move the connection: see judgeSshCommand):
// the options' text, or undefined. (ssh itself is the bare name or the system's: ./ssh or /tmp/x/ssh is a script git runs.)
const plainSsh = (v: string): string | undefined => {
  const m = /^(\S+)((?:\s+-o\s*[A-Za-z]+[= ]\S+)*)$/.exec(v);
  return m && systemProgram(m[1]!, /^ssh$/) ? m[2]! : undefined;
};

/**
 * A core.sshCommand (or GIT_SSH_COMMAND) of plain `ssh -o K=V …` runs no new program, but its options still decide where
 * and how git's ssh connects: judged as that ssh argv with each remote's host appended — HostName and ProxyJump move the
 * connection, CanonicalDomains rename the host, SendEnv sends variables — and what ssh would reach or send is git's.
 * (What ssh writes, a known-hosts file, is its own bookkeeping, as `-o UserKnownHostsFile=…` is everyday use.)
 */
export function judgeSshCommand(f: Facts, value: string, input: AnalyzerInput): void {
  const m = plainSsh(value.trim());
  const opts = m !== undefined ? [...m.matchAll(/-o\s*([A-Za-z]+)[= ](\S+)/g)].flatMap((x) => ['-o', `${x[1]}=${x[2]}`]) : [];
  if (opts.length === 0) return;
  const remotes = [...new Set(f.hosts.filter((h) => h.role === 'remote').map((h) => h.host))];
  for (const host of remotes.length ? remotes : [undefined]) {
    const ssh = analyzeSsh({ ...input, tool: 'ssh', args: [...opts, ...(host === undefined ? [] : [host])] });
    f.hosts.push(...ssh.hosts.filter((h) => h.host !== host).map((h) => ({ ...h, role: h.role === 'target' ? 'remote' as const : h.role })));
    f.sends.push(...ssh.sends.filter((x) => x !== STDIN));
    for (const t of ssh.tags) f.tags.add(t);
    f.notes.push(...ssh.notes.map((n) => `core.sshCommand: ${n}`));
  }
}

/**
 * True for a value that switches code execution off rather than on: what careful callers (Claude
 * Code, CI scripts) pass to harden git — `core.hooksPath=/dev/null`, `core.fsmonitor=false`, an
 * empty helper or ssh command, an empty pager, plain `ssh -o Key=value` without command keys.
 */
export function disablesExecution(key: string, value: string): boolean {
  const k = key.toLowerCase();
  const v = value.trim();
  if (k === 'core.hookspath') return v === '/dev/null';
  if (k === 'core.fsmonitor') return /^(|false|no|off|0)$/i.test(v);
  // pager.<cmd>=false (or no) switches the pager off for that command.
  if (k.startsWith('pager.') && /^(false|no|off|0)$/i.test(v)) return true;
  // (A pager is a program DESIGN lists by key: any one named — even cat — is code git runs; an empty one is none.)
  if (k === 'core.pager' || k.startsWith('pager.')) return v === '';
  if (k === 'core.editor' || k === 'sequence.editor') return v === '' || USUAL_PROGRAMS.test(v);
  if (k === 'diff.external' || k === 'init.templatedir') return v === '';
  if (k === 'core.askpass' || k === 'credential.helper' || /^credential\..*\.helper$/.test(k)) return v === '';
  if (k === 'core.sshcommand') {
    const m = plainSsh(v);
    // (Include reads another configuration, which may hold a ProxyCommand: not plain ssh.)
    // (…nor one that switches the host's check off — StrictHostKeyChecking=no: a weakening, not the hardening this exemption
    // is for; refused as DESIGN lists core.sshCommand. Known hosts kept elsewhere, even /dev/null with accept-new, is ssh's
    // bookkeeping: new hosts are still checked against the first key seen in the call.)
    return v === '' || (m !== undefined && ![...m.matchAll(/-o\s*([A-Za-z]+)/g)].some((x) => SSH_EXEC_KEYS.has(x[1]!.toLowerCase()) || x[1]!.toLowerCase() === 'include') && !/-o\s*StrictHostKeyChecking[= ](no|off|false)\b/i.test(m));
  }
  return false;
}

/**
 * Settings people persist every day whose program is a usual one: their editor or pager, a
 * pager switched off, git's own credential helpers, the gpg/ssh-keygen signers, fsmonitor's
 * built-in daemon, an empty template directory.
 */
function persistsUsual(key: string, value: string): boolean {
  const k = key.toLowerCase();
  const v = value.trim();
  if (/^(core\.(editor|pager)|sequence\.editor|pager\..*)$/.test(k)) return v === '' || USUAL_PROGRAMS.test(v) || (k.startsWith('pager.') && /^(false|no|off|0|true)$/i.test(v));
  if (k === 'credential.helper' || /^credential\..*\.helper$/.test(k)) return /^(cache(\s+--timeout[= ]?\d+)?|store|osxkeychain|manager|manager-core|libsecret|wincred|)$/.test(v);
  if (/^gpg\.(.*\.)?program$/.test(k)) return systemProgram(v, /^(gpg2?|gpgsm|ssh-keygen)$/);
  if (k === 'core.fsmonitor') return /^(true|false|yes|no|on|off|0|1)$/i.test(v);
  if (k === 'init.templatedir' || k === 'diff.external') return v === '';
  return false;
}


/** A shell alias whose text starts a shell or an interpreter: what it runs comes from the call's words or stdin. */
const SHELL_ALIAS = /^!\s*(?:\S*\/)?(?:sh|bash|dash|zsh|ksh|mksh|fish|busybox|env|xargs|eval|exec|python[\d.]*|perl|ruby|node|php|lua|tclsh)(?:\s|$)/;
/**
 * Judges one config key=value and records what it implies. `transient`: a one-shot override
 * (`-c`, GIT_CONFIG_*) — there a value that switches execution off is hardening; a value written
 * into a config file (`git config`) persists a program, whatever it is.
 */
export function judgeConfig(f: Facts, key: string, value: string, transient = false, remoteOf?: (name: string) => string | undefined): void {
  // The remote a plain push, pull or fetch uses (remote.pushDefault, branch.B.pushRemote/remote):
  // setting it to another remote sends there later, as adding that remote's URL would.
  if (/^(remote\.pushdefault|branch\..+\.(pushremote|remote))$/i.test(key) && value !== '.' && value !== '') {
    const url = /[:/]/.test(value) ? value : remoteOf?.(value);
    if (url) addRemote(f, url);
  }
  // (A one-shot -c core.pager=… is code-executing configuration by DESIGN's list, whatever program it names.)
  if ((transient && disablesExecution(key, value)) || (persistsUsual(key, value) && !(transient && /^(core\.pager|pager\..*)$/i.test(key)))) return;
  if (transient && /^(core\.editor|sequence\.editor)$/i.test(key) && editorRun(f, key.toLowerCase() === 'sequence.editor' ? 'GIT_SEQUENCE_EDITOR' : 'GIT_EDITOR', value)) return;
  // Settings that widen what a plain push pushes or switch a safety check off.
  if (/^push\.default$/i.test(key) && /^matching$/i.test(value) || /^remote\..*\.push$/i.test(key) && /\*|^:$|(^|[:/])(main|master)$/.test(value)) {
    f.tags.add('push-protected-branch');
    f.notes.push(`config ${key}=${value} makes git push update main/master`);
  }
  // upstream/tracking: a plain push updates the branch's upstream, whatever its name — Rampart does
  // not read which branch that is (git branch -u origin/main makes it main).
  if (/^push\.default$/i.test(key) && /^(upstream|tracking)$/i.test(value)) {
    f.tags.add('push-protected-branch');
    f.notes.push(`config ${key}=${value} makes git push update the upstream branch, which may be main/master`);
  }
  if (/^clean\.requireforce$/i.test(key) && /^(false|no|off|0)$/i.test(value)) f.tags.add('discard-changes');
  // commit.template F: every commit's message starts with F's text (kept verbatim with --cleanup=verbatim), as commit -t F.
  if (/^commit\.template$/i.test(key) && value !== '') f.stages.push(value);
  // Another excludes file (or none): what .gitignore's companions kept out is stageable.
  if (/^core\.excludesfile$/i.test(key)) f.tags.add('ignore-off');
  // A mirror remote: every push to it force-updates and deletes refs to match this repository.
  if (/^remote\..*\.mirror$/i.test(key) && /^(true|yes|on|1|)$/i.test(value)) {
    f.tags.add('force-push');
    f.notes.push(`config ${key}=${value} makes pushes to that remote force-update and delete refs`);
  }
  // A bundle URI is fetched from: a network destination like a remote.
  if (/bundleuri$/i.test(key) && /^[a-z]+:\/\//i.test(value)) addUrl(f, value, 'target');
  // http.curloptResolve HOST:PORT:ADDR (curl's --resolve): the remote's name connects to ADDR.
  if (/^http\.(.+\.)?curloptresolve$/i.test(key)) {
    for (const entry of value.split(/[\s,]+/)) {
      const addr = /^[+-]?[^:]+:\d+:(.+)$/.exec(entry)?.[1];
      for (const a of addr?.split(',') ?? []) addUrl(f, `https://${a.includes(':') && !a.startsWith('[') ? `[${a}]` : a}/`, 'proxy');
    }
  }
  if (PROXY_KEY.test(key)) {
    if (value) addUrl(f, value, 'proxy');
  } else if (/^(remote\..*\.(url|pushurl|lfsurl|lfspushurl)|submodule\..*\.url|lfs\.(url|pushurl))$/i.test(key)) {
    addRemote(f, value, /pushurl$/i.test(key) ? 'write' : /^submodule\./i.test(key) ? 'read' : 'both');
  } else if (/^alias\./i.test(key) && value.startsWith('!') && !/[$`]/.test(value) && !(transient && SHELL_ALIAS.test(value))) {
    // A shell alias stored with text the line shows (git config alias.up '!git push origin HEAD') runs that text when it is
    // called, and aliases are resolved before judging there too: the text is judged now as the command line it is.
    // (…one given with -c for this call alike: git -c alias.last='!git log -1' last runs git log; the call's own words are
    // judged with it where the alias is resolved below. Not one that starts a shell or an interpreter — !sh, !python —
    // whose program comes from the call's words or stdin: still refused as code-executing configuration.)
    f.runs.push(value.slice(1));
    f.notes.push(`config ${key} stores a shell alias: ${value.slice(1)}`);
  } else if (EXEC_KEY.test(key) && !(/^alias\./i.test(key) && !value.startsWith('!')) && !(/^submodule\..*\.update$/i.test(key) && !value.startsWith('!'))) {
    if (!/^protocol\..*allow$/i.test(key) || /^always$/i.test(value)) {
      f.tags.add('exec-config');
      f.notes.push(`config ${key} makes git run or load code`);
    }
  }
}

/** How git uses a repository it is pointed at: fetched from (clone, fetch, ls-remote), pushed to, or both (a remote's url). */
export type RemoteUse = 'read' | 'write' | 'both';

/**
 * Records where a repository URL leads: the host of a network URL; for a repository on this machine — a path (absolute,
 * ~, ../, dir/x: no scheme and no `host:` before the first slash) — the path itself, judged by the path rules: a fetch or
 * clone reads the whole tree there (a copy of ~/.ssh, of HOME), a push writes into it (~/.ssh, a system directory or
 * mount). file:// is no transport DESIGN lets network tools use: it reads any local path, whatever the path rules say.
 */
export function addRemote(f: Facts, url: string, use: RemoteUse = 'both'): void {
  // A URL computed at run time ("$(git remote get-url evil)", "$(cat /tmp/u)") may be any host;
  // a literal host with a computed user or path (https://x:$TOKEN@github.com/…) is that host.
  const authority = /^[a-z][\w+.-]*:\/\/([^/]*)/i.exec(url)?.[1]?.replace(/^.*@/, '');
  if (authority !== undefined ? /[$`]/.test(authority) : /[$`]/.test(url.split(/[/:]/)[0]!) || /^[$`]/.test(url)) {
    f.tags.add('unresolved-remote');
    f.notes.push(`the repository URL ${url} is only known when the line runs`);
    return;
  }
  if (/^ext::/i.test(url)) {
    f.tags.add('exec-config');
    f.schemes.push('ext');
    f.notes.push('ext:: transports run a command');
    return;
  }
  if (/^[a-z][a-z0-9+.-]*::/i.test(url)) {
    // transport::address runs git-remote-<transport>.
    f.tags.add('remote-helper');
    return;
  }
  if (/^file:\/\//i.test(url)) {
    f.tags.add('file-url');
    f.notes.push(`${url} is a file:// URL: git reads (or writes) that local path, which no transport allowlist covers`);
    const path = url.replace(/^file:\/\/(localhost)?/i, '');
    localRepository(f, /%[0-9a-f]{2}/i.test(path) ? path.replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : path, use);
  } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) addUrl(f, url, 'remote');
  else if (/^(?:[^@/]+@)?(\[[^\]]+\]|[^:/]+):/.test(url)) addUrl(f, 'ssh://' + url.replace(/:/, '/'), 'remote');
  else localRepository(f, url, use);
}

/** A repository on this machine: fetching from it reads its whole tree; pushing into it writes there (a tree, not a
 *  file it replaces: the trailing slash). */
function localRepository(f: Facts, path: string, use: RemoteUse): void {
  if (path === '') return;
  if (use !== 'write') {
    f.reads.push(path);
    f.tags.add('recursive-read');
  }
  if (use !== 'read') f.writes.push(path.replace(/\/*$/, '/'));
}

/** One of the call's words as the shell text a shell alias gets it in: quoted, but a value the line does not know
 *  (an unquoted $X the judge kept as text) still expands. */
function aliasWord(w: string): string {
  if (/^[A-Za-z0-9_@%+=:,./~-]+$/.test(w)) return w;
  return /[$`]/.test(w) ? `"${w.replace(/["\\]/g, '\\$&')}"` : `'${w.replace(/'/g, `'\\''`)}'`;
}

/** Facts of one git invocation. */
export function analyzeGit(input: AnalyzerInput): Facts {
  const { tool, args, env, depth } = input;
  const f = newFacts(tool);
  const s = scan(args, GLOBAL);
  // `git -C DIR` reads DIR's configuration: remotes and aliases come from there.
  const dir = values(s, 'C').reduce((d, c) => posix.resolve(d, c.replace(/^~(?=\/|$)/, input.home)), input.cwd);
  const git = dir === input.cwd ? input.git : input.git?.at?.(dir);
  for (const [k, v] of configPairs(s, env)) judgeConfig(f, k, v, true, (n) => git?.remoteUrl(n));
  for (const e of EXEC_ENV) if (env[e] && !(e === 'GIT_SSH_COMMAND' && disablesExecution('core.sshCommand', env[e]!))) {
    f.tags.add('exec-config');
    f.notes.push(`${e} makes git run or load code`);
  }
  for (const e of PROGRAM_ENV) if (env[e] && !USUAL_PROGRAMS.test(env[e]!)) {
    // An editor given as a literal command (GIT_SEQUENCE_EDITOR="sed -i 's/^pick/fixup/'", the way
    // a rebase runs without a terminal) is that command run on the file git hands it: judged as such.
    if (editorRun(f, e, env[e]!)) continue;
    f.tags.add('exec-config');
    f.notes.push(`${e}=${env[e]} makes git run a command`);
  }

  // (--exec-path alone prints the path and exits; followed by a directory and a command it reads as
  // an attempt to set it — DESIGN names the option, and nothing after it would run anyway.)
  if (s.opts.some((o) => o.name === 'exec-path' && (o.value !== undefined || /^[./~]/.test(s.positionals[0] ?? '')))) f.tags.add('exec-config');
  let [sub, ...rest] = s.positionals;
  if (sub === undefined) return f;
  // Aliases: -c alias.x=… first, then the repository's configured aliases; `!` aliases run a shell.
  const inline = new Map(configPairs(s, env).filter(([k]) => /^alias\./i.test(k)).map(([k, v]) => [k.slice(6).toLowerCase(), v]));
  // git SUB --help (the word right after a built-in subcommand) becomes `git help SUB`: nothing else runs.
  // (Not after an alias, whose `!` text gets the words appended, nor later in the line: a
  // command an option hands on — submodule foreach CMD --help — still runs.)
  // (Later among a built-in's options too, where no option takes it as a value: git reset --hard --help.)
  if ((args[args.indexOf(sub) + 1] === '--help' || helpOnly(sub, rest)) && !inline.has(sub.toLowerCase()) && git?.alias(sub) === undefined) return f;
  for (let hops = 0; hops < 5; hops++) {
    const alias = inline.get(sub!.toLowerCase()) ?? git?.alias(sub!);
    if (alias === undefined) break;
    // An alias whose text only the environment holds (--config-env alias.co=VAR, -c alias.co="$X"): what it
    // runs is only known when the line runs.
    if (/[$`]/.test(alias)) {
      f.tags.add('dynamic-command');
      f.notes.push(`alias ${sub} = ${alias}, only known when the line runs`);
      f.subcommand = sub;
      return f;
    }
    if (alias.startsWith('!')) {
      f.tags.add('shell-alias');
      // (git hands the call's words to the text as separate arguments — sh -c 'TEXT "$@"' — so each is judged as the one
      // word it is: `git -c alias.x='!nice' x sh -c 'rm -rf ~'` runs sh -c 'rm -rf ~', and a quoted '#' is no comment there.)
      // (It runs in the repository -C names: git -C ~ -c alias.a='!rm -rf .ssh' a deletes ~/.ssh.)
      const at = dir !== input.cwd ? `cd ${aliasWord(dir)} && ` : '';
      f.runs.push(at + alias.slice(1) + rest.map((w) => ` ${aliasWord(w)}`).join(''));
      // (A git the text starts inherits this call's -c settings — GIT_CONFIG_PARAMETERS — and with them its other
      // aliases: git -c alias.a='!git b' -c alias.b='reset --hard' a resets. Each is judged as the call it would be.)
      for (const [name, text] of inline) if (name !== sub!.toLowerCase() && !text.startsWith('!')) f.runs.push(`git ${text}`);
      f.notes.push(`alias ${sub} runs a shell command`);
      f.subcommand = sub;
      return f;
    }
    const words = alias.trim().split(/\s+/);
    f.notes.push(`alias ${sub} = ${alias}`);
    [sub, ...rest] = [...words, ...rest];
  }
  f.subcommand = sub;
  gitSubcommand(f, sub!, rest, { ...input, cwd: dir, git, depth: depth + 1 });
  // (A one-shot core.sshCommand, or GIT_SSH_COMMAND, is the ssh that reaches the remotes the subcommand named.)
  for (const [k, v] of configPairs(s, env)) if (/^core\.sshcommand$/i.test(k)) judgeSshCommand(f, v, input);
  if (env.GIT_SSH_COMMAND) judgeSshCommand(f, env.GIT_SSH_COMMAND, input);
  // --work-tree=DIR (or GIT_WORK_TREE): the paths a checkout or restore writes are DIR's
  // (git --work-tree=$HOME checkout HEAD -- .bashrc writes ~/.bashrc).
  // Paths staged or written are relative to the work tree: `git -C ~/.ssh add .` stages ~/.ssh.
  const tree = values(s, 'work-tree').at(-1) ?? env.GIT_WORK_TREE;
  const root = tree ? posix.resolve(dir, tree.replace(/^~(?=\/|$)/, input.home)) : dir !== input.cwd ? dir : undefined;
  // (A repository named by a relative path — git -C ~ clone .ssh /tmp/k — is found from -C's directory.)
  if (dir !== input.cwd) f.reads = f.reads.map((p) => (p.startsWith('/') || p.startsWith('~') || p.startsWith('$') || p === STDIN ? p : posix.join(dir, p)));
  if (root) {
    const under = (p: string) => (p.startsWith('/') || p.startsWith('~') || p.startsWith('$') ? p : posix.join(root, p));
    f.writes = f.writes.map(under);
    f.stages = f.stages.map(under);
    // (…and so are the files git rm/mv take out of it: git -C ~ rm -rf .ssh deletes ~/.ssh.)
    f.deletes = f.deletes.map(under);
    // (…and a whole-tree add or an untracked stash with no pathspec — git --work-tree=~ add -A, GIT_WORK_TREE=.. stash -u —
    // stages that directory: in HOME, the user's credentials.)
    const untrackedStash = sub === 'stash' && /^(push|save)?$/.test(rest.find((a) => !a.startsWith('-')) ?? '') && rest.some((a) => /^(-[a-zA-Z]*[ua][a-zA-Z]*|--include-untracked|--all)$/.test(a));
    if ((f.tags.has('add-tree') || untrackedStash) && !f.stages.includes(root)) f.stages.push(root);
  }
  // git honours the usual proxy variables for http(s) remotes.
  if (f.hosts.some((h) => h.role === 'remote' && (h.scheme === 'https' || h.scheme === 'http'))) {
    for (const p of [env.https_proxy ?? env.HTTPS_PROXY, env.http_proxy ?? env.HTTP_PROXY, env.all_proxy ?? env.ALL_PROXY]) if (p) addUrl(f, p, 'proxy');
  }
  return f;
}
