// The contract's run object as text, a piece at a time, byte for byte what
// `JSON.stringify(report, null, 2)` prints for the whole: a run of a million events has more ledger
// than one string can hold, so a writer prints the members and their array elements one by one.
import type { RunReport } from './run-report.js';

/** Where the text goes: a file, a pipe, a temporary spool. */
export interface TextSink {
  write(text: string): void;
}

/** The report's array members, in the contract's order (after `asOf`). */
export type RunReportList = Exclude<keyof RunReport, 'asOf'>;

/**
 * An element of a member's array is printed as JSON.stringify prints it two levels down: so it is
 * stringified inside two arrays and cut out, which indents it without copying it once more.
 */
const NESTED_OPENING = '[\n  [\n    '.length;
const NESTED_CLOSING = '\n  ]\n]'.length;

/**
 * The elements of one array member, written as they come. The member's name and brackets are the
 * writer's (`memberOpening`, `memberClosing`), so the elements may be spooled elsewhere first.
 *
 * @example
 * const elements = new JsonElements(spool);
 * elements.add({ id: 'e1:commission' });   // writes '\n    {\n      "id": "e1:commission"\n    }'
 * elements.count
 * //=> 1
 */
export class JsonElements {
  count = 0;

  constructor(private readonly sink: TextSink) {}

  add(value: object): void {
    const text = JSON.stringify([[value]], null, 2);
    this.sink.write(this.count === 0 ? '\n    ' : ',\n    ');
    this.sink.write(text.slice(NESTED_OPENING, text.length - NESTED_CLOSING));
    this.count++;
  }
}

/** `{` and the `asOf` member: the start of the report. */
export function reportOpening(asOf: string | null): string {
  return `{\n  "asOf": ${JSON.stringify(asOf)}`;
}

/** The name of an array member and its opening bracket. */
export function memberOpening(list: RunReportList): string {
  return `,\n  ${JSON.stringify(list)}: [`;
}

/** The closing bracket of an array member of `count` elements (`[]` when empty, as JSON.stringify). */
export function memberClosing(count: number): string {
  return count === 0 ? ']' : '\n  ]';
}

/** The end of the report, with the newline the command line ends its output with. */
export const REPORT_CLOSING = '\n}\n';

/**
 * Writes an array member whose elements are at hand (or come one at a time from a generator).
 *
 * @example
 * writeMember(output, 'skipped', [])   // writes ',\n  "skipped": []'
 */
export function writeMember(sink: TextSink, list: RunReportList, values: Iterable<object>): void {
  sink.write(memberOpening(list));
  const elements = new JsonElements(sink);
  for (const value of values) elements.add(value);
  sink.write(memberClosing(elements.count));
}
