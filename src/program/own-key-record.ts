// A zod record keyed by programme ids that keeps every own key, "__proto__" included. zod's own
// record skips that key to protect the plain object it builds, which silently dropped a version's
// change to a tier with that id; here the result is built with defineProperty, which cannot touch
// a prototype.
import { z } from 'zod';

const PROTO = '__proto__';

function isPlainObject(input: unknown): input is Record<string, unknown> {
  return input !== null && typeof input === 'object' && !Array.isArray(input);
}

function ownProperty(value: unknown): PropertyDescriptor {
  return { value, enumerable: true, writable: true, configurable: true };
}

// zod's result without "__proto__", and that key parsed on its own, in the input's key order.
function withProto(input: Record<string, unknown>, parsed: Record<string, unknown>, proto: unknown): object {
  const output = {};
  for (const key of Object.keys(input)) {
    if (key === PROTO) Object.defineProperty(output, key, ownProperty(proto));
    else if (Object.hasOwn(parsed, key)) Object.defineProperty(output, key, ownProperty(parsed[key]));
  }
  return output;
}

const ZodOwnKeyRecord = z.core.$constructor<z.ZodRecord, z.core.$ZodRecordDef>(
  'ZodOwnKeyRecord',
  (instance, def) => {
    z.ZodRecord.init(instance, def);
    const parseOthers = instance._zod.parse;
    instance._zod.parse = (payload, context) => {
      const input = payload.value;
      if (!isPlainObject(input) || !Object.hasOwn(input, PROTO)) return parseOthers(payload, context);
      // Programme schemas are synchronous, so both results are plain payloads.
      const others = parseOthers(payload, context) as z.core.ParsePayload<Record<string, unknown>>;
      const proto = def.valueType._zod.run(
        { value: input[PROTO], issues: [] },
        context,
      ) as z.core.ParsePayload;
      others.issues.push(...z.core.util.prefixIssues(PROTO, proto.issues));
      others.value = withProto(input, others.value, proto.value) as Record<string, unknown>;
      return others;
    };
  },
);

/**
 * `z.record(z.string(), value)`, except that a key named "__proto__" is parsed and kept like any
 * other (the JSON Schema is the same).
 *
 * @example
 * ownKeyRecord(z.number()).parse(JSON.parse('{"__proto__": 1, "gold": 2}'))
 * //=> { ['__proto__']: 1, gold: 2 } (own properties; the prototype is untouched)
 */
export function ownKeyRecord<Value extends z.ZodType>(value: Value): z.ZodRecord<z.ZodString, Value> {
  const record = new ZodOwnKeyRecord({
    type: 'record',
    keyType: z.string(),
    valueType: value as z.core.$ZodType,
  });
  return record as unknown as z.ZodRecord<z.ZodString, Value>;
}
