/**
 * The lanes on screen: a scroll container (pan by scrolling, on touch too)
 * holding a sizer as big as the whole drawing and one SVG the size of the
 * view, kept in place with `position: sticky` and redrawn for what is in
 * view after each scroll. Only visible lanes are drawn, so 10,000 tasks
 * cost what 15 do.
 *
 * Pointer: hover shows the detail of what is under it; a click on
 * something moves the playhead to its event, a click elsewhere to that
 * time; dragging on the axis scrubs; dragging the lanes with a mouse pans;
 * Ctrl/⌘ + wheel zooms around the pointer.
 *
 * The view's size and scroll offsets are kept here, read when the browser
 * has just laid out anyway (a resize, a scroll event) and updated on our
 * own scrolls. Reading them from the DOM after a change elsewhere in the
 * page (the state panel, the output) would force a layout of the whole page
 * on every frame of playback or scrubbing.
 */
import type { Scene } from "./layout.ts";
import { drawPlayhead, type PlayheadAt } from "./paint/playhead.ts";
import { render } from "./paint/render.ts";
import { type HitBox, type Measure, NS, type Viewport } from "./paint/svg.ts";
import type { Palette } from "./palette.ts";

export interface LanesCallbacks {
  /** A click on something drawn: show its event. */
  seekOrder(section: number, order: number): void;
  /** A click or axis drag at axis position `w`. */
  seekW(section: number, w: number): void;
  /** Zoom by `factor`, keeping the point at view x `anchorX` still. */
  zoom(factor: number, anchorX: number): void;
  /** The view's width changed (a window resize, full screen): lay out again. */
  resized(): void;
}

let uid = 0;

export class LanesView {
  readonly root: HTMLDivElement;
  private readonly sizer: HTMLDivElement;
  readonly svg: SVGSVGElement;
  private readonly tip: HTMLDivElement;
  private scene: Scene | null = null;
  private palette: Palette | null = null;
  private measure: Measure | null = null;
  private hits: HitBox[] = [];
  private raf = 0;
  private at: PlayheadAt | null = null;
  private readonly cb: LanesCallbacks;
  /** The view, as last measured: size and scroll offsets, px. */
  private vw = 0;
  private vh = 0;
  private left = 0;
  private top = 0;
  /** Last render time, ms (for the scale measurements). */
  lastRenderMs = 0;
  /** Key of the lane marked for the learner (the await graph's link), or null. */
  private highlighted: string | null = null;

  constructor(cb: LanesCallbacks, tipHost: HTMLElement) {
    this.cb = cb;
    this.root = document.createElement("div");
    this.root.className = "al-tl-scroller";
    this.root.tabIndex = 0;
    this.sizer = document.createElement("div");
    this.sizer.className = "al-tl-sizer";
    this.svg = document.createElementNS(NS, "svg");
    this.svg.classList.add("al-tl-svg");
    this.svg.dataset.uid = `al-tl-${++uid}`;
    this.svg.setAttribute("aria-hidden", "true");
    this.sizer.append(this.svg);
    this.root.append(this.sizer);
    this.tip = document.createElement("div");
    this.tip.className = "al-tl-tip";
    this.tip.hidden = true;
    tipHost.append(this.tip);
    this.root.addEventListener(
      "scroll",
      () => {
        this.left = this.root.scrollLeft;
        this.top = this.root.scrollTop;
        this.schedule();
      },
      { passive: true },
    );
    new ResizeObserver(() => {
      if (this.root.clientWidth === this.vw && this.root.clientHeight === this.vh && !this.staleWidth()) return;
      this.measureView();
      if (this.staleWidth()) this.cb.resized();
      this.schedule();
    }).observe(this.root);
    this.pointer();
  }

  setStyle(palette: Palette, measure: Measure): void {
    this.palette = palette;
    this.measure = measure;
  }

  /** Shows a scene; `anchor` keeps axis position `w` at view x `x` (zoom). */
  setScene(scene: Scene, anchor?: { w: number; x: number }): void {
    this.scene = scene;
    this.sizer.style.width = `${scene.width}px`;
    this.sizer.style.height = `${scene.height}px`;
    this.root.style.height = `${scene.height + (scene.width > this.viewWidth ? 14 : 2)}px`;
    // One layout here (a new scene is rare: a run, a zoom, a pin), then the numbers are known.
    this.measureView();
    if (anchor) this.scrollTo(scene.labelW + anchor.w * scene.pxPerW - anchor.x, this.top);
    this.renderNow();
    // Laid out for a width the view no longer has (it changed in the same task): again, at the next frame.
    if (this.staleWidth()) requestAnimationFrame(() => this.staleWidth() && this.cb.resized());
  }

  /**
   * True if the scene was laid out for another view width. (Compared with
   * the scene, not the last measure: a layout read before the view changed
   * and a measure taken after it would otherwise agree and hide the change.)
   */
  private staleWidth(): boolean {
    return this.scene !== null && Math.abs(this.scene.viewWidth - this.vw) > 1;
  }

  /** Width of the view, px. */
  get viewWidth(): number {
    if (this.vw === 0) this.measureView();
    return this.vw;
  }

  /** Scroll offset of the view, px. */
  get scrollLeft(): number {
    return this.left;
  }

  viewport(): Viewport {
    const scene = this.scene;
    const width = Math.max(1, this.vw);
    const height = Math.max(1, Math.min(this.vh, scene ? scene.height : 1));
    return { left: this.left, top: this.top, width, height };
  }

  /** Scrolls the view (clamped), and redraws at the next frame. */
  scrollTo(left: number, top: number): void {
    const scene = this.scene;
    const maxLeft = scene ? Math.max(0, scene.width - this.vw) : 0;
    const maxTop = scene ? Math.max(0, scene.height - this.vh) : 0;
    const l = Math.round(Math.max(0, Math.min(maxLeft, left)));
    const t = Math.round(Math.max(0, Math.min(maxTop, top)));
    if (l === this.left && t === this.top) return;
    this.left = l;
    this.top = t;
    this.root.scrollLeft = l;
    this.root.scrollTop = t;
    this.schedule();
  }

  private measureView(): void {
    this.vw = this.root.clientWidth;
    this.vh = this.root.clientHeight;
    this.left = this.root.scrollLeft;
    this.top = this.root.scrollTop;
  }

  /** Moves the playhead (no redraw of the lanes). */
  setPlayhead(at: PlayheadAt | null): void {
    this.at = at;
    this.drawHead();
  }

  /** Scrolls so that axis position `w` is in view (with a margin), if it is not. */
  reveal(w: number, where: "nearest" | "center" = "nearest"): void {
    const scene = this.scene;
    if (!scene) return;
    const x = scene.labelW + w * scene.pxPerW;
    const left = this.left;
    const view = this.vw - scene.labelW;
    const margin = view * 0.15;
    if (where === "center" || x < left + scene.labelW + margin || x > left + scene.labelW + view - margin) {
      const target = where === "center" ? x - scene.labelW - view / 2 : x < left + scene.labelW + margin ? x - scene.labelW - margin : x - scene.labelW - view + margin * 3;
      this.scrollTo(target, this.top);
    }
  }

  /** Marks lane `key` (null: none), and redraws. */
  highlight(key: string | null): void {
    this.highlighted = key;
    this.schedule();
  }

  /** Scrolls a row into view vertically. */
  revealRow(index: number): void {
    const scene = this.scene;
    if (!scene) return;
    const row = scene.rows[index];
    if (!row) return;
    const view = this.vh - scene.axisH;
    const top = this.top;
    if (row.y < top) this.scrollTo(this.left, row.y);
    else if (row.y + row.h > top + view) this.scrollTo(this.left, row.y + row.h - view);
  }

  schedule(): void {
    if (this.raf) return;
    this.raf = requestAnimationFrame(() => {
      this.raf = 0;
      this.renderNow();
    });
  }

  renderNow(): void {
    const { scene, palette, measure } = this;
    if (!scene || !palette || !measure) return;
    const t0 = performance.now();
    const vp = this.viewport();
    this.svg.style.width = `${vp.width}px`;
    this.hits = render(this.svg, scene, vp, palette, { measure, highlight: this.highlighted });
    this.drawHead();
    this.lastRenderMs = performance.now() - t0;
  }

  private drawHead(): void {
    const { scene, palette, at } = this;
    const g = this.svg.querySelector<SVGGElement>("g[data-layer=playhead]");
    if (!scene || !palette || !g) return;
    if (!at) g.replaceChildren();
    else drawPlayhead(g, scene, this.viewport(), palette, at);
  }

  private local(e: PointerEvent | MouseEvent): { x: number; y: number } {
    const r = this.svg.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  private hitAt(x: number, y: number): HitBox | null {
    // Last drawn is on top; prefer things with an event.
    let best: HitBox | null = null;
    for (let i = this.hits.length - 1; i >= 0; i--) {
      const h = this.hits[i];
      if (x >= h.x0 && x <= h.x1 && y >= h.y0 && y <= h.y1) {
        if (h.order >= 0) return h;
        best ??= h;
      }
    }
    return best;
  }

  /** Section of the row at view y (the current run when only one). */
  private sectionAt(y: number): number {
    const scene = this.scene;
    if (!scene) return 0;
    const cy = y - scene.axisH + this.top;
    for (const r of scene.rows) if (cy >= r.y && cy < r.y + r.h) return r.section;
    return scene.sections.length - 1;
  }

  private wAt(x: number): number {
    const scene = this.scene as Scene;
    return (x - scene.labelW + this.left) / scene.pxPerW;
  }

  private pointer(): void {
    let down: { x: number; y: number; left: number; top: number; mode: "scrub" | "pan"; moved: boolean; id: number } | null = null;
    this.svg.addEventListener("pointerdown", (e) => {
      if (!this.scene || e.button !== 0) return;
      const { x, y } = this.local(e);
      if (x < this.scene.labelW) return;
      const mode = y < this.scene.axisH ? "scrub" : "pan";
      down = { x: e.clientX, y: e.clientY, left: this.left, top: this.top, mode, moved: false, id: e.pointerId };
      if (mode === "scrub") {
        this.svg.setPointerCapture(e.pointerId);
        this.cb.seekW(this.scene.sections.length - 1, this.wAt(x));
        e.preventDefault();
      } else if (e.pointerType === "mouse") this.svg.setPointerCapture(e.pointerId);
    });
    this.svg.addEventListener("pointermove", (e) => {
      const scene = this.scene;
      if (!scene) return;
      const { x, y } = this.local(e);
      if (down && down.id === e.pointerId) {
        const dx = e.clientX - down.x;
        const dy = e.clientY - down.y;
        if (Math.abs(dx) + Math.abs(dy) > 4) down.moved = true;
        if (down.mode === "scrub") this.cb.seekW(scene.sections.length - 1, this.wAt(x));
        else if (down.moved && e.pointerType === "mouse") {
          this.scrollTo(down.left - dx, down.top - dy);
        }
        this.hideTip();
        return;
      }
      const hit = this.hitAt(x, y);
      if (!hit) return this.hideTip();
      this.showTip(hit, x, y);
    });
    const up = (e: PointerEvent) => {
      const d = down;
      down = null;
      if (!d || d.id !== e.pointerId || !this.scene) return;
      if (this.svg.hasPointerCapture(e.pointerId)) this.svg.releasePointerCapture(e.pointerId);
      if (d.mode !== "pan" || d.moved || e.type === "pointercancel") return;
      const { x, y } = this.local(e);
      const hit = this.hitAt(x, y);
      if (hit && hit.order >= 0) this.cb.seekOrder(hit.section, hit.order);
      else this.cb.seekW(this.sectionAt(y), this.wAt(x));
    };
    this.svg.addEventListener("pointerup", up);
    this.svg.addEventListener("pointercancel", up);
    this.svg.addEventListener("pointerleave", () => this.hideTip());
    this.root.addEventListener(
      "wheel",
      (e) => {
        if (!(e.ctrlKey || e.metaKey) || !this.scene) return;
        e.preventDefault();
        const { x } = this.local(e);
        this.cb.zoom(e.deltaY < 0 ? 1.25 : 0.8, Math.max(this.scene.labelW, x));
      },
      { passive: false },
    );
  }

  private showTip(hit: HitBox, x: number, y: number): void {
    this.tip.replaceChildren(
      ...hit.tip.map((line, i) => {
        const p = document.createElement(i === 0 ? "strong" : "span");
        p.textContent = line;
        return p;
      }),
    );
    if (hit.order >= 0) {
      const hint = document.createElement("em");
      hint.textContent = "click: move the playhead here";
      this.tip.append(hint);
    }
    this.tip.hidden = false;
    const host = this.tip.offsetParent as HTMLElement | null;
    const svgBox = this.svg.getBoundingClientRect();
    const hostBox = host?.getBoundingClientRect() ?? svgBox;
    const left = svgBox.left - hostBox.left + x + 14;
    const top = svgBox.top - hostBox.top + y + 16;
    const maxLeft = (host?.clientWidth ?? 600) - this.tip.offsetWidth - 4;
    this.tip.style.left = `${Math.max(4, Math.min(left, maxLeft))}px`;
    this.tip.style.top = `${top}px`;
  }

  private hideTip(): void {
    this.tip.hidden = true;
  }
}
