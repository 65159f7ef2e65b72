/**
 * Two replicas of a space that changed apart, such as two offline devices, meeting again.
 * Not exported from the package.
 */
import * as Y from 'yjs';

/** Each document takes in all the other has, as two devices do once they are back online. */
export function meet(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
}
