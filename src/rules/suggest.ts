// "Did you mean …?" for a misspelt name: the known name closest by edit distance, offered only
// when it is close enough to be the likely intent (a third of the name's length, at least 1).

/**
 * The Damerau–Levenshtein distance (optimal string alignment): insertions, deletions,
 * substitutions and swaps of two neighbours each cost 1.
 *
 * @example
 * editDistance('countedDeal', 'countedDeals')
 * //=> 1
 * editDistance('greaterThanInclsuive', 'greaterThanInclusive')
 * //=> 1 (a swap)
 */
export function editDistance(from: string, to: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= from.length; i++) rows.push([i]);
  for (let j = 1; j <= to.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= from.length; i++) {
    const row = rows[i] as number[];
    const above = rows[i - 1] as number[];
    for (let j = 1; j <= to.length; j++) {
      const cost = from[i - 1] === to[j - 1] ? 0 : 1;
      let best = Math.min(
        (above[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (above[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && from[i - 1] === to[j - 2] && from[i - 2] === to[j - 1]) {
        best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = best;
    }
  }
  return (rows[from.length] as number[])[to.length] as number;
}

/** Names longer than this are not compared (the table grows with the product of the lengths). */
const LONGEST_COMPARED = 200;

/**
 * The known name a misspelt one most likely meant, or `undefined` when none is close. Case is
 * ignored for the distance (so `countedeals` finds `countedDeals`); ties go to the first known.
 *
 * @example
 * closestName('countedDeal', ['countedDeals', 'dealsClosed'])
 * //=> 'countedDeals'
 * closestName('banana', ['countedDeals'])
 * //=> undefined
 */
export function closestName(name: string, known: Iterable<string>): string | undefined {
  if (name.length > LONGEST_COMPARED) return undefined;
  const most = Math.max(1, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    if (candidate === name || candidate.length > LONGEST_COMPARED) continue;
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance <= most && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The suggestion text for a misspelt name, or `undefined`.
 *
 * @example
 * didYouMean('activ', ['starter', 'active'])
 * //=> 'did you mean "active"?'
 */
export function didYouMean(name: string, known: Iterable<string>): string | undefined {
  const closest = closestName(name, known);
  return closest === undefined ? undefined : `did you mean ${JSON.stringify(closest)}?`;
}
