/**
 * Members for browser tests: invites made with the real `buurthub` CLI, joined through the
 * PWA's own join view, the way a neighbour does it.
 */
import type { Page } from 'playwright-core';
import { runCli } from '../../../sync-server/test/helpers/cli.js';

/** Runs a `buurthub` command to completion and returns its output; fails loudly otherwise. */
export async function cli(args: string[]): Promise<string> {
  const result = await runCli(args);
  if (result.code !== 0) throw new Error(`buurthub ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

export interface TestNeighbourhood {
  nb: string;
  dataDir: string;
  /** The relay's address as the browser reaches it, e.g. http://127.0.0.1:8123. */
  base: string;
}

/** Creates an invite for `role` with the CLI and returns its link. */
export async function inviteLink(where: TestNeighbourhood, role = 'resident'): Promise<string> {
  const out = await cli([
    'invite',
    where.nb,
    '--role',
    role,
    '--data',
    where.dataDir,
    '--base-url',
    where.base,
  ]);
  const link = /Link: (\S+)/.exec(out)?.[1];
  if (!link) throw new Error(`no invite link in:\n${out}`);
  return link;
}

/** Opens an invite link, joins as `name` and waits for the feed. */
export async function joinWithLink(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link);
  await page.locator('bh-join').getByLabel('Je naam').fill(name);
  await page.getByRole('button', { name: 'Lid worden' }).click();
  await page.getByRole('heading', { name: 'Berichten uit de buurt' }).waitFor();
}
