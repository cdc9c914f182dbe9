// Paths into a programme document, for a sweep to say which figure it varies:
//   holdPeriodDays                  a top-level field
//   payouts.minimum                 a field of an object
//   tiers[1].baseRate               an array element by position (0-based)
//   tiers[id=active].baseRate       an array element by the value of one of its fields
//   overrides.levels[level=1].rate  the same, with a number field
// Every step must exist in the document (a field left out for its default cannot be swept: write
// it in the programme first), and the last must hold a number or an amount, not an object.
import { SimulationError } from './errors.js';

/**
 * One step of a path into a programme document: a field, an array index, or the array element whose
 * field has a value (`tiers[id=active]`).
 */
export type PathStep =
  | {
      /** A field of an object: `.baseRate`. */
      readonly kind: 'field';
      /** The field's name. */
      readonly name: string;
    }
  | {
      /** An array element by position: `[1]`. */
      readonly kind: 'index';
      /** The 0-based position. */
      readonly index: number;
    }
  | {
      /** The array element whose field has a value: `[id=active]`. */
      readonly kind: 'match';
      /** The field compared. */
      readonly field: string;
      /** The value it must have, as written in the path. */
      readonly value: string;
    };

const STEP = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[([A-Za-z_$][\w$-]*)=([^\]]+)\]/y;
const FIRST = /^[A-Za-z_$][\w$-]*/;

/**
 * Reads a path.
 *
 * @throws {SimulationError} INVALID_PATH for a path that is not of this syntax.
 * @example
 * parseProgramPath('tiers[id=active].baseRate')
 * //=> [{ kind: 'field', name: 'tiers' }, { kind: 'match', field: 'id', value: 'active' },
 * //    { kind: 'field', name: 'baseRate' }]
 */
export function parseProgramPath(text: string, where = 'path'): PathStep[] {
  const first = FIRST.exec(text);
  const fail = (message: string) => new SimulationError('INVALID_PATH', where, `path "${text}": ${message}`);
  if (!first) throw fail('must start with a field name, as in tiers[id=active].baseRate');
  const steps: PathStep[] = [{ kind: 'field', name: first[0] }];
  STEP.lastIndex = first[0].length;
  while (STEP.lastIndex < text.length) {
    const at = STEP.lastIndex;
    const match = STEP.exec(text);
    if (!match) throw fail(`cannot read "${text.slice(at)}"; use .field, [0] or [field=value]`);
    const [, name, index, field, value] = match;
    if (name !== undefined) steps.push({ kind: 'field', name });
    else if (index !== undefined) steps.push({ kind: 'index', index: Number(index) });
    else steps.push({ kind: 'match', field: field ?? '', value: value ?? '' });
  }
  return steps;
}

type Container = Record<string, unknown> | unknown[];

/**
 * Sets the value at a path in a document (changed in place: give it a copy), returning what was
 * there before.
 *
 * @throws {SimulationError} INVALID_PATH naming the step that does not exist.
 * @example
 * setAtPath(copy, 'tiers[id=active].baseRate', '0.24')
 * //=> '0.22'
 */
export function setAtPath(document: unknown, text: string, value: unknown, where = 'path'): unknown {
  const steps = parseProgramPath(text, where);
  let container = asContainer(document);
  let walked = '';
  const fail = (message: string) => new SimulationError('INVALID_PATH', where, `path "${text}": ${message}`);
  for (const [position, step] of steps.entries()) {
    const last = position === steps.length - 1;
    const label = stepText(step);
    const where = walked === '' ? 'the programme' : `"${walked}"`;
    if (container === null) throw fail(`${where} is not an object or an array, so it has no ${label}`);
    const key = keyOf(container, step);
    if (key === undefined) throw fail(`${where} has no ${label}${hint(container, step)}`);
    walked = `${walked}${walked === '' || step.kind !== 'field' ? '' : '.'}${label}`;
    const current = (container as Record<string, unknown>)[key];
    if (current === undefined) throw fail(`${where} has no ${label}${hint(container, step)}`);
    if (last) {
      if (typeof current === 'object' || typeof current === 'boolean')
        throw fail(
          `"${walked}" is ${Array.isArray(current) ? 'an array' : typeof current}, not a number or an amount`,
        );
      (container as Record<string, unknown>)[key] = value;
      return current;
    }
    container = asContainer(current);
  }
  return undefined;
}

function asContainer(value: unknown): Container | null {
  return value !== null && typeof value === 'object' ? (value as Container) : null;
}

/** The key a step names in the container, or undefined when it names none. */
function keyOf(container: Container, step: PathStep): string | undefined {
  if (step.kind === 'field')
    return !Array.isArray(container) && Object.hasOwn(container, step.name) ? step.name : undefined;
  if (!Array.isArray(container)) return undefined;
  if (step.kind === 'index') return step.index < container.length ? String(step.index) : undefined;
  const found = container.findIndex(
    (element) =>
      element !== null &&
      typeof element === 'object' &&
      String((element as Record<string, unknown>)[step.field]) === step.value,
  );
  return found === -1 ? undefined : String(found);
}

function stepText(step: PathStep): string {
  if (step.kind === 'field') return step.name;
  if (step.kind === 'index') return `[${step.index}]`;
  return `[${step.field}=${step.value}]`;
}

function hint(container: Container, step: PathStep): string {
  if (Array.isArray(container)) {
    if (step.kind === 'field') return ` (it is an array: use [0] or [field=value])`;
    if (step.kind === 'index') return ` (it has ${container.length} elements)`;
    const values = container
      .map((element) => (element as Record<string, unknown>)?.[step.field])
      .filter((v) => v !== undefined);
    return values.length > 0 ? ` (its ${step.field}s are ${values.map(String).join(', ')})` : '';
  }
  return step.kind === 'field'
    ? ` (its fields are ${Object.keys(container).join(', ')})`
    : ' (it is an object: use .field)';
}
