// The in-memory store against the store conformance cases.
import { memoryStore } from '../../src/ports/memory.js';
import { describeStoreConformance } from '../support/store-conformance.js';

describeStoreConformance('memoryStore', async () => memoryStore(), {
  // memoryStore copies the effects after it has kept the events and entries: an effect that
  // cannot be copied leaves the append half stored.
  knownFailures: ['an append failing on its last effect stores nothing of it'],
});
