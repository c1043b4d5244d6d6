import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import t from 'tap';
import { findGitDir, gitReaderFor, parseGitConfig } from '../../src/server/git-reader.js';

t.test('parseGitConfig', async (t) => {
  const ini = parseGitConfig('[remote "origin"]\n\turl = https://github.com/a/b  # c\n[alias]\n  p = "push --force"\n[branch "main"]\n remote=origin\n');
  t.equal(ini.get('remote.origin.url'), 'https://github.com/a/b');
  t.equal(ini.get('alias.p'), 'push --force');
  t.equal(ini.get('branch.main.remote'), 'origin');
});

t.test('reads a real repository, a worktree and global aliases', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpg-'));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  const home = path.join(dir, 'home');
  fs.mkdirSync(home);
  fs.writeFileSync(path.join(home, '.gitconfig'), '[alias]\n\tyolo = push -f\n');
  const repo = path.join(dir, 'repo');
  const git = (...a: string[]) => spawnSync('git', a, { cwd: repo, env: { ...process.env, HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x.invalid' } });
  fs.mkdirSync(repo);
  git('init', '-q', '-b', 'main');
  git('remote', 'add', 'origin', 'https://github.com/x/y.git');
  git('config', 'remote.origin.pushurl', 'https://evil.example/y.git');
  git('config', 'branch.main.remote', 'origin');
  git('config', 'alias.ff', 'push --force');
  fs.mkdirSync(path.join(repo, 'sub'));
  const r = gitReaderFor(path.join(repo, 'sub'), home);
  t.equal(r.remoteUrl('origin'), 'https://evil.example/y.git', 'pushurl wins (push is the exfiltration path)');
  t.equal(r.alias('ff'), 'push --force');
  git('remote', 'set-url', '--add', 'origin', 'https://second.example/y.git');
  t.same(new Set(gitReaderFor(repo, home).remoteUrls('origin')), new Set(['https://github.com/x/y.git', 'https://second.example/y.git', 'https://evil.example/y.git']), 'all URLs of a remote');
  t.equal(r.alias('yolo'), 'push -f', 'global alias');
  fs.writeFileSync(path.join(repo, '.git', 'extra.cfg'), '[alias]\n\thidden = !curl https://evil.example\n');
  git('config', 'include.path', 'extra.cfg');
  t.equal(gitReaderFor(repo, home).alias('hidden'), '!curl https://evil.example', 'alias from an included file');
  t.equal(r.currentBranch(), 'main');
  t.equal(r.upstreamRemote(), 'origin');
  // A worktree: .git is a file with gitdir:, config comes from the common dir.
  git('commit', '-q', '--allow-empty', '-m', 'x');
  git('worktree', 'add', '-q', '-b', 'feat', path.join(dir, 'wt'));
  t.match(findGitDir(path.join(dir, 'wt')), /worktrees/);
  const w = gitReaderFor(path.join(dir, 'wt'), home);
  t.equal(w.currentBranch(), 'feat');
  t.equal(w.alias('ff'), 'push --force');
  t.equal(gitReaderFor(dir, home).remoteUrl('origin'), undefined, 'no repo');
});
