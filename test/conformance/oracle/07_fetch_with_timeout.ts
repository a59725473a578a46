// Blog: wait_for(fetch, timeout=1) returns the page if fast, else the caller catches TimeoutError at t=timeout and returns 'Timeout!'.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function fetch(url: string, delay: number) {
  try {
    await asyncio.sleep(delay);
    return `content of ${url}`;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) log(`fetch ${url} cancelled`);
    throw e;
  }
}

async function fetchWithTimeout(url: string, delay: number, timeout = 1.0) {
  try {
    return await asyncio.waitFor(fetch(url, delay), timeout);
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) return "Timeout!";
    throw e;
  }
}

async function main() {
  log(`fast -> ${await fetchWithTimeout("fast.example", 0.5)}`);
  log(`slow -> ${await fetchWithTimeout("slow.example", 5)}`);
  const res = await asyncio.gather(fetchWithTimeout("a", 0.25), fetchWithTimeout("b", 3));
  log(`gather -> ${str(res)}`);
  log(`asyncio.TimeoutError is TimeoutError: ${str(asyncio.TimeoutError === TimeoutError)}`);
}

asyncio.run(main());
