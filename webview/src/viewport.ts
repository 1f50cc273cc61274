/**
 * Pan and zoom of the picture: one transform on one group, screen = graph * scale + (x, y).
 * Wheel zooms around the pointer, dragging pans. The view survives new graphs
 * (the caller only fits the first one), so typing does not jump the picture.
 */

export interface View {
  x: number;
  y: number;
  scale: number;
}

const MIN_SCALE = 0.05;
const MAX_SCALE = 8;
/** Pointer travel (px) below which a press counts as a click, not a drag. */
const CLICK_SLOP = 4;

export class Viewport {
  view: View = { x: 0, y: 0, scale: 1 };
  /** True from the moment a press has moved far enough to be a pan until the next press. */
  dragged = false;

  constructor(
    private readonly svg: SVGSVGElement,
    private readonly layer: SVGGElement,
    private readonly onChange: (view: View) => void,
  ) {
    svg.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    svg.addEventListener('pointerdown', (e) => this.onPointerDown(e));
  }

  set(view: View): void {
    const scale = clamp(view.scale, MIN_SCALE, MAX_SCALE);
    this.view = { x: view.x, y: view.y, scale };
    this.layer.setAttribute('transform', `translate(${view.x.toFixed(2)},${view.y.toFixed(2)}) scale(${scale.toFixed(4)})`);
    this.onChange(this.view);
  }

  private size(): { width: number; height: number } {
    const rect = this.svg.getBoundingClientRect();
    return { width: rect.width || 1, height: rect.height || 1 };
  }

  /** Show the whole graph, never enlarged beyond 100%. */
  fit(width: number, height: number, margin = 16): void {
    const { width: w, height: h } = this.size();
    const scale = clamp(Math.min((w - 2 * margin) / Math.max(width, 1), (h - 2 * margin) / Math.max(height, 1), 1), MIN_SCALE, 1);
    this.set({ x: (w - width * scale) / 2, y: (h - height * scale) / 2, scale });
  }

  /** 100% around the centre of the screen. */
  actualSize(): void {
    const { width: w, height: h } = this.size();
    this.zoomAt(1 / this.view.scale, w / 2, h / 2);
  }

  /** Put the graph point (gx, gy) at the centre of the screen, keeping the zoom. */
  centreOn(gx: number, gy: number): void {
    const { width: w, height: h } = this.size();
    const s = this.view.scale;
    this.set({ x: w / 2 - gx * s, y: h / 2 - gy * s, scale: s });
  }

  /** The graph point at the centre of the screen. */
  centre(): { x: number; y: number } {
    const { width: w, height: h } = this.size();
    return { x: (w / 2 - this.view.x) / this.view.scale, y: (h / 2 - this.view.y) / this.view.scale };
  }

  /** Multiply the zoom by `factor`, keeping the screen point (sx, sy) still. */
  zoomAt(factor: number, sx: number, sy: number): void {
    const { x, y, scale } = this.view;
    const next = clamp(scale * factor, MIN_SCALE, MAX_SCALE);
    const k = next / scale;
    this.set({ x: sx - (sx - x) * k, y: sy - (sy - y) * k, scale: next });
  }

  private onWheel(e: WheelEvent): void {
    e.preventDefault();
    const rect = this.svg.getBoundingClientRect();
    // deltaMode 1 is lines (some mice); scale so one notch is about 10%.
    const delta = e.deltaMode === 1 ? e.deltaY * 33 : e.deltaY;
    this.zoomAt(Math.exp(-delta / 300), e.clientX - rect.left, e.clientY - rect.top);
  }

  private onPointerDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    this.dragged = false;
    const startX = e.clientX;
    const startY = e.clientY;
    const from = { ...this.view };
    const move = (m: PointerEvent): void => {
      const dx = m.clientX - startX;
      const dy = m.clientY - startY;
      if (!this.dragged && Math.hypot(dx, dy) < CLICK_SLOP) return;
      if (!this.dragged) {
        this.dragged = true;
        this.svg.classList.add('panning');
      }
      this.set({ x: from.x + dx, y: from.y + dy, scale: from.scale });
    };
    const up = (): void => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      this.svg.classList.remove('panning');
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
