// `partner-engine generate` in process: the arguments become the generator's options, the stream
// is written as NDJSON, and unusable numbers end in one line and exit status 2.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { generateOptionsOf, registerGenerate } from '../../src/cli/commands/generate.js';
import { generateEvents } from '../../src/simulation/generator.js';

const directory = mkdtempSync(join(tmpdir(), 'partner-engine-generate-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function programWithGenerate(errors: string[]): Command {
  const program = new Command('partner-engine').exitOverride();
  program.configureOutput({ writeErr: (text) => errors.push(text), writeOut: () => undefined });
  registerGenerate(program);
  return program;
}

describe('generateOptionsOf', () => {
  const base = {
    partners: '200',
    months: '12',
    seed: '7',
    start: '2025-01-01T00:00:00Z',
    refunds: true,
    payouts: true,
  };

  it('turns the arguments into the generator options', () => {
    expect(generateOptionsOf({ ...base, payouts: false })).toEqual({
      partners: 200,
      months: 12,
      seed: 7,
      start: '2025-01-01T00:00:00Z',
      refunds: true,
      payouts: false,
    });
  });

  it('says in one line which argument is unusable', () => {
    expect(generateOptionsOf({ ...base, partners: 'ten' })).toBe(
      '--partners must be a whole number of at least 1; got "ten"',
    );
    expect(generateOptionsOf({ ...base, partners: '0' })).toMatch(/^--partners/);
    expect(generateOptionsOf({ ...base, months: '1.5' })).toMatch(/^--months/);
    expect(generateOptionsOf({ ...base, months: '1201' })).toMatch(/^--months/);
    expect(generateOptionsOf({ ...base, seed: '9007199254740993' })).toMatch(/^--seed/);
    expect(generateOptionsOf({ ...base, start: '2025-01-01' })).toMatch(/^--start/);
  });

  it('keeps the stream within what the engine takes: at most a million partners, times 2000–2099', () => {
    expect(generateOptionsOf({ ...base, partners: '100000000' })).toBe(
      '--partners must be at most 1000000; got "100000000"',
    );
    expect(generateOptionsOf({ ...base, start: '1970-01-01T00:00:00Z' })).toMatch(/^--start and --months/);
    // June 2099 + 12 months of at most 31 days runs past 2099-12-31.
    expect(generateOptionsOf({ ...base, start: '2099-06-01T00:00:00Z' })).toMatch(
      /within 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z/,
    );
  });
});

describe('partner-engine generate', () => {
  it('writes the generated stream to --out, one event a line', async () => {
    const out = join(directory, 'events.ndjson');
    const args = [
      'generate',
      '--partners',
      '20',
      '--months',
      '3',
      '--seed',
      '5',
      '--no-payouts',
      '--out',
      out,
    ];
    await programWithGenerate([]).parseAsync(args, { from: 'user' });
    const expected = generateEvents({ partners: 20, months: 3, seed: 5, payouts: false });
    const lines = readFileSync(out, 'utf8').split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((line) => JSON.parse(line))).toEqual(expected);
  });

  it('ends with exit status 2 and one line for an unusable number', async () => {
    const errors: string[] = [];
    const run = programWithGenerate(errors).parseAsync(
      ['generate', '--partners', 'x', '--months', '3', '--seed', '1'],
      {
        from: 'user',
      },
    );
    await expect(run).rejects.toBeInstanceOf(CommanderError);
    await expect(run).rejects.toMatchObject({ exitCode: 2 });
    expect(errors.join('').trim().split('\n')).toHaveLength(1);
  });
});
