import { request } from 'node:http';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRelay, type TestRelay } from './helpers/relay.js';
import { tempDir } from './helpers/temp.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The bytes as sent (still compressed when Content-Encoding says so). */
  raw: Buffer;
}

/** A raw request: the path is sent exactly as given, without URL normalisation. */
function get(url: string, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: raw.toString(), raw });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the relay over plain HTTP', () => {
  let relay: TestRelay;
  let site: { path: string; remove(): void };

  beforeEach(async () => {
    site = tempDir('buurthub-site-');
    const www = join(site.path, 'www');
    mkdirSync(join(www, 'assets'), { recursive: true });
    writeFileSync(join(www, 'index.html'), '<!doctype html><title>Buurthub</title>');
    writeFileSync(join(www, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(www, 'manifest.webmanifest'), '{"name":"Buurthub"}');
    writeFileSync(join(www, 'assets', 'index-4f2a9c1b.js'), 'console.log("app")');
    writeFileSync(join(www, 'assets', 'index-4f2a9c1b.css'), 'body{}');
    writeFileSync(join(www, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(site.path, 'secret.txt'), 'GEHEIM');
    relay = await startRelay({ staticDir: www });
  });
  afterEach(async () => {
    await relay.dispose();
    site.remove();
  });

  it('answers health and readiness checks', async () => {
    const health = await get(relay.url, '/healthz');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: 'ok' });
    expect((await get(relay.url, '/readyz')).status).toBe(200);
  });

  it('serves the app with the right types and caching', async () => {
    const index = await get(relay.url, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.body).toContain('<title>Buurthub</title>');

    const script = await get(relay.url, '/assets/index-4f2a9c1b.js');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toContain('immutable');
    expect((await get(relay.url, '/assets/index-4f2a9c1b.css')).headers['content-type']).toBe(
      'text/css; charset=utf-8',
    );
    expect((await get(relay.url, '/icon.svg')).headers['content-type']).toBe('image/svg+xml');
    const sw = await get(relay.url, '/sw.js');
    expect(sw.headers['cache-control']).toBe('no-cache');
    const manifest = await get(relay.url, '/manifest.webmanifest');
    expect(manifest.headers['content-type']).toContain('application/manifest+json');
    expect(manifest.headers['cache-control']).toBe('no-cache');
  });

  it('sends a strict CSP with Trusted Types and the other security headers with every response', async () => {
    for (const path of [
      '/',
      '/index.html',
      '/assets/index-4f2a9c1b.js',
      '/sw.js',
      '/healthz',
      '/missing.png',
    ]) {
      const reply = await get(relay.url, path);
      const csp = new Map(
        String(reply.headers['content-security-policy'])
          .split('; ')
          .map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const),
      );
      expect(csp.get('default-src'), path).toEqual(["'self'"]);
      expect(csp.get('script-src'), path).toEqual(["'self'"]);
      expect(csp.get('object-src'), path).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(csp.get('require-trusted-types-for'), path).toEqual(["'script'"]);
      expect(csp.get('trusted-types'), path).toEqual([
        'lit-html',
        'ProseMirrorClipboard',
        'buurthub',
      ]);
      const permissions = String(reply.headers['permissions-policy']).split(', ');
      for (const off of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()']) {
        expect(permissions, path).toContain(off);
      }
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('opens the app for any page a user navigates to, and 404s missing files', async () => {
    const page = await get(relay.url, '/nb/maasburen/berichten', { accept: 'text/html' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Buurthub</title>');
    expect((await get(relay.url, '/missing.png')).status).toBe(404);
    expect((await get(relay.url, '/assets/gone-12345678.js')).status).toBe(404);
  });

  it('never serves files outside the app directory', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/..%5csecret.txt',
      '/../package.json',
      '/%2e%2e/%2e%2e/package.json',
    ]) {
      const reply = await get(relay.url, path, { accept: 'text/html' });
      expect(reply.status, path).toBe(400);
      expect(reply.body).not.toContain('GEHEIM');
    }
  });
});

describe('the app files, compressed and revalidated', () => {
  let relay: TestRelay;
  let site: { path: string; remove(): void };
  let www: string;
  // Big enough to be worth compressing, like the real chunks.
  const script = `export const messages = ${JSON.stringify(
    Array.from({ length: 400 }, (_, i) => `Bericht ${i} uit de buurt`),
  )};`;

  beforeEach(async () => {
    site = tempDir('buurthub-static-');
    www = join(site.path, 'www');
    mkdirSync(join(www, 'assets'), { recursive: true });
    writeFileSync(
      join(www, 'index.html'),
      `<!doctype html><title>Buurthub</title>${'<p>'.repeat(600)}`,
    );
    writeFileSync(join(www, 'sw.js'), script);
    writeFileSync(join(www, 'assets', 'index-4f2a9c1b.js'), script);
    writeFileSync(join(www, 'icon.png'), Buffer.alloc(4096, 7));
    relay = await startRelay({ staticDir: www });
  });
  afterEach(async () => {
    await relay.dispose();
    site.remove();
  });

  it('sends brotli to browsers that take it, gzip to others, and plain bytes when asked for neither', async () => {
    const path = '/assets/index-4f2a9c1b.js';
    const br = await get(relay.url, path, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toBe('Accept-Encoding');
    expect(Number(br.headers['content-length'])).toBe(br.raw.length);
    expect(br.raw.length).toBeLessThan(script.length / 4);
    expect(brotliDecompressSync(br.raw).toString()).toBe(script);

    const gz = await get(relay.url, path, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.raw).toString()).toBe(script);

    const refused = await get(relay.url, path, { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body).toBe(script);
    const plain = await get(relay.url, path);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);

    // Images are compressed already: sent as they are, whatever the browser accepts.
    const image = await get(relay.url, '/icon.png', { 'accept-encoding': 'br, gzip' });
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.raw.length).toBe(4096);
  });

  it('keeps hashed assets for a year and makes the shell, the service worker and the manifest revalidate', async () => {
    const asset = await get(relay.url, '/assets/index-4f2a9c1b.js', { 'accept-encoding': 'br' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/index.html', '/nb/maasburen/', '/sw.js']) {
      const reply = await get(relay.url, path, { accept: 'text/html', 'accept-encoding': 'br' });
      expect(reply.headers['cache-control'], path).toBe('no-cache');
      expect(reply.headers['etag'], path).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
      expect(reply.headers['last-modified'], path).toBeDefined();
    }
  });

  it('answers a revalidation with 304 and no body while the file is unchanged, and with the new file after a deploy', async () => {
    const first = await get(relay.url, '/sw.js', { 'accept-encoding': 'br' });
    const etag = String(first.headers['etag']);
    const lastModified = String(first.headers['last-modified']);

    const again = await get(relay.url, '/sw.js', {
      'if-none-match': etag,
      'accept-encoding': 'br',
    });
    expect(again.status).toBe(304);
    expect(again.raw.length).toBe(0);
    expect(again.headers['etag']).toBe(etag);
    expect(again.headers['cache-control']).toBe('no-cache');
    expect(again.headers['content-security-policy']).toContain("default-src 'self'");
    const since = await get(relay.url, '/sw.js', { 'if-modified-since': lastModified });
    expect(since.status).toBe(304);

    // A deploy writes a new service worker: the same validators now get the new file.
    const updated = script.replace('Bericht 0', 'Bericht nul');
    writeFileSync(join(www, 'sw.js'), updated);
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(www, 'sw.js'), later, later);
    const fresh = await get(relay.url, '/sw.js', {
      'if-none-match': etag,
      'accept-encoding': 'br',
    });
    expect(fresh.status).toBe(200);
    expect(fresh.headers['etag']).not.toBe(etag);
    expect(brotliDecompressSync(fresh.raw).toString()).toBe(updated);
  });
});
