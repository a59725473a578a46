"""vclock -- deterministic virtual-time runner for CPython asyncio (3.11).

THREAD-LESS COPY for CPython 3.14 under Pyodide (tools/py314, see its
README).  Pyodide can start no thread and has no socketpair(), so this copy
differs from the oracle's vclock.py in two places:
  * an executor job does not get a thread: its function runs to the end the
    first time the simulator reaches it, on a clock of its own (time.sleep /
    vsleep in it advance that clock; now() reads it), and what it printed is
    held back and written when the simulator reaches the moment it would have
    been printed.  The simulator then replays the job's sleeps as the events
    a thread would have produced (same times, same creation order), and the
    last one completes the job's future.  So timing and output are the
    thread model's, as long as a job only sleeps, computes, records now() and
    prints (the oracle's rule); a job that changes state the loop reads, or
    calls into the loop, would do so early (call_soon_threadsafe from inside
    a job raises instead of silently doing that);
  * the loop has no self-pipe (call_soon_threadsafe only sets _vwoken).
And one for 3.12+: VirtualLoop.create_task passes every keyword argument on
(the oracle's names only name= and context=), so create_task(coro,
eager_start=True) and eager task factories work.
Cross-check mode (VCLOCK_REAL) is not available here.

Public API
----------
run(main_coro)       like asyncio.run(), but on a VirtualLoop: time is virtual,
                     starts at 0.0, and sleeping costs no real time.
now()                current virtual time (seconds, float).
log(msg)             print(f"{now():.3f} {msg}") to stdout.
block(s)             blocking sleep on the current thread; on the loop thread it
                     models time.sleep(s) inside a coroutine: the clock jumps
                     by s while no callback/task can run (timers fire late).
vsleep(s)            virtual time.sleep(); inside an executor "thread" it only
                     blocks that worker; on the loop thread it is block(s).
                     While run() is active, time.sleep is patched to vsleep.
ThreadPoolExecutor   (alias of VirtualExecutor) a deterministic executor whose
                     "threads" advance in virtual time (honours max_workers,
                     FIFO queueing).  Also used as the loop's default executor
                     (run_in_executor(None, ...), asyncio.to_thread).

Anything asyncio would print on stderr through the loop's exception handler
("Task exception was never retrieved", "Task was destroyed but it is
pending!", "Exception in callback ...") and Python warnings such as
"coroutine 'x' was never awaited" are printed on stdout as one line starting
with "WARN ".  Automatic cyclic GC is disabled inside run(); gc.collect() is
forced when run() ends so that finalizer messages appear deterministically.

See README.md for the model and its known deviations from real asyncio.
"""

import asyncio
import asyncio.events as _events
import asyncio.runners as _runners
import collections
import concurrent.futures
import gc
import heapq
import itertools
import os
import re
import selectors
import sys
import time
import warnings
import weakref

__all__ = [
    "run", "now", "log", "block", "vsleep", "exc_str", "ThreadPoolExecutor",
    "VirtualExecutor", "VirtualLoop", "VirtualDeadlock", "DEFAULT_MAX_WORKERS",
]

# The real default executor uses min(32, os.cpu_count() + 4) workers; we fix
# it to the value for an 8-CPU machine so results do not depend on the host.
DEFAULT_MAX_WORKERS = 12

_real_sleep = time.sleep
_sim = None                 # the simulator of the current (or last) run()
_job = None                 # the executor job whose function is running (thread-less)

# Cross-check mode (VCLOCK_REAL=1): run on a *real* SelectorEventLoop, real
# threads and real sleeps, with time scaled by VCLOCK_SCALE (real seconds per
# virtual second).  Output is then only approximately timed; crosscheck.py
# compares it with the virtual-time .out files using a tolerance.
REAL = os.environ.get("VCLOCK_REAL", "") not in ("", "0")
if REAL:
    raise ImportError("thread-less vclock: no cross-check mode (VCLOCK_REAL) under Pyodide")
SCALE = float(os.environ.get("VCLOCK_SCALE", "0.1"))
_real_t0 = None
_real_frozen = None     # clock value once run() has finished (cross-check mode)


class VirtualDeadlock(RuntimeError):
    """The loop would block forever: nothing ready, no timer, no thread."""


# --------------------------------------------------------------------------
# The simulator: one virtual clock shared by the loop thread and the
# executor "threads".  Only one of them runs Python code at any moment.
# --------------------------------------------------------------------------

class _Sim:
    def __init__(self):
        self.now = 0.0
        self.loop = None
        self._events = []                   # heap of (time, seq, job)
        self._seq = itertools.count()

    def push(self, t, job):
        heapq.heappush(self._events, (t, next(self._seq), job))

    def next_time(self):
        return self._events[0][0] if self._events else None

    def run_until(self, until, stop_on_wake=False):
        """Run the worker segments due at or before `until` (None: all of
        them), in virtual-time order, moving the clock forward to each.
        With stop_on_wake, return True as soon as a worker has woken the loop
        (call_soon_threadsafe), e.g. because its future completed."""
        while self._events and (until is None or self._events[0][0] <= until):
            t, _, job = heapq.heappop(self._events)
            if t > self.now:
                self.now = t
            self._resume(job)
            if stop_on_wake and self.loop is not None and self.loop._vwoken:
                return True
        return False

    def _resume(self, job):
        job._resume()

    def advance(self, s):
        """Blocking sleep of the current (non-worker) thread: workers keep
        running in virtual time, the clock ends at now + s."""
        target = self.now + s
        self.run_until(target)
        if target > self.now:
            self.now = target

    def drain(self):
        self.run_until(None)


def _require_sim():
    if _sim is None:
        raise RuntimeError("vclock: no virtual clock (call inside vclock.run())")
    return _sim


def now():
    """Current virtual time in seconds."""
    if REAL:
        if _real_frozen is not None:
            return _real_frozen
        return 0.0 if _real_t0 is None else (time.monotonic() - _real_t0) / SCALE
    if _job is not None:
        return _job._clock
    return _sim.now if _sim is not None else 0.0


def _emit(line):
    # one write per line, so lines of concurrent real threads never interleave
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def log(msg):
    """print(f"{now():.3f} {msg}")"""
    _emit(f"{now():.3f} {msg}")


def vsleep(s):
    """Virtual replacement of time.sleep()."""
    if s < 0:
        raise ValueError("sleep length must be non-negative")
    if REAL:
        return _real_sleep(s * SCALE)
    job = _job
    sim = _require_sim()
    if job is None:
        sim.advance(s)          # loop thread: everything else is frozen
    else:
        job._sleep(s)           # worker "thread": only this worker waits


def block(s):
    """time.sleep(s) called directly in a coroutine (on the loop thread)."""
    vsleep(s)


# --------------------------------------------------------------------------
# Executor
# --------------------------------------------------------------------------

class _VFuture(concurrent.futures.Future):
    """concurrent.futures.Future whose blocking result()/exception(), when
    called on the loop thread, wait in virtual time."""

    def _vwait(self, timeout):
        if self.done():
            return
        if _job is not None:
            raise RuntimeError("vclock: a worker thread cannot block on another future")
        sim = _require_sim()
        deadline = None if timeout is None else sim.now + timeout
        while not self.done():
            t = sim.next_time()
            if t is None or (deadline is not None and t > deadline):
                if deadline is None:
                    raise VirtualDeadlock("future can never complete")
                sim.now = max(sim.now, deadline)
                return
            sim.run_until(t)

    def result(self, timeout=None):
        self._vwait(timeout)
        return super().result(timeout=0 if timeout is not None or not self.done() else None)

    def exception(self, timeout=None):
        self._vwait(timeout)
        return super().exception(timeout=0 if timeout is not None or not self.done() else None)


class _Job:
    """An executor job without a thread.  The thread model ran the function
    in segments: from its start to its first sleep, from each sleep's end to
    the next, the last one completing the future; each segment began when the
    simulator reached its event.  Here the whole function runs in the first
    segment (on the job's own clock, its output held back per segment), and
    the later events only release that output and, at the last one, complete
    the future, so every event has the time and creation order it had."""

    def __init__(self, executor, fn, args, kwargs, future):
        self.executor = executor
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        self.future = future
        self._sim = None
        self._started = False
        self._clock = 0.0
        self._segments = []     # after the first: [sleep length, text printed after it]
        self._outcome = None    # (ok, value) once the function has returned or raised

    def start(self, sim, name):
        self._sim = sim
        self.name = name
        sim.push(sim.now, self)   # the "thread" first runs at the next hand-off

    def _sleep(self, s):
        self._clock += s
        self._segments.append([s, ""])

    def _resume(self):
        sim = self._sim
        if not self._started:
            self._started = True
            if not self.future.set_running_or_notify_cancel():
                self._finish()
                return
            self._run_function(sim.now)
        else:
            _, text = self._segments.pop(0)
            if text:
                sys.stdout.write(text)
                sys.stdout.flush()
        if self._segments:
            sim.push(sim.now + self._segments[0][0], self)
        else:
            self._finish()

    def _run_function(self, t):
        global _job
        first = []
        job = self

        class _HeldOutput:
            def write(self, text):
                if job._segments:
                    job._segments[-1][1] += text
                else:
                    first.append(text)
                return len(text)

            def flush(self):
                pass

        real_stdout = sys.stdout
        sys.stdout = _HeldOutput()
        self._clock = t
        _job = self
        try:
            self._outcome = (True, self.fn(*self.args, **self.kwargs))
        except BaseException as exc:
            self._outcome = (False, exc)
        finally:
            _job = None
            sys.stdout = real_stdout
            self.fn = self.args = self.kwargs = None
        if first:
            sys.stdout.write("".join(first))
            sys.stdout.flush()

    def _finish(self):
        if self._outcome is not None:
            ok, value = self._outcome
            self._outcome = None
            if ok:
                self.future.set_result(value)
            else:
                self.future.set_exception(value)
        self.executor._job_done(self)


class VirtualExecutor(concurrent.futures.ThreadPoolExecutor):
    """ThreadPoolExecutor look-alike running its jobs in virtual time.

    A job starts when a worker is free (FIFO queue otherwise); its function
    runs in a real thread, but in lock-step with the simulator: only when the
    loop thread is waiting (select / block), and each time.sleep()/vsleep()
    inside it advances only that worker's virtual time.  The job's future is
    completed at start + total blocking time."""

    _counter = itertools.count()

    def __init__(self, max_workers=None, thread_name_prefix="",
                 initializer=None, initargs=()):
        if max_workers is None:
            max_workers = DEFAULT_MAX_WORKERS
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None:
            raise NotImplementedError("vclock: executor initializer is not modelled")
        self._max_workers = max_workers
        self._thread_name_prefix = (thread_name_prefix or
                                    f"ThreadPoolExecutor-{next(self._counter)}")
        self._vqueue = collections.deque()
        self._vrunning = 0
        self._vstarted = 0
        self._shutdown = False
        self._on_idle = []

    def submit(self, fn, /, *args, **kwargs):
        if self._shutdown:
            raise RuntimeError("cannot schedule new futures after shutdown")
        sim = _require_sim()
        f = _VFuture()
        self._vqueue.append(_Job(self, fn, args, kwargs, f))
        self._dispatch(sim)
        return f

    def _dispatch(self, sim):
        while self._vqueue and self._vrunning < self._max_workers:
            job = self._vqueue.popleft()
            self._vrunning += 1
            name = f"{self._thread_name_prefix}_{self._vstarted}"
            self._vstarted += 1
            job.start(sim, name)

    def _idle(self):
        return self._vrunning == 0 and not self._vqueue

    def _job_done(self, job):
        self._vrunning -= 1
        self._dispatch(job._sim)
        if self._idle():
            cbs, self._on_idle = self._on_idle, []
            for cb in cbs:
                cb()

    def _when_idle(self, cb):
        if self._idle():
            cb()
        else:
            self._on_idle.append(cb)

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True
        if cancel_futures:
            while self._vqueue:
                self._vqueue.popleft().future.cancel()
        if wait and not self._idle():
            if _job is not None:
                raise RuntimeError("vclock: shutdown(wait=True) inside a worker")
            sim = _require_sim()
            while not self._idle():          # blocks this thread (virtually)
                t = sim.next_time()
                if t is None:
                    raise VirtualDeadlock("executor can never become idle")
                sim.run_until(t)


ThreadPoolExecutor = concurrent.futures.ThreadPoolExecutor if REAL else VirtualExecutor


# --------------------------------------------------------------------------
# Event loop
# --------------------------------------------------------------------------

_timer_seq = itertools.count()


class _VTimerHandle(asyncio.TimerHandle):
    """TimerHandle ordered by (when, creation order).  With a virtual clock
    many deadlines are exactly equal; real deadlines would differ by the
    time spent between the calls, i.e. they are ordered by creation.  Plain
    heapq ordering of equal keys is not FIFO, hence the tie-breaker."""

    __slots__ = ("_vseq",)

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(when, callback, args, loop, context)
        self._vseq = next(_timer_seq)

    def _key(self):
        return (self._when, self._vseq)

    def __lt__(self, other):
        if isinstance(other, _VTimerHandle):
            return self._key() < other._key()
        return super().__lt__(other)

    def __le__(self, other):
        if isinstance(other, _VTimerHandle):
            return self._key() <= other._key()
        return super().__le__(other)

    def __gt__(self, other):
        if isinstance(other, _VTimerHandle):
            return self._key() > other._key()
        return super().__gt__(other)

    def __ge__(self, other):
        if isinstance(other, _VTimerHandle):
            return self._key() >= other._key()
        return super().__ge__(other)


class _VSelector(selectors._BaseSelectorImpl):
    """Never waits: select(timeout) advances the virtual clock instead."""

    def __init__(self):
        super().__init__()
        self.loop = None

    def select(self, timeout=None):
        return self.loop._vselect(timeout)


class _ReportingMixin:
    # -- stderr messages -> normalized stdout lines ------------------------
    def default_exception_handler(self, context):
        message = context.get("message") or "Unhandled exception in event loop"
        parts = [_normalize(message)]
        task = context.get("task") or context.get("future")
        if isinstance(task, asyncio.Task):
            parts.append(f"task={task.get_name()} coro={_coro_name(task.get_coro())}()")
        elif task is not None:
            parts.append(type(task).__name__)
        exc = context.get("exception")
        if exc is not None:
            parts.append(_fmt_exc(exc))
        _emit("WARN " + " | ".join(parts))


class VirtualLoop(_ReportingMixin, asyncio.SelectorEventLoop):
    def __init__(self, sim=None):
        self._vwoken = False
        if sim is None:
            sim = _Sim()
        self._vsim = sim
        self._vtask_counter = itertools.count()
        self._vtask_order = weakref.WeakKeyDictionary()
        selector = _VSelector()
        super().__init__(selector=selector)
        selector.loop = self
        sim.loop = self

    # -- clock ---------------------------------------------------------
    def time(self):
        return self._vsim.now

    def _vselect(self, timeout):
        sim = self._vsim
        if not self._vwoken:
            if timeout is None:
                until = None
            else:
                until = sim.now + timeout
                if self._scheduled:        # land exactly on the deadline
                    when = self._scheduled[0]._when
                    if when > sim.now and abs(when - until) <= 1e-9:
                        until = when
            sim.run_until(until, stop_on_wake=True)
            if not self._vwoken:
                if until is None:
                    raise VirtualDeadlock(
                        "no ready callback, no timer and no running thread")
                if until > sim.now:
                    sim.now = until
        if self._vwoken:     # a thread called call_soon_threadsafe()
            self._vwoken = False
            if self._ssock is not None:
                key = self._selector.get_key(self._ssock.fileno())
                return [(key, selectors.EVENT_READ)]
        return []

    def _write_to_self(self):
        self._vwoken = True     # thread-less: no self-pipe to write to

    # thread-less: no socketpair() under Pyodide, and nothing to wake up
    def _make_self_pipe(self):
        self._ssock = self._csock = None

    def _close_self_pipe(self):
        pass

    def call_soon_threadsafe(self, callback, *args, context=None):
        if _job is not None:
            raise RuntimeError("thread-less vclock: an executor job cannot call into the loop "
                               "(its function runs ahead of its virtual time)")
        return super().call_soon_threadsafe(callback, *args, context=context)

    # -- timers with FIFO tie-break --------------------------------------
    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, "call_at")
        timer = _VTimerHandle(when, callback, args, self, context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    # -- task creation order (used for a deterministic shutdown) ------------
    def create_task(self, coro, **kwargs):   # 3.14 copy: passes eager_start= on
        task = super().create_task(coro, **kwargs)
        self._vtask_order[task] = next(self._vtask_counter)
        return task

    def _vorder(self, task):
        return self._vtask_order.get(task, -1)

    # -- executors ------------------------------------------------------
    def run_in_executor(self, executor, func, *args):
        if executor is None and self._default_executor is None:
            self._check_closed()
            self._check_default_executor()
            self._default_executor = VirtualExecutor(thread_name_prefix="asyncio")
        return super().run_in_executor(executor, func, *args)

    async def shutdown_default_executor(self):
        self._executor_shutdown_called = True
        executor = self._default_executor
        if executor is None:
            return
        if not isinstance(executor, VirtualExecutor):
            return await super().shutdown_default_executor()
        executor._shutdown = True
        future = self.create_future()

        def done():
            if not self.is_closed():
                self.call_soon_threadsafe(future.set_result, None)
        executor._when_idle(done)
        await future


class _ScaledSelector:
    """Real selector whose timeouts are in scaled (virtual) seconds."""

    def __init__(self):
        self._sel = selectors.DefaultSelector()

    def select(self, timeout=None):
        return self._sel.select(None if timeout is None else timeout * SCALE)

    def __getattr__(self, name):
        return getattr(self._sel, name)


class RealScaledLoop(_ReportingMixin, asyncio.SelectorEventLoop):
    """Cross-check mode loop: real time, scaled."""

    def __init__(self):
        super().__init__(selector=_ScaledSelector())

    def time(self):
        return (time.monotonic() - _real_t0) / SCALE


def _coro_name(coro):
    return getattr(coro, "__qualname__", None) or type(coro).__name__


def exc_str(exc):
    """'ValueError: boom' -- like the last line of a traceback
    ('TimeoutError' alone when str(exc) is empty)."""
    msg = str(exc)
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__


_fmt_exc = exc_str


_ADDR = re.compile(r" at 0x[0-9a-fA-F]+")
_SRC = re.compile(r" at [^ ]+:\d+")


def _normalize(text):
    text = _ADDR.sub("", text)
    text = _SRC.sub("", text)
    return text.splitlines()[0] if text else text


def _describe(obj):
    if asyncio.iscoroutine(obj) and hasattr(obj, "__qualname__"):
        return f"coroutine '{obj.__qualname__}'"
    if isinstance(obj, asyncio.Task):
        return f"task={obj.get_name()} coro={_coro_name(obj.get_coro())}()"
    return _normalize(repr(obj))


def _showwarning(message, category, filename, lineno, file=None, line=None):
    text = str(message)
    text = text.splitlines()[0] if text else ""
    if category is RuntimeWarning:
        _emit(f"WARN {text}")
    else:
        _emit(f"WARN {category.__name__}: {text}")


def _unraisablehook(u):
    where = u.err_msg or "Exception ignored in"
    obj = "" if u.object is None else " " + _describe(u.object)
    exc = "" if u.exc_value is None else " | " + _fmt_exc(u.exc_value)
    _emit(f"WARN {where}:{obj}{exc}")


# --------------------------------------------------------------------------
# Runner
# --------------------------------------------------------------------------

def _cancel_all_tasks(loop):
    """asyncio.runners._cancel_all_tasks, but cancelling in task creation
    order (asyncio iterates a set, i.e. memory-address order)."""
    to_cancel = sorted(asyncio.all_tasks(loop), key=loop._vorder)
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(asyncio.gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler({
                "message": "unhandled exception during asyncio.run() shutdown",
                "exception": task.exception(),
                "task": task,
            })


class _Runner(asyncio.Runner):
    def close(self):
        if self._state is not _runners._State.INITIALIZED:
            return
        try:
            loop = self._loop
            _cancel_all_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            if self._set_event_loop:
                _events.set_event_loop(None)
            loop.close()
            self._loop = None
            self._state = _runners._State.CLOSED


def run(main, *, debug=None):
    """asyncio.run(main) on a fresh VirtualLoop whose clock starts at 0.0.
    Returns main's result or raises its exception, like asyncio.run().
    If the loop would block forever, prints "<t> DEADLOCK ..." and returns
    None (after the usual shutdown, which cancels the remaining tasks)."""
    global _sim
    if _events._get_running_loop() is not None:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    if REAL:
        return _run_real(main, debug)
    sim = _Sim()
    _sim = sim
    saved = (warnings.showwarning, sys.unraisablehook, time.sleep)
    warnings.showwarning = _showwarning
    sys.unraisablehook = _unraisablehook
    time.sleep = vsleep
    gc_enabled = gc.isenabled()
    gc.disable()
    try:
        with _Runner(debug=debug, loop_factory=lambda: VirtualLoop(sim)) as runner:
            try:
                return runner.run(main)
            except VirtualDeadlock as exc:
                log(f"DEADLOCK: {exc}")
                return None
    finally:
        sim.drain()          # executor threads still busy (non-default pools)
        gc.collect()
        gc.collect()
        warnings.showwarning, sys.unraisablehook, time.sleep = saved
        if gc_enabled:
            gc.enable()


def _run_real(main, debug):
    """Cross-check mode: plain asyncio.Runner (real shutdown order too)."""
    global _real_t0, _real_frozen
    saved = (warnings.showwarning, sys.unraisablehook, time.sleep)
    warnings.showwarning = _showwarning
    sys.unraisablehook = _unraisablehook
    time.sleep = vsleep
    gc_enabled = gc.isenabled()
    gc.disable()
    _real_frozen = None
    _real_t0 = time.monotonic()
    end = 0.0

    def factory():
        loop = RealScaledLoop()
        loop.set_default_executor(
            concurrent.futures.ThreadPoolExecutor(DEFAULT_MAX_WORKERS, "asyncio"))
        return loop
    try:
        with asyncio.Runner(debug=debug, loop_factory=factory) as runner:
            try:
                return runner.run(main)
            finally:
                end = now()
    finally:
        _real_frozen = end      # the virtual clock also stops when run() ends
        gc.collect()
        gc.collect()
        warnings.showwarning, sys.unraisablehook, time.sleep = saved
        if gc_enabled:
            gc.enable()


# --------------------------------------------------------------------------
# Self-test:  python3 vclock.py
# --------------------------------------------------------------------------

def _capture(fn):
    import contextlib
    import io
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        fn()
    return buf.getvalue().splitlines()


def _selftest():
    def check(name, got, want):
        if got != want:
            print(f"FAIL {name}\n  got:  {got}\n  want: {want}")
            raise SystemExit(1)
        print(f"ok   {name}")

    # 1. virtual clock, sleep takes no real time, log() format
    async def t_clock():
        log("start")
        await asyncio.sleep(1.5)
        log(f"loop.time={asyncio.get_running_loop().time()}")
        await asyncio.sleep(3600)
        log("end")
    t0 = time.perf_counter()
    out = _capture(lambda: run(t_clock()))
    check("clock/log", out, ["0.000 start", "1.500 loop.time=1.5", "3601.500 end"])
    check("no real time spent", time.perf_counter() - t0 < 1.0, True)

    # 2. equal deadlines fire in creation order (FIFO)
    async def t_fifo():
        async def w(i):
            await asyncio.sleep(1)
            log(f"w{i}")
        await asyncio.gather(*(w(i) for i in range(8)))
    check("timer FIFO", _capture(lambda: run(t_fifo())),
          [f"1.000 w{i}" for i in range(8)])

    # 3. block(): freezes the loop, timers fire late
    async def t_block():
        async def sleeper():
            await asyncio.sleep(0.5)
            log("sleeper woke")
        t = asyncio.create_task(sleeper())
        await asyncio.sleep(0)
        block(2)
        log("block done")
        await t
    check("block", _capture(lambda: run(t_block())),
          ["2.000 block done", "2.000 sleeper woke"])

    # 4. executor: thread time, queueing with max_workers, to_thread
    def job(i, d):
        log(f"job{i} start")
        time.sleep(d)
        log(f"job{i} end")
        return i

    async def t_exec():
        loop = asyncio.get_running_loop()
        with ThreadPoolExecutor(max_workers=2) as pool:
            futs = [loop.run_in_executor(pool, job, i, 1) for i in range(3)]
            log(f"results {await asyncio.gather(*futs)}")
        r = await asyncio.to_thread(job, 9, 0.25)
        log(f"to_thread {r}")
    check("executor", _capture(lambda: run(t_exec())), [
        "0.000 job0 start", "0.000 job1 start", "1.000 job0 end",
        "1.000 job1 end", "1.000 job2 start", "2.000 job2 end",
        "2.000 results [0, 1, 2]", "2.000 job9 start", "2.250 job9 end",
        "2.250 to_thread 9"])

    # 5. executor keeps running while the loop thread is blocked
    async def t_exec_block():
        loop = asyncio.get_running_loop()
        fut = loop.run_in_executor(None, job, 1, 1)
        await asyncio.sleep(0)
        block(3)
        log("unblocked")
        log(f"got {await fut}")
    check("executor during block", _capture(lambda: run(t_exec_block())), [
        "0.000 job1 start", "1.000 job1 end", "3.000 unblocked", "3.000 got 1"])

    # 6. warnings and loop exception-handler messages
    async def greet():
        pass

    async def t_warn():
        async def boom():
            raise ValueError("bad")
        greet()
        asyncio.create_task(boom())
        await asyncio.sleep(0.1)
        log("end")
    out = _capture(lambda: run(t_warn()))
    check("warnings", [re.sub(r"Task-\d+", "Task-N", s) for s in out], [
        "WARN coroutine '_selftest.<locals>.greet' was never awaited",
        "WARN Task exception was never retrieved | task=Task-N coro=_selftest.<locals>.t_warn.<locals>.boom() | ValueError: bad",
        "0.100 end"])

    # 6b. loop exception handler: callbacks raising, pending task destroyed
    def bad_callback():
        raise RuntimeError("cb failed")

    async def t_handler():
        loop = asyncio.get_running_loop()
        loop.call_soon(bad_callback)

        async def forever():
            await loop.create_future()
        asyncio.create_task(forever())
        await asyncio.sleep(1)
        gc.collect()
        log("end")
    out = _capture(lambda: run(t_handler()))
    check("exception handler", [re.sub(r"Task-\d+", "Task-N", s) for s in out], [
        "WARN Exception in callback _selftest.<locals>.bad_callback() | RuntimeError: cb failed",
        "WARN Task was destroyed but it is pending! | task=Task-N coro=_selftest.<locals>.t_handler.<locals>.forever()",
        "1.000 end"])

    # 6c. vsleep argument check; time.sleep patched only inside run()
    async def t_vsleep():
        try:
            time.sleep(-1)
        except ValueError as e:
            log(f"{exc_str(e)} patched={time.sleep is vsleep}")
    check("vsleep", _capture(lambda: run(t_vsleep())),
          ["0.000 ValueError: sleep length must be non-negative patched=True"])
    check("time.sleep restored", time.sleep is _real_sleep, True)

    # 6d. blocking on executor futures from the loop thread is virtual too
    async def t_blocking_wait():
        async def sleeper():
            await asyncio.sleep(0.5)
            log("sleeper woke")
        t = asyncio.create_task(sleeper())
        await asyncio.sleep(0)
        pool = ThreadPoolExecutor(max_workers=1)
        f1 = pool.submit(job, 1, 1)
        f2 = pool.submit(job, 2, 1)
        log(f"f1.result() -> {f1.result()}")     # blocks the loop 1 s
        pool.shutdown(wait=True)                 # blocks until f2 is done
        log(f"shutdown done, f2 -> {f2.result()}")
        await t
    check("blocking waits", _capture(lambda: run(t_blocking_wait())), [
        "0.000 job1 start", "1.000 job1 end", "1.000 job2 start",
        "1.000 f1.result() -> 1", "2.000 job2 end", "2.000 shutdown done, f2 -> 2",
        "2.000 sleeper woke"])

    # 7. deadlock detection
    async def t_dead():
        await asyncio.get_running_loop().create_future()
    check("deadlock", _capture(lambda: run(t_dead())), [
        "0.000 DEADLOCK: no ready callback, no timer and no running thread"])

    # 8. run() returns the value / raises the exception
    async def t_ret():
        await asyncio.sleep(1)
        return 42
    check("return value", run(t_ret()), 42)

    async def t_raise():
        raise KeyError("k")
    try:
        run(t_raise())
    except KeyError as e:
        check("exception propagates", repr(e), "KeyError('k')")
    print("all self-tests passed")


if __name__ == "__main__":
    _selftest()
