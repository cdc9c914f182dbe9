// A small hand-written SISO history (four partners, January to September 2025) shared by the KPI
// and forecast tests; each test works out its own figures from it by hand.
const deal = (id: string, at: string, partnerId: string, dealId: string, amount: string) => ({
  id,
  type: 'deal.closed',
  at,
  partnerId,
  dealId,
  amount,
  currency: 'USD',
});
const joined = (id: string, at: string, partnerId: string) => ({
  id,
  type: 'partner.joined',
  at,
  partnerId,
  sponsorId: null,
});
const certified = (id: string, at: string, partnerId: string) => ({
  id,
  type: 'training.completed',
  at,
  partnerId,
  moduleId: 'certification',
});
const used = (id: string, at: string, partnerId: string, feature: string) => ({
  id,
  type: 'feature.used',
  at,
  partnerId,
  feature,
});

// a and b join on 1 January, c on 20 January, d on 10 March; a and b are certified.
// a: deals on 5, 10 and 21 January (Active on the 21st, its 3rd deal), 5 May and 1 August.
// b: deals on 15 January, 10 February and 12 March (Active on 12 March), none after: the Q2
//    review (1 July) puts it at risk, the Q3 review (1 October) demotes it to Starter.
// c: one deal on 1 February at 12:00, never certified. d: nothing.
export const events = [
  joined('e1', '2025-01-01T00:00:00Z', 'a'),
  joined('e2', '2025-01-01T00:00:00Z', 'b'),
  certified('e3', '2025-01-02T00:00:00Z', 'a'),
  certified('e4', '2025-01-03T00:00:00Z', 'b'),
  used('e5', '2025-01-02T00:00:00Z', 'a', 'dashboard'),
  deal('e6', '2025-01-05T00:00:00Z', 'a', 'd1', '1000.00'),
  deal('e7', '2025-01-10T00:00:00Z', 'a', 'd2', '500.00'),
  deal('e8', '2025-01-15T00:00:00Z', 'b', 'd4', '200.00'),
  joined('e9', '2025-01-20T00:00:00Z', 'c'),
  deal('e10', '2025-01-21T00:00:00Z', 'a', 'd3', '1500.00'),
  used('e11', '2025-01-25T00:00:00Z', 'c', 'dashboard'),
  { id: 'e12', type: 'deal.refunded', at: '2025-01-25T00:00:00Z', dealId: 'd1', amount: '200.00' },
  deal('e13', '2025-02-01T12:00:00Z', 'c', 'd7', '1000.00'),
  deal('e14', '2025-02-10T00:00:00Z', 'b', 'd5', '300.00'),
  used('e15', '2025-02-10T00:00:00Z', 'a', 'roi-calculator'),
  used('e16', '2025-02-15T00:00:00Z', 'b', 'dashboard'),
  joined('e17', '2025-03-10T00:00:00Z', 'd'),
  deal('e18', '2025-03-12T00:00:00Z', 'b', 'd6', '400.00'),
  deal('e19', '2025-05-05T00:00:00Z', 'a', 'd8', '600.00'),
  deal('e20', '2025-08-01T12:00:00Z', 'a', 'd9', '700.00'),
];
export const AS_OF = '2025-10-01T00:00:00Z';
