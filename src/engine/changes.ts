// Changes one slice announces and others react to, instead of importing each other: the tiers
// slice says a partner changed tier, the team slice keeps its sponsor's counts. A change is a
// fact about the state just written, never a request.

/** A partner moved from one tier index to another (promotion, demotion, a freed place). */
export interface TierChanged {
  readonly type: 'tier.changed';
  readonly partnerId: string;
  readonly from: number;
  readonly to: number;
}

/** Every change a slice may announce, tagged by `type`. */
export type Change = TierChanged;

export type ChangeOf<T extends Change['type']> = Extract<Change, { type: T }>;
