// Round 55 (lead): classes found by the fresh black-box set (redteam55) and closed beside the helpers' branches.
import t from 'tap';
import { lineTable } from '../helpers/engine.js';

await lineTable(t, {
  // Homebrew's keg-only formulae are not linked into /usr/local/bin or /opt/homebrew/bin: their programs live in
  // …/opt/<formula>/bin and …/Cellar/<formula>/<version>/bin. A keg of curl, openssh, git, … put before the shims
  // finds the real program first, exactly as /usr/bin does; a keg of any other formula holds no guarded program.
  'a Homebrew keg of a guarded program put before the shims drops them': [
    ['PATH="/usr/local/opt/curl/bin:$PATH" curl -s https://api.github.com/zen', 'deny'],
    ['export PATH="/opt/homebrew/opt/openssh/bin:$PATH"; git push origin feature/x', 'deny'],
    ['PATH=/usr/local/Cellar/git/2.47.0/bin:$PATH git fetch', 'deny'],
    ['PATH=/home/linuxbrew/.linuxbrew/opt/wget/bin:$PATH make fetch', 'deny'],
    ['PATH="/opt/homebrew/opt/rsync/sbin:$PATH" ./sync.sh', 'deny'],
    // a keg of another formula: everyday toolchain selection
    ['PATH="/opt/homebrew/opt/python@3.12/bin:$PATH" python3 -V', 'allow'],
    ['export PATH="/opt/homebrew/opt/node@20/bin:$PATH" && npm test', 'allow'],
    ['export PATH="/usr/local/opt/openjdk@17/bin:$PATH"; ./gradlew test', 'allow'],
    ['PATH="/usr/local/opt/curl-ca/bin:$PATH" ls', 'allow'],
    // after the old PATH, nothing is shadowed
    ['PATH="$PATH:/usr/local/opt/curl/bin" curl -s https://api.github.com/zen', 'allow'],
  ],
});
