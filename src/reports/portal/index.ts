// The portal's pages: the partner's page and the manager's overview, as self-contained HTML and
// as report documents for a terminal or Markdown. Re-exports only.
export { featureNamesOf, type PortalPageOptions } from './display.js';
export { overviewDocument } from './overview-document.js';
export { overviewPage } from './overview-page.js';
export { partnerDocument } from './partner-document.js';
export { nextTierLine, partnerPage } from './partner-page.js';
