import t from 'tap';
import { redactArgv, REDACTED } from '../../src/audit/redact.js';

const R = REDACTED;
const cases: [string[], string[]][] = [
  [['curl', '-H', 'Authorization: Bearer abc123'], ['curl', '-H', `Authorization: ${R}`]],
  [['curl', '--header', 'cookie: s=1'], ['curl', '--header', `cookie: ${R}`]],
  [['curl', '-HProxy-Authorization: Basic Zm9v'], ['curl', `-HProxy-Authorization: ${R}`]],
  [['curl', '-H', 'Accept: text/plain'], ['curl', '-H', 'Accept: text/plain']],
  [['curl', '-u', 'bob:hunter2', 'https://x'], ['curl', '-u', `bob:${R}`, 'https://x']],
  [['curl', '-ubob:hunter2'], ['curl', `-ubob:${R}`]],
  [['curl', '--user=bob:pw'], ['curl', `--user=bob:${R}`]],
  [['git', 'clone', 'https://bob:tok@github.com/x/y'], ['git', 'clone', `https://bob:${R}@github.com/x/y`]],
  [['curl', 'https://api.example/x?a=1&access_token=zzz&sig=q'], ['curl', `https://api.example/x?a=1&access_token=${R}&sig=${R}`]],
  [['curl', 'https://x/?api_key=k&page=2'], ['curl', `https://x/?api_key=${R}&page=2`]],
  [['npm', 'config', 'set', '//registry.npmjs.org/:_authToken=npm_abc'], ['npm', 'config', 'set', `//registry.npmjs.org/:_authToken=${R}`]],
  [['ls', '-la'], ['ls', '-la']],
];

t.test('redactArgv', async (t) => {
  for (const [input, want] of cases) t.same(redactArgv(input), want, input.join(' '));
});
