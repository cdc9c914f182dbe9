// The CRM example (examples/crm/): each sample payload maps to the event written out by hand, which
// parseEvent accepts as it is; the mapped events replay to the commissions worked out by hand; a
// webhook delivered again is skipped as a duplicate; every refusal names its code and its path
// into the payload; and no payload, however broken, makes a mapper throw.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hubspotDealFetcher,
  hubspotDealProperties,
  mapHubSpotDeal,
  mapHubSpotWebhook,
  readHubSpotNotification,
} from '../../examples/crm/hubspot.js';
import { ingestMappings } from '../../examples/crm/ingest.js';
import type { DealEvent, Mapping } from '../../examples/crm/mapping.js';
import { mapSalesforceChange, type SalesforceOptions } from '../../examples/crm/salesforce.js';
import {
  createEngine,
  createPartnerProgramme,
  type DealClosed,
  type DealRefunded,
  Decimal,
  memoryStore,
  parseEvent,
  sisoProgram,
} from '../../src/index.js';

type Json = Record<string, unknown>;

function sample(name: string): Json {
  return JSON.parse(readFileSync(new URL(`../../examples/crm/samples/${name}`, import.meta.url), 'utf8'));
}

/** The first (only) event of a webhook body sample. */
function webhookEvent(name: string): Json {
  return (sample(name) as unknown as Json[])[0] as Json;
}

/** A copy of `value` with the field at `path` (dot-separated) set, or deleted for undefined. */
function withField(value: Json, path: string, replacement: unknown): Json {
  const copy = structuredClone(value);
  const keys = path.split('.');
  let record = copy;
  for (const key of keys.slice(0, -1)) record = record[key] as Json;
  const last = keys.at(-1) as string;
  if (replacement === undefined) delete record[last];
  else record[last] = replacement;
  return copy;
}

function eventOf<E>(mapping: Mapping<E>): E {
  if (!mapping.ok) throw new Error(`expected an event, got ${JSON.stringify(mapping)}`);
  return mapping.event;
}

const REFUND_STAGE = '1064291883';
const hubspotWon = webhookEvent('hubspot-closedwon.webhook.json');
const hubspotWonDeal = sample('hubspot-closedwon.deal.json');
const hubspotRefund = webhookEvent('hubspot-refunded.webhook.json');
const hubspotRefundDeal = sample('hubspot-refunded.deal.json');
const salesforceWon = sample('salesforce-opportunity-won.json');
const salesforceWonLate = sample('salesforce-opportunity-won-late.json');
const salesforceCreditNote = sample('salesforce-credit-note.json');

const joined = {
  id: 'acme-joined',
  type: 'partner.joined',
  at: '2025-02-03T09:00:00.000Z',
  partnerId: 'acme-consulting',
  sponsorId: null,
} as const;

// The events the samples map to, written out by hand.
const HUBSPOT_CLOSED: DealClosed = {
  id: 'hubspot:62515:18432067011:closed',
  type: 'deal.closed',
  // occurredAt 1739547845120 ms = 2025-02-14T15:44:05.120Z
  at: '2025-02-14T15:44:05.120Z',
  partnerId: 'acme-consulting',
  dealId: 'hubspot:62515:18432067011',
  amount: '1500.50',
  currency: 'USD',
};
const HUBSPOT_REFUNDED: DealRefunded = {
  id: 'hubspot:62515:18432067011:refunded',
  type: 'deal.refunded',
  // occurredAt 1741597950450 ms = 2025-03-10T09:12:30.450Z
  at: '2025-03-10T09:12:30.450Z',
  dealId: 'hubspot:62515:18432067011',
  amount: '250.00',
};
const SALESFORCE_CLOSED: DealClosed = {
  id: 'salesforce:0068d00000Pq3XfAAJ:closed',
  type: 'deal.closed',
  // CloseDate 2025-02-20 ends at 23:59:59.999Z; recorded earlier that day, at 16:31:12Z.
  at: '2025-02-20T16:31:12.000Z',
  partnerId: 'acme-consulting',
  dealId: 'salesforce:0068d00000Pq3XfAAJ',
  amount: '2400.75',
  currency: 'USD',
};
const SALESFORCE_CLOSED_LATE: DealClosed = {
  id: 'salesforce:0068d00000Pq4RkAAJ:closed',
  type: 'deal.closed',
  // CloseDate 2025-02-28 ends at 23:59:59.999Z in UTC, before it was recorded (2025-03-03T10:15Z).
  at: '2025-02-28T23:59:59.999Z',
  partnerId: 'acme-consulting',
  dealId: 'salesforce:0068d00000Pq4RkAAJ',
  amount: '980.00',
  currency: 'USD',
};
const SALESFORCE_REFUNDED: DealRefunded = {
  id: 'salesforce:a0B8d000001XyZ2EAK:refund',
  type: 'deal.refunded',
  at: '2025-03-04T11:00:00.000Z',
  dealId: 'salesforce:0068d00000Pq3XfAAJ',
  amount: '400.00',
};

describe('HubSpot deals', () => {
  it('maps a closed-won webhook and the deal fetched for it to deal.closed', () => {
    expect(mapHubSpotDeal(hubspotWon, hubspotWonDeal)).toEqual({ ok: true, event: HUBSPOT_CLOSED });
  });

  it('maps a move to the refund stage to deal.refunded with the refund amount', () => {
    const options = { refundedStages: [REFUND_STAGE] };
    expect(mapHubSpotDeal(hubspotRefund, hubspotRefundDeal, options)).toEqual({
      ok: true,
      event: HUBSPOT_REFUNDED,
    });
  });

  it('reads the webhook event before anything is fetched', () => {
    expect(readHubSpotNotification(hubspotWon)).toEqual({
      kind: 'closed',
      portalId: '62515',
      objectId: '18432067011',
      stage: 'closedwon',
      at: '2025-02-14T15:44:05.120Z',
    });
  });

  it('writes amounts with the currency places, exactly: strings digit by digit, numbers as JSON wrote them', () => {
    const amountOf = (amount: unknown, currency = 'USD') =>
      eventOf(
        mapHubSpotDeal(
          hubspotWon,
          withField(
            withField(hubspotWonDeal, 'properties.amount', amount),
            'properties.deal_currency_code',
            currency,
          ),
        ),
      ).amount;
    expect(amountOf('1500')).toBe('1500.00');
    expect(amountOf('1500.5')).toBe('1500.50');
    expect(amountOf(1500.5)).toBe('1500.50');
    // 0.1 + 0.2 would be 0.30000000000000004 through a float; the string's digits are kept as written.
    expect(amountOf('0.30')).toBe('0.30');
    expect(amountOf('123456789012345678.99')).toBe('123456789012345678.99');
    expect(amountOf('1500', 'JPY')).toBe('1500');
    expect(amountOf('1500.125', 'BHD')).toBe('1500.125');
  });

  it('takes the account currency for a deal without deal_currency_code', () => {
    const deal = withField(hubspotWonDeal, 'properties.deal_currency_code', undefined);
    const event = eventOf(mapHubSpotDeal(hubspotWon, deal, { accountCurrency: 'EUR' }));
    expect(event).toEqual({ ...HUBSPOT_CLOSED, currency: 'EUR' });
  });

  it('reads the partner from the property the host configures', () => {
    const deal = withField(hubspotWonDeal, 'properties.partner_code', 'globex');
    const event = eventOf(mapHubSpotDeal(hubspotWon, deal, { partnerProperty: 'partner_code' }));
    expect(event).toEqual({ ...HUBSPOT_CLOSED, partnerId: 'globex' });
  });

  it('accepts the generic object.propertyChange form for deals (objectTypeId 0-3)', () => {
    const generic = withField(
      withField(hubspotWon, 'subscriptionType', 'object.propertyChange'),
      'objectTypeId',
      '0-3',
    );
    expect(mapHubSpotDeal(generic, hubspotWonDeal)).toEqual({ ok: true, event: HUBSPOT_CLOSED });
  });

  it('ignores what is not a deal entering a closed-won or refund stage', () => {
    const cases: [Json, string][] = [
      [
        withField(hubspotWon, 'propertyValue', 'closedlost'),
        'stage "closedlost" is neither closed won nor a refund',
      ],
      [withField(hubspotWon, 'propertyValue', 'contractsent'), 'not a closed deal'],
      // A refund stage the host has not configured is a stage like any other.
      [hubspotRefund, `stage "${REFUND_STAGE}" is neither closed won nor a refund`],
      [withField(hubspotWon, 'propertyName', 'amount'), 'the deal property "amount" is not a stage change'],
      [withField(hubspotWon, 'subscriptionType', 'contact.creation'), 'a "contact.creation" event'],
      [withField(hubspotWon, 'subscriptionType', 'object.propertyChange'), 'is not a change of a deal'],
    ];
    for (const [notification, reason] of cases) {
      const mapping = mapHubSpotDeal(notification, hubspotWonDeal);
      expect(mapping.ok).toBe(false);
      expect(mapping).toHaveProperty('ignored', expect.stringContaining(reason));
      expect(mapping).not.toHaveProperty('error');
    }
  });

  it('refuses an unmappable payload with UNMAPPABLE_PAYLOAD and the path of the field at fault', () => {
    const refund = { refundedStages: [REFUND_STAGE] };
    const cases: [unknown, unknown, string, string, object?][] = [
      [
        hubspotWon,
        withField(hubspotWonDeal, 'properties.amount', '1500.505'),
        'properties.amount',
        '3 decimal places',
      ],
      [hubspotWon, withField(hubspotWonDeal, 'properties.amount', '-5'), 'properties.amount', 'negative'],
      [
        hubspotWon,
        withField(hubspotWonDeal, 'properties.amount', '0'),
        'properties.amount',
        'greater than zero',
      ],
      [hubspotWon, withField(hubspotWonDeal, 'properties.amount', null), 'properties.amount', 'missing'],
      [hubspotWon, withField(hubspotWonDeal, 'properties.amount', ''), 'properties.amount', 'missing'],
      [hubspotWon, withField(hubspotWonDeal, 'properties.amount', undefined), 'properties.amount', 'missing'],
      [
        hubspotWon,
        withField(hubspotWonDeal, 'properties.amount', '1,500.00'),
        'properties.amount',
        'separator',
      ],
      [hubspotWon, withField(hubspotWonDeal, 'properties.amount', '1e3'), 'properties.amount', 'exponent'],
      [
        hubspotWon,
        withField(hubspotWonDeal, 'properties.amount', 0.1 + 0.2),
        'properties.amount',
        '17 decimal',
      ],
      [
        hubspotWon,
        withField(
          withField(hubspotWonDeal, 'properties.amount', '1500.5'),
          'properties.deal_currency_code',
          'JPY',
        ),
        'properties.amount',
        'JPY allows 0',
      ],
      [
        hubspotWon,
        withField(hubspotWonDeal, 'properties.deal_currency_code', 'XYZ'),
        'properties.deal_currency_code',
        '"XYZ" is not one this host accepts',
      ],
      [
        hubspotWon,
        withField(hubspotWonDeal, 'properties.deal_currency_code', 'usd'),
        'properties.deal_currency_code',
        'not one this host accepts',
      ],
      [
        hubspotWon,
        withField(hubspotWonDeal, 'properties.deal_currency_code', null),
        'properties.deal_currency_code',
        'no default currency',
      ],
      [
        hubspotWon,
        withField(hubspotWonDeal, 'properties.partner_id', undefined),
        'properties.partner_id',
        'missing',
      ],
      [
        hubspotWon,
        withField(hubspotWonDeal, 'properties.partner_id', '  '),
        'properties.partner_id',
        'blank',
      ],
      [
        hubspotWon,
        withField(hubspotWonDeal, 'properties.partner_id', 42),
        'properties.partner_id',
        'a number',
      ],
      [hubspotWon, withField(hubspotWonDeal, 'id', '999'), 'id', 'not deal 18432067011'],
      [hubspotWon, withField(hubspotWonDeal, 'properties', 'none'), 'properties', 'no properties object'],
      [hubspotWon, null, '', 'not null'],
      [hubspotWon, [hubspotWonDeal], '', 'not an array'],
      [withField(hubspotWon, 'occurredAt', '2025-02-14'), hubspotWonDeal, 'occurredAt', 'epoch milliseconds'],
      [
        withField(hubspotWon, 'occurredAt', 1739547845.12),
        hubspotWonDeal,
        'occurredAt',
        'epoch milliseconds',
      ],
      [withField(hubspotWon, 'occurredAt', 86_400_000), hubspotWonDeal, 'occurredAt', 'outside the years'],
      [withField(hubspotWon, 'occurredAt', undefined), hubspotWonDeal, 'occurredAt', 'missing'],
      [withField(hubspotWon, 'objectId', undefined), hubspotWonDeal, 'objectId', 'missing'],
      [withField(hubspotWon, 'objectId', -3), hubspotWonDeal, 'objectId', 'positive whole number'],
      [withField(hubspotWon, 'portalId', 'acme'), hubspotWonDeal, 'portalId', 'positive whole number'],
      [withField(hubspotWon, 'propertyValue', ''), hubspotWonDeal, 'propertyValue', 'missing'],
      [withField(hubspotWon, 'subscriptionType', undefined), hubspotWonDeal, 'subscriptionType', 'missing'],
      [withField(hubspotWon, 'propertyName', null), hubspotWonDeal, 'propertyName', 'missing'],
      [{}, hubspotWonDeal, 'subscriptionType', 'missing'],
      [null, hubspotWonDeal, '', 'not null'],
      [[hubspotWon], hubspotWonDeal, '', 'not an array'],
      ['closedwon', hubspotWonDeal, '', 'not a string'],
      [
        hubspotRefund,
        withField(hubspotRefundDeal, 'properties.refund_amount', null),
        'properties.refund_amount',
        'missing',
        refund,
      ],
      [
        hubspotRefund,
        withField(hubspotRefundDeal, 'properties.refund_amount', '-250'),
        'properties.refund_amount',
        'negative',
        refund,
      ],
    ];
    for (const [notification, deal, path, message, options] of cases) {
      const mapping = mapHubSpotDeal(notification, deal, options);
      expect(mapping, `${path}: ${message}`).toEqual({
        ok: false,
        error: { code: 'UNMAPPABLE_PAYLOAD', path, message: expect.stringContaining(message) },
      });
    }
  });

  it('maps a whole webhook body, fetching only the deals it needs, and keeps the body order', async () => {
    const fetched: [string, readonly string[]][] = [];
    const fetchDeal = async (objectId: string, properties: readonly string[]) => {
      fetched.push([objectId, properties]);
      return hubspotWonDeal;
    };
    const results = await mapHubSpotWebhook(sample('hubspot-batch.webhook.json'), fetchDeal);
    expect(results).toEqual([
      // attemptNumber 2: HubSpot delivering the closed-won event again; it maps to the same event.
      { ok: true, event: HUBSPOT_CLOSED },
      { ok: false, ignored: 'stage "contractsent" is neither closed won nor a refund: not a closed deal' },
      { ok: false, ignored: `a "contact.creation" event is not a change of a deal's stage` },
    ]);
    expect(fetched).toEqual([
      [
        '18432067011',
        [
          'amount',
          'deal_currency_code',
          'dealstage',
          'closedate',
          'hs_lastmodifieddate',
          'partner_id',
          'refund_amount',
        ],
      ],
    ]);
    expect(await mapHubSpotWebhook({ events: [] }, fetchDeal)).toEqual([
      {
        ok: false,
        error: {
          code: 'UNMAPPABLE_PAYLOAD',
          path: '',
          message: 'a HubSpot webhook body must be a JSON array of events, not an object',
        },
      },
    ]);
  });

  it('passes a failed fetch on, so that the webhook is answered with an error and delivered again', async () => {
    const failing = async () => {
      throw new Error('HubSpot answered 502 for deal 18432067011');
    };
    await expect(mapHubSpotWebhook([hubspotWon], failing)).rejects.toThrow('answered 502');
  });

  it('fetches a deal from the CRM v3 objects API with the properties the mapping reads', async () => {
    const requests: [string, RequestInit | undefined][] = [];
    const fakeFetch = async (url: string | URL | Request, init?: RequestInit) => {
      requests.push([String(url), init]);
      return new Response(JSON.stringify(hubspotWonDeal), { status: 200 });
    };
    const fetchDeal = hubspotDealFetcher({ accessToken: 'pat-test', fetch: fakeFetch as typeof fetch });
    expect(await fetchDeal('18432067011', hubspotDealProperties())).toEqual(hubspotWonDeal);
    expect(requests).toEqual([
      [
        'https://api.hubapi.com/crm/v3/objects/deals/18432067011?properties=amount%2Cdeal_currency_code%2Cdealstage%2Cclosedate%2Chs_lastmodifieddate%2Cpartner_id%2Crefund_amount&archived=false',
        { headers: { authorization: 'Bearer pat-test' } },
      ],
    ]);
    const notFound = hubspotDealFetcher({
      accessToken: 'pat-test',
      fetch: (async () => new Response('{}', { status: 404 })) as typeof fetch,
    });
    await expect(notFound('18432067011', ['amount'])).rejects.toThrow(
      'HubSpot answered 404 for deal 18432067011',
    );
  });
});

describe('Salesforce opportunities and credit notes (Change Data Capture)', () => {
  it('maps an opportunity moved to Closed Won to deal.closed', () => {
    expect(mapSalesforceChange(salesforceWon)).toEqual({ ok: true, event: SALESFORCE_CLOSED });
  });

  it('puts a deal recorded after its CloseDate at the last instant of that day in the programme zone', () => {
    expect(mapSalesforceChange(salesforceWonLate)).toEqual({ ok: true, event: SALESFORCE_CLOSED_LATE });
    // Paris is UTC+1 in February: 2025-02-28T23:59:59.999+01:00 = 2025-02-28T22:59:59.999Z.
    expect(eventOf(mapSalesforceChange(salesforceWonLate, { timeZone: 'Europe/Paris' })).at).toBe(
      '2025-02-28T22:59:59.999Z',
    );
    // Los Angeles is UTC-8: the day ends at 2025-03-01T07:59:59.999Z.
    expect(eventOf(mapSalesforceChange(salesforceWonLate, { timeZone: 'America/Los_Angeles' })).at).toBe(
      '2025-03-01T07:59:59.999Z',
    );
  });

  it('never dates a closing later than Salesforce recorded it, whatever the CloseDate says', () => {
    const future = withField(salesforceWon, 'data.payload.CloseDate', '2025-06-30');
    expect(eventOf(mapSalesforceChange(future)).at).toBe('2025-02-20T16:31:12.000Z');
    const restOffset = withField(
      salesforceWon,
      'data.payload.LastModifiedDate',
      '2025-02-20T17:31:12.000+0100',
    );
    expect(eventOf(mapSalesforceChange(restOffset)).at).toBe('2025-02-20T16:31:12.000Z');
  });

  it('maps a new credit note to deal.refunded of its opportunity', () => {
    expect(mapSalesforceChange(salesforceCreditNote)).toEqual({ ok: true, event: SALESFORCE_REFUNDED });
  });

  it('reads the host’s field names, ids prefix, won stages and corporate currency', () => {
    const options: SalesforceOptions = {
      source: 'salesforce-eu',
      partnerField: 'Referring_Partner__c',
      wonStages: ['Signed'],
      corporateCurrency: 'EUR',
    };
    let won = withField(salesforceWon, 'data.payload.Referring_Partner__c', 'globex');
    won = withField(withField(won, 'data.payload.IsWon', undefined), 'data.payload.StageName', 'Signed');
    won = withField(won, 'data.payload.CurrencyIsoCode', undefined);
    expect(eventOf(mapSalesforceChange(won, options))).toEqual({
      ...SALESFORCE_CLOSED,
      id: 'salesforce-eu:0068d00000Pq3XfAAJ:closed',
      dealId: 'salesforce-eu:0068d00000Pq3XfAAJ',
      partnerId: 'globex',
      currency: 'EUR',
    });
    const created = withField(salesforceWon, 'data.payload.ChangeEventHeader.changeType', 'CREATE');
    expect(mapSalesforceChange(created)).toEqual({ ok: true, event: SALESFORCE_CLOSED });
  });

  it('ignores changes that are not a closing or a new credit note', () => {
    const header = 'data.payload.ChangeEventHeader';
    const cases: [Json, string][] = [
      [
        withField(
          withField(salesforceWon, 'data.payload.StageName', 'Closed Lost'),
          'data.payload.IsWon',
          false,
        ),
        'stage "Closed Lost" is not won: not a closed deal',
      ],
      [
        withField(salesforceWon, `${header}.changedFields`, ['Description', 'LastModifiedDate']),
        'leaves the stage',
      ],
      [
        withField(salesforceWon, `${header}.changeType`, 'DELETE'),
        'a DELETE of an opportunity is not a closing',
      ],
      [
        withField(salesforceWon, `${header}.entityName`, 'Account'),
        'a change of Account records is not about a deal',
      ],
      // Merged events of several records are ignored all the same when not about a deal.
      [
        withField(withField(salesforceWon, `${header}.entityName`, 'Account'), `${header}.recordIds`, [
          '001A',
          '001B',
        ]),
        'a change of Account records',
      ],
      [
        withField(withField(salesforceWon, `${header}.changeType`, 'DELETE'), `${header}.recordIds`, [
          '006A',
          '006B',
        ]),
        'a DELETE of an opportunity',
      ],
      [withField(salesforceWon, `${header}.changeType`, 'UNDELETE'), 'an opportunity is not a closing'],
      [withField(salesforceCreditNote, `${header}.changeType`, 'DELETE'), 'only a new credit note is'],
      [withField(salesforceCreditNote, `${header}.changeType`, 'UPDATE'), 'only a new credit note is'],
    ];
    for (const [message, reason] of cases) {
      const mapping = mapSalesforceChange(message);
      expect(mapping).toHaveProperty('ignored', expect.stringContaining(reason));
    }
  });

  it('refuses an unmappable change with UNMAPPABLE_PAYLOAD and the path of the field at fault', () => {
    const payload = 'data.payload';
    const header = `${payload}.ChangeEventHeader`;
    const cases: [unknown, string, string][] = [
      [withField(salesforceWon, `${payload}.Amount`, 2400.755), `${payload}.Amount`, '3 decimal places'],
      [withField(salesforceWon, `${payload}.Amount`, -10), `${payload}.Amount`, 'negative'],
      [withField(salesforceWon, `${payload}.Amount`, null), `${payload}.Amount`, 'missing'],
      [withField(salesforceWon, `${payload}.Amount`, undefined), `${payload}.Amount`, 'missing'],
      [withField(salesforceWon, `${payload}.Amount`, '2400.75 USD'), `${payload}.Amount`, 'contains spaces'],
      [withField(salesforceWon, `${payload}.CurrencyIsoCode`, 'ABC'), `${payload}.CurrencyIsoCode`, '"ABC"'],
      [
        withField(salesforceWon, `${payload}.CurrencyIsoCode`, undefined),
        `${payload}.CurrencyIsoCode`,
        'missing',
      ],
      [
        withField(salesforceWon, `${payload}.Partner_Id__c`, undefined),
        `${payload}.Partner_Id__c`,
        'missing',
      ],
      [withField(salesforceWon, `${payload}.Partner_Id__c`, ''), `${payload}.Partner_Id__c`, 'missing'],
      [withField(salesforceWon, `${payload}.CloseDate`, '2025-02-30'), `${payload}.CloseDate`, 'not a day'],
      [withField(salesforceWon, `${payload}.CloseDate`, '20/02/2025'), `${payload}.CloseDate`, 'a date like'],
      [withField(salesforceWon, `${payload}.CloseDate`, undefined), `${payload}.CloseDate`, 'a date like'],
      [
        withField(salesforceWon, `${payload}.CloseDate`, '1999-12-30'),
        `${payload}.CloseDate`,
        'outside the years',
      ],
      [
        withField(salesforceWon, `${payload}.LastModifiedDate`, 'soon'),
        `${payload}.LastModifiedDate`,
        'ISO-8601',
      ],
      [
        withField(salesforceWon, `${payload}.LastModifiedDate`, '2025-02-20T16:31:12'),
        `${payload}.LastModifiedDate`,
        'with an offset',
      ],
      [
        withField(salesforceWon, `${header}.recordIds`, ['006A', '006B']),
        `${header}.recordIds`,
        'exactly one',
      ],
      [withField(salesforceWon, `${header}.recordIds`, undefined), `${header}.recordIds`, 'exactly one'],
      [withField(salesforceWon, `${header}.recordIds`, [7]), `${header}.recordIds[0]`, 'a string'],
      [withField(salesforceWon, `${header}.changeType`, 'GAP_UPDATE'), `${header}.changeType`, 'REST API'],
      [withField(salesforceWon, `${header}.changedFields`, []), `${header}.changedFields`, 'must list'],
      [
        withField(salesforceWon, `${header}.changedFields`, 'StageName'),
        `${header}.changedFields`,
        'in an array',
      ],
      [withField(salesforceWon, `${header}.changeType`, undefined), `${header}.changeType`, 'missing'],
      [withField(salesforceWon, `${header}.entityName`, 12), `${header}.entityName`, 'a number'],
      [withField(salesforceWon, `${payload}.ChangeEventHeader`, undefined), header, 'no ChangeEventHeader'],
      [withField(salesforceWon, 'data', 'x'), payload, 'no data.payload'],
      [
        withField(salesforceCreditNote, `${payload}.Opportunity__c`, undefined),
        `${payload}.Opportunity__c`,
        'the opportunity refunded is missing',
      ],
      [
        withField(salesforceCreditNote, `${payload}.Amount__c`, 0),
        `${payload}.Amount__c`,
        'greater than zero',
      ],
      [
        withField(salesforceCreditNote, `${payload}.LastModifiedDate`, undefined),
        `${payload}.LastModifiedDate`,
        'missing',
      ],
      [null, '', 'not null'],
      [[salesforceWon], '', 'not an array'],
      [42, '', 'not a number'],
    ];
    for (const [message, path, text] of cases) {
      expect(mapSalesforceChange(message), `${path}: ${text}`).toEqual({
        ok: false,
        error: { code: 'UNMAPPABLE_PAYLOAD', path, message: expect.stringContaining(text) },
      });
    }
  });

  it('says at once when the configured time zone is not one', () => {
    expect(() => mapSalesforceChange(salesforceWon, { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});

describe('mapped events in the engine', () => {
  const mapped: DealEvent[] = [
    eventOf(mapHubSpotDeal(hubspotWon, hubspotWonDeal)),
    eventOf(mapSalesforceChange(salesforceWon)),
    eventOf(mapSalesforceChange(salesforceWonLate)),
    eventOf(mapSalesforceChange(salesforceCreditNote)),
    eventOf(mapHubSpotDeal(hubspotRefund, hubspotRefundDeal, { refundedStages: [REFUND_STAGE] })),
  ];

  it('are accepted by parseEvent as they are', () => {
    for (const event of mapped) expect(parseEvent(event)).toEqual({ ok: true, event });
  });

  it('replay to the commissions and clawbacks worked out by hand (Starter, 20 %)', () => {
    const result = createEngine(sisoProgram).replay([joined, ...mapped]);
    expect(result.rejected).toEqual([]);
    expect(result.skipped).toEqual([]);
    // Three deals without the certification: acme-consulting stays Starter, 20 % on each.
    //   HubSpot deal      1500.50 × 0.20 = 300.10
    //   Salesforce deal   2400.75 × 0.20 = 480.15
    //   Salesforce deal    980.00 × 0.20 = 196.00
    //   credit note        400.00 of the 2400.75 deal: −400.00 × 0.20 = −80.00
    //   HubSpot refund     250.00 of the 1500.50 deal: −250.00 × 0.20 = −50.00
    //   earned: 300.10 + 480.15 + 196.00 − 80.00 − 50.00 = 846.25
    const entries = result.ledger.map((entry) => [entry.kind, entry.dealId, entry.tier, entry.amount]);
    expect(entries).toEqual([
      ['commission', 'hubspot:62515:18432067011', 'starter', '300.10'],
      ['commission', 'salesforce:0068d00000Pq3XfAAJ', 'starter', '480.15'],
      ['commission', 'salesforce:0068d00000Pq4RkAAJ', 'starter', '196.00'],
      ['clawback', 'salesforce:0068d00000Pq3XfAAJ', 'starter', '-80.00'],
      ['clawback', 'hubspot:62515:18432067011', 'starter', '-50.00'],
    ]);
    const earned = result.ledger.reduce((sum, entry) => sum.plus(entry.amount), new Decimal(0));
    expect(earned.toFixed(2)).toBe('846.25');
  });

  it('skip a webhook HubSpot delivers again as a duplicate', () => {
    const redelivered = (sample('hubspot-batch.webhook.json') as unknown as Json[])[0];
    expect(redelivered).toMatchObject({ eventId: hubspotWon.eventId, attemptNumber: 2 });
    const again = eventOf(mapHubSpotDeal(redelivered, hubspotWonDeal));
    const result = createEngine(sisoProgram).replay([joined, mapped[0], again]);
    expect(result.rejected).toEqual([]);
    expect(result.skipped).toEqual([
      { eventId: 'hubspot:62515:18432067011:closed', index: 2, reason: 'duplicate' },
    ]);
    expect(result.ledger.map((entry) => entry.amount)).toEqual(['300.10']);
  });

  it('refuse, through the engine, what the README says it refuses', () => {
    const engine = createEngine(sisoProgram);
    // A deal won, reopened and won again maps to the same id with another time: already booked.
    const wonAgain = eventOf(
      mapHubSpotDeal(withField(hubspotWon, 'occurredAt', 1741597950450), hubspotWonDeal),
    );
    // A deal in another currency than the programme's (SISO's is USD) maps, and the engine refuses it.
    const euros = eventOf(
      mapHubSpotDeal(hubspotWon, withField(hubspotWonDeal, 'properties.deal_currency_code', 'EUR')),
    );
    const result = engine.replay([joined, mapped[0], wonAgain]);
    expect(result.rejected.map(({ eventId, code }) => [eventId, code])).toEqual([
      ['hubspot:62515:18432067011:closed', 'CONFLICTING_DUPLICATE'],
    ]);
    expect(engine.replay([joined, euros]).rejected.map(({ code }) => code)).toEqual(['CURRENCY_MISMATCH']);
  });

  it('of a late Salesforce closing are refused live once the clock passed its day, and sorted by a replay', async () => {
    const engine = createEngine(sisoProgram);
    const programme = await createPartnerProgramme({ engine, store: memoryStore() });
    // The clock reaches 2025-03-04T11:00Z (the credit note); the late deal is dated 2025-02-28.
    await programme.ingest([joined, mapped[1], mapped[3]]);
    const late = await programme.ingest([mapped[2]]);
    expect(late.rejected.map(({ code, path }) => [code, path])).toEqual([['OUT_OF_ORDER', 'at']]);
    expect(engine.replay([joined, mapped[1], mapped[3], mapped[2]]).rejected).toEqual([]);
  });

  it('go to programme.ingest in one call, and a batch delivered again is stored once', async () => {
    const programme = await createPartnerProgramme({
      engine: createEngine(sisoProgram),
      store: memoryStore(),
    });
    await programme.ingest([joined]);
    const fetchDeal = async () => hubspotWonDeal;
    const body = sample('hubspot-batch.webhook.json');
    const first = await ingestMappings(await mapHubSpotWebhook(body, fetchDeal), programme);
    expect(first.ingested.appended).toBe(1);
    expect(first.positions).toEqual([0]);
    expect(first.ignored.map((item) => item.index)).toEqual([1, 2]);
    expect(first.errors).toEqual([]);
    expect(first.ingested.ledger.map((entry) => entry.amount)).toEqual(['300.10']);
    const second = await ingestMappings(await mapHubSpotWebhook(body, fetchDeal), programme);
    expect(second.ingested.appended).toBe(0);
    expect(second.ingested.skipped).toEqual([
      { eventId: 'hubspot:62515:18432067011:closed', index: 0, reason: 'duplicate' },
    ]);
    expect(programme.version()).toBe(2);
    const nothing = await ingestMappings(
      [mapHubSpotDeal(withField(hubspotWon, 'propertyName', 'amount'), null)],
      programme,
    );
    expect(nothing.ingested.appended).toBe(0);
    expect(nothing.ignored).toEqual([
      { index: 0, reason: 'a change of the deal property "amount" is not a stage change' },
    ]);
  });
});

describe('any payload', () => {
  const RUNS = { numRuns: 300, seed: 20250214 };
  const isResult = (mapping: Mapping<DealEvent>) =>
    mapping.ok
      ? parseEvent(mapping.event).ok
      : 'ignored' in mapping
        ? typeof mapping.ignored === 'string'
        : mapping.error.code === 'UNMAPPABLE_PAYLOAD' && typeof mapping.error.path === 'string';

  it('gets a result, never an exception, and every event it gets is one parseEvent accepts', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (notification, deal) => {
        return isResult(mapHubSpotDeal(notification, deal)) && isResult(mapSalesforceChange(notification));
      }),
      RUNS,
    );
  });

  it('gets a result when any one field of a sample is replaced by junk', () => {
    const paths = (value: unknown, prefix: string): string[] =>
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? Object.entries(value).flatMap(([key, inner]) => [
            `${prefix}${key}`,
            ...paths(inner, `${prefix}${key}.`),
          ])
        : [];
    const junk = fc.oneof(fc.anything(), fc.constant(undefined), fc.double(), fc.string());
    const cases: [Json, (payload: Json) => Mapping<DealEvent>][] = [
      [hubspotWon, (payload) => mapHubSpotDeal(payload, hubspotWonDeal)],
      [hubspotWonDeal, (payload) => mapHubSpotDeal(hubspotWon, payload)],
      [salesforceWon, (payload) => mapSalesforceChange(payload)],
      [salesforceCreditNote, (payload) => mapSalesforceChange(payload)],
    ];
    for (const [payload, map] of cases) {
      const fields = paths(payload, '');
      fc.assert(
        fc.property(fc.constantFrom(...fields), junk, (path, value) =>
          isResult(map(withField(payload, path, value))),
        ),
        RUNS,
      );
    }
  });

  it('gets a result for deeply nested junk and for fields whose reading throws', () => {
    let nested: unknown = 'deep';
    for (let depth = 0; depth < 10_000; depth++) nested = { data: { payload: nested }, properties: nested };
    expect(isResult(mapSalesforceChange(nested))).toBe(true);
    expect(isResult(mapHubSpotDeal(hubspotWon, nested))).toBe(true);
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
        has: () => true,
        getOwnPropertyDescriptor: () => {
          throw new Error('trap');
        },
      },
    );
    const unreadable = {
      ok: false,
      error: {
        code: 'UNMAPPABLE_PAYLOAD',
        path: '',
        message: 'the payload could not be read: reading one of its fields threw an error',
      },
    };
    expect(mapSalesforceChange(hostile)).toEqual(unreadable);
    expect(mapHubSpotDeal(hostile, hubspotWonDeal)).toEqual(unreadable);
    expect(mapHubSpotDeal(hubspotWon, hostile)).toEqual(unreadable);
    expect(readHubSpotNotification(hostile)).toEqual(unreadable);
  });

  it('does not change the payload it maps', () => {
    const before = structuredClone([hubspotWon, hubspotWonDeal, salesforceWon, salesforceCreditNote]);
    mapHubSpotDeal(hubspotWon, hubspotWonDeal);
    mapSalesforceChange(salesforceWon);
    mapSalesforceChange(salesforceCreditNote);
    expect([hubspotWon, hubspotWonDeal, salesforceWon, salesforceCreditNote]).toEqual(before);
  });
});
