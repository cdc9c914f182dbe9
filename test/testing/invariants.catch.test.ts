// Each invariant catches the fault it is meant for: a result or an engine broken on purpose (a
// rate off by a cent, an entry rounded twice, a clawback skipped, an override paid twice or to
// the wrong partner, a promotion without the facts, payable including held money, an unsorted,
// unrepeatable or forgetful engine) is reported under the invariant's name, while the real
// engine's own result of the same story passes every invariant.
import { describe, expect, it } from 'vitest';
import { type Effect, type LedgerEntry, loadProgram, partnerOf, sisoProgram } from '../../src/index.js';
import { check, InvariantError, invariants } from '../../src/testing/index.js';
import {
  countingEngine,
  createEngine,
  deal,
  forgetfulEngine,
  roundedTwice,
  STORY,
  unsortedEngine,
  withLedger,
  withState,
} from './broken-engines.js';

const engine = createEngine(sisoProgram);
const result = engine.replay(STORY);
const names = (violations: ReadonlyArray<{ invariant: string }>) => [
  ...new Set(violations.map((item) => item.invariant)),
];
const entry = (ledger: readonly LedgerEntry[], id: string) => {
  const found = ledger.find((item) => item.id === id);
  if (!found) throw new Error(`no entry ${id}`);
  return found;
};

/** SISO with a level-1 override from Starter: Ben's deals pay Ana 10 %. */
function withStarterOverrides() {
  const document = JSON.parse(JSON.stringify(sisoProgram));
  document.overrides.levels[0].minTier = 'starter';
  return createEngine(loadProgram(document));
}

describe('on the real engine', () => {
  it('the story keeps every invariant, the replaying ones included', () => {
    expect(result.rejected).toEqual([]);
    expect(check(engine, { events: STORY, result })).toEqual([]);
    expect(check(engine, { events: STORY, asOf: '2025-03-15T00:00:00Z' })).toEqual([]);
  });
});

describe('entriesAreRateTimesBasis', () => {
  it('catches a rate off by one cent', () => {
    // e4: 20 % of 1,000.00 = 200.00; the broken ledger says 200.01.
    const broken = withLedger(result, (ledger) =>
      ledger.map((item) => (item.id === 'e4:commission' ? { ...item, amount: '200.01' } : item)),
    );
    const found = invariants.entriesAreRateTimesBasis(engine, broken);
    expect(found.map((item) => item.message)).toEqual([
      'e4:commission: 0.20 × 1000.00 is 200.00, not 200.01',
    ]);
    expect(names(check(engine, broken))).toEqual([
      'entriesAreRateTimesBasis',
      'balancesMatchLedger',
      'payableExcludesHeld',
    ]);
  });

  it('catches an entry rounded twice', () => {
    // Ana's referral bonus on Ben's 10.29: 0.05 × 10.29 = 0.5145, half-even once is 0.51; rounded
    // half-up to 0.515 first, it becomes 0.52. Every other entry has at most 3 places exact.
    const broken = withLedger(result, (ledger) => ledger.map(roundedTwice));
    expect(invariants.entriesAreRateTimesBasis(engine, broken).map((item) => item.message)).toEqual([
      'e7:referral-bonus: 0.05 × 10.29 is 0.51, not 0.52',
    ]);
  });
});

describe('fullRefundsNetZero and partialRefundsInProportion', () => {
  const refundedInFull = [
    ...STORY,
    { id: 'e9', type: 'deal.refunded', at: '2025-02-01T12:00:00Z', dealId: 'd1', amount: '1000.00' },
  ];
  const full = engine.replay(refundedInFull);

  it('catches a clawback skipped on a full refund', () => {
    // d1 paid Ana 200.00; its full refund claws back -200.00. Without that clawback she nets 200.00.
    const broken = withLedger(full, (ledger) => ledger.filter((item) => item.eventId !== 'e9'));
    expect(invariants.fullRefundsNetZero(engine, broken).map((item) => item.message)).toEqual([
      'deal d1 was refunded in full but nets 200.00 for ana',
    ]);
    expect(names(check(engine, { events: refundedInFull, result: broken }))).toContain(
      'partialRefundsInProportion',
    );
  });

  it('catches a clawback skipped on a partial refund', () => {
    // e8 refunds 500.00 of d2's 1,500.00: 300.00 × 500 / 1500 = 100.00 must come back.
    const broken = withLedger(result, (ledger) => ledger.filter((item) => item.eventId !== 'e8'));
    const found = invariants.partialRefundsInProportion(engine, { events: STORY, result: broken });
    expect(found.map((item) => item.message)).toEqual([
      'e8 refunds 500.00 of 1500.00: e5:commission (300.00) is clawed back 0.00, not about -100.0000',
    ]);
    expect(found[0]?.evidence?.[0]).toMatchObject({ id: 'e5:commission', amount: '300.00' });
  });

  it('catches a partial refund clawed back in full', () => {
    const broken = withLedger(result, (ledger) =>
      ledger.map((item) =>
        item.eventId === 'e8' ? { ...item, amount: '-300.00', basis: '-1500.00' } : item,
      ),
    );
    const found = invariants.partialRefundsInProportion(engine, { events: STORY, result: broken });
    expect(found.map((item) => item.message)).toEqual([
      'e8 refunds 500.00 of 1500.00: e5:commission (300.00) is clawed back -300.00, not about -100.0000',
    ]);
  });
});

describe('overridesFlowUp and ledgerIdsUnique', () => {
  const teamEngine = withStarterOverrides();
  const team = teamEngine.replay(STORY);
  // Ben's 10.29 pays Ana a level-1 override: 0.10 × 10.29 = 1.029, rounded 1.03.
  const override = entry(team.ledger, 'e7:override:1');

  it('passes on the real engine', () => {
    expect(override).toMatchObject({ partnerId: 'ana', sourcePartnerId: 'ben', amount: '1.03', level: 1 });
    expect(check(teamEngine, { events: STORY, result: team })).toEqual([]);
  });

  it('catches an override paid twice', () => {
    const twice = withLedger(team, (ledger) => [...ledger, override]);
    expect(names(check(teamEngine, twice))).toEqual([
      'balancesMatchLedger',
      'ledgerIdsUnique',
      'overridesFlowUp',
      'payableExcludesHeld',
    ]);
    const again = withLedger(team, (ledger) => [...ledger, { ...override, id: 'e7:override:1:again' }]);
    expect(invariants.overridesFlowUp(teamEngine, again).map((item) => item.message)).toEqual([
      'deal d4 pays ana level 1 twice: e7:override:1 and e7:override:1:again',
    ]);
  });

  it('catches an override to the seller itself or to a partner below the seller', () => {
    const own = withLedger(team, (ledger) =>
      ledger.map((item) => (item.id === override.id ? { ...item, partnerId: 'ben' } : item)),
    );
    expect(invariants.overridesFlowUp(teamEngine, own).map((item) => item.message)).toEqual([
      'e7:override:1: ben earns an override on its own deal',
    ]);
    const downward = withLedger(team, (ledger) => [
      ...ledger,
      {
        ...override,
        id: 'e4:override:ben:1',
        partnerId: 'ben',
        sourcePartnerId: 'ana',
        dealId: 'd1',
        eventId: 'e4',
      },
    ]);
    expect(invariants.overridesFlowUp(teamEngine, downward).map((item) => item.message)).toEqual([
      'e4:override:ben:1: ben is not above ana (upline: none)',
    ]);
  });
});

describe('capacityRespected', () => {
  it('catches a tier holding more partners than its places', () => {
    const document = JSON.parse(JSON.stringify(sisoProgram));
    document.tiers[1].capacity = 1;
    const oneActive = createEngine(loadProgram(document));
    const real = oneActive.replay(STORY);
    expect(check(oneActive, real)).toEqual([]);
    const broken = withState(real, (state) => {
      const ben = partnerOf(state, 'ben');
      if (ben) ben.tier = 1;
    });
    expect(invariants.capacityRespected(oneActive, broken)).toEqual([
      {
        invariant: 'capacityRespected',
        message: '2 partners hold active, which has 1 places',
        evidence: [{ tier: 'active', partners: ['ana', 'ben'] }],
      },
    ]);
  });
});

describe('capacityRespected under versions', () => {
  it('counts the most places any version in force so far gave the tier', () => {
    // Active has 1 place, and 2 from 15 January (version 2025.2): two Active partners at the end
    // of the story (30 January) are within it.
    const document = JSON.parse(JSON.stringify(sisoProgram));
    document.tiers[1].capacity = 1;
    document.versions = [
      { version: '2025.2', effectiveFrom: '2025-01-15T00:00:00Z', tiers: { active: { capacity: 2 } } },
    ];
    const twoPlaces = createEngine(loadProgram(document));
    const bothActive = withState(twoPlaces.replay(STORY), (state) => {
      const ben = partnerOf(state, 'ben');
      if (ben) ben.tier = 1;
    });
    expect(invariants.capacityRespected(twoPlaces, bothActive)).toEqual([]);
  });
});

describe('payableExcludesHeld', () => {
  it('catches payable including money still in its hold', () => {
    // As of 15 February only d1's hold has ended (10 January + 30 days = 9 February): Ana's payable
    // is 200.00; the rest, 300.00 - 100.00 + 440.00 + 0.51 = 640.51, is pending.
    const asOf = '2025-02-15T00:00:00Z';
    const real = engine.replay(STORY, { asOf });
    // In minor units: 20,000 and 64,051 cents.
    expect(partnerOf(real.state, 'ana')?.balance).toMatchObject({ payable: 20_000, pending: 64_051 });
    const broken = withState(real, (state) => {
      const ana = partnerOf(state, 'ana');
      if (ana) Object.assign(ana.balance, { payable: 84_051, pending: 0 });
    });
    expect(check(engine, broken).map((item) => item.message)).toEqual([
      'ana: payable 840.51 + paid 0.00 should be 200.00 (holds ended by 2025-02-15T00:00:00.000Z), pending 0.00 should be 640.51',
    ]);
  });
});

describe('promotionsHadTheFacts', () => {
  it('catches a promotion injected without the facts', () => {
    const promotion: Effect = {
      id: 'e7:tier.promoted:ben:active',
      type: 'tier.promoted',
      partnerId: 'ben',
      from: 'starter',
      to: 'active',
      at: '2025-01-29T12:00:00.000Z',
      eventId: 'e7',
    };
    const broken = { ...result, effects: [...result.effects, promotion] };
    const found = invariants.promotionsHadTheFacts(engine, { events: STORY, result: broken });
    expect(found.map((item) => item.message)).toEqual([
      'e7:tier.promoted:ben:active: ben was promoted to active at 2025-01-29T12:00:00.000Z, but active\'s qualify rule did not hold on {"countedDeals":1,"trainingsCompleted":[]}',
    ]);
  });

  it('catches an engine that promotes one deal early', () => {
    // A build that judges Active at 2 deals promotes Ana at e5; SISO needs 3.
    const document = JSON.parse(JSON.stringify(sisoProgram));
    document.tiers[1].qualify.all[0].value = 2;
    const early = createEngine(loadProgram(document)).replay(STORY);
    const found = invariants.promotionsHadTheFacts(engine, { events: STORY, result: early });
    expect(found.map((item) => item.message)).toEqual([
      'e5:tier.promoted:ana:active: ana was promoted to active at 2025-01-20T12:00:00.000Z, but active\'s qualify rule did not hold on {"countedDeals":2,"trainingsCompleted":["certification"]}',
    ]);
  });
});

describe('the replaying invariants', () => {
  const shuffled = [...STORY].reverse();

  it('orderIndependent catches an engine that folds in input order', () => {
    const unsorted = unsortedEngine(engine);
    const found = invariants.orderIndependent(unsorted, { events: STORY });
    expect(names(found)).toEqual(['orderIndependent']);
    expect(found[0]?.message).toMatch(/^the events in reversed time order give another result: /);
    expect(check(engine, { events: shuffled })).toEqual([]);
  });

  it('deterministic catches an engine with a hidden counter', () => {
    const found = invariants.deterministic(countingEngine(engine), { events: STORY });
    // 6 entries each time: Ana's 3 commissions, Ben's, Ana's referral bonus and the clawback.
    expect(found.map((item) => item.message)).toEqual([
      'two replays of the same events differ: ledger entry 0 differs (6 vs 6 in all)',
    ]);
  });

  it('survivesJsonRoundTrip catches a state that loses its pending balances when read back', () => {
    const found = invariants.survivesJsonRoundTrip(forgetfulEngine(engine), { events: STORY });
    // Cut after 4 of 8 events (Ana's first deal): her 200.00 pending is lost from the saved state.
    expect(found.map((item) => item.message)).toEqual([
      'saved as JSON after 4 of 8 events and continued: partner ana differs in balance',
    ]);
  });
});

describe('invariants.assert', () => {
  it('throws an InvariantError naming the invariant, with the evidence and events as NDJSON', () => {
    const broken = withLedger(result, (ledger) => ledger.filter((item) => item.eventId !== 'e8'));
    const thrown = (() => {
      try {
        invariants.assert(
          engine,
          { events: STORY, result: broken },
          { only: ['partialRefundsInProportion'] },
        );
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(thrown).toBeInstanceOf(InvariantError);
    const lines = (thrown as Error).message.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '1 invariant violation(s): partialRefundsInProportion',
      '- partialRefundsInProportion: e8 refunds 500.00 of 1500.00: e5:commission (300.00) is clawed back 0.00, not about -100.0000',
      '  evidence (3):',
    ]);
    expect(lines).toContain(
      `    ${JSON.stringify(deal('e5', 'ana', 'd2', '1500.00', '2025-01-20T12:00:00Z'))}`,
    );
    expect(lines).toContain('events (8):');
  });
});

describe('invariants.check', () => {
  it('refuses a name that is no invariant, and a subject without events or a result', () => {
    expect(() => check(engine, result, { only: ['balancesMatchLedgr' as 'balancesMatchLedger'] })).toThrow(
      /^no invariant is named "balancesMatchLedgr"; the names are entriesAreRateTimesBasis, /,
    );
    expect(() => check(engine, { events: 'e1' as unknown as unknown[] })).toThrow(
      new RangeError('the subject must be a replay result or { events, result? }, with events an array'),
    );
  });

  it('leaves out the invariants that need the events when given a bare result', () => {
    const onResult = invariants.list.filter((item) => !item.needsEvents).map((item) => item.name);
    expect(onResult).toEqual([
      'entriesAreRateTimesBasis',
      'fullRefundsNetZero',
      'balancesMatchLedger',
      'ledgerIdsUnique',
      'capacityRespected',
      'overridesFlowUp',
      'payableExcludesHeld',
    ]);
    // A promotion injected into a bare result goes unseen; with the events, it is caught.
    const promotion: Effect = {
      id: 'e2:tier.promoted:ben:active',
      type: 'tier.promoted',
      partnerId: 'ben',
      from: 'starter',
      to: 'active',
      at: '2025-01-07T09:00:00.000Z',
      eventId: 'e2',
    };
    const broken = { ...result, effects: [...result.effects, promotion] };
    expect(check(engine, broken)).toEqual([]);
    expect(names(check(engine, { events: STORY, result: broken }))).toEqual(['promotionsHadTheFacts']);
  });
});
