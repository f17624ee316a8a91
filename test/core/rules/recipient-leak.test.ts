import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/check/findings.ts';
import { fold } from '../../../src/core/text/fold.ts';
import { check, findingsOf, FR_BODY, mjml, THREE_RECIPIENTS, type RecipientRow } from '../../support/campaign-builder.ts';

const RULE = 'recipient.leak';

const [HELENE, LOIC, MAELLE] = THREE_RECIPIENTS as [RecipientRow, RecipientRow, RecipientRow];

function frenchWith(extra: string): string {
  return mjml(`${FR_BODY}\n${extra}`);
}

function theOnlyFinding(findings: Finding[]): Finding {
  expect(findings).toHaveLength(1);
  return findings[0]!;
}

describe('recipient.leak blocks a message that shows another recipient\'s identity', () => {
  it('blocks another recipient\'s address written in the body', async () => {
    // Prepare
    const template = frenchWith(`<p>Pour toute question sur la grille d'audit, écrivez à ${LOIC.email}.</p>`);

    // Act
    const report = await check({ template });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.severity).toBe('block');
    expect(finding.found).toContain(LOIC.email);
    expect(finding.recipients).toBe(2);
    expect([...finding.examples].sort()).toEqual([HELENE.email, MAELLE.email].sort());
    expect(report.verdict).toBe('blocked');
  });

  it('blocks another recipient\'s address hidden in a mailto: link', async () => {
    // Prepare
    const template = frenchWith(`<p>Une question ? <a href="mailto:${MAELLE.email}">Écrivez à notre référente</a>.</p>`);

    // Act
    const report = await check({ template });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.found).toContain(MAELLE.email);
    expect(finding.recipients).toBe(2);
    expect(finding.examples).not.toContain(MAELLE.email);
  });

  it('blocks another recipient\'s full name written in the body', async () => {
    // Prepare
    const template = frenchWith("<p>Comme l'a souligné Hélène Dumas pendant les échanges, la déclaration d'accessibilité doit être mise à jour chaque année.</p>");

    // Act
    const report = await check({ template });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.severity).toBe('block');
    expect(fold(finding.found)).toContain('helene dumas');
    expect(finding.recipients).toBe(2);
    expect([...finding.examples].sort()).toEqual([LOIC.email, MAELLE.email].sort());
  });

  it('blocks a column value that holds another recipient\'s name', async () => {
    // Prepare
    const recipients: RecipientRow[] = [
      { ...HELENE, manager: 'Loïc Bertrand' },
      { ...LOIC, manager: 'Paul Martin' },
      { ...MAELLE, manager: 'Sophie Carpentier' },
    ];
    const template = frenchWith('<p>Votre référent pour le suivi de l\'audit : {{recipient.manager}}.</p>');

    // Act
    const report = await check({ template, recipients });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.severity).toBe('block');
    expect(fold(finding.found)).toContain('loic bertrand');
    expect(finding.recipients).toBe(1);
    expect(finding.examples).toEqual([HELENE.email]);
  });

  it('blocks another recipient\'s name written surname first in capitals ("DUPONT Jean")', async () => {
    // Prepare
    const recipients: RecipientRow[] = [
      ...THREE_RECIPIENTS,
      { email: 'jean.dupont@mairie-bellerive.fr', firstName: 'Jean', lastName: 'Dupont', attended: true },
    ];
    const template = frenchWith("<p>La question de DUPONT Jean sur l'échantillon de pages a été traitée en fin de séance.</p>");

    // Act
    const report = await check({ template, recipients });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(fold(finding.found)).toContain('dupont jean');
    expect(finding.recipients).toBe(3);
    expect(finding.examples).not.toContain('jean.dupont@mairie-bellerive.fr');
  });
});

describe('recipient.leak accepts names and addresses that are not another recipient\'s secret', () => {
  it('accepts the recipient\'s own name and address', async () => {
    // Prepare
    const template = frenchWith(
      '<p>Ce message a été envoyé à {{recipient.firstName}} {{recipient.lastName}} ({{recipient.email}}), <a href="mailto:{{recipient.email}}">{{recipient.email}}</a>.</p>',
    );

    // Act
    const report = await check({ template });

    // Assess
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it('accepts the speaker\'s name when the speaker is also in the list', async () => {
    // Prepare
    const recipients: RecipientRow[] = [
      ...THREE_RECIPIENTS,
      { email: 'nadege.brunel@numerique-territoires.fr', firstName: 'Nadège', lastName: 'Brunel', attended: true },
    ];
    const template = frenchWith('<p>Merci encore à Nadège Brunel pour son intervention sur la grille d\'audit.</p>');

    // Act
    const report = await check({ template, recipients });

    // Assess
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it('accepts the organiser\'s address when the organiser is also in the list', async () => {
    // Prepare
    const recipients: RecipientRow[] = [
      ...THREE_RECIPIENTS,
      { email: 'webinaires@numerique-territoires.fr', firstName: 'Équipe', lastName: 'Webinaires', attended: true },
    ];
    const template = frenchWith('<p>Une question ? Écrivez-nous à webinaires@numerique-territoires.fr.</p>');

    // Act
    const report = await check({ template, recipients });

    // Assess
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it('accepts a first name alone shared by two recipients', async () => {
    // Prepare
    const recipients: RecipientRow[] = [
      ...THREE_RECIPIENTS,
      { email: 'helene.roux@cc-pays-de-lore.fr', firstName: 'Hélène', lastName: 'Roux', attended: false },
    ];
    const template = frenchWith('<p>À bientôt, {{recipient.firstName}} !</p>');

    // Act
    const report = await check({ template, recipients });

    // Assess
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it('finds no leak among 20,000 recipients whose message prints their own address', async () => {
    // Prepare
    const recipients: RecipientRow[] = Array.from({ length: 20_000 }, (_, i) => ({
      email: `agent.${i}@commune-${i % 500}.fr`,
      firstName: `Prénom${i}`,
      lastName: `Nom${i}`,
      attended: i % 3 !== 0,
    }));
    const template = frenchWith('<p>Ce message a été envoyé à {{recipient.email}}.</p>');

    // Act
    const report = await check({ template, recipients });

    // Assess
    expect(report.recipients.selected).toBe(20_000);
    expect(findingsOf(report, RULE)).toEqual([]);
  });
});
