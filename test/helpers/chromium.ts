/**
 * How every browser test starts Debian's Chromium through playwright-core (never a
 * downloaded browser): its path, and the flags that keep it headless and off the
 * network (this machine has none; without them Chromium retries connections).
 */
export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
