// HubSpot deals as the library's events. A webhook subscription to `deal.propertyChange` on
// `dealstage` says that a deal moved to a stage and when (`occurredAt`), but carries no amount, so
// the host fetches the deal (CRM v3 objects API) and maps the two: a closed-won stage becomes
// `deal.closed`, a stage the host set aside for refunds becomes `deal.refunded`.
import type { DealClosed, DealRefunded } from '@siso/partner-engine';
import {
  type Currency,
  type CurrencyOptions,
  checkedEvent,
  currencyOf,
  type DealEvent,
  describe,
  exactAmount,
  field,
  ignored,
  instantFromEpoch,
  isRecord,
  isRefusal,
  type Mapping,
  neverThrows,
  type Refusal,
  requiredText,
  typeName,
  unmappable,
} from './mapping.js';

export interface HubSpotOptions extends CurrencyOptions {
  /** The deal property holding the partner's id in the programme (default `partner_id`). */
  readonly partnerProperty?: string;
  /** Stage ids that mean closed won, in every pipeline the host uses (default `['closedwon']`). */
  readonly closedWonStages?: readonly string[];
  /** Stage ids that mean the deal was refunded (default none: refunds are not mapped). */
  readonly refundedStages?: readonly string[];
  /** The deal property holding the amount refunded (default `refund_amount`). */
  readonly refundAmountProperty?: string;
  /** The account's company currency, for deals without `deal_currency_code`. */
  readonly accountCurrency?: string;
}

/** What a webhook event says once read: a deal entered a closed-won or a refund stage. */
export interface HubSpotStageChange {
  readonly kind: 'closed' | 'refunded';
  readonly portalId: string;
  /** The deal's HubSpot id (`objectId`), as text like the CRM API writes it. */
  readonly objectId: string;
  readonly stage: string;
  /** `occurredAt` as ISO-8601 in UTC: when the deal entered the stage. */
  readonly at: string;
}

/**
 * Fetches a deal with these properties, answering the CRM v3 objects API's JSON
 * (`{ id, properties: { amount, … } }`). A failure should throw: the webhook is then answered
 * with an error and HubSpot delivers it again.
 */
export type FetchDeal = (objectId: string, properties: readonly string[]) => Promise<unknown>;

/** The deal properties a mapping reads: fetch these. */
export function hubspotDealProperties(options: HubSpotOptions = {}): string[] {
  const { partnerProperty = 'partner_id', refundAmountProperty = 'refund_amount' } = options;
  const properties = ['amount', 'deal_currency_code', 'dealstage', 'closedate', 'hs_lastmodifieddate'];
  return [...new Set([...properties, partnerProperty, refundAmountProperty])];
}

/**
 * Reads one event of a webhook's body, before anything is fetched.
 *
 * @example
 * readHubSpotNotification({ subscriptionType: 'deal.propertyChange', propertyName: 'dealstage',
 *   propertyValue: 'closedwon', objectId: 18432067011, portalId: 62515, occurredAt: 1739547845120, … })
 * //=> { kind: 'closed', portalId: '62515', objectId: '18432067011', stage: 'closedwon',
 * //     at: '2025-02-14T15:44:05.120Z' }
 */
export function readHubSpotNotification(
  notification: unknown,
  options: HubSpotOptions = {},
): HubSpotStageChange | Refusal {
  return neverThrows(() => readNotification(notification, options));
}

function readNotification(notification: unknown, options: HubSpotOptions): HubSpotStageChange | Refusal {
  if (!isRecord(notification)) {
    return unmappable('', `a HubSpot webhook event must be a JSON object, not ${typeName(notification)}`);
  }
  const type = requiredText(
    field(notification, 'subscriptionType'),
    'subscriptionType',
    'the subscription type',
  );
  if (isRefusal(type)) return type;
  const generic = type === 'object.propertyChange' && field(notification, 'objectTypeId') === '0-3';
  if (type !== 'deal.propertyChange' && !generic) {
    return ignored(`a ${describe(type)} event is not a change of a deal's stage`);
  }
  const name = requiredText(field(notification, 'propertyName'), 'propertyName', 'the property changed');
  if (isRefusal(name)) return name;
  if (name !== 'dealstage')
    return ignored(`a change of the deal property ${describe(name)} is not a stage change`);
  const stage = requiredText(field(notification, 'propertyValue'), 'propertyValue', 'the new stage');
  if (isRefusal(stage)) return stage;
  const kind = stageKind(stage, options);
  if (kind === undefined)
    return ignored(`stage ${describe(stage)} is neither closed won nor a refund: not a closed deal`);
  const objectId = hubspotId(field(notification, 'objectId'), 'objectId');
  if (isRefusal(objectId)) return objectId;
  const portalId = hubspotId(field(notification, 'portalId'), 'portalId');
  if (isRefusal(portalId)) return portalId;
  const at = instantFromEpoch(field(notification, 'occurredAt'), 'occurredAt');
  if (isRefusal(at)) return at;
  return { kind, portalId, objectId, stage, at };
}

function stageKind(stage: string, options: HubSpotOptions): HubSpotStageChange['kind'] | undefined {
  if ((options.closedWonStages ?? ['closedwon']).includes(stage)) return 'closed';
  if ((options.refundedStages ?? []).includes(stage)) return 'refunded';
  return undefined;
}

// HubSpot sends ids as JSON numbers in webhooks and as strings in the CRM API.
function hubspotId(value: unknown, path: string): string | Refusal {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  if (typeof value === 'string' && /^[1-9]\d*$/.test(value)) return value;
  if (value === undefined || value === null) return unmappable(path, `${path} is missing`);
  return unmappable(path, `${path} must be a positive whole number, not ${describe(value)}`);
}

/**
 * Maps a webhook event and the deal fetched for it to `deal.closed` (closed-won stage) or
 * `deal.refunded` (a refund stage). Ids come from the portal and the deal, so a webhook HubSpot
 * delivers again maps to the same event, which the engine skips as a duplicate.
 *
 * @example
 * mapHubSpotDeal(notification, { id: '18432067011', properties: { amount: '1500.5',
 *   deal_currency_code: 'USD', partner_id: 'acme-consulting', … } })
 * //=> { ok: true, event: { id: 'hubspot:62515:18432067011:closed', type: 'deal.closed',
 * //     at: '2025-02-14T15:44:05.120Z', partnerId: 'acme-consulting',
 * //     dealId: 'hubspot:62515:18432067011', amount: '1500.50', currency: 'USD' } }
 */
export function mapHubSpotDeal(
  notification: unknown,
  deal: unknown,
  options: HubSpotOptions = {},
): Mapping<DealEvent> {
  return neverThrows(() => {
    const change = readNotification(notification, options);
    return isRefusal(change) ? change : mapChange(change, deal, options);
  });
}

function mapChange(change: HubSpotStageChange, deal: unknown, options: HubSpotOptions): Mapping<DealEvent> {
  if (!isRecord(deal)) return unmappable('', `the fetched deal must be a JSON object, not ${typeName(deal)}`);
  const id = field(deal, 'id');
  if (id !== change.objectId) {
    return unmappable(
      'id',
      `the fetched deal is ${describe(id)}, not deal ${change.objectId} of the webhook`,
    );
  }
  const properties = field(deal, 'properties');
  if (!isRecord(properties)) return unmappable('properties', 'the fetched deal has no properties object');
  const currency = currencyOf(field(properties, 'deal_currency_code'), 'properties.deal_currency_code', {
    ...options,
    fallback: options.accountCurrency,
  });
  if (isRefusal(currency)) return currency;
  return change.kind === 'closed'
    ? closedEvent(change, properties, currency, options)
    : refundedEvent(change, properties, currency, options);
}

function closedEvent(
  change: HubSpotStageChange,
  properties: Record<string, unknown>,
  currency: Currency,
  options: HubSpotOptions,
): Mapping<DealClosed> {
  const amount = exactAmount(field(properties, 'amount'), 'properties.amount', currency);
  if (isRefusal(amount)) return amount;
  const partnerProperty = options.partnerProperty ?? 'partner_id';
  const partnerPath = `properties.${partnerProperty}`;
  const partnerId = requiredText(field(properties, partnerProperty), partnerPath, 'the partner');
  if (isRefusal(partnerId)) return partnerId;
  const dealId = `hubspot:${change.portalId}:${change.objectId}`;
  const event: DealClosed = {
    id: `${dealId}:closed`,
    type: 'deal.closed',
    at: change.at,
    partnerId,
    dealId,
    amount,
    currency: currency.code,
  };
  return checkedEvent(event, currency, {
    partnerId: partnerPath,
    amount: 'properties.amount',
    at: 'occurredAt',
  });
}

function refundedEvent(
  change: HubSpotStageChange,
  properties: Record<string, unknown>,
  currency: Currency,
  options: HubSpotOptions,
): Mapping<DealRefunded> {
  const amountPath = `properties.${options.refundAmountProperty ?? 'refund_amount'}`;
  const amount = exactAmount(
    field(properties, options.refundAmountProperty ?? 'refund_amount'),
    amountPath,
    currency,
  );
  if (isRefusal(amount)) return amount;
  const dealId = `hubspot:${change.portalId}:${change.objectId}`;
  const event: DealRefunded = {
    id: `${dealId}:refunded`,
    type: 'deal.refunded',
    at: change.at,
    dealId,
    amount,
  };
  return checkedEvent(event, currency, { amount: amountPath, at: 'occurredAt' });
}

/**
 * Maps a whole webhook body (a JSON array of up to 100 events), fetching the deal of each event
 * that is about a closed or refunded deal, one after another. The results are in the body's order.
 * A fetch that fails rejects the promise: answer HubSpot with an error and it delivers the batch
 * again; the events already ingested are then skipped as duplicates.
 */
export async function mapHubSpotWebhook(
  body: unknown,
  fetchDeal: FetchDeal,
  options: HubSpotOptions = {},
): Promise<Mapping<DealEvent>[]> {
  if (!Array.isArray(body)) {
    return [unmappable('', `a HubSpot webhook body must be a JSON array of events, not ${typeName(body)}`)];
  }
  const results: Mapping<DealEvent>[] = [];
  for (const notification of body) {
    const change = readHubSpotNotification(notification, options);
    if (isRefusal(change)) {
      results.push(change);
      continue;
    }
    const deal = await fetchDeal(change.objectId, hubspotDealProperties(options));
    results.push(neverThrows(() => mapChange(change, deal, options)));
  }
  return results;
}

export interface HubSpotFetcherOptions {
  /** A private app's access token, or an OAuth access token, with `crm.objects.deals.read`. */
  readonly accessToken: string;
  /** The fetch to use (default the global one); tests pass a fake. */
  readonly fetch?: typeof globalThis.fetch;
  readonly baseUrl?: string;
}

/**
 * A FetchDeal over the CRM v3 objects API: `GET /crm/v3/objects/deals/{dealId}?properties=…`.
 *
 * @example
 * const fetchDeal = hubspotDealFetcher({ accessToken: process.env.HUBSPOT_TOKEN ?? '' });
 * await fetchDeal('18432067011', ['amount', 'partner_id'])
 * //=> { id: '18432067011', properties: { amount: '1500.5', partner_id: 'acme-consulting', … }, … }
 */
export function hubspotDealFetcher(options: HubSpotFetcherOptions): FetchDeal {
  const fetch = options.fetch ?? globalThis.fetch;
  const baseUrl = options.baseUrl ?? 'https://api.hubapi.com';
  return async (objectId, properties) => {
    const query = new URLSearchParams({ properties: properties.join(','), archived: 'false' });
    const url = `${baseUrl}/crm/v3/objects/deals/${encodeURIComponent(objectId)}?${query}`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${options.accessToken}` } });
    if (!response.ok) throw new Error(`HubSpot answered ${response.status} for deal ${objectId}`);
    return response.json();
  };
}
