/**
 * The main menu on a phone: one row that scrolls sideways, so every view starts near the
 * top of the screen, with the entry of the view shown in sight; on a wider screen all
 * entries are in view at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestSite, startDemoNeighbourhood } from './support/neighbourhood.js';

/** Where the menu's entries are: each link's box, and the menu's own. */
function menuLayout(page: import('playwright-core').Page) {
  return page.locator('bh-app').evaluate((app) => {
    const list = app.shadowRoot!.querySelector('nav ul')!;
    const box = (el: Element) => {
      const { left, right, top, bottom } = el.getBoundingClientRect();
      return { left, right, top, bottom };
    };
    return {
      menu: box(list),
      links: [...list.querySelectorAll('a')].map((a) => ({
        label: a.textContent!.trim(),
        current: a.getAttribute('aria-current') === 'page',
        ...box(a),
      })),
      screenWidth: innerWidth,
    };
  });
}

describe('the main menu', () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await startDemoNeighbourhood('buurthub-e2e-nav-');
  });
  afterAll(async () => {
    await site?.stop();
  });

  it('is one row on a phone, with the entry of the view shown in sight, and every entry reachable by keyboard', async () => {
    const moderator = await site.member('Mirjam de Vries', 'moderator');
    const first = await menuLayout(moderator);
    // A buurtverbinder's menu is long (Account and Crisis come last), yet one row high.
    expect(first.links.length).toBeGreaterThan(10);
    expect(new Set(first.links.map((link) => link.top)).size).toBe(1);
    expect(first.menu.bottom - first.menu.top).toBeLessThan(80);

    // Opening the last entry's view scrolls the menu, not the page, to that entry.
    await moderator.goto(site.url('#account'));
    await moderator.getByRole('heading', { name: 'Je account', exact: true }).waitFor();
    const account = (await menuLayout(moderator)).links.find((link) => link.current)!;
    expect(account.label).toBe('Account');
    expect(account.left).toBeGreaterThanOrEqual(0);
    expect(account.right).toBeLessThanOrEqual(first.screenWidth);

    // Tabbing through the menu reaches an entry that started out of sight, and shows it.
    await moderator.goto(site.url('#berichten'));
    await moderator.getByRole('heading', { name: 'Berichten uit de buurt' }).waitFor();
    const menu = moderator.getByRole('navigation', { name: 'Hoofdmenu' });
    await menu.getByRole('link', { name: 'Berichten' }).focus();
    for (let i = 0; i < 6; i++) await moderator.keyboard.press('Tab');
    const focused = await moderator.evaluate(() => {
      const active = document.querySelector('bh-app')!.shadowRoot!.activeElement!;
      const { left, right } = active.getBoundingClientRect();
      return { label: active.textContent!.trim(), left, right };
    });
    expect(first.links.map((link) => link.label)).toContain(focused.label);
    expect(focused.left).toBeGreaterThanOrEqual(0);
    expect(focused.right).toBeLessThanOrEqual(first.screenWidth);
  });

  it('shows every entry at once on a wider screen', async () => {
    const moderator = await site.member('Mirjam Breed', 'moderator', {
      viewport: { width: 1024, height: 768 },
    });
    const { links, screenWidth } = await menuLayout(moderator);
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) {
      expect(link.left).toBeGreaterThanOrEqual(0);
      expect(link.right).toBeLessThanOrEqual(screenWidth);
    }
  });
});
