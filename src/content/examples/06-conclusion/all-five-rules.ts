import * as asyncio from "asyncio";
import * as aiohttp from "aiohttp";
import * as time from "time";

const API = "https://api.ratelimited.example/items";
const urls = [`${API}/1`, "https://blackhole.example/", `${API}/2`, "https://refused.example/", `${API}/3`, `${API}/4`];
const limit = new asyncio.Semaphore(3); // rule 2: bound your concurrency
const timeout = new aiohttp.ClientTimeout({ total: 2 }); // rule 4: a timeout on every wait

function saveReport(lines: string[]): number {
  time.sleep(0.5); // a blocking write to disk
  return lines.length;
}

async function check(session: aiohttp.ClientSession, url: string) {
  await using _ = limit;
  try {
    const resp = await session.get(url);
    return `${url}: ${resp.status}`;
  } catch (e) {
    // rule 5: handle errors per task
    if (e instanceof TimeoutError) return `${url}: timed out`;
    if (e instanceof aiohttp.ClientError) return `${url}: ${str(e)}`;
    throw e;
  }
}

async function main() {
  const start = time.monotonic();
  await using session = new aiohttp.ClientSession({ timeout }); // applies to every request
  const lines = await asyncio.gather(...urls.map((url) => check(session, url))); // rule 1: await every coroutine
  const saved = await asyncio.toThread(saveReport, lines); // rule 3: never block the loop
  for (const line of lines) print(line);
  print(`saved ${saved} lines, took ${(time.monotonic() - start).toFixed(1)} s`);
}

asyncio.run(main());
