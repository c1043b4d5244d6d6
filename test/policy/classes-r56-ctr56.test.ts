// Round 56 (ctr56): a command run in a container, a system container or a VM is judged against the host paths its mounts
// expose (elsewhere.ts). Those mounts are not only the ones its own options name: another command of the same line may
// have set them up — a named volume created as a bind, a compose file the line wrote, a disk added to an lxc/incus
// instance or profile, a multipass mount, a container started with --name. And where the judge cannot know what is
// mounted (a named volume made before the line, exec into a running container, a compose file on disk), a recursive
// delete of a volume's mount point or of a top directory no image has may destroy a mount of this machine: asked.
// Also the container's shell text: ${x:=/d}, $PWD after a cd, relative paths after -w / or a cd in the text.
import t from 'tap';
import { lineTable } from '../helpers/engine.js';

await lineTable(t, {
  'a named volume the line created as a bind is that host directory inside the container': [
    ['docker volume create --driver local --opt type=none --opt o=bind --opt device=/srv sv && docker run --rm -v sv:/d alpine rm -rf /d', 'deny'],
    ['podman volume create -o type=none -o o=bind -o device=/srv sv && podman run --rm -v sv:/d alpine rm -rf /d', 'deny'],
    // (the name after the options, --opt=, a --mount spelling of the same volume)
    ['docker volume create sv --opt=o=bind --opt=device=/home/user --opt=type=none; docker run --rm --mount type=volume,src=sv,dst=/h alpine rm -rf /h/.ssh', 'deny'],
    ['docker volume create --name sv --opt o=bind --opt device=/srv --opt type=none && docker run --rm -v sv:/d alpine rm -rf /d/*', 'deny'],
    // (a persistence write through it: a systemd user unit)
    ['nerdctl volume create --opt o=bind --opt device=/home/user/.config/systemd/user u && nerdctl run --rm -v u:/u alpine sh -c \'printf x > /u/x.service\'', 'deny'],
    // (bound to the docker socket: the container controls the machine)
    ['docker volume create -o o=bind -o device=/var/run/docker.sock s && docker run --rm -v s:/var/run/docker.sock docker:cli docker ps', 'ask'],
  ],
  'a compose file the line writes gives its services the mounts and privileges it names': [
    ['printf \'services:\\n  a:\\n    image: alpine\\n    volumes: ["/srv:/d"]\\n\' > compose.yaml && docker compose run --rm a rm -rf /d', 'deny'],
    ['printf \'services:\\n  a:\\n    image: alpine\\n    volumes: ["/srv:/d"]\\n\' > /tmp/c.yml && docker compose -f /tmp/c.yml run --rm a rm -rf /d', 'deny'],
    ['printf \'services:\\n  a:\\n    image: alpine\\n    volumes: ["/srv:/d"]\\n\' > /tmp/c.yml && docker-compose -f /tmp/c.yml run a rm -rf /d', 'deny'],
    // (the long syntax, and a named volume whose driver_opts bind a device)
    ['printf \'services:\\n  a:\\n    image: alpine\\n    volumes:\\n      - type: bind\\n        source: /srv\\n        target: /d\\n\' > compose.yaml && docker compose run --rm a rm -rf /d', 'deny'],
    ['printf \'services:\\n  a:\\n    image: alpine\\n    volumes:\\n      - sv:/d\\nvolumes:\\n  sv:\\n    driver_opts:\\n      type: none\\n      o: bind\\n      device: /srv\\n\' > compose.yml && docker compose run --rm a rm -rf /d', 'deny'],
    // (written through tee; HOME bound)
    ['printf \'services:\\n  a:\\n    image: alpine\\n    volumes: ["~:/h"]\\n\' | tee /tmp/c.yml >/dev/null && docker compose -f /tmp/c.yml run --rm a rm -rf /h/.ssh', 'deny'],
    // (a flow mapping echoed; a here-doc through cat)
    ['echo \'services: {a: {image: alpine, volumes: ["/srv:/d"]}}\' > compose.yaml && docker compose run --rm a rm -rf /d', 'deny'],
    ['cat > docker-compose.yml <<\'EOF\'\nservices:\n  a:\n    image: alpine\n    volumes:\n      - /home/user:/h\nEOF\ndocker compose run --rm a sh -c \'rm -rf /h/.ssh\'', 'deny'],
    // (read from a here-doc: -f -)
    ['docker compose -f - run --rm a rm -rf /d <<\'EOF\'\nservices:\n  a:\n    image: alpine\n    volumes: ["/srv:/d"]\nEOF', 'deny'],
    // (a privileged service: the machine's)
    ['printf \'services:\\n  a:\\n    image: alpine\\n    privileged: true\\n\' > /tmp/c.yml && docker compose -f /tmp/c.yml run --rm a sh', 'ask'],
    // (a file the line wrote that the judge cannot read — an anchor — leaves the service's mounts unplaced)
    ['printf \'services:\\n  a: &x\\n    image: alpine\\n\' > /tmp/c.yml && docker compose -f /tmp/c.yml run --rm a rm -rf /d', 'deny'],
  ],
  'a disk or mount the line gives a system container or a VM is reached there': [
    ['incus config device add c h disk source=/srv path=/h && incus exec c -- rm -rf /h', 'deny'],
    ['lxc config device add c proj disk source=/home/user/project path=/p && lxc exec c -- rm -rf /p/.git', 'ask'],
    // (a profile's disk: any instance may have it)
    ['lxc profile device add default h disk source=/srv path=/h && lxc exec c1 -- rm -rf /h', 'deny'],
    ['incus config device add c h disk source=/ path=/host && incus exec c -- sh', 'ask'],
    ['multipass mount /srv primary:/mnt/s && multipass exec primary -- rm -rf /mnt/s', 'deny'],
    // (without a path, at the source's own path; mounted at launch)
    ['multipass mount /srv primary && multipass exec primary -- rm -rf /srv', 'deny'],
    ['multipass launch --name vm --mount /srv:/mnt/s && multipass exec vm -- rm -rf /mnt/s', 'deny'],
    // (a container the line started with a name keeps its mounts for a later exec)
    ['docker run -d --name c1 -v /srv:/d alpine sleep 1d && docker exec c1 rm -rf /d', 'deny'],
  ],
  'where the mounts cannot be known, a delete of a directory no image has may destroy one: asked': [
    ['docker run --rm -v data:/d alpine rm -rf /d', 'ask'],
    ['docker exec web rm -rf /srv', 'ask'],
    ['docker compose run --rm web rm -rf /data/*', 'ask'],
    ['kubectl exec deploy/api -- rm -rf /data', 'ask'],
    ['docker exec web sh -c \'rm -rf /backup/*\'', 'ask'],
    ['docker run --rm --mount type=volume,src=home,dst=/h alpine rm -rf /h', 'ask'],
  ],
  'the container\'s shell text: parameter defaults, $PWD after a cd, relative paths from -w or a cd': [
    ['docker run --rm -v /srv:/d alpine sh -c \'rm -rf ${x:=/d}\'', 'deny'],
    ['docker run --rm -v /srv:/d alpine sh -c \'rm -rf ${x:-/d}/*\'', 'deny'],
    ['docker run --rm -v /srv:/d alpine sh -c \'cd /d && rm -rf "$PWD"\'', 'deny'],
    ['docker run --rm -v /srv:/d alpine sh -c \'cd /d && rm -rf "$(pwd)"\'', 'deny'],
    ['docker run --rm -v /home/user/.config/systemd/user:/u -w / alpine sh -c \'printf "[Service]\\nExecStart=/tmp/x\\n" > u/x.service\'', 'deny'],
    ['docker run --rm -v /home/user/.config/systemd/user:/u alpine sh -c \'cd / && printf x > u/x.service\'', 'deny'],
    ['docker run --rm -v /srv:/mnt/d -w /mnt alpine sh -c \'rm -rf d\'', 'deny'],
    ['docker run --rm -v /srv:/mnt/d alpine sh -c \'cd /mnt && rm -rf ./d\'', 'deny'],
  ],
  'benign look-alikes: volumes without a bind, project-only compose files, tmpfs, named caches, the image\'s own dirs': [
    ['docker volume create cache && docker run --rm -v cache:/c alpine rm -rf /c/*', 'allow'],
    ['docker run --rm -v node_modules:/app/node_modules -v "$PWD":/app -w /app node:20 npm ci', 'allow'],
    ['docker run --rm -v gocache:/root/.cache/go-build -v "$PWD":/src -w /src golang:1.22 go build ./...', 'allow'],
    ['printf \'services:\\n  a:\\n    image: node:20\\n    volumes: [".:/app"]\\n    working_dir: /app\\n\' > compose.yaml && docker compose run --rm a rm -rf /app/dist', 'allow'],
    ['printf \'services:\\n  a:\\n    image: node:20\\n    volumes:\\n      - .:/app\\n      - type: tmpfs\\n        target: /tmp\\n\' > compose.yaml && docker compose run --rm a sh -c \'rm -rf /tmp/* dist\'', 'allow'],
    ['docker run --rm --tmpfs /scratch alpine rm -rf /scratch/x', 'allow'],
    ['docker compose run --rm api npm test', 'allow'],
    ['docker compose run --rm web rm -rf /app/tmp/cache', 'allow'],
    ['docker compose run --rm web rm -rf /app/node_modules/.cache', 'allow'],
    ['docker compose exec -T api rm -f /tmp/app.lock', 'allow'],
    ['docker exec web rm -rf /tmp/cache', 'allow'],
    // (deeper than a mount point, a container's paths stay its own, as round 54 ruled)
    ['nerdctl exec app rm -rf /srv/tmp', 'allow'],
    ['docker run --rm -v pgdata:/var/lib/postgresql/data alpine rm -rf /var/lib/postgresql/data/pg_wal/tmp', 'allow'],
    ['lxc exec dev -- rm -rf /var/www/html/cache', 'allow'],
    ['docker exec app-api-1 rm -rf /app/tmp/cache', 'allow'],
    ['docker run --rm alpine sh -c \'rm -rf /var/cache/apk/* && apk add --no-cache git\'', 'allow'],
    ['docker run -d --name pg -v pgdata:/var/lib/postgresql/data postgres:16 && docker exec pg rm -rf /tmp/x', 'allow'],
    ['docker run --rm -v "$PWD":/app -w / alpine sh -c \'ls app\'', 'allow'],
    ['docker run --rm alpine sh -c \'cd / && rm -rf tmp/x\'', 'allow'],
    ['lxc config device add c proj disk source=/home/user/project path=/p && lxc exec c -- rm -rf /p/dist', 'allow'],
    ['multipass mount ./data primary:/mnt/d && multipass exec primary -- ls /mnt/d', 'allow'],
    ['docker run --rm -v /srv:/d alpine sh -c \'x=1; echo ${x:-/d}\'', 'allow'],
    ['docker run --rm -v "$PWD":/app -e HOME=/app/.home -w /app node:20 sh -c \'rm -rf ~/.npm && npm ci\'', 'allow'],
  ],
});
