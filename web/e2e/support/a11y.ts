/**
 * Page checks for the accessibility sweep, run inside Chromium across every shadow root
 * (axe itself is in browser.ts): the heading outline, touch targets under 44×44 px, the
 * text a user sees or hears, the focus ring, invalid fields and their messages, running
 * animations, text that does not grow with the text size or gets clipped, and the CSP / Trusted Types violations the page reported.
 *
 * The in-page code is plain JavaScript in a string, installed as `window.__bhA11y`, so the
 * test's TypeScript transform never rewrites what the browser runs.
 */
import type { Page } from 'playwright-core';

const IN_PAGE = String.raw`
(() => {
  if (window.__bhA11y) return;
  // Elements in tree order, each host followed by its shadow tree.
  const all = (root = document) => {
    const out = [];
    for (const el of root.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) out.push(...all(el.shadowRoot));
    }
    return out;
  };
  const hiddenByAria = (el) => {
    for (let n = el; n; n = n.parentElement || (n.getRootNode() && n.getRootNode().host)) {
      if (n.getAttribute && n.getAttribute('aria-hidden') === 'true') return true;
    }
    return false;
  };
  const shown = (el) => el.checkVisibility({ visibilityProperty: true }) && !hiddenByAria(el);
  const describe = (el) => {
    const text = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || '')
      .replace(/\s+/g, ' ').trim().slice(0, 50);
    const host = el.getRootNode().host;
    return (host ? host.localName + ' ' : '') + el.localName + (el.id ? '#' + el.id : '') +
      (text ? ' "' + text + '"' : '');
  };
  const INTERACTIVE = 'a[href], button, input:not([type=hidden]), select, textarea, summary, ' +
    '[role=button], [role=link], [role=tab], [role=checkbox], [role=radio], [tabindex]:not([tabindex="-1"])';
  const labelOf = (el) => {
    if (el.closest('label')) return el.closest('label');
    return el.id ? el.getRootNode().querySelector('label[for="' + el.id + '"]') : null;
  };
  // WCAG's inline exception: a link inside a sentence is as tall as the line it sits in.
  const inline = (el) => {
    if (el.localName !== 'a') return false;
    const parent = el.parentElement;
    if (!parent) return false;
    return [...parent.childNodes].some((n) => n !== el && n.nodeType === 3 && n.textContent.trim());
  };
  window.__bhA11y = {
    headings() {
      return all().filter((el) => /^h[1-6]$/.test(el.localName) || el.getAttribute('role') === 'heading')
        .filter(shown)
        .map((el) => ({
          level: Number(el.getAttribute('aria-level') || el.localName.slice(1)),
          text: el.textContent.replace(/\s+/g, ' ').trim().slice(0, 60),
        }));
    },
    smallTargets(min) {
      const out = [];
      for (const el of all()) {
        if (!el.matches(INTERACTIVE) || el.matches(':disabled') || !shown(el) || inline(el)) continue;
        let box = el.getBoundingClientRect();
        const small = box.width < min || box.height < min;
        // A checkbox, radio or visually hidden file input is hit through its label.
        if (small && el.localName === 'input' && labelOf(el)) box = labelOf(el).getBoundingClientRect();
        if (box.width < 2 && box.height < 2) continue; // visually hidden, reached by its label
        if (box.width < min || box.height < min) {
          out.push(describe(el) + ' ' + Math.round(box.width) + 'x' + Math.round(box.height));
        }
      }
      return out;
    },
    text() {
      const parts = [];
      for (const el of all()) {
        if (!shown(el)) continue;
        for (const n of el.childNodes) if (n.nodeType === 3 && n.textContent.trim()) parts.push(n.textContent.trim());
        for (const a of ['aria-label', 'placeholder', 'title', 'alt']) {
          const v = el.getAttribute(a);
          if (v) parts.push(v);
        }
      }
      return parts.join('\n');
    },
    focused() {
      let el = document.activeElement;
      while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) ||
        style.boxShadow !== 'none';
      return {
        what: describe(el),
        tag: el.localName,
        text: (el.textContent || '').replace(/\s+/g, ' ').trim(),
        label: el.getAttribute('aria-label') || (labelOf(el) ? labelOf(el).textContent.trim() : ''),
        href: el.getAttribute('href') || '',
        ring,
      };
    },
    moving() {
      const out = [];
      for (const el of all()) {
        const s = getComputedStyle(el);
        const long = (list) => list.split(',').some((d) => parseFloat(d) > 0.001);
        if (s.animationName !== 'none' && long(s.animationDuration)) out.push(describe(el) + ' animation ' + s.animationName);
        if (s.transitionProperty !== 'none' && long(s.transitionDuration)) out.push(describe(el) + ' transition ' + s.transitionProperty);
      }
      return out;
    },
    // The sizes of every shown element with text of its own, in tree order.
    textSizes() {
      return all().filter((el) => shown(el) && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
        .map((el) => ({
          what: describe(el),
          size: parseFloat(getComputedStyle(el).fontSize),
          heading: /^h[1-6]$/.test(el.localName),
          rem: parseFloat(getComputedStyle(document.documentElement).fontSize),
        }));
    },
    // Words of the elements matching 'selector' split over two lines: the word's boxes
    // start at different heights.
    brokenWords(selector) {
      const out = [];
      for (const el of all()) {
        if (!el.matches(selector) || !shown(el)) continue;
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          for (const m of n.textContent.matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(n, m.index);
            range.setEnd(n, m.index + m[0].length);
            const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top));
            if (new Set(tops).size > 1) out.push(describe(el) + ': ' + m[0]);
          }
        }
      }
      return out;
    },
    // Fields marked invalid, with the text of what describes them (their error message).
    invalidFields() {
      return all().filter((el) => el.getAttribute('aria-invalid') === 'true' && shown(el)).map((el) => {
        const root = el.getRootNode();
        const ids = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
        const description = ids.map((id) => root.getElementById(id)).filter(Boolean)
          .map((d) => d.textContent.replace(/\s+/g, ' ').trim()).join(' ');
        return { what: describe(el), description };
      });
    },
    clipped() {
      const out = [];
      for (const el of all()) {
        if (!shown(el) || !el.textContent.trim()) continue;
        const s = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        if (box.width < 2 || box.height < 2) continue;
        const hidesX = s.overflowX === 'hidden' || s.overflowX === 'clip';
        const hidesY = s.overflowY === 'hidden' || s.overflowY === 'clip';
        if ((hidesX && el.scrollWidth > el.clientWidth + 1) || (hidesY && el.scrollHeight > el.clientHeight + 1)) {
          out.push(describe(el));
        }
      }
      return out;
    },
  };
})();
`;

async function install(page: Page): Promise<void> {
  await page.evaluate(IN_PAGE);
}

export interface Heading {
  level: number;
  text: string;
}

/** The visible headings in order, with their levels. */
export async function headings(page: Page): Promise<Heading[]> {
  await install(page);
  return page.evaluate('window.__bhA11y.headings()');
}

/**
 * What is wrong with an outline: it must start at one h1, and a heading may go at most one
 * level deeper than the one before it (h1 → h2 → h3, never h2 → h4). Empty when fine.
 */
export function outlineProblems(list: Heading[]): string[] {
  const problems: string[] = [];
  if (list[0]?.level !== 1) problems.push(`starts with h${list[0]?.level ?? '-'} instead of h1`);
  if (list.filter((h) => h.level === 1).length !== 1) problems.push('not exactly one h1');
  list.forEach((h, i) => {
    const before = list[i - 1];
    if (before && h.level > before.level + 1) {
      problems.push(`h${before.level} "${before.text}" → h${h.level} "${h.text}"`);
    }
    if (!h.text) problems.push(`empty h${h.level}`);
  });
  return problems;
}

/** Interactive elements (or their labels) smaller than `min` CSS px either way. */
export async function smallTargets(page: Page, min = 44): Promise<string[]> {
  await install(page);
  return page.evaluate(`window.__bhA11y.smallTargets(${min})`);
}

/** The text a user sees or a screen reader says (texts, labels, placeholders, alt). */
export async function visibleText(page: Page): Promise<string> {
  await install(page);
  return page.evaluate('window.__bhA11y.text()');
}

export interface Focused {
  what: string;
  tag: string;
  text: string;
  label: string;
  href: string;
  /** An outline of at least 2 px or a box shadow is drawn around it. */
  ring: boolean;
}

/** The element that has keyboard focus, through shadow roots; null for the body. */
export async function focused(page: Page): Promise<Focused | null> {
  await install(page);
  return page.evaluate('window.__bhA11y.focused()');
}

/** Elements with an animation or transition longer than a millisecond. */
export async function movingElements(page: Page): Promise<string[]> {
  await install(page);
  return page.evaluate('window.__bhA11y.moving()');
}

/**
 * Sets the browser's default font size to `percent` of Chromium's 16 px, as the text-size
 * setting of Chrome (and Android's font scale in Chrome) does. The UI is sized in rem, and
 * media queries in em follow this setting too (a style on <html> would not reach them).
 */
export async function setTextSize(page: Page, percent: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', {
    fontSizes: { standard: (16 * percent) / 100, fixed: (13 * percent) / 100 },
  });
  await cdp.detach();
}

/**
 * Sets the text size to `percent` and returns the texts that grew less than `factor`
 * (px-sized type). A heading (a view's h1 or h2, a notice board's h3 or h4) may grow less,
 * to fit its longest word on a narrow screen, but never ends smaller than 90 % of the body
 * text (it is bold).
 */
export async function scaleText(page: Page, percent: number, factor: number): Promise<string[]> {
  await install(page);
  type Size = { what: string; size: number; heading: boolean; rem: number };
  const sizes = () => page.evaluate('window.__bhA11y.textSizes()') as Promise<Size[]>;
  const before = await sizes();
  await setTextSize(page, percent);
  const after = await sizes();
  return after
    .filter(({ what, size, heading, rem }, i) => {
      const was = before[i];
      if (was?.what !== what) return false;
      return size < (heading ? Math.min(was.size * factor, 0.9 * rem) : was.size * factor);
    })
    .map(({ what, size }) => `${what} ${size}px`);
}

/**
 * Words in a visible h1 or h2 (a view's heading, the neighbourhood's name, the title of a
 * board, alert or event) that break over two lines, mid-word with or without a hyphen.
 * Smaller headings are left out by default: in the app they are the titles and headings
 * residents write, where breaking a word is still the last resort. `selector` names other
 * elements to check (the kiosk's, whose screen has room for every title's words).
 */
export async function brokenHeadingWords(page: Page, selector = 'h1, h2'): Promise<string[]> {
  await install(page);
  return page.evaluate(`window.__bhA11y.brokenWords(${JSON.stringify(selector)})`);
}

export interface InvalidField {
  what: string;
  /** The text of the elements its aria-describedby points to. */
  description: string;
}

/** The visible fields with aria-invalid="true" and what describes them. */
export async function invalidFields(page: Page): Promise<InvalidField[]> {
  await install(page);
  return page.evaluate('window.__bhA11y.invalidFields()');
}

/** Elements whose text overflows a box that hides the overflow. */
export async function clippedText(page: Page): Promise<string[]> {
  await install(page);
  return page.evaluate('window.__bhA11y.clipped()');
}

/**
 * Collects what the page reports as broken: CSP and Trusted Types violations (the
 * `securitypolicyviolation` event, from before the app's first script), console errors,
 * warnings about policy headers and uncaught exceptions. Call before the first navigation.
 */
export async function watchPolicyAndErrors(page: Page): Promise<() => Promise<string[]>> {
  const errors: string[] = [];
  page.on('console', (message) => {
    // Errors, and the warnings a browser gives about a policy header it cannot apply.
    const policyWarning = message.type() === 'warning' && /polic/i.test(message.text());
    if (message.type() === 'error' || policyWarning) errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`exception: ${error.message}`));
  await page.addInitScript(
    String.raw`window.__bhViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__bhViolations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || '')));`,
  );
  return async () => {
    const violations = (await page.evaluate('window.__bhViolations')) as string[];
    return [...violations.map((v) => `policy: ${v}`), ...errors.splice(0)];
  };
}
