// Round 53 (lead): what the peers' suites (Goose's pattern tests, Continue's terminal-security tests) found —
// a deleter asked only for its usage or version, mke2fs's no-act option found the way its getopt reads it,
// and login or file-share URLs naming a single-label host given to a program Rampart has no model of.
import t from 'tap';
import { lineTable } from '../helpers/engine.js';

await lineTable(t, {
  'a deleter asked for its usage or version removes nothing': [
    ['rm --help ~', 'allow'],
    ['rm --version -rf /', 'allow'],
    ['shred --help ~/.ssh/id_rsa', 'allow'],
    ['mkfs.ext4 -V /dev/sda1', 'allow'],
    // (after `--` it is an operand; after the first operand it is one under POSIXLY_CORRECT, which the judge
    // cannot see in the environment of a script or of git submodule foreach)
    ['rm -rf -- --help ~', 'deny'],
    ['rm -rf ~ --help', 'deny'],
    ['POSIXLY_CORRECT=1 rm -rf ~ --help', 'deny'],
    // (-h is no help to rm; a value option's value is no help either)
    ['rm -rf -h ~', 'deny'],
    ['mkfs.ext4 -L -V /dev/sda1', 'deny'],
  ],
  'mke2fs -n shows what it would do; -n as the value of -L is a label': [
    ['mkfs.ext4 -n /dev/sda1', 'allow'],
    ['mkfs.ext4 -Fn /dev/sda1', 'allow'],
    ['mkfs.ext4 /dev/sda1 -n', 'allow'],
    ['mkfs.ext4 -L -n /dev/sda1', 'deny'],
    ['mkfs.ext4 -Ln /dev/sda1', 'deny'],
    ['mke2fs -L data -F /dev/sdb', 'deny'],
    ['mkfs.xfs -n size=4096 /dev/sda', 'deny'],
  ],
  'a login or file-share URL reaches another machine, single label or not': [
    ['hydra -l admin -P passwords.txt ssh://target', 'ask'],
    ['mount-helper smb://fileserver/share /mnt/x', 'ask'],
    ['fetcher rsync://mirror/pub/x .', 'ask'],
    ['sync-tool sftp://backup/home', 'ask'],
    // (a database or queue a compose file names stays on the local network)
    ['migrate -database postgres://postgres@db:5432/app up', 'allow'],
    ['worker --broker amqp://mq:5672', 'allow'],
    ['checker ssh://localhost', 'allow'],
  ],
});
