// More database, store and broker clients, described as net-clients describes psql and redis-cli: the server an
// option or operand names is a host (off the allowlist: net-client-host asks), the files and stdin they run on that
// server are sent (a secret among them: secret-send denies), the dumps they write are writes.
import { c, type Client } from './net-client-spec.js';

/** SQL Server's spellings of a server: tcp:H,1433, H\INSTANCE, H,1433, np:\\H\pipe\…; `.` and (localdb) are this machine. */
function mssqlServer(v: string): string {
  const s = v.replace(/^(tcp|np|lpc|admin):/i, '');
  if (s === '.' || /^\(local(db)?\)/i.test(s)) return 'localhost';
  const pipe = /^\\\\([^\\]+)\\/.exec(s);
  return (pipe ? pipe[1]! : s.split('\\')[0]!).split(',')[0]!;
}

/** Oracle's connect strings: U/P@H:1521/S, U/P@//H/S, U@"(DESCRIPTION=…(HOST=H)…)"; a bare TNS alias (one label) names no host here. */
function oracleServer(v: string): string {
  const at = v.lastIndexOf('@');
  if (at < 0) return '';
  const t = v.slice(at + 1).replace(/^["']|["']$/g, '');
  const described = /\bHOST\s*=\s*([^)\s]+)/i.exec(t);
  return described ? described[1]! : t.replace(/^\/\//, '').split('/')[0]!;
}

// sqlcmd (ODBC and go-sqlcmd): -S server, -i scripts run there, -Q/-q queries, -o the output file.
const SQLCMD = c(['S,server=', 'U,user-name=', 'P,password=', 'd,database-name=', 'Q,query=', 'q,initial-query=', 'i,input-file=', 'o,output-file=', 'E', 'C', 'N?=', 'l=', 't=', 'h=', 's=', 'w=', 'W', 'b', 'v=', 'x', 'X?=', 'r?=', 'k?=', 'y=', 'Y=', 'a=', 'c=', 'L?=', 'p?=', 'e', 'I', 'm=', 'V=', 'R', 'u', 'z=', 'Z=', 'A', 'K=', 'M', 'G', 'g', 'H=', 'f=', 'j'],
  { host: ['server'], file: ['input-file'], code: ['query', 'initial-query'], out: ['output-file'], operands: 'none', stdin: true, server: mssqlServer });
// bcp TABLE in|out|queryout FILE -S server: `in` sends FILE to the server, `out` writes it here (read in analyzeNetClient).
export const BCP = c(['S=', 'U=', 'P=', 'd=', 'T', 'c', 'n', 'N', 'w', 'V=', 't=', 'r=', 'f=', 'e=', 'o=', 'F=', 'L=', 'b=', 'h=', 'k', 'E', 'q', 'x', 'i=', 'm=', 'a=', 'G', 'K=', 'l=', 'C=', 'R'],
  { host: ['S'], out: ['e', 'o'], operands: 'none', stdin: false, server: mssqlServer });
// FreeTDS's tsql: -H host (or -S, a freetds.conf name, which may be a host too).
const TSQL = c(['H=', 'S=', 'p=', 'U=', 'P=', 'D=', 'I=', 'o=', 't=', 'r=', 'a=', 'L', 'C', 'v'], { host: ['H', 'S'], operands: 'none', stdin: true, opaque: ['I'] });
// sqlplus U/P@H:1521/S @script.sql: the connect string is the first operand, @FILE scripts run on the server.
const SQLPLUS = c(['S', 'L', 'M=', 'R=', 'C=', 'F', 'V', 'H', 'AC', 'NOLOGINTIME'], { host: [], operands: 'first', stdin: true, server: oracleServer, scriptOperands: true }, true);
// MySQL Shell: --uri / an operand user@host:port, -h; -f a script run there.
const MYSQLSH = c(['uri=', 'h,host=', 'P,port=', 'u,user=', 'p,password?=', 'D,schema,database=', 'e,execute=', 'f,file=', 'S,socket=', 'sql', 'js', 'py', 'sqlc', 'sqlx', 'import', 'cluster', 'replicaset', 'ssl-mode='], { host: ['uri', 'host'], file: ['file'], code: ['execute'], operands: 'first', stdin: true });
// cockroach sql --host/--url; trino/presto --server; beeline -u JDBC; cypher-shell -a; Vertica's vsql (psql's options, -B backup hosts).
const COCKROACH = c(['host=', 'url=', 'port=', 'user=', 'database=', 'e,execute=', 'f,file=', 'certs-dir=', 'insecure', 'format='], { host: ['host', 'url'], file: ['file'], code: ['execute'], operands: 'none', stdin: true });
const TRINO = c(['server=', 'url=', 'catalog=', 'schema=', 'user=', 'password', 'execute=', 'f,file=', 'output-format=', 'session=', 'source='], { host: ['server', 'url'], file: ['file'], code: ['execute'], operands: 'urls', stdin: true });
const BEELINE = c(['u=', 'n=', 'p=', 'd=', 'e=', 'f=', 'i=', 'w,password-file=', 'a=', 'hiveconf=', 'hivevar=', 'silent?=', 'outputformat?=', 'showHeader?='], { host: ['u'], file: ['f', 'i'], code: ['e'], operands: 'none', stdin: true });
const CYPHER = c(['a,address,uri=', 'u,username=', 'p,password=', 'd,database=', 'f,file=', 'format=', 'encryption=', 'P,param=', 'non-interactive', 'fail-fast', 'fail-at-end'], { host: ['address'], file: ['file'], operands: 'none', stdin: true });
const VSQL = c(['h,host=', 'B=', 'p,port=', 'U,username=', 'w,password=', 'd,dbname=', 'c,command=', 'f,file=', 'o,output=', 'v,set,variable=', 'F,field-separator=', 'P,pset='], { host: ['host', 'B'], file: ['file'], code: ['command'], out: ['output'], operands: 'none', stdin: true });
// Brokers: RabbitMQ's rabbitmqadmin (-H host, -U base URI, -c a config naming servers), EMQX's mqttx (-h, --file-read).
const RABBITMQADMIN = c(['H,host=', 'P,port=', 'U,base-uri=', 'u,username=', 'p,password=', 'V,vhost=', 'c,config=', 'N,node=', 'q,quiet', 's,ssl', 'ssl-key-file=', 'ssl-cert-file=', 'ssl-ca-cert-file=', 'f,format='], { host: ['host', 'base-uri'], operands: 'none', stdin: false, opaque: ['config'] });
const MQTTX = c(['h,hostname=', 'p,port=', 't,topic=', 'm,message=', 'file-read=', 'u,username=', 'P,password=', 'i,client-id=', 'q,qos=', 'l,protocol=', 'path=', 's,stdin', 'M,multiline', 'ca=', 'cert=', 'key=', 'config?='], { host: ['hostname'], file: ['file-read'], operands: 'none', stdin: true, opaque: ['config'] });

export const DB_CLIENTS_MORE: Readonly<Record<string, Client>> = {
  sqlcmd: SQLCMD, bcp: BCP, tsql: TSQL, sqlplus: SQLPLUS, mysqlsh: MYSQLSH, cockroach: COCKROACH,
  trino: TRINO, presto: TRINO, beeline: BEELINE, 'cypher-shell': CYPHER, vsql: VSQL,
  rabbitmqadmin: RABBITMQADMIN, mqttx: MQTTX,
};
