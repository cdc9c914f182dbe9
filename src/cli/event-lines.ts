// NDJSON events from text that arrives in pieces: each complete line is parsed as it is seen, so a
// file is never held as one string. A line that is not JSON keeps its place as `null`, with the
// reason, so the engine rejects it at its own position and the rest of the stream still runs.

/** An NDJSON line that is not JSON: its 0-based position among the non-blank lines, and why. */
export interface UnparsableLine {
  readonly index: number;
  readonly message: string;
}

export interface EventsFile {
  /** One input per event, in file order; an unparsable line holds `null` so positions stay right. */
  readonly events: unknown[];
  readonly unparsable: UnparsableLine[];
}

/**
 * Splits text into lines on "\n" (a "\r" before it is dropped) and parses each non-blank one.
 *
 * @example
 * const lines = new EventLines();
 * lines.push('{"id":"e1"}\n{"id"');
 * lines.push(':"e2"}\n');
 * lines.end()
 * //=> { events: [{ id: 'e1' }, { id: 'e2' }], unparsable: [] }
 */
export class EventLines {
  private readonly events: unknown[] = [];
  private readonly unparsable: UnparsableLine[] = [];
  /** The start of a line whose end has not arrived yet, in pieces (joined once, when it ends). */
  private partial: string[] = [];
  private lineNumber = 0;

  push(text: string): void {
    let start = 0;
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
      this.partial.push(text.slice(start, newline));
      this.line(this.partial.join(''));
      this.partial = [];
      start = newline + 1;
    }
    if (start < text.length) this.partial.push(text.slice(start));
  }

  /** The events read, once the text has ended (a last line without "\n" counts). */
  end(): EventsFile {
    if (this.partial.length > 0) this.line(this.partial.join(''));
    this.partial = [];
    return { events: this.events, unparsable: this.unparsable };
  }

  private line(text: string): void {
    this.lineNumber++;
    const line = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (line.trim() === '') return;
    try {
      this.events.push(JSON.parse(line));
    } catch (error) {
      this.unparsable.push({ index: this.events.length, message: notJsonMessage(this.lineNumber, error) });
      this.events.push(null);
    }
  }
}

/**
 * Why a line is not an event, on one line.
 *
 * @example
 * notJsonMessage(3, new SyntaxError('Unexpected end of JSON input'))
 * //=> 'line 3 is not valid JSON: Unexpected end of JSON input'
 */
export function notJsonMessage(lineNumber: number, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return `line ${lineNumber} is not valid JSON: ${reason.replace(/\s+/g, ' ').trim()}`;
}
