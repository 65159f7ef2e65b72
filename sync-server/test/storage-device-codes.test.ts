/**
 * Kiosk sign-in codes in every storage backend (auth/device-codes.ts keeps them there so
 * every relay process on the storage answers for them): used once, expired after five
 * minutes, at most the open-code limit at a time. The relays' HTTP flow is in
 * device-codes.test.ts, across two processes in device-codes-scaleout.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEVICE_CODE_TTL_SECONDS, DeviceCodes } from '../src/auth/device-codes.js';
import type { DeviceCode, DeviceCodeApprover } from '../src/storage/storage.js';
import { storageBackends } from './helpers/backends.js';

const NB = 'maasburen';
const NOW = 1_800_000_000;
const mirjam: DeviceCodeApprover = {
  sub: 'mirjam',
  role: 'moderator',
  name: 'Mirjam',
  issuedAt: NOW,
};

function code(n: number, expiresAt = NOW + DEVICE_CODE_TTL_SECONDS): DeviceCode {
  return {
    deviceHash: `hash-${n}`,
    userCode: `CODE${String(n).padStart(4, '0')}`,
    nb: NB,
    kiosk: `kiosk-${n}`,
    expiresAt,
    approvedBy: null,
  };
}

const leftovers: { remove(): Promise<void> | void }[] = [];
afterEach(async () => {
  for (const leftover of leftovers.splice(0)) await leftover.remove();
});

describe.each(storageBackends(leftovers))('%s storage: kiosk sign-in codes', (_name, open) => {
  async function storage() {
    const opened = await open();
    leftovers.push({ remove: () => opened.close() });
    return opened;
  }

  it('hands an approved code to the kiosk once, with who approved it', async () => {
    const codes = await storage();
    expect(await codes.createDeviceCode(code(1), NOW, 10)).toBe('created');
    expect(await codes.takeDeviceCode('hash-1', NOW)).toEqual({ state: 'pending' });
    expect(await codes.deviceCode('CODE0001')).toEqual(code(1));

    expect(await codes.approveDeviceCode('CODE0001', mirjam, NOW + 10)).toBe(true);
    // Approved: a second moderator finds nothing open, and cannot approve it again.
    expect(await codes.deviceCode('CODE0001')).toBeNull();
    expect(await codes.approveDeviceCode('CODE0001', { ...mirjam, sub: 'kees' }, NOW + 11)).toBe(
      false,
    );

    expect(await codes.takeDeviceCode('hash-1', NOW + 12)).toEqual({
      state: 'approved',
      code: { ...code(1), approvedBy: mirjam },
      approvedBy: mirjam,
    });
    expect(await codes.takeDeviceCode('hash-1', NOW + 13)).toEqual({ state: 'unknown' });
  });

  it('gives an approved code to only one of two polls at the same moment', async () => {
    const codes = await storage();
    await codes.createDeviceCode(code(1), NOW, 10);
    await codes.approveDeviceCode('CODE0001', mirjam, NOW);
    const polls = await Promise.all([
      codes.takeDeviceCode('hash-1', NOW),
      codes.takeDeviceCode('hash-1', NOW),
    ]);
    expect(polls.map((poll) => poll.state).sort()).toEqual(['approved', 'unknown']);
  });

  it('refuses codes past the open-code limit until earlier ones expire', async () => {
    const codes = await storage();
    for (let n = 1; n <= 3; n++)
      expect(await codes.createDeviceCode(code(n), NOW, 3)).toBe('created');
    expect(await codes.createDeviceCode(code(4), NOW, 3)).toBe('busy');
    // An approved code waiting for its poll still counts.
    await codes.approveDeviceCode('CODE0001', mirjam, NOW);
    expect(await codes.createDeviceCode(code(4), NOW + 1, 3)).toBe('busy');
    // Five minutes on, the three are gone and make room.
    const later = NOW + DEVICE_CODE_TTL_SECONDS;
    expect(await codes.createDeviceCode(code(4, later + 300), later, 3)).toBe('created');
    expect(await codes.takeDeviceCode('hash-2', later)).toEqual({ state: 'unknown' });
  });

  it('never opens two codes with the same user code', async () => {
    const codes = await storage();
    await codes.createDeviceCode(code(1), NOW, 10);
    expect(await codes.createDeviceCode({ ...code(2), userCode: 'CODE0001' }, NOW, 10)).toBe(
      'taken',
    );
    expect(await codes.takeDeviceCode('hash-2', NOW)).toEqual({ state: 'unknown' });
  });

  it('forgets a code after five minutes: no approval, and the kiosk hears it expired', async () => {
    let now = NOW;
    const codes = new DeviceCodes(await storage(), () => now);
    const created = await codes.create(NB, 'kiosk-1');
    expect(await codes.find(created.userCode.toLowerCase())).toMatchObject({ kiosk: 'kiosk-1' });
    now += DEVICE_CODE_TTL_SECONDS;
    expect(await codes.find(created.userCode)).toBe('expired');
    const typed = { ...code(1), userCode: created.userCode.replace('-', '') };
    expect(await codes.approve(typed, mirjam)).toBe(false);
    expect(await codes.take(created.deviceCode)).toEqual({ state: 'expired' });
    expect(await codes.take(created.deviceCode)).toEqual({ state: 'unknown' });
  });
});
