/** Opens one of pages/*.html (served with the strict CSP) in an iframe of the test page; tests only. */
export interface Probe {
  errors: string[];
  violations: string[];
  warnings: string[];
  loaded: number;
  failed: number;
}

export type ProbedWindow = Window & typeof globalThis & { __gk: Probe };

/** `scripts: false` opens the page with JavaScript off (a sandbox without allow-scripts). */
export async function openPage(
  path: string,
  size = { width: 800, height: 600 },
  scripts = true,
): Promise<ProbedWindow> {
  const frame = document.createElement('iframe');
  if (!scripts) frame.setAttribute('sandbox', 'allow-same-origin');
  frame.style.width = `${size.width}px`;
  frame.style.height = `${size.height}px`;
  document.body.append(frame);
  await new Promise<void>((resolve) => {
    frame.addEventListener('load', () => resolve(), { once: true });
    frame.src = path;
  });
  return frame.contentWindow as ProbedWindow;
}
