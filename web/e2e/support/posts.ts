/** Writing a post the way a member does: the menu's "Nieuw bericht", the form, "Plaatsen". */
import type { Page } from 'playwright-core';

/** Writes a news post titled `title` and waits until the app says it is placed. */
export async function writePost(page: Page, title: string, body: string): Promise<void> {
  await page.getByRole('link', { name: 'Nieuw bericht' }).click();
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Bericht', { exact: true }).fill(body);
  await page.getByLabel('Categorie').selectOption('nieuws');
  await page.getByRole('button', { name: 'Plaatsen' }).click();
  await page.getByText('Je bericht is geplaatst.').waitFor();
}
