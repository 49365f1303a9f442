/**
 * The in-page half of the render bench, shared by every peer page. One page load
 * measures one renderer on one workload:
 *
 *   1. fetch `data/<w>.json` (and `data/w2u.json` for W2) and parse it; wait until
 *      two frames have been rendered, so loading, module evaluation, parsing and
 *      the page's own first paint (which loads the CJK font) are over. We are now
 *      in an ordinary task just after a frame, as when data arrives from the network.
 *   2. t0 = performance.now(); renderer.first(stage, workload, data) creates the
 *      chart's root element inside the (empty, pre-existing, 640 px wide) #stage,
 *      hands it the data and resolves when the renderer says it has rendered;
 *      tReady = performance.now()                                → "script"
 *   3. document.body.offsetHeight forces style and layout now (work the next
 *      frame would otherwise do); tLayout = performance.now()    → "script+layout"
 *   4. afterPaint(): one requestAnimationFrame, then a MessageChannel message —
 *      the message runs right after the frame that rAF belongs to has been
 *      rendered (style, layout, paint), so tPaint is "first paint after render"
 *      (this includes waiting for the next frame: up to one 16.7 ms vsync
 *      interval, the same for every renderer);                  → "to first paint"
 *   5. settle: a MutationObserver on the chart's DOM (for <gk-budget> its shadow
 *      root too) watches the following frames; each frame in which the chart's
 *      DOM changed again (e.g. a re-render after a ResizeObserver measured the
 *      real width) moves tSettled to just after that frame's paint. Stops after
 *      two quiet frames (at most 12).                            → "settled"
 *   6. W2 only: two more rendered frames, then steps 2–5 for
 *      renderer.update(handle, newData).
 *
 * Long tasks are collected by a PerformanceObserver registered in the page's
 * first inline script, before any module is loaded.
 */

/**
 * The chart box the peers draw into. The runner passes the size <gk-budget>
 * drew in its warm-up load (`?size=WxH`), so every renderer draws the same box
 * even when the element's layout changes; the formulas below (the element's as
 * of this writing, for a 640 px box) are only the fallback.
 */
export function chartSize(workload, count) {
  const given = /^(\d+)x(\d+)$/.exec(new URLSearchParams(location.search).get('size') ?? '');
  if (given) return { width: Number(given[1]), height: Number(given[2]) };
  const width = 640;
  if (workload === 'w1') return { width, height: count * (18 + 14) + 4 }; // bars: 18 px bar + 14 px gap per row
  if (workload === 'w2') return { width, height: Math.round(Math.min(520, Math.max(260, width * 0.62))) };
  return { width, height: Math.round(Math.min(380, Math.max(240, width * 0.5))) };
}

/** Resolves just after the next frame has been rendered. */
export function afterPaint() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
  });
}

async function getJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

function collectLongTasks() {
  const observer = window.__longTaskObserver;
  if (observer)
    for (const entry of observer.takeRecords())
      window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  return window.__longTasks ?? [];
}

/** Step 5: the paint after the last frame in which the chart's DOM still changed. */
async function settle(roots, paintedAt) {
  let changed = 0;
  const observer = new MutationObserver((records) => {
    changed += records.length;
  });
  for (const root of roots)
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  let settledAt = paintedAt;
  let rerenders = 0;
  let quiet = 0;
  for (let i = 0; i < 12 && quiet < 2; i++) {
    await afterPaint();
    changed += observer.takeRecords().length;
    if (changed) {
      changed = 0;
      settledAt = performance.now();
      rerenders++;
      quiet = 0;
    } else quiet++;
  }
  observer.disconnect();
  return { settledAt, rerenders };
}

/** Steps 2–5 around one render call. */
async function measure(renderer, stage, call) {
  // Marks for a trace (scripts/bench/cpu.mjs sums the main thread's CPU between them); they cost nothing measurable.
  performance.mark('bench-t0');
  const t0 = performance.now();
  const handle = await call();
  const tReady = performance.now();
  void document.body.offsetHeight;
  const tLayout = performance.now();
  await afterPaint();
  const tPaint = performance.now();
  performance.mark('bench-painted');
  const { settledAt, rerenders } = await settle(renderer.roots?.(handle) ?? [stage], tPaint);
  const timing = {
    ready: tReady - t0,
    layout: tLayout - t0,
    paint: tPaint - t0,
    settled: settledAt - t0,
    rerenders,
    from: t0,
    to: settledAt,
    ...renderer.info?.(handle),
  };
  return { handle, timing };
}

/** Runs the measurement and leaves the outcome in `window.__result`. */
export async function run(renderer) {
  // Nothing of the harness runs during the page's module evaluation, which the trace counts as the library's start-up.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const params = new URLSearchParams(location.search);
  const workload = params.get('w');
  const mode = params.get('mode') ?? 'render';
  const result = { renderer: renderer.name, workload, mode };
  try {
    const data = await getJson(`data/${workload}.json`);
    const next = workload === 'w2' && mode === 'render' ? await getJson('data/w2u.json') : undefined;
    const stage = document.getElementById('stage');
    await afterPaint();
    await afterPaint();

    if (mode === 'validate') {
      // Validation alone, cold (the first validation in this page), then once more warm.
      const t0 = performance.now();
      const outcome = renderer.validate(data.doc);
      const t1 = performance.now();
      renderer.validate(data.doc);
      const t2 = performance.now();
      result.validate = { cold: t1 - t0, warm: t2 - t1, ok: outcome.ok, messages: outcome.messages };
    } else {
      const first = await measure(renderer, stage, () => renderer.first(stage, workload, data));
      result.first = first.timing;
      if (next) {
        await afterPaint();
        await afterPaint();
        result.update = (await measure(renderer, stage, () => renderer.update(first.handle, workload, next))).timing;
      }
    }
    // Let the long-task observer deliver what the last tasks produced.
    await afterPaint();
    await new Promise((resolve) => setTimeout(resolve, 20));
  } catch (error) {
    result.error = String(error?.message ?? error);
    if (error?.messages) result.messages = error.messages;
  }
  result.longTasks = collectLongTasks();
  window.__result = result;
}

/** "1.23亿元" / "456万元": what the peers print (gongkai formats with its own formatMoney). */
export function money(value) {
  return value >= 10000 ? `${(value / 10000).toFixed(2)}亿元` : `${value.toFixed(value >= 100 ? 0 : 2)}万元`;
}
