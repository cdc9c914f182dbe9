// parseEvent by the zod schemas: the reference for which events are accepted and how they are
// normalised, and the one place a refusal is explained (the field at fault and a sentence).
// The decoder takes the common case faster; whatever it does not vouch for comes here.
import type { z } from 'zod';
import { normaliseInstant } from './instants.js';
import { copyMeta } from './meta.js';
import { normaliseAmount, normaliseRate, termsProblem } from './normalise.js';
import { EVENT_TYPES, type EventType, eventSchemas } from './schema.js';
import { type EventCurrency, invalidEvent, type ParseEventResult, type PartnerEvent } from './types.js';

const MAX_SHOWN_CHARACTERS = 40;

/**
 * Validates one event with its zod schema, then normalises it.
 *
 * @example
 * parseBySchema({ id: 'e1', type: 'feature.used', at: '2025-01-03T00:00:00Z', partnerId: 'p1',
 *                 feature: 'dashboard' }, { code: 'USD', decimals: 2 })
 * //=> { ok: true, event: { id: 'e1', at: '2025-01-03T00:00:00.000Z', type: 'feature.used', … } }
 */
export function parseBySchema(input: unknown, currency: EventCurrency): ParseEventResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return invalidEvent('', 'an event must be a JSON object');
  }
  const type = (input as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(eventSchemas, type)) {
    return invalidEvent('type', `type must be one of ${EVENT_TYPES.join(', ')}; got ${describeValue(type)}`);
  }
  const parsed = eventSchemas[type as EventType].safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (!issue) return invalidEvent('', 'invalid event');
    // An unknown field is reported at the field itself, not at the event holding it.
    const path = [...issue.path, ...(issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [])]
      .map(String)
      .join('.');
    return invalidEvent(path, describe(issue, path, input as Record<string, unknown>));
  }
  return normalise(parsed.data, currency);
}

function describe(issue: z.core.$ZodIssue, path: string, input: Record<string, unknown>): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
  }
  const field = issue.path[0];
  const missing = issue.path.length === 1 && typeof field === 'string' && !Object.hasOwn(input, field);
  if (issue.code === 'invalid_type' && missing) return `${path} is required`;
  return issue.message;
}

// A value in a message without serialising it: it may be deep, cyclic or a bigint.
function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') {
    const cut = value.length > MAX_SHOWN_CHARACTERS ? `${value.slice(0, MAX_SHOWN_CHARACTERS - 1)}…` : value;
    return JSON.stringify(cut);
  }
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

type SchemaOutput = z.output<(typeof eventSchemas)[EventType]>;

function normalise(event: SchemaOutput, currency: EventCurrency): ParseEventResult {
  const out: Record<string, unknown> = { ...event };
  for (const field of ['at', 'effectiveFrom', 'until'] as const) {
    const value = out[field];
    if (typeof value !== 'string') continue;
    const instant = normaliseInstant(field, value);
    if (!instant.ok) return invalidEvent(field, instant.message);
    out[field] = instant.value;
  }
  if (event.meta !== undefined) {
    const meta = copyMeta(event.meta);
    if (!meta.ok) return invalidEvent(meta.path, meta.message);
    out.meta = meta.value;
  }
  if ('amount' in event) {
    const amount = normaliseAmount(event.amount, currency);
    if (!amount.ok) return invalidEvent('amount', amount.message);
    out.amount = amount.value;
  }
  for (const field of ['rate', 'baseRate', 'overrideRate'] as const) {
    const value = out[field];
    if (value === undefined) continue;
    const rate = normaliseRate(value);
    if (!rate.ok) return invalidEvent(field, rate.message);
    out[field] = rate.value;
  }
  const problem = event.type === 'terms.set' ? termsProblem(out as { at: string }) : undefined;
  if (problem) return invalidEvent(problem.path, problem.message);
  return { ok: true, event: out as PartnerEvent };
}
