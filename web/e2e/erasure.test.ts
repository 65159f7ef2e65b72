/**
 * Erasure in Chromium against a real relay (trust issue): a post with a unique marker and a
 * neighbour's comment on it are deleted by the author; afterwards the marker is nowhere —
 * not in the relay's SQLite files (read raw, with -wal and -shm), not in its in-memory
 * document, not in any IndexedDB object store of a second member's browser, not in the
 * official's neighbourhood export — and a third member's phone that had it and was offline
 * meanwhile (and wrote something else) comes back without bringing it back. Then a member
 * deletes their account from the account view, after a confirmation, with the same checks.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backupOccurrences,
  relayMemoryOccurrences,
  sqliteOccurrences,
} from '../../sync-server/test/helpers/erasure.js';
import { brokenHeadingWords, setTextSize } from './support/a11y.js';
import { axeViolations } from './support/browser.js';
import { cli, inviteLink, joinWithLink } from './support/members.js';
import { type TestSite, startNeighbourhood } from './support/neighbourhood.js';
import { writePost } from './support/posts.js';

const PHONE = { width: 390, height: 844 };
const KIOSK = { width: 1920, height: 1080 };
const NB = 'erfwijk';
const ROOM = `${NB}/community`;
const SHOTS = '/tmp/shots/erasure';

/** Occurrences of `marker` in every value of every object store of every IndexedDB database. */
function indexedDbOccurrences(page: Page, marker: string): Promise<number> {
  return page.evaluate(async (marker) => {
    const request = <T>(r: IDBRequest<T> | IDBOpenDBRequest): Promise<T> =>
      new Promise((resolve, reject) => {
        r.onsuccess = () => resolve(r.result as T);
        r.onerror = () => reject(r.error);
      });
    const decoder = new TextDecoder();
    const text = (value: unknown): string => {
      if (value instanceof Uint8Array) return decoder.decode(value);
      if (value instanceof ArrayBuffer) return decoder.decode(new Uint8Array(value));
      if (typeof value === 'string') return value;
      return JSON.stringify(value) ?? '';
    };
    let count = 0;
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await request<IDBDatabase>(indexedDB.open(name));
      for (const store of Array.from(db.objectStoreNames)) {
        const values = await request(db.transaction(store).objectStore(store).getAll());
        for (const value of values) count += text(value).split(marker).length - 1;
      }
      db.close();
    }
    return count;
  }, marker);
}

describe('erasure in the browser', () => {
  let site: TestSite;
  let anna: Page;
  let bram: Page;
  let carla: Page;
  let moderatorToken: string;
  let officialToken: string;

  const page = () => site.page();

  async function token(role: string): Promise<string> {
    const out = await cli(['token', NB, '--role', role, '--data', site.dataDir]);
    return out.trim().split('\n').at(-1) ?? '';
  }

  /** Zero (or not) everywhere on the relay: SQLite files, its memory, the official export. */
  async function onRelay(marker: string): Promise<number[]> {
    const response = await fetch(`${site.base}/api/export/${NB}`, {
      headers: { authorization: `Bearer ${officialToken}` },
    });
    expect(response.status).toBe(200);
    return [
      sqliteOccurrences(site.dataDir, marker),
      await relayMemoryOccurrences(site.base, ROOM, marker, `?token=${moderatorToken}`),
      backupOccurrences(
        (await response.json()) as { rooms: Record<string, { update: string }> },
        marker,
      ),
    ];
  }

  beforeAll(async () => {
    site = await startNeighbourhood('buurthub-erasure-e2e-', NB, 'Erfwijk');
    [anna, bram, carla] = [await page(), await page(), await page()];
    for (const [p, name] of [
      [anna, 'Anna Erfgoed'],
      [bram, 'Bram Janssen'],
      [carla, 'Carla de Wit'],
    ] as const) {
      await joinWithLink(p, await inviteLink(site), name);
    }
    moderatorToken = await token('moderator');
    officialToken = await token('official');
  }, 180_000);

  afterAll(() => site?.stop());

  it('erases a deleted post and its comments everywhere, also after an offline phone returns', async () => {
    const marker = `MARKER${Date.now().toString(36)}`;
    await writePost(anna, 'Fiets gevonden', `Blauwe fiets bij de kerk. ${marker}`);
    const bramsCard = bram.getByRole('article', { name: 'Fiets gevonden' });
    await bramsCard.waitFor({ timeout: 15_000 });
    await bramsCard.getByLabel('Schrijf een reactie').fill(`Die is van mij! ${marker}`);
    await bramsCard.getByRole('button', { name: 'Plaats reactie' }).click();
    await carla
      .getByRole('article', { name: 'Fiets gevonden' })
      .getByText(`Die is van mij! ${marker}`)
      .waitFor({ timeout: 15_000 });
    // Every check below can fail: the marker is in all these places before the deletion.
    await expect
      .poll(() => indexedDbOccurrences(bram, marker), { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(await indexedDbOccurrences(carla, marker)).toBeGreaterThan(0);
    for (const count of await onRelay(marker)) expect(count).toBeGreaterThan(0);

    // Carla's phone goes offline and she writes something else meanwhile.
    await carla.context().setOffline(true);
    await writePost(carla, 'Sleutels gevonden', 'Bij de bakker.');

    const annasCard = anna.getByRole('article', { name: 'Fiets gevonden' });
    await annasCard.getByRole('button', { name: 'Verwijderen', exact: true }).click();
    await anna
      .getByRole('dialog', { name: 'Dit bericht verwijderen?' })
      .getByRole('button', { name: 'Verwijderen' })
      .click();
    await anna
      .getByText('Het bericht is verwijderd, ook van de server.')
      .waitFor({ timeout: 60_000 });

    await expect.poll(() => indexedDbOccurrences(bram, marker), { timeout: 30_000 }).toBe(0);
    expect(await indexedDbOccurrences(anna, marker)).toBe(0);
    expect(await onRelay(marker)).toEqual([0, 0, 0]);

    // Carla comes back: her post arrives, the deleted one does not come back.
    await carla.context().setOffline(false);
    await bram.getByRole('article', { name: 'Sleutels gevonden' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => indexedDbOccurrences(carla, marker), { timeout: 30_000 }).toBe(0);
    expect(await carla.getByRole('article', { name: 'Fiets gevonden' }).count()).toBe(0);
    expect(await indexedDbOccurrences(bram, marker)).toBe(0);
    expect(await onRelay(marker)).toEqual([0, 0, 0]);
  });

  it('deletes an account after a clear confirmation (its button whole at 200 % text), and nothing the member wrote stays', async () => {
    const marker = `LADDER${Date.now().toString(36)}`;
    await writePost(bram, 'Ladder gezocht', `Wie leent me een ladder? ${marker}`);
    await anna.getByRole('article', { name: 'Ladder gezocht' }).waitFor({ timeout: 15_000 });
    await expect
      .poll(() => indexedDbOccurrences(anna, marker), { timeout: 15_000 })
      .toBeGreaterThan(0);

    await bram.getByRole('link', { name: 'Account' }).click();
    await bram.getByRole('heading', { name: 'Je account', exact: true }).waitFor();
    expect(await axeViolations(bram)).toEqual([]);
    await bram.screenshot({ path: `${SHOTS}/account-390x844.png`, fullPage: true });
    await bram.setViewportSize(KIOSK);
    await bram.screenshot({ path: `${SHOTS}/account-1920x1080.png` });
    await bram.setViewportSize(PHONE);
    // At 200 % text on the phone the account's buttons keep their words whole.
    await setTextSize(bram, 200);
    expect(await brokenHeadingWords(bram, '.danger')).toEqual([]);
    await bram.getByRole('button', { name: 'Account verwijderen…' }).scrollIntoViewIfNeeded();
    await bram.screenshot({ path: `${SHOTS}/account-390x844-200.png` });
    await setTextSize(bram, 100);

    // Download my data: JSON and a readable page, with what Bram wrote.
    const [json] = await Promise.all([
      bram.waitForEvent('download'),
      bram.getByRole('button', { name: 'Download als JSON' }).click(),
    ]);
    const mine = JSON.parse(await readFile(await json.path(), 'utf8')) as {
      posts: { title: string }[];
    };
    expect(mine.posts.map((p) => p.title)).toEqual(['Ladder gezocht']);
    const [page] = await Promise.all([
      bram.waitForEvent('download'),
      bram.getByRole('button', { name: 'Download als pagina (HTML)' }).click(),
    ]);
    const html = await readFile(await page.path(), 'utf8');
    expect(html).toContain('<h1>Mijn gegevens in Buurthub</h1>');
    expect(html).toContain('Ladder gezocht');

    await bram.getByRole('button', { name: 'Account verwijderen…' }).click();
    const dialog = bram.getByRole('dialog', { name: 'Weet je het zeker?' });
    await dialog.getByRole('button', { name: 'Verwijder mijn account' }).click();
    await dialog.getByText('Vink eerst aan dat je begrijpt').waitFor();
    expect(await axeViolations(bram)).toEqual([]);
    await bram.screenshot({ path: `${SHOTS}/account-confirm-390x844.png` });
    await dialog.getByLabel('Ik begrijp dat dit niet ongedaan kan worden').check();
    await dialog.getByRole('button', { name: 'Verwijder mijn account' }).click();
    await bram.getByText('De server wist ze voorgoed').waitFor();
    await bram.screenshot({ path: `${SHOTS}/account-progress-390x844.png` });
    await bram.getByText('Je account is verwijderd.').first().waitFor({ timeout: 60_000 });

    await expect.poll(() => indexedDbOccurrences(anna, marker), { timeout: 30_000 }).toBe(0);
    expect(await anna.getByRole('article', { name: 'Ladder gezocht' }).count()).toBe(0);
    expect(await indexedDbOccurrences(bram, marker)).toBe(0);
    expect(await onRelay(marker)).toEqual([0, 0, 0]);
    expect(sqliteOccurrences(site.dataDir, 'Bram Janssen')).toBe(0);
    // Bram's device is a guest now: no account link, the way in instead.
    expect(await bram.getByRole('link', { name: 'Account' }).count()).toBe(0);
  });

  it("gives an official the neighbourhood's export from the account view", async () => {
    await writePost(anna, 'Zomerfeest op het plein', 'Zaterdag vanaf drie uur.');
    const official = await page();
    await joinWithLink(official, await inviteLink(site, 'official'), 'Gemeente Erfwijk');
    await official.getByRole('link', { name: 'Account' }).click();
    await official.getByRole('heading', { name: 'De hele buurt exporteren' }).waitFor();
    expect(await axeViolations(official)).toEqual([]);
    const [download] = await Promise.all([
      official.waitForEvent('download'),
      official.getByRole('button', { name: 'Download de export van de buurt' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^erfwijk-export-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      format: string;
      nb: string;
      rooms: Record<string, { update: string }>;
    };
    expect(backup).toMatchObject({ format: 'buurthub-neighbourhood-backup', nb: NB });
    expect(backupOccurrences(backup, 'Zomerfeest op het plein')).toBeGreaterThan(0);
    await official.getByText('De export is gedownload.').waitFor();
    // Residents do not get the button.
    await anna.getByRole('link', { name: 'Account' }).click();
    await anna.getByRole('heading', { name: 'Je gegevens downloaden' }).waitFor();
    expect(
      await anna.getByRole('button', { name: 'Download de export van de buurt' }).count(),
    ).toBe(0);
  });
});
