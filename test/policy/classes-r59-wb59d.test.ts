// Round 59 (wb59d): regressions the round's helper branch and late fixes made (whitebox59d), closed.
import t from 'tap';
import { lineTable, toolRows, type ToolRow } from '../helpers/engine.js';

await lineTable(t, {
  // P2: php's built-in server given a router script answers every request through it: the router decides what is
  // served, so one from outside the project, on every interface, shares what it reads (serves-files: ask), whatever the
  // document root says. The project's own front controller, or any router on localhost, shares nothing new.
  // A2: a one-liner's operand only read — open(sys.argv[1]), fs.readFileSync(process.argv[1]), File.read(ARGV[0]),
  // file_get_contents($argv[1]) — is its input, not a target: code writing a file of its own (out.json) writes the
  // project, not the operand. Any other use of the vector (a second index, an alias, a write mode) is still a write.
  'one-liners reading their operand': [
    ["python3 -c 'import sys,json; d=json.load(open(sys.argv[1])); json.dump(d, open(\"out.json\",\"w\"), indent=2)' ~/Downloads/data.json", 'allow'],
    ["node -e 'const fs=require(\"fs\"); fs.writeFileSync(\"out.txt\", fs.readFileSync(process.argv[1]))' /etc/hosts", 'allow'],
    ["ruby -e 'File.write(\"out.txt\", File.read(ARGV[0]))' /usr/share/dict/words", 'allow'],
    ["php -r 'file_put_contents(\"out.txt\", file_get_contents($argv[1]));' /tmp/in.txt", 'allow'],
    ["python3 -c 'import sys; d=open(sys.argv[1]).read(); open(sys.argv[2], \"a\").write(d)' /tmp/evil ~/.bashrc", 'deny'],
    ["python3 -c 'import sys; open(sys.argv[1], \"r+\").write(\"x\")' ~/.bashrc", 'deny'],
    ["python3 -c 'import sys; open(sys.argv[1], mode=\"a\").write(\"x\")' ~/.bashrc", 'deny'],
    ["python3 -c 'import sys; open(sys.argv[1]); f=sys.argv[1]; open(f, \"a\").write(\"x\")' ~/.bashrc", 'deny'],
    ["node -e 'const fs=require(\"fs\"); fs.readFileSync(process.argv[1]); fs.appendFileSync(process.argv[1], \"x\")' ~/.profile", 'deny'],
    ["ruby -e 'File.write(ARGV[1], File.read(ARGV[0]))' /tmp/evil ~/.zshrc", 'deny'],
    ["php -r 'file_put_contents($argv[2], file_get_contents($argv[1]));' /tmp/evil ~/.bashrc", 'deny'],
  ],
  'php -S with a router from elsewhere': [
    ['php -S 0.0.0.0:8000 -t public /tmp/router.php', 'ask'],
    ['php -S0.0.0.0:8000 -t public ~/router.php', 'ask'],
    ['php -S 0.0.0.0:8000 -t public ../router.php', 'ask'],
    ['php -S 0.0.0.0:8000 /tmp/router.php', 'ask'],
    ['php -S 0.0.0.0:8000 -t public public/index.php', 'allow'],
    ['php -d display_errors=1 -S 0.0.0.0:8000 -t public public/index.php', 'allow'],
    ['php -S localhost:8000 -t public /tmp/router.php', 'allow'],
    ['php -S 0.0.0.0:8000 -t public', 'allow'],
  ],
});

t.test('tool names read by their own part, not their server\'s', async (t) => {
  const rows: ToolRow[] = [
    // T1: a merge tool is `gh pr merge` (ask: into main); only a tool whose own name opens, edits or comments on a
    // request merges nothing. A server named openapi/newgit/createhub, or a trailing "with_comment", is no such tool.
    ['mcp__openapi__merge_pull_request', { owner: 'acme', repo: 'app', pull_number: 7, merge_method: 'squash' }, 'ask'],
    ['mcp__newgit__merge_pull_request', { owner: 'acme', repo: 'app', pull_number: 7 }, 'ask'],
    ['mcp__gitlab__merge_merge_request_with_comment', { project_id: 'acme/app', merge_request_iid: 7 }, 'ask'],
    ['mcp__createhub__accept_merge_request', { project_id: 'acme/app', merge_request_iid: 7 }, 'ask'],
    ['mcp__github__merge_pull_request', { owner: 'acme', repo: 'app', pull_number: 7 }, 'ask'],
    ['mcp__gitlab__create_merge_request', { project_id: 'acme/app', source_branch: 'feature/x', target_branch: 'main', title: 'x' }, 'allow'],
    ['mcp__github__create_pull_request', { owner: 'acme', repo: 'app', head: 'feature/x', base: 'main', title: 'x' }, 'allow'],
    ['mcp__gitlab__create_merge_request_note', { project_id: 'acme/app', merge_request_iid: 7, body: 'LGTM' }, 'allow'],
    // T2: a listing prints names, not contents (DESIGN: listing ~/.ssh allow, reading it ask). A tool is a listing by
    // a whole word of its own name — list_directory, directory_tree, stat — not by letters anywhere: treesitter's
    // parse_file, file_statistics, list_lines, tree_print and stats_dump print what they are given.
    ['mcp__treesitter__parse_file', { path: '/home/user/.ssh/id_rsa' }, 'ask'],
    ['mcp__stats__file_statistics', { path: '/home/user/.aws/credentials' }, 'ask'],
    ['mcp__x__list_lines', { path: '/home/user/.ssh/id_rsa' }, 'ask'],
    ['mcp__x__tree_print', { path: '/home/user/project/.env' }, 'ask'],
    ['mcp__x__stats_dump', { file: '/home/user/.git-credentials' }, 'ask'],
    ['mcp__x__list_and_dump', { path: '/home/user/.npmrc' }, 'ask'],
    ['mcp__fs__list_directory', { path: '/home/user/.ssh' }, 'allow'],
    ['mcp__filesystem__directory_tree', { path: '/home/user/project/src' }, 'allow'],
    ['mcp__fs__stat', { path: '/home/user/.kube/config' }, 'allow'],
    ['mcp__fs__list_allowed_directories', {}, 'allow'],
    ['list_directory', { path: '/home/user/.ssh' }, 'allow'],
  ];
  await toolRows(t, rows);
});
