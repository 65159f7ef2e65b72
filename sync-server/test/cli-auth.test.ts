import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { mintWithCli, runCli } from './helpers/cli.js';
import { PublicSpace } from '@buurthub/shared';
import { rawClient, stockClient, synced } from './helpers/clients.js';
import { tryWrite, upgradeStatus } from './helpers/auth.js';
import { claimInvite } from './helpers/members.js';
import { startRelay, type TestRelay } from './helpers/relay.js';
import { tempDir } from './helpers/temp.js';

const NB = 'maasburen';

describe('identity commands against a running relay', () => {
  let relay: TestRelay;
  afterEach(() => relay?.dispose());

  it('mints a token with "buurthub token" that the running relay accepts', async () => {
    relay = await startRelay();
    const { code, token } = await mintWithCli(
      NB,
      'official',
      relay.dataDir,
      '--name',
      'Gemeente Mook',
    );
    expect(code).toBe(0);
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect((await tryWrite(relay.url, `${NB}/public`, token)).result).toBe('stored');
    expect((await tryWrite(relay.url, `${NB}/moderation`, token)).result).toBe('denied');
  });

  it('closes the open connections of a revoked subject and refuses its token after', async () => {
    relay = await startRelay({ revocationPollMs: 100 });
    const bertToken = () => mintWithCli(NB, 'resident', relay.dataDir, '--sub', 'bert');
    const { token } = await bertToken();
    const bert = await rawClient(relay.url, `${NB}/community`, `?token=${token}`);
    const other = await rawClient(relay.url, `${NB}/community`);
    const revoked = await runCli(['revoke', 'bert', '--data', relay.dataDir]);
    expect(revoked.code).toBe(0);
    expect((await bert.closed).code).toBe(4401);
    expect(await upgradeStatus(relay.url, `${NB}/community`, token)).toBe(401);
    // Others stay connected.
    expect(other.socket.readyState).toBe(other.socket.OPEN);
    other.close();
    // A token minted for the same subject after the revocation works again.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const { token: fresh } = await bertToken();
    expect(await upgradeStatus(relay.url, `${NB}/community`, fresh)).toBe(101);
  });

  it('creates a neighbourhood and an invite whose code joins the running relay', async () => {
    relay = await startRelay();
    const created = await runCli([
      'neighbourhood',
      'create',
      NB,
      '--name',
      'Maasburen',
      '--villages',
      'Mook,Plasmolen',
      '--data',
      relay.dataDir,
    ]);
    expect(created.code).toBe(0);
    const list = await runCli(['neighbourhood', 'list', '--data', relay.dataDir]);
    expect(list.stdout).toContain('maasburen\tMaasburen (Mook, Plasmolen)');
    // The apps read name and villages from the public space: a guest sees them there.
    const guest = stockClient(relay.url, `${NB}/public`, { token: '' });
    try {
      await synced(guest);
      expect(new PublicSpace(guest.doc).settings.get()).toEqual({
        name: 'Maasburen',
        villages: ['Mook', 'Plasmolen'],
      });
    } finally {
      guest.destroy();
    }

    const made = await runCli([
      'invite',
      NB,
      '--role',
      'resident',
      '--uses',
      '2',
      '--expires',
      '2d',
      '--base-url',
      'https://buurt.example',
      '--data',
      relay.dataDir,
    ]);
    expect(made.code).toBe(0);
    const link = /Link: (https:\/\/buurt\.example\/join\/([A-Z0-9]{8}))/.exec(made.stdout);
    const shortCode = /Code: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(made.stdout)?.[1];
    expect(link).not.toBeNull();
    expect(shortCode?.replace('-', '')).toBe(link?.[2]);
    expect(made.stdout).toContain('▄'); // the QR code

    const res = await claimInvite(relay.url, shortCode as string, 'Dirk');
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('resident');
  });

  it('explains what is wrong with an identity command instead of guessing', async () => {
    relay = await startRelay();
    const noRole = await runCli(['token', NB, '--data', relay.dataDir]);
    expect(noRole.code).toBe(2);
    expect(noRole.stderr).toContain('--role must be one of');
    const unknownNb = await runCli([
      'invite',
      'heumen',
      '--role',
      'resident',
      '--data',
      relay.dataDir,
    ]);
    expect(unknownNb.code).toBe(1);
    expect(unknownNb.stderr).toContain('buurthub neighbourhood create heumen');
    const help = await runCli(['--help']);
    for (const command of ['serve', 'token', 'invite', 'neighbourhood', 'revoke', 'keys']) {
      expect(help.stdout).toContain(`  ${command} `);
    }
  });

  it('refuses to mint a token for a data directory that holds no relay', async () => {
    const empty = tempDir();
    try {
      const result = await mintWithCli(NB, 'resident', empty.path);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('no Buurthub database');
      expect(readdirSync(empty.path)).toEqual([]);
    } finally {
      empty.remove();
    }
  });
});
