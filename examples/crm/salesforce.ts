// Salesforce opportunities and credit notes as the library's events, from Change Data Capture
// messages as a CometD (Streaming API) client receives them: `{ data: { schema, payload: {
// ChangeEventHeader, …fields }, event: { replayId } }, channel }`. An opportunity created won or
// moved to a won stage becomes `deal.closed`; a credit note created against one, `deal.refunded`.
// An update event carries only the fields it changed, so the channel is enriched with the fields
// a closing needs (Amount, CurrencyIsoCode, CloseDate and the partner field).
import { TZDate } from '@date-fns/tz';
import type { DealClosed, DealRefunded } from '@siso/partner-engine';
import {
  type CurrencyOptions,
  checkedEvent,
  currencyOf,
  type DealEvent,
  describe,
  epochOfDateTime,
  exactAmount,
  field,
  ignored,
  inSupportedRange,
  isRecord,
  isRefusal,
  type Mapping,
  neverThrows,
  type Refusal,
  requiredText,
  typeName,
  unmappable,
} from './mapping.js';

/** The custom object a host records credit notes in, and its fields. */
export interface CreditNoteFields {
  /** Default `Credit_Note__c`. */
  readonly object?: string;
  /** The lookup to the opportunity refunded (default `Opportunity__c`). */
  readonly opportunityField?: string;
  /** The amount refunded (default `Amount__c`). */
  readonly amountField?: string;
}

export interface SalesforceOptions extends CurrencyOptions {
  /** The first part of every id, to tell several orgs apart (default `salesforce`). */
  readonly source?: string;
  /** The opportunity field holding the partner's id in the programme (default `Partner_Id__c`). */
  readonly partnerField?: string;
  /** Stage names that mean won, read when an event carries no `IsWon` (default `['Closed Won']`). */
  readonly wonStages?: readonly string[];
  /** The org's corporate currency, for orgs without multiple currencies (no `CurrencyIsoCode`). */
  readonly corporateCurrency?: string;
  /** The programme's time zone, in which a `CloseDate` is a day (default `UTC`). */
  readonly timeZone?: string;
  readonly creditNote?: CreditNoteFields;
}

const PAYLOAD = 'data.payload';
const HEADER = `${PAYLOAD}.ChangeEventHeader`;

/** A change event once its header is read. */
interface ChangeEvent {
  readonly entity: string;
  readonly changeType: string;
  readonly changedFields: readonly unknown[];
  readonly recordId: string;
  readonly payload: Record<string, unknown>;
}

/**
 * Maps one change event message of an opportunity or a credit note.
 *
 * @throws {RangeError} when `options.timeZone` is not an IANA time zone (a bug of the host's
 *   configuration, not of the payload: every payload is answered with a result).
 *
 * @example
 * mapSalesforceChange({ data: { payload: { ChangeEventHeader: { entityName: 'Opportunity',
 *   changeType: 'UPDATE', changedFields: ['StageName', 'IsWon', …], recordIds: ['006…'] },
 *   StageName: 'Closed Won', IsWon: true, Amount: 2400.75, CurrencyIsoCode: 'USD',
 *   CloseDate: '2025-02-20', LastModifiedDate: '2025-02-20T16:31:12.000Z', Partner_Id__c: 'acme-consulting' } } })
 * //=> { ok: true, event: { id: 'salesforce:006…:closed', type: 'deal.closed',
 * //     at: '2025-02-20T16:31:12.000Z', partnerId: 'acme-consulting', dealId: 'salesforce:006…',
 * //     amount: '2400.75', currency: 'USD' } }
 */
export function mapSalesforceChange(message: unknown, options: SalesforceOptions = {}): Mapping<DealEvent> {
  const timeZone = checkedTimeZone(options.timeZone ?? 'UTC');
  return neverThrows(() => {
    const change = readChangeEvent(message, options);
    if (isRefusal(change)) return change;
    return change.entity === 'Opportunity'
      ? opportunityEvent(change, options, timeZone)
      : creditNoteEvent(change, options);
  });
}

function checkedTimeZone(timeZone: string): string {
  // Intl throws a RangeError for a name that is not an IANA zone.
  new Intl.DateTimeFormat('en-US', { timeZone });
  return timeZone;
}

function readChangeEvent(message: unknown, options: SalesforceOptions): ChangeEvent | Refusal {
  if (!isRecord(message)) {
    return unmappable('', `a change event message must be a JSON object, not ${typeName(message)}`);
  }
  const payload = field(field(message, 'data'), 'payload');
  if (!isRecord(payload)) return unmappable(PAYLOAD, 'the message has no data.payload object');
  const header = field(payload, 'ChangeEventHeader');
  if (!isRecord(header)) return unmappable(HEADER, 'the payload has no ChangeEventHeader object');
  const entity = requiredText(field(header, 'entityName'), `${HEADER}.entityName`, 'the object name');
  if (isRefusal(entity)) return entity;
  const changeType = requiredText(field(header, 'changeType'), `${HEADER}.changeType`, 'the change type');
  if (isRefusal(changeType)) return changeType;
  const unrelated = unrelatedChange(entity, changeType, options);
  if (unrelated) return unrelated;
  const recordIds = field(header, 'recordIds');
  // Salesforce merges the same change of several records into one event; an enriched channel
  // sends one event per record, each with its own field values.
  if (!Array.isArray(recordIds) || recordIds.length !== 1) {
    return unmappable(
      `${HEADER}.recordIds`,
      'the event must be about exactly one record; enrich the channel',
    );
  }
  const recordId = requiredText(recordIds[0], `${HEADER}.recordIds[0]`, 'the record id');
  if (isRefusal(recordId)) return recordId;
  const changedFields = field(header, 'changedFields') ?? [];
  // Without the list, an update that won the deal could not be told from any other edit.
  if (!Array.isArray(changedFields)) {
    return unmappable(`${HEADER}.changedFields`, 'the header must list the changed fields in an array');
  }
  return { entity, changeType, changedFields, recordId, payload };
}

// What is neither a closing nor a refund is ignored before the rest of the header is read.
function unrelatedChange(
  entity: string,
  changeType: string,
  options: SalesforceOptions,
): Refusal | undefined {
  const gapOr = (...types: string[]) => changeType.startsWith('GAP_') || types.includes(changeType);
  if (entity === 'Opportunity') {
    return gapOr('CREATE', 'UPDATE')
      ? undefined
      : ignored(`a ${changeType} of an opportunity is not a closing`);
  }
  if (entity === (options.creditNote?.object ?? 'Credit_Note__c')) {
    return gapOr('CREATE')
      ? undefined
      : ignored(`a ${changeType} of a credit note is not a refund; only a new credit note is`);
  }
  return ignored(`a change of ${entity} records is not about a deal`);
}

// A gap event says Salesforce could not send the change itself: it has no field values.
function gap(change: ChangeEvent): Refusal {
  return unmappable(
    `${HEADER}.changeType`,
    `a ${change.changeType} event carries no field values: read ${change.entity} ${change.recordId} with the REST API`,
  );
}

function opportunityEvent(
  change: ChangeEvent,
  options: SalesforceOptions,
  timeZone: string,
): Mapping<DealClosed> {
  if (change.changeType.startsWith('GAP_')) return gap(change);
  if (change.changeType === 'UPDATE' && change.changedFields.length === 0) {
    return unmappable(`${HEADER}.changedFields`, 'an update event must list the fields it changed');
  }
  const stageChanged = change.changedFields.includes('StageName') || change.changedFields.includes('IsWon');
  if (change.changeType === 'UPDATE' && !stageChanged) {
    return ignored('an update that leaves the stage as it was is not a closing');
  }
  const { payload } = change;
  const stage = field(payload, 'StageName');
  const isWon = field(payload, 'IsWon');
  const wonStages = options.wonStages ?? ['Closed Won'];
  const won = typeof isWon === 'boolean' ? isWon : typeof stage === 'string' && wonStages.includes(stage);
  if (!won) return ignored(`stage ${describe(stage)} is not won: not a closed deal`);
  const currency = currencyOf(field(payload, 'CurrencyIsoCode'), `${PAYLOAD}.CurrencyIsoCode`, {
    ...options,
    fallback: options.corporateCurrency,
  });
  if (isRefusal(currency)) return currency;
  const amount = exactAmount(field(payload, 'Amount'), `${PAYLOAD}.Amount`, currency);
  if (isRefusal(amount)) return amount;
  const partnerPath = `${PAYLOAD}.${options.partnerField ?? 'Partner_Id__c'}`;
  const partnerId = requiredText(
    field(payload, options.partnerField ?? 'Partner_Id__c'),
    partnerPath,
    'the partner',
  );
  if (isRefusal(partnerId)) return partnerId;
  const at = closingInstant(field(payload, 'CloseDate'), field(payload, 'LastModifiedDate'), timeZone);
  if (isRefusal(at)) return at;
  const dealId = `${options.source ?? 'salesforce'}:${change.recordId}`;
  const event: DealClosed = {
    id: `${dealId}:closed`,
    type: 'deal.closed',
    at,
    partnerId,
    dealId,
    amount,
    currency: currency.code,
  };
  return checkedEvent(event, currency, { partnerId: partnerPath, amount: `${PAYLOAD}.Amount` });
}

/**
 * When a deal closed: the last instant of its CloseDate in the programme's time zone, or the
 * moment Salesforce recorded the change if that is earlier. The day is what the CRM says (it puts
 * the deal in that day's month and quarter, after everything else that day, such as the partner
 * joining); the cap keeps a CloseDate of today or later from putting the event in the future.
 */
function closingInstant(closeDate: unknown, lastModified: unknown, timeZone: string): string | Refusal {
  const path = `${PAYLOAD}.CloseDate`;
  const match = typeof closeDate === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(closeDate) : null;
  if (match === null) {
    return unmappable(path, `the close date must be a date like "2025-02-20", not ${describe(closeDate)}`);
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) {
    return unmappable(path, `the close date ${describe(closeDate)} is not a day of the calendar`);
  }
  const recorded = epochOfDateTime(lastModified, `${PAYLOAD}.LastModifiedDate`);
  if (isRefusal(recorded)) return recorded;
  const endOfDay = new TZDate(year, month - 1, day + 1, timeZone).getTime() - 1;
  return inSupportedRange(Math.min(endOfDay, recorded), path);
}

function creditNoteEvent(change: ChangeEvent, options: SalesforceOptions): Mapping<DealRefunded> {
  if (change.changeType.startsWith('GAP_')) return gap(change);
  const { payload } = change;
  const fields = options.creditNote ?? {};
  const opportunityField = fields.opportunityField ?? 'Opportunity__c';
  const opportunityPath = `${PAYLOAD}.${opportunityField}`;
  const opportunity = requiredText(
    field(payload, opportunityField),
    opportunityPath,
    'the opportunity refunded',
  );
  if (isRefusal(opportunity)) return opportunity;
  const currency = currencyOf(field(payload, 'CurrencyIsoCode'), `${PAYLOAD}.CurrencyIsoCode`, {
    ...options,
    fallback: options.corporateCurrency,
  });
  if (isRefusal(currency)) return currency;
  const amountPath = `${PAYLOAD}.${fields.amountField ?? 'Amount__c'}`;
  const amount = exactAmount(field(payload, fields.amountField ?? 'Amount__c'), amountPath, currency);
  if (isRefusal(amount)) return amount;
  const recorded = epochOfDateTime(field(payload, 'LastModifiedDate'), `${PAYLOAD}.LastModifiedDate`);
  if (isRefusal(recorded)) return recorded;
  const at = inSupportedRange(recorded, `${PAYLOAD}.LastModifiedDate`);
  if (isRefusal(at)) return at;
  const source = options.source ?? 'salesforce';
  const event: DealRefunded = {
    id: `${source}:${change.recordId}:refund`,
    type: 'deal.refunded',
    at,
    dealId: `${source}:${opportunity}`,
    amount,
  };
  return checkedEvent(event, currency, { amount: amountPath, dealId: opportunityPath });
}
