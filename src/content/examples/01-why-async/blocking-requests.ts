import * as asyncio from "asyncio";
import * as requests from "requests";
import * as time from "time";

// Five requests to an endpoint that takes exactly one second to answer.
const urls: string[] = Array(5).fill("https://httpbin.org/delay/1");

async function main() {
  const start = time.monotonic();
  const bodies: string[] = [];
  for (const [i, url] of urls.entries()) {
    // requests.get blocks: the event loop can do nothing else until it returns.
    const resp = requests.get(url);
    print(`request ${i + 1}: ${resp.statusCode}`);
    bodies.push(resp.text);
  }
  print(`${bodies.length} responses, took ${(time.monotonic() - start).toFixed(1)} s`);
}

asyncio.run(main());
