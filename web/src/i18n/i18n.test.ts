import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { en } from './en.js';
import { deviceLocale, formatNumber, formatRelative, getLocale, setLocale, t } from './i18n.js';
import { nl } from './nl.js';

describe('translations', () => {
  afterEach(async () => {
    await setLocale('nl');
  });

  it('has an English text for every Dutch key and no extra ones', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it('keeps every key in exactly one area, so no area silently overrides another', async () => {
    const files = readdirSync(new URL('./messages/', import.meta.url)).filter((f) =>
      f.endsWith('.ts'),
    );
    let total = 0;
    for (const file of files) {
      const area = (await import(`./messages/${file}`)) as { nl: object; en: object };
      expect(Object.keys(area.en).sort(), file).toEqual(Object.keys(area.nl).sort());
      total += Object.keys(area.nl).length;
    }
    expect(total).toBe(Object.keys(nl).length);
  });

  it('ends in the language clicked last when a switch back comes while the first still loads', async () => {
    const toEnglish = setLocale('en');
    const backToDutch = setLocale('nl');
    await Promise.all([toEnglish, backToDutch]);
    expect(getLocale()).toBe('nl');
    expect(t('post.by', { name: 'Anja' })).toBe('door Anja');
  });

  it('fills parameters and chooses the plural form by count', () => {
    expect(t('post.comments', { count: 1 })).toBe('1 reactie');
    expect(t('post.comments', { count: 4 })).toBe('4 reacties');
    expect(t('post.by', { name: 'Anja' })).toBe('door Anja');
  });

  it('formats relative times in the chosen language', async () => {
    const now = Date.UTC(2024, 5, 1, 12);
    expect(formatRelative(now - 10_000, now)).toBe('zojuist');
    expect(formatRelative(now - 5 * 60_000, now)).toBe('5 minuten geleden');
    await setLocale('en');
    expect(formatRelative(now - 2 * 3600_000, now)).toBe('2 hours ago');
  });

  it('writes numbers the Dutch or the British way, leaving four-digit numbers ungrouped', async () => {
    expect(formatNumber(1.5, { maximumFractionDigits: 1 })).toBe('1,5');
    expect(formatNumber(12500)).toBe('12.500');
    expect(formatNumber(2026)).toBe('2026');
    expect(t('sync.pending', { count: 12500 })).toBe('12.500 wijzigingen wachten');
    await setLocale('en');
    expect(formatNumber(1.5, { maximumFractionDigits: 1 })).toBe('1.5');
    expect(t('sync.pending', { count: 12500 })).toBe('12,500 changes waiting');
  });
});

describe('the language a device gets before its user picks one', () => {
  it('follows the first Dutch or English language the device prefers', () => {
    expect(deviceLocale(['nl-NL', 'en-US'])).toBe('nl');
    expect(deviceLocale(['nl-BE'])).toBe('nl');
    expect(deviceLocale(['en-GB', 'nl'])).toBe('en');
    expect(deviceLocale(['fr-BE', 'nl-BE', 'en'])).toBe('nl');
    expect(deviceLocale(['de-DE', 'en'])).toBe('en');
  });

  it('gives English to a device that prefers neither, and Dutch where there is no list', () => {
    expect(deviceLocale(['pl-PL', 'tr'])).toBe('en');
    expect(deviceLocale([])).toBe('nl');
    expect(deviceLocale(undefined)).toBe('nl');
  });
});
