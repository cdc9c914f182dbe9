// What `run --format json` printed before it streamed: the whole report stringified at once from
// the events held in memory. The streamed report must be this, byte for byte.
import { withUnparsable } from '../../src/cli/commands/run-streams.js';
import { readEventsFile } from '../../src/cli/io.js';
import { createEngine, runReport, sisoProgram } from '../../src/index.js';

export function inMemoryJson(path: string, at?: string): string {
  const { events, unparsable } = readEventsFile(path);
  const engine = createEngine(sisoProgram);
  const result = engine.replay(events, at === undefined ? {} : { asOf: at });
  const report = {
    ...runReport(engine.compiled, result),
    rejected: withUnparsable(result.rejected, unparsable),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
