/**
 * Views loaded on first use: the first load carries the shell and the feed only, and each
 * other view is its own chunk (the service worker precaches them all, so they open offline
 * too). The app shell renders a view's tag as usual and calls `loadViews` after rendering;
 * the element upgrades when its module arrives.
 */
import type { ReactiveElement } from 'lit';

// Not here: bh-composer reads its draft key in connectedCallback, before Lit applies a
// property set on the element before it was defined, so it must be defined before rendering.
const LOADERS: Record<string, () => Promise<unknown>> = {
  'bh-account': () => import('../components/bh-account/bh-account.js'),
  'bh-agenda': () => import('../components/bh-agenda/bh-agenda.js'),
  'bh-boards': () => import('../components/bh-boards/bh-boards.js'),
  'bh-crisis-page': () => import('../components/bh-crisis-page/bh-crisis-page.js'),
  'bh-directory': () => import('../components/bh-directory/bh-directory.js'),
  'bh-impact': () => import('../components/bh-impact/bh-impact.js'),
  'bh-invite': () => import('../components/bh-invite/bh-invite.js'),
  'bh-join': () => import('../components/bh-join/bh-join.js'),
  'bh-kiosk': () => import('../components/bh-kiosk/bh-kiosk.js'),
  'bh-kiosk-approve': () => import('../components/bh-kiosk-approve/bh-kiosk-approve.js'),
  'bh-moderation-log': () => import('../components/bh-moderation-log/bh-moderation-log.js'),
  'bh-moderation-queue': () => import('../components/bh-moderation-queue/bh-moderation-queue.js'),
  'bh-participation': () => import('../components/bh-participation/bh-participation.js'),
  'bh-social-map': () => import('../components/bh-social-map/bh-social-map.js'),
};

const loading = new Map<string, Promise<unknown>>();

/** Starts loading every lazily loaded view in `root` that is not defined yet. */
export function loadViews(root: ParentNode): void {
  for (const element of root.querySelectorAll(':not(:defined)')) {
    const tag = element.localName;
    const load = LOADERS[tag];
    if (!load || loading.has(tag)) continue;
    loading.set(
      tag,
      load().catch((error: unknown) => {
        // Forget the failure, so the next render tries again (a flaky network, say).
        loading.delete(tag);
        console.error(`could not load ${tag}`, error);
      }),
    );
  }
}

/** Resolves once `element` is defined and has rendered (to focus into it). */
export async function viewReady<T extends Element>(element: T): Promise<T> {
  await customElements.whenDefined(element.localName);
  await (element as unknown as ReactiveElement).updateComplete;
  return element;
}
