import fs from 'node:fs';

/** Debian's Chromium (never a downloaded browser). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or null when Chromium is installed. */
export function chromiumMissingReason(): string | null {
  return fs.existsSync(chromiumPath) ? null : `${chromiumPath} not found (apt-get install -y chromium fonts-noto-cjk)`;
}

/** Flags for a quiet, reproducible headless run; Playwright adds --headless and a fresh --user-data-dir itself. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
