"""Future: result() while pending -> InvalidStateError('Result is not set.'); setting twice -> InvalidStateError('invalid state'); done callbacks run one iteration after completion, in registration order, also when added to an already-done future; remove_done_callback returns the count removed."""
import asyncio
from vclock import run, log, exc_str


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    try:
        f.result()
    except asyncio.InvalidStateError as e:
        log(f"result() while pending: {exc_str(e)}")
    cb = lambda fut, tag: log(f"callback {tag}: result={fut.result()}")
    f.add_done_callback(lambda fut: cb(fut, "A"))
    extra = lambda fut: cb(fut, "removed")
    f.add_done_callback(extra)
    f.add_done_callback(extra)
    f.add_done_callback(lambda fut: cb(fut, "B"))
    log(f"remove_done_callback -> {f.remove_done_callback(extra)}")
    f.set_result(1)
    log("set_result(1) done; callbacks not run yet")
    try:
        f.set_result(2)
    except asyncio.InvalidStateError as e:
        log(f"set_result twice: {exc_str(e)}")
    f.add_done_callback(lambda fut: cb(fut, "late"))
    await asyncio.sleep(0)
    log("after one iteration")
    c = loop.create_future()
    c.cancel()
    try:
        c.exception()
    except asyncio.CancelledError as e:
        log(f"exception() of a cancelled future raises {exc_str(e)}")
    e = loop.create_future()
    e.set_exception(KeyError("x"))
    log(f"exception() -> {exc_str(e.exception())}; done={e.done()} cancelled={e.cancelled()}")


run(main())
