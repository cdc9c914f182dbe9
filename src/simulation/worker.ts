// A simulation worker thread: reads the shared events once per task, straight from shared memory,
// replays one programme over them and sends back only the outcome (sums, counts, the partners'
// earnings) and the entries of the partner to explain: never the ledger.
import { parentPort, workerData } from 'node:worker_threads';
import { loadProgram } from '../program/load.js';
import { type OrderedEvents, sharedOrderedEvents } from './ordered-events.js';
import { runProgram } from './run-program.js';
import { PROGRESS_EVERY, type WorkerData, type WorkerReply, type WorkerTask } from './worker-protocol.js';

const port = parentPort;
if (port === null) throw new Error('the simulation worker runs only as a worker thread');
const events = sharedOrderedEvents((workerData as WorkerData).events);

port.on('message', (task: WorkerTask) => {
  const reply = (message: WorkerReply) => port.postMessage(message);
  try {
    const run = runProgram(loadProgram(task.program), withProgress(events, task.task, reply), task.options);
    // An entry's explanation is worded when first read, by a getter a message would not carry.
    const partnerEntries = run.partnerEntries.map((entry) => ({ ...entry, explanation: entry.explanation }));
    reply({ task: task.task, kind: 'done', run: { outcome: run.outcome, partnerEntries } });
  } catch (error) {
    reply({
      task: task.task,
      kind: 'failed',
      message: error instanceof Error ? error.message : String(error),
    });
  }
});

function withProgress(
  ordered: OrderedEvents,
  task: number,
  reply: (message: WorkerReply) => void,
): OrderedEvents {
  return {
    count: ordered.count,
    forEach: (visit) => {
      let done = 0;
      ordered.forEach((input, index, instant) => {
        visit(input, index, instant);
        if (++done % PROGRESS_EVERY === 0) reply({ task, kind: 'progress', done });
      });
    },
  };
}
