import { describe, expect, it } from 'vitest';
import { extractDates, type DateReference } from '../../../src/core/facts/dates.ts';

/** A French event on Thursday 15 October 2026 in Paris, with no other known day unless given. */
function frenchReference(knownDays: string[] = []): DateReference {
  return { language: 'fr', eventDay: '2026-10-15', knownDays: new Set(['2026-10-15', ...knownDays]), isMonthFirst: false };
}

function englishReference(options: { isMonthFirst?: boolean; knownDays?: string[] } = {}): DateReference {
  return {
    language: 'en',
    eventDay: '2026-10-15',
    knownDays: new Set(['2026-10-15', ...(options.knownDays ?? [])]),
    isMonthFirst: options.isMonthFirst ?? false,
  };
}

function daysIn(text: string, ref: DateReference): string[] {
  return extractDates('html', text, ref).map((d) => d.day);
}

describe('extractDates on French long dates', () => {
  it('reads a long date with its weekday and year', () => {
    // Prepare
    const text = 'Notre webinaire du jeudi 14 mars 2024 a réuni 120 agents.';

    // Act
    const dates = extractDates('html', text, frenchReference());

    // Assess
    expect(dates).toHaveLength(1);
    expect(dates[0]).toMatchObject({ part: 'html', day: '2024-03-14', statedWeekday: 4, isYearStated: true });
    expect(dates[0]!.text).toContain('14 mars 2024');
  });

  it('keeps the weekday as written even when the calendar disagrees', () => {
    // Prepare
    const text = 'Rendez-vous le mercredi 13 février 2025 pour la suite.';

    // Act
    const dates = extractDates('html', text, frenchReference());

    // Assess
    expect(dates).toHaveLength(1);
    expect(dates[0]).toMatchObject({ day: '2025-02-13', statedWeekday: 3, isYearStated: true });
  });

  it('reads a long date without weekday as having none', () => {
    // Prepare
    const text = 'Le support présenté le 14 mars 2024 est en ligne.';

    // Act
    const dates = extractDates('html', text, frenchReference());

    // Assess
    expect(dates).toHaveLength(1);
    expect(dates[0]).toMatchObject({ day: '2024-03-14', isYearStated: true });
    expect(dates[0]!.statedWeekday).toBeUndefined();
  });

  it('reads « 1er » as the first day of the month', () => {
    // Prepare
    const text = 'Le replay restera en ligne jusqu’au samedi 1er mars 2025.';

    // Act
    const dates = extractDates('html', text, frenchReference());

    // Assess
    expect(dates).toHaveLength(1);
    expect(dates[0]).toMatchObject({ day: '2025-03-01', statedWeekday: 6, isYearStated: true });
  });

  it('gives a yearless date the year that puts it closest to the event', () => {
    // Prepare: 5 January is 82 days after the event in 2027 but 283 days before it in 2026
    const text = 'Prochaine session le mardi 5 janvier, puis un point le 3 septembre.';

    // Act
    const dates = extractDates('html', text, frenchReference());

    // Assess
    expect(dates.map((d) => d.day)).toEqual(['2027-01-05', '2026-09-03']);
    expect(dates.every((d) => !d.isYearStated)).toBe(true);
    expect(dates[0]!.statedWeekday).toBe(2);
  });

  it('reads both ends of a range « du 3 au 5 mars »', () => {
    // Prepare
    const text = 'La formation aura lieu du 3 au 5 mars 2027 à Lyon.';

    // Act
    const days = daysIn(text, frenchReference());

    // Assess
    expect(days).toEqual(['2027-03-03', '2027-03-05']);
  });

  it('does not carry a time range that reads past midnight over to the next day', () => {
    // A line break put « Aménagement » right after « 12h30 »: chrono-node reads "12h30 am" and ends the range the next day.
    expect(daysIn('Mercredi 2 juillet 2025, 9h30–12h30\nAménagement des espaces', frenchReference())).toEqual(['2025-07-02']);
    expect(daysIn('Du 3 au 5 mars 2026, de 9h à 17h.', frenchReference())).toEqual(['2026-03-03', '2026-03-05']);
  });

  it('reads no date inside a URL written in the text', () => {
    // Prepare
    const text = 'Le replay : https://video.rml44.fr/2025-10-10/accueil-ados (mis en ligne le 16 octobre 2026).';

    // Act
    const days = daysIn(text, frenchReference());

    // Assess
    expect(days).toEqual(['2026-10-16']);
  });

  it('reads both ends of a yearless range in the year closest to the event', () => {
    // Prepare
    const text = 'Les ateliers se tiendront du 3 au 5 mars.';

    // Act
    const days = daysIn(text, frenchReference());

    // Assess
    expect(days).toEqual(['2027-03-03', '2027-03-05']);
  });
});

describe('extractDates on English long dates', () => {
  it('reads a US long date with its weekday and year', () => {
    // Prepare
    const text = 'Thank you for joining us on Wednesday, September 18, 2025.';

    // Act
    const dates = extractDates('html', text, englishReference());

    // Assess
    expect(dates).toHaveLength(1);
    expect(dates[0]).toMatchObject({ day: '2025-09-18', statedWeekday: 3, isYearStated: true });
  });

  it('reads a British long date without weekday', () => {
    // Prepare
    const text = 'The slides shown on 14 March 2024 are online.';

    // Act
    const dates = extractDates('html', text, englishReference());

    // Assess
    expect(dates).toHaveLength(1);
    expect(dates[0]).toMatchObject({ day: '2024-03-14', isYearStated: true });
    expect(dates[0]!.statedWeekday).toBeUndefined();
  });

  it('gives a yearless English date the year closest to the event', () => {
    // Prepare
    const text = 'Our next session is on Tuesday, January 5.';

    // Act
    const dates = extractDates('html', text, englishReference());

    // Assess
    expect(dates).toHaveLength(1);
    expect(dates[0]).toMatchObject({ day: '2027-01-05', statedWeekday: 2, isYearStated: false });
  });

  it('reads both ends of an English range', () => {
    // Prepare
    const text = 'The training runs from March 3 to March 5, 2027.';

    // Act
    const days = daysIn(text, englishReference());

    // Assess
    expect(days).toEqual(['2027-03-03', '2027-03-05']);
  });
});

describe('extractDates on numeric dates', () => {
  it('reads a French day-first date and an ISO date', () => {
    // Prepare
    const text = 'Session du 14/03/2024, compte rendu publié le 2024-03-21.';

    // Act
    const dates = extractDates('text', text, frenchReference());

    // Assess
    expect(dates.map((d) => d.day).sort()).toEqual(['2024-03-14', '2024-03-21']);
    expect(dates.every((d) => d.isYearStated && d.part === 'text')).toBe(true);
  });

  it('keeps the weekday written before a numeric date', () => {
    // Prepare
    const text = 'Merci pour votre présence le jeudi 14/03/2024.';

    // Act
    const dates = extractDates('html', text, frenchReference());

    // Assess
    expect(dates).toHaveLength(1);
    expect(dates[0]).toMatchObject({ day: '2024-03-14', statedWeekday: 4 });
  });

  it('reads a date that is only valid month-first as month-first', () => {
    // Prepare
    const text = 'See you again on 10/15/2026.';

    // Act
    const days = daysIn(text, englishReference());

    // Assess
    expect(days).toEqual(['2026-10-15']);
  });

  it('reads 03/04/2025 day first in French even when the other reading is a known day: that is the date a French reader is told', () => {
    // Prepare: 4 March 2025 is a catalogue day
    const text = 'Revoir la session du 03/04/2025.';

    // Act
    const days = daysIn(text, frenchReference(['2025-03-04']));

    // Assess
    expect(days).toEqual(['2025-04-03']);
  });

  it('reads 02/10/2025 month first for an English event in the Americas even when the day-first reading is its own day', () => {
    // Prepare: the event is on 2 October 2025; an American reader reads 10 February
    const text = 'Thanks for joining us on 02/10/2025.';

    // Act
    const days = daysIn(text, englishReference({ isMonthFirst: true, knownDays: ['2025-10-02'] }));

    // Assess
    expect(days).toEqual(['2025-02-10']);
  });

  it('settles an ambiguous 03/04/2025 on the known day for an English event elsewhere (British and American authors alike)', () => {
    // Prepare: 4 March 2025 is a catalogue day
    const text = 'Watch the session of 03/04/2025 again.';

    // Act
    const days = daysIn(text, englishReference({ isMonthFirst: false, knownDays: ['2025-03-04'] }));

    // Assess
    expect(days).toEqual(['2025-03-04']);
  });

  it('reads an ambiguous 03/04/2025 day-first in French when no reading is a known day', () => {
    // Prepare
    const text = 'Revoir la session du 03/04/2025.';

    // Act
    const days = daysIn(text, frenchReference());

    // Assess
    expect(days).toEqual(['2025-04-03']);
  });

  it('reads an ambiguous 03/04/2025 month-first for an English event in the Americas', () => {
    // Prepare
    const text = 'Watch the session of 03/04/2025 again.';

    // Act
    const days = daysIn(text, englishReference({ isMonthFirst: true }));

    // Assess
    expect(days).toEqual(['2025-03-04']);
  });

  it('reads an ambiguous 03/04/2025 day-first for an English event in Europe', () => {
    // Prepare
    const text = 'Watch the session of 03/04/2025 again.';

    // Act
    const days = daysIn(text, englishReference({ isMonthFirst: false }));

    // Assess
    expect(days).toEqual(['2025-04-03']);
  });
});

describe('extractDates ignores what is no calendar date', () => {
  it.each([
    ['« demain »', 'Le replay sera disponible demain matin.', frenchReference()],
    ['« lundi prochain »', 'Nous vous écrirons lundi prochain.', frenchReference()],
    ['« dans 3 jours »', 'Le questionnaire ferme dans 3 jours.', frenchReference()],
    ['"tomorrow"', 'The recording will be online tomorrow.', englishReference()],
    ['"next Monday"', 'We will write to you next Monday.', englishReference()],
    ['"in 3 days"', 'The survey closes in 3 days.', englishReference()],
  ])('does not take the relative words %s as a date', (_label, text, ref) => {
    // Act
    const dates = extractDates('html', text, ref);

    // Assess
    expect(dates).toEqual([]);
  });

  it.each([
    ['« 14h30 »', 'La session commence à 14h30 et finit à 16h.', frenchReference()],
    ['« 14:30 »', 'Connexion dès 14:30, début à 15:00.', frenchReference()],
    ['"2:30 PM"', 'The session starts at 2:30 PM sharp.', englishReference()],
  ])('does not take the time %s as a date', (_label, text, ref) => {
    // Act
    const dates = extractDates('html', text, ref);

    // Assess
    expect(dates).toEqual([]);
  });

  it.each([
    ['« demain à 14h30 »', 'Séance de questions demain à 14h30.', frenchReference()],
    ['« après-demain à 9h »', 'Le questionnaire ferme après-demain à 9h.', frenchReference()],
    ['« la semaine prochaine à 10h »', 'Un atelier suivra la semaine prochaine à 10h.', frenchReference()],
    ['"tomorrow at 2:30 PM"', 'Questions and answers tomorrow at 2:30 PM.', englishReference()],
  ])('does not take the relative words and time %s as a date', (_label, text, ref) => {
    // Act
    const dates = extractDates('html', text, ref);

    // Assess
    expect(dates).toEqual([]);
  });

  it('still reads a written date followed by a time', () => {
    // Prepare
    const text = 'Prochaine session le 3 décembre à 14h30.';

    // Act
    const dates = extractDates('html', text, frenchReference());

    // Assess
    expect(dates).toHaveLength(1);
    expect(dates[0]).toMatchObject({ day: '2026-12-03', isYearStated: false });
  });

  it.each([
    ['« 3/4 des participants »', 'Plus de 3/4 des participants ont répondu au questionnaire.', frenchReference()],
    ['"2/3 of attendees"', 'About 2/3 of attendees watched the recording.', englishReference()],
  ])('does not take the fraction %s as a date', (_label, text, ref) => {
    // Act
    const dates = extractDates('html', text, ref);

    // Assess
    expect(dates).toEqual([]);
  });

  it('finds only the calendar date among relative words and times', () => {
    // Prepare
    const text = 'Rendez-vous demain à 14h30, puis le jeudi 21 janvier 2027 pour la session suivante ; 3/4 des inscrits sont déjà là.';

    // Act
    const dates = extractDates('html', text, frenchReference());

    // Assess
    expect(dates.map((d) => d.day)).toEqual(['2027-01-21']);
    expect(dates[0]!.statedWeekday).toBe(4);
  });
});

describe('extractDates on ranges and on dates that name something else', () => {
  it('keeps the first day of a range whose days both carry a weekday, with its weekday, in French and English', () => {
    const french = extractDates('html', 'Trois matinées en ligne, du lundi 2 au jeudi 4 décembre 2025.', frenchReference());
    expect(french.map((d) => [d.day, d.statedWeekday])).toEqual([
      ['2025-12-02', 1],
      ['2025-12-04', 4],
    ]);
    expect(french[0]!.text).toBe('lundi 2 au jeudi 4 décembre 2025');
    const english = extractDates('html', 'Join us from Monday 1 to Wednesday 3 December 2025.', englishReference());
    expect(english.map((d) => [d.day, d.statedWeekday])).toEqual([
      ['2025-12-01', 1],
      ['2025-12-03', 3],
    ]);
  });

  it('puts the first day of a range in the month before when its number is larger', () => {
    expect(daysIn('Du dimanche 30 au mardi 2 décembre 2025.', frenchReference())).toEqual(['2025-11-30', '2025-12-02']);
  });

  it('reads the date of "the evening of Tuesday 4 February 2025", which chrono-node alone drops', () => {
    const dates = extractDates('html', 'Thank you for coming along on the evening of Tuesday 4 February 2025.', englishReference());
    expect(dates).toMatchObject([{ day: '2025-02-04', statedWeekday: 2 }]);
  });

  it.each([
    ['a French law', 'Conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005, ce message est accessible.', frenchReference()],
    ['a decree and an order', 'Voir le décret n° 2019-768 du 24 juillet 2019 et l’arrêté du 20 septembre 2019 relatif au RGAA.', frenchReference()],
    ['a deliberation', 'Délibération du conseil d’administration du 12/12/2019.', frenchReference()],
    ['an EU directive', 'Directive (EU) 2019/882 of 17 April 2019 on accessibility requirements.', englishReference()],
  ])('does not take the date in the name of %s for a date the reader is told', (_, text, reference) => {
    expect(daysIn(text, reference)).toEqual([]);
  });

  it('still reads a date after the words of a law that does not cite it', () => {
    expect(daysIn('La loi nous oblige à publier le replay, enregistré le 12 mars 2024.', frenchReference())).toEqual(['2024-03-12']);
  });
});

describe('extractDates on numbered days and weekday ranges', () => {
  it('does not read « Jour 1 – mardi 10 juin » as a range from the 1st', () => {
    expect(daysIn('Jour 1 – mardi 10 juin 2025 : ouverture', frenchReference())).toEqual(['2025-06-10']);
  });

  it('gives no weekday to the first day of "Tuesday through Thursday, September 23–25, 2025"', () => {
    const dates = extractDates('html', 'The summit runs Tuesday through Thursday, September 23–25, 2025.', englishReference());
    expect(dates[0]).toMatchObject({ day: '2025-09-23', statedWeekday: undefined });
  });
});

describe('extractDates on English ranges written with an en dash', () => {
  it('keeps the year of "September 23–25, 2025" (chrono-node alone reads "September 23" of the coming year)', () => {
    const dates = extractDates('html', 'The summit ran September 23–25, 2025.', englishReference());
    expect(dates.map((d) => [d.text, d.day])).toEqual([
      ['September 23–25, 2025', '2025-09-23'],
      ['September 23–25, 2025', '2025-09-25'],
    ]);
  });
});
