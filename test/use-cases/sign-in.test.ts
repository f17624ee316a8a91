import { describe, expect, it } from 'vitest';
import { completeSignIn, requestSignIn } from '../../src/use-cases/sign-in.ts';
import { fakeServices, linkIn, ORGANISER, REVIEWER } from '../support/services.ts';

const SIGN_IN_LINK = /https:\/\/guard\.numerique-territoires\.fr\/sign-in\/[\w-]+/;

describe('sign-in links', () => {
  it('emails at most five links per member in a quarter of an hour, then again in the next one', async () => {
    const { services, mailer, clock } = fakeServices();
    clock.advance(60_000);
    for (let i = 0; i < 8; i++) await requestSignIn(services, ORGANISER.email.toUpperCase());
    await requestSignIn(services, REVIEWER.email);
    expect(mailer.to(ORGANISER.email)).toHaveLength(5);
    // Another member's quota is their own.
    expect(mailer.to(REVIEWER.email)).toHaveLength(1);

    // The links already sent still work.
    const link = linkIn(mailer, ORGANISER.email, SIGN_IN_LINK);
    await expect(completeSignIn(services, link.split('/sign-in/')[1]!)).resolves.toMatchObject({ email: ORGANISER.email });

    clock.advance(15 * 60_000);
    await requestSignIn(services, ORGANISER.email);
    expect(mailer.to(ORGANISER.email)).toHaveLength(6);
  });

  it('keeps to the configured number of links', async () => {
    const { services, mailer } = fakeServices({ settings: { signInLinksPer15Minutes: 2 } });
    for (let i = 0; i < 4; i++) await requestSignIn(services, ORGANISER.email);
    expect(mailer.to(ORGANISER.email)).toHaveLength(2);
  });
});
