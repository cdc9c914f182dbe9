// A temporary file that text is written to now and copied out later: how `run` keeps a million
// ledger entries off the heap while the contract's key order makes it print the partners first.
// The file is unlinked as soon as it is open where the system allows it, so nothing is left behind
// even when the process is killed; elsewhere `close` removes it.
import { closeSync, mkdtempSync, openSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescriptorWriter, readChunksInPlace } from './descriptor.js';

export class Spool {
  private readonly writer: DescriptorWriter;
  private folder: string | null;
  private open = true;

  private constructor(
    private readonly descriptor: number,
    folder: string,
  ) {
    this.writer = new DescriptorWriter(descriptor);
    this.folder = folder;
  }

  /**
   * A new empty spool in the system's temporary folder.
   *
   * @example
   * const spool = Spool.create('ledger');
   * spool.write('{"id":"e1:commission"}');
   * spool.copyTo(output);
   * spool.close();
   */
  static create(name: string): Spool {
    const folder = mkdtempSync(join(tmpdir(), 'partner-engine-'));
    const path = join(folder, `${name}.part`);
    const spool = new Spool(openSync(path, 'w+', 0o600), folder);
    try {
      // An open file outlives its name on POSIX systems; Windows refuses, and close() cleans up.
      unlinkSync(path);
      rmSync(folder, { recursive: true, force: true });
      spool.folder = null;
    } catch {
      // Left for close().
    }
    return spool;
  }

  write(text: string): void {
    this.writer.write(text);
  }

  writeBytes(bytes: Uint8Array): void {
    this.writer.writeBytes(bytes);
  }

  /** The descriptor, with everything spooled so far on it, for reading back by position. */
  readable(): number {
    this.writer.flush();
    return this.descriptor;
  }

  /** Writes everything spooled so far to `output`, in order. */
  copyTo(output: DescriptorWriter): void {
    this.writer.flush();
    for (const bytes of readChunksInPlace(this.descriptor, 0)) output.writeBytes(bytes);
  }

  /** Closes and removes the file; safe to call more than once. */
  close(): void {
    if (this.open) closeSync(this.descriptor);
    this.open = false;
    if (this.folder !== null) rmSync(this.folder, { recursive: true, force: true });
    this.folder = null;
  }
}
