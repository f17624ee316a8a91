import { describe, expect, it } from 'vitest';
import { check, findingsOf, THREE_RECIPIENTS } from '../../support/campaign-builder.ts';

describe('recipients.empty', () => {
  it('blocks a send to attendees when nobody attended', async () => {
    // Prepare
    const recipients = THREE_RECIPIENTS.map((r) => ({ ...r, attended: false }));

    // Act
    const report = await check({ recipients, draft: { audience: 'attendees' } });

    // Assess
    const findings = findingsOf(report, 'recipients.empty');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'recipients.empty', severity: 'block', recipients: 0, examples: [] });
    expect(findings[0]!.found).toMatch(/attendees/);
    expect(report.recipients).toEqual({ total: 3, selected: 0, excluded: 3 });
    expect(report.verdict).toBe('blocked');
  });

  it('blocks a list whose only row has no valid address', async () => {
    // Prepare
    const recipients = 'email,firstName,lastName,attended\nhelene.dumas@ville-saint-amand,Hélène,Dumas,oui\n';

    // Act
    const report = await check({ recipients });

    // Assess
    const findings = findingsOf(report, 'recipients.empty');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe('block');
    expect(report.verdict).toBe('blocked');
  });

  it('blocks a list with a header and no row', async () => {
    // Prepare
    const recipients = 'email;prénom;nom;présent\r\n';

    // Act
    const report = await check({ recipients });

    // Assess
    expect(findingsOf(report, 'recipients.empty')).toHaveLength(1);
    expect(report.recipients.selected).toBe(0);
  });

  it('accepts a send to no-shows when a single recipient missed the event', async () => {
    // Prepare
    const draft = { audience: 'no-shows' };

    // Act
    const report = await check({ draft });

    // Assess
    expect(findingsOf(report, 'recipients.empty')).toEqual([]);
    expect(report.recipients).toEqual({ total: 3, selected: 1, excluded: 2 });
  });
});

describe('recipients.invalid', () => {
  it('warns about malformed and empty addresses, naming their lines, and leaves them out', async () => {
    // Prepare
    const recipients = [
      'email,firstName,lastName,attended',
      'helene.dumas@ville-saint-amand.fr,Hélène,Dumas,oui',
      'loic.bertrand@agglo-trois-vallees,Loïc,Bertrand,oui',
      ',Rémi,Texier,non',
      'maelle guillot@departement-val-morin.fr,Maëlle,Guillot,non',
      'remi.texier@ville-morlaix.fr,Rémi,Texier,non',
    ].join('\n');

    // Act
    const report = await check({ recipients });

    // Assess
    const findings = findingsOf(report, 'recipients.invalid');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'recipients.invalid', severity: 'warn', recipients: 3 });
    expect(findings[0]!.message).toBe('3 lignes n’ont pas d’adresse électronique valide : elles seront écartées de l’envoi');
    expect(findings[0]!.found).toBe(
      'recipients.csv ligne 3 : « loic.bertrand@agglo-trois-vallees » n’est pas une adresse électronique ; ' +
        'recipients.csv ligne 4 : «  » est vide ; ' +
        'recipients.csv ligne 5 : « maelle guillot@departement-val-morin.fr » n’est pas une adresse électronique',
    );
    expect(report.recipients.selected).toBe(2);
    expect(report.verdict).toBe('ready');
  });

  it('accepts plus tags, upper case, apostrophes, subdomains and surrounding spaces', async () => {
    // Prepare
    const recipients = [
      'email;prénom;nom;présent',
      'jb.oneill+webinaire@mairie.saint-amand.fr;Jean-Baptiste;O\'Neill;oui',
      'Helene.Dumas@Ville-Saint-Amand.FR;Hélène;Dumas;oui',
      "d'almeida@agglo-trois-vallees.fr;Zoë;D'Almeida;non",
      '  maelle.guillot@departement-val-morin.fr  ;Maëlle;Guillot;non',
    ].join('\n');

    // Act
    const report = await check({ recipients });

    // Assess
    expect(findingsOf(report, 'recipients.invalid')).toEqual([]);
    expect(report.recipients.selected).toBe(4);
  });
});

describe('recipients.duplicate', () => {
  it('warns about an address listed twice, in another case, and sends it once', async () => {
    // Prepare
    const recipients = [
      'email,firstName,lastName,attended',
      'helene.dumas@ville-saint-amand.fr,Hélène,Dumas,true',
      'loic.bertrand@agglo-trois-vallees.fr,Loïc,Bertrand,true',
      'maelle.guillot@departement-val-morin.fr,Maëlle,Guillot,false',
      'Helene.Dumas@Ville-Saint-Amand.fr,Hélène,Dumas,true',
    ].join('\n');

    // Act
    const report = await check({ recipients });

    // Assess
    const findings = findingsOf(report, 'recipients.duplicate');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'recipients.duplicate', severity: 'warn', recipients: 1 });
    expect(findings[0]!.message).toBe('1 adresse apparaît plusieurs fois ; elle ne recevra qu’un seul message');
    expect(findings[0]!.found).toBe('Helene.Dumas@Ville-Saint-Amand.fr aux lignes 2 et 5');
    expect(findings[0]!.examples[0]!.toLowerCase()).toBe('helene.dumas@ville-saint-amand.fr');
    expect(report.recipients.selected).toBe(3);
    expect(report.verdict).toBe('ready');
  });

  it('accepts two people with the same name and different addresses', async () => {
    // Prepare
    const recipients = [
      ...THREE_RECIPIENTS,
      { email: 'helene.dumas@agglo-trois-vallees.fr', firstName: 'Hélène', lastName: 'Dumas', attended: false },
    ];

    // Act
    const report = await check({ recipients });

    // Assess
    expect(findingsOf(report, 'recipients.duplicate')).toEqual([]);
    expect(report.recipients.selected).toBe(4);
  });

  it('accepts a plus-tagged address beside the plain one (two mailboxes)', async () => {
    // Prepare
    const recipients = [
      ...THREE_RECIPIENTS,
      { email: 'helene.dumas+webinaires@ville-saint-amand.fr', firstName: 'Hélène', lastName: 'Dumas', attended: true },
    ];

    // Act
    const report = await check({ recipients });

    // Assess
    expect(findingsOf(report, 'recipients.duplicate')).toEqual([]);
  });
});
