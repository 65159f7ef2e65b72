import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRelay, type TestRelay } from './helpers/relay.js';
import { tempDir } from './helpers/temp.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request: the path is sent exactly as given, without URL normalisation. */
function get(url: string, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
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
