// PHP's built-in web server shares a directory as files: `php -S ADDR [-t DIR]` (the working directory by default), and
// the framework commands that start it with a document root of the caller's choosing — Yii's `yii serve --docroot=DIR`,
// Symfony's `bin/console server:run|server:start --docroot=DIR` and its CLI's `symfony serve --document-root=DIR`. Without a document root those serve the application's
// own web directory through its front controller: the application, not a directory (artisan serve, spark serve).

/** php's options that take no value: they may come clustered before -S (php -nS 0.0.0.0:8000). */
const PHP_FLAG_LETTERS = 'aCeHhilmnqsvw';
/** php's options that take a value, as separate words. */
const PHP_VALUED = /^-[cdfrBRFEtSz]$/;

const FRAMEWORK_SERVE: { entry: RegExp; verbs: RegExp; docroot: RegExp }[] = [
  { entry: /^(\S*\/)?yii$/, verbs: /^serve$/, docroot: /^(-t|--docroot)$/ },
  { entry: /^(\S*\/)?(bin\/)?console$/, verbs: /^server:(run|start)$/, docroot: /^(-d|--docroot)$/ },
];

/** The server php starts, if any: the address it listens on (when the line gives it) and the directory it shares. */
export function phpServer(name: string, args: readonly string[]): { address?: string; dir: string } | undefined {
  // (A framework's entry run as the program — ./yii serve, bin/console server:run — is php running it.)
  if (FRAMEWORK_SERVE.some((fw) => fw.entry.test(name))) return phpServer('php', [name, ...args]);
  // (Symfony's CLI serves --document-root, on every interface with --allow-all-ip or the --listen-ip it is given.)
  if (name === 'symfony' && /^(serve|server:start|local:server:start)$/.test(args[0] ?? '')) {
    const opt = (o: string) => args.map((a, k) => (args[k - 1] === o ? a : a.startsWith(`${o}=`) ? a.slice(o.length + 1) : undefined)).find((x) => x !== undefined);
    const dir = opt('--document-root');
    if (dir === undefined) return undefined;
    return { address: args.includes('--allow-all-ip') ? '0.0.0.0' : opt('--listen-ip'), dir };
  }
  if (!/^php[\d.]*$/.test(name)) return undefined;
  const served = new RegExp(`^-[${PHP_FLAG_LETTERS}]*S(.*)$`);
  const s = args.findIndex((a) => served.test(a));
  if (s >= 0) {
    const glued = served.exec(args[s]!)![1]!;
    // (php keeps the last -t it is given: php -S ADDR -t public -t . serves the project's top.)
    const t = args.reduce((last, a, k) => ((/^-t./.test(a) || a === '-t') && !PHP_VALUED.test(args[k - 1] ?? '') ? k : last), -1);
    const dir = t < 0 ? '.' : args[t] === '-t' ? args[t + 1] ?? '.' : args[t]!.slice(2);
    // (A router script — php -S ADDR -t public /tmp/router.php — answers every request: what is served is what it reads,
    // so a router from outside the project shares its place, not the document root.)
    const router = args.find((a, k) => k !== s && !a.startsWith('-') && !PHP_VALUED.test(args[k - 1] ?? '') && !(k === s + 1 && glued === ''));
    return { address: glued !== '' ? glued : args[s + 1], dir: router !== undefined && /^(\/|~|\.\.(\/|$))/.test(router) ? router : dir };
  }
  // (The script php runs is its first word that is neither an option nor an option's value.)
  const at = args.findIndex((a, k) => !a.startsWith('-') && !PHP_VALUED.test(args[k - 1] ?? ''));
  if (at < 0) return undefined;
  for (const fw of FRAMEWORK_SERVE) {
    if (!fw.entry.test(args[at]!) || !fw.verbs.test(args[at + 1] ?? '')) continue;
    const rest = args.slice(at + 2);
    const dir = rest.map((a, k) => (fw.docroot.test(rest[k - 1] ?? '') ? a : /^--docroot=/.test(a) ? a.slice(10) : undefined)).find((x) => x !== undefined);
    if (dir === undefined) return undefined;
    return { address: rest.find((a, k) => !a.startsWith('-') && !fw.docroot.test(rest[k - 1] ?? '')), dir };
  }
  return undefined;
}
