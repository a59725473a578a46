"""Call graph (3.14): a TaskGroup's tasks are awaited by the group's parent, seen waiting in TaskGroup._aexit; a task awaiting another task or a plain Future is awaited by it directly; a Future prints as Future(id=...)."""
# requires: Python 3.14 (asyncio.format_call_graph)
import asyncio
import re
from vclock import run, log, exc_str


async def child(fut):
    await fut


async def report():
    await asyncio.sleep(1)
    show(asyncio.format_call_graph())


async def inner_group(fut):
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child(fut), name="grandchild")
        tg.create_task(report(), name="reporter")


async def waiter(t):
    return await t


async def main():
    fut = asyncio.get_running_loop().create_future()
    solo = asyncio.create_task(child(asyncio.sleep(3, "solo")), name="solo")
    # the outer group: main waits for its tasks at the end of the block
    async with asyncio.TaskGroup() as tg:
        tg.create_task(inner_group(fut), name="inner-group")
        tg.create_task(waiter(solo), name="waiter")
        await asyncio.sleep(2)
        show(asyncio.format_call_graph(fut))
        g = asyncio.capture_call_graph(fut)
        log(f"future awaited by {[p.future.get_name() for p in g.awaited_by]}; it by {[q.future.get_name() for q in g.awaited_by[0].awaited_by]}")
        show(asyncio.format_call_graph(solo))
        fut.set_result("go")
    log(f"group done, solo -> {solo.result()}")


class Buffer:
    text = ""

    def write(self, s):
        self.text += s


def show(text):
    # ids are addresses in CPython and trace ids in Async Lab: number them by first appearance
    ids = {}
    text = re.sub(r"id=0x[0-9a-f]+", lambda m: f"id=#{ids.setdefault(m.group(0), len(ids) + 1)}", text)
    text = text.replace(f"File {__file__!r}", "File 'main'")
    print(re.sub(r"File '[^']*/(asyncio/\w+\.py)'", r"File '\1'", text).rstrip("\n"))


run(main())
