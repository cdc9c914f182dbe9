// Properties of the money over the testing kit's streams (a few partners with sponsors,
// certifications, deals of random cent amounts, partial and full refunds that never exceed the
// deal, payouts, custom terms while Elite) plus a few events invalid by design. Checked here
// by the test's own arithmetic, independently of the kit's invariants. Run under
// SISO and under a quick variant (low thresholds, a referral bonus from Starter, two capped
// override levels from Starter and Active with compression, a retroactive Active rate) so that
// bonuses, overrides, caps and top-ups all happen in small streams.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../src/engine/outputs.js';
import { allDeals, allPartners, dealOf } from '../../src/engine/state.js';
import { formatBalance } from '../../src/ledger/balance.js';
import { Decimal } from '../../src/money/decimal.js';
import { decimalOf } from '../../src/money/minor.js';
import type { Program } from '../../src/program/load.js';
import type { ProgramInput } from '../../src/program/schema.js';
import { sisoProgram } from '../../src/program/siso.js';
import { arbitraries } from '../../src/testing/index.js';
import { events, type Outcome, replay, sisoWith } from '../support/scenario.js';

const AS_OF = '2025-09-01T00:00:00Z';
const RUNS = { seed: 42, numRuns: 100 } as const;

function quickProgram(): Program {
  const tiers = JSON.parse(JSON.stringify(sisoProgram.tiers)) as ProgramInput['tiers'];
  // Active from 2 deals (and the certification), Performer from 4, Elite from 6.
  const thresholds = [0, 2, 4, 6];
  tiers.forEach((tier, index) => {
    const first = 'all' in tier.qualify ? tier.qualify.all[0] : undefined;
    if (index > 0 && first && 'fact' in first) first.value = thresholds[index];
  });
  const [starter, active] = tiers;
  if (starter) starter.referralBonusRate = '0.05';
  if (active) active.retroactive = { period: 'month' };
  return sisoWith({
    tiers,
    overrides: {
      basis: 'deal-amount',
      compression: true,
      levels: [
        { level: 1, rate: '0.10', minTier: 'starter' },
        { level: 2, rate: '0.05', minTier: 'active' },
      ],
      caps: { perDeal: '200.00', perPartnerPerPeriod: { amount: '600.00', period: 'month' } },
    },
  });
}

const PROGRAMS: ReadonlyArray<readonly [string, Program]> = [
  ['SISO', sisoProgram],
  ['a quick variant', quickProgram()],
];

const iso = (instant: number) => new Date(instant).toISOString();

/**
 * The kit's valid streams for the programme (partners under sponsors, certifications, deals of
 * random cent amounts, partial and full refunds, payouts within the payable balance, custom terms
 * while Elite), then, at the end, events invalid by design: custom terms from any partner
 * (NOT_ALLOWED unless it is Elite) and payouts beyond anything payable (PAYOUT_EXCEEDS_PAYABLE).
 */
function streamArbitrary(program: Program): fc.Arbitrary<unknown[]> {
  return fc
    .tuple(
      arbitraries.events(program, { partners: 4, months: 4, maxDeals: 30 }),
      fc.array(fc.nat(), { maxLength: 3 }),
    )
    .map(([stream, extras]) => {
      const partners = stream
        .filter((event) => event.type === 'partner.joined')
        .map((event) => String(event.partnerId));
      const last = Date.parse(String(stream[stream.length - 1]?.at ?? '2025-01-01T00:00:00Z'));
      const designed = extras.map((pick, index) => {
        const partnerId = partners[pick % partners.length] as string;
        const at = iso(last + (index + 1) * 60_000);
        return index % 2 === 0
          ? events.terms(partnerId, at, { baseRate: '0.31', overrideRate: '0.12' }, `terms-x${index}`)
          : events.paid(partnerId, '1000000.00', at, `pay-x${index}`);
      });
      return [...stream, ...designed];
    });
}

const STREAMS = new Map(PROGRAMS.map(([, program]) => [program, streamArbitrary(program)]));
const streamsOf = (program: Program) => STREAMS.get(program) as fc.Arbitrary<unknown[]>;

// The same seed gives every property the same streams: replay each stream once per programme.
const replays = new Map<Program, Map<string, Outcome>>(PROGRAMS.map(([, program]) => [program, new Map()]));
function run(program: Program, stream: readonly unknown[]): Outcome {
  const cache = replays.get(program) ?? new Map<string, Outcome>();
  const key = JSON.stringify(stream);
  const cached = cache.get(key);
  if (cached) return cached;
  const outcome = replay(stream, { program, asOf: AS_OF });
  cache.set(key, outcome);
  return outcome;
}
const sum = (amounts: readonly string[]) =>
  amounts.reduce((total, amount) => total.plus(amount), new Decimal(0));

/** The events of a stream that the generator made invalid by design: only NOT_ALLOWED and what follows from it. */
function expectOnlyDesignedRejections(outcome: Outcome): void {
  const allowed = new Set(['NOT_ALLOWED', 'PAYOUT_EXCEEDS_PAYABLE', 'UNKNOWN_DEAL']);
  for (const rejection of outcome.rejected) expect(allowed.has(rejection.code), rejection.message).toBe(true);
}

function expectRoundedProducts(ledger: readonly LedgerEntry[]): void {
  for (const entry of ledger) {
    if (entry.uncapped !== undefined) continue;
    const product = new Decimal(entry.rate).times(entry.basis).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
    expect(entry.amount, entry.id).toBe(product.toFixed(2));
  }
}

function expectFullRefundsNetZero(outcome: Outcome): void {
  for (const deal of allDeals(outcome.state)) {
    if (deal.refunded !== deal.amount) continue;
    const entries = outcome.ledger.filter((entry) => entry.dealId === deal.id);
    for (const partnerId of new Set(entries.map((entry) => entry.partnerId))) {
      const net = sum(entries.filter((entry) => entry.partnerId === partnerId).map((entry) => entry.amount));
      expect(net.toFixed(2), `${partnerId} on ${deal.id}`).toBe('0.00');
    }
  }
}

/** Each clawback is the refunded share of its entry within 0.01: rate × refunded (a capped entry: its share). */
/**
 * Each clawback is within 0.01 of the exact proportion, except the one made by the refund that
 * completes a full refund: it takes the remainder, so the clawbacks of an entry add up to exactly
 * what the entry paid (never a cent more).
 */
function expectProportionalClawbacks(outcome: Outcome, stream: readonly unknown[]): void {
  const byId = new Map(outcome.ledger.map((entry) => [entry.id, entry]));
  const refunds = new Map(
    stream.map((event) => event as { id: string; amount?: string }).map((event) => [event.id, event.amount]),
  );
  const clawbacks = outcome.ledger.filter((entry) => entry.kind === 'clawback');
  const lastOf = new Map(clawbacks.map((clawback) => [clawback.reverses, clawback]));
  for (const clawback of clawbacks) {
    const original = byId.get(clawback.reverses ?? '');
    const refunded = refunds.get(clawback.eventId);
    const deal = dealOf(outcome.state, clawback.dealId);
    if (!original || refunded === undefined || !deal)
      throw new Error(`clawback ${clawback.id} reverses nothing`);
    if (lastOf.get(clawback.reverses) === clawback && deal.refunded === deal.amount) {
      const all = clawbacks.filter((other) => other.reverses === original.id).map((other) => other.amount);
      expect(sum(all).negated().toFixed(2), `${original.id}: clawed back in all`).toBe(original.amount);
      continue;
    }
    const exact =
      original.uncapped === undefined
        ? new Decimal(original.rate).times(refunded)
        : new Decimal(original.amount).times(refunded).dividedBy(decimalOf(deal.amount, 2));
    const distance = new Decimal(clawback.amount).negated().minus(exact).abs();
    expect(distance.lessThanOrEqualTo('0.01'), `${clawback.id}: ${clawback.amount} vs -${exact}`).toBe(true);
  }
}

function expectBalancesMatchLedger(outcome: Outcome): void {
  for (const partner of allPartners(outcome.state)) {
    const balance = formatBalance(partner.balance, 2);
    const { earned, pending, payable, paid } = balance;
    const entries = outcome.ledger.filter((entry) => entry.partnerId === partner.id);
    expect(earned, partner.id).toBe(sum(entries.map((entry) => entry.amount)).toFixed(2));
    expect(earned, partner.id).toBe(sum([pending, payable, paid]).toFixed(2));
    const clawbacks = entries.filter((entry) => entry.kind === 'clawback').map((entry) => entry.amount);
    const clawedBack = sum(clawbacks).negated();
    expect(balance.clawedBack, partner.id).toBe(clawedBack.isZero() ? '0.00' : clawedBack.toFixed(2));
  }
}

describe.each(PROGRAMS)('money properties under %s', (_, program) => {
  it('accepts the generated streams except for the rejections made by design', () => {
    fc.assert(
      fc.property(streamsOf(program), (stream) => expectOnlyDesignedRejections(run(program, stream))),
      RUNS,
    );
  });

  it('makes every entry rate × basis rounded once HALF_EVEN (unless a cap cut it)', () => {
    fc.assert(
      fc.property(streamsOf(program), (stream) => expectRoundedProducts(run(program, stream).ledger)),
      RUNS,
    );
  });

  it('nets a deal refunded in full to 0.00 for every partner', () => {
    fc.assert(
      fc.property(streamsOf(program), (stream) => expectFullRefundsNetZero(run(program, stream))),
      RUNS,
    );
  });

  it('claws back within 0.01 of the exact proportion, and exactly what was paid on a full refund', () => {
    fc.assert(
      fc.property(streamsOf(program), (stream) => expectProportionalClawbacks(run(program, stream), stream)),
      RUNS,
    );
  });

  it('keeps earned = sum of entries = pending + payable + paid, and clawedBack = −(sum of clawbacks)', () => {
    fc.assert(
      fc.property(streamsOf(program), (stream) => expectBalancesMatchLedger(run(program, stream))),
      RUNS,
    );
  });

  it('replays to identical ledgers with unique ids', () => {
    fc.assert(
      fc.property(streamsOf(program), (stream) => {
        const first = run(program, stream);
        const second = replay(stream, { program, asOf: AS_OF });
        expect(second.ledger).toEqual(first.ledger);
        expect(second.state).toEqual(first.state);
        const ids = first.ledger.map((entry) => entry.id);
        expect(new Set(ids).size).toBe(ids.length);
      }),
      RUNS,
    );
  });
});
