// A preview of how the server will share contacts out: each goes to whoever
// holds the fewest open (pending or contacted) contacts, ties to the lower id.

export interface Share {
  staffId: number;
  count: number;
}

/** `loads`: open contacts each chosen person holds now. */
export function previewSplit(staffIds: number[], loads: ReadonlyMap<number, number>, contacts: number): Share[] {
  const ids = [...new Set(staffIds)].sort((a, b) => a - b);
  if (ids.length === 0) return [];
  const held = ids.map((id) => loads.get(id) ?? 0);
  const given = ids.map(() => 0);
  let left = Math.max(0, contacts);
  // Level up the least loaded in whole steps, then hand out the rest one by one.
  while (left > 0) {
    const low = Math.min(...held);
    const atLow = held.map((h, i) => (h === low ? i : -1)).filter((i) => i >= 0);
    const above = held.filter((h) => h > low);
    const nextLevel = above.length ? Math.min(...above) : Infinity;
    const step = Math.min(nextLevel - low, Math.floor(left / atLow.length));
    if (step >= 1) {
      for (const i of atLow) {
        held[i] += step;
        given[i] += step;
      }
      left -= step * atLow.length;
    } else {
      for (const i of atLow) {
        if (left === 0) break;
        held[i] += 1;
        given[i] += 1;
        left -= 1;
      }
    }
  }
  return ids.map((staffId, i) => ({ staffId, count: given[i]! }));
}
