// A small SISO history for the portal's examples, screenshots and tests: five partners from
// January to July 2025, seen on 20 July 2025. Every figure on the pages it gives can be worked
// out by hand (docs/portal.md does it).
//
// - ana joins on 6 January, is certified on the 8th, closes 1,000.00 on 10 January, 20 January
//   and 5 February (Active from the third deal), nothing in the second quarter (at risk at the
//   review of 1 July) and 400.00 on 10 July. She referred ben. The host paid her 200.00 on
//   17 February and 450.00 on 17 March.
// - ben (referred by ana) closes 600.00 on 10 February.
// - eve is certified and closes 900.00 on 12 and 22 January, 2 February, 5 May and 8 July.
// - fay closes 500.00 on 3, 10 and 17 March but never takes the certification training.
// - gus joins and does nothing yet.

/** The moment the examples look at: after the July deals, before their refund window closes. */
export const VIEWED_AT = '2025-07-20T00:00:00Z';

type Event = Record<string, string | null>;

const joined = (id: string, at: string, sponsorId: string | null = null): Event => ({
  id: `join-${id}`,
  type: 'partner.joined',
  at,
  partnerId: id,
  sponsorId,
});

const certified = (id: string, at: string): Event => ({
  id: `cert-${id}`,
  type: 'training.completed',
  at,
  partnerId: id,
  moduleId: 'certification',
});

const deal = (partnerId: string, dealId: string, at: string, amount: string): Event => ({
  id: `deal-${dealId}`,
  type: 'deal.closed',
  at,
  partnerId,
  dealId,
  amount,
  currency: 'USD',
});

const paid = (partnerId: string, at: string, amount: string): Event => ({
  id: `paid-${partnerId}-${at.slice(0, 10)}`,
  type: 'payout.paid',
  at,
  partnerId,
  amount,
});

/** The events, in time order (a replay sorts them anyway). */
export function portalHistory(): Event[] {
  return [
    joined('ana', '2025-01-06T09:00:00Z'),
    joined('eve', '2025-01-06T10:00:00Z'),
    joined('fay', '2025-01-06T11:00:00Z'),
    joined('ben', '2025-01-07T09:00:00Z', 'ana'),
    certified('ana', '2025-01-08T09:00:00Z'),
    certified('eve', '2025-01-08T10:00:00Z'),
    deal('ana', 'a1', '2025-01-10T12:00:00Z', '1000.00'),
    deal('eve', 'e1', '2025-01-12T12:00:00Z', '900.00'),
    deal('ana', 'a2', '2025-01-20T12:00:00Z', '1000.00'),
    deal('eve', 'e2', '2025-01-22T12:00:00Z', '900.00'),
    deal('eve', 'e3', '2025-02-02T12:00:00Z', '900.00'),
    deal('ana', 'a3', '2025-02-05T12:00:00Z', '1000.00'),
    deal('ben', 'b1', '2025-02-10T12:00:00Z', '600.00'),
    paid('ana', '2025-02-17T09:00:00Z', '200.00'),
    joined('gus', '2025-03-01T09:00:00Z'),
    deal('fay', 'f1', '2025-03-03T12:00:00Z', '500.00'),
    deal('fay', 'f2', '2025-03-10T12:00:00Z', '500.00'),
    deal('fay', 'f3', '2025-03-17T12:00:00Z', '500.00'),
    paid('ana', '2025-03-17T09:00:00Z', '450.00'),
    deal('eve', 'e4', '2025-05-05T12:00:00Z', '900.00'),
    deal('eve', 'e5', '2025-07-08T12:00:00Z', '900.00'),
    deal('ana', 'a4', '2025-07-10T12:00:00Z', '400.00'),
  ];
}
