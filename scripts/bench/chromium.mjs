/**
 * The one Chromium launcher of the benches: Debian's Chromium (or $CHROME_PATH)
 * through playwright-core, headless, with nothing of its own on the network.
 */
import { existsSync } from 'node:fs';

export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium with CHROME_ARGS and `extraArgs`; says what to install when it is missing. */
export async function launchChromium(extraArgs = []) {
  const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath))
    throw new Error(`bench: Chromium not found at ${executablePath}; install Debian's chromium or set CHROME_PATH.`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, headless: true, args: [...CHROME_ARGS, ...extraArgs] });
}
