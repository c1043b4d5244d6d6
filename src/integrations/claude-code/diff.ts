// A small line diff for `setup --dry-run` (settings files are small: LCS is fine).

/** Lines of `b` against `a`, prefixed '  ', '- ' or '+ '; unchanged runs longer than 2·ctx are elided. */
export function lineDiff(a: string, b: string, ctx = 3): string {
  const x = a.split('\n');
  const y = b.split('\n');
  const n = x.length;
  const m = y.length;
  const L: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) L[i][j] = x[i] === y[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      out.push('  ' + x[i]);
      i++;
      j++;
    } else if (j < m && (i >= n || L[i][j + 1] >= L[i + 1][j])) out.push('+ ' + y[j++]);
    else out.push('- ' + x[i++]);
  }
  // Elide long unchanged stretches.
  const keep = out.map((l, k) => !l.startsWith('  ') || out.slice(Math.max(0, k - ctx), k + ctx + 1).some((o) => !o.startsWith('  ')));
  const res: string[] = [];
  for (let k = 0; k < out.length; k++) {
    if (keep[k]) res.push(out[k]);
    else if (k === 0 || keep[k - 1]) res.push('  …');
  }
  return res.join('\n').replace(/\n {2}$/, '');
}
