import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Tracks the content width of an element so charts can lay out for 320 px phones and wide screens alike. */
export class ResizeController implements ReactiveController {
  width: number;
  private observer?: ResizeObserver;
  private target?: Element;
  private frame = 0;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement, initialWidth = 640) {
    this.width = initialWidth;
    host.addController(this);
  }

  hostConnected(): void {
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
    this.observer.observe(this.target ?? this.host);
  }

  /**
   * Measures `element` instead of the host: the box a chart is drawn in is
   * narrower than the host by the card's padding and border, and a chart laid
   * out too wide is scaled down, shrinking its text.
   */
  observe(element: Element | null | undefined): void {
    if (!element || element === this.target) return;
    if (this.target) this.observer?.unobserve(this.target);
    else this.observer?.unobserve(this.host);
    this.target = element;
    this.observer?.observe(element);
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
    this.observer?.disconnect();
  }
}
