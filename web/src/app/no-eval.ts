/**
 * Imported first by main.ts, before any module that defines a schema. The relay's CSP
 * forbids code compiled at run time (no 'unsafe-eval', Trusted Types on); zod probes
 * `new Function` when a schema is created, to speed up object parsing, and the browser
 * reports that probe as a violation. `jitless` skips the probe. It must be set before the
 * schemas in @buurthub/shared are created, so this module imports zod itself (zod is
 * @buurthub/shared's dependency; the relay keeps the faster path).
 */
import { z } from 'zod';

z.config({ jitless: true });
