/**
 * The agenda in Chromium against a real relay (issue 4): a member creates a members-only
 * event, a second member opens its deep link (`#agenda/<id>`, as the relay's feeds link)
 * and says "going", and the organiser sees the count and the name live; the month view
 * shows the event and moves with the keyboard; "Toevoegen aan agenda" downloads an .ics
 * that parses; the personal calendar link returns a feed with the members-only event and a
 * reset makes the old address 404. The organiser edits every field and then cancels the event
 * with a reason; the second member sees it marked "Geannuleerd" in the detail, the list and
 * the month view, and the calendar feed says STATUS:CANCELLED. Every view is scanned with axe.
 *
 * BH_SHOTS=<dir> also saves screenshots of the agenda list, month and event detail, and of
 * the cancelled event.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, zonedDate } from '@buurthub/shared';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/browser.js';
import { inviteLink, joinWithLink } from './support/members.js';
import { type TestSite, startNeighbourhood } from './support/neighbourhood.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1920, height: 1080 };
const NB = 'kerkbuurt';
const SHOTS = process.env.BH_SHOTS;
const TITLE = 'Snoeimiddag; met koffie, en taart';
// Two days from now in Amsterdam: upcoming, whatever time the test runs.
const DAY = addDays(zonedDate(Date.now(), 'Europe/Amsterdam'), 2);

describe('the agenda', () => {
  let site: TestSite;
  let anna: Page;
  let bram: Page;
  let eventId = '';
  let personalFeed = '';

  const page = (viewport = PHONE) =>
    site.page({ viewport, acceptDownloads: true, clipboard: true });

  async function joinAs(p: Page, name: string): Promise<void> {
    await joinWithLink(p, await inviteLink(site), name);
  }

  async function shot(p: Page, name: string, fullPage = true): Promise<void> {
    if (!SHOTS) return;
    mkdirSync(SHOTS, { recursive: true });
    // The sticky header would otherwise sit in the middle of a full-page shot.
    await p.evaluate(() => window.scrollTo(0, 0));
    await p.screenshot({ path: join(SHOTS, name), fullPage });
  }

  beforeAll(async () => {
    site = await startNeighbourhood('buurthub-agenda-e2e-', NB, 'Kerkbuurt');
    anna = await page();
    bram = await page();
    await joinAs(anna, 'Anna Kerkhof');
    await joinAs(bram, 'Bram Janssen');
  });

  afterAll(() => site?.stop());

  it('creates a members-only event, with the model’s validation messages in Dutch', async () => {
    await anna.getByRole('link', { name: 'Agenda', exact: true }).click();
    await anna.getByRole('heading', { name: 'Agenda', exact: true }).waitFor();
    await anna.getByRole('link', { name: 'Nieuwe activiteit' }).click();
    await anna.getByRole('heading', { name: 'Nieuwe activiteit' }).waitFor();
    await anna.getByRole('button', { name: 'Activiteit plaatsen' }).click();
    await anna.getByText('Kies de datum.').waitFor();
    await anna.getByLabel('Titel', { exact: true }).fill(TITLE);
    await anna.getByLabel('Datum', { exact: true }).fill(DAY);
    await anna.getByLabel('Begintijd').fill('19:00');
    await anna.getByLabel('Eindtijd').fill('18:00');
    await anna.getByLabel('Plaats', { exact: true }).fill('Kerkplein');
    await anna.getByRole('button', { name: 'Activiteit plaatsen' }).click();
    await anna.getByText('Geef de activiteit een titel.').waitFor({ state: 'detached' });
    await anna
      .getByText('Het einde moet na het begin liggen, en hoogstens 366 dagen later.')
      .waitFor();
    expect(await axeViolations(anna)).toEqual([]);
    await anna.getByLabel('Eindtijd').fill('21:30');
    await anna
      .getByLabel('Beschrijving', { exact: true })
      .fill('Neem een **snoeischaar** mee.\n\n- handschoenen\n- <script>window.__xss=1</script>');
    await anna.getByLabel('Aantal plaatsen').fill('10');
    await anna.getByRole('button', { name: 'Activiteit plaatsen' }).click();
    await anna.getByRole('heading', { name: TITLE }).waitFor();
    eventId = decodeURIComponent(new URL(anna.url()).hash.replace('#agenda/', ''));
    expect(eventId).not.toBe('');
    const card = anna.getByRole('article', { name: TITLE });
    expect(await card.textContent()).toContain('Alleen voor leden');
    expect(await card.textContent()).toContain('Nog 10 plaatsen vrij van de 10');
    expect(await card.locator('strong').textContent()).toBe('snoeischaar');
    expect(await anna.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  });

  it('lets a second member RSVP from the deep link, and the organiser sees count and name live', async () => {
    await bram.goto(`${site.base}/nb/${NB}/#agenda/${encodeURIComponent(eventId)}`);
    await bram.getByRole('heading', { name: TITLE }).waitFor({ timeout: 15_000 });
    // Only the organiser (or a moderator) sees who is coming.
    expect(await bram.getByRole('heading', { name: 'Wie komen er' }).count()).toBe(0);
    const going = bram.getByRole('button', { name: /Ik kom\b/ }).first();
    await going.click();
    await expect.poll(() => going.getAttribute('aria-pressed')).toBe('true');
    await bram.getByText('Je komt. Leuk!').waitFor();
    expect(await axeViolations(bram)).toEqual([]);

    const annaGoing = anna.getByRole('button', { name: /^Ik kom \d+$/ });
    await expect.poll(() => annaGoing.textContent(), { timeout: 15_000 }).toMatch(/1/);
    const attendees = anna.getByRole('region', { name: 'Wie komen er' });
    await attendees.getByText('Bram Janssen').waitFor({ timeout: 15_000 });
    await anna.getByText('Nog 9 plaatsen vrij van de 10').waitFor();
    expect(await axeViolations(anna)).toEqual([]);
    await shot(anna, 'agenda-detail-390.png');
    await anna.setViewportSize(DESKTOP);
    await shot(anna, 'agenda-detail-1920.png', false);
    await anna.setViewportSize(PHONE);
  });

  it('shows the event in the upcoming list, this week and the month view, navigable by keyboard', async () => {
    await bram.goto(site.url('#agenda'));
    await bram.getByRole('heading', { name: 'Binnenkort in de buurt' }).waitFor();
    await bram.getByRole('link', { name: new RegExp(TITLE.slice(0, 12)) }).waitFor();
    expect(await axeViolations(bram)).toEqual([]);
    await shot(bram, 'agenda-list-390.png');
    await bram.setViewportSize(DESKTOP);
    await shot(bram, 'agenda-list-1920.png', false);

    await bram.goto(`${site.base}/nb/${NB}/#agenda/maand/${DAY.slice(0, 7)}`);
    const cell = bram.locator(`td[data-day="${DAY}"]`);
    await expect.poll(() => cell.textContent(), { timeout: 15_000 }).toContain('1 activiteit');
    expect(await cell.textContent()).toContain(TITLE);
    await cell.click();
    const day = bram.locator('bh-month-view section.day');
    await day.getByRole('link', { name: new RegExp(TITLE.slice(0, 12)) }).waitFor();
    expect(await axeViolations(bram)).toEqual([]);
    await shot(bram, 'agenda-month-1920.png', false);
    await bram.setViewportSize(PHONE);
    await shot(bram, 'agenda-month-390.png');
    // Arrow keys move the one focusable day; Enter goes to that day's first event.
    await cell.focus();
    await bram.keyboard.press('ArrowLeft');
    const focusedDay = () =>
      bram.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return (el as HTMLElement | null)?.dataset['day'] ?? el?.tagName;
      });
    await expect.poll(focusedDay).toBe(addDays(DAY, -1));
    await bram.keyboard.press('ArrowRight');
    await expect.poll(focusedDay).toBe(DAY);
    await bram.keyboard.press('Enter');
    await expect.poll(focusedDay).toBe('A');
    await bram.keyboard.press('Enter');
    await bram.getByRole('heading', { name: TITLE }).waitFor();
  });

  it('downloads an .ics for the event that a calendar app can read', async () => {
    const [download] = await Promise.all([
      bram.waitForEvent('download'),
      bram.getByRole('button', { name: 'Toevoegen aan agenda' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('\r\nBEGIN:VEVENT\r\n');
    expect(text).toMatch(/\r\nDTSTART(;TZID=Europe\/Amsterdam|;VALUE=DATE)?:\d{8}/);
    expect(text).toContain('SUMMARY:Snoeimiddag\\; met koffie\\, en taart');
    const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent');
    if (!vevent) throw new Error('no VEVENT');
    const parsed = new ICAL.Event(vevent);
    expect(parsed.summary).toBe(TITLE);
    expect(parsed.startDate.toString()).toBe(`${DAY}T19:00:00`);
    expect(String(vevent.getFirstPropertyValue('url'))).toContain(`#agenda/${eventId}`);
  });

  it('gives a personal calendar link with members-only events, and a reset stops the old one', async () => {
    await anna.goto(site.url('#agenda'));
    await anna.getByRole('button', { name: 'Maak mijn agenda-link' }).click();
    const field = anna.getByLabel('Je agenda-link');
    await expect.poll(() => field.inputValue()).toMatch(/events\.ics\?key=/);
    const first = await field.inputValue();
    expect(first.startsWith(`${site.base}/nb/${NB}/events.ics?key=`)).toBe(true);
    const feed = await fetch(first);
    expect(feed.status).toBe(200);
    const body = await feed.text();
    expect(body).toContain('SUMMARY:Snoeimiddag\\; met koffie\\, en taart');
    expect(body).toContain('CLASS:PRIVATE');
    // The public feed does not have it.
    expect(await (await fetch(`${site.base}/nb/${NB}/events.ics`)).text()).not.toContain(
      'Snoeimiddag',
    );
    expect(await axeViolations(anna)).toEqual([]);

    await anna.getByRole('button', { name: 'Nieuwe link maken' }).click();
    await anna.getByText('Nieuwe link gemaakt. De oude link werkt niet meer.').waitFor();
    const second = await field.inputValue();
    expect(second).not.toBe(first);
    expect((await fetch(first)).status).toBe(404);
    expect((await fetch(second)).status).toBe(200);
    // Remembered on the device after a reload.
    await anna.reload();
    await expect.poll(() => anna.getByLabel('Je agenda-link').inputValue()).toBe(second);
    personalFeed = second;
  });

  it('lets the organiser edit every field, and the second member sees the new details', async () => {
    const later = addDays(DAY, 1);
    await anna.goto(`${site.base}/nb/${NB}/#agenda/${encodeURIComponent(eventId)}`);
    await anna.getByRole('button', { name: 'Bewerken' }).click();
    await anna.getByRole('heading', { name: 'Activiteit bewerken' }).waitFor();
    // The form shows the event as it is.
    expect(await anna.getByLabel('Titel', { exact: true }).inputValue()).toBe(TITLE);
    expect(await anna.getByLabel('Begintijd').inputValue()).toBe('19:00');
    expect(await anna.getByLabel('Tot en met (datum)').inputValue()).toBe('');
    expect(await anna.getByLabel('Aantal plaatsen').inputValue()).toBe('10');
    await anna.getByLabel('Titel', { exact: true }).fill('Snoeimiddag (verzet)');
    await anna.getByLabel('Beschrijving', { exact: true }).fill('Nu een dag later.');
    await anna.getByLabel('Datum', { exact: true }).fill(later);
    await anna.getByLabel('Begintijd').fill('14:00');
    await anna.getByLabel('Eindtijd').fill('13:00');
    await anna.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await anna
      .getByText('Het einde moet na het begin liggen, en hoogstens 366 dagen later.')
      .waitFor();
    expect(await axeViolations(anna)).toEqual([]);
    await anna.getByLabel('Eindtijd').fill('16:30');
    await anna.getByLabel('Plaats', { exact: true }).fill('Pastorietuin');
    await anna.getByLabel('Aantal plaatsen').fill('');
    await anna.getByLabel('Iedereen').check();
    await anna.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    const card = anna.getByRole('article', { name: 'Snoeimiddag (verzet)' });
    await card.waitFor();
    expect(await card.textContent()).toContain('(bewerkt)');
    // Focus goes back to the edit button.
    await expect
      .poll(() =>
        anna.evaluate(() => {
          let el: Element | null = document.activeElement;
          while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
          return el?.id;
        }),
      )
      .toBe('edit-event');

    await bram.goto(`${site.base}/nb/${NB}/#agenda/${encodeURIComponent(eventId)}`);
    const theirs = bram.getByRole('article', { name: 'Snoeimiddag (verzet)' });
    await theirs.waitFor({ timeout: 15_000 });
    const text = (await theirs.textContent()) ?? '';
    expect(text).toContain('Pastorietuin');
    expect(text).toContain('Nu een dag later.');
    expect(text).toContain('Openbaar');
    expect(text).not.toContain('plaatsen vrij');
    // Only the organiser or a moderator gets the buttons.
    expect(await bram.getByRole('button', { name: 'Bewerken' }).count()).toBe(0);
    expect(await bram.getByRole('button', { name: 'Activiteit annuleren' }).count()).toBe(0);
    // Now public, it is in the public feed at its new time.
    const feed = await (await fetch(`${site.base}/nb/${NB}/events.ics`)).text();
    const vevent = new ICAL.Component(ICAL.parse(feed)).getFirstSubcomponent('vevent');
    expect(new ICAL.Event(vevent!).startDate.toString()).toBe(`${later}T14:00:00`);
  });

  it('lets the organiser cancel with a reason, and the second member sees "Geannuleerd" everywhere', async () => {
    await anna.getByRole('button', { name: 'Activiteit annuleren' }).click();
    const dialog = anna.getByRole('dialog', { name: 'Deze activiteit annuleren?' });
    await dialog.waitFor();
    expect(await axeViolations(anna)).toEqual([]);
    await dialog.getByRole('button', { name: 'Terug' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await anna.getByText('Geannuleerd', { exact: true }).count()).toBe(0);
    await anna.getByRole('button', { name: 'Activiteit annuleren' }).click();
    await dialog.getByLabel('Reden (mag leeg blijven)').fill('De tuin staat onder water.');
    await dialog.getByRole('button', { name: 'Activiteit annuleren' }).click();
    await anna.getByText('Reden: De tuin staat onder water.').waitFor();
    expect(await anna.getByRole('button', { name: 'Activiteit annuleren' }).count()).toBe(0);

    const theirs = bram.getByRole('article', { name: 'Snoeimiddag (verzet)' });
    await theirs.getByText('Geannuleerd', { exact: true }).waitFor({ timeout: 15_000 });
    await theirs
      .getByText('Deze activiteit gaat niet door. Geannuleerd door Anna Kerkhof.')
      .waitFor();
    await theirs.getByText('Reden: De tuin staat onder water.').waitFor();
    // Bram was going; he can still say he is not, but not sign up again.
    expect(await theirs.getByRole('button', { name: /Ik kom \d+$/ }).isDisabled()).toBe(true);
    expect(await theirs.getByRole('button', { name: /Ik kom niet/ }).isEnabled()).toBe(true);
    expect(await axeViolations(bram)).toEqual([]);
    await shot(bram, 'agenda-cancelled-390.png');

    await bram.goto(site.url('#agenda'));
    const item = bram.getByRole('link', { name: /Snoeimiddag \(verzet\)/ });
    await item.waitFor();
    expect(await item.textContent()).toContain('Geannuleerd');
    expect(await axeViolations(bram)).toEqual([]);
    await shot(bram, 'agenda-list-cancelled-390.png');
    const later = addDays(DAY, 1);
    await bram.setViewportSize(DESKTOP);
    await bram.goto(`${site.base}/nb/${NB}/#agenda/maand/${later.slice(0, 7)}`);
    const cell = bram.locator(`td[data-day="${later}"]`);
    await expect
      .poll(() => cell.textContent(), { timeout: 15_000 })
      .toContain('Geannuleerd: Snoeimiddag (verzet)');
    expect(await axeViolations(bram)).toEqual([]);
    await shot(bram, 'agenda-month-cancelled-1920.png', false);
    await bram.setViewportSize(PHONE);

    for (const url of [personalFeed, `${site.base}/nb/${NB}/events.ics`]) {
      const body = await (await fetch(url)).text();
      const vevent = new ICAL.Component(ICAL.parse(body)).getFirstSubcomponent('vevent');
      expect(vevent?.getFirstPropertyValue('status')).toBe('CANCELLED');
    }
  });
});
