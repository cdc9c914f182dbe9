// The run report as NDJSON records, one JSON object a line, for a reader that takes a long run as
// it comes (`jq`, a log shipper, a database loader). Each line has a `kind` and, but for the first
// and the last line, the contract's object under a key of the same name:
//   {"kind":"start","program":"siso","events":1008574}
//   {"kind":"entry","entry":{…a ledger entry…}}      {"kind":"effect","effect":{…}}   as they happen
//   {"kind":"partner","partner":{…}}                 by id, once the run is over
//   {"kind":"rejected","rejected":{…}}               {"kind":"skipped","skipped":{…}} by input index
//   {"kind":"end","asOf":"…","counts":{"partners":2,"ledger":1,"effects":3,"rejected":1,"skipped":1}}
// The payload is nested rather than spread beside `kind` because a ledger entry has a `kind` of
// its own. A run that fails midway has no `end` line, so a reader can tell it is incomplete.
import type { Effect, LedgerEntry, Rejection, Skip } from '../index.js';
import type { PartnerSummary, RunReport } from './run-report.js';

export interface RunCounts {
  readonly partners: number;
  readonly ledger: number;
  readonly effects: number;
  readonly rejected: number;
  readonly skipped: number;
}

export type RunRecord =
  | { readonly kind: 'start'; readonly program: string; readonly events: number }
  | { readonly kind: 'entry'; readonly entry: LedgerEntry }
  | { readonly kind: 'effect'; readonly effect: Effect }
  | { readonly kind: 'partner'; readonly partner: PartnerSummary }
  | { readonly kind: 'rejected'; readonly rejected: Rejection }
  | { readonly kind: 'skipped'; readonly skipped: Skip }
  | { readonly kind: 'end'; readonly asOf: RunReport['asOf']; readonly counts: RunCounts };

/**
 * One record as its line.
 *
 * @example
 * recordLine({ kind: 'start', program: 'siso', events: 5 })
 * //=> '{"kind":"start","program":"siso","events":5}\n'
 */
export function recordLine(record: RunRecord): string {
  return `${JSON.stringify(record)}\n`;
}
