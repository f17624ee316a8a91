import { describe, expect, it } from 'vitest';
import { extractAttendance } from '../../../src/core/facts/attendance.ts';

function claimsOf(text: string): string[] {
  return extractAttendance('html', text).map((c) => c.claim);
}

describe('extractAttendance reads thanks for attending', () => {
  it.each([
    "Merci d'avoir participé à notre webinaire.",
    'Merci d’avoir assisté au webinaire de jeudi.',
    'MERCI D’AVOIR PARTICIPÉ À NOTRE WEBINAIRE !',
    'Merci beaucoup pour votre participation !',
    'Merci de votre participation à la session sur le RGAA.',
    'Merci pour votre présence jeudi dernier.',
    'Merci à toutes et à tous d’avoir été si nombreux au rendez-vous.',
    'Merci de nous avoir rejoints pour cette session.',
    "Merci d'avoir pris le temps de participer à notre atelier.",
    'Merci encore d’avoir suivi le webinaire jusqu’au bout.',
    'Ravis de vous avoir compté parmi nous jeudi.',
    'Vous avez été nombreux à suivre notre webinaire.',
    'Comme vous l’avez vu lors du webinaire, la grille compte 106 critères.',
    'Vous avez assisté à notre webinaire du 15 octobre.',
    "Nous vous remercions d'avoir participé à notre webinaire.",
    'Nous vous remercions pour votre participation.',
    "Merci d'avoir été parmi les 146 participants de cette Matinale !",
    "Ravie d'avoir échangé avec vous mardi, et merci pour vos questions.",
    "C'était un plaisir de vous retrouver jeudi matin.",
  ])('reads an attendance claim in « %s »', (sentence) => {
    // Act
    const claims = claimsOf(sentence);

    // Assess
    expect(claims).toEqual(['attended']);
  });

  it.each([
    'Thank you for attending our webinar.',
    'Thanks for joining us yesterday!',
    'Thank you so much for taking part.',
    'Thanks again for your participation.',
    'Many thanks for attending the session.',
    'Thank you for being part of the webinar.',
    'It was great to see you at the session.',
    "We're glad you could join us.",
    'As you heard during the session, the audit grid has 106 criteria.',
    'You attended our webinar on October 15.',
    'We really appreciate you joining us.',
  ])('reads an attendance claim in "%s"', (sentence) => {
    // Act
    const claims = claimsOf(sentence);

    // Assess
    expect(claims).toEqual(['attended']);
  });

  it('keeps the part the claim was read in', () => {
    // Act
    const claims = extractAttendance('text', 'Bonjour Hélène,\nMerci d’avoir participé à notre webinaire.');

    // Assess
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ part: 'text', claim: 'attended' });
  });
});

describe('extractAttendance reads "you missed it"', () => {
  it.each([
    "Vous n'avez pas pu assister à notre webinaire, voici le replay.",
    'Vous n’avez pas pu vous connecter jeudi : voici le replay.',
    'Nous sommes désolés que vous n’ayez pas pu vous joindre à nous.',
    'Vous n’étiez pas parmi nous jeudi.',
    'Nous ne vous avons pas vu lors du webinaire.',
    "Dommage que vous n'ayez pas pu être des nôtres.",
    'Vous avez manqué notre webinaire, mais le replay est en ligne.',
    'Nous regrettons votre absence lors de la session.',
    'Malgré votre absence, voici les supports de la session.',
    "Vous n'avez malheureusement pas pu assister au webinaire.",
  ])('reads a missed claim in « %s »', (sentence) => {
    // Act
    const claims = claimsOf(sentence);

    // Assess
    expect(claims).toEqual(['missed']);
  });

  it.each([
    'Sorry we missed you at the webinar.',
    "Sorry we didn't get to see you — here is your recording.",
    'We missed you yesterday!',
    "You couldn't make it to the session, so here is the recording.",
    "Sorry you couldn't join us.",
    'You missed the live session, but the recording is online.',
    "We noticed you weren't able to attend.",
    'Unfortunately you were unable to attend.',
  ])('reads a missed claim in "%s"', (sentence) => {
    // Act
    const claims = claimsOf(sentence);

    // Assess
    expect(claims).toEqual(['missed']);
  });
});

describe('extractAttendance ignores wording addressed to everyone', () => {
  it.each([
    "Si vous n'avez pas pu assister au webinaire, le replay est disponible.",
    'Si vous n’avez pas pu vous connecter, voici le replay.',
    "S'il vous a été impossible de vous connecter, voici le replay.",
    'Que vous ayez pu assister ou non au webinaire, voici le replay.',
    'Que vous ayez participé ou non, merci de votre intérêt.',
    "Pour celles et ceux qui n'ont pas pu assister au webinaire, le replay est en ligne.",
    'Pour ceux qui n’ont pas pu se connecter, voici le replay.',
    "Au cas où vous n'auriez pas pu assister au webinaire, voici le replay.",
    "Si vous avez assisté au webinaire, merci d'avoir participé !",
    'Merci à celles et ceux qui ont participé au webinaire.',
    'Un grand merci aux 187 participants de la Matinale.',
  ])('reads no claim in « %s »', (sentence) => {
    // Act
    const claims = claimsOf(sentence);

    // Assess
    expect(claims).toEqual([]);
  });

  it.each([
    'If you missed it, the recording is below.',
    "If you couldn't attend, here is the recording.",
    "If you weren't able to join us, the slides are attached.",
    "In case you couldn't make it, here is the recording.",
    'In case you missed the session, the recording is online.',
    'Whether or not you attended, we would love your feedback.',
    'Whether you attended or not, the recording is now online.',
    "For those who couldn't join us, the recording is online.",
    'Thank you to everyone who attended.',
    'Sorry if you missed it: the recording is below.',
  ])('reads no claim in "%s"', (sentence) => {
    // Act
    const claims = claimsOf(sentence);

    // Assess
    expect(claims).toEqual([]);
  });
});

describe('extractAttendance ignores wording that says nothing about attending', () => {
  it.each([
    'Merci de votre intérêt pour notre webinaire.',
    'Merci pour votre inscription.',
    'Vous avez été nombreux à vous inscrire.',
    'Ne manquez pas notre prochain webinaire le 21 janvier.',
    "Merci d'avoir répondu au questionnaire.",
    'Thank you for registering.',
    'Thanks for your interest in our webinar.',
    "Don't miss our next webinar on January 21.",
  ])('reads no claim in "%s"', (sentence) => {
    // Act
    const claims = claimsOf(sentence);

    // Assess
    expect(claims).toEqual([]);
  });
});

describe('extractAttendance limits a condition to its own sentence', () => {
  it('reads the thanks that follow a conditional sentence', () => {
    // Act
    const claims = claimsOf("Si vous avez des questions, écrivez-nous. Merci d'avoir participé !");

    // Assess
    expect(claims).toEqual(['attended']);
  });

  it('reads the thanks when the condition comes after them in the same sentence', () => {
    // Act
    const claims = claimsOf("Merci d'avoir participé ; si vous avez des questions, écrivez-nous.");

    // Assess
    expect(claims).toEqual(['attended']);
  });

  it('reads an English claim followed by an unrelated condition', () => {
    // Act
    const claims = claimsOf('Thanks for attending, and if you have questions, just reply to this email.');

    // Assess
    expect(claims).toEqual(['attended']);
  });

  it('reads a "you missed it" that follows a conditional sentence on another line', () => {
    // Act
    const claims = claimsOf('If you have any question, reply to this email.\nWe missed you at the webinar.');

    // Assess
    expect(claims).toEqual(['missed']);
  });
});
