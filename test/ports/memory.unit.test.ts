// The in-memory store against the store conformance cases.
import { memoryStore } from '../../src/ports/memory.js';
import { describeStoreConformance } from '../support/store-conformance.js';

describeStoreConformance('memoryStore', async () => memoryStore());
