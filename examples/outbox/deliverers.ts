// What a host's deliverers make of the effects in the outbox: the seed's celebrations. A
// promotion e-mail, a Slack message for the partner community (Block Kit payload for
// chat.postMessage), and the portal's congratulation banner with its confetti flag. Each is a
// pure function of the effect and the programme; sending is the host's (a mailer, Slack's API).
import {
  type CompiledProgram,
  type Decimal,
  type Effect,
  type OutboxItem,
  onceById,
  type PartnerProgramme,
  versionAt,
} from '../../src/index.js';

export interface Email {
  readonly partnerId: string;
  readonly subject: string;
  readonly text: string;
}

export interface SlackMessage {
  readonly channel: string;
  readonly text: string;
  readonly blocks: readonly {
    readonly type: 'section';
    readonly text: { readonly type: 'mrkdwn'; readonly text: string };
  }[];
}

export interface Celebration {
  readonly partnerId: string;
  readonly banner: string;
  /** Whether the portal plays its confetti animation when the partner next looks. */
  readonly confetti: boolean;
}

/** The tier as the programme version in force at the effect's time has it (rates change by version). */
const tierOf = (compiled: CompiledProgram, effect: Effect & { readonly to: string }) =>
  versionAt(compiled, Date.parse(effect.at)).tiers.find((tier) => tier.id === effect.to);
/** A rate as a percentage, exactly: 0.225 → "22.5 %". */
const percent = (rate: Decimal) => `${rate.times(100).toString()} %`;

/** The promotion e-mail for a `tier.promoted` effect, or undefined for any other effect. */
export function promotionEmail(compiled: CompiledProgram, effect: Effect): Email | undefined {
  if (effect.type !== 'tier.promoted') return undefined;
  const tier = tierOf(compiled, effect);
  if (!tier) return undefined;
  const lines = [
    `Congratulations: you reached ${tier.name}.`,
    `Your deals now earn ${percent(tier.baseRate)} commission.`,
    tier.unlocks.length > 0 ? `New for you: ${tier.unlocks.join(', ')}.` : '',
  ];
  return {
    partnerId: effect.partnerId,
    subject: `You reached ${tier.name}!`,
    text: lines.filter(Boolean).join('\n'),
  };
}

/** The partner community's Slack message for a promotion or a badge, or undefined. */
export function slackMessage(
  compiled: CompiledProgram,
  effect: Effect,
  channel = '#partners',
): SlackMessage | undefined {
  const text = announcement(compiled, effect);
  if (text === undefined) return undefined;
  return { channel, text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `:tada: ${text}` } }] };
}

/** Text Slack shows as it is: `&`, `<` and `>` escaped, so an id such as `<!channel>` pings nobody. */
const slackText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function announcement(compiled: CompiledProgram, effect: Effect): string | undefined {
  if (effect.type === 'tier.promoted') {
    const tier = tierOf(compiled, effect);
    return tier && `*${slackText(effect.partnerId)}* reached *${slackText(tier.name)}*`;
  }
  if (effect.type === 'badge.awarded') {
    const badge = compiled.program.badges.find((candidate) => candidate.id === effect.badge);
    const times = effect.count > 1 ? ` (×${effect.count})` : '';
    return `*${slackText(effect.partnerId)}* earned the *${slackText(badge?.name ?? effect.badge)}* badge${times}`;
  }
  return undefined;
}

/** The portal's banner for the partner, with confetti for a promotion, a badge or a milestone. */
export function celebration(compiled: CompiledProgram, effect: Effect): Celebration | undefined {
  switch (effect.type) {
    case 'tier.promoted': {
      const tier = tierOf(compiled, effect);
      return tier && { partnerId: effect.partnerId, banner: `You reached ${tier.name}!`, confetti: true };
    }
    case 'badge.awarded': {
      const badge = compiled.program.badges.find((candidate) => candidate.id === effect.badge);
      return {
        partnerId: effect.partnerId,
        banner: `New badge: ${badge?.name ?? effect.badge}`,
        confetti: true,
      };
    }
    case 'milestone.reached':
      return { partnerId: effect.partnerId, banner: effect.message, confetti: true };
    case 'payout.due':
      return {
        partnerId: effect.partnerId,
        banner: `A payout of ${effect.amount} ${effect.currency} is on its way`,
        confetti: false,
      };
    default:
      return undefined;
  }
}

export interface Channels {
  sendEmail(email: Email): Promise<void>;
  postToSlack(message: SlackMessage): Promise<void>;
  celebrate(celebration: Celebration): Promise<void>;
}

/**
 * Delivers the outbox to the three channels, each effect at most once per channel as far as
 * `sent` remembers (a table beside the host's mail log in production; a Set in one process).
 */
export function deliverTo(programme: PartnerProgramme, channels: Channels, sent: Set<string>) {
  const { compiled } = programme.engine;
  // One record per effect and channel: when Slack fails after the e-mail went out, the effect
  // comes back and only Slack is tried again.
  const seen = (channel: string) => ({
    has: (id: string) => sent.has(`${id}:${channel}`),
    add: (id: string) => sent.add(`${id}:${channel}`),
  });
  const email = onceById(seen('email'), async (effect) => {
    const written = promotionEmail(compiled, effect);
    if (written) await channels.sendEmail(written);
  });
  const slack = onceById(seen('slack'), async (effect) => {
    const message = slackMessage(compiled, effect);
    if (message) await channels.postToSlack(message);
  });
  const portal = onceById(seen('portal'), async (effect) => {
    const shown = celebration(compiled, effect);
    if (shown) await channels.celebrate(shown);
  });
  return (options?: { limit?: number }) =>
    programme.deliver(async (effect: Effect, item: OutboxItem) => {
      await email(effect, item);
      await slack(effect, item);
      await portal(effect, item);
    }, options);
}
