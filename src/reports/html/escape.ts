// Text put into an HTML page or an SVG drawing, escaped: a partner id, a programme name or a month
// label is data, never markup, whatever characters it holds.
import { controlCode } from '../../cli/text-table.js';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * The text with the five characters that mean something in HTML and XML replaced by entities.
 *
 * @example
 * escapeHtml('<b>"Ana" & co</b>')
 * //=> '&lt;b&gt;&quot;Ana&quot; &amp; co&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character)
    .replace(CONTROL, (character) => (KEPT.has(character) ? character : controlCode(character)));
}

// Control characters HTML does not allow in text (all but tab, line feed and carriage return),
// shown as their code, `\x1B`, like the terminal output does.
const CONTROL = /\p{Cc}/gu;
const KEPT = new Set(['\t', '\n', '\r']);
