import * as asyncio from "asyncio";
import * as time from "time";

const start = time.monotonic();
const elapsed = () => (time.monotonic() - start).toFixed(1);

async function heartbeat() {
  for (let beat = 1; beat <= 5; beat++) {
    print(`beat ${beat} at ${elapsed()} s`);
    await asyncio.sleep(0.5);
  }
}

function checksum(file: string): string {
  time.sleep(1); // reads the whole file from a slow disk: a blocking call
  return `${file}: checksum ok`;
}

async function checkFiles() {
  for (const file of ["photos.zip", "music.zip"]) {
    // On a worker thread, only that thread waits for the disk; the loop
    // goes on running the heartbeat.
    const result = await asyncio.toThread(checksum, file);
    print(result);
  }
}

async function main() {
  await asyncio.gather(heartbeat(), checkFiles());
}

asyncio.run(main());
