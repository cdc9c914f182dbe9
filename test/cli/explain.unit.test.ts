// `partner-engine explain` through its command function: an entry's derivation, a partner's
// statement, and the errors for unusable arguments.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { explainCommand } from '../../src/cli/commands/explain.js';
import { CliError } from '../../src/cli/io.js';
import { events as smallHistory } from '../support/small-history.js';

let events: string;

beforeAll(() => {
  const folder = mkdtempSync(join(tmpdir(), 'explain-'));
  events = join(folder, 'events.ndjson');
  const stream = [
    { id: 'j1', type: 'partner.joined', at: '2025-01-01T00:00:00Z', partnerId: 'p1', sponsorId: null },
    {
      id: 'c1',
      type: 'training.completed',
      at: '2025-01-01T01:00:00Z',
      partnerId: 'p1',
      moduleId: 'certification',
    },
    {
      id: 'd1',
      type: 'deal.closed',
      at: '2025-01-02T00:00:00Z',
      partnerId: 'p1',
      dealId: 'x1',
      amount: '10.75',
      currency: 'USD',
    },
    { id: 'r1', type: 'deal.refunded', at: '2025-01-03T00:00:00Z', dealId: 'x1', amount: '5.00' },
  ];
  writeFileSync(events, stream.map((event) => JSON.stringify(event)).join('\n'));
});

const options = { events: '', format: 'table' as const };

describe('partner-engine explain', () => {
  it('derives an entry: 20 % of 10.75 = 2.15 exactly, rounded HALF_EVEN to 2.15', () => {
    const text = explainCommand({ ...options, events, entry: 'd1:commission' });
    expect(text).toContain('20 % of 10.75 = 2.15 USD, rounded HALF_EVEN to 2.15');
    expect(text).toContain('caused by event d1');
  });

  it('explains a clawback and the entry it reverses: 20 % of -5.00 = -1.00', () => {
    const text = explainCommand({ ...options, events, entry: 'r1:clawback:d1:commission' });
    expect(text).toContain('Entry r1:clawback:d1:commission (clawback, -1.00 USD)');
    expect(text).toContain('Reverses d1:commission (commission, 2.15 USD)');
  });

  it('gives the derivation as JSON', () => {
    const explanation = JSON.parse(
      explainCommand({ ...options, events, entry: 'd1:commission', format: 'json' }),
    );
    // 0.20 × 10.75 = 2.15 exactly: nothing to round.
    expect(explanation.derivation).toEqual({
      rate: '0.20',
      basis: '10.75',
      exact: '2.15',
      rounding: 'HALF_EVEN',
      amount: '2.15',
    });
  });

  it('shows a statement: 2.15 earned, 1.00 clawed back, closing 1.15', () => {
    const statement = JSON.parse(
      explainCommand({ ...options, events, partner: 'p1', format: 'json' }),
    ).statement;
    expect(statement).toMatchObject({
      openingBalance: '0.00',
      closingBalance: '1.15',
      totalsByKind: { commission: '2.15', clawback: '-1.00' },
    });
  });

  it('shows the control characters of ids from the events, never sends them to the terminal', () => {
    const folder = mkdtempSync(join(tmpdir(), 'explain-control-'));
    const file = join(folder, 'events.ndjson');
    // A partner id carrying an escape sequence that would clear the screen, and a carriage return.
    const id = 'p\u001b[2J\r1';
    const stream = [
      { id: 'j1', type: 'partner.joined', at: '2025-01-01T00:00:00Z', partnerId: id, sponsorId: null },
      {
        id: 'd1\u0007',
        type: 'deal.closed',
        at: '2025-01-02T00:00:00Z',
        partnerId: id,
        dealId: 'x1',
        amount: '10.00',
        currency: 'USD',
      },
    ];
    writeFileSync(file, stream.map((event) => JSON.stringify(event)).join('\n'));
    const partner = explainCommand({ ...options, events: file, partner: id });
    expect(partner).toContain('Partner p\\x1B[2J\\x0D1: Starter');
    const entry = explainCommand({ ...options, events: file, entry: 'd1\u0007:commission' });
    expect(entry).toContain('Entry d1\\x07:commission (commission, 2.00 USD)');
    // Nothing but line ends is a control character in either text.
    for (const text of [partner, entry]) expect(text.replace(/\n/g, '')).not.toMatch(/\p{Cc}/u);
    // A line end in a programme's tier name stays on its line: it cannot forge one.
    const program = JSON.parse(readFileSync('examples/programs/siso.json', 'utf8'));
    program.tiers[1].name = 'Active\nFORGED LINE';
    const programFile = join(folder, 'program.json');
    writeFileSync(programFile, JSON.stringify(program));
    const forged = explainCommand({ ...options, events: file, partner: id, program: programFile });
    expect(forged.split('\n').some((line) => line.startsWith('FORGED'))).toBe(false);
    expect(forged).toContain('Progress to Active\\x0AFORGED LINE: ');
  });

  it('refuses both or neither of --entry and --partner, and an unknown entry, with exit code 2', () => {
    expect(() => explainCommand({ ...options, events })).toThrow(CliError);
    expect(() => explainCommand({ ...options, events, entry: 'x', partner: 'p1' })).toThrow(/exactly one/);
    expect(() => explainCommand({ ...options, events, entry: 'nope' })).toThrow(/UNKNOWN_ENTRY/);
  });
});

describe('partner-engine explain --partner for an at-risk partner', () => {
  it('says what keeps the tier at the next review, in words', () => {
    // b (small history): Active from 12 March, no deal in Q2: at risk after the 1 July review.
    // Active keeps its tier with 1 counted deal in the quarter; the next review is 1 October.
    const folder = mkdtempSync(join(tmpdir(), 'explain-risk-'));
    const file = join(folder, 'events.ndjson');
    writeFileSync(file, smallHistory.map((event) => JSON.stringify(event)).join('\n'));
    const text = explainCommand({ ...options, events: file, partner: 'b', at: '2025-07-15T00:00:00Z' });
    expect(text).toContain(
      'Active Partner is at risk: the review of 2025-10-01T00:00:00.000Z judges it (missing it means Starter Partner). To keep it:',
    );
    expect(text).toMatch(/Close 1 deal this review period\s+│ 0 of 1 deal\s+│ no/);
    // Requirements read as words, not as a fact and an operator.
    expect(text).not.toContain('greaterThanInclusive');
  });
});
