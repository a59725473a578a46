// Queue(maxsize=2): put() blocks while the queue is full and resumes when a get() frees a slot; items come out FIFO.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function producer(q: asyncio.Queue<number | null>) {
  for (let i = 0; i < 5; i++) {
    log(`put ${i} (qsize=${q.qsize()} full=${str(q.full())})`);
    await q.put(i);
    log(`put ${i} done`);
  }
  await q.put(null);
}

async function consumer(q: asyncio.Queue<number | null>) {
  await asyncio.sleep(1);
  let item: number | null;
  while ((item = await q.get()) !== null) {
    log(`got ${item}`);
    await asyncio.sleep(1);
  }
  log("consumer done");
}

async function main() {
  const q = new asyncio.Queue<number | null>({ maxsize: 2 });
  await asyncio.gather(producer(q), consumer(q));
}

asyncio.run(main());
