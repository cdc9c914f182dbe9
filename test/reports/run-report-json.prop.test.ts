// The run report written a piece at a time is byte for byte JSON.stringify(report, null, 2),
// whatever the elements hold: nested empty arrays and objects, escapes, any Unicode.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  JsonElements,
  memberClosing,
  memberOpening,
  REPORT_CLOSING,
  reportOpening,
  writeMember,
} from '../../src/reports/run-report-json.js';

const element = fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue(), { maxKeys: 5 });
const list = fc.array(element, { maxLength: 6 });

describe('the run report written in pieces', () => {
  it('is what JSON.stringify prints for the whole', () => {
    fc.assert(
      fc.property(fc.option(fc.string()), list, list, list, list, list, (asOf, ...lists) => {
        const [partners, ledger, effects, rejected, skipped] = lists;
        const pieces: string[] = [];
        const sink = { write: (text: string) => pieces.push(text) };
        sink.write(reportOpening(asOf));
        writeMember(sink, 'partners', partners);
        // The ledger as `run` writes it: elements spooled apart, then framed.
        const spooled: string[] = [];
        const entries = new JsonElements({ write: (text) => spooled.push(text) });
        for (const entry of ledger) entries.add(entry);
        sink.write(memberOpening('ledger') + spooled.join('') + memberClosing(entries.count));
        writeMember(sink, 'effects', effects);
        writeMember(sink, 'rejected', rejected);
        writeMember(sink, 'skipped', skipped);
        sink.write(REPORT_CLOSING);
        const whole = { asOf, partners, ledger, effects, rejected, skipped };
        expect(pieces.join('')).toBe(`${JSON.stringify(whole, null, 2)}\n`);
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});
