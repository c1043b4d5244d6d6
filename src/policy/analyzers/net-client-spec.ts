// How a network client is described as data: which options name its server, which files it sends or
// writes, what its operands are. One shape for every client table (net-clients, db-clients, remote-sessions).
import { optionTable, type OptionTable } from '../options.js';

export interface Client {
  table: OptionTable;
  /** Options whose value is a server: host, host:port, a comma list, or a URL. */
  host: string[];
  /** Options whose value is a file whose content is sent (an `@` prefix is dropped). */
  file?: string[];
  /** Options whose value is a file the client writes (a dump). */
  out?: string[];
  /** Options whose value is code or a command the server runs, read for the files it loads. */
  code?: string[];
  /** Operands that name a server: every host-looking one (scanners), the first, or none (URLs and conninfo always count). */
  operands: 'urls' | 'hosts' | 'first' | 'none';
  /** Sends its stdin (a shell fed a script, a publisher fed messages). */
  stdin: boolean;
  /** Options that read targets or settings from a file Rampart does not read. */
  opaque?: string[];
  /** The server as the client spells it, made a `host[:port]` or URL (sqlcmd's tcp:H,1433, sqlplus's U/P@//H:1521/S);
   *  undefined when the value names a file that holds the server (remmina -c conn.remmina). */
  server?: (value: string) => string | undefined;
  /** Options spelled /name:value, +name and -name (FreeRDP): read as --name=value, --name and --no-name. */
  slashOptions?: boolean;
  /** Options whose value makes a local directory readable on the far side (/drive:name,PATH, -r disk:name=PATH). */
  shares?: string[];
  /** Flags that share a fixed local tree (+home-drive → ~, +drives → /). */
  sharesTree?: Readonly<Record<string, string>>;
  /** Operands from this index on are local files sent (ncftpput HOST DIR FILE…). */
  sendsOperandsFrom?: number;
  /** `@FILE` operands are scripts run on the server, their text sent (sqlplus U/P@H @setup.sql). */
  scriptOperands?: boolean;
  /** An operand that is a configuration file naming the server (openvpn x.ovpn, xfreerdp x.rdp). */
  configOperand?: RegExp;
  /** A first operand (the verb) that connects where a file Rampart does not read says (wg-quick up, zerotier-cli join). */
  opaqueVerbs?: RegExp;
  /** Every name is a target, a single-label one too: a password guesser aimed at `target` is no client of a compose service. */
  anyHost?: boolean;
  /** Operands `host=H` (patator's keyword arguments) name the server. */
  keywordHost?: boolean;
  /** The server a verb connects to when no option names one (tailscale up → its coordination server). */
  defaultHost?: readonly [verb: RegExp, host: string];
}

/** A client spec: its option table built from getopt-style specs (see optionTable). */
export const c = (specs: string[], rest: Omit<Client, 'table'>, singleDashLong = false): Client => ({ table: optionTable(specs, { singleDashLong }), ...rest });

/** A client whose options are spelled /name:value (FreeRDP): every name, one letter or more, is read as a long option. */
export const slashClient = (specs: string[], rest: Omit<Client, 'table' | 'slashOptions'>): Client => {
  const table = optionTable(specs);
  for (const [k, d] of table.short) table.long.set(k, d);
  table.short.clear();
  return { table, slashOptions: true, ...rest };
};
