// Round 57 (ctr57): containers and pods whose mounts the judge cannot see (docker exec into a running container, a
// compose service, a pod, a named volume made before the line). What their shell text deletes is now found by the
// project's own parser, with the cwd and variable tracking the host judge uses, on the line with its paths mapped
// below the scratch root (container-deletes.ts) — no longer by splitting the text on blanks. A delete of a top
// directory no image has (/srv, /data), of a named volume's mount point, or of a database image's data directory
// there may destroy a directory of this machine mounted there: asked. Deeper paths and the image's own (/tmp,
// /var/cache, /app) stay the container's work.
import t from 'tap';
import { lineTable } from '../helpers/engine.js';

await lineTable(t, {
  // How the container's shell enters a directory or sequences its commands: cd --, pushd, a newline, a here-doc or
  // here-string fed to its shell (the shell's stdin is its script).
  'container shell text: cd and sequencing the blank-splitter missed': [
    ["docker exec web sh -c 'cd -- /srv && rm -rf ./*'", 'ask'],
    ["docker exec web sh -c 'pushd /srv; rm -rf *'", 'ask'],
    ["docker exec web sh -c 'cd /srv\nrm -rf *'", 'ask'],
    ["docker exec -i web sh <<'EOF'\ncd /srv\nrm -rf *\nEOF", 'ask'],
    ["docker exec -i web bash -s <<'EOF'\ncd /data || exit\nrm -rf -- *\nEOF", 'ask'],
    ["docker exec -i web bash <<< 'cd /data && rm -rf *'", 'ask'],
    ["kubectl exec -i web -- sh <<'EOF'\ncd /data\nrm -rf *\nEOF", 'ask'],
    ["docker exec web sh -c 'cd /srv/ && rm -rf -- .[!.]* *'", 'ask'],
    // (oc rsh POD COMMAND: the command's own options are no oc's — -c there is the shell's.)
    ["oc rsh web sh -c 'rm -rf /data/*'", 'ask'],
    ["docker run --rm -i -v /home/user:/h alpine sh <<'EOF'\necho x >> /h/.bashrc\nEOF", 'deny'],
    // the container's own scratch, a look, or deeper than a mount point
    ["docker exec web sh -c 'pushd /tmp; rm -rf *'", 'allow'],
    ["docker exec -i web sh <<'EOF'\ncd /tmp\nrm -rf *\nEOF", 'allow'],
    ["docker exec web sh -c 'cd /srv\nls'", 'allow'],
    ["docker exec web sh -c 'cd /srv/app/tmp && rm -rf *'", 'allow'],
    ["docker exec web sh -c 'cd -- /var/cache && rm -rf ./*'", 'allow'],
    ["docker exec -i web sh <<'EOF'\nnpm test\nEOF", 'allow'],
    ['docker exec web rm -rf build', 'allow'],
    ["oc rsh web sh -c 'rm -rf /tmp/*'", 'allow'],
    ["docker run --rm -i -v \"$PWD\":/app -w /app node:20 sh <<'EOF'\nrm -rf dist\nnpm run build\nEOF", 'allow'],
  ],
  // Variables and positional parameters: D=/srv; rm -rf "$D", export, a literal loop, "$1"/"$@" after sh -c TEXT NAME.
  'container shell text: variables and positional operands': [
    ["docker exec web sh -c 'D=/srv; cd $D && rm -rf *'", 'ask'],
    ["docker exec web sh -c 'D=/srv; rm -rf \"$D\"'", 'ask'],
    ["docker exec web sh -c 'export D=/srv; rm -rf $D/*'", 'ask'],
    ["docker exec web sh -c 'rm -rf -- \"$1\"' _ /srv", 'ask'],
    ["docker exec web sh -c 'rm -rf \"$@\"' sh /srv /data", 'ask'],
    ["docker exec web sh -c 'for d in /srv /data; do rm -rf $d; done'", 'ask'],
    ["kubectl exec web -- sh -c 'T=/data; rm -rf \"${T:?}\"/*'", 'ask'],
    ["docker run --rm -v data:/d alpine sh -c 'D=/d; rm -rf $D/*'", 'ask'],
    ["docker compose exec app sh -c 'X=/srv; rm -rf ${X}'", 'ask'],
    // the same shapes naming scratch
    ["docker exec web sh -c 'D=/tmp/build; rm -rf \"$D\"'", 'allow'],
    ["docker exec web sh -c 'rm -rf -- \"$1\"' _ /tmp/x", 'allow'],
    ["docker exec web sh -c 'for f in /tmp/a /tmp/b; do rm -rf $f; done'", 'allow'],
    ["docker run --rm -v data:/d alpine sh -c 'D=/d/tmp; rm -rf $D/*'", 'allow'],
  ],
  // What xargs and find -exec are handed: a listing of /srv is its entries.
  'container: xargs and find feed the deleter': [
    ["docker exec web sh -c 'ls /srv | xargs rm -rf'", 'ask'],
    ["docker exec web sh -c 'echo /srv | xargs rm -rf'", 'ask'],
    ["docker exec web sh -c 'find /srv -mindepth 1 -maxdepth 1 -exec rm -rf {} +'", 'ask'],
    ["docker exec web sh -c 'find /data -mindepth 1 -print0 | xargs -0 rm -rf'", 'ask'],
    // (…and a one-liner's literal deletes, judged as rm -rf of those paths on this machine, are judged so there too.)
    ["docker exec web python3 -c 'import shutil; shutil.rmtree(\"/srv\")'", 'ask'],
    ["docker exec web node -e 'require(\"fs\").rmSync(\"/data\",{recursive:true})'", 'ask'],
    ["docker exec web python3 -c 'import shutil; shutil.rmtree(\"/tmp/build\")'", 'allow'],
    ["docker exec web sh -c 'ls /tmp/*.log | xargs rm -f'", 'allow'],
    ["docker exec web sh -c 'find /tmp -mindepth 1 -maxdepth 1 -exec rm -rf {} +'", 'allow'],
    ["docker exec web sh -c 'find /var/cache -type f -delete'", 'allow'],
  ],
  // The directories official database and search images declare as VOLUME: in a running container or a pod their data
  // is mounted there (a PVC, a named volume, a host directory). A fresh `docker run` with every mount on its line has an
  // empty anonymous volume there: its own.
  'container: a database image\'s data directory': [
    ["kubectl exec -it web -- sh -c 'rm -rf /var/lib/postgresql/data'", 'ask'],
    ['docker exec db rm -rf /var/lib/mysql', 'ask'],
    ["docker compose exec db sh -c 'cd /var/lib/postgresql/data && rm -rf *'", 'ask'],
    ['docker exec es rm -rf /usr/share/elasticsearch/data', 'ask'],
    ["docker exec db sh -c 'rm -rf /var/lib/postgresql'", 'ask'],
    // (…and /mnt's and /media's entries, mount points by convention.)
    ['docker exec web rm -rf /mnt/backup', 'ask'],
    ["docker exec web sh -c 'cd /media/usb && rm -rf *'", 'ask'],
    ["docker exec web sh -c 'rm -rf /mnt/backup/tmp'", 'allow'],
    ["docker exec db sh -c 'rm -rf /var/lib/postgresql/data/pg_log/*.log'", 'allow'],
    ['docker exec db ls /var/lib/mysql', 'allow'],
    ["docker exec web sh -c 'rm -rf /var/lib/apt/lists/*'", 'allow'],
    ['docker run --rm postgres:16 rm -rf /var/lib/postgresql/data', 'allow'],
  ],
  // Node-admin pods and debugging containers mount this machine's root at /host: where the judge cannot see the mounts,
  // a write there to a start-up file, a key, a cron or system directory — by the container's shell or copied in with
  // docker/kubectl cp — is the write to this machine it would be. (/rootfs is a build's staging tree as often: not read so.)
  'container: persistence writes below /host whose mount is unseen': [
    ["kubectl exec web -- sh -c 'echo \"* * * * * root x\" > /host/etc/cron.d/x'", 'ask'],
    ["docker exec web sh -c 'echo x >> /host/root/.bashrc'", 'ask'],
    ["docker exec web sh -c 'echo x >> /host/home/user/.bashrc'", 'ask'],
    ["kubectl exec web -- sh -c 'mkdir -p /host/root/.ssh && echo k >> /host/root/.ssh/authorized_keys'", 'ask'],
    ["docker exec web sh -c 'cd /hostfs/etc/profile.d && echo x > evil.sh'", 'ask'],
    ['kubectl cp ./evil.sh web:/host/etc/cron.d/x', 'ask'],
    ['kubectl cp -n ops ./k.pub web:/host/root/.ssh/authorized_keys', 'ask'],
    ['docker cp ./rc web:/host/home/user/.bashrc', 'ask'],
    ["docker exec -i web sh <<'EOF'\necho x >> /host/root/.bashrc\nEOF", 'ask'],
    ["docker exec web sh -c 'echo x >> /host/tmp/x'", 'allow'],
    ["docker exec web sh -c 'cat /host/etc/os-release'", 'allow'],
    ['kubectl cp ./fixtures web:/tmp/fixtures', 'allow'],
    ['docker cp ./dist web:/app/dist', 'allow'],
    ['kubectl cp web:/app/logs/app.log ./app.log', 'allow'],
    ["docker run --rm alpine sh -c 'mkdir -p /rootfs/etc && echo x > /rootfs/etc/motd'", 'allow'],
  ],
  // The compose file a line wrote is read where compose would read it: COMPOSE_FILE's list when no -f names one, and for
  // `docker exec` of the container compose started — PROJECT-SERVICE-N whatever the project's name, or container_name.
  'compose files named by COMPOSE_FILE, and containers named by compose': [
    [`printf 'services:\n  a:\n    image: alpine\n    volumes:\n      - /home/user:/h\n' > ops.yml && COMPOSE_FILE=ops.yml docker compose exec a sh -c 'echo x >> /h/.bashrc'`, 'deny'],
    [`printf 'services:\n  a:\n    image: alpine\n    volumes:\n      - /home/user:/h\n' > ops.yml && export COMPOSE_FILE=ops.yml && docker compose run --rm a rm -rf /h`, 'deny'],
    [`printf 'services:\n  a:\n    image: alpine\n    volumes:\n      - /home/user:/h\n' > compose.yaml && docker compose up -d && docker exec project-a-1 sh -c 'echo x >> /h/.bashrc'`, 'deny'],
    [`printf 'services:\n  a:\n    image: alpine\n    volumes:\n      - /home/user:/h\n' > compose.yaml && docker compose -p x up -d && docker exec x-a-1 sh -c 'cd /h && rm -rf .ssh'`, 'deny'],
    [`printf 'services:\n  a:\n    image: alpine\n    volumes:\n      - /home/user:/h\n' > compose.yml && docker-compose up -d && docker exec project_a_1 rm -rf /h/.ssh`, 'deny'],
    [`printf 'services:\n  a:\n    container_name: box\n    image: alpine\n    volumes:\n      - /home/user:/h\n' > compose.yaml && docker compose up -d && docker exec box sh -c 'echo x >> /h/.zshrc'`, 'deny'],
    // (…and the files the line's compose commands named: docker compose -f FILE up, --project-directory DIR.)
    [`printf 'services:\n  a:\n    image: alpine\n    volumes:\n      - /home/user:/h\n' > ops.yml && docker compose -f ops.yml up -d && docker exec project-a-1 rm -rf /h/.ssh`, 'deny'],
    [`printf 'services:\n  a:\n    image: alpine\n    volumes:\n      - /home/user:/h\n' > ops.yml && docker-compose -f ops.yml -p z up -d && docker exec z_a_1 sh -c 'cd /h && rm -rf .ssh'`, 'deny'],
    [`mkdir -p ops && printf 'services:\n  a:\n    image: alpine\n    volumes:\n      - /home/user:/h\n' > ops/compose.yaml && docker compose --project-directory ops up -d && docker exec ops-a-1 sh -c 'echo x >> /h/.bashrc'`, 'deny'],
    [`printf 'services:\n  a:\n    image: node:20\n    volumes:\n      - .:/app\n' > ops.yml && docker compose -f ops.yml up -d && docker exec project-a-1 rm -rf /app/dist`, 'allow'],
    // the project mounted as ever: the service's work
    [`printf 'services:\n  a:\n    image: node:20\n    volumes:\n      - .:/app\n' > compose.yaml && docker compose up -d && docker exec project-a-1 npm test`, 'allow'],
    [`printf 'services:\n  a:\n    image: node:20\n    volumes:\n      - .:/app\n' > compose.yaml && docker compose up -d && docker exec project-a-1 rm -rf /app/dist`, 'allow'],
    [`printf 'services:\n  a:\n    image: node:20\n    volumes:\n      - .:/app\n' > ops.yml && COMPOSE_FILE=ops.yml docker compose exec a rm -rf /app/node_modules`, 'allow'],
  ],
  // Ordinary local container work stays allowed.
  'container: everyday work': [
    ['docker run --rm -v "$PWD":/app -w /app node:20 npm test', 'allow'],
    ["docker run --rm -v \"$PWD\":/app -w /app node:20 sh -c 'rm -rf node_modules && npm ci && npm test'", 'allow'],
    ["docker exec web sh -c 'cd /tmp && rm -rf *'", 'allow'],
    ['docker compose up -d && docker compose exec app npm test', 'allow'],
    ["kubectl exec web -- sh -c 'rm -rf /tmp/*'", 'allow'],
    ["docker compose run --rm app sh -c 'rm -rf /app/dist && npm run build'", 'allow'],
  ],
});
