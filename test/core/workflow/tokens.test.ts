import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csrfToken, isCsrfToken, signToken, verifyToken, type ReviewClaim } from '../../../src/core/workflow/tokens.ts';

const SECRET = 'a-secret-of-at-least-thirty-two-characters!';
const claim = fc.record({ c: fc.string({ minLength: 1, maxLength: 40 }), v: fc.integer({ min: 1, max: 1000 }), h: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }), r: fc.emailAddress(), x: fc.integer({ min: 0, max: 4_000_000_000 }) });

describe('signed links', () => {
  it('verify as signed', () => {
    fc.assert(
      fc.property(claim, (c) => {
        expect(verifyToken<ReviewClaim>(SECRET, 'review', signToken(SECRET, 'review', c))).toEqual(c);
      }),
    );
  });

  it('refuse any change to any character of the token', () => {
    fc.assert(
      fc.property(claim, fc.nat(), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.='), (c, at, replacement) => {
        const token = signToken(SECRET, 'review', c);
        const index = at % token.length;
        const altered = token.slice(0, index) + replacement + token.slice(index + 1);
        fc.pre(altered !== token);
        expect(verifyToken(SECRET, 'review', altered)).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });

  it('refuse every other last character, even one that encodes the same signature bits', () => {
    const token = signToken(SECRET, 'review', { c: 'campaign', v: 1, h: 'h', r: 'a@b.fr', x: 1 });
    for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_') {
      if (ch === token.at(-1)) continue;
      expect(verifyToken(SECRET, 'review', token.slice(0, -1) + ch)).toBeUndefined();
    }
  });

  it('refuse a token cut short, extended, or signed with another secret or for another purpose', () => {
    fc.assert(
      fc.property(claim, fc.integer({ min: 1, max: 10 }), fc.string({ minLength: 1, maxLength: 5 }), (c, cut, extra) => {
        const token = signToken(SECRET, 'review', c);
        expect(verifyToken(SECRET, 'review', token.slice(0, -cut))).toBeUndefined();
        expect(verifyToken(SECRET, 'review', token + extra)).toBeUndefined();
        expect(verifyToken(`${SECRET}x`, 'review', token)).toBeUndefined();
        expect(verifyToken(SECRET, 'session', token)).toBeUndefined();
        expect(verifyToken(SECRET, 'unsubscribe', token)).toBeUndefined();
      }),
    );
  });

  it('bind the CSRF token to its session', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 8, maxLength: 30 }), fc.string({ minLength: 8, maxLength: 30 }), (n1, n2) => {
        fc.pre(n1 !== n2);
        const one = { e: 'a@b.fr', x: 1, n: n1 };
        const two = { e: 'a@b.fr', x: 1, n: n2 };
        expect(isCsrfToken(SECRET, one, csrfToken(SECRET, one))).toBe(true);
        expect(isCsrfToken(SECRET, two, csrfToken(SECRET, one))).toBe(false);
        expect(isCsrfToken(SECRET, one, '')).toBe(false);
      }),
    );
  });
});
