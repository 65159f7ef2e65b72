// The tests use three system tools from Debian: Chromium for the browser tests (never a
// downloaded browser), xmllint (libxml2-utils) to validate CAP XML against its schema, and
// poppler-utils (pdftoppm, pdftotext, pdfinfo) to read the printed notice-board posters.
// On a fresh machine this installs what is missing when we are root with apt; otherwise it
// says exactly what to install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const tools = [
  { what: 'Chromium', path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', pkg: 'chromium' },
  { what: 'xmllint', path: '/usr/bin/xmllint', pkg: 'libxml2-utils' },
  { what: 'pdftoppm', path: '/usr/bin/pdftoppm', pkg: 'poppler-utils' },
];

const missing = tools.filter((tool) => !existsSync(tool.path));
if (missing.length > 0) {
  const packages = missing.map((tool) => tool.pkg);
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log(`Installing Debian packages for the tests: ${packages.join(', ')}...`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
  } else {
    for (const tool of missing)
      console.error(`${tool.what} is needed by the tests but was not found at ${tool.path}.`);
    console.error(
      `Install ${packages.join(' and ')} (Debian/Ubuntu: "sudo apt-get install ${packages.join(' ')}")` +
        ' or set CHROMIUM_PATH to your Chromium.',
    );
    process.exit(1);
  }
}
