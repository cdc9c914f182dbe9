// Event inputs for property tests: valid events of every type, with ids, instants, amounts,
// rates and meta of many writings, and mutations of them (missing, ill-typed and extra fields,
// date-times of many wrong forms, odd meta, unusual objects, non-objects).
import fc from 'fast-check';
import type { EventCurrency } from '../../src/events/types.js';

export const currencies: EventCurrency[] = [
  { code: 'USD', decimals: 2 },
  { code: 'JPY', decimals: 0 },
  { code: 'BHD', decimals: 3 },
];

// --- Valid parts -------------------------------------------------------------------------------

const pad = (value: number, width: number) => String(value).padStart(width, '0');

const id = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z]\d{1,3}$/) },
  { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 8, unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', ' ', '日本', '🎉') },
);

// Fractions of 1 to 9 digits; beyond the millisecond, mostly zeros.
const fraction = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 999 }).map((ms) => `.${pad(ms, 3)}`) },
  { weight: 1, arbitrary: fc.stringMatching(/^\.\d{1,9}$/) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 6 }))
      .map(([ms, zeros]) => `.${pad(ms, 3)}${'0'.repeat(zeros)}`),
  },
);

const zone = fc.oneof(
  { weight: 3, arbitrary: fc.constant('Z') },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45, 59))
      .map(([sign, hours, minutes]) => `${sign}${pad(hours, 2)}:${pad(minutes, 2)}`),
  },
);

// Dates near the ends of the range too, and 29 February in leap and common years.
const date = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.date({
      min: new Date('2024-01-01T00:00:00Z'),
      max: new Date('2026-12-31T23:59:59Z'),
      noInvalidDate: true,
    }),
  },
  fc.date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T23:59:59Z'),
    noInvalidDate: true,
  }),
  fc.date({
    min: new Date('1999-12-30T00:00:00Z'),
    max: new Date('2000-01-02T00:00:00Z'),
    noInvalidDate: true,
  }),
  fc.date({
    min: new Date('2099-12-30T00:00:00Z'),
    max: new Date('2100-01-02T00:00:00Z'),
    noInvalidDate: true,
  }),
  fc.constantFrom(
    ...['1900', '2000', '2024', '2025', '2096', '2100', '2400'].map(
      (year) => new Date(`${year}-02-28T12:00:00Z`),
    ),
  ),
);

const instant = fc.tuple(date, fraction, zone, fc.boolean()).map(([when, digits, offset, leapDay]) => {
  const iso = when.toISOString();
  const day = leapDay && iso.slice(5, 10) === '02-28' ? `${iso.slice(0, 8)}29` : iso.slice(0, 10);
  return `${day}T${iso.slice(11, 19)}${digits}${offset}`;
});

const plainAmount = fc
  .tuple(
    fc.stringMatching(/^0{0,2}$/),
    fc.oneof(fc.stringMatching(/^[1-9]\d{0,6}$/), fc.stringMatching(/^[1-9]\d{26,30}$/), fc.constant('0')),
    fc.option(fc.stringMatching(/^\d{1,4}$/), { nil: undefined }),
  )
  .map(([zeros, whole, places]) => `${zeros}${whole}${places === undefined ? '' : `.${places}`}`);

const amount = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[1-9]\d{0,5}(\.\d\d)?$/) },
  { weight: 4, arbitrary: plainAmount },
  { weight: 2, arbitrary: fc.double({ min: -1e6, max: 1e22, noNaN: true }) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 1_000_000 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('1e3', '1.5E+3', '-5.00', '+5', ' 5', '5.', '.5', '0.00', '1,500.00', 'NaN'),
  },
  { weight: 1, arbitrary: fc.constantFrom(0.1 + 0.2, 1500.5, -0, 1e21, 1e-7, Number.MAX_SAFE_INTEGER) },
);

const rate = fc.oneof(
  fc.stringMatching(/^0\.\d{1,5}$/),
  fc.double({ min: -0.5, max: 1.5, noNaN: true }),
  fc.constantFrom('1', '1.00', '0', '-0', '22%', '2.2e-1', 1, 0, 1e-7),
);

const jsonMeta = fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 });

// --- Valid events --------------------------------------------------------------------------------

type Fields = Record<string, fc.Arbitrary<unknown>>;

/** Required fields always, optional ones present, absent or explicitly undefined. */
function event(type: string, required: Fields, optional: Fields = {}): fc.Arbitrary<Record<string, unknown>> {
  const maybe = Object.fromEntries(
    Object.entries({ meta: jsonMeta, ...optional }).map(([field, value]) => [
      field,
      fc.oneof(
        { weight: 4, arbitrary: fc.constant(ABSENT) },
        { weight: 1, arbitrary: fc.constant(undefined) },
        {
          weight: 3,
          arbitrary: value,
        },
      ),
    ]),
  );
  return fc.record({ ...required, ...maybe }).map((fields) => {
    const out: Record<string, unknown> = { type };
    for (const [field, value] of Object.entries(fields)) if (value !== ABSENT) out[field] = value;
    return out;
  });
}

const ABSENT = Symbol('absent');
const currencyCode = fc.oneof(
  { weight: 5, arbitrary: fc.constant('USD') },
  { weight: 1, arbitrary: fc.constantFrom('JPY', 'usd', 'US', 'USDD', 'ÜSD', '') },
);
const common = { id, at: instant };

export const validEvent = fc.oneof(
  event('partner.joined', { ...common, partnerId: id, sponsorId: fc.option(id, { nil: null }) }),
  event('training.completed', { ...common, partnerId: id, moduleId: id }),
  event('deal.closed', { ...common, partnerId: id, dealId: id, amount, currency: currencyCode }, { rate }),
  event('deal.refunded', { ...common, dealId: id, amount }),
  event(
    'terms.set',
    { ...common, partnerId: id },
    { baseRate: rate, overrideRate: rate, effectiveFrom: instant, until: instant },
  ),
  event('payout.paid', { ...common, partnerId: id, amount }),
  event('feature.used', { ...common, partnerId: id, feature: id }),
);

// --- Mutations -----------------------------------------------------------------------------------

const someCharacter = fc.constantFrom('/', '-', ':', '.', 'x', 'T', 'Z', 'z', '+', '0', '5', '9', ' ', '٢');

// Where a date-time's structure is: the separators, the fraction's point, the zone.
const structural = (at: string) =>
  fc.constantFrom(4, 7, 10, 13, 16, 19, at.length - 6, at.length - 3, at.length - 1);

const badInstant = fc.oneof(
  // One character replaced (often a separator), removed or added anywhere.
  {
    weight: 6,
    arbitrary: instant.chain((at) =>
      fc
        .tuple(fc.oneof(structural(at), fc.nat(at.length - 1)), someCharacter)
        .map(([index, character]) => at.slice(0, index) + character + at.slice(index + 1)),
    ),
  },
  {
    weight: 2,
    arbitrary: instant.chain((at) =>
      fc.nat(at.length - 1).map((index) => at.slice(0, index) + at.slice(index + 1)),
    ),
  },
  {
    weight: 2,
    arbitrary: instant.chain((at) =>
      fc
        .tuple(fc.nat(at.length), someCharacter)
        .map(([index, character]) => at.slice(0, index) + character + at.slice(index)),
    ),
  },
  instant.map((at) => at.replace('Z', 'z')),
  instant.map((at) => at.replace('T', 't')),
  instant.map((at) => at.replace('T', ' ')),
  instant.map((at) => at.slice(0, 16) + at.slice(19)), // no seconds
  instant.map((at) => `${at.slice(0, 17)}60${at.slice(19)}`), // a leap second
  instant.map((at) => `${at.slice(0, 11)}24${at.slice(13)}`),
  instant.map((at) => at.replace(/([+-]\d\d):(\d\d)$/, '$1$2')),
  instant.map((at) => at.replace(/([+-]\d\d):(\d\d)$/, '$1')),
  instant.map((at) => at.replace(/[+-]\d\d:\d\d$|Z$/, '+24:00')),
  instant.map((at) => at.replace(/[+-]\d\d:\d\d$|Z$/, '+05:60')),
  instant.map((at) => at.replace(/[+-]\d\d:\d\d$|Z$/, '')),
  instant.map((at) => ` ${at}`),
  instant.map((at) => `${at}x`),
  instant.map((at) => `+0${at}`),
  instant.map((at) => at.replace(/^(\d{19})/, '$1.')),
  instant.map((at) => at.replace(/(:\d\d)(\.\d+)?(Z|[+-])/, '$1.$3')),
  instant.map((at) => at.replace('2', '٢')),
  fc.constantFrom(
    '2025-02-30T00:00:00Z',
    '2025-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2100-02-29T00:00:00Z',
    '2000-02-29T00:00:00Z',
    '2024-04-31T00:00:00Z',
    '2025-13-01T00:00:00Z',
    '2025-00-10T00:00:00Z',
    '2025-01-00T00:00:00Z',
    '2025-01-10',
    '2025-01-10T09:00Z',
    '2025-01-10T09:00:00.0001Z',
    '2025-01-10T09:00:00.123456789Z',
    '2025-01-10T09:00:00.1234567890000Z',
    '2025-01-10T09:00:00.000000000000Z',
    '02025-01-10T09:00:00Z',
    '-2025-01-10T09:00:00Z',
    '+002025-01-10T09:00:00.000Z',
    '1970-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '0000-01-01T00:00:00Z',
    '',
  ),
);

const anyValue = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  badInstant,
  amount,
  fc.constantFrom(null, undefined, '', 0, -0, Number.NaN, true, [], {}, 10n),
);

const extraKey = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'meta', 'rate', 'amount', 'sponsorId', 'until'),
);

const field = (input: Record<string, unknown>) => fc.constantFrom(...Object.keys(input));

/** Sets a key as an own data property, "__proto__" included (as JSON.parse does). */
function withField(input: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out = { ...input };
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

const oddMeta = fc.oneof(
  fc.constantFrom(null, 'crm', 7, [], [1, 2], new Date(0), new Map(), Object.create(null) as object),
  fc.integer({ min: 30, max: 35 }).map((levels) => {
    let value: unknown = 1;
    for (let level = 0; level < levels; level++) value = { a: value };
    return value;
  }),
  jsonMeta.map((meta) => ({ ...meta, [Symbol('s')]: 1 })),
  jsonMeta.map((meta) => Object.defineProperty({ ...meta }, 'hidden', { value: 1, enumerable: false })),
  jsonMeta.map((meta) => JSON.parse(`{"__proto__":{"x":1},"crm":${JSON.stringify(meta)}}`) as unknown),
  jsonMeta.map((meta) => ({ ...meta, gone: undefined, list: [1, undefined] })),
  jsonMeta.map((meta) => ({ ...meta, when: new Date(0) })),
);

const mutated = validEvent.chain((input) =>
  fc.oneof(
    field(input).map((key) => {
      const { [key]: _, ...rest } = input;
      return rest;
    }),
    fc.tuple(field(input), anyValue).map(([key, value]) => withField(input, key, value)),
    fc
      .tuple(fc.constantFrom('at', 'effectiveFrom', 'until'), badInstant)
      .map(([key, value]) => withField(input, key, value)),
    fc
      .tuple(fc.constantFrom('amount', 'rate', 'baseRate', 'overrideRate'), amount)
      .map(([key, value]) => withField(input, key, value)),
    fc.tuple(extraKey, anyValue).map(([key, value]) => withField(input, key, value)),
    oddMeta.map((meta) => withField(input, 'meta', meta)),
    fc
      .constantFrom('partner.joined', 'deal.closed', 'terms.set', 'feature.used', 'deal.opened', '__proto__')
      .map((type) => ({ ...input, type })),
  ),
);

// The same event as an object with no prototype, inheriting its fields, or with a hidden field.
const unusualObject = validEvent.chain((input) =>
  fc.constantFrom(
    Object.assign(Object.create(null) as object, input),
    Object.create(input) as object,
    Object.assign(Object.create({ nickname: 'inherited' }) as object, input),
    Object.defineProperty({ ...input }, 'hidden', { value: 1, enumerable: false }),
  ),
);

// A valid event whose time is written wrong.
const misdated = fc
  .tuple(validEvent, fc.constantFrom('at', 'effectiveFrom', 'until'), badInstant)
  .map(([input, key, at]) => (key in input || key === 'at' ? { ...input, [key]: at } : { ...input, at }));

export const anyInput = fc.oneof(
  { weight: 4, arbitrary: validEvent },
  { weight: 6, arbitrary: mutated },
  { weight: 2, arbitrary: misdated },
  { weight: 1, arbitrary: unusualObject },
  { weight: 1, arbitrary: fc.oneof(fc.anything({ maxDepth: 1 }), fc.array(validEvent, { maxLength: 1 })) },
);
