"""capture/format/print_call_graph (3.14): a task's stack, innermost first, then who awaits it: a gather child is awaited by the task that called gather; limit and depth slice the stack."""
# requires: Python 3.14 (asyncio.format_call_graph)
import asyncio
import re
from vclock import run, log, exc_str


async def leaf(n):
    await asyncio.sleep(n)


async def middle():
    await leaf(2)


async def worker():
    show(asyncio.format_call_graph())
    await middle()


async def gatherer():
    await asyncio.gather(worker(), leaf(1))


async def main():
    t = asyncio.create_task(gatherer(), name="gatherer")
    await asyncio.sleep(0.5)
    tasks = sorted(asyncio.all_tasks(), key=lambda x: x.get_name())
    log(f"tasks: {[x.get_name() for x in tasks]}")
    for x in tasks[1:]:
        show(asyncio.format_call_graph(x))
    g = asyncio.capture_call_graph(tasks[1])
    log(f"stack of {g.future.get_name()}: {[e.frame.f_code.co_qualname for e in g.call_stack]}")
    log(f"awaited by: {[p.future.get_name() for p in g.awaited_by]}")
    show(asyncio.format_call_graph(tasks[1], limit=2))
    show(asyncio.format_call_graph(tasks[1], limit=-1))
    show(asyncio.format_call_graph(tasks[1], limit=0))
    out = Buffer()
    asyncio.print_call_graph(file=out)
    show(out.text)
    show(asyncio.format_call_graph(depth=1))
    log(f"gatherer -> {await t}")


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
