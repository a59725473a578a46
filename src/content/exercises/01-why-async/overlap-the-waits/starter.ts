import * as asyncio from "asyncio";
import * as requests from "requests";
import * as time from "time";

// Five pages to download; each takes one second to answer.
const urls: string[] = [1, 2, 3, 4, 5].map((n) => `https://httpbin.org/delay/1?page=${n}`);

async function main() {
  const start = time.monotonic();
  for (const [i, url] of urls.entries()) {
    const resp = requests.get(url); // blocks the loop for the whole second
    print(`page ${i + 1}: ${resp.statusCode}`);
  }
  print(`took ${(time.monotonic() - start).toFixed(1)} s`);
}

asyncio.run(main());
