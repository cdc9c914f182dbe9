// The pieces every portal page is built of: the page's heading, a card, a list of requirements
// (each with its words, where the partner stands, met or not) and an accessible progress bar.
import type { PartnerStatus } from '../../engine/state.js';
import type { RequirementView } from '../../views/types.js';
import { escapeHtml as text } from '../html/index.js';
import { dateText, type PortalPageOptions } from './display.js';

/** How the page names each status. */
export const STATUS_WORDS: Readonly<Record<PartnerStatus, string>> = {
  good: 'In good standing',
  'at-risk': 'At risk',
  waitlisted: 'Waiting for a place',
};

/** The heading every portal page opens with: what it is, whose, and as of when. */
export function pageHead(kind: string, heading: string, asOf: string, options: PortalPageOptions): string {
  const eyebrow = options.programmeName === undefined ? kind : `${kind} · ${options.programmeName}`;
  return [
    '<header class="page-head">',
    `<p class="eyebrow">${text(eyebrow)}</p>`,
    `<h1>${text(heading)}</h1>`,
    `<p class="muted">As of ${text(dateText(asOf, options.timeZone))}</p>`,
    '</header>',
  ].join('\n');
}

/** A card: a section with its heading. */
export function card(heading: string, parts: readonly string[], wide = false): string {
  const open = wide ? '<section class="card wide">' : '<section class="card">';
  return [open, `<h2>${text(heading)}</h2>`, ...parts, '</section>'].join('\n');
}

/** Each requirement with its words, where the partner stands, and met or not. */
export function requirementList(requirements: readonly RequirementView[]): string {
  if (requirements.length === 0) return '<p class="muted">Nothing to meet.</p>';
  const items = requirements.map((requirement) => {
    const state = requirement.met ? 'met' : 'unmet';
    const todo = requirement.met || requirement.remaining === null ? '' : ` · ${requirement.remaining}`;
    return [
      `<li class="requirement ${state}">`,
      `<span class="mark" aria-hidden="true">${requirement.met ? '✓' : '○'}</span>`,
      `<span><strong>${text(requirement.label)}</strong> <span class="state">${requirement.met ? 'met' : 'not met'}</span>`,
      `<br><span class="detail">${text(requirement.progress + todo)}</span></span>`,
      '</li>',
    ].join('');
  });
  return ['<ul class="plain">', ...items, '</ul>'].join('\n');
}

/** A progress bar screen readers announce, with its figure written beside it. */
export function progressBar(percent: number, label: string): string {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return [
    `<div class="bar" role="progressbar" aria-valuenow="${value}" aria-valuemin="0" aria-valuemax="100" aria-label="${text(label)}">`,
    `<div class="bar-fill" style="width: ${value}%"></div>`,
    '</div>',
    `<p class="bar-caption">${value} % of the way</p>`,
  ].join('\n');
}
