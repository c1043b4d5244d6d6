// The tool an argv really runs, by the name rules speak of: version suffixes (pip3.12,
// python3.11), aliases (yarnpkg, nodejs), launchers (corepack yarn, node …/npm-cli.js,
// python -I -m pip). Rules and analyzers then see `pip`, `yarn`, `npm` whatever the spelling.
import { posix } from 'node:path';

const ALIASES: Record<string, string> = { yarnpkg: 'yarn', nodejs: 'node', pnpx: 'npx', uvx: 'uvx', 'npm-cli.js': 'npm', 'npx-cli.js': 'npx', 'yarn.js': 'yarn', 'pnpm.cjs': 'pnpm', 'pnpm.js': 'pnpm',
  // The agents by their npm package names (npx @anthropic-ai/claude-code, bunx @google/gemini-cli).
  'claude-code': 'claude', 'gemini-cli': 'gemini', 'qwen-code': 'qwen', 'opencode-ai': 'opencode', 'aider-chat': 'aider', 'open-interpreter': 'interpreter', 'shell-gpt': 'sgpt', 'kilocode-cli': 'kilocode', 'droid-cli': 'droid',
  // Other builds and names of the same program: netcats, Python, Ruby and Perl implementations, awks.
  'nc.openbsd': 'nc', 'nc.traditional': 'nc', 'netcat.openbsd': 'nc', 'netcat.traditional': 'nc', 'netcat-openbsd': 'nc', 'netcat-traditional': 'nc', cryptcat: 'nc', pwncat: 'nc', 'pwncat-cs': 'nc', sbd: 'nc',
  gm4: 'm4', perl6: 'raku', ipython: 'python', ipython3: 'python', bpython: 'python', ptpython: 'python', ptipython: 'python', pry: 'ruby', irb: 'ruby', 'gnutls-cli': 'nc', jython: 'python', graalpy: 'python', micropython: 'python', 'pypy3-c': 'python',
  jruby: 'ruby', truffleruby: 'ruby', mruby: 'ruby', rbx: 'ruby',
  // Database shells with the same client commands: MariaDB's mysql, pgcli and usql's psql backslash commands, litecli's dot-commands.
  gvim: 'vim', vimx: 'vim', evim: 'vim', nvi: 'vi', elvis: 'vi', vimdiff: 'vim', gvimdiff: 'vim', nvimdiff: 'nvim', gview: 'view', rview: 'view', mvim: 'vim', 'netlify-cli': 'netlify',
  mariadb: 'mysql', mycli: 'mysql', pgcli: 'psql', usql: 'psql', litecli: 'sqlite3',
  // GNU sed as BSD machines install it, and busybox's.
  gsed: 'sed', 'busybox-sed': 'sed',
  goawk: 'awk', frawk: 'awk', 'one-true-awk': 'awk', 'busybox-awk': 'awk', 'original-awk': 'awk', bioawk: 'awk', nawk: 'awk', mawk: 'awk',
  // Frontends with the same command line: hub and yadm are git, wget2 is wget, curlie is curl.
  hub: 'git', yadm: 'git', wget2: 'wget', curlie: 'curl',
  // Other ssh clients: Dropbear's, PuTTY's, rsh, xxh, Eternal Terminal.
  dbclient: 'ssh', plink: 'ssh', pscp: 'scp', psftp: 'sftp', rsh: 'ssh', rlogin: 'ssh', xxh: 'ssh', et: 'ssh',
  PowerShell: 'powershell', 'powershell_ise': 'powershell',
  // TypeScript and script runners with node's command line (-e/--eval, -p, -r, a script operand).
  tsx: 'node', 'ts-node': 'node', 'ts-node-esm': 'node', esno: 'node', esr: 'node', 'vite-node': 'node', 'babel-node': 'node', 'sucrase-node': 'node', jiti: 'node', zx: 'node', 'swc-node': 'node' };
/** An agent's entry script started by node (node "$(npm root -g)/@anthropic-ai/claude-code/cli.js"). */
const AGENT_SCRIPTS: [RegExp, string][] = [[/@anthropic-ai\/claude-code\/cli\.m?js$/, 'claude'], [/@google\/gemini-cli\/.*\.m?js$/, 'gemini'], [/@openai\/codex\/bin\/codex\.m?js$/, 'codex']];
const VERSIONED = /^(pip|pip3|python|python3|pypy|pypy3|node|ruby|perl|php|uv|poetry|pipx|gem|bundle|npm|npx|yarn|pnpm|gawk|mawk|awk)[\d.]+(-[\w.]+)?$|^(gawk|ruby|python3?)-[\d.]+$/;
/** Python options that take a value (the module comes after them). */
const PY_VALUE = /^-[WXQ]$/;

/** Scoped packages whose binary is not the package's last name segment. */
const SCOPED_BINARIES: Record<string, string> = { '@kilocode/cli': 'kilocode', '@github/copilot': 'copilot', '@sourcegraph/amp': 'amp', '@charmland/crush': 'crush', '@openai/codex': 'codex' };

/** The binary a package runner (npx, bunx, pnpm dlx, uvx, pipx run) starts for a package spec. */
export function packageBin(spec: string): string {
  const bare = spec.replace(/^(@[^/@]+\/[^@]+|[^@]+)@.*$/, '$1');
  return SCOPED_BINARIES[bare] ?? bare.replace(/^@[^/]+\//, '').replace(/\[.*\]$/, '');
}

/** The canonical tool name of a program path or name. */
export function canonicalTool(word: string): string {
  // A Windows program run through WSL interop (curl.exe, git.exe, node.exe) is the same tool.
  const base = posix.basename(word).replace(/\.exe$/i, '');
  if (ALIASES[base]) return ALIASES[base]!;
  const m = VERSIONED.exec(base);
  return m ? (m[1] ?? m[3])! : base;
}

/**
 * The argv a launcher hands over: `corepack yarn add` → `yarn add`, `node …/npm-cli.js i` →
 * `npm i`, `python3 -I -m pip install` → `pip install`. Undefined when argv launches nothing.
 */
export function launched(argv: readonly string[]): string[] | undefined {
  const tool = canonicalTool(argv[0] ?? '');
  const args = argv.slice(1);
  if (tool === 'corepack' && /^(yarn|pnpm|npm|npx|pnpx)(@.*)?$/.test(args[0] ?? '')) return [args[0]!.replace(/@.*$/, ''), ...args.slice(1)];
  // `bun x PKG` is bunx; `deno x` likewise runs a package's program.
  if (tool === 'bun' && args[0] === 'x') return ['bunx', ...args.slice(1)];
  if (tool === 'node' || tool === 'bun') {
    const i = args.findIndex((a) => !a.startsWith('-'));
    if (i >= 0 && /(^|\/)(npm-cli|npx-cli|yarn|pnpm)\.c?js$/.test(args[i]!)) return [canonicalTool(args[i]!), ...args.slice(i + 1)];
    const agent = i >= 0 ? AGENT_SCRIPTS.find(([re]) => re.test(args[i]!.replace(/["']/g, '')))?.[1] : undefined;
    if (agent) return [agent, ...args.slice(i + 1)];
  }
  if (/^(python|python3|pypy|pypy3)$/.test(tool)) {
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-m' || a === '--module') return args[i + 1] ? [args[i + 1]!, ...args.slice(i + 2)] : undefined;
      // (A cluster of flags ends at the first letter that takes a value: -Im pip is -m's, -cimport os is code.)
      if (/^-[bBdEhiIOPqRsSuvV]*m./.test(a)) return [a.slice(a.indexOf('m') + 1), ...args.slice(i + 1)];
      if (!a.startsWith('-') || a === '-c' || /^-[bBdEhiIOPqRsSuvV]*c/.test(a)) return undefined;
      if (PY_VALUE.test(a)) i++;
    }
  }
  // ssh run by programs built on it: autossh (its own -M PORT, -f), ssh-copy-id (the ssh options it
  // passes on, and the host it installs a key on), mosh (the host; --ssh=CMD is the ssh it runs).
  if (tool === 'autossh') return ['ssh', ...args.filter((a, k) => a !== '-f' && !/^-M/.test(a) && args[k - 1] !== '-M')];
  if (tool === 'ssh-copy-id') {
    const out = ['ssh'];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (/^-[oFp]$/.test(a)) out.push(a, args[++i] ?? '');
      else if (/^-[oFp]./.test(a)) out.push(a);
      else if (/^-[it]$/.test(a) && args[i + 1] !== undefined && !args[i + 1]!.startsWith('-') && i + 2 < args.length) i++;
      else if (!a.startsWith('-')) return [...out, a];
    }
    return undefined;
  }
  if (tool === 'mosh') {
    const i = args.findIndex((a, k) => !a.startsWith('-') && !/^(-p|--port|--ssh|--server|--client|--predict|--family|--bind-server)$/.test(args[k - 1] ?? ''));
    const ssh = args.map((a, k) => (/^--ssh=/.test(a) ? a.slice(6) : args[k - 1] === '--ssh' ? a : undefined)).find((x) => x !== undefined);
    if (i < 0) return undefined;
    return [...(ssh ? ssh.split(/\s+/) : ['ssh']), args[i]!, ...args.slice(i + 1).filter((a) => a !== '--')];
  }
  return undefined;
}
