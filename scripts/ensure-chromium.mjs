// The browser tests drive Debian's Chromium (never a downloaded browser). On a fresh
// machine this installs it when we are root with apt; otherwise it says what to install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log('Chromium not found: installing Debian package "chromium" (about 20 s)...');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } else {
    console.error(
      `Chromium is needed for the browser tests but was not found at ${CHROMIUM}.\n` +
        'Install it (Debian/Ubuntu: "sudo apt-get install chromium") or set CHROMIUM_PATH.',
    );
    process.exit(1);
  }
}
