// Every promotion happened when the rules held: replaying the events up to each `tier.promoted`
// (its event, or the moment of time-driven work), the partner's facts at that moment, read with
// `partnerFacts`, must meet the qualify rule of the tier reached and of every tier below it.
import {
  Calendar,
  type Effect,
  type Engine,
  partnerFacts,
  partnerOf,
  type TierEffect,
  versionAt,
} from '../../index.js';
import { inReplayOrder, instantOf } from './events-read.js';
import { type Invariant, type Violation, violation } from './types.js';

type Batch = ReturnType<Engine['batch']>;

const isPromotion = (effect: Effect): effect is TierEffect => effect.type === 'tier.promoted';

function judge(engine: Engine, batch: Batch, calendar: Calendar, promotion: TierEffect): Violation[] {
  const { compiled } = engine;
  const instant = Date.parse(promotion.at);
  const partner = partnerOf(batch.result().state, promotion.partnerId);
  const target = compiled.tierIndex.get(promotion.to);
  if (!partner || target === undefined) {
    const message = `${promotion.id}: ${promotion.partnerId} promoted to ${promotion.to}, which the replay does not know`;
    return [violation('promotionsHadTheFacts', message, [promotion])];
  }
  const facts = partnerFacts(partner, { compiled, calendar, instant });
  // The entry tier's qualify is never judged: joining is not a promotion.
  const unmet = versionAt(compiled, instant)
    .tiers.slice(1, target + 1)
    .filter((tier) => !tier.qualify.test(facts));
  return unmet.map((tier) => {
    const read = Object.fromEntries(tier.qualify.facts.map((name) => [name, facts[name]]));
    const message = `${promotion.id}: ${promotion.partnerId} was promoted to ${promotion.to} at ${promotion.at}, but ${tier.id}'s qualify rule did not hold on ${JSON.stringify(read)}`;
    return violation('promotionsHadTheFacts', message, [promotion, { rule: tier.qualify.rule, facts: read }]);
  });
}

export const promotionsHadTheFacts: Invariant = {
  name: 'promotionsHadTheFacts',
  description:
    "Every promotion happened when the qualify rules of the tier reached (and those below) held on the partner's facts at that moment.",
  needsEvents: true,
  check: (engine, { events, result }) => {
    const promotions = result.effects.filter(isPromotion);
    if (promotions.length === 0 || events === null || result.asOf === null) return [];
    const asOf = Date.parse(result.asOf);
    const timed = promotions.filter((effect) => effect.eventId === null);
    const batch = engine.batch();
    const calendar = new Calendar(engine.program.timeZone);
    const found: Violation[] = [];
    let applied = 0;
    const judgeTimedUpTo = (instant: number) => {
      while (timed.length > 0 && applied > 0 && Date.parse(timed[0]?.at ?? '') <= instant) {
        const promotion = timed.shift() as TierEffect;
        batch.advance(promotion.at);
        found.push(...judge(engine, batch, calendar, promotion));
      }
    };
    for (const event of inReplayOrder(events).filter((item) => !(instantOf(item) > asOf))) {
      judgeTimedUpTo(instantOf(event));
      batch.apply(event, applied++);
      const id = (event as { id?: unknown }).id;
      for (const promotion of promotions.filter((effect) => effect.eventId !== null && effect.eventId === id))
        found.push(...judge(engine, batch, calendar, promotion));
    }
    judgeTimedUpTo(asOf);
    return found;
  },
};
