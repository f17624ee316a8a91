import { describe, expect, it } from 'vitest';
import { labelsOf } from '../../../src/core/facts/links.ts';

const labels = (text: string) => labelsOf({ part: 'html', href: 'https://www.example-collectivite.fr/page', text, before: '', kind: 'a' });

describe('the kind of link a wording announces', () => {
  it.each([
    ['Support', 'slides'],
    ['Télécharger le support', 'slides'],
    ['Les supports de présentation', 'slides'],
    ['Support de présentation (PDF)', 'slides'],
    ['Retrouvez le support utilisé lors du webinaire', 'slides'],
    ['Voir la vidéo', 'replay'],
    ['Watch the video', 'replay'],
    ['Quick poll (2 min)', 'survey'],
  ])('reads « %s » as %s', (text, kind) => {
    expect(labels(text)).toContain(kind);
  });

  it.each([
    'Tell us what support you need next',
    'Support our work',
    'Contact support',
    'Support technique',
    'supports informatiques',
    'Jeux vidéo',
    'Video games night',
  ])('reads no replay or slides in « %s » (help desks, donations, video games)', (text) => {
    expect(labels(text)).not.toContain('slides');
    expect(labels(text)).not.toContain('replay');
  });
});
