// The team graph and what a host reads from it: `engine.team(state, id, { depth })` (the
// downline breadth first with levels, the aggregates, the upline) and the team facts rules see,
// all net of refunds; `sellingSubPartners` counts direct sub-partners with a counted deal, so it
// falls when a sub-partner's only deal is refunded in full.
import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/engine/calendar.js';
import { EngineError } from '../../src/engine/errors.js';
import { partnerFacts } from '../../src/facts/partner-facts.js';
import { joinedPartner } from '../commissions/givens.js';
import { events, type Outcome, replay, sisoWith } from '../support/scenario.js';

//  s
//  ├── x1 ── y1 ── z1
//  └── x2 ── y2
// Everyone joins in January (x1 before x2, y1 before y2) and sells once in March.
const tree = [
  ...joinedPartner('s', '2025-01-01', { certified: false }),
  ...joinedPartner('x1', '2025-01-02', { sponsorId: 's', certified: false }),
  ...joinedPartner('x2', '2025-01-03', { sponsorId: 's', certified: false }),
  ...joinedPartner('y1', '2025-01-04', { sponsorId: 'x1', certified: false }),
  ...joinedPartner('y2', '2025-01-05', { sponsorId: 'x2', certified: false }),
  ...joinedPartner('z1', '2025-01-06', { sponsorId: 'y1', certified: false }),
  events.deal('x1', 'x1-d', '1000.00', '2025-03-02'),
  events.deal('x2', 'x2-d', '500.00', '2025-03-03'),
  events.deal('y1', 'y1-d', '300.00', '2025-03-04'),
  events.deal('y2', 'y2-d', '200.00', '2025-03-05'),
  events.deal('z1', 'z1-d', '100.00', '2025-03-06'),
];
// x1's deal refunded 400.00 of 1,000.00; y1's only deal refunded in full.
const refunds = [
  events.refund('x1-d', '400.00', '2025-03-20', 'refund-x1'),
  events.refund('y1-d', '300.00', '2025-03-21', 'refund-y1'),
];

const member = (partnerId: string, level: number, sponsorId: string, deals: number, revenue: string) => ({
  partnerId,
  level,
  sponsorId,
  tier: 'starter',
  deals,
  revenue,
});

/** The facts a rule would see for the partner at `at`. */
const factsAt = (outcome: Outcome, partnerId: string, at: string) =>
  partnerFacts(outcome.record(partnerId), {
    compiled: outcome.engine.compiled,
    calendar: new Calendar('UTC'),
    instant: Date.parse(at),
  });

describe('engine.team', () => {
  const outcome = replay(tree);

  it('lists the downline breadth first to the depth asked, with the aggregates of every level', () => {
    // Level 1: x1 1,000.00 + x2 500.00 = 1,500.00; level 2: y1 300.00 + y2 200.00 = 500.00;
    // level 3: z1 100.00. In all 2,100.00 over 5 partners.
    expect(outcome.engine.team(outcome.state, 's', { depth: 2 })).toEqual({
      partnerId: 's',
      upline: [],
      size: 5,
      sizeByLevel: [2, 2, 1],
      revenue: '2100.00',
      revenueByLevel: ['1500.00', '500.00', '100.00'],
      directSubPartners: 2,
      sellingSubPartners: 2,
      members: [
        member('x1', 1, 's', 1, '1000.00'),
        member('x2', 1, 's', 1, '500.00'),
        member('y1', 2, 'x1', 1, '300.00'),
        member('y2', 2, 'x2', 1, '200.00'),
      ],
    });
  });

  it('lists direct sub-partners only by default, and every level when asked', () => {
    const { engine, state } = outcome;
    expect(engine.team(state, 's').members.map((entry) => entry.partnerId)).toEqual(['x1', 'x2']);
    expect(engine.team(state, 's', { depth: 3 }).members.at(-1)).toEqual(member('z1', 3, 'y1', 1, '100.00'));
    expect(engine.team(state, 's', { depth: 0 }).members).toEqual([]);
  });

  it('gives the upline nearest first, and an empty team for a partner with none', () => {
    expect(outcome.engine.team(outcome.state, 'z1')).toMatchObject({
      upline: ['y1', 'x1', 's'],
      size: 0,
      sizeByLevel: [],
      revenue: '0.00',
      members: [],
    });
    // x1's team: y1 (300.00) at level 1, z1 (100.00) at level 2.
    expect(outcome.engine.team(outcome.state, 'x1')).toMatchObject({
      upline: ['s'],
      size: 2,
      sizeByLevel: [1, 1],
      revenue: '400.00',
      revenueByLevel: ['300.00', '100.00'],
    });
  });

  it('refuses a partner who has not joined and a depth that is not a whole number', () => {
    const { engine, state } = outcome;
    expect(() => engine.team(state, 'nobody')).toThrow(EngineError);
    expect(() => engine.team(state, 'nobody')).toThrow(/UNKNOWN_PARTNER/);
    expect(() => engine.team(state, 's', { depth: -1 })).toThrow(/INVALID_ARGUMENT/);
    expect(() => engine.team(state, 's', { depth: 1.5 })).toThrow(/INVALID_ARGUMENT/);
  });

  it('counts team revenue net of refunds, at the level the seller sits', () => {
    const refunded = replay([...tree, ...refunds]);
    // Level 1: 1,500.00 - 400.00 = 1,100.00; level 2: 500.00 - 300.00 = 200.00; level 3 100.00.
    // In all 2,100.00 - 700.00 = 1,400.00.
    expect(refunded.engine.team(refunded.state, 's', { depth: 2 })).toMatchObject({
      revenue: '1400.00',
      revenueByLevel: ['1100.00', '200.00', '100.00'],
      sellingSubPartners: 2,
      members: [
        member('x1', 1, 's', 1, '600.00'),
        member('x2', 1, 's', 1, '500.00'),
        member('y1', 2, 'x1', 0, '0.00'),
        member('y2', 2, 'x2', 1, '200.00'),
      ],
    });
    // x1's only direct sub-partner, y1, has no counted deal left: x1 has no selling sub-partner.
    expect(refunded.engine.team(refunded.state, 'x1')).toMatchObject({
      revenue: '100.00',
      revenueByLevel: ['0.00', '100.00'],
      sellingSubPartners: 0,
    });
  });
});

describe('engine.team before any sale', () => {
  const quiet = [
    ...joinedPartner('s', '2025-01-01', { certified: false }),
    ...joinedPartner('x', '2025-01-02', { sponsorId: 's', certified: false }),
  ];

  // revenueByLevel has a figure for every level that has members, sold or not.
  it('reads 0.00 revenue for every level that has members', () => {
    const outcome = replay(quiet);
    expect(outcome.engine.team(outcome.state, 's')).toMatchObject({
      sizeByLevel: [1],
      revenueByLevel: ['0.00'],
    });
  });

  // Rules see it too: level 1 team revenue reads 0 before the first sale.
  it('lets a rule read level 1 team revenue as 0 before the first sale', () => {
    const program = sisoWith({
      milestones: [
        {
          id: 'quiet-team',
          message: 'Your team is getting started',
          when: {
            all: [
              { fact: 'directSubPartners', operator: 'greaterThanInclusive', value: 1 },
              { fact: 'teamRevenueByLevel', path: '$[0]', operator: 'lessThan', value: 1000 },
            ],
          },
        },
      ],
    });
    const outcome = replay([...quiet, events.deal('x', 'x-d', '10.00', '2025-01-03')], { program });
    // x's joining gives s a direct sub-partner with 0 revenue: 1 ≥ 1 and 0 < 1,000.
    expect(outcome.effectsOf({ type: 'milestone.reached', partnerId: 's' })).toMatchObject([
      { eventId: 'join-x' },
    ]);
  });

  // The query returns copies: a host may change them without changing the state.
  it('gives answers a host may change without changing the state', () => {
    const outcome = replay([...quiet, events.deal('x', 'x-d', '10.00', '2025-01-03')]);
    const answer = outcome.engine.team(outcome.state, 's');
    (answer.sizeByLevel as number[]).push(7);
    (answer.revenueByLevel as string[]).push('7.00');
    expect(outcome.engine.team(outcome.state, 's')).toMatchObject({
      sizeByLevel: [1],
      revenueByLevel: ['10.00'],
    });
  });
});

describe('team facts', () => {
  it('give rules the team’s size, revenue and make-up', () => {
    const outcome = replay([...tree, ...refunds]);
    // As above: 1,400.00 net, all of it closed in March.
    expect(factsAt(outcome, 's', '2025-03-31T12:00:00Z')).toMatchObject({
      directSubPartners: 2,
      sellingSubPartners: 2,
      directSubPartnersAtOrAbove: { starter: 2, active: 0, performer: 0, elite: 0 },
      teamSize: 5,
      teamSizeByLevel: [2, 2, 1],
      teamRevenue: 1400,
      teamRevenueByLevel: [1100, 200, 100],
      teamMonthRevenue: 1400,
      teamQuarterRevenue: 1400,
    });
    // In April the month's team revenue starts again at 0; the quarter's too (Q2).
    expect(factsAt(outcome, 's', '2025-04-10T00:00:00Z')).toMatchObject({
      teamRevenue: 1400,
      teamMonthRevenue: 0,
      teamQuarterRevenue: 0,
    });
  });
});

describe('rules on team revenue', () => {
  // A deal changes the team revenue of every partner above the seller: a rule reading it is
  // judged again for each of them, at the deal's own event (the events of the deals are "e-" and
  // the deal id).
  it('hold for a partner levels above the seller at the deal that takes it over', () => {
    const program = sisoWith({
      milestones: [
        {
          id: 'team-400',
          message: 'Your team has sold 400.00',
          when: { all: [{ fact: 'teamRevenue', operator: 'greaterThanInclusive', value: 400 }] },
        },
        {
          id: 'team-month-1500',
          message: 'Your team has sold 1,500.00 this month',
          when: { all: [{ fact: 'teamMonthRevenue', operator: 'greaterThanInclusive', value: 1500 }] },
        },
      ],
    });
    const outcome = replay(tree, { program });
    // s: 1,000.00 (x1) reaches 400; 1,000.00 + 500.00 (x2) = 1,500.00 in March reaches 1,500.
    // x1: 300.00 (y1, level 1) + 100.00 (z1, level 2) = 400.00 at z1's deal.
    // y1: 100.00 (z1) only; x2: 200.00 (y2) only: neither reaches 400.
    const reached = outcome.effectsOf({ type: 'milestone.reached' });
    const rows = reached.map((effect) => [
      effect.partnerId,
      effect.type === 'milestone.reached' ? effect.milestone : effect.type,
      effect.eventId,
    ]);
    expect(rows).toEqual([
      ['s', 'team-400', 'e-x1-d'],
      ['s', 'team-month-1500', 'e-x2-d'],
      ['x1', 'team-400', 'e-z1-d'],
    ]);
  });
});

describe('sellingSubPartners', () => {
  const steps = [
    ...joinedPartner('s', '2025-01-01', { certified: false }),
    ...joinedPartner('x', '2025-01-02', { sponsorId: 's', certified: false }),
    events.deal('x', 'x-d1', '1000.00', '2025-01-03'),
    events.refund('x-d1', '400.00', '2025-01-04'),
    events.refund('x-d1', '600.00', '2025-01-05'),
    events.deal('x', 'x-d2', '500.00', '2025-01-06'),
    events.deal('x', 'x-d3', '500.00', '2025-01-07'),
    events.refund('x-d2', '500.00', '2025-01-08'),
  ];
  /** s's selling sub-partners after the first `count` events. */
  const sellingAfter = (count: number) => {
    const outcome = replay(steps.slice(0, count));
    return outcome.engine.team(outcome.state, 's').sellingSubPartners;
  };

  it('rises with a sub-partner’s first counted deal and falls when it is refunded in full', () => {
    expect(sellingAfter(2)).toBe(0); // x joined, no deal
    expect(sellingAfter(3)).toBe(1); // x-d1 counted
    expect(sellingAfter(4)).toBe(1); // 400.00 of 1,000.00 refunded: still counted
    expect(sellingAfter(5)).toBe(0); // the other 600.00: x-d1 refunded in full, x has no counted deal
    expect(sellingAfter(6)).toBe(1); // x-d2 counted
    expect(sellingAfter(7)).toBe(1); // x-d3: x still counts once
    expect(sellingAfter(8)).toBe(1); // x-d2 refunded in full, x-d3 still counted
  });
});
