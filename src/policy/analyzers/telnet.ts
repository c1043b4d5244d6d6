// telnet and `openssl s_client`: raw network clients that reach a host and port.
import { newFacts, type Facts } from '../facts.js';
import { addHost, hostOfHostPort, STDIN } from './common.js';
import type { AnalyzerInput } from './types.js';

/** Facts of telnet: the first non-option argument is the host. */
export function analyzeTelnet({ tool, args }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  const pos: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (/^-[bellnkX]$/.test(a)) i++;
    else if (!a.startsWith('-')) pos.push(a);
  }
  if (pos[0]) addHost(f, pos[0], 'target');
  f.sends.push(STDIN);
  return f;
}

/** Facts of openssl: only s_client (a network client) contacts a host. */
export function analyzeOpenssl({ tool, args }: AnalyzerInput): Facts {
  const f = newFacts(tool);
  f.subcommand = args[0];
  if (args[0] !== 's_client') {
    // -in/-inkey/-key read files (into the output), -out/-keyout write them.
    // (Certificate verbs print certificates, requests, lists, digests or signatures — never the key they are given
    // to sign with or the .pem they read: openssl x509 -in cert.pem -noout -dates, req -new -key k.pem, dgst -sign k.pem.)
    const certOnly = /^(x509|req|crl|verify|dgst|ca|ocsp|crl2pkcs7|pkcs7|spkac|sess_id|genrsa|genpkey|gendsa|ecparam|dhparam|rand|prime|version|ciphers|speed)$/.test(args[0] ?? '');
    for (let i = 1; i < args.length; i++) {
      // (…and with -noout and no -text a certificate verb prints only the fields asked for: -dates, -subject, -fingerprint.)
      if (/^-(in|inkey|key|CAkey|signkey)$/.test(args[i]!)) { const v = args[++i] ?? ''; if (!certOnly || (args[i - 1] === '-in' && !(args.includes('-noout') && !args.includes('-text')))) f.reads.push(v); }
      else if (/^-(out|keyout)$/.test(args[i]!)) f.writes.push(args[++i] ?? '');
    }
    return f;
  }
  const valueOf = (name: string): string | undefined => {
    const i = args.findIndex((a) => a === `-${name}` || a.startsWith(`-${name}=`));
    return i < 0 ? undefined : args[i]!.includes('=') ? args[i]!.slice(name.length + 2) : args[i + 1];
  };
  // -connect host:port, -host h -port p, or a bare host:port operand (OpenSSL 3); default localhost:4433.
  const bare = args.slice(1).find((a, k) => !a.startsWith('-') && !(args[k]?.startsWith('-') && !/^-(connect|host|port|proxy)$/.test(args[k]!) ? false : /^-\w+$/.test(args[k] ?? '')));
  const target = valueOf('connect') ?? valueOf('host') ?? bare ?? 'localhost';
  addHost(f, hostOfHostPort(target), 'target');
  const proxy = args.indexOf('-proxy');
  if (proxy >= 0 && args[proxy + 1]) addHost(f, hostOfHostPort(args[proxy + 1]!), 'proxy');
  f.sends.push(STDIN);
  return f;
}
