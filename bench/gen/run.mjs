/**
 * `npm run gen -- --years 5 --households 5000 [--seed 1] [--data ./gen-data] [--nb groot-maasburen]`
 * writes a generated neighbourhood (generate.mjs) into a relay's data directory, so
 * `buurthub serve --data ./gen-data` serves it. Needs `npm run build` first (it uses the
 * built packages). Prints what it wrote and how long it took.
 */
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { SqliteStorage } from '../../sync-server/dist/index.js';
import { generate } from './generate.mjs';

const { values } = parseArgs({
  options: {
    years: { type: 'string', default: '5' },
    households: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '1' },
    data: { type: 'string', default: './gen-data' },
    nb: { type: 'string', default: 'groot-maasburen' },
  },
});
const years = Number(values.years);
const households = Number(values.households);
if (!(years > 0 && years <= 20 && households > 0 && households <= 50_000)) {
  throw new Error('--years must be 1–20 and --households 1–50000');
}

const began = performance.now();
const { publicDoc, communityDoc, counts } = generate({
  years,
  households,
  seed: Number(values.seed),
});
const generated = performance.now();
mkdirSync(values.data, { recursive: true });
const storage = new SqliteStorage(values.data);
await storage.putNeighbourhood({
  slug: values.nb,
  name: 'Groot Maasburen',
  villages: ['Middelaar', 'Mook', 'Molenhoek', 'Plasmolen'],
  kioskReadsCommunity: false,
  createdAt: Math.floor(Date.now() / 1000),
});
const sizes = {};
for (const [space, doc] of [
  ['public', publicDoc],
  ['community', communityDoc],
]) {
  const update = Y.encodeStateAsUpdate(doc);
  sizes[space] = update.byteLength;
  await storage.appendUpdate(`${values.nb}/${space}`, update);
}
await storage.close();
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
process.stdout.write(
  `${values.nb}: ${years} years, ${households} households (seed ${values.seed}) → ` +
    `${Object.entries(counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}\n` +
    `documents: public ${mib(sizes.public)}, community ${mib(sizes.community)}; ` +
    `generated in ${((generated - began) / 1000).toFixed(1)} s, stored in ${values.data}\n`,
);
