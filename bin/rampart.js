#!/usr/bin/env node
// `rampart --version` answers without loading the CLI (a Node start, no more); `policy check`
// in its plain shapes without the option parser.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const { readFileSync } = await import('node:fs');
  console.log(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version);
} else {
  // `policy check 'LINE'` in its plain shapes skips the option parser (see fast-path.ts).
  const { fastPath } = await import('../dist/src/cli/fast-path.js');
  const fast = await fastPath(args);
  if (fast !== undefined) process.exitCode = fast;
  else {
    const { main } = await import('../dist/src/cli/main.js');
    process.exitCode = await main(args);
  }
}
