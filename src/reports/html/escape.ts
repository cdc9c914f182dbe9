// Text put into an HTML page or an SVG drawing, escaped: a partner id, a programme name or a month
// label is data, never markup, whatever characters it holds.

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
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}
