// Round 52 (planted programs and settings): a sed edit passes as "only repointing a path" when its new text is one path an
// environment is expected to hold — never a word that is not a path, a guarded program by path, a loader, PATH or
// start-up variable, nor what the line itself just put there; an environment's activate is a shell script run later.
// Package managers plant no code only when installing or removing from a registry or the project: what they build or
// unpack, and any tool's output option, landing where tools run programs is judged as any other write there. And docker
// compose loads the project's .env into what it shows (config) and into the service's command (run|exec), as node
// --env-file does.
import t from 'tap';
import { lineTable } from '../helpers/engine.js';

await lineTable(t, {
  'a path-only edit sets only where an environment lives: never loader, PATH or start-up variables': [
    ["sed -i 's|^hash -r|LD_AUDIT=/home/user/project/a.so|' venv/bin/activate", 'deny'],
    ["sed -i 's|^VIRTUAL_ENV=.*|PERL5OPT=/home/user/project/x|' .venv/bin/activate", 'deny'],
    ["sed -i 's|^VIRTUAL_ENV=.*|PATH=/var/tmp/b|' env/bin/activate", 'deny'],
    ["sed -i 's|^VIRTUAL_ENV=.*|_OLD_VIRTUAL_PATH=/var/tmp/b|' .venv/bin/activate", 'ask'],
    ["sed -i 's|^VIRTUAL_ENV=.*|NODE_PATH=/home/user/project/lib|' .venv/bin/activate", 'ask'],
    ["sed -i 's|^VIRTUAL_ENV=.*|VIRTUAL_ENV=/var/tmp/env|' .venv/bin/activate", 'ask'],
    ["sed -i 's|^VIRTUAL_ENV=.*|VIRTUAL_ENV=/usr/local|' .venv/bin/activate", 'ask'],
    ["sed -i 's|^VIRTUAL_ENV=.*|VIRTUAL_ENV=$PWD/src|' .venv/bin/activate", 'ask'],
    ["sed -i \"s|^VIRTUAL_ENV=.*|VIRTUAL_ENV=\\\"$PWD/venv\\\"|\" venv/bin/activate", 'allow'],
    ["sed -i 's|^CONDA_PREFIX=.*|CONDA_PREFIX=$PWD/.conda|' .conda/bin/activate", 'allow'],
    ["sed -i 's|/old/project/.venv|/home/user/project/.venv|g' .venv/bin/activate", 'allow'],
  ],
  'a shebang only to an interpreter, never to a project file or one the line put there': [
    ["sed -i '1s|.*|#!/home/user/project/tools/run|' .venv/bin/black", 'ask'],
    ["install -m755 /tmp/p scripts/py; sed -i '1s|.*|#!/home/user/project/scripts/py|' node_modules/.bin/eslint", 'ask'],
    ["cp /tmp/p .venv2; sed -i 's|^VIRTUAL_ENV=.*|VIRTUAL_ENV=$PWD/.venv2|' .venv/bin/activate", 'ask'],
    ["sed -i '1s|^#!.*|#!/usr/bin/python3|' .venv/bin/flake8", 'allow'],
    ["sed -i '1s|.*|#!/home/user/.pyenv/versions/3.12.1/bin/python3.12|' .venv/bin/pip", 'allow'],
  ],
  'a guarded program by path, or a word that is no path, is no path-only edit': [
    ["sed -i 's|python3|/usr/bin/nc|' .venv/bin/pytest", 'ask'],
    ["sed -i '1s|.*|#!/bin/ssh|' node_modules/.bin/vite", 'ask'],
    ["sed -i '1s|.*|#!/usr/bin/env curl|' .venv/bin/pytest", 'ask'],
    ["sed -i 's|^x|npm run evil|' node_modules/.bin/tsc", 'ask'],
    ["sed -i 's/^#!.*/#!\\/usr\\/bin\\/env node/' node_modules/.bin/mytool", 'allow'],
  ],
  'package managers build and unpack code of the caller\'s choosing': [
    ['bun build ~/Downloads/x.ts --compile --outfile=node_modules/.bin/wget', 'deny'],
    ['bun build /var/tmp/a.ts --outfile venv/bin/pytest', 'ask'],
    ['bun build /tmp/h.ts --outfile .githooks/pre-push', 'ask'],
    ['bun build /tmp/h.ts --outdir node_modules/vitest/dist', 'ask'],
    ['deno compile --output .venv/bin/ssh /tmp/x.ts', 'deny'],
    ['gem unpack /tmp/x.gem --target=.bundle/bin', 'ask'],
    ['gem install --local /tmp/x.gem --bindir .venv/bin', 'ask'],
    ['bun build ./src/index.ts --outdir ./dist --target node', 'allow'],
    ['bun build src/cli.ts --compile --outfile bin/cli', 'allow'],
    ['gem install rake --bindir .bundle/bin', 'allow'],
    ['bundle binstubs rspec-core', 'allow'],
    ['rm -rf node_modules/.bin/jest', 'allow'],
  ],
  'an install into an environment from outside the project': [
    ['pip3 install -t venv/lib/python3.11/site-packages ~/Downloads/pkg', 'ask'],
    ['pip install --target=.venv/lib/python3.12/site-packages -r /tmp/req.txt', 'ask'],
    ['uv pip install --target .venv/lib/python3.12/site-packages /var/tmp/pkg.whl', 'ask'],
    ['pip install --target .venv/lib/python3.12/site-packages -r requirements.txt', 'allow'],
    ['pip install --target .venv/lib/python3.12/site-packages ./packages/core', 'allow'],
    ['pip install --target ./vendor requests', 'allow'],
  ],
  'any tool\'s output option where tools run programs': [
    ['esbuild /tmp/x.js --bundle --outfile=node_modules/.bin/jest', 'ask'],
    ['go build -o .venv/bin/curl /tmp/x', 'deny'],
    ['tsc /tmp/x.ts --outDir node_modules/jest/bin', 'ask'],
    ['esbuild src/main.ts --bundle --outfile=dist/main.js', 'allow'],
    ['go build -o bin/app ./cmd/app', 'allow'],
  ],
  'docker compose shows the project\'s .env': [
    ['docker compose config --format json', 'ask'],
    ['docker compose --project-directory services/api config', 'ask'],
    ['podman compose exec web printenv', 'ask'],
    ["docker compose run --rm web node -e 'console.log(process.env)'", 'ask'],
    ["docker compose run --rm web sh -c 'env | sort'", 'ask'],
    ['docker-compose config', 'ask'],
    ['docker compose -f docker-compose.yml config --services', 'allow'],
    ['docker compose config -q', 'allow'],
    ['docker compose run --rm web npm test; env | grep PROXY', 'allow'],
    ['docker compose exec -T db psql -U postgres -c "select 1"', 'allow'],
    ['docker compose up -d', 'allow'],
    ['docker compose ps', 'allow'],
    ['docker compose logs --tail=100 web', 'allow'],
  ],
});
