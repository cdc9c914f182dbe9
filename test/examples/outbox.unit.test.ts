// The example deliverers: a promotion e-mail, a Slack message and the portal's celebration, made
// from the effects of a small history, and delivered once each even when handed out twice.
import { describe, expect, it } from 'vitest';
import { celebration, deliverTo, promotionEmail, slackMessage } from '../../examples/outbox/deliverers.js';
import { createEngine } from '../../src/create-engine.js';
import type { Effect } from '../../src/engine/outputs.js';
import { memoryStore } from '../../src/ports/memory.js';
import { createPartnerProgramme } from '../../src/ports/service.js';
import { sisoProgram } from '../../src/program/siso.js';
import { events } from '../support/scenario.js';

const engine = createEngine(sisoProgram);
const { compiled } = engine;

// p1, certified, closes its 3rd deal on 21 January: promoted to Active (22 %).
const history = [
  events.joined('p1', '2025-01-01', null, 'j1'),
  events.trained('p1', '2025-01-02', 'certification', 't1'),
  events.deal('p1', 'd1', '1000.00', '2025-01-05'),
  events.deal('p1', 'd2', '500.00', '2025-01-10'),
  events.deal('p1', 'd3', '1500.00', '2025-01-21'),
];
const { effects } = engine.replay(history);
const promoted = effects.find((effect) => effect.type === 'tier.promoted') as Effect;
const firstSale = effects.find(
  (effect) => effect.type === 'badge.awarded' && effect.badge === 'first-sale',
) as Effect;

describe('the example deliverers', () => {
  it('write the promotion e-mail with the new rate and what it unlocks', () => {
    const email = promotionEmail(compiled, promoted);
    expect(email?.subject).toBe('You reached Active Partner!');
    expect(email?.text.split('\n').slice(0, 2)).toEqual([
      'Congratulations: you reached Active Partner.',
      'Your deals now earn 22 % commission.',
    ]);
    expect(email?.text).toContain('roi-calculator');
    expect(promotionEmail(compiled, firstSale)).toBeUndefined();
  });

  it('announce promotions and badges in Slack', () => {
    expect(slackMessage(compiled, firstSale)).toEqual({
      channel: '#partners',
      text: '*p1* earned the *First Sale* badge',
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: ':tada: *p1* earned the *First Sale* badge' } },
      ],
    });
    expect(slackMessage(compiled, promoted)?.text).toBe('*p1* reached *Active Partner*');
  });

  it('escape what Slack would read as a mention', () => {
    const sneaky = { ...firstSale, partnerId: '<!channel>' } as Effect;
    expect(slackMessage(compiled, sneaky)?.text).toBe('*&lt;!channel&gt;* earned the *First Sale* badge');
  });

  it('try again only the channel that failed', async () => {
    const programme = await createPartnerProgramme({ engine, store: memoryStore() });
    await programme.ingest(history);
    const emails: string[] = [];
    let slackUp = false;
    const channels = {
      sendEmail: async (email: { subject: string }) => {
        emails.push(email.subject);
      },
      postToSlack: async () => {
        if (!slackUp) throw new Error('Slack is down');
      },
      celebrate: async () => {},
    };
    const deliver = deliverTo(programme, channels, new Set<string>());
    const first = await deliver();
    expect(first.failed.length).toBeGreaterThan(0);
    slackUp = true;
    const second = await deliver();
    expect(second.failed).toEqual([]);
    // The promotion e-mail went out once, though its effect was handed out twice.
    expect(emails).toEqual(['You reached Active Partner!']);
  });

  it('give the portal a banner, with confetti for the moments worth it', () => {
    expect(celebration(compiled, promoted)).toEqual({
      partnerId: 'p1',
      banner: 'You reached Active Partner!',
      confetti: true,
    });
    const joined = effects.find((effect) => effect.type === 'partner.joined') as Effect;
    expect(celebration(compiled, joined)).toBeUndefined();
  });

  it('deliver each effect once, even when the outbox hands it out again', async () => {
    const store = memoryStore();
    const programme = await createPartnerProgramme({ engine, store });
    await programme.ingest(history);
    const emails: string[] = [];
    const channels = {
      sendEmail: async (email: { subject: string }) => {
        emails.push(email.subject);
      },
      postToSlack: async () => {},
      celebrate: async () => {},
    };
    const sent = new Set<string>();
    await deliverTo(programme, channels, sent)();
    // The outbox forgets it was told (a stop before it heard): every effect comes out again.
    const again = await createPartnerProgramme({
      engine,
      store: { ...store, outbox: await freshOutbox(effects) },
    });
    await deliverTo(again, channels, sent)();
    expect(emails).toEqual(['You reached Active Partner!']);
  });
});

/** An outbox holding `effects` undelivered, as after a stop before `delivered` was recorded. */
async function freshOutbox(effects: readonly Effect[]) {
  const { outbox } = memoryStore();
  await outbox.add(effects);
  return outbox;
}
