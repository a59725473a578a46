import * as asyncio from "asyncio";
import * as time from "time";

const start = time.monotonic();
const since = () => `${(time.monotonic() - start).toFixed(1)} s`;

function loadReport(name: string, { pages = 1 } = {}) {
  time.sleep(0.5 * pages); // a blocking library call
  return `${name}: ${pages} pages at ${since()}`;
}

async function theOldWay() {
  const loop = asyncio.getRunningLoop();
  // runInExecutor passes no keyword arguments: wrap the call.
  return await loop.runInExecutor(null, () => loadReport("the old way", { pages: 2 }));
}

async function theNewWay() {
  return await asyncio.toThread(loadReport, "the new way", { pages: 2 });
}

async function main() {
  const reports = await asyncio.gather(theOldWay(), theNewWay());
  for (const report of reports) print(report);
  print(`both done after ${since()}`);
}

asyncio.run(main());
