// The hot path of parseEvent: a hand-written decoder for the seven event shapes. It checks what
// the zod schemas check (types, required and unknown fields, non-empty ids, the date-time format)
// and normalises as the schema path does, without building issues: it answers "this event" or
// "not mine", and every refusal is then explained by the schemas. A property test holds the two
// to the same answers.
import { utcInstant } from './instants.js';
import { copyMeta } from './meta.js';
import { normaliseAmount, normaliseRate, termsProblem } from './normalise.js';
import { type EventType, eventSchemas } from './schema.js';
import type { EventCurrency, ParseEventResult, PartnerEvent } from './types.js';

type Input = Readonly<Record<string, unknown>>;
type Draft = Record<string, unknown>;
/** Reads one type's own fields into the draft; false when one of them is not what the schema takes. */
type FieldsReader = (input: Input, draft: Draft, currency: EventCurrency) => boolean;

interface Decoder {
  /** The fields the type's schema declares, in its order; any other field is refused. */
  readonly fields: ReadonlySet<string>;
  readonly read: FieldsReader;
}

/**
 * The event, normalised exactly as parseBySchema would give it, or undefined when the input is
 * anything the decoder does not vouch for (the schema path then accepts or explains it).
 *
 * @example
 * decodeEvent({ id: 'e1', type: 'feature.used', at: '2025-01-03T00:00:00Z', partnerId: 'p1',
 *               feature: 'dashboard' }, { code: 'USD', decimals: 2 })
 * //=> { ok: true, event: { id: 'e1', at: '2025-01-03T00:00:00.000Z', type: 'feature.used', … } }
 */
export function decodeEvent(input: unknown, currency: EventCurrency): ParseEventResult | undefined {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return undefined;
  const record = input as Input;
  const type = record.type;
  const decoder = typeof type === 'string' ? DECODERS.get(type) : undefined;
  if (decoder === undefined || !hasOnlyFields(record, decoder.fields)) return undefined;
  const draft = readCommonFields(record, type as EventType);
  if (draft === undefined || !decoder.read(record, draft, currency)) return undefined;
  return { ok: true, event: draft as PartnerEvent };
}

// As strict zod objects do: every enumerable key, own or inherited, must be a declared field.
function hasOnlyFields(input: Input, fields: ReadonlySet<string>): boolean {
  for (const key in input) if (!fields.has(key)) return false;
  return true;
}

// id, at, meta and type, in the schemas' order (the order of the normalised event's fields).
function readCommonFields(input: Input, type: EventType): Draft | undefined {
  const id = input.id;
  const at = input.at;
  if (!isId(id) || typeof at !== 'string') return undefined;
  const instant = utcInstant(at);
  if (instant === undefined) return undefined;
  const draft: Draft = { id, at: instant };
  if ('meta' in input) {
    const meta = input.meta;
    if (meta === undefined) draft.meta = undefined;
    else {
      const copy = readMeta(meta);
      if (copy === undefined) return undefined;
      draft.meta = copy;
    }
  }
  draft.type = type;
  return draft;
}

// meta as z.record(z.string(), z.unknown()) reads it (own enumerable string keys of a plain
// object, "__proto__" dropped), then copied as JSON data within its limits.
function readMeta(value: unknown): Record<string, unknown> | undefined {
  if (!isPlainObject(value)) return undefined;
  const record: Record<string, unknown> = {};
  for (const key of Reflect.ownKeys(value)) {
    if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(value, key)) continue;
    if (typeof key !== 'string') return undefined;
    record[key] = (value as Record<string, unknown>)[key];
  }
  const copy = copyMeta(record);
  return copy.ok ? copy.value : undefined;
}

// zod's own test for a record: an object whose constructor, if it is a function, is Object-like.
function isPlainObject(value: unknown): value is object {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const maker: unknown = (value as { constructor?: unknown }).constructor;
  if (typeof maker !== 'function') return true;
  const prototype: unknown = maker.prototype;
  if (prototype === null || typeof prototype !== 'object' || Array.isArray(prototype)) return false;
  return Object.hasOwn(prototype, 'isPrototypeOf');
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

const CODE_A = 65;
const CODE_Z = 90;

function isCurrencyCode(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 3) return false;
  for (let index = 0; index < 3; index++) {
    const code = value.charCodeAt(index);
    if (code < CODE_A || code > CODE_Z) return false;
  }
  return true;
}

function readAmount(value: unknown, draft: Draft, currency: EventCurrency): boolean {
  if (typeof value !== 'string' && typeof value !== 'number') return false;
  const amount = normaliseAmount(value, currency);
  if (amount.ok) draft.amount = amount.value;
  return amount.ok;
}

// An optional field is there when the input has it (`in`, as zod asks), even if undefined.
function readOptionalRate(input: Input, field: string, draft: Draft): boolean {
  if (!(field in input)) return true;
  const value = input[field];
  if (value === undefined) {
    draft[field] = undefined;
    return true;
  }
  if (typeof value !== 'string' && typeof value !== 'number') return false;
  const rate = normaliseRate(value);
  if (rate.ok) draft[field] = rate.value;
  return rate.ok;
}

function readOptionalInstant(input: Input, field: string, draft: Draft): boolean {
  if (!(field in input)) return true;
  const value = input[field];
  if (value === undefined) {
    draft[field] = undefined;
    return true;
  }
  const instant = typeof value === 'string' ? utcInstant(value) : undefined;
  if (instant !== undefined) draft[field] = instant;
  return instant !== undefined;
}

const readPartnerJoined: FieldsReader = (input, draft) => {
  const partnerId = input.partnerId;
  const sponsorId = input.sponsorId;
  if (!isId(partnerId) || !(sponsorId === null || isId(sponsorId))) return false;
  draft.partnerId = partnerId;
  draft.sponsorId = sponsorId;
  return true;
};

const readTrainingCompleted: FieldsReader = (input, draft) => {
  const partnerId = input.partnerId;
  const moduleId = input.moduleId;
  if (!isId(partnerId) || !isId(moduleId)) return false;
  draft.partnerId = partnerId;
  draft.moduleId = moduleId;
  return true;
};

const readDealClosed: FieldsReader = (input, draft, currency) => {
  const partnerId = input.partnerId;
  const dealId = input.dealId;
  const currencyCode = input.currency;
  if (!isId(partnerId) || !isId(dealId)) return false;
  draft.partnerId = partnerId;
  draft.dealId = dealId;
  if (!readAmount(input.amount, draft, currency) || !isCurrencyCode(currencyCode)) return false;
  draft.currency = currencyCode;
  return readOptionalRate(input, 'rate', draft);
};

const readDealRefunded: FieldsReader = (input, draft, currency) => {
  const dealId = input.dealId;
  if (!isId(dealId)) return false;
  draft.dealId = dealId;
  return readAmount(input.amount, draft, currency);
};

const readTermsSet: FieldsReader = (input, draft) => {
  const partnerId = input.partnerId;
  if (!isId(partnerId)) return false;
  draft.partnerId = partnerId;
  const fields =
    readOptionalRate(input, 'baseRate', draft) &&
    readOptionalRate(input, 'overrideRate', draft) &&
    readOptionalInstant(input, 'effectiveFrom', draft) &&
    readOptionalInstant(input, 'until', draft);
  return fields && termsProblem(draft as { at: string }) === undefined;
};

const readPayoutPaid: FieldsReader = (input, draft, currency) => {
  const partnerId = input.partnerId;
  if (!isId(partnerId)) return false;
  draft.partnerId = partnerId;
  return readAmount(input.amount, draft, currency);
};

const readFeatureUsed: FieldsReader = (input, draft) => {
  const partnerId = input.partnerId;
  const feature = input.feature;
  if (!isId(partnerId) || !isId(feature)) return false;
  draft.partnerId = partnerId;
  draft.feature = feature;
  return true;
};

const READERS: { readonly [T in EventType]: FieldsReader } = {
  'partner.joined': readPartnerJoined,
  'training.completed': readTrainingCompleted,
  'deal.closed': readDealClosed,
  'deal.refunded': readDealRefunded,
  'terms.set': readTermsSet,
  'payout.paid': readPayoutPaid,
  'feature.used': readFeatureUsed,
};

// The declared fields come from the schemas themselves, so a field added there is never
// silently refused here (nor taken without its check: the property test sees to that).
const DECODERS: ReadonlyMap<string, Decoder> = new Map(
  (Object.keys(READERS) as EventType[]).map((type) => [
    type,
    { fields: new Set(Object.keys(eventSchemas[type].shape)), read: READERS[type] },
  ]),
);
