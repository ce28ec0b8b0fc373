/**
 * Two ID numbers that are one slip of the keyboard apart: one character different, or two
 * adjacent characters swapped. Equal numbers are not "near": that is an exact match.
 */
export function nearIds(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let first = -1;
  let differences = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (++differences > 2) return false;
    if (first < 0) first = i;
    else if (i !== first + 1) return false;
  }
  return differences === 1 || (a[first] === b[first + 1] && a[first + 1] === b[first]);
}
