import * as asyncio from "asyncio";

async function count(name: string) {
  for (let i = 1; i <= 3; i++) {
    print(`${name} ${i}`);
    // Sleeping for zero seconds still suspends: this task goes to the
    // back of the ready queue, and whoever is waiting there runs first.
    await asyncio.sleep(0);
  }
}

async function main() {
  await asyncio.gather(count("A"), count("B"));
}

asyncio.run(main());
