"""Nested TaskGroups: an inner group's ExceptionGroup fails the outer group's child, so the outer group raises an ExceptionGroup containing the inner one; the outer sibling is cancelled; except* matches leaves at any depth."""
import asyncio
from vclock import run, log, exc_str


tree = lambda e: f"{type(e).__name__}({len(e.exceptions)})[{', '.join(map(tree, e.exceptions))}]" if isinstance(e, BaseExceptionGroup) else exc_str(e)


async def child(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        log(f"{name} cancelled")
        raise
    log(f"{name} {'raising' if fail else 'done'}")
    if fail:
        raise ValueError(name)


async def inner_group():
    async with asyncio.TaskGroup() as tg:
        for name, delay, fail in (("inner-ok", 0.5, False), ("inner-bad", 1, True), ("inner-slow", 3, False)):
            tg.create_task(child(name, delay, fail))


async def main():
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(inner_group())
            outer.create_task(child("outer-slow", 3))
    except ExceptionGroup as eg:
        log(f"caught {tree(eg)}; inner: {exc_str(eg.exceptions[0])}")
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(inner_group())
    except* ValueError as eg:
        log(f"except* ValueError got {tree(eg)}")


run(main())
