import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Tracks the content width of the host (what its charts are drawn in) so they lay
 * out for 320 px phones and wide screens alike, at the real size: a chart laid out
 * too wide would be scaled down, shrinking its text.
 */
export class ResizeController implements ReactiveController {
  width: number;
  private observer?: ResizeObserver;
  private frame = 0;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement, initialWidth = 640) {
    this.width = initialWidth;
    host.addController(this);
  }

  hostConnected(): void {
    // Measure now, before the first render, so charts are not laid out twice (once at a guess).
    const style = getComputedStyle(this.host);
    const width = this.host.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
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
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
    this.observer?.disconnect();
  }
}
