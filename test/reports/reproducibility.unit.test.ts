import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sisoProgram } from '../../src/index.js';
import { eventsDigest, programDigest, reproducibilityLine } from '../../src/reports/reproducibility.js';

describe('reproducibility', () => {
  it('hashes events by their canonical form: key order does not matter, content does', () => {
    expect(eventsDigest([{ b: 1, a: 2 }])).toBe(eventsDigest([{ a: 2, b: 1 }]));
    expect(eventsDigest([{ a: 1 }])).not.toBe(eventsDigest([{ a: 2 }]));
    // The canonical form is each event's sorted-key JSON followed by a newline.
    expect(eventsDigest([{ b: 1, a: 2 }, 'x'])).toBe(
      createHash('sha256').update('{"a":2,"b":1}\n"x"\n').digest('hex'),
    );
  });

  it('names a programme by id and version', () => {
    const digest = programDigest('baseline', sisoProgram);
    expect(digest.program).toBe('siso@2025.1');
    expect(digest.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes one line with short hashes, the as-of time and the seed', () => {
    const line = reproducibilityLine({
      events: 'a'.repeat(64),
      eventCount: 3,
      programs: [{ name: 'baseline', program: 'siso@2025.1', sha256: 'b'.repeat(64) }],
      asOf: '2025-12-31T00:00:00.000Z',
      seed: 11,
    });
    expect(line).toBe(
      `events sha256:${'a'.repeat(16)} (3) · baseline siso@2025.1 sha256:${'b'.repeat(16)} · as of 2025-12-31T00:00:00.000Z · seed 11`,
    );
  });
});
