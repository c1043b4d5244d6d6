// gpg's network verbs. --send-keys uploads keys — with their user IDs, names and mail addresses — to a keyserver,
// for good: a send to a host that is not on the allowlist, the default keyserver included (keyserver-send denies).
// The receiving verbs (--recv-keys, --search-keys, --refresh-keys) send only the key IDs or names written on the
// line: to the keyserver gpg is configured with, or a well-known public one, nobody who could read them is asked;
// to any other keyserver those words are data handed to a host the line chose (net-client-host asks), as are
// --fetch-keys URLs and the mail domain --locate-keys asks by Web Key Directory (its request carries the local part).
import type { Facts } from '../facts.js';
import { parseUrl } from '../hosts.js';
import { fullLongOptions } from '../options.js';
import { addHost, addUrl } from './common.js';
import type { AnalyzerInput } from './types.js';

/** GnuPG's default keyserver (since 2.2.17), where --send-keys goes when none is named. */
const DEFAULT_KEYSERVER = 'keys.openpgp.org';
/** Public keyservers run by no one a line can choose: receiving from them is as receiving from the default. */
const PUBLIC_KEYSERVERS = /^(keys\.openpgp\.org|keyserver\.ubuntu\.com|pgp\.mit\.edu|keyring\.debian\.org|keys\.mailvelope\.com)$/;
const NAMES = ['send-keys', 'send-key', 'recv-keys', 'recv-key', 'receive-keys', 'search-keys', 'refresh-keys', 'fetch-keys', 'locate-keys', 'locate-external-keys', 'keyserver', 'keyserver-options', 'auto-key-retrieve'];

/** The hosts gpg's keyserver verbs contact, added to its facts (tags keyserver-send or net-client). */
export function keyserverContacts({ tool, args: raw }: AnalyzerInput, f: Facts): void {
  // (--help and --version are commands to gpg wherever they stand: it prints and contacts nothing.)
  if ((tool !== 'gpg' && tool !== 'gpg2') || raw.some((a) => a === '--help' || a === '--version')) return;
  const args = fullLongOptions(raw, NAMES);
  const opt = (name: string): string | undefined => args.map((a, k) => (a === `--${name}` ? args[k + 1] : a.startsWith(`--${name}=`) ? a.slice(name.length + 3) : undefined)).filter((v) => v !== undefined).at(-1);
  const verb = (re: RegExp) => args.some((a) => re.test(a));
  const ks = opt('keyserver');
  const ksHost = ks === undefined ? undefined : parseUrl(ks, 'hkps').host;
  if (verb(/^--send-keys?$/)) {
    f.tags.add('keyserver-send');
    if (ks !== undefined) addUrl(f, ks, 'target', 'hkps');
    else addHost(f, DEFAULT_KEYSERVER, 'target', 'hkps');
    f.notes.push(`${tool} --send-keys publishes keys and their user IDs on ${ks ?? DEFAULT_KEYSERVER}`);
    return;
  }
  const receives = verb(/^--(recv-keys?|receive-keys|search-keys|refresh-keys|auto-key-retrieve)$/);
  const ops = args.filter((a, k) => !a.startsWith('-') && !/^--(keyserver|keyserver-options)$/.test(args[k - 1] ?? ''));
  const asks: string[] = [];
  if (receives && ks !== undefined && !PUBLIC_KEYSERVERS.test(ksHost ?? '')) asks.push(ks);
  if (verb(/^--fetch-keys$/)) asks.push(...ops.filter((o) => /^[a-z][\w+.-]*:\/\//i.test(o)));
  for (const m of (opt('keyserver-options') ?? '').matchAll(/\bhttp-proxy=(\S+?)(?:,|$)/g)) asks.push(m[1]!);
  if (asks.length === 0 && !verb(/^--locate-(external-)?keys$/)) return;
  f.tags.add('net-client');
  for (const u of asks) addUrl(f, u, 'target', 'hkps');
  if (verb(/^--locate-(external-)?keys$/)) for (const o of ops) { const d = /^[^@\s]+@([\w-]+(\.[\w-]+)+)$/.exec(o)?.[1]; if (d) addHost(f, d, 'target', 'https'); }
}
