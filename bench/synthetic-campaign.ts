import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CampaignFiles } from '../src/core/campaign/parse-campaign.ts';

const FIRST = ['Hélène', 'Loïc', 'Maëlle', 'Jérôme', 'François', 'Zoé', 'Jean-Baptiste', 'Nathalie', 'Karim', 'Claire', 'Sébastien', 'Amandine', 'Thomas', 'Céline', 'Antoine', 'Fatou', 'Pierre-Yves', 'Manon', 'Gaëlle', 'Yannick'];
const LAST = ['Dumas', 'Bertrand', 'Guillot', 'Caron', 'Lemaire', 'Martineau', 'Roux', 'Fournier', 'Haddad', 'Moulin', 'Picard', 'Leroy', 'Girard', 'Barbier', 'Chevalier', 'Diallo', 'Le Bihan', 'Robin', 'Perrin', 'Le Goff'];

/** A deterministic recipients.csv of `count` rows in the demo campaign's format. */
export function syntheticRecipientsCsv(count: number): string {
  const lines = ['Prénom;Nom;E-mail;Présent'];
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let i = 0; i < count; i++) {
    const first = FIRST[next() % FIRST.length]!;
    const last = LAST[next() % LAST.length]!;
    const present = next() % 4 === 0 ? 'non' : 'oui';
    lines.push(`${first};${last};p${i}.${i % 97}@collectivite-${i % 500}.fr;${present}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The demo campaign's files with a synthetic list of `count` recipients. */
export async function syntheticCampaign(folder: string, count: number): Promise<Map<string, Uint8Array | string>> {
  const files = new Map<string, Uint8Array | string>();
  for (const name of ['event.json', 'draft.json', 'followup.mjml', 'followup.txt', 'guard.config.json']) {
    files.set(name, await readFile(join(folder, name)));
  }
  for (const name of await readdir(join(folder, 'catalog'))) files.set(`catalog/${name}`, await readFile(join(folder, 'catalog', name)));
  files.set('recipients.csv', syntheticRecipientsCsv(count));
  return files satisfies CampaignFiles;
}
