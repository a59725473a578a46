// W4 virtual timers: N tasks each sleep(d), d pseudo-random in [0, 10) s of virtual time, gathered. Ops: N tasks.
import * as asyncio from "asyncio";
import * as time from "time";

const N = Number("__N__");

function mulberry32(a: number) {
  return function () {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rnd = mulberry32(12345);
const durs: number[] = [];
for (let i = 0; i < N; i++) durs.push(10 * rnd()); // generated before asyncio.run: outside the timed region

async function main() {
  await asyncio.gather(...durs.map((d) => asyncio.sleep(d)));
}

asyncio.run(main());
if (time.monotonic() !== Math.max(...durs)) throw new RuntimeError("W4 check failed");
print("ok");
