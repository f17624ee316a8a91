import { describe, expect, it } from 'vitest';
import { parseRecipients } from '../../../src/core/campaign/recipients.ts';
import { CampaignInputError } from '../../../src/core/errors.ts';

/** The error parseRecipients throws for `input`, or a failure when it throws nothing. */
function inputErrorOf(input: string | Uint8Array): CampaignInputError {
  try {
    parseRecipients(input, 'recipients.csv');
  } catch (error) {
    expect(error).toBeInstanceOf(CampaignInputError);
    return error as CampaignInputError;
  }
  throw new Error('expected parseRecipients to throw a CampaignInputError');
}

function summary(input: string | Uint8Array) {
  return parseRecipients(input, 'recipients.csv').rows.map((r) => ({
    email: r.email,
    firstName: r.firstName,
    lastName: r.lastName,
    attended: r.attended,
  }));
}

describe('parseRecipients: separators and encodings', () => {
  it('reads a semicolon-separated French export (E-mail, Prénom, Nom, Présent)', () => {
    // Prepare
    const csv = 'E-mail;Prénom;Nom;Présent\nhelene.dumas@ville-saint-amand.fr;Hélène;Dumas;oui\nmaelle.guillot@departement-val-morin.fr;Maëlle;Guillot;non\n';

    // Act
    const rows = summary(csv);

    // Assess
    expect(rows).toEqual([
      { email: 'helene.dumas@ville-saint-amand.fr', firstName: 'Hélène', lastName: 'Dumas', attended: true },
      { email: 'maelle.guillot@departement-val-morin.fr', firstName: 'Maëlle', lastName: 'Guillot', attended: false },
    ]);
  });

  it('reads a comma-separated English export ("Email Address", "First Name", "Last Name", Attended)', () => {
    // Prepare
    const csv = '"Email Address","First Name","Last Name","Attended"\n"olivia.baker@cityofbath.gov.uk","Olivia","Baker","Yes"\n"noah.patel@cityofbath.gov.uk","Noah","Patel","No"\n';

    // Act
    const rows = summary(csv);

    // Assess
    expect(rows).toEqual([
      { email: 'olivia.baker@cityofbath.gov.uk', firstName: 'Olivia', lastName: 'Baker', attended: true },
      { email: 'noah.patel@cityofbath.gov.uk', firstName: 'Noah', lastName: 'Patel', attended: false },
    ]);
  });

  it('reads Courriel as the email column and matches headers whatever their case', () => {
    // Prepare
    const csv = 'COURRIEL;PRENOM;NOM\nloic.bertrand@agglo-trois-vallees.fr;Loïc;Bertrand\n';

    // Act
    const rows = summary(csv);

    // Assess
    expect(rows).toEqual([{ email: 'loic.bertrand@agglo-trois-vallees.fr', firstName: 'Loïc', lastName: 'Bertrand', attended: false }]);
  });

  it('reads a UTF-8 file with a BOM and CRLF line ends without a stray character in the first header or last value', () => {
    // Prepare
    const text = '\uFEFFemail;prénom;nom;présent\r\nhelene.dumas@ville-saint-amand.fr;Hélène;Dumas;oui\r\nloic.bertrand@agglo-trois-vallees.fr;Loïc;Bertrand;non\r\n';
    const bytes = new TextEncoder().encode(text);

    // Act
    const list = parseRecipients(bytes, 'recipients.csv');

    // Assess
    expect(list.rows.map((r) => [r.email, r.firstName, r.lastName, r.attended])).toEqual([
      ['helene.dumas@ville-saint-amand.fr', 'Hélène', 'Dumas', true],
      ['loic.bertrand@agglo-trois-vallees.fr', 'Loïc', 'Bertrand', false],
    ]);
    expect(list.invalid).toEqual([]);
    expect(list.extraColumns).toEqual([]);
  });

  it('refuses Windows-1252 bytes written by Excel\'s "CSV" export, naming the line and how to save it as UTF-8', () => {
    // Prepare: the header is plain ASCII; the first accent is Hélène's, on line 2
    const text = 'email;firstName;lastName;attended\r\nhelene.dumas@ville-saint-amand.fr;Hélène;Dumas;oui\r\nmaelle.guillot@departement-val-morin.fr;Maëlle;Guillot;non\r\n';
    const bytes = Uint8Array.from(Buffer.from(text, 'latin1'));

    // Act
    const read = () => parseRecipients(bytes, 'recipients.csv');

    // Assess
    expect(read).toThrow(CampaignInputError);
    expect(read).toThrow(/^recipients\.csv line 2 is not UTF-8: « helene\.dumas@ville-saint-amand\.fr;Hélène;Dumas;oui » is written in Windows-1252.*save it as "CSV UTF-8"/);
  });

  it('treats every recipient as a no-show when there is no attendance column', () => {
    // Prepare
    const csv = 'email,firstName\nhelene.dumas@ville-saint-amand.fr,Hélène\n';

    // Act
    const list = parseRecipients(csv, 'recipients.csv');

    // Assess
    expect(list.rows[0]!.attended).toBe(false);
  });

  it('rejects an unknown attendance value, naming the line, the value and what was expected', () => {
    // Prepare
    const csv = 'email;prénom;présent\nhelene.dumas@ville-saint-amand.fr;Hélène;oui\nloic.bertrand@agglo-trois-vallees.fr;Loïc;non\nmaelle.guillot@departement-val-morin.fr;Maëlle;peut-être\n';

    // Act
    const error = inputErrorOf(csv);

    // Assess
    expect(error.message).toMatch(/recipients\.csv/);
    expect(error.message).toMatch(/line 4/);
    expect(error.message).toMatch(/peut-être/);
    expect(error.message).toMatch(/oui\/non/);
  });
});

describe('parseRecipients: quoted values and line numbers', () => {
  it('keeps separators and line breaks inside quoted values', () => {
    // Prepare
    const csv = [
      'email,firstName,lastName,question',
      'helene.dumas@ville-saint-amand.fr,Hélène,"Dumas, née Martin","Deux questions :',
      '1) l\'échantillon ; 2) la grille"',
      'loic.bertrand@agglo-trois-vallees.fr,Loïc,Bertrand,',
    ].join('\n');

    // Act
    const list = parseRecipients(csv, 'recipients.csv');

    // Assess
    expect(list.rows).toHaveLength(2);
    expect(list.rows[0]!.lastName).toBe('Dumas, née Martin');
    expect(list.rows[0]!.extra.question).toBe("Deux questions :\n1) l'échantillon ; 2) la grille");
  });

  it.each([
    ['LF', '\n'],
    ['CRLF (as Excel writes them)', '\r\n'],
  ])('reports the file line of rows that follow a value spanning several lines, with %s line ends', (_name, lineEnd) => {
    // Prepare
    const csv = [
      'email;prénom;nom;commentaire', // line 1
      'helene.dumas@ville-saint-amand.fr;Hélène;Dumas;"Très clair.', // line 2
      'Merci ; à bientôt', // line 3
      'et encore merci"', // line 4
      'loic.bertrand@agglo-trois-vallees.fr;Loïc;Bertrand;', // line 5
      'pas-une-adresse;Maëlle;Guillot;', // line 6
      'loic.bertrand@agglo-trois-vallees.fr;Loïc;Bertrand;', // line 7
    ].join(lineEnd);

    // Act
    const list = parseRecipients(csv, 'recipients.csv');

    // Assess
    expect(list.rows.map((r) => r.line)).toEqual([2, 5]);
    expect(list.invalid).toEqual([expect.objectContaining({ line: 6, value: 'pas-une-adresse' })]);
    expect(list.duplicates).toEqual([expect.objectContaining({ line: 7, firstLine: 5 })]);
  });

  it('skips the « sep=; » line Excel writes first, and keeps the line numbers', () => {
    // Prepare
    const csv = 'sep=;\r\nE-mail;Prénom;Présent\r\nhelene.dumas@ville-saint-amand.fr;Hélène;oui\r\nloic.bertrand@agglo-trois-vallees.fr;Loïc;peut-être\r\n';

    // Act
    const error = inputErrorOf(csv);
    const list = parseRecipients(csv.replace('peut-être', 'non'), 'recipients.csv');

    // Assess
    expect(list.rows.map((r) => [r.email, r.firstName, r.attended])).toEqual([
      ['helene.dumas@ville-saint-amand.fr', 'Hélène', true],
      ['loic.bertrand@agglo-trois-vallees.fr', 'Loïc', false],
    ]);
    expect(error.message).toMatch(/recipients\.csv line 4\b/);
  });

  it('reads a CRLF export with rows appended by hand with LF line ends, and names their lines', () => {
    // Prepare
    const csv = 'email;prénom;présent\r\nhelene.dumas@ville-saint-amand.fr;Hélène;oui\r\nloic.bertrand@agglo-trois-vallees.fr;Loïc;non\nmaelle.guillot@departement-val-morin.fr;Maëlle;oui\nyann.le-goff@ville-saint-amand.fr;Yann;peut-être\n';

    // Act
    const error = inputErrorOf(csv);
    const list = parseRecipients(csv.replace('peut-être', 'non'), 'recipients.csv');

    // Assess
    expect(error.message).toMatch(/recipients\.csv line 5\b.*peut-être/);
    expect(list.rows.map((r) => [r.email, r.attended])).toEqual([
      ['helene.dumas@ville-saint-amand.fr', true],
      ['loic.bertrand@agglo-trois-vallees.fr', false],
      ['maelle.guillot@departement-val-morin.fr', true],
      ['yann.le-goff@ville-saint-amand.fr', false],
    ]);
  });

  it('names the right line of a bad attendance value after a multi-line value in a CRLF file', () => {
    // Prepare
    const csv = [
      'email;prénom;présent;commentaire', // line 1
      'helene.dumas@ville-saint-amand.fr;Hélène;oui;"Très clair.', // line 2
      'Merci"', // line 3
      'loic.bertrand@agglo-trois-vallees.fr;Loïc;peut-être;', // line 4
    ].join('\r\n');

    // Act
    const error = inputErrorOf(csv);

    // Assess
    expect(error.message).toMatch(/recipients\.csv line 4\b/);
  });

  it('rejects a row with more values than the header, naming its line after a multi-line value', () => {
    // Prepare
    const csv = [
      'email,firstName,lastName,comment', // line 1
      'helene.dumas@ville-saint-amand.fr,Hélène,Dumas,"Line one', // line 2
      'line two"', // line 3
      'loic.bertrand@agglo-trois-vallees.fr,Loïc,Bertrand,Great talk,thanks', // line 4
    ].join('\n');

    // Act
    const error = inputErrorOf(csv);

    // Assess
    expect(error.message).toMatch(/recipients\.csv/);
    expect(error.message).toMatch(/line 4/);
    expect(error.message).toMatch(/expected/);
  });
});

describe('parseRecipients: extra columns', () => {
  it('exposes extra columns by their header and by its camelCase form', () => {
    // Prepare
    const csv = 'email;prénom;Code postal;Collectivité\nhelene.dumas@ville-saint-amand.fr;Hélène;59230;Ville de Saint-Amand\n';

    // Act
    const list = parseRecipients(csv, 'recipients.csv');

    // Assess
    const extra = list.rows[0]!.extra;
    expect(extra['Code postal']).toBe('59230');
    expect(extra.codePostal).toBe('59230');
    expect(extra['Collectivité']).toBe('Ville de Saint-Amand');
    expect(list.extraColumns).toEqual(expect.arrayContaining(['Code postal', 'codePostal', 'Collectivité']));
    expect(list.extraColumns).not.toContain('prénom');
    expect(list.extraColumns).not.toContain('email');
  });
});

describe('parseRecipients: files that are not a recipient list', () => {
  it('rejects a file with no email column, naming the file and the missing column', () => {
    // Prepare
    const csv = 'Prénom;Nom;Présent\nHélène;Dumas;oui\n';

    // Act
    const error = inputErrorOf(csv);

    // Assess
    expect(error.file).toBe('recipients.csv');
    expect(error.message).toMatch(/recipients\.csv/);
    expect(error.message).toMatch(/email/i);
    expect(error.message).toMatch(/expected/);
  });

  it('rejects a first row that holds data instead of column names, naming line 1', () => {
    // Prepare
    const csv = 'helene.dumas@ville-saint-amand.fr;Hélène;Dumas;oui\nloic.bertrand@agglo-trois-vallees.fr;Loïc;Bertrand;non\n';

    // Act
    const error = inputErrorOf(csv);

    // Assess
    expect(error.message).toMatch(/recipients\.csv/);
    expect(error.message).toMatch(/line 1/);
    expect(error.message).toMatch(/header/);
  });

  it('rejects an empty file', () => {
    // Prepare
    const csv = '\uFEFF\r\n';

    // Act
    const error = inputErrorOf(csv);

    // Assess
    expect(error.message).toMatch(/recipients\.csv/);
    expect(error.message).toMatch(/email/);
  });
});
