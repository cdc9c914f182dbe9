// `npx tsx examples/http/main.ts [PORT]`: the HTTP example on a port (default 3000), over the
// SISO programme and an in-memory store. Try:
//   curl -X POST localhost:3000/events -d '[{"id":"j1","type":"partner.joined","at":"2025-01-01T00:00:00Z","partnerId":"p1","sponsorId":null}]'
//   curl localhost:3000/partners/p1
import { createEngine, createPartnerProgramme, memoryStore, sisoProgram } from '../../src/index.js';
import { programmeServer } from './server.js';

const port = Number(process.argv[2] ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(
    `partner-engine http example: the port must be a whole number from 0 to 65535; got "${process.argv[2]}"`,
  );
  process.exit(2);
}
const programme = await createPartnerProgramme({ engine: createEngine(sisoProgram), store: memoryStore() });
programmeServer(programme).listen(port, () => console.log(`listening on http://localhost:${port}`));
