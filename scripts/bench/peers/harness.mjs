/**
 * The in-page half of the render bench, shared by every peer page. One page load
 * measures one renderer on one workload:
 *
 *   1. fetch `data/<w>.json` (and `data/w2u.json` for W2) and parse it, then wait
 *      two frames so loading, module evaluation and parsing are over;
 *   2. t0 = performance.now(); renderer.first(stage, workload, data) creates the
 *      chart's root element inside the (empty, pre-existing) #stage, hands it the
 *      data and resolves when the renderer says it has rendered;
 *      tReady = performance.now();
 *   3. afterPaint(): one requestAnimationFrame, then a MessageChannel message —
 *      that message runs right after the frame that rAF belongs to has been
 *      rendered (style, layout, paint), so tPaint is "first paint after render";
 *   4. W2 only: two idle frames, then the same for renderer.update(handle, newData).
 *
 * Long tasks are collected by a PerformanceObserver registered in the page's
 * first inline script, before any module is loaded.
 */

export const CHART_WIDTH = 638;

/**
 * The chart box every peer draws into, matching what <gk-budget> draws in a
 * 640 px wide host (its chart width is the host's content width − 2, and its
 * own height formulas for each chart type). The page reports the size gongkai
 * really drew so a drift is visible.
 */
export function chartSize(workload, count) {
  const width = CHART_WIDTH;
  if (workload === 'w1') return { width, height: count * (18 + 14) + 4 }; // bars: 18 px bar + 14 px gap per row
  if (workload === 'w2') return { width, height: Math.round(Math.min(520, Math.max(260, width * 0.62))) };
  return { width, height: Math.round(Math.min(380, Math.max(240, width * 0.5))) };
}

export const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

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
  if (observer) for (const entry of observer.takeRecords()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  return window.__longTasks ?? [];
}

/** Runs the measurement and leaves the outcome in `window.__result`. */
export async function run(renderer) {
  const params = new URLSearchParams(location.search);
  const workload = params.get('w');
  const mode = params.get('mode') ?? 'render';
  const result = { renderer: renderer.name, workload, mode };
  try {
    const data = await getJson(`data/${workload}.json`);
    const next = workload === 'w2' && mode === 'render' ? await getJson('data/w2u.json') : undefined;
    const stage = document.getElementById('stage');
    await frame();
    await frame();

    if (mode === 'validate') {
      // Validation alone, cold (the first validation in this page), then once more warm.
      const t0 = performance.now();
      const outcome = renderer.validate(data.doc);
      const t1 = performance.now();
      renderer.validate(data.doc);
      const t2 = performance.now();
      result.validate = { cold: t1 - t0, warm: t2 - t1, ok: outcome.ok, messages: outcome.messages };
    } else {
      const t0 = performance.now();
      const handle = await renderer.first(stage, workload, data);
      const tReady = performance.now();
      await afterPaint();
      const tPaint = performance.now();
      result.first = { ready: tReady - t0, paint: tPaint - t0, from: t0, to: tPaint, ...renderer.info?.(handle) };
      if (next) {
        await frame();
        await frame();
        const u0 = performance.now();
        await renderer.update(handle, workload, next);
        const uReady = performance.now();
        await afterPaint();
        const uPaint = performance.now();
        result.update = { ready: uReady - u0, paint: uPaint - u0, from: u0, to: uPaint, ...renderer.info?.(handle) };
      }
    }
    // Let the long-task observer deliver what the last tasks produced.
    await frame();
    await new Promise((resolve) => setTimeout(resolve, 20));
  } catch (error) {
    result.error = String(error?.message ?? error);
    if (error?.messages) result.messages = error.messages;
  }
  result.longTasks = collectLongTasks();
  window.__result = result;
}

/** "1.23亿元" / "456万元": what the hand-written floor prints (gongkai formats with formatMoney). */
export function money(value) {
  return value >= 10000 ? `${(value / 10000).toFixed(2)}亿元` : `${value.toFixed(value >= 100 ? 0 : 2)}万元`;
}
