// The analyzer registry: which module understands which tool.
import { newFacts, type Facts } from '../facts.js';
import { analyzeCurl } from './curl.js';
import { analyzeGit } from './git.js';
import { analyzeNc } from './nc.js';
import { analyzeNpm } from './npm.js';
import { analyzeRm } from './rm.js';
import { analyzeRsync } from './rsync.js';
import { analyzeSocat } from './socat.js';
import { analyzeScp, analyzeSftp, analyzeSsh } from './ssh.js';
import type { Analyzer, AnalyzerInput } from './types.js';
import { analyzeWget } from './wget.js';
import { analyzeWebFetch } from './webfetch.js';
import { analyzeGh } from './gh.js';
import { analyzeConnect } from './connect.js';
import { analyzeBackup, analyzeDnsServer, analyzeGenericNet, BACKUP_TOOLS, GENERIC_NET_TOOLS } from './generic-net.js';
import { analyzeHg } from './hg.js';
import { analyzeVcs, VCS_TOOLS } from './vcs-remotes.js';
import { hostControl } from './host-control.js';
import { analyzeNetClient, NET_CLIENTS } from './net-clients.js';
import { addHost, addUrl, envValue } from './common.js';
import { printedCredential, writtenCredential } from './credentials.js';
import { AGENT_TOOLS, analyzeAgent } from './agents.js';
import { analyzePackages } from './packages.js';
import { printsHelp } from './help.js';
import { remoteArchive } from './remote-archive.js';
import { keyserverContacts } from './keyservers.js';
import { analyzeDocker, analyzeOci } from './docker.js';
import { analyzeCloud, deployedTree } from './cloud.js';
import { analyzeFind } from './find.js';
import { analyzeDiskWriter, analyzeSshKeygen, DISK_TOOLS } from './system.js';
import { analyzeTelnet, analyzeOpenssl } from './telnet.js';
import { analyzeEditor, analyzeExtract, analyzeInplace, analyzeCopy, analyzeCrontab, analyzeReg, analyzeUnison, analyzeDd, analyzeDestroyer, analyzeReader, analyzeSystemctl, analyzeWriter, READERS } from './files.js';

/** Each service client's options (value after = or in the next word) that name the server it talks to. */
const SERVICE_SERVERS: Record<string, { opts: RegExp }> = {
  glab: { opts: /^--hostname(?:=(.*))?$/ },
  vault: { opts: /^--?address(?:=(.*))?$/ },
  tea: { opts: /^--?url(?:=(.*))?$/ },
};

export const ANALYZERS: Readonly<Record<string, Analyzer>> = {
  curl: analyzeCurl,
  wget: analyzeWget,
  ssh: analyzeSsh,
  scp: analyzeScp,
  sftp: analyzeSftp,
  rsync: analyzeRsync,
  git: analyzeGit,
  rm: analyzeRm,
  npm: analyzeNpm,
  npx: analyzeNpm,
  nc: analyzeNc,
  ncat: analyzeNc,
  netcat: analyzeNc,
  socat: analyzeSocat,
  telnet: analyzeTelnet,
  openssl: analyzeOpenssl,
  WebFetch: analyzeWebFetch,
  connect: analyzeConnect,
  gh: analyzeGh,
  hg: analyzeHg,
  chg: analyzeHg,
  sl: analyzeHg,
  // jj, bzr/brz, fossil, darcs, pijul, svn, p4: where each pushes or fetches, from the one table of clients.
  ...Object.fromEntries(VCS_TOOLS.map((t) => [t, analyzeVcs])),
  pip: analyzePackages,
  pip3: analyzePackages,
  uv: analyzePackages,
  poetry: analyzePackages,
  yarn: analyzePackages,
  pnpm: analyzePackages,
  pipx: analyzePackages,
  docker: analyzeDocker,
  aws: analyzeCloud,
  gsutil: analyzeCloud,
  az: analyzeCloud,
  gcloud: analyzeCloud,
  s5cmd: analyzeCloud,
  mc: analyzeCloud,
  b2: analyzeCloud,
  kaggle: analyzeCloud,
  oci: analyzeCloud,
  podman: analyzeDocker,
  ...Object.fromEntries(['oras', 'crane', 'skopeo', 'buildah', 'regctl'].map((t) => [t, analyzeOci])),
  nerdctl: analyzeDocker,
  perl: analyzeInplace,
  ruby: analyzeInplace,
  find: analyzeFind,
  'ssh-keygen': analyzeSshKeygen,
  ...Object.fromEntries(DISK_TOOLS.map((t) => [t, analyzeDiskWriter])),
  cp: analyzeCopy,
  mv: analyzeCopy,
  install: analyzeCopy,
  ln: analyzeCopy,
  tee: analyzeWriter,
  lesskey: analyzeWriter,
  tar: analyzeExtract,
  bsdtar: analyzeExtract,
  unzip: analyzeExtract,
  sponge: analyzeEditor,
  ed: analyzeEditor,
  red: analyzeEditor,
  ex: analyzeEditor,
  touch: analyzeWriter,
  chmod: analyzeWriter,
  chattr: analyzeWriter,
  setfacl: analyzeWriter,
  setfattr: analyzeWriter,
  chown: analyzeWriter,
  chgrp: analyzeWriter,
  shred: analyzeDestroyer,
  truncate: analyzeDestroyer,
  unlink: analyzeDestroyer,
  dd: analyzeDd,
  crontab: analyzeCrontab,
  incrontab: analyzeCrontab,
  fcrontab: analyzeCrontab,
  reg: analyzeReg,
  unison: analyzeUnison,
  systemctl: analyzeSystemctl,
  launchctl: analyzeSystemctl,
  ...Object.fromEntries(AGENT_TOOLS.map((a) => [a, analyzeAgent])),
  ...Object.fromEntries(GENERIC_NET_TOOLS.map((t) => [t, analyzeGenericNet])),
  ...Object.fromEntries(BACKUP_TOOLS.map((t) => [t, analyzeBackup])),
  ...Object.fromEntries(Object.keys(NET_CLIENTS).map((t) => [t, analyzeNetClient])),
  ...Object.fromEntries(['dig', 'nslookup', 'host', 'delv', 'kdig', 'drill'].map((t) => [t, analyzeDnsServer])),
  uvx: analyzePackages,
  bun: analyzePackages,
  go: analyzePackages,
  cargo: analyzePackages,
  helm: analyzePackages,
  corepack: analyzePackages,
  deno: analyzePackages,
  ...Object.fromEntries(READERS.filter((r) => r !== 'openssl-enc').map((r) => [r, analyzeReader])),
};

/** Package managers and HTTP clients that honour the proxy variables (curl, wget, git and npm read them themselves). */
const PROXY_AWARE = new Set(['cargo', 'helm', 'pip', 'pip3', 'uv', 'uvx', 'poetry', 'pipx', 'yarn', 'pnpm', 'bun', 'deno', 'gh', 'aws', 'gsutil', 'az', 'docker', 'podman', 'go', 'corepack', ...GENERIC_NET_TOOLS]);

/** Facts for one argv; tools without an analyzer get facts that name only the tool. */
/**
 * Programs that only print, search or transform text: a URL among their words is text, not a
 * destination. Every other program without an analyzer may connect to a URL it is given.
 */
const TEXT_TOOLS = new Set(['echo', 'printf', 'grep', 'egrep', 'fgrep', 'rg', 'ag', 'ack', 'sed', 'awk', 'gawk', 'cat', 'head', 'tail', 'less', 'more', 'jq', 'yq',
  'sort', 'uniq', 'wc', 'tr', 'cut', 'base64', 'tee', 'column', 'fold', 'paste', 'rev', 'tac', 'nl', 'diff', 'cmp', 'comm', 'test', '[', '[[', 'true', 'false', ':',
  'export', 'declare', 'local', 'readonly', 'set', 'unset', 'read', 'git-lfs', 'man', 'info', 'apropos', 'whatis', 'sleep', 'date', 'basename', 'dirname',
  // rampart's own verbs that take a URL judge it (policy explain|check); `run -- CMD` is unwrapped.
  'rampart']);
const NETWORK_URL = /^(?:[\w.-]+=)?((?:https?|wss?):\/\/\S+)$/i;
/** Service URLs (databases, queues, directories, file shares): a host they name is contacted too. */
const SERVICE_URL = /^(?:[\w.-]+=)?(?:jdbc:)?((?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mqtts?|ldaps?|smb|cifs|nats|kafka|ircs?|ftps?|sftp|tcp|udp|grpcs?|ssh|scp|rsync|socket|telnet|gopher|git|svn(?:\+ssh)?|hg|davs?|webdavs?):\/\/\S+)$/i;

/** Schemes of services a compose file names by a single label (postgres://db, redis://cache, amqp://mq). */
const COMPOSE_SERVICE_SCHEME = /^(?:jdbc:)?(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mqtts?|nats|kafka|grpcs?|tcp|udp|socket):/i;

/** Per tool, the options that make it read another configuration file or directory. */
const CONFIG_OPTIONS: Readonly<Record<string, RegExp>> = {
  docker: /^--config$/, podman: /^--(config|root|registries-conf)$/, nerdctl: /^--(config|data-root)$/,
  cargo: /^--config$/, uv: /^--config-file$/, uvx: /^--config-file$/,
  yarn: /^--use-yarnrc$/, pnpm: /^--config\.(userconfig|globalconfig)$/, helm: /^--(repository-config|registry-config)$/,
  kubectl: /^--kubeconfig$/,
};

/** The configuration a tool's option points it at (kubectl --kubeconfig F → F), or undefined. */
export function configOptionValue(tool: string, args: readonly string[]): string | undefined {
  const re = CONFIG_OPTIONS[tool];
  if (!re) return undefined;
  for (let k = 0; k < args.length && args[k] !== '--'; k++) {
    const a = args[k]!;
    if (re.test(a.split('=')[0]!)) return a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[k + 1];
  }
  return undefined;
}

function configOption(tool: string, args: readonly string[], home: string): string | undefined {
  const re = CONFIG_OPTIONS[tool];
  if (!re) return undefined;
  for (const a of args) {
    if (a === '--') break;
    const name = a.split('=')[0]!;
    // (kubectl --kubeconfig naming the default file moves nothing.)
    const value = (a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[args.indexOf(a) + 1] ?? '').replace(/^(~|\$HOME|\$\{HOME\})(?=\/)/, home);
    if (re.test(name) && !(tool === 'kubectl' && value === `${home}/.kube/config`)) return name;
  }
  return undefined;
}

/** What a help request (npm publish --help, crontab -h) does not do: the act its subcommand names. */
const ACTS = ['global', 'persistence', 'grants-access', 'installs-code', 'auth-token'];

export function analyze(input: AnalyzerInput): Facts {
  const a = ANALYZERS[input.tool];
  const f = a ? a(input) : newFacts(input.tool);
  // A help request prints usage: nothing is published, logged in, installed globally or scheduled, and
  // no credential is printed or stored. (Hosts, paths and secrets the words name are still judged.)
  const help = printsHelp(input.tool, input.args, input.env);
  if (help) {
    f.subcommand = 'help';
    for (const t of ACTS) f.tags.delete(t);
    // (rm --help ~, mkfs.ext4 -V /dev/sda: a deleter asked for its usage or version destroys nothing.)
    f.deletes.length = 0;
    f.notes.push(`${input.tool} only prints its usage`);
  }
  // A tool that prints a stored credential reads it, as far as the judge is concerned.
  const cred = help ? undefined : printedCredential(input);
  if (cred) {
    f.reads.push(cred);
    f.notes.push(`${input.tool} ${input.args.filter((a) => !a.startsWith('-')).slice(0, 2).join(' ')} prints a stored credential (${cred})`);
  }
  // tar -cf HOST:PATH, cpio -F HOST:PATH: the archive lives on another machine, reached through the remote shell.
  remoteArchive(input, f);
  // gpg --send-keys, --recv-keys from a keyserver the line names, --fetch-keys URL.
  if (!help) keyserverContacts(input, f);
  // Kernel modules and settings, mounts, namespaces, debuggers attached to other processes.
  const control = hostControl(input.tool, input.args);
  if (control) {
    f.tags.add('host-control');
    f.notes.push(control);
  }
  // A login or configuration verb that stores a credential writes its store.
  const stored = help ? undefined : writtenCredential(input);
  if (stored) {
    f.writes.push(stored);
    f.notes.push(`${input.tool} ${input.args.filter((a) => !a.startsWith('-')).slice(0, 2).join(' ')} writes a stored credential (${stored})`);
  }
  // Options that point a tool at a configuration Rampart has not read (credential helpers,
  // registries, runners): docker --config DIR, cargo --config, uv --config-file, yarn --use-yarnrc.
  const moved = configOption(input.tool, input.args, input.home);
  if (moved) {
    f.tags.add('config-relocated');
    f.notes.push(`${input.tool} ${moved} reads a configuration Rampart has not seen`);
  }
  // surge . / netlify deploy --dir .: the whole tree published as a public site.
  const site = deployedTree(input.tool, input.args, input.cwd, input.home);
  if (site) {
    f.tags.add('uploads-project');
    f.notes.push(site);
  }
  // aws --endpoint-url URL: every request of the command goes to that host.
  if (/^(aws|gsutil|az)$/.test(input.tool)) {
    for (let i = 0; i < input.args.length; i++) {
      const m = /^--endpoint(?:-url)?(?:=(.*))?$/.exec(input.args[i]!);
      const v = m ? m[1] ?? input.args[++i] : undefined;
      if (v) {
        addUrl(f, v, 'target', 'https');
        f.tags.add('net-client');
      }
    }
  }
  // A service client pointed at another server than its service by an option (glab --hostname H, vault -address=URL, tea
  // --url URL): every request goes there with the token it holds for the service — GITLAB_TOKEN, VAULT_TOKEN are sent to
  // any host — so that host is judged as a client's (off the allowlist: net-client-host asks). (Not their variables:
  // the user's own environment sets VAULT_ADDR and GITLAB_HOST for every call, and this analyzer cannot tell the line's.)
  const server = SERVICE_SERVERS[input.tool];
  if (server) {
    for (let i = 0; i < input.args.length; i++) {
      const m = server.opts.exec(input.args[i]!);
      const v = m ? m[1] ?? input.args[++i] : undefined;
      if (v) addUrl(f, v, 'target', 'https');
    }
    if (f.hosts.length) f.tags.add('net-client');
  }
  // A program Rampart has no model of, given a URL (as an operand or --option=URL): it may
  // connect there. The hosts are facts, and a rule asks when one is not on the allowlist.
  if (!a && !TEXT_TOOLS.has(input.tool)) {
    for (const [k, arg] of input.args.entries()) {
      // (An XML namespace is a name, not an address: xmlstarlet -N p=http://maven.apache.org/POM/4.0.0.)
      if (/^(xmlstarlet|xml)$/.test(input.tool) && input.args[k - 1] === '-N') continue;
      const bare = arg.replace(/^--?[\w-]+=/, '');
      const service = SERVICE_URL.exec(bare)?.[1];
      // (A database or queue URL naming a single-label host — a compose service `db` — stays on the local network;
      // a login, file-share or file-transfer URL — ssh://target, smb://fileserver — reaches another machine either way.)
      const url = NETWORK_URL.exec(bare)?.[1] ?? (service && (/:\/\/(?:[^@/]*@)?(?:[^/:?@]*\.|\[)/.test(service) || !COMPOSE_SERVICE_SCHEME.test(service)) ? service : undefined);
      if (!url) continue;
      addUrl(f, url, 'target');
      f.tags.add('unmodelled-url');
    }
  }
  // https_proxy=… sends every request through that host, whichever client reads it (cargo, go,
  // gem, mvn, terraform … as much as curl); so do a tool's own proxy, registry, index, mirror and
  // download variables (CARGO_HTTP_PROXY, CARGO_REGISTRIES_X_INDEX, GEM_SOURCE …).
  // (Tools with a model of their own read their variables themselves: rm, cp … read none.)
  const proxied = PROXY_AWARE.has(input.tool) || /^(npm|npx|pnpm|yarn|bun|bunx)$/.test(input.tool) || (!a && !TEXT_TOOLS.has(input.tool));
  if (proxied) {
    const routed: string[] = [envValue(input.env, 'https_proxy', 'HTTPS_PROXY'), envValue(input.env, 'http_proxy', 'HTTP_PROXY'), envValue(input.env, 'all_proxy', 'ALL_PROXY')].filter((p): p is string => Boolean(p));
    for (const [k, v] of Object.entries(input.env)) {
      // (…and where install scripts download binaries from: PUPPETEER_DOWNLOAD_BASE_URL, SASS_BINARY_SITE, RUSTUP_DIST_SERVER,
      // CHROMEDRIVER_CDNURL, npm_config_disturl, HOMEBREW_BOTTLE_DOMAIN, RUSTUP_UPDATE_ROOT, turbo's remote cache.)
      // (…and other package managers' servers: Homebrew's *_DOMAIN, Dart's PUB_HOSTED_URL, Coursier, Galaxy, cpanm --mirror, conda channels, Julia, Vagrant.)
      const sites = /^(TURBO_API|NIX_CONFIG|HOMEBREW_\w+_DOMAIN|PUB_HOSTED_URL|FLUTTER_STORAGE_BASE_URL|COURSIER_REPOSITORIES|ANSIBLE_GALAXY_SERVER|PERL_CPANM_OPT|CONDA_CHANNELS|JULIA_PKG_SERVER|VAGRANT_SERVER_URL)$/.test(k);
      if (!v || /^(https?|all)_proxy$/i.test(k) || (!/(^|_)(PROXY|REGISTRY|REGISTRIES_\w+_INDEX|INDEX_URL|INDEX|PYPI_URL|REPOSITORIES_\w+_URL|MIRROR|SOURCE|DOWNLOAD|BINARY|DIST|DISTURL|CDNURL|BOTTLE_DOMAIN|GIT_REMOTE|CHANNEL_ALIAS|UPDATE_ROOT)(_|$)/i.test(k) && !sites)) continue;
      // (NIX_CONFIG holds nix.conf lines: `substituters = URL …` is where it downloads from; the others may list several.)
      const url = k === 'NIX_CONFIG' ? /\b(?:extra-)?substituters\s*=\s*(https?:\/\/\S+)/.exec(v)?.[1] : sites ? /((?:https?|socks5h?):\/\/[^\s|,;"']+)/i.exec(v)?.[1] : /^(?:(?:sparse|git|registry)\+)?((?:https?|socks5h?|socks4a?):\/\/\S+)$/i.exec(v)?.[1];
      if (url) routed.push(url);
    }
    // BuildKit's daemon (BUILDKIT_HOST, buildctl --addr) receives the build context: the project, .env included.
    for (const b of [envValue(input.env, 'BUILDKIT_HOST'), ...input.args.map((a, k) => (input.args[k - 1] === '--addr' ? a : a.startsWith('--addr=') ? a.slice(7) : undefined))]) {
      if (b && /^(tcp|https?):\/\//.test(b)) routed.push(b.replace(/^tcp:\/\//, 'https://'));
    }
    for (const p of routed) addUrl(f, p, 'proxy');
    if (routed.length) f.tags.add('routed-env');
  }
  // The resolver's own variables move where every name a network client looks up goes, whatever the client: LOCALDOMAIN's
  // search domains (tried first for github.com under RES_OPTIONS=ndots:2 or more), HOSTALIASES's file of aliases (a name mapped
  // to any host, in a file Rampart has not read).
  if (f.hosts.length || proxied) {
    for (const d of (envValue(input.env, 'LOCALDOMAIN') ?? '').split(/\s+/).filter(Boolean)) addHost(f, d, 'resolve');
    const aliases = envValue(input.env, 'HOSTALIASES');
    const ndots = /\bndots\s*:\s*(\d+)/.exec(envValue(input.env, 'RES_OPTIONS') ?? '')?.[1];
    if (aliases !== undefined || (ndots !== undefined && Number(ndots) >= 2)) {
      f.tags.add('opaque-config');
      f.notes.push(aliases !== undefined ? `HOSTALIASES=${aliases} maps host names to others in a file Rampart has not read` : `RES_OPTIONS=ndots:${ndots} sends names through the resolver's search domains first`);
    }
  }
  return f;
}
