// Partial refunds claw back in proportion: each refund of r out of a deal of D takes back about
// r / D of every entry the deal paid (the entry's own rate on the refunded part, rounded once),
// and the refund that completes a full refund takes back exactly what is left.
import { Decimal, type Engine, type LedgerEntry } from '../../index.js';
import { type AcceptedEvent, acceptedEvents } from './events-read.js';
import { entryEvidence, type Invariant, minorUnit, text, type Violation, violation } from './types.js';

interface DealRecord {
  readonly dealId: string;
  readonly closed: AcceptedEvent;
  readonly amount: Decimal;
  refunded: Decimal;
  firstRefundAt: number | null;
  /** Clawed back so far, by the entry reversed. */
  readonly clawed: Map<string, Decimal>;
}

function dealsOf(accepted: readonly AcceptedEvent[]): Map<string, DealRecord> {
  const deals = new Map<string, DealRecord>();
  for (const item of accepted) {
    if (item.event.type !== 'deal.closed') continue;
    const { dealId, amount } = item.event;
    const record = { dealId, closed: item, amount: new Decimal(amount), refunded: new Decimal(0) };
    deals.set(dealId, { ...record, firstRefundAt: null, clawed: new Map() });
  }
  return deals;
}

/** The entries a refund must claw back: the deal's own, made before its first refund. */
function entriesOwed(ledger: readonly LedgerEntry[], dealId: string, before: number): LedgerEntry[] {
  return ledger.filter(
    (entry) => entry.dealId === dealId && entry.reverses === undefined && Date.parse(entry.at) < before,
  );
}

/** One minor unit of slack for each rounding; two where the basis is itself a rounded clawback. */
function tolerance(engine: Engine, entry: LedgerEntry, deal: DealRecord): Decimal {
  const onCommission = entry.kind === 'override' && !new Decimal(entry.basis).eq(deal.amount);
  return minorUnit(engine).times(onCommission ? 2 : 1);
}

function judgeRefund(
  engine: Engine,
  ledger: readonly LedgerEntry[],
  refund: AcceptedEvent,
  deal: DealRecord,
): Violation[] {
  if (refund.event.type !== 'deal.refunded') return [];
  const refunded = new Decimal(refund.event.amount);
  const at = Date.parse(refund.event.at);
  deal.firstRefundAt ??= at;
  deal.refunded = deal.refunded.plus(refunded);
  const completes = deal.refunded.eq(deal.amount);
  const taken = ledger.filter((entry) => entry.eventId === refund.event.id && entry.reverses !== undefined);
  return entriesOwed(ledger, deal.dealId, deal.firstRefundAt).flatMap((entry) => {
    const clawbacks = taken.filter((clawback) => clawback.reverses === entry.id);
    const now = clawbacks.reduce((sum, clawback) => sum.plus(clawback.amount), new Decimal(0));
    const before = deal.clawed.get(entry.id) ?? new Decimal(0);
    deal.clawed.set(entry.id, before.plus(now));
    const expected = completes
      ? new Decimal(entry.amount).negated().minus(before)
      : new Decimal(entry.amount).times(refunded).dividedBy(deal.amount).negated();
    const slack = completes ? new Decimal(0) : tolerance(engine, entry, deal);
    if (now.minus(expected).abs().lte(slack)) return [];
    const share = `${refund.event.id} refunds ${text(engine, refunded)} of ${text(engine, deal.amount)}`;
    const wanted = completes ? `the rest, ${text(engine, expected)}` : `about ${expected.toFixed(4)}`;
    const message = `${share}: ${entry.id} (${entry.amount}) is clawed back ${text(engine, now)}, not ${wanted}`;
    const evidence = [entryEvidence(entry), ...clawbacks.map(entryEvidence), deal.closed.raw, refund.raw];
    return [violation('partialRefundsInProportion', message, evidence)];
  });
}

export const partialRefundsInProportion: Invariant = {
  name: 'partialRefundsInProportion',
  description:
    'Each refund claws back every entry of its deal in proportion to the part refunded; the refund completing a full refund takes back exactly what is left.',
  needsEvents: true,
  check: (engine, { events, result }) => {
    const accepted = acceptedEvents(engine, events ?? [], result);
    const deals = dealsOf(accepted);
    return accepted.flatMap((item) => {
      if (item.event.type !== 'deal.refunded') return [];
      const deal = deals.get(item.event.dealId);
      return deal ? judgeRefund(engine, result.ledger, item, deal) : [];
    });
  },
};
