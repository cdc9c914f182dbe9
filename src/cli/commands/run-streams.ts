// `run --format json` and `--format ndjson`, written as the replay goes. The events are read
// back from an index of the file one at a time (see event-index.ts), and the engine hands each
// ledger entry and effect to a sink as it happens; NDJSON prints it there and then. The JSON
// object lists the partners (known only at the end) before the ledger, so its entries and effects
// are spooled to temporary files as finished text and copied out after the partners.
import type { Rejection } from '../../index.js';
import { type RunRecord, recordLine } from '../../reports/run-records.js';
import { eachPartnerSummary } from '../../reports/run-report.js';
import {
  JsonElements,
  memberClosing,
  memberOpening,
  REPORT_CLOSING,
  reportOpening,
  writeMember,
} from '../../reports/run-report-json.js';
import type { DescriptorWriter } from '../descriptor.js';
import {
  eventCount,
  type OpenedInput,
  openReplayInput,
  type ReplayedFile,
  type ReplayFileOptions,
  type ReplaySinks,
  replayFile,
  replayOpened,
  withUnparsable,
} from '../replay.js';
import { Spool } from '../spool.js';

/** What a report writer tells the command once it is written: the rejected events, of how many. */
export interface RunSummary {
  readonly rejected: readonly Rejection[];
  readonly eventCount: number;
}

/**
 * The contract's JSON object, byte for byte what `JSON.stringify(report, null, 2)` gives.
 *
 * @example
 * writeJsonReport({ events: 'events.ndjson' }, new DescriptorWriter(1))
 * //=> undefined (prints {\n  "asOf": "…",\n  "partners": [ … ] … })
 */
export function writeJsonReport(options: ReplayFileOptions, output: DescriptorWriter): RunSummary {
  const ledger = Spool.create('ledger');
  const effects = Spool.create('effects');
  try {
    const entries = new JsonElements(ledger);
    const happened = new JsonElements(effects);
    const sinks = { onEntry: entries.add.bind(entries), onEffect: happened.add.bind(happened) };
    const { engine, result, unparsable, eventCount: count } = replayFile(options, sinks);
    const rejected = withUnparsable(result.rejected, unparsable);
    output.write(reportOpening(result.asOf));
    writeMember(output, 'partners', eachPartnerSummary(engine.compiled, result.state));
    for (const [list, spool, elements] of [
      ['ledger', ledger, entries],
      ['effects', effects, happened],
    ] as const) {
      output.write(memberOpening(list));
      spool.copyTo(output);
      output.write(memberClosing(elements.count));
    }
    writeMember(output, 'rejected', rejected);
    writeMember(output, 'skipped', result.skipped);
    output.write(REPORT_CLOSING);
    return { rejected, eventCount: count };
  } finally {
    ledger.close();
    effects.close();
  }
}

/**
 * The report as NDJSON records (see reports/run-records.ts): entries and effects as they happen.
 *
 * @example
 * writeNdjsonReport({ events: 'events.ndjson' }, new DescriptorWriter(1))
 * //=> undefined (prints {"kind":"start",…}\n{"kind":"entry","entry":{…}}\n … {"kind":"end",…}\n)
 */
export function writeNdjsonReport(options: ReplayFileOptions, output: DescriptorWriter): RunSummary {
  const write = (record: RunRecord) => output.write(recordLine(record));
  let ledger = 0;
  let effects = 0;
  const replayed = replayStarted(options, (input) => {
    write({ kind: 'start', program: input.program.id, events: eventCount(input.events) });
    return {
      onEntry: (entry) => {
        write({ kind: 'entry', entry });
        ledger++;
      },
      onEffect: (effect) => {
        write({ kind: 'effect', effect });
        effects++;
      },
    };
  });
  const { engine, result, unparsable } = replayed;
  let partners = 0;
  for (const partner of eachPartnerSummary(engine.compiled, result.state)) {
    write({ kind: 'partner', partner });
    partners++;
  }
  const rejected = withUnparsable(result.rejected, unparsable);
  for (const rejection of rejected) write({ kind: 'rejected', rejected: rejection });
  for (const skip of result.skipped) write({ kind: 'skipped', skipped: skip });
  const counts = { partners, ledger, effects, rejected: rejected.length, skipped: result.skipped.length };
  write({ kind: 'end', asOf: result.asOf, counts });
  return { rejected, eventCount: replayed.eventCount };
}

/** Opens the input, hands it to `start` (which writes what comes first) for the sinks, replays, closes. */
function replayStarted(options: ReplayFileOptions, start: (input: OpenedInput) => ReplaySinks): ReplayedFile {
  const input = openReplayInput(options);
  try {
    return replayOpened(input, options, start(input));
  } finally {
    input.close();
  }
}

export { withUnparsable } from '../replay.js';
