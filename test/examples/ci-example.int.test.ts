// The CI example a host copies (examples/ci/programme.prop.test.ts), run as a host's CI would run
// it: it passes on SISO against itself, and fails on a version that raises Active's rate but also
// moves its threshold, naming the property, the partner paid less and a shrunk NDJSON stream.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SISO = 'examples/programs/siso.json';

interface Run {
  readonly status: number | null;
  readonly output: string;
}

/** Runs the example's vitest with these programmes, 5 runs per property, seed 42. */
function runExample(programme: string, baseline: string): Promise<Run> {
  const env = {
    ...process.env,
    PARTNER_PROGRAMME: programme,
    PARTNER_PROGRAMME_BASELINE: baseline,
    PARTNER_PROPERTY_RUNS: '5',
    PARTNER_PROPERTY_SEED: '42',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
  const args = ['node_modules/vitest/vitest.mjs', 'run', '--config', 'examples/ci/vitest.config.ts'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

describe('examples/ci/programme.prop.test.ts', () => {
  // Both at once: each is a vitest of its own.
  const runs = Promise.all([
    runExample(SISO, SISO),
    runExample('examples/ci/siso-2025.2-inconsistent.json', SISO),
  ]);

  it('passes on the SISO programme', async () => {
    const [passing] = await runs;
    expect(passing.output).toMatch(/Tests\s+4 passed \(4\)/);
    expect(passing.status).toBe(0);
  }, 180_000);

  it('fails on the inconsistent change, with a shrunk counterexample as NDJSON', async () => {
    const [, failing] = await runs;
    expect(failing.status).toBe(1);
    const lines = failing.output.split('\n');
    expect(lines).toContain(
      'Caused by: DifferentialError: neverPaysLess: the candidate pays p0 less than the baseline',
    );
    // The error's fields are the property's name only, not the two replays.
    expect(lines).toContain("Serialized Error: { property: 'neverPaysLess', details: 'Function<details>' }");
    expect(failing.output).toMatch(/Tests\s+1 failed \| 3 passed \(4\)/);
    expect(failing.output).toMatch(/compared with the baseline > pays no partner less on any stream/);
    expect(failing.output).toMatch(/Shrunk \d+ time\(s\)/);
    const events = lines.filter((line) => /^\s+\{"id":/.test(line));
    expect(events.length).toBeGreaterThanOrEqual(5);
    expect(events.length).toBeLessThanOrEqual(8);
    expect(events[0]?.trim()).toBe(
      '{"id":"j0","type":"partner.joined","at":"2025-01-01T00:00:00.000Z","partnerId":"p0","sponsorId":null}',
    );
  }, 180_000);
});
