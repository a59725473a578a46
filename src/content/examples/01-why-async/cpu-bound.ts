import * as asyncio from "asyncio";
import * as time from "time";

async function resize(image: string) {
  print(`resizing ${image}`);
  // Stands in for one second of pure computation: like real number
  // crunching, it keeps the thread busy and never reaches an await.
  time.sleep(1);
  print(`${image} resized`);
}

async function main() {
  const start = time.monotonic();
  await asyncio.gather(resize("cat.png"), resize("dog.png"), resize("owl.png"));
  print(`took ${(time.monotonic() - start).toFixed(1)} s`);
}

asyncio.run(main());
