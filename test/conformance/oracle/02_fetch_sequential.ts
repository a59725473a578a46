// Blog: awaiting 5 one-second fetches one after another takes 5 s; each starts when the previous returns.
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
  const results: string[] = [];
  for (const url of URLS) {
    results.push(await fetch(url));
  }
  log(`sequential: ${results.length} pages, last=${results[results.length - 1]}`);
}

asyncio.run(main());
