import { describe, expect, it } from 'vitest';
import { IdFilter } from '../../src/engine/id-filter.js';

describe('IdFilter', () => {
  it('holds every id added, through its growth', () => {
    const filter = new IdFilter();
    // 20,000 ids: the table starts at 4,096 slots and doubles past half full, four times over.
    const ids = Array.from({ length: 20_000 }, (_, index) => `e${index}`);
    for (const id of ids) filter.add(id);
    expect(ids.every((id) => filter.mayHold(id))).toBe(true);
  });

  it('says an id it was never given is not there (bar the odd hash collision)', () => {
    const filter = new IdFilter();
    for (let index = 0; index < 10_000; index++) filter.add(`deal-${index}`);
    // 10,000 other ids against 10,000 32-bit hashes: a collision has odds of about 2 in 100,000
    // per id, so all but at most a few must be told apart; in fact none of these collide.
    const others = Array.from({ length: 10_000 }, (_, index) => `other-${index}`);
    expect(others.filter((id) => filter.mayHold(id))).toEqual([]);
  });

  it('keeps the empty id and ids added twice', () => {
    const filter = new IdFilter();
    filter.add('');
    filter.add('a');
    filter.add('a');
    expect(filter.mayHold('')).toBe(true);
    expect(filter.mayHold('a')).toBe(true);
    expect(filter.mayHold('b')).toBe(false);
  });
});
