/**
 * A line diff of the learner's code against the solution, for "Show the
 * solution": rows of (left line, right line), unchanged lines side by side,
 * removed lines on the left only, added on the right only, and a changed
 * line as one row of both. Longest common subsequence over lines
 * (snippets are tens of lines: the quadratic table is nothing).
 */

export type DiffRow =
  | { readonly kind: "same"; readonly left: string; readonly right: string; readonly leftNo: number; readonly rightNo: number }
  | { readonly kind: "changed"; readonly left: string; readonly right: string; readonly leftNo: number; readonly rightNo: number }
  | { readonly kind: "removed"; readonly left: string; readonly leftNo: number }
  | { readonly kind: "added"; readonly right: string; readonly rightNo: number };

const splitLines = (s: string) => s.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");

/** The rows of a side-by-side diff of `a` (left) against `b` (right). Lines compare ignoring trailing spaces. */
export function diffLines(a: string, b: string): DiffRow[] {
  const left = splitLines(a);
  const right = splitLines(b);
  const key = (s: string) => s.trimEnd();
  const n = left.length;
  const m = right.length;
  // lcs[i][j]: length of the longest common subsequence of left[i..] and right[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = key(left[i]) === key(right[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const raw: DiffRow[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && key(left[i]) === key(right[j])) {
      raw.push({ kind: "same", left: left[i], right: right[j], leftNo: i + 1, rightNo: j + 1 });
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      raw.push({ kind: "added", right: right[j], rightNo: j + 1 });
      j++;
    } else {
      raw.push({ kind: "removed", left: left[i], leftNo: i + 1 });
      i++;
    }
  }
  // Pair each run of removed lines with the added lines beside it: one "changed" row per pair.
  const rows: DiffRow[] = [];
  for (let k = 0; k < raw.length; ) {
    if (raw[k].kind === "same") {
      rows.push(raw[k++]);
      continue;
    }
    const removed: Extract<DiffRow, { kind: "removed" }>[] = [];
    const added: Extract<DiffRow, { kind: "added" }>[] = [];
    while (k < raw.length && raw[k].kind !== "same") {
      const r = raw[k++];
      if (r.kind === "removed") removed.push(r);
      else if (r.kind === "added") added.push(r);
    }
    for (let p = 0; p < Math.max(removed.length, added.length); p++) {
      const l = removed[p];
      const r = added[p];
      if (l && r) rows.push({ kind: "changed", left: l.left, right: r.right, leftNo: l.leftNo, rightNo: r.rightNo });
      else if (l) rows.push(l);
      else if (r) rows.push(r);
    }
  }
  return rows;
}

/** How many rows differ. */
export function changes(rows: readonly DiffRow[]): number {
  return rows.filter((r) => r.kind !== "same").length;
}
