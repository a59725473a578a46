// W3 fan-out gather: gather of N coroutines each awaiting its own future; a producer resolves them in order. Ops: N tasks.
import * as asyncio from "asyncio";

const N = Number("__N__");

async function consumer(f: asyncio.Future<number>) {
  return await f;
}

async function main() {
  const loop = asyncio.getRunningLoop();
  const futs: asyncio.Future<number>[] = [];
  for (let i = 0; i < N; i++) futs.push(loop.createFuture<number>());
  async function producer() {
    await asyncio.sleep(0); // every consumer is now blocked on its future
    futs.forEach((f, i) => f.setResult(i));
  }
  const prod = asyncio.createTask(producer());
  const res = await asyncio.gather(...futs.map(consumer));
  await prod;
  if (res.length !== N || res[N - 1] !== N - 1) throw new RuntimeError("W3 check failed");
}

asyncio.run(main());
print("ok");
