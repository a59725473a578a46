import * as asyncio from "asyncio";

async function saveReport() {
  print("saving the report...");
  await asyncio.sleep(2); // a write that must not be cut off halfway
  print("report saved");
  return "report.pdf";
}

async function main() {
  const save = asyncio.createTask(saveReport());
  try {
    // The timeout cancels the shield, not the save behind it.
    await asyncio.waitFor(asyncio.shield(save), 1);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("stopped waiting after 1 s; the save goes on");
  }
  print("saved as", await save);
}

asyncio.run(main());
