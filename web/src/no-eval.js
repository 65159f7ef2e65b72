// Runs before the app's modules (a deferred classic script ahead of the module script in
// index.html: deferred scripts and modules run in document order). The relay's CSP
// forbids code compiled at run time (no 'unsafe-eval', Trusted Types required); zod probes
// `new Function` when its first object schema is created, and the browser reports that
// probe as a violation. zod reads its settings from this global (shared by every copy), so
// setting `jitless` here, before any chunk of the app is evaluated, skips the probe however
// the bundle orders its chunks.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, {
  jitless: true,
});
