// Character error rate: edits (insert, delete, substitute) to turn what OCR read into the
// truth, over the truth's length. Whitespace runs count as one space; case counts.
export function edits(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min(sub, (prev[j] as number) + 1, (row[j - 1] as number) + 1));
    }
    prev = row;
  }
  return prev[b.length] as number;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Summed over pairs: Σ edits ÷ Σ truth length (so long slides weigh as much as they hold). */
export function cer(pairs: readonly { read: string; truth: string }[]): number {
  let e = 0;
  let n = 0;
  for (const p of pairs) {
    const truth = norm(p.truth);
    e += edits(norm(p.read), truth);
    n += truth.length;
  }
  return n === 0 ? 0 : e / n;
}
