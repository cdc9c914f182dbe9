// Elite capacity (SISO-PROGRAM.md, "Reviews and retention": limited places, first come first
// served). With a variant programme whose Elite has 1 place, a second partner reaching 25 deals is
// waitlisted, stays Performer (paid 25 %), and is promoted at the instant the place frees up.
import { describe, expect, it } from 'vitest';
import { events, replay } from '../support/scenario.js';
import {
  certifiedPartner,
  dealRun,
  featuresOf,
  OWN_UNLOCKS,
  sisoWithEliteCapacity,
  statusOf,
} from '../support/tiers.js';

const program = sisoWithEliteCapacity(1);

/** Certified on 2025-01-01; 25 deals of 1,000.00 one an hour from `from`. */
const toElite = (partnerId: string, from: string) => [
  ...certifiedPartner(partnerId, '2025-01-01'),
  ...dealRun(partnerId, { from, count: 25 }),
];

/** Two deals a quarter keep a Performer's review passed (maintain ≥ 2). */
const keepPerformer = (partnerId: string, first: number, from: string) =>
  dealRun(partnerId, { from, count: 2, first, everyHours: 24 });

// "holder" reaches 25 deals on 2025-01-03T00:00 (2025-01-02 + 24 h), "zed" on 2025-02-02T00:00,
// "amy" on 2025-03-02T00:00: zed waits first although "amy" sorts first by id. The holder closes
// nothing after Q1: at risk on 2025-07-01, demoted on 2025-10-01.
const given = [
  ...toElite('holder', '2025-01-02'),
  ...toElite('zed', '2025-02-01'),
  ...toElite('amy', '2025-03-01'),
  ...keepPerformer('zed', 26, '2025-05-01T10:00:00Z'),
  ...keepPerformer('amy', 26, '2025-05-01T11:00:00Z'),
  ...keepPerformer('zed', 28, '2025-08-01T10:00:00Z'),
  ...keepPerformer('amy', 28, '2025-08-01T11:00:00Z'),
];

describe('Elite capacity (1 place)', () => {
  const beforeReview = replay(given, { asOf: '2025-09-30T00:00:00Z', program });

  it('promotes the first partner to reach 25 deals', () => {
    expect(beforeReview.tierOf('holder')).toBe('elite');
    expect(beforeReview.entries({ kind: 'commission', dealId: 'holder-d25' })[0]?.rate).toBe('0.30');
  });

  it('waitlists the second: tier.waitlisted from performer to elite at its 25th deal', () => {
    // Other fields (a message) are additions the contract allows.
    expect(beforeReview.effectsOf({ type: 'tier.waitlisted', partnerId: 'zed' })).toEqual([
      expect.objectContaining({
        type: 'tier.waitlisted',
        partnerId: 'zed',
        from: 'performer',
        to: 'elite',
        at: '2025-02-02T00:00:00.000Z',
        eventId: 'e-zed-d25',
      }),
    ]);
    expect(beforeReview.effectsOf({ type: 'tier.waitlisted', partnerId: 'amy' })).toEqual([
      expect.objectContaining({ to: 'elite', eventId: 'e-amy-d25' }),
    ]);
  });

  it('keeps the waitlisted partner Performer, status "waitlisted", paid 25 %', () => {
    expect(beforeReview.tierOf('zed')).toBe('performer');
    expect(statusOf(beforeReview, 'zed')).toBe('waitlisted');
    // 0.25 × 1,000.00 = 250.00 for the 25th deal and for the later ones.
    for (const dealId of ['zed-d25', 'zed-d26', 'zed-d29']) {
      expect(beforeReview.entries({ kind: 'commission', dealId })[0]).toMatchObject({
        rate: '0.25',
        tier: 'performer',
        amount: '250.00',
      });
    }
    expect(beforeReview.engine.can(beforeReview.state, 'zed', 'co-marketing')).toBe(false);
  });

  describe('when the holder is demoted at the 2025-10-01 review', () => {
    const at = '2025-10-01T00:00:00.000Z';
    const afterReview = replay([...given, events.deal('zed', 'zed-d30', '1000.00', '2025-10-10')], {
      program,
    });

    it('promotes the first waiting partner at that same instant (eventId null)', () => {
      expect(afterReview.tierOf('holder')).toBe('performer');
      expect(afterReview.tierOf('zed')).toBe('elite');
      const moves = afterReview.effects.filter(
        (effect) => effect.at === at && effect.type.startsWith('tier.'),
      );
      expect(moves).toEqual([
        expect.objectContaining({
          type: 'tier.demoted',
          partnerId: 'holder',
          from: 'elite',
          to: 'performer',
          eventId: null,
        }),
        expect.objectContaining({
          type: 'tier.promoted',
          partnerId: 'zed',
          from: 'performer',
          to: 'elite',
          eventId: null,
        }),
      ]);
      expect(featuresOf(afterReview, 'zed', 'feature.unlocked').slice(-11)).toEqual([...OWN_UNLOCKS.elite]);
    });

    it('leaves the second waiting partner waitlisted, and the promoted one in good standing', () => {
      expect(afterReview.tierOf('amy')).toBe('performer');
      expect(statusOf(afterReview, 'amy')).toBe('waitlisted');
      expect(statusOf(afterReview, 'zed')).toBe('good');
    });

    it('pays the promoted partner Elite 30 % from then on (300.00)', () => {
      expect(afterReview.entries({ kind: 'commission', dealId: 'zed-d30' })[0]).toMatchObject({
        rate: '0.30',
        tier: 'elite',
        amount: '300.00',
      });
    });
  });

  it('waitlists the demoted holder behind the partner still waiting when it qualifies again', () => {
    // holder (demoted from Elite, 25 counted) closes 3 deals in Q4: Elite's maintain (≥ 3 this
    // quarter so far) holds again, but zed took the one place and amy waits first.
    const regain = dealRun('holder', { from: '2025-11-01', count: 3, first: 26 });
    const outcome = replay([...given, ...regain], { program });
    expect(outcome.tierOf('holder')).toBe('performer');
    expect(outcome.effectsOf({ type: 'tier.waitlisted', partnerId: 'holder' })).toEqual([
      expect.objectContaining({ from: 'performer', to: 'elite', eventId: 'e-holder-d28' }),
    ]);
    expect(outcome.state.waitlists[3]).toEqual(['amy', 'holder']);
  });

  it('promotes as far as there is room and waitlists for the full tier in the same event', () => {
    // 25 deals before the certification: the chain supports Elite, which is full (holder has it),
    // so the certification promotes to Performer and waitlists for Elite at once.
    const late = [
      events.joined('late', '2025-01-01T00:00:00Z', null, 'join-late'),
      ...dealRun('late', { from: '2025-04-01', count: 25 }),
      events.trained('late', '2025-04-05', 'certification', 'cert-late'),
    ];
    const outcome = replay([...toElite('holder', '2025-01-02'), ...late], { program });
    const effects = outcome.effects.filter((e) => e.eventId === 'cert-late' && e.type.startsWith('tier.'));
    expect(effects).toEqual([
      expect.objectContaining({ type: 'tier.promoted', partnerId: 'late', from: 'starter', to: 'performer' }),
      expect.objectContaining({ type: 'tier.waitlisted', partnerId: 'late', from: 'performer', to: 'elite' }),
    ]);
    expect(statusOf(outcome, 'late')).toBe('waitlisted');
  });

  it('passes over a waiting partner who no longer qualifies when the place frees up', () => {
    // zed closed 29 deals; refunding 5 in full on 2025-09-01 leaves 29 − 5 = 24 counted < 25.
    const refunds = [25, 26, 27, 28, 29].map((n) =>
      events.refund(`zed-d${n}`, '1000.00', `2025-09-01T0${n - 25}:00:00Z`, `refund-zed-${n}`),
    );
    const outcome = replay([...given, ...refunds], { asOf: '2025-10-01T00:00:00Z', program });
    expect(outcome.partner('zed').countedDeals).toBe(24);
    // zed cannot take the place; amy, next in line, gets it at the review.
    expect(outcome.tierOf('zed')).toBe('performer');
    expect(outcome.tierOf('amy')).toBe('elite');
    expect(outcome.effectsOf({ type: 'tier.promoted', partnerId: 'amy', to: 'elite' })).toEqual([
      expect.objectContaining({ at: '2025-10-01T00:00:00.000Z', eventId: null }),
    ]);
  });
});

describe('Elite capacity in SISO (20 places)', () => {
  it('promotes the first 20 partners to reach 25 deals and waitlists the 21st', () => {
    // Partner n (1…21) closes its 25 deals on day n of February 2025, one an hour.
    const ids = Array.from({ length: 21 }, (_, index) => `e${String(index + 1).padStart(2, '0')}`);
    const given = ids.flatMap((id, index) => [
      ...certifiedPartner(id, '2025-01-01'),
      ...dealRun(id, { from: `2025-02-${String(index + 1).padStart(2, '0')}`, count: 25 }),
    ]);
    const outcome = replay(given);
    expect(ids.slice(0, 20).every((id) => outcome.tierOf(id) === 'elite')).toBe(true);
    expect(outcome.tierOf('e21')).toBe('performer');
    expect(statusOf(outcome, 'e21')).toBe('waitlisted');
    expect(outcome.effectsOf({ type: 'tier.waitlisted' }).map((effect) => effect.partnerId)).toEqual(['e21']);
  });
});
