// Network clients that are not HTTP tools: database and message-queue shells, directory and
// monitoring clients, scanners, tunnels and SMTP testers. Each names its server by an option
// (-h, --host, -H URI, -b brokers) or an operand (a URL, a host, a CIDR range); each sends what
// its options, its stdin or the text it runs (`\copy … from '.env'`, LOAD DATA LOCAL INFILE) read.
// Hosts are facts (`net-client` asks off the allowlist); files they read and send are sends.
import { newFacts, type Facts } from '../facts.js';
import { scan, values } from '../options.js';
import { isLocalEndpoint } from '../hosts.js';
import { addHost, addUrl, hostOfHostPort, STDIN } from './common.js';
import type { AnalyzerInput } from './types.js';
import { c, type Client } from './net-client-spec.js';
import { BCP, DB_CLIENTS_MORE } from './db-clients.js';
import { REMOTE_SESSIONS } from './remote-sessions.js';

const PSQL = c(['h,host=', 'p,port=', 'U,username=', 'd,dbname=', 'c,command=', 'f,file=', 'o,output=', 'v,set,variable=', 'P,pset=', 'F,field-separator=', 'R,record-separator=', 'L,log-file=', 'T,table-attr='], { host: ['host'], file: ['file'], code: ['command'], out: ['output', 'log-file'], operands: 'urls', stdin: true });
// pg_dump -f / mysqldump -r name the dump written, not a script sent.
const PG_DUMP = c(['h,host=', 'p,port=', 'U,username=', 'd,dbname=', 'f,file=', 'F,format=', 'n,schema=', 't,table=', 'T,exclude-table=', 'N,exclude-schema=', 'j,jobs=', 'Z,compress=', 'E,encoding='], { host: ['host'], out: ['file'], operands: 'urls', stdin: false });
const MYSQL = c(['h,host=', 'P,port=', 'u,user=', 'p,password?=', 'D,database=', 'e,execute=', 'S,socket=', 'defaults-file=', 'defaults-extra-file=', 'init-command=', 'default-character-set=', 'protocol='], { host: ['host'], code: ['execute', 'init-command'], operands: 'none', stdin: true, opaque: ['defaults-file', 'defaults-extra-file'] });
const MONGO = c(['host=', 'uri=', 'port=', 'u,username=', 'p,password=', 'eval=', 'file=', 'f=', 'authenticationDatabase=', 'tlsCAFile=', 'tlsCertificateKeyFile='], { host: ['host', 'uri'], code: ['eval'], file: ['file', 'f'], operands: 'first', stdin: true });
const REDIS = c(['h=', 'p=', 'a=', 'u=', 'n=', 's=', 'user=', 'pass=', 'tls', 'x', 'r=', 'i=', 'eval=', 'rdb=', 'pipe', 'e'], { host: ['h', 'u'], file: ['eval'], operands: 'none', stdin: true });
const MQTT = c(['h,host=', 'p,port=', 't,topic=', 'm,message=', 'f,file=', 'L,url=', 'u,username=', 'P,pw=', 'i,id=', 'q,qos=', 'cafile=', 'cert=', 'key=', 'l', 's', 'n', 'r', 'd'], { host: ['host', 'url'], file: ['file'], operands: 'none', stdin: true });
const KAFKA = c(['b=', 't=', 'p=', 'P', 'C', 'L', 'l', 'K=', 'X=', 'F=', 'f=', 'o=', 'c=', 'G=', 'e', 'q', 'J', 'D=', 'k=', 'H='], { host: ['b'], file: ['l'], operands: 'none', stdin: true, opaque: ['F'] });
const NATS = c(['s,server=', 'creds=', 'nkey=', 'context=', 'user=', 'password=', 'tlscert=', 'tlskey=', 'tlsca='], { host: ['server'], operands: 'none', stdin: true });
const AMQP = c(['u,url=', 'server=', 'r,routing-key=', 'e,exchange=', 'b,body=', 'p,persistent', 'C,content-type='], { host: ['url', 'server'], operands: 'none', stdin: true });
const LDAP = c(['H=', 'h=', 'p=', 'b=', 'D=', 'w=', 'y=', 'f=', 's=', 'x', 'Z', 'ZZ', 'L', 'LL', 'LLL', 'W', 'v', 'o=', 'e=', 'E=', 'T='], { host: ['H', 'h'], file: ['f'], operands: 'none', stdin: true });
const SCAN = c(['p=', 'o=', 'oN=', 'oX=', 'oG=', 'oA=', 'oS=', 'iL=', 'e=', 'script=', 'script-args=', 'datadir=', 'excludefile=', 'exclude=', 'top-ports=', 'rate=', 'max-rate=', 'min-rate=', 'ports=', 'source-port=', 'g=', 'T='], { host: [], operands: 'hosts', stdin: false, opaque: ['iL', 'excludefile'] }, true);
const HPING = c(['p,destport=', 's,baseport=', 'c,count=', 'i,interval=', 'd,data=', 'E,file=', 'a,spoof=', 'I,interface=', 't,ttl=', 'S,syn', 'A,ack', 'F,fin', '1,icmp', '2,udp', '8,scan=', 'flood'], { host: [], file: ['file'], operands: 'hosts', stdin: false });
const IPERF = c(['c,client=', 'p,port=', 't,time=', 'b,bitrate=', 'n,bytes=', 'F,file=', 'B,bind=', 'P,parallel=', 'l,length=', 'i,interval=', 'J,json', 's,server', 'R,reverse', 'u,udp'], { host: ['client'], file: ['file'], operands: 'none', stdin: false });
const SSHUTTLE = c(['r,remote=', 'e,ssh-cmd=', 'x,exclude=', 'X,exclude-from=', 'python=', 'dns', 'N,auto-nets', 'D,daemon', 'v,verbose', 'H,auto-hosts', 'l,listen='], { host: ['remote'], operands: 'none', stdin: false });
const SNMP = c(['v=', 'c=', 'u=', 'l=', 'a=', 'A=', 'x=', 'X=', 'O=', 'm=', 'M=', 'r=', 't=', 'C='], { host: [], operands: 'first', stdin: false });
const SWAKS = c(['t,to=', 'f,from=', 's,server=', 'p,port=', 'h,helo,ehlo=', 'd,data=', 'attach=', 'attach-body=', 'attach-type=', 'attach-name=', 'body=', 'header=', 'add-header=', 'au,auth-user=', 'ap,auth-password=', 'a,auth?=', 'tls', 'q,quit-after='], { host: ['server', 'to'], file: ['data', 'attach', 'attach-body', 'body'], operands: 'none', stdin: false });

// Parallel shells and orchestrators: commands run on the hosts they name (ranges like h[1-5] included).
const PDSH = c(['w=', 'x=', 'l=', 'R=', 'f=', 't=', 'u=', 'g=', 'X='], { host: ['w'], operands: 'none', stdin: false });
const PSSH = c(['H,host=', 'h,hosts=', 'l,user=', 'p,par=', 'o,outdir=', 'e,errdir=', 't,timeout=', 'O,option=', 'x,extra-args=', 'X,extra-arg=', 'i,inline', 'P,print', 'A,askpass'], { host: ['host'], operands: 'none', stdin: true, opaque: ['hosts'] });
const ANSIBLE = c(['i,inventory,inventory-file=', 'm,module-name=', 'a,args=', 'u,user=', 'e,extra-vars=', 'l,limit=', 'f,forks=', 'b,become', 'k,ask-pass', 'K,ask-become-pass', 'become-user=', 'private-key=', 'key-file=', 'C,check', 'D,diff', 'v,verbose'], { host: [], operands: 'none', stdin: false });
// Fabric: tasks run over ssh on the hosts -H names; -S/--ssh-config and -f/--config are files it reads.
const FAB = c(['H,hosts=', 'i,identity=', 'S,ssh-config=', 'f,config=', 'R,roles=', 'c,collection=', 'r,search-root=', 'x,disable-ssh-config', 'prompt-for-login-password', 'prompt-for-passphrase', 'prompt-for-sudo-password', 'l,list?=', 'e,echo', 'd,debug', 'T,command-timeout=', 't,connect-timeout='], { host: ['hosts'], operands: 'none', stdin: false, opaque: ['ssh-config', 'config'] });
const SALT_SSH = c(['roster-file=', 'i,ignore-host-keys', 'r,raw', 'priv=', 'user='], { host: [], operands: 'none', stdin: false, opaque: ['roster-file'] });

// Password guessers and lateral-movement kits: what they are aimed at is attacked with the credentials they are given.
// (Their targets are named by options or operands; a host list in a file is a target Rampart cannot place.)
const MEDUSA = c(['h=', 'H=', 'u=', 'U=', 'p=', 'P=', 'C=', 'O=', 'M=', 'm=', 'n=', 'e=', 't=', 'T=', 'r=', 'R=', 'w=', 'v=', 'Z=', 's', 'g=', 'f', 'F', 'b', 'q', 'd'], { host: ['h'], operands: 'none', stdin: false, opaque: ['H', 'C'], anyHost: true }, true);
const HYDRA = c(['l=', 'L=', 'p=', 'P=', 'C=', 'M=', 'o=', 'b=', 's=', 't=', 'T=', 'w=', 'W=', 'c=', 'e=', 'x=', 'm=', 'S', 'O', 'u', 'f', 'F', 'v', 'V', 'd', 'q', '4', '6', 'I', 'R'], { host: [], operands: 'first', stdin: false, opaque: ['M', 'C'], anyHost: true });
const NCRACK = c(['p=', 'iL=', 'iX=', 'iN=', 'exclude=', 'excludefile=', 'oN=', 'oX=', 'oA=', 'user=', 'pass=', 'U=', 'P=', 'T=', 'g=', 'm=', 'v', 'd', 'f'], { host: [], operands: 'hosts', stdin: false, opaque: ['iL', 'iX', 'iN'], anyHost: true }, true);
const CME = c(['u=', 'p=', 'H=', 'd=', 't=', 'k', 'x=', 'X=', 'M=', 'o=', 'id=', 'port=', 'local-auth', 'continue-on-success', 'shares', 'sam', 'lsa', 'ntds'], { host: [], operands: 'hosts', stdin: false, anyHost: true });
const PATATOR = c([], { host: [], operands: 'none', stdin: false, anyHost: true, keywordHost: true });
const WINRM = c(['i,ip=', 'u,user=', 'p,password=', 'H,hash=', 's,scripts=', 'e,executables=', 'P,port=', 'r,realm=', 'S,ssl', 'c,pub-key=', 'k,priv-key='], { host: ['ip'], operands: 'none', stdin: false, anyHost: true });
const SMBMAP = c(['H=', 'u=', 'p=', 'd=', 'P=', 's=', 'x=', 'R?=', 'r?=', 'A=', 'host-file='], { host: ['H'], operands: 'none', stdin: false, opaque: ['host-file'], anyHost: true }, true);
const KERBRUTE = c(['d,domain=', 'dc=', 'o,output=', 't,threads=', 'v,verbose', 'safe'], { host: ['dc'], operands: 'none', stdin: false, anyHost: true });

export const NET_CLIENTS: Readonly<Record<string, Client>> = {
  medusa: MEDUSA, hydra: HYDRA, ncrack: NCRACK, crackmapexec: CME, netexec: CME, nxc: CME, patator: PATATOR, 'evil-winrm': WINRM, smbmap: SMBMAP, kerbrute: KERBRUTE, enum4linux: c(['u=', 'p=', 'w=', 'a', 'U', 'S', 'G', 'P', 'o', 'i', 'n', 'v', 'r'], { host: [], operands: 'first', stdin: false, anyHost: true }),
  pdsh: PDSH, clush: PDSH, pssh: PSSH, 'parallel-ssh': PSSH, ansible: ANSIBLE, 'ansible-playbook': ANSIBLE, 'salt-ssh': SALT_SSH, fab: FAB,
  psql: PSQL, pgcli: PSQL, pg_dump: PG_DUMP, pg_dumpall: PG_DUMP, pg_restore: PSQL,
  mysql: MYSQL, mariadb: MYSQL, mycli: MYSQL,
  mongosh: MONGO, mongo: MONGO, mongodump: MONGO, mongoimport: MONGO, mongorestore: MONGO,
  'redis-cli': REDIS, 'valkey-cli': REDIS,
  mosquitto_pub: MQTT, mosquitto_sub: MQTT,
  kcat: KAFKA, kafkacat: KAFKA,
  nats: NATS,
  'amqp-publish': AMQP, 'amqp-consume': AMQP, 'amqp-get': AMQP,
  ldapsearch: LDAP, ldapmodify: LDAP, ldapadd: LDAP, ldapdelete: LDAP, ldapwhoami: LDAP,
  nmap: SCAN, masscan: SCAN, zmap: SCAN, 'rustscan': SCAN,
  hping3: HPING, nping: HPING,
  iperf3: IPERF, iperf: IPERF,
  sshuttle: SSHUTTLE,
  snmpwalk: SNMP, snmpget: SNMP, snmpset: SNMP, snmpbulkwalk: SNMP,
  swaks: SWAKS,
};

/** Files a client's code text loads and sends: `\copy t from 'F'`, `\i F`, LOAD DATA LOCAL INFILE, cat("F"). */
function filesInCode(code: string): string[] {
  const out: string[] = [];
  const pats = [
    /\\copy\b[^;]*?\bfrom\s+(?:'([^']+)'|"([^"]+)"|(\S+))/gi,
    /\\(?:i|ir|include|include_relative)\s+(?:'([^']+)'|"([^"]+)"|(\S+))/gi,
    /\bload\s+data\s+local\s+infile\s+(?:'([^']+)'|"([^"]+)"|(\S+))/gi,
    /(?:^|[\s;])source\s+(?:'([^']+)'|"([^"]+)"|(\S+))/gi,
    /\b(?:cat|load|readFileSync|readFile|open)\s*\(\s*(?:'([^']+)'|"([^"]+)"|`([^`]+)`)/g,
    // (sqlcmd's :r FILE reads FILE into the batch it sends.)
    /(?:^|\n)\s*:r\s+(?:'([^']+)'|"([^"]+)"|(\S+))/gi,
  ];
  for (const re of pats) for (const m of code.matchAll(re)) out.push((m[1] ?? m[2] ?? m[3])!.replace(/;$/, ''));
  return out;
}

const SCRIPT_FILE = /\.(m?js|cjs|ts|sql|json|txt|csv|ya?ml|sh|py|rb|pl|xml|conf|cfg|ini|log|md|gz|dump)$/i;

/** A server named by a client: a URL (any scheme), `[user@]host[:port]`, or a comma list of them. */
function addServer(f: Facts, raw: string, anyHost = false): void {
  for (const part of raw.split(',')) {
    const v = part.trim();
    if (!v) continue;
    const url = v.replace(/^jdbc:/i, '');
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
      if (/^(file|unix|ldapi):/i.test(url)) continue;
      addUrl(f, url, 'target');
      continue;
    }
    // A server only known when the line runs (-h "$DB_HOST"): a destination Rampart cannot place.
    if (/[$`]/.test(v)) {
      f.tags.add('unparsed-url');
      f.notes.push(`the server ${JSON.stringify(v)} is only known when the line runs`);
      continue;
    }
    // A socket path or directory, or a script the client runs (mongosh x.js, psql … f.sql).
    if (v.startsWith('/') || v.startsWith('.') || SCRIPT_FILE.test(v)) continue;
    const host = hostOfHostPort(v.slice(v.lastIndexOf('@') + 1).split('/')[0]!.replace(/\[[\d,-]+\]/g, '1'));
    if (nameLike(host) || (anyHost && /^[\w-]+$/.test(host) && !/^\d+$/.test(host))) addHost(f, host, 'target');
  }
}

/**
 * A host name or address; single-label names (`db`, `redis`) are a compose network's or the
 * search domain's, not an address an attacker can choose, and are left out.
 */
function nameLike(h: string): boolean {
  if (h === 'localhost' || /^\[?[0-9a-f:]+\]?$/i.test(h) && h.includes(':')) return true;
  return /^[\w-]+(\.[\w-]+)+\.?$/.test(h) && !/^\d+(\.\d+)?$/.test(h);
}

// Other database, store and queue clients: ClickHouse, Cassandra, InfluxDB, etcd, Consul, Kafka's own tools, evans (gRPC).
const CLICKHOUSE = c(['h,host=', 'port=', 'u,user=', 'password=', 'q,query=', 'd,database=', 'queries-file=', 'f,format=', 'n,multiquery', 'config-file='], { host: ['host'], file: ['queries-file'], operands: 'none', stdin: true, opaque: ['config-file'] });
const CQLSH = c(['e,execute=', 'f,file=', 'u,username=', 'p,password=', 'k,keyspace=', 'cqlshrc=', 'ssl', 'request-timeout=', 'connect-timeout='], { host: [], file: ['file'], operands: 'first', stdin: true, opaque: ['cqlshrc'] });
const INFLUX = c(['host=', 'port=', 'username=', 'password=', 'database=', 'execute=', 'import', 'path=', 't,token=', 'o,org=', 'format=', 'precision=', 'b,bucket=', 'f,file='], { host: ['host'], file: ['path', 'file'], operands: 'none', stdin: true }, true);
const ETCD = c(['endpoints=', 'cacert=', 'cert=', 'key=', 'user=', 'password=', 'w,write-out=', 'prefix', 'keys-only', 'dial-timeout='], { host: ['endpoints'], operands: 'none', stdin: true });
const CONSUL = c(['http-addr=', 'token=', 'token-file=', 'datacenter=', 'ca-file=', 'namespace='], { host: ['http-addr'], operands: 'none', stdin: true }, true);
const KAFKA_TOOLS = c(['bootstrap-server=', 'broker-list=', 'topic=', 'producer.config=', 'consumer.config=', 'command-config=', 'property=', 'from-beginning', 'group='], { host: ['bootstrap-server', 'broker-list'], operands: 'none', stdin: true, opaque: ['producer.config', 'consumer.config', 'command-config'] });
const EVANS = c(['host=', 'port=', 'r,repl', 'cli', 'proto=', 'path=', 'header=', 'file='], { host: ['host'], file: ['file'], operands: 'none', stdin: true });
Object.assign(NET_CLIENTS, {
  'clickhouse-client': CLICKHOUSE, clickhouse: CLICKHOUSE, cqlsh: CQLSH, influx: INFLUX, etcdctl: ETCD, consul: CONSUL, evans: EVANS,
  'kafka-console-producer': KAFKA_TOOLS, 'kafka-console-producer.sh': KAFKA_TOOLS, 'kafka-console-consumer': KAFKA_TOOLS, 'kafka-console-consumer.sh': KAFKA_TOOLS, 'kafka-topics': KAFKA_TOOLS, 'kafka-topics.sh': KAFKA_TOOLS,
});

// The standard library's protocol clients run as `python -m MODULE` (launched() hands the module over as the
// tool): ftplib, poplib and telnetlib connect to their first operand, imaplib to its operand (its -s CMD is a
// shell line, see command-options), nntplib to -s SERVER; smtplib sends stdin to localhost.
const PY_FIRST = c(['d', 'r='], { host: [], operands: 'first', stdin: false });
const PY_IMAP = c(['d=', 's='], { host: [], operands: 'first', stdin: false });
const PY_NNTP = c(['g=', 's=', 'p=', 'n=', 'S'], { host: ['s'], operands: 'none', stdin: false });
const PY_SMTP = c([], { host: [], operands: 'none', stdin: true });
Object.assign(NET_CLIENTS, { ftplib: PY_FIRST, poplib: PY_FIRST, telnetlib: PY_FIRST, imaplib: PY_IMAP, nntplib: PY_NNTP, smtplib: PY_SMTP });
// SQL Server, Oracle and other database shells, brokers; remote desktops, VPNs and FTP clients.
Object.assign(NET_CLIENTS, DB_CLIENTS_MORE, REMOTE_SESSIONS, { 'keydb-cli': REDIS, 'redis-benchmark': REDIS, mongoexport: MONGO, mongofiles: MONGO, mongostat: MONGO, mongotop: MONGO });

/** Files a client's code runs as more of its code (\\i F, source F, .read F): their lines are echoed back in errors — read. */
export function includedInCode(code: string): string[] {
  return [...code.matchAll(/\\(?:i|ir|include|include_relative)\s+(?:'([^']+)'|"([^"]+)"|([^\s;]+))|(?:^|[\s;])(?:source|\.read|\.import)\s+(?:'([^']+)'|"([^"]+)"|([^\s;]+))/gim)]
    .map((m) => (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6])!);
}

/** Files psql's own commands write on this machine: `\copy … to 'F'`, `\o F`, `\out F`, `\w F`, `\g F`. */
export function writesInCode(code: string): string[] {
  const out: string[] = [];
  for (const re of [/\\copy\b[^;]*?\bto\s+(?!stdout\b|program\b)(?:'([^']+)'|"([^"]+)"|(\S+))/gi, /\\(?:o|out|w|write|g)\s+(?!\|)(?:'([^']+)'|"([^"]+)"|([^\s;|]+))/g]) {
    for (const m of code.matchAll(re)) out.push((m[1] ?? m[2] ?? m[3])!.replace(/;$/, ''));
  }
  return out;
}

/** FreeRDP's option words as getopt spells them: /name:value → --name=value, +name → --name, -name → --no-name. */
function slashWords(args: readonly string[]): string[] {
  return args.map((a) => {
    const m = /^([/+-])([A-Za-z][\w-]*)(?::(.*))?$/s.exec(a);
    if (!m || (m[1] === '-' && a.startsWith('--'))) return a;
    return m[1] === '-' ? `--no-${m[2]}` : m[3] === undefined ? `--${m[2]}` : `--${m[2]}=${m[3]}`;
  });
}

/** Facts of one network client invocation. */
export function analyzeNetClient({ tool, args: argv, env }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  const spec = NET_CLIENTS[tool]!;
  f.tags.add('net-client');
  const args = spec.slashOptions ? slashWords(argv) : argv;
  const s = scan(args, spec.table);
  // (The client's own spelling of its server made a host or URL; a value that is a file holding the server cannot be placed.)
  const server = (v: string): void => {
    const h = spec.server ? spec.server(v) : v;
    if (h !== undefined) addServer(f, h, spec.anyHost);
    else opaque(`${tool} connects to the server named in ${v}, which Rampart does not read`);
  };
  const opaque = (note: string): void => {
    f.tags.add('opaque-config');
    f.notes.push(note);
  };
  for (const v of values(s, ...spec.host)) server(v);
  // (An option the table does not know, given a URL — --some-endpoint=https://H — may point the client there.)
  for (const u of s.unknown) { const v = /^--?[\w.-]+=((?:[a-z][a-z0-9+.-]*):\/\/.+)$/is.exec(u)?.[1]; if (v) server(v); }
  // A local directory shared with the far side (a remote desktop's drive redirection) is readable there: sent.
  for (const v of values(s, ...(spec.shares ?? []))) f.sends.push(...v.split(/[,=]/).filter((p) => /^(\/|~|\.{1,2}(\/|$)|\$\{?HOME\b)/.test(p)));
  for (const [flag, tree] of Object.entries(spec.sharesTree ?? {})) if (s.opts.some((o) => o.name === flag)) f.sends.push(tree);
  for (const v of values(s, ...(spec.file ?? []))) if (v !== '-') f.sends.push(v.replace(/^@/, ''));
  for (const v of values(s, ...(spec.code ?? []))) f.sends.push(...filesInCode(v));
  for (const v of values(s, ...(spec.code ?? []))) f.reads.push(...includedInCode(v));
  // (psql's \\cd DIR moves where later relative names land: -c '\\cd /home/user' -c '\\o .bashrc'.)
  if (spec === PSQL) {
    let dir: string | undefined;
    for (const v of values(s, 'command')) {
      const cd = /^\s*\\cd\s+(\S+)\s*$/.exec(v);
      if (cd) { dir = cd[1]!; continue; }
      f.writes.push(...writesInCode(v).map((w) => (dir !== undefined && !/^[/~]/.test(w) ? `${dir.replace(/\/+$/, '')}/${w}` : w)));
    }
  }
  for (const v of values(s, ...(spec.out ?? []))) if (v !== '-') f.writes.push(v);
  if ((spec.opaque ?? []).some((o) => values(s, o).length > 0)) {
    f.tags.add('opaque-config');
    f.notes.push(`${tool} reads its targets or settings from a file`);
  }
  const ops = s.positionals;
  if (spec.keywordHost) for (const o of ops) { const m = /^host=(.+)$/.exec(o); if (m) server(m[1]!); }
  if (spec.operands === 'hosts') for (const o of ops) server(o);
  else if (spec.operands === 'first' && ops[0] !== undefined) server(ops[0]);
  for (const o of ops) if (/^(?:jdbc:)?[a-z][a-z0-9+.-]*:\/\//i.test(o)) server(o);
  // ncftpput HOST DIR FILE…: the files uploaded; sqlplus … @setup.sql: scripts whose text the server runs.
  if (spec.sendsOperandsFrom !== undefined) f.sends.push(...ops.slice(spec.sendsOperandsFrom));
  if (spec.scriptOperands) for (const o of ops.slice(1)) if (/^@@?[^@]/.test(o)) f.sends.push(o.replace(/^@@?/, ''));
  // bcp TABLE in FILE sends FILE's rows to the server; out/queryout FILE writes them here.
  if (spec === BCP && ops[2] !== undefined) (ops[1] === 'in' ? f.sends : /^(out|queryout)$/.test(ops[1] ?? '') ? f.writes : []).push(ops[2]);
  // A server named only in a configuration file or network (openvpn x.ovpn, wg-quick up wg0, zerotier-cli join ID).
  const config = ops.find((o) => spec.configOperand?.test(o));
  if (config !== undefined) opaque(`${tool} connects to the server ${config} names, which Rampart does not read`);
  if (ops[0] !== undefined && spec.opaqueVerbs?.test(ops[0])) opaque(`${tool} ${ops[0]} connects to peers its configuration or network names, which Rampart does not read`);
  // (…or a service's own server when none is named: tailscale up joins Tailscale's coordination server.)
  if (spec.defaultHost && spec.defaultHost[0].test(ops[0] ?? '') && values(s, ...spec.host).length === 0) addHost(f, spec.defaultHost[1], 'target', 'https');
  // A conninfo string: psql "host=evil.example dbname=x".
  // (Also given as -d/--dbname: psql -d 'host=evil.example dbname=x'.)
  for (const o of [...ops, ...values(s, 'dbname')]) for (const m of o.matchAll(/(?:^|\s)host(?:addr)?=['"]?([^\s'"]+)/g)) addServer(f, m[1]!);
  // ansible -i 'h1,h2,' names hosts inline (an inventory file is the project's, left to the module
  // checks of the line judge); the copy module's src= is a file sent to them.
  if (tool === 'ansible' || tool === 'ansible-playbook') {
    for (const inv of values(s, 'inventory')) if (inv.includes(',')) addServer(f, inv);
    const mod = values(s, 'module-name').at(-1);
    for (const a of values(s, 'args')) if (/^(copy|template|synchronize|ansible\.builtin\.copy)$/.test(mod ?? '')) for (const m of a.matchAll(/\bsrc=(\S+)/g)) f.sends.push(m[1]!);
  }
  // redis CONFIG SET dir/dbfilename points the server's next SAVE at another file (~/.ssh, a crontab):
  // a write there, where the server runs.
  if (spec === REDIS) {
    const cmd = ops.join(' ');
    const dir = /^config\s+set\s+dir\s+(\S+)/i.exec(cmd)?.[1];
    if (dir !== undefined) f.writes.push(dir.replace(/\/?$/, '/'));
    else if (/^config\s+set\s+dbfilename\b/i.test(cmd) && !/^config\s+set\s+dbfilename\s+[\w.-]+\.(rdb|aof)$/i.test(cmd)) {
      f.tags.add('opaque-config');
      f.notes.push(`${tool} points the server's dump file at a name it saves in a directory Rampart does not see`);
    }
  }
  // kcat -P sends the files named as operands (and stdin when there are none).
  if ((tool === 'kcat' || tool === 'kafkacat') && s.opts.some((o) => o.name === 'P')) f.sends.push(...ops);
  if (spec.stdin) f.sends.push(STDIN);
  // What a client loads into a server on this machine (psql -h localhost -f seed.sql, a compose
  // service `db`) does not leave it: only a server elsewhere — named, or in PGHOST/MYSQL_HOST — is sent to.
  const envHost = ['PGHOST', 'PGHOSTADDR', 'MYSQL_HOST', 'MONGO_HOST', 'REDISCLI_HOST', 'CONSUL_HTTP_ADDR', 'ETCDCTL_ENDPOINTS', 'INFLUX_HOST', 'CLICKHOUSE_HOST'].map((k) => env[k]).find((v) => v && !/^(localhost|127\.|::1|\/|[\w-]+$)/.test(v));
  if (envHost) addServer(f, envHost);
  if (!f.hosts.some((h) => !isLocalEndpoint(h)) && !f.tags.has('opaque-config') && !f.tags.has('unparsed-url')) f.sends = [];
  return f;
}
