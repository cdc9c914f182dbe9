// The in-memory store against the store conformance cases.
import { memoryStore } from '../../src/ports/memory.js';
import { describeStoreConformance } from '../support/store-conformance.js';

describeStoreConformance('memoryStore', async () => memoryStore(), {
  // memoryStore copies the effects after it has kept the events and entries: an effect that
  // cannot be copied leaves the append half stored.
  // structuredClone copies an entry's own fields only: an engine entry's explanation, a getter
  // its toJSON writes out, is lost.
  knownFailures: [
    'an append failing on its last effect stores nothing of it',
    "an engine's ledger entry reads back as its JSON, explanation included",
  ],
});
