/**
 * Python's `asyncio.Queue`, `LifoQueue` and `PriorityQueue` (`queues.py`):
 * producers `put`, consumers `get`; with a `maxsize`, `put` waits while the
 * queue is full. `join()` waits until every item put has been marked done
 * with `taskDone()` — forget `taskDone()` and `join()` waits forever (the
 * runtime reports that as a deadlock).
 */
import { Coroutine } from "../core/coroutine.ts";
import { QueueEmpty, QueueFull, QueueShutDown, ValueError } from "../core/errors.ts";
import { pyRepr } from "../python/format.ts";
import { WaitQueue } from "../core/wait-queue.ts";
import { pyLess } from "./compare.ts";
import { Event } from "./event.ts";
import { Primitive } from "./primitive.ts";

/** Options of the queue constructors. */
export interface QueueOptions {
  /** Most items held at once; 0 or less means unbounded. Default: 0. */
  maxsize?: number;
}

/**
 * Python's `asyncio.Queue(maxsize=0)`: a FIFO queue for passing work between tasks.
 * @example
 * const q = new asyncio.Queue<number>({ maxsize: 2 });
 * await q.put(1);              // waits while the queue is full
 * const item = await q.get();  // waits while it is empty
 * q.taskDone();
 */
export class Queue<T = unknown> extends Primitive {
  private readonly _maxsize: number;
  // Invariant: a pending getter implies the queue is empty, a pending
  // putter that it is full (each put wakes the first getter, each get the
  // first putter); woken ones stay queued until their task runs. And
  // `_finished` is set exactly when `_unfinished` is 0.
  private readonly _getters = new WaitQueue();
  private readonly _putters = new WaitQueue();
  /** Items put and not yet marked done with `taskDone()`. */
  private _unfinished = 0;
  /** What `join()` waits on (made after the queue, so its trace id is the queue's + 1). */
  private readonly _finished = new Event();
  private _isShutdown = false;
  /** @internal The items (subclasses order them differently); FIFO reads from `_head`. */
  protected _items: T[] = [];
  private _head = 0;

  /** `new asyncio.Queue({ maxsize: 2 })` or `new asyncio.Queue(2)`; 0 (the default) is unbounded. */
  constructor(options: QueueOptions | number = {}) {
    super();
    const maxsize = typeof options === "number" ? options : (options.maxsize ?? 0);
    this._maxsize = maxsize;
    this._finished._waitText = "Queue.join()";
    this._finished.set();
  }

  /** Python's `Queue.maxsize`. */
  get maxsize(): number {
    return this._maxsize;
  }

  /** Python's `Queue.qsize()`. */
  qsize(): number {
    return this._items.length - this._head;
  }

  /** Python's `Queue.empty()`. */
  empty(): boolean {
    return this.qsize() === 0;
  }

  /** Python's `Queue.full()`: always false for an unbounded queue. */
  full(): boolean {
    return this._maxsize > 0 && this.qsize() >= this._maxsize;
  }

  /** Python's `await q.put(item)`: waits for a free slot, then adds the item. */
  put(item: T): Coroutine<void> {
    return new Coroutine(this._put(item), "Queue.put");
  }

  private *_put(item: T): Generator<unknown, void, unknown> {
    while (this.full()) {
      if (this._isShutdown) throw new QueueShutDown();
      const putter = this._newWaiter("Queue.put()");
      const node = this._putters.push(putter);
      this._changed();
      try {
        yield putter;
      } catch (e) {
        putter.cancel();
        this._putters.remove(node);
        if (!this.full() && !putter.cancelled()) this._wakeupNext(this._putters);
        throw e;
      }
    }
    this.putNowait(item);
  }

  /** Python's `q.put_nowait(item)`; `QueueFull` if there is no room. */
  putNowait(item: T): void {
    if (this._isShutdown) throw new QueueShutDown();
    if (this.full()) throw new QueueFull();
    this._putItem(item);
    this._unfinished += 1;
    this._finished.clear();
    this._wakeupNext(this._getters);
    this._changed();
  }

  /** Python's `await q.get()`: waits for an item and removes it. */
  get(): Coroutine<T> {
    return new Coroutine(this._get(), "Queue.get");
  }

  private *_get(): Generator<unknown, T, unknown> {
    while (this.empty()) {
      if (this._isShutdown && this.empty()) throw new QueueShutDown();
      const getter = this._newWaiter("Queue.get()");
      const node = this._getters.push(getter);
      this._changed();
      try {
        yield getter;
      } catch (e) {
        getter.cancel();
        this._getters.remove(node);
        if (!this.empty() && !getter.cancelled()) this._wakeupNext(this._getters);
        throw e;
      }
    }
    return this.getNowait();
  }

  /** Python's `q.get_nowait()`; `QueueEmpty` if there is nothing. */
  getNowait(): T {
    if (this.empty()) {
      if (this._isShutdown) throw new QueueShutDown();
      throw new QueueEmpty();
    }
    const item = this._takeItem();
    this._wakeupNext(this._putters);
    this._changed();
    return item;
  }

  /** Python's `q.task_done()`: marks one item as processed. */
  taskDone(): void {
    if (this._unfinished <= 0) throw new ValueError("task_done() called too many times");
    this._unfinished -= 1;
    if (this._unfinished === 0) this._finished.set();
  }

  /** Python's `await q.join()`: waits until every item put has been marked done. */
  join(): Coroutine<void> {
    const self = this;
    return new Coroutine(
      (function* () {
        if (self._unfinished > 0) yield self._finished.wait();
      })(),
      "Queue.join",
    );
  }

  /** Python's `q.shutdown(immediate=False)` (3.13): later puts raise `QueueShutDown`; waiting tasks wake. */
  shutdown(immediate = false): void {
    this._isShutdown = true;
    if (immediate) {
      while (!this.empty()) {
        this._takeItem();
        if (this._unfinished > 0) this._unfinished -= 1;
      }
      if (this._unfinished === 0) this._finished.set();
    }
    for (let g = this._getters.shift(); g !== null; g = this._getters.shift()) if (!g.done()) g.setResult(null);
    for (let p = this._putters.shift(); p !== null; p = this._putters.shift()) if (!p.done()) p.setResult(null);
    this._changed();
  }

  /** @internal Adds an item (FIFO here; subclasses override). */
  protected _putItem(item: T): void {
    this._items.push(item);
  }

  /** @internal Removes the next item (FIFO here; subclasses override). */
  protected _takeItem(): T {
    const item = this._items[this._head] as T;
    this._items[this._head] = undefined as T;
    this._head++;
    if (this._head > 1024 && this._head * 2 > this._items.length) {
      this._items = this._items.slice(this._head);
      this._head = 0;
    }
    return item;
  }

  /** @internal Items in get order, for repr. */
  protected _snapshot(): T[] {
    return this._items.slice(this._head);
  }

  private _wakeupNext(waiters: WaitQueue): void {
    for (let w = waiters.shift(); w !== null; w = waiters.shift()) {
      if (!w.done()) {
        w.setResult(null);
        break;
      }
    }
  }

  /** @internal */ get _kind(): string {
    return "queue";
  }
  /** @internal e.g. "Queue(maxsize=2)". */ get _label(): string {
    return `${this._kindName()}(maxsize=${this._maxsize})`;
  }
  /** @internal Items queued. */ get _value(): number {
    return this.qsize();
  }
  /** @internal Tasks waiting in `get()` or `put()`. */ get _waiting(): number {
    return this._getters.size + this._putters.size;
  }

  /** Python's repr: `<Queue maxsize=2 _queue=[1] _getters[1] tasks=1>`. */
  __repr__(): string {
    let s = `maxsize=${this._maxsize}`;
    if (!this.empty()) s += ` _queue=${pyRepr(this._snapshot())}`;
    if (this._getters.size) s += ` _getters[${this._getters.size}]`;
    if (this._putters.size) s += ` _putters[${this._putters.size}]`;
    if (this._unfinished) s += ` tasks=${this._unfinished}`;
    if (this._isShutdown) s += " shutdown";
    return `<${this._kindName()} ${s}>`;
  }

  /** @internal */
  protected _kindName(): string {
    return "Queue";
  }
}

/** Python's `asyncio.LifoQueue`: the last item put is the first got. */
export class LifoQueue<T = unknown> extends Queue<T> {
  /** @internal The last item put. */
  protected override _takeItem(): T {
    return this._items.pop() as T;
  }
  /** @internal */
  protected override _snapshot(): T[] {
    return [...this._items];
  }
  /** @internal */
  protected override _kindName(): string {
    return "LifoQueue";
  }
}

/**
 * Python's `asyncio.PriorityQueue`: the smallest item first, compared as
 * Python compares (numbers, strings, and arrays as tuples: `[1, "job"]`).
 * The heap is `heapq`'s, step for step, so equal priorities come out in
 * the same order as in Python.
 */
export class PriorityQueue<T = unknown> extends Queue<T> {
  /** @internal `heapq.heappush`. */
  protected override _putItem(item: T): void {
    this._items.push(item);
    siftDown(this._items, 0, this._items.length - 1);
  }
  /** @internal `heapq.heappop`. */
  protected override _takeItem(): T {
    const heap = this._items;
    const last = heap.pop() as T;
    if (heap.length === 0) return last;
    const top = heap[0] as T;
    heap[0] = last;
    siftUp(heap, 0);
    return top;
  }
  /** @internal */
  protected override _snapshot(): T[] {
    return [...this._items];
  }
  /** @internal */
  protected override _kindName(): string {
    return "PriorityQueue";
  }
}

/** `heapq._siftdown`. */
function siftDown<T>(heap: T[], start: number, pos: number): void {
  const item = heap[pos];
  while (pos > start) {
    const parentPos = (pos - 1) >> 1;
    const parent = heap[parentPos];
    if (!pyLess(item, parent)) break;
    heap[pos] = parent;
    pos = parentPos;
  }
  heap[pos] = item;
}

/** `heapq._siftup`: move the smaller child up to a leaf, then sift the item down. */
function siftUp<T>(heap: T[], pos: number): void {
  const end = heap.length;
  const start = pos;
  const item = heap[pos];
  let child = 2 * pos + 1;
  while (child < end) {
    const right = child + 1;
    if (right < end && !pyLess(heap[child], heap[right])) child = right;
    heap[pos] = heap[child];
    pos = child;
    child = 2 * pos + 1;
  }
  heap[pos] = item;
  siftDown(heap, start, pos);
}
