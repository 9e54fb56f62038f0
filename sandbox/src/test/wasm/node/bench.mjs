// Node's V8 on the same .wasm the Java benchmark uses: node bench.mjs FILE N ROUNDS prints "result medianMillis".
import { readFileSync } from 'node:fs';

const [file, nText, roundsText] = process.argv.slice(2);
const n = Number(nText);
const rounds = Number(roundsText);
const { instance } = await WebAssembly.instantiate(readFileSync(file), {});
const fib = instance.exports.fib;
fib(Math.max(0, n - 6)); // let V8 tier up before timing, as the JVM gets its warm-up
const times = [];
let result = 0;
for (let r = 0; r < rounds; r++) {
  const started = process.hrtime.bigint();
  result = fib(n);
  times.push(Number(process.hrtime.bigint() - started) / 1e6);
}
times.sort((a, b) => a - b);
console.log(`${result} ${times[Math.floor(rounds / 2)].toFixed(3)}`);
