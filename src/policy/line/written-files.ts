// Files a line writes and a later command in the same line runs without naming them: npm runs
// package.json's scripts, make runs the Makefile's recipes. The text written is known (echo,
// printf, heredocs), so what will run is judged like any command line.

/** Lifecycle scripts npm runs for a subcommand, in order (npm install runs the install hooks). */
function npmScripts(args: readonly string[]): string[] | undefined {
  const pos = args.filter((a) => !a.startsWith('-'));
  const sub = pos[0];
  if (sub === undefined) return undefined;
  if (/^(i|install|in|ins|inst|insta|instal|isnt|isnta|isntal|add|ci|clean-install|install-clean|ic|it|install-test|rebuild|rb)$/.test(sub)) {
    return ['preinstall', 'install', 'postinstall', 'prepublish', 'preprepare', 'prepare', 'postprepare', ...(/^(it|install-test)$/.test(sub) ? ['pretest', 'test', 'posttest'] : [])];
  }
  if (/^(run|run-script|rum|urn)$/.test(sub) && pos[1]) return [`pre${pos[1]}`, pos[1], `post${pos[1]}`];
  if (/^(test|t|tst|start|stop|restart)$/.test(sub)) {
    const s = { t: 'test', tst: 'test' }[sub] ?? sub;
    return [`pre${s}`, s, `post${s}`];
  }
  if (/^(pack|publish)$/.test(sub)) return ['prepack', 'prepare', 'postpack', 'prepublishOnly', 'publish', 'postpublish'];
  return undefined;
}

/** Makefile recipe lines (tab-indented), without make's `@`/`-`/`+` prefixes. */
function makeRecipes(text: string): string[] {
  return text.split('\n').filter((l) => l.startsWith('\t')).map((l) => l.slice(1).replace(/^[@+-]+/, '')).filter((l) => l.trim() !== '');
}

/**
 * Command lines a tool will run from a file written earlier in the line, or 'opaque' when the
 * written text cannot be read as that file (then what runs is unknown).
 */
export function implicitRuns(tool: string, args: readonly string[], cwd: string, written: ReadonlyMap<string, string>): string[] | 'opaque' {
  if (tool === 'npm' || tool === 'pnpm' || tool === 'yarn') {
    const text = written.get(`${cwd}/package.json`);
    if (text === undefined) return [];
    let scripts: Record<string, unknown>;
    try {
      scripts = (JSON.parse(text) as { scripts?: Record<string, unknown> }).scripts ?? {};
    } catch {
      return 'opaque';
    }
    const names = npmScripts(tool === 'yarn' && args[0] && !/^(install|add|run|test)$/.test(args[0]) ? ['run', ...args] : args) ?? Object.keys(scripts);
    return names.map((n) => scripts[n]).filter((s): s is string => typeof s === 'string');
  }
  if (tool === 'make' || tool === 'gmake') {
    const file = ['GNUmakefile', 'makefile', 'Makefile'].map((f) => written.get(`${cwd}/${f}`)).find((t) => t !== undefined);
    return file === undefined ? [] : makeRecipes(file);
  }
  return [];
}
