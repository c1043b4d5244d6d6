// `rampart policy check 'LINE'` is what people (and scripts) run over and over: in its plain
// shapes it goes straight to the same handler, without loading the option parser (yargs alone
// costs ~60 ms of a ~170 ms call). Any other shape returns undefined and takes the full CLI.

/** The handler's arguments when argv is `policy check [--json] LINE` (LINE not an option). */
export function plainCheck(argv: readonly string[]): { line: string; json: boolean } | undefined {
  if (argv[0] !== 'policy' || argv[1] !== 'check') return undefined;
  const rest = argv.slice(2);
  const json = rest.includes('--json');
  const words = rest.filter((a) => a !== '--json');
  if (words.length !== 1 || rest.length > 2 || words[0]!.startsWith('-')) return undefined;
  return { line: words[0]!, json };
}

export async function fastPath(argv: readonly string[]): Promise<number | undefined> {
  const args = plainCheck(argv);
  if (!args) return undefined;
  const [{ policyCheckCommand }, { commandEnv }, { renderError }] = await Promise.all([
    import('./commands/policy-check.js'),
    import('./command.js'),
    import('./errors.js'),
  ]);
  const env = commandEnv();
  try {
    return await policyCheckCommand.handler(args, env);
  } catch (e) {
    const r = renderError(e);
    env.output.err(r.text);
    return r.exitCode;
  }
}
