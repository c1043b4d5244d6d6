// Python's compile() turns source into a code object and runs nothing itself: what it makes runs only when the code hands
// the object on — exec/eval, types.FunctionType/CodeType, a __code__ swap, timeit, cProfile, runpy, pdb, an interactive
// console. A one-liner whose every compile() is given source the judge reads (a string literal, or an AST built of literal
// nodes — ast.Expression(body=ast.Name(id="x", ctx=ast.Load()))) and that hands nothing on only checks that source: it is
// not code run at run time. Anything else — source read from a file, the arguments or the network — is.
import { argsAt, assignments, expand } from './computed-targets.js';

/** Ways Python runs a code object (exec and eval by name, however spelled, are among them; the function type reached
 *  through type() or __class__ — (lambda: 0).__class__(c, {})() — and bdb's debugger run it too). */
const RUNS_CODE = /\b(?:exec|eval|FunctionType|CodeType|LambdaType|MethodType|__code__|timeit|cProfile|profile|runpy|pdb|trace|InteractiveInterpreter|InteractiveConsole|interact|marshal|getattr|__builtins__|builtins|__class__|type|bdb|vars|modules|setattr|__setattr__|__globals__)\b/;

/** A source argument built only of literals and ast node constructors (names the code assigned once are read as their values). */
function literalSource(arg: string, held: Map<string, string>): boolean {
  const text = expand(arg, held).replace(/(["'])(?:\\.|(?!\1).)*\1/g, '""');
  if (!/^[\s\w.=,()[\]{}:+"-]*$/.test(text)) return false;
  // (Every name is an ast node, a keyword argument, a constant or a number.)
  return [...text.matchAll(/[A-Za-z_][\w.]*(?:\s*=(?!=))?/g)].every((m) => /^ast\.[A-Za-z_]\w*$/.test(m[0]) || /=$/.test(m[0]) || /^(True|False|None)$/.test(m[0]));
}

/** Whether every compile() of Python code is given source the judge reads and the code runs no code object. */
export function readableCompiles(code: string): boolean {
  const bare = code.replace(/(["'])(?:\\.|(?!\1).)*\1/g, '""');
  if (RUNS_CODE.test(bare)) return false;
  const held = assignments(code);
  const calls = [...code.matchAll(/(?<![.\w])compile\s*\(/g)];
  return calls.length > 0 && calls.every((m) => {
    const args = argsAt(code, m.index! + m[0].length - 1);
    return args?.[0] !== undefined && literalSource(args[0], held);
  });
}
