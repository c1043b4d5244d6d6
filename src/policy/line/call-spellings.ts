// Other spellings of the same call, rewritten to the plain one the code patterns read, so that a literal delete or
// command is judged as what it is however it is spelled: require('fs')['unlinkSync']('x'), (fs.unlinkSync)('x'),
// fs.unlinkSync?.('x'), .call(null, 'x'), .apply(null, ['x']); Perl's q(x); Python's subprocess.call(('a', 'b')) and
// args=[…]. (A spelling left unread stays a call computed at run time: the capability checks still see it.)

/** The code with each alternative call spelling of its language written the plain way. */
export function plainCalls(code: string, lang: string): string {
  if (lang === 'node' || lang === 'bun' || lang === 'deno' || lang === '') {
    code = code
      // require('fs')['name'] is require('fs').name (an identifier name only: [k] stays computed; a global's member looked up
      // by a string — globalThis['eval'] — is left to the checks for names looked up).
      .replace(/(require\(\s*(['"])[\w:/.-]+\2\s*\))\[\s*(['"])([A-Za-z_$][\w$]*)\3\s*\]/g, '$1.$4')
      // Optional calls and members: f?.(…) is f(…), a?.b is a.b.
      .replace(/\?\.\s*\(/g, '(').replace(/\?\.(?=[A-Za-z_$])/g, '.')
      // A member called with a space before its parenthesis: fs.unlinkSync ('x').
      .replace(/\.([A-Za-z_$][\w$]*)\s+\(/g, '.$1(')
      // f.call(null, a, b) and f.apply(null, [a, b]) are f(a, b) (a receiver that is no argument).
      .replace(/\.call\(\s*(?:null|undefined|this|globalThis)\s*,\s*/g, '(')
      .replace(/\.apply\(\s*(?:null|undefined|this|globalThis)\s*,\s*\[([^[\]]*)\]\s*\)/g, '($1)')
      // (require('fs').unlinkSync)(…) and (fs.unlinkSync)(…): the parenthesised member is the function called.
      .replace(/\(\s*((?:require\(\s*(['"])[\w:/.-]+\2\s*\)|[A-Za-z_$][\w$]*)(?:\.[A-Za-z_$][\w$]*)+)\s*\)\s*\(/g, '$1(');
  }
  if (lang === 'perl') {
    // q(x), q{x}, q[x] are 'x'; qq(x) without an interpolation is "x".
    code = code.replace(/(?<![\w$@%&])(qq?)\s*(?:\(([^()'"\\$@]*)\)|\{([^{}'"\\$@]*)\}|\[([^[\]'"\\$@]*)\])/g, (_m, q: string, a?: string, b?: string, c?: string) => {
      const body = a ?? b ?? c ?? '';
      return q === 'q' ? `'${body}'` : `"${body}"`;
    });
  }
  if (lang === 'python') {
    code = code
      // subprocess.call(('a', 'b')) runs the same argv as subprocess.call(['a', 'b']); args=[…] is the first argument.
      .replace(/\b(run|call|check_call|check_output|Popen)\(\s*\(([^()]*)\)\s*(?=[,)])/g, '$1([$2]')
      .replace(/\b(run|call|check_call|check_output|Popen)\(\s*args\s*=\s*\[/g, '$1([');
  }
  return code;
}
