// Downline and upline queries over the sponsor tree, for a host's team pages: who is below a
// partner (level by level, as deep as asked) with each member's tier and results, and the
// team aggregates the engine keeps incrementally.
import { EngineError } from '../engine/errors.js';
import { type EngineState, type PartnerState, partnerOf } from '../engine/state.js';
import { formatMinor } from '../money/minor.js';
import type { CompiledProgram } from '../program/compile.js';

/** Options of `engine.team`. */
export interface TeamOptions {
  /** How many levels below the partner to list (1 = direct sub-partners). Default 1. */
  readonly depth?: number;
}

/** A partner below another in the sponsor tree, with its tier and results. */
export interface TeamMember {
  /** The member's id. */
  readonly partnerId: string;
  /** 1 for a direct sub-partner, 2 for one of theirs, ... */
  readonly level: number;
  /** Its sponsor (the partner one level above it). */
  readonly sponsorId: string;
  /** The tier it holds. */
  readonly tier: string;
  /** Its counted deals, all time. */
  readonly deals: number;
  /** Its net revenue, all time, as a money string. */
  readonly revenue: string;
}

/**
 * A partner's team, as `engine.team` returns it: the aggregates the engine keeps, the upline, and
 * the downline to a depth.
 *
 * @example
 * // events: ana joins, then ben joins with ana as his sponsor
 * const team = engine.team(state, 'ana');
 * [team.size, team.directSubPartners, team.members.map((member) => member.partnerId)]
 * //=> [1, 1, ['ben']]
 */
export interface Team {
  /** The partner's id. */
  readonly partnerId: string;
  /** The partners above, nearest first. */
  readonly upline: readonly string[];
  /** Every partner below, all levels. */
  readonly size: number;
  /** Partners below by level: index 0 is level 1 (direct), index 1 level 2, ... */
  readonly sizeByLevel: readonly number[];
  /** Net revenue of every partner below, all time, as a money string. */
  readonly revenue: string;
  /** Net revenue of the partners below by level, as money strings: index 0 is level 1. */
  readonly revenueByLevel: readonly string[];
  /** Partners who joined with this one as sponsor. */
  readonly directSubPartners: number;
  /** Direct sub-partners with at least one counted deal. */
  readonly sellingSubPartners: number;
  /** Breadth first: level 1 in joining order, then level 2, ... down to `depth`. */
  readonly members: readonly TeamMember[];
}

/**
 * A partner's team: the aggregates, its upline, and its downline to `depth` levels.
 *
 * @example
 * team(compiled, state, 'p1', { depth: 2 }).members.map((member) => [member.partnerId, member.level])
 * //=> [['p2', 1], ['p3', 1], ['p4', 2]]
 */
export function team(
  compiled: CompiledProgram,
  state: EngineState,
  partnerId: string,
  options: TeamOptions = {},
): Team {
  const partner = partnerOf(state, partnerId);
  if (!partner) throw new EngineError('UNKNOWN_PARTNER', `partner "${partnerId}" has not joined`);
  const depth = options.depth ?? 1;
  if (!Number.isInteger(depth) || depth < 0)
    throw new EngineError('INVALID_ARGUMENT', 'depth must be a whole number, 0 or more');
  const places = compiled.program.currency.decimals;
  const members: TeamMember[] = [];
  let frontier: PartnerState[] = [partner];
  for (let level = 1; level <= depth && frontier.length > 0; level++) {
    const next: PartnerState[] = [];
    for (const sponsor of frontier) {
      for (const id of sponsor.team.directIds) {
        const member = partnerOf(state, id);
        if (!member) continue;
        members.push({
          partnerId: id,
          level,
          sponsorId: sponsor.id,
          tier: compiled.program.tiers[member.tier]?.id ?? '',
          deals: member.countedDeals,
          revenue: formatMinor(member.revenue, places),
        });
        next.push(member);
      }
    }
    frontier = next;
  }
  const upline: string[] = [];
  for (let id = partner.sponsorId; id !== null; id = partnerOf(state, id)?.sponsorId ?? null) upline.push(id);
  return {
    partnerId,
    upline,
    size: partner.team.size,
    sizeByLevel: [...partner.team.sizeByLevel],
    revenue: formatMinor(partner.team.revenue, places),
    revenueByLevel: partner.team.revenueByLevel.map((units) => formatMinor(units, places)),
    directSubPartners: partner.team.direct,
    sellingSubPartners: partner.team.selling,
    members,
  };
}
