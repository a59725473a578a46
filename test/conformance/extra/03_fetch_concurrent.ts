// Blog: the same 5 one-second fetches run concurrently under gather take 1 s: all start at t=0, all finish at t=1,
// results in URL order.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

const URLS: string[] = [];
for (let i = 1; i < 6; i++) URLS.push(`https://example.com/page${i}`);

async function fetch(url: string) {
  log(`fetch start ${url}`);
  await asyncio.sleep(1);
  log(`fetch done  ${url}`);
  return `<html ${url.slice(-5)}>`;
}

async function main() {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  const results = await asyncio.gather(...URLS.map((url) => fetch(url)));
  log(`concurrent: ${results.length} pages in ${(loop.time() - start).toFixed(3)} s, first=${results[0]} last=${results[results.length - 1]}`);
}

asyncio.run(main());
