import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** One thing a reader can focus in a chart: a bar, a tile, a point. */
export interface ChartItem {
  id: string;
  /** What it is: 公立医院, 2018年. */
  label: string;
  /** How much, formatted: 5,234.12万元. */
  display: string;
  /** More, formatted: 占 42.1%, 执行率 98.2%. */
  detail?: string;
  /** Enter or a click opens it (treemap drill-down). */
  drillable?: boolean;
}

let tooltipCount = 0;

export interface ChartInteractionOptions {
  onActivate?(item: ChartItem): void;
  onBack?(): void;
}

/**
 * Keyboard, pointer and touch behaviour shared by every chart: one mark in the
 * tab order at a time (roving tabindex), arrows / Home / End move, Enter opens,
 * Escape or Backspace goes back, and the active mark shows a tooltip — on
 * hover, on keyboard focus, and on the first tap of a touch screen.
 */
export class ChartInteraction implements ReactiveController {
  items: ChartItem[] = [];
  /** The mark in the tab order. */
  focusedId?: string;
  /** The mark whose tooltip shows. */
  activeId?: string;
  /** Tooltip anchor, relative to the chart box. */
  anchor = { x: 0, y: 0 };

  /** Names this chart's tooltip element, which hostUpdated() positions. */
  readonly tooltipId = `tip${++tooltipCount}`;

  private lastPointerType = 'mouse';

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment },
    private readonly options: ChartInteractionOptions = {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Places the tooltip over the active mark (through the CSSOM: allowed by a strict CSP, unlike a style attribute). */
  hostUpdated(): void {
    const tip = this.host.renderRoot.querySelector<HTMLElement>(`[data-tooltip="${this.tooltipId}"]`);
    if (tip) {
      tip.style.left = `${this.anchor.x}px`;
      tip.style.top = `${this.anchor.y}px`;
    }
  }

  /** Call when the items change (a new view, a drill-down): focus stays on an item that still exists. */
  setItems(items: ChartItem[]): void {
    this.items = items;
    if (this.focusedId && !items.some((item) => item.id === this.focusedId)) this.focusedId = undefined;
    if (this.activeId && !items.some((item) => item.id === this.activeId)) this.activeId = undefined;
  }

  tabIndexFor(id: string): number {
    const focused = this.focusedId ?? this.items[0]?.id;
    return id === focused ? 0 : -1;
  }

  get activeItem(): ChartItem | undefined {
    return this.items.find((item) => item.id === this.activeId);
  }

  readonly onKeydown = (event: KeyboardEvent): void => {
    const id = markId(event.target);
    if (id === undefined) return;
    const index = this.items.findIndex((item) => item.id === id);
    let next = index;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = Math.min(this.items.length - 1, index + 1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = Math.max(0, index - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = this.items.length - 1;
        break;
      case 'Enter':
      case ' ': {
        const item = this.items[index];
        if (item?.drillable) {
          event.preventDefault();
          this.options.onActivate?.(item);
        }
        return;
      }
      case 'Escape':
        if (this.activeId) {
          this.activeId = undefined;
          this.host.requestUpdate();
        }
        if (this.options.onBack) this.options.onBack();
        return;
      case 'Backspace':
        event.preventDefault();
        this.options.onBack?.();
        return;
      default:
        return;
    }
    event.preventDefault();
    const target = this.items[next];
    if (target) void this.focus(target.id);
  };

  readonly onFocusIn = (event: FocusEvent): void => {
    const mark = markElement(event.target);
    if (!mark) return;
    this.focusedId = mark.dataset.id;
    this.show(mark);
  };

  readonly onFocusOut = (event: FocusEvent): void => {
    if (!markElement(event.relatedTarget)) {
      this.activeId = undefined;
      this.host.requestUpdate();
    }
  };

  readonly onPointerOver = (event: PointerEvent): void => {
    this.lastPointerType = event.pointerType;
    // A tap fires pointerover before click: showing the tooltip here would make
    // every first tap look like a second one. Touch is handled in onClick.
    if (event.pointerType === 'touch') return;
    const mark = markElement(event.target);
    if (mark && mark.dataset.id !== this.activeId) this.show(mark);
  };

  readonly onPointerDown = (event: PointerEvent): void => {
    this.lastPointerType = event.pointerType;
  };

  readonly onPointerLeave = (): void => {
    // The focused element of the host's shadow root, or of the page in light-DOM mode (then only if it is one of ours).
    const active = (this.host.shadowRoot ?? (this.host.getRootNode() as Document | ShadowRoot)).activeElement;
    if (
      this.lastPointerType === 'mouse' &&
      !(active && this.host.renderRoot.contains(active) && active.closest('[data-id]'))
    ) {
      this.activeId = undefined;
      this.host.requestUpdate();
    }
  };

  readonly onClick = (event: MouseEvent): void => {
    const mark = markElement(event.target);
    if (!mark) return;
    const item = this.items.find((candidate) => candidate.id === mark.dataset.id);
    if (!item) return;
    // On a touch screen the first tap shows the tooltip; a second tap opens the item.
    const firstTouch = this.lastPointerType === 'touch' && this.activeId !== item.id;
    this.focusedId = item.id;
    this.show(mark);
    if (item.drillable && !firstTouch) this.options.onActivate?.(item);
  };

  /** Moves keyboard focus to a mark after the next render. */
  async focus(id: string): Promise<void> {
    this.focusedId = id;
    this.host.requestUpdate();
    await (this.host as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const mark = this.host.renderRoot.querySelector<SVGElement | HTMLElement>(`[data-id="${CSS.escape(id)}"]`);
    mark?.focus();
  }

  private show(mark: Element): void {
    const box = mark.closest('.chart-box');
    if (box) {
      const markRect = mark.getBoundingClientRect();
      const boxRect = box.getBoundingClientRect();
      this.anchor = { x: markRect.left - boxRect.left + markRect.width / 2, y: markRect.top - boxRect.top };
    }
    this.activeId = (mark as HTMLElement).dataset.id;
    this.host.requestUpdate();
  }
}

function markElement(target: EventTarget | null): (Element & { dataset: DOMStringMap }) | undefined {
  const element = target instanceof Element ? target.closest('[data-id]') : null;
  return (element as (Element & { dataset: DOMStringMap }) | null) ?? undefined;
}

function markId(target: EventTarget | null): string | undefined {
  return markElement(target)?.dataset.id;
}
