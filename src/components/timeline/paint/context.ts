/**
 * What every painter draws with: the scene and the part of it in view, the
 * colours, text widths, where hit boxes go, and the view's coordinates
 * (`X` turns a position on the axis into an x in the view).
 */
import type { Row, Scene, Section } from "../layout.ts";
import type { Lane } from "../model/model.ts";
import type { Palette } from "../palette.ts";
import type { HitBox, Measure, Viewport } from "./svg.ts";

export interface PaintContext {
  readonly scene: Scene;
  readonly vp: Viewport;
  readonly pal: Palette;
  readonly measure: Measure;
  /** Draw everything (the download): no culling by view. */
  readonly full: boolean;
  /** Prefix of the ids of patterns and clips (one per drawing). */
  readonly uid: string;
  readonly hits: HitBox[];
  readonly labelW: number;
  readonly fontPx: number;
  /** The view's right edge, px. */
  readonly right: number;
  /** The axis range in view (with a margin): what lies outside is not drawn. */
  readonly W0: number;
  readonly W1: number;
  /** x in the view of axis position `w`. */
  X(w: number): number;
  /** y in the view of a row's top. */
  rowY(row: Row): number;
  /** A layer over the rows: arrows between lanes, the end of each run. */
  readonly arrows: SVGGElement;
}

/** Draws one lane of kind `K` into `g`, its row's top at `y`. */
export type Painter<L extends Lane> = (ctx: PaintContext, g: SVGGElement, lane: L, section: Section, row: Row, y: number) => void;
