/**
 * The playback clock: moves a position `p` along the playback axis at a
 * chosen speed, one requestAnimationFrame at a time.
 *
 * The playback axis is virtual time with a moment added for every step of
 * an instant (a `Warp` with `DWELL` per step, at most `DWELL_CAP` per
 * instant), so at 1× a second of loop time takes a second, and steps that
 * share an instant still come one after another instead of all at once.
 */
import type { Instant } from "./model/model.ts";
import type { Speed } from "../speed.ts";
import { expansions, Warp } from "./scale.ts";

/** Seconds of playback per step at 1×. */
export const DWELL = 0.25;
/** At most this long per instant at 1×. */
export const DWELL_CAP = 1.25;

/** The playback axis of a run. */
export function playbackWarp(instants: readonly Instant[], endTime: number): Warp {
  return new Warp(
    instants.map((i) => i.t),
    expansions(instants, DWELL, DWELL_CAP),
    endTime,
  );
}

export interface Clock {
  now(): number;
  frame(cb: (t: number) => void): number;
  cancel(id: number): void;
}

const browserClock: Clock = {
  now: () => performance.now(),
  frame: (cb) => requestAnimationFrame(cb),
  cancel: (id) => cancelAnimationFrame(id),
};

export class Playback {
  p = 0;
  readonly length: number;
  speed: Speed;
  private raf = 0;
  private last = 0;
  private readonly onFrame: (p: number) => void;
  private readonly onState: (playing: boolean) => void;
  private readonly clock: Clock;

  constructor(length: number, speed: Speed, onFrame: (p: number) => void, onState: (playing: boolean) => void, clock: Clock = browserClock) {
    this.length = length;
    this.speed = speed;
    this.onFrame = onFrame;
    this.onState = onState;
    this.clock = clock;
  }

  get playing(): boolean {
    return this.raf !== 0;
  }

  get atEnd(): boolean {
    return this.p >= this.length;
  }

  play(): void {
    if (this.playing) return;
    if (this.speed === "instant") {
      this.seek(this.length);
      return;
    }
    if (this.atEnd) this.p = 0;
    this.last = this.clock.now();
    this.raf = this.clock.frame((t) => this.tick(t));
    this.onState(true);
    this.onFrame(this.p);
  }

  pause(): void {
    if (!this.playing) return;
    this.clock.cancel(this.raf);
    this.raf = 0;
    this.onState(false);
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  /** Moves to `p` (clamped), playing on if playing. */
  seek(p: number): void {
    this.p = Math.max(0, Math.min(this.length, p));
    this.onFrame(this.p);
  }

  setSpeed(s: Speed): void {
    this.speed = s;
    if (s === "instant" && this.playing) {
      this.pause();
      this.seek(this.length);
    }
  }

  /** Stops for good (the view is going away). */
  dispose(): void {
    if (this.raf) this.clock.cancel(this.raf);
    this.raf = 0;
  }

  private tick(t: number): void {
    // A background tab gets no frames; do not jump ahead by the time it was away.
    const dt = Math.min(0.1, Math.max(0, (t - this.last) / 1000));
    this.last = t;
    const speed = this.speed === "instant" ? Infinity : this.speed;
    this.p = Math.min(this.length, this.p + dt * speed);
    if (this.p >= this.length) {
      this.raf = 0;
      this.onFrame(this.p);
      this.onState(false);
      return;
    }
    this.raf = this.clock.frame((t2) => this.tick(t2));
    this.onFrame(this.p);
  }
}
