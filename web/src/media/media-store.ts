/**
 * Photos kept on the device (IndexedDB `buurthub-media`) from the moment they are added to a
 * post until the relay has them, and after that as the device's own copy. A photo added
 * offline is shown from here at once and uploaded when the network returns.
 */
export interface StoredMedia {
  hash: string;
  nb: string;
  type: string;
  blob: Blob;
  uploaded: boolean;
  createdAt: number;
  /**
   * Picked for a post that is still a draft: kept so the draft survives a reload, but not
   * uploaded until the post is published (a photo the writer drops never leaves the device).
   */
  draft?: boolean;
}

const DB_NAME = 'buurthub-media';
const STORE = 'blobs';
let opening: Promise<IDBDatabase> | null = null;

function db(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(STORE, { keyPath: 'hash' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => {
      opening = null;
      reject(request.error ?? new Error('IndexedDB unavailable'));
    };
  });
  return opening;
}

function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>) {
  return db().then(
    (database) =>
      new Promise<T>((resolve, reject) => {
        const tx = database.transaction(STORE, mode);
        const request = work(tx.objectStore(STORE));
        tx.oncomplete = () => resolve(request.result);
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
      }),
  );
}

export const mediaStore = {
  put(media: StoredMedia): Promise<unknown> {
    return run('readwrite', (store) => store.put(media));
  },
  get(hash: string): Promise<StoredMedia | undefined> {
    return run('readonly', (store) => store.get(hash) as IDBRequest<StoredMedia | undefined>);
  },
  async pending(nb: string): Promise<StoredMedia[]> {
    const all = await run('readonly', (store) => store.getAll() as IDBRequest<StoredMedia[]>);
    return all
      .filter((m) => m.nb === nb && !m.uploaded && !m.draft)
      .sort((a, b) => a.createdAt - b.createdAt);
  },
  delete(hash: string): Promise<unknown> {
    return run('readwrite', (store) => store.delete(hash));
  },
  async markUploaded(hash: string): Promise<void> {
    const media = await this.get(hash);
    if (media && !media.uploaded) await this.put({ ...media, uploaded: true });
  },
};
