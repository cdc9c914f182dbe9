// The HTTP example on a loopback port: events posted, a partner's standing and statement read back.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programmeServer } from '../../examples/http/server.js';
import { createEngine } from '../../src/create-engine.js';
import type { PartnerSummary, PartnerView } from '../../src/index.js';
import { memoryStore } from '../../src/ports/memory.js';
import { createPartnerProgramme, type IngestResult } from '../../src/ports/service.js';
import { sisoProgram } from '../../src/program/siso.js';
import { events } from '../support/scenario.js';

// The time partners are shown at, moved by the tests.
let now = new Date('2025-01-22T00:00:00Z');
const server = programmeServer(
  await createPartnerProgramme({ engine: createEngine(sisoProgram), store: memoryStore() }),
  () => now,
);
let base = '';

beforeAll(async () => {
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

const post = (path: string, body: string) =>
  fetch(`${base}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });

// p1 joins on 1 January, is certified on the 2nd and closes 1000.00 (5 January, Starter 20 %:
// 200.00), 500.00 (10th: 100.00) and 1500.00 (21st, its 3rd deal: Active, 22 %: 330.00).
const history = [
  events.joined('p1', '2025-01-01', null, 'j1'),
  events.trained('p1', '2025-01-02', 'certification', 't1'),
  events.deal('p1', 'd1', '1000.00', '2025-01-05'),
  events.deal('p1', 'd2', '500.00', '2025-01-10'),
  events.deal('p1', 'd3', '1500.00', '2025-01-21'),
];

describe('the HTTP example', () => {
  it('stores posted events and answers with what it stored', async () => {
    const response = await post('/events', JSON.stringify(history));
    expect(response.status).toBe(200);
    const body = (await response.json()) as IngestResult;
    expect(body).toMatchObject({ version: 5, appended: 5, rejected: [], skipped: [] });
    expect(body.ledger.map((entry) => entry.amount)).toEqual(['200.00', '100.00', '330.00']);
  });

  it("reads a partner's tier, progress, badges and balance", async () => {
    const response = await fetch(`${base}/partners/p1`);
    expect(response.status).toBe(200);
    const partner = (await response.json()) as PartnerSummary & { view: PartnerView };
    // 200.00 + 100.00 + 330.00 = 630.00, all still within the 30 days of pending on the 21st.
    expect(partner).toMatchObject({
      id: 'p1',
      tier: 'active',
      status: 'good',
      deals: 3,
      revenue: '3000.00',
      balance: { earned: '630.00', pending: '630.00', payable: '0.00', paid: '0.00', clawedBack: '0.00' },
    });
    expect([...partner.badges].sort()).toEqual(['certified', 'first-sale', 'quick-starter']);
    // Starter's 6 unlocks and Active's 13.
    expect(partner.unlocks).toHaveLength(19);
    expect(partner.view.progress.next).toMatchObject({ id: 'performer', rate: '0.25' });
  });

  it('shows a partner as of now: money released since the last event is payable', async () => {
    // On 5 February d1's 200.00 (closed 5 January) is out of its 30 days; 100.00 + 330.00 are not.
    now = new Date('2025-02-05T00:00:00Z');
    const partner = (await (await fetch(`${base}/partners/p1`)).json()) as PartnerSummary;
    expect(partner.balance).toMatchObject({ pending: '430.00', payable: '200.00' });
    now = new Date('2025-01-22T00:00:00Z');
  });

  it("reads a partner's statement for a period", async () => {
    const response = await fetch(`${base}/partners/p1/statement?from=2025-01-08T00:00:00Z`);
    expect(response.status).toBe(200);
    // Before 8 January: d1's 200.00. In the period: 100.00 + 330.00 = 430.00, closing at 630.00.
    expect(await response.json()).toMatchObject({
      partnerId: 'p1',
      openingBalance: '200.00',
      totalsByKind: { commission: '430.00' },
      closingBalance: '630.00',
    });
  });

  it('refuses what it cannot use with a status, a code and a path', async () => {
    const unknown = await fetch(`${base}/partners/nobody`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      error: { code: 'UNKNOWN_PARTNER', path: 'partnerId', message: 'partner "nobody" has not joined' },
    });
    const notJson = await post('/events', '{"id": ');
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: unknown }).error).toMatchObject({
      code: 'INVALID_JSON',
      path: 'body',
    });
    const wrongMethod = await fetch(`${base}/events`);
    expect(wrongMethod.status).toBe(405);
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
    const badPeriod = await fetch(`${base}/partners/p1/statement?from=yesterday`);
    expect(badPeriod.status).toBe(400);
    const badEscape = await fetch(`${base}/partners/%E0%A4%A`);
    expect(badEscape.status).toBe(400);
    expect(((await badEscape.json()) as { error: unknown }).error).toMatchObject({ code: 'INVALID_URL' });
  });

  it('stores the good events of a post and names the refused ones', async () => {
    const refund = events.refund('d9', '10.00', '2025-01-25', 'r9');
    const deal = events.deal('p1', 'd4', '100.00', '2025-01-26');
    const response = await post('/events', JSON.stringify([refund, deal]));
    expect(response.status).toBe(422);
    const body = (await response.json()) as IngestResult;
    expect(body).toMatchObject({ version: 6, appended: 1 });
    expect(body.rejected).toMatchObject([{ eventId: 'r9', index: 0, code: 'UNKNOWN_DEAL', path: 'dealId' }]);
  });
});
