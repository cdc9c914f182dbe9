// The outbox over PostgreSQL: effects oldest first by the order they were added, an effect id
// kept once per stream, each claim counted as an attempt.
import type { Effect } from '../../engine/outputs.js';
import { checkCount, StoreError } from '../errors.js';
import type { Outbox, OutboxItem } from '../types.js';
import { effectRows, insertEffects } from './append.js';
import type { SqlQueryable } from './database.js';
import { column, readCount, readJson } from './rows.js';

export function postgresOutbox(database: SqlQueryable, stream: string): Outbox {
  return {
    add: async (effects) => {
      const { ids, texts } = effectRows(effects);
      await insertEffects(database, stream, ids, texts);
    },
    claim: async (limit) => claim(database, stream, checkCount(limit, 'limit', 1)),
    delivered: async (ids) => {
      if (!Array.isArray(ids)) throw new StoreError('INVALID_ARGUMENT', 'must be an array', 'ids');
      // An id with a NUL character cannot be in a text column: nothing to mark.
      const stored = ids.filter((id): id is string => typeof id === 'string' && !id.includes('\u0000'));
      if (stored.length === 0) return;
      await database.query(
        `UPDATE partner_engine_outbox SET delivered_at = now()
         WHERE stream = $1 AND effect_id = ANY($2::text[]) AND delivered_at IS NULL`,
        [stream, stored],
      );
    },
  };
}

/**
 * Counts one more attempt on the oldest `limit` undelivered effects and returns them with the
 * attempts before this one. One statement, so one transaction: its rows are locked FOR UPDATE
 * until it ends, and SKIP LOCKED lets a second deliverer's claim pass over them meanwhile.
 */
async function claim(database: SqlQueryable, stream: string, limit: number): Promise<OutboxItem[]> {
  const { rows } = await database.query(
    `WITH oldest AS (
       SELECT sequence FROM partner_engine_outbox
       WHERE stream = $1 AND delivered_at IS NULL
       ORDER BY sequence LIMIT $2
       FOR UPDATE SKIP LOCKED
     )
     UPDATE partner_engine_outbox AS outbox SET attempts = outbox.attempts + 1
     FROM oldest WHERE outbox.sequence = oldest.sequence
     RETURNING outbox.sequence, outbox.effect, outbox.attempts`,
    [stream, limit],
  );
  const items = rows.map((row) => {
    const sequence = readCount(
      column(row, 'sequence', 'partner_engine_outbox'),
      'partner_engine_outbox.sequence',
    );
    const path = `partner_engine_outbox[${sequence}]`;
    const attempts = readCount(column(row, 'attempts', path), `${path}.attempts`);
    const effect = readJson(column(row, 'effect', path), `${path}.effect`) as Effect;
    return { sequence, item: { effect, attempts: attempts - 1 } };
  });
  // RETURNING gives no order: put them oldest first.
  return items.sort((left, right) => left.sequence - right.sequence).map(({ item }) => item);
}
