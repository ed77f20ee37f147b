// A load generator in its own process: `node bin/run-ts.js bench/load-child.ts URL_JSON SECONDS CONNECTIONS [COOKIE]`.
// URL_JSON is a JSON array of URLs taken round-robin; prints { requests, seconds, rps, p50ms, p99ms, errors }.
import http from 'node:http';

const [urlsJson, secondsText, connectionsText, cookie] = process.argv.slice(2);
const urls = JSON.parse(urlsJson as string) as string[];
const seconds = Number(secondsText);
const connections = Number(connectionsText);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const latencies: number[] = [];
let errors = 0;
let next = 0;

function get(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent, headers: cookie ? { cookie } : {} }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
  });
}

const end = performance.now() + seconds * 1000;
async function worker(): Promise<void> {
  while (performance.now() < end) {
    const url = urls[next++ % urls.length] as string;
    const start = performance.now();
    const status = await get(url);
    latencies.push(performance.now() - start);
    if (status !== 200) errors += 1;
  }
}
const started = performance.now();
await Promise.all(Array.from({ length: connections }, worker));
const elapsed = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] ?? Number.NaN;
console.log(
  JSON.stringify({
    requests: latencies.length,
    seconds: elapsed,
    rps: latencies.length / elapsed,
    p50ms: at(0.5),
    p99ms: at(0.99),
    errors,
  }),
);
agent.destroy();
