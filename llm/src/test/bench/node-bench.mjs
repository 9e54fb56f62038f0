// Reference numbers for LlmBench: node-llama-cpp (prebuilt, newer llama.cpp) on the same GGUF, threads and prompt.
// Usage: node node-bench.mjs <model.gguf> <threads> <promptFile> <generateTokens> <runs>
// Prints one line: BENCH_JSON {...}
import fs from "node:fs";
import path from "node:path";
import {pathToFileURL} from "node:url";

const [modelPath, threadsArg, promptFile, generateArg, runsArg] = process.argv.slice(2);
const threads = Number(threadsArg);
const generate = Number(generateArg);
const runs = Number(runsArg);
const tools = process.env.CYBERDEVSTUDIO_NPM_TOOLS || "../.ci/npm-tools";
const entry = path.join(tools, "node_modules", "node-llama-cpp", "dist", "index.js");
const {getLlama, LlamaLogLevel} = await import(pathToFileURL(entry).href);

const rssBefore = process.memoryUsage().rss;
const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
const model = await llama.loadModel({modelPath, gpuLayers: 0});
const context = await model.createContext({contextSize: 1024, threads, batchSize: 512, sequences: 1});
const prompt = fs.readFileSync(promptFile, "utf8");

const results = [];
for (let run = 0; run <= runs; run++) {
    const sequence = context.getSequence();
    // a different first word each run, so no prompt cache is reused
    const tokens = model.tokenize("run" + run + " " + prompt);
    const start = performance.now();
    let first = 0;
    let count = 0;
    for await (const token of sequence.evaluate(tokens, {temperature: 0})) {
        if (count === 0) first = performance.now();
        if (++count >= generate) break;
    }
    const end = performance.now();
    sequence.dispose();
    if (run > 0) { // run 0 warms up
        results.push({promptTokens: tokens.length, ttftMs: first - start,
            promptPerSecond: tokens.length / ((first - start) / 1000),
            generatePerSecond: (count - 1) / ((end - first) / 1000)});
    }
}
const median = key => results.map(r => r[key]).sort((a, b) => a - b)[Math.floor(results.length / 2)];
const packageDir = path.join(tools, "node_modules", "node-llama-cpp");
const version = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")).version;
let release = "?";
try {
    release = JSON.parse(fs.readFileSync(path.join(packageDir, "llama", "llama.cpp.info.json"), "utf8")).tag;
} catch (e) { /* older layouts lack the file */ }
const out = {runtime: "node-llama-cpp " + version + " (llama.cpp " + release + ")",
    cpuBuild: llama.buildType ?? "prebuilt", promptTokens: results[0].promptTokens, ttftMs: median("ttftMs"),
    promptPerSecond: median("promptPerSecond"), generatePerSecond: median("generatePerSecond"),
    rssBytes: process.memoryUsage().rss, rssGrowthBytes: process.memoryUsage().rss - rssBefore};
console.log("BENCH_JSON " + JSON.stringify(out));
await context.dispose();
await model.dispose();
await llama.dispose();
