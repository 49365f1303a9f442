import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isNarrow } from '../base/internal/narrow.js';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment; elderMode?: boolean };

/**
 * Tracks the content width of the element's root (what its charts are drawn in) so
 * they lay out for 320 px phones and wide screens alike, at the real size: a chart
 * laid out too wide would be scaled down, shrinking its text.
 */
export class ResizeController implements ReactiveController {
  width: number;
  private observer?: ResizeObserver;
  private frame = 0;

  constructor(
    private readonly host: Host,
    initialWidth = 640,
  ) {
    this.width = initialWidth;
    host.addController(this);
  }

  /**
   * The width to lay charts out for. In elder mode charts are laid out at two thirds
   * of it and drawn 1.5 times as large (the SVG fills the width), so their 12–14 px
   * labels show at 18–21 px.
   */
  get chartWidth(): number {
    return this.host.elderMode ? Math.floor(this.width / 1.5) : this.width;
  }

  /** Whether the root is as narrow as the narrow layout's query asks (base/internal/narrow.ts): for what CSS cannot choose. */
  get narrow(): boolean {
    return isNarrow(this.host.renderRoot as Element, this.width);
  }

  hostConnected(): void {
    // The root exists (createRenderRoot runs first) and is styled: measure now, before
    // the first render, so charts are not laid out twice (once at a guess).
    const root = this.host.renderRoot as HTMLElement;
    const style = getComputedStyle(root);
    const width = root.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    if (width > 0) this.width = Math.floor(width);
    this.observer = new ResizeObserver((entries) => {
      const width = Math.floor(entries[entries.length - 1]?.contentRect.width ?? 0);
      // Width 0 means hidden (display: none, a closed tab): keep the last layout.
      if (width <= 0 || Math.abs(width - this.width) < 2) return;
      // Re-laying out inside the observer callback would resize again in the same
      // frame, and the browser reports that as an error on the host page's window.
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => {
        this.width = width;
        this.host.requestUpdate();
      });
    });
    this.observer.observe(root);
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
    this.observer?.disconnect();
  }
}
