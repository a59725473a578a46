import * as asyncio from "asyncio";

async function sendWelcome(user: string) {
  await asyncio.sleep(0.5); // sending an email takes a moment
  print(`welcome mail sent to ${user}`);
}

async function main() {
  for (const user of ["ada", "guido"]) {
    print(`signed up ${user}`);
    await sendWelcome(user); // awaited: the coroutine runs, here and now
  }
  print("all signed up");
}

asyncio.run(main());
