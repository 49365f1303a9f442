/**
 * <gk-budget> as a bench renderer, shared by the two ways users load it: the
 * one-file bundle (gongkai.mjs) and the per-element entry as Vite ships it
 * (gongkai-entry.mjs). Timed: create <gk-budget view=…>, set `el.data = doc`,
 * append it to the stage, until its `gk-load` event (dispatched after it has
 * validated the whole document and rendered). The update sets `el.data` to the
 * changed document, until the next `gk-load`. The settle step watches the host
 * and its shadow root, so a second render (after the element's ResizeObserver has
 * measured the box it draws in) shows up as "settled" later than "first paint".
 */
const VIEW = { w1: 'bars', w2: 'treemap', w3: 'years' };

function settle(el, assign) {
  return new Promise((resolve, reject) => {
    const onLoad = () => {
      el.removeEventListener('gk-error', onError);
      resolve(el);
    };
    const onError = (event) => {
      el.removeEventListener('gk-load', onLoad);
      reject(Object.assign(new Error('gk-error'), { messages: event.detail?.messages ?? [] }));
    };
    el.addEventListener('gk-load', onLoad, { once: true });
    el.addEventListener('gk-error', onError, { once: true });
    assign();
  });
}

/** `validate(doc)` → { ok, messages }, for the validation-alone loads (the bundle exports the API). */
export function budgetRenderer(name, validate) {
  return {
    name,
    first(stage, workload, data) {
      const el = document.createElement('gk-budget');
      el.setAttribute('view', VIEW[workload]);
      return settle(el, () => {
        el.data = data.doc;
        stage.append(el);
      });
    },
    update(el, workload, data) {
      return settle(el, () => {
        el.data = data.doc;
      });
    },
    roots(el) {
      return [el, el.shadowRoot].filter(Boolean);
    },
    info(el) {
      const root = el.shadowRoot;
      const svg = root?.querySelector('svg.chart');
      const marks = svg ? svg.querySelectorAll('.mark').length : 0;
      const lines = svg ? svg.querySelectorAll('path').length : 0;
      return {
        chart: svg ? `${svg.getAttribute('width')}×${svg.getAttribute('height')}` : 'none',
        drawn:
          el.getAttribute('view') === 'years'
            ? `${lines} lines, ${marks} points`
            : `${marks} ${el.getAttribute('view') === 'bars' ? 'bars' : 'tiles'}`,
        domNodes: root ? root.querySelectorAll('*').length : 0,
      };
    },
    validate,
  };
}
