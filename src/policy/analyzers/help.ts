// Help requests: `npm publish --help`, `docker login -h`, `crontab -h`, `systemctl help enable` print
// usage and do nothing else, so the act the subcommand names (publishing, a login, a global install,
// a scheduled job) does not happen. Capabilities as data: per tool, the words its option parser reads
// as a help request wherever they stand among the options. (Tools not listed are judged as written:
// `-h` is human-readable sizes to ls, du, df and sort, no-filename to grep, and only a word to a
// program whose operands are another command's — npx, docker run IMAGE ARGS.)

const LONG = /^--help$/;
const BOTH = /^(--help|-h)$/;
const GNU_INFO = /^(--help|--version)$/;
const MKE2FS_INFO = /^(--help|-V)$/;

/**
 * Tool → the words that ask it for help, whether a first operand `help` does, and whether its options end at the first
 * operand (getopt without permutation: BSD and busybox crontab install FILE from `crontab FILE -h`).
 */
const HELP: Readonly<Record<string, { words: RegExp; verb?: true; inOrder?: true }>> = {
  // (npm, pnpm, yarn and bun read -h and --help as `help SUB`; npm also reads -?/--usage.)
  npm: { words: /^(--help|-h|-\?|--usage)$/, verb: true },
  pnpm: { words: BOTH, verb: true },
  yarn: { words: BOTH, verb: true },
  bun: { words: BOTH },
  deno: { words: BOTH, verb: true },
  // (Registry clients built on clap, argparse, click, cobra or OptionParser: every one stops at -h/--help.)
  cargo: { words: BOTH, verb: true },
  twine: { words: BOTH },
  gem: { words: BOTH, verb: true },
  poetry: { words: BOTH, verb: true },
  uv: { words: BOTH, verb: true },
  pdm: { words: BOTH },
  hatch: { words: BOTH },
  flit: { words: BOTH },
  maturin: { words: BOTH, verb: true },
  mvn: { words: BOTH },
  gradle: { words: /^(--help|-h|-\?)$/ },
  gradlew: { words: /^(--help|-h|-\?)$/ },
  lerna: { words: BOTH },
  vsce: { words: BOTH },
  ovsx: { words: BOTH },
  helm: { words: BOTH, verb: true },
  conan: { words: BOTH },
  anaconda: { words: BOTH },
  jfrog: { words: BOTH },
  jf: { words: BOTH },
  snapcraft: { words: BOTH, verb: true },
  luarocks: { words: LONG, verb: true },
  'wasm-pack': { words: BOTH, verb: true },
  elm: { words: LONG },
  rye: { words: BOTH },
  swift: { words: BOTH },
  gpg: { words: LONG },
  gpg2: { words: LONG },
  dotnet: { words: /^(--help|-h|-\?)$/ },
  goreleaser: { words: BOTH, verb: true },
  // (-h is a value option to these: docker run -h HOSTNAME, gh config get -h HOST.)
  docker: { words: LONG, verb: true },
  podman: { words: LONG, verb: true },
  nerdctl: { words: LONG, verb: true },
  gh: { words: LONG, verb: true },
  // (aws reads `help` as a word after the command; gcloud reads -h as short help.)
  aws: { words: LONG },
  gcloud: { words: BOTH, verb: true },
  az: { words: BOTH },
  systemctl: { words: BOTH, verb: true },
  // (crontab's getopt answers -h, and --help, with its usage: no table is installed.)
  crontab: { words: BOTH, inOrder: true },
  // (coreutils deleters answer --help and --version: `rm --help ~` removes nothing; -h is no help to them. Only
  // before the first operand: after it, an environment with POSIXLY_CORRECT — which the judge cannot see for a
  // command run by `git submodule foreach` or a script — reads `rm -rf ~ --help` as two operands and deletes.)
  rm: { words: GNU_INFO, inOrder: true },
  rmdir: { words: GNU_INFO, inOrder: true },
  unlink: { words: GNU_INFO, inOrder: true },
  shred: { words: GNU_INFO, inOrder: true },
  truncate: { words: GNU_INFO, inOrder: true },
  // (mke2fs prints its version for -V and usage for an unknown option such as --help; it writes nothing either way.)
  mke2fs: { words: MKE2FS_INFO },
  'mkfs.ext2': { words: MKE2FS_INFO },
  'mkfs.ext3': { words: MKE2FS_INFO },
  'mkfs.ext4': { words: MKE2FS_INFO },
};

// Options that never take the next word as their value: a help word right after one is still a flag
// (npm install -g --help, systemctl --user enable --help).
const FLAG_ONLY = /^(-g|--global|--user|--system|--dry-run|--json|--verbose|--quiet)$/;

/**
 * Whether TOOL ARGS only prints usage: a help word among the options (before `--`) that no option can
 * take as its value — it opens the options, follows a word that is not an option, a `--name=value`
 * option or an option that takes no value — or `help` as the first operand where the tool has that verb.
 */
export function printsHelp(tool: string, args: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): boolean {
  const row = HELP[tool];
  if (!row) return false;
  const end = args.indexOf('--');
  const words = end < 0 ? args : args.slice(0, end);
  if (row.verb && words[0] === 'help') return true;
  // (Where the options end at the first operand — that parser, or any GNU one under POSIXLY_CORRECT — only a help word before it.)
  const first = row.inOrder || 'POSIXLY_CORRECT' in env ? words.findIndex((w) => !w.startsWith('-')) : -1;
  const options = first < 0 ? words : words.slice(0, first);
  return options.some((w, k) => {
    if (!row.words.test(w)) return false;
    // (nopt and yargs — npm, pnpm, yarn 1, lerna — read a boolean's next word true/false as its value: --help false is no help.)
    if (/^(true|false)$/i.test(options[k + 1] ?? '')) return false;
    const prev = options[k - 1];
    return prev === undefined || !prev.startsWith('-') || /^--[\w.-]+=/.test(prev) || FLAG_ONLY.test(prev);
  });
}
