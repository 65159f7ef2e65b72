/**
 * What bench:client measures inside Chromium, one neighbourhood at a time: a new device's
 * first sync, the offline cold start from that device's warm IndexedDB, memory on the feed,
 * scrolling the feed with long tasks counted, the JavaScript the first load fetched, and
 * whether the browser finds the PWA installable. Every page runs with the CPU slowed 4x
 * (DevTools protocol), like Lighthouse's mid-range phone.
 */
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CPU_SLOWDOWN = 4;
const MOBILE = { width: 390, height: 844 };

/**
 * Scripts for a browser context: the session a joined member's device has (set before the
 * app's own scripts run, once), and `feedState` below as `window.benchFeedState`.
 */
export async function prepareContext(context, nb, token) {
  const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
  const session = {
    nb,
    token,
    expiresAt: payload.exp,
    role: payload.role,
    name: payload.name ?? 'Lezer',
    sub: payload.sub,
    needsInvite: false,
  };
  await context.addInitScript(
    ({ key, value, nb }) => {
      if (!localStorage.getItem(key)) localStorage.setItem(key, value);
      localStorage.setItem('buurthub:last-neighbourhood', nb);
    },
    { key: `buurthub:session:${nb}`, value: JSON.stringify(session), nb },
  );
  await context.addInitScript(`window.benchFeedState = ${feedState.toString()};`);
}

/**
 * In the page: the feed's state, looked up through the shadow roots. `content` is true once
 * the feed shows a post, or its empty state when `expectPosts` is false (a big neighbourhood
 * shows the empty state for a moment while its local copy loads: that is not content);
 * `syncing` while the header says it connects or syncs.
 */
function feedState(expectPosts) {
  const app = document.querySelector('bh-app')?.shadowRoot;
  const feed = app?.querySelector('bh-feed')?.shadowRoot;
  const sync = app?.querySelector('bh-header')?.shadowRoot?.querySelector('bh-sync-state');
  const syncText = (sync?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
  return {
    content: Boolean(feed?.querySelector(expectPosts ? 'bh-post-card' : 'bh-post-card, .empty')),
    posts: feed?.querySelectorAll('bh-post-card').length ?? 0,
    syncing: /Verbinden|Synchroniseren|Connecting|Syncing/.test(syncText) || !sync,
    syncText: syncText.trim(),
  };
}

async function newPage(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await cdp.send('Performance.enable');
  return { page, cdp };
}

/** `promise`, or `fallback` when it takes longer than `ms` (a page still busy). */
function within(promise, ms, fallback) {
  let timer;
  const late = new Promise((resolve) => (timer = setTimeout(() => resolve(fallback), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

const UNMEASURED = { jsHeapUsed: NaN, jsHeapTotal: NaN, domNodes: NaN };

/** JS heap in use after a garbage collection, and the DOM's size (NaN if the page is stuck). */
function memory(cdp) {
  return within(measureMemory(cdp), 60_000, UNMEASURED);
}

async function measureMemory(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return {
    jsHeapUsed: get('JSHeapUsedSize'),
    jsHeapTotal: get('JSHeapTotalSize'),
    domNodes: get('Nodes'),
  };
}

/** WebSocket bytes the page received (binary frames arrive base64-encoded). */
function countWebSocketBytes(cdp) {
  const counter = { bytes: 0, frames: 0 };
  cdp.on('Network.webSocketFrameReceived', ({ response }) => {
    counter.frames++;
    counter.bytes +=
      response.opcode === 2
        ? Buffer.byteLength(response.payloadData, 'base64')
        : Buffer.byteLength(response.payloadData);
  });
  return counter;
}

/**
 * A new device opens the feed: from navigation until the header no longer syncs and the feed
 * shows content. Also collects the JS the first load fetched and installability.
 */
export async function firstSync(context, { base, nb, dist, expectPosts, timeoutMs }) {
  const { page, cdp } = await newPage(context);
  await cdp.send('Network.enable');
  const ws = countWebSocketBytes(cdp);
  const scripts = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  const began = performance.now();
  // Not waiting for 'load': a page busy applying a big document may not reach it for long.
  await page.goto(`${base}/nb/${nb}/`, { waitUntil: 'commit', timeout: timeoutMs });
  // Too slow is a result, not a crash: the run notes it and goes on.
  const timedOut = await page
    .waitForFunction(
      (expectPosts) => {
        const s = window.benchFeedState(expectPosts);
        return s.content && !s.syncing;
      },
      expectPosts,
      { polling: 100, timeout: timeoutMs },
    )
    .then(
      () => false,
      () => true,
    );
  const seconds = (performance.now() - began) / 1000;
  const state = await within(
    page.evaluate(() => window.benchFeedState()),
    60_000,
    { posts: NaN, syncText: 'page busy' },
  );
  const shell = scripts.map((path) => {
    const file = readFileSync(join(dist, path));
    return { path, bytes: file.byteLength, gzip: gzipSync(file, { level: 9 }).byteLength };
  });
  const heap = await memory(cdp);
  await within(
    page.evaluate(() => navigator.serviceWorker.ready),
    60_000,
  );
  const { installabilityErrors } = await within(cdp.send('Page.getInstallabilityErrors'), 60_000, {
    installabilityErrors: [{ errorId: 'not-checked-page-busy' }],
  });
  await page.close();
  return {
    seconds,
    timedOut,
    webSocketBytes: ws.bytes,
    webSocketFrames: ws.frames,
    postsRendered: state.posts,
    syncText: state.syncText,
    shell,
    heap,
    installabilityErrors: installabilityErrors.map((e) => e.errorId),
  };
}

/** The same device, offline, opens the app again: until the feed shows content. */
export async function offlineColdStart(context, { base, nb, expectPosts, timeoutMs }) {
  await context.setOffline(true);
  const { page, cdp } = await newPage(context);
  // Not waiting for 'load': a page busy applying a big document may not reach it for long.
  await page.goto(`${base}/nb/${nb}/`, { waitUntil: 'commit', timeout: timeoutMs });
  const timedOut = await page
    .waitForFunction((expectPosts) => window.benchFeedState(expectPosts).content, expectPosts, {
      polling: 'raf',
      timeout: timeoutMs,
    })
    .then(
      () => false,
      () => true,
    );
  const ms = await within(
    page.evaluate(() => performance.now()),
    60_000,
    NaN,
  );
  const heap = await memory(cdp);
  return { page, cdp, seconds: ms / 1000, timedOut, heap };
}

/**
 * Scrolls the feed down, four screens per frame, until the `target`-th post (its
 * aria-posinset, or its place in the list) is on screen, the page stops growing, or
 * `timeoutMs` passed; counts long tasks (> 50 ms) while scrolling.
 */
export async function scrollFeed(page, cdp, { target, timeoutMs }) {
  await page.setViewportSize(MOBILE);
  // The loop below checks the time between frames; a page stuck in one long task is cut off
  // here, and reported as such.
  const stuck = {
    reached: false,
    seconds: (timeoutMs + 60_000) / 1000,
    frames: NaN,
    longTasks: NaN,
    longestTaskMs: NaN,
    longTaskTotalMs: NaN,
    lastPostOnScreen: null,
    pageBusy: true,
  };
  const scrolling = page.evaluate(
    async ({ target, timeoutMs }) => {
      const longTasks = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longTasks.push(entry.duration);
      });
      observer.observe({ type: 'longtask' });
      const feed = () =>
        document.querySelector('bh-app')?.shadowRoot?.querySelector('bh-feed')?.shadowRoot;
      const targetCard = () => {
        const root = feed();
        const byPos = root?.querySelector(`[aria-posinset="${target}"]`);
        if (byPos) return byPos;
        const items = root?.querySelectorAll('ol.list > li');
        return items && items.length >= target ? items[target - 1] : null;
      };
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
      const began = performance.now();
      let still = 0;
      let reached = false;
      let frames = 0;
      while (performance.now() - began < timeoutMs) {
        const card = targetCard();
        const box = card?.getBoundingClientRect();
        if (box && box.top < innerHeight && box.bottom > 0) {
          reached = true;
          break;
        }
        const before = scrollY;
        scrollBy(0, innerHeight * 4);
        await frame();
        frames++;
        still = scrollY === before ? still + 1 : 0;
        if (still > 30) break;
      }
      await frame();
      observer.disconnect();
      const posinsets = Array.from(feed()?.querySelectorAll('[aria-posinset]') ?? []).map((e) =>
        Number(e.getAttribute('aria-posinset')),
      );
      return {
        reached,
        seconds: (performance.now() - began) / 1000,
        frames,
        longTasks: longTasks.length,
        longestTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
        longTaskTotalMs: longTasks.reduce((a, b) => a + b, 0),
        lastPostOnScreen: posinsets.length ? Math.max(...posinsets) : null,
      };
    },
    { target, timeoutMs },
  );
  const result = await within(scrolling, timeoutMs + 60_000, stuck);
  return { ...result, heap: await memory(cdp) };
}

export { MOBILE };
