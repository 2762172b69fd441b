// Soak test: a mixed load of anonymous reads and editors' writes (mutations) for a bounded time, reporting
// errors, latencies and the server's resident memory over time (issue: "zero errors and flat memory").
//
// Usage: node soak.mjs <graphql-url> --key <editor API key> [--pid <server pid>] [--seconds 600]
//        [--connections 64] [--writers 4]                            (Node 20 and wrk, no other dependencies)
// Each connection is one client sending one request at a time as fast as answers come: --writers of them
// (here, in Node) keep updating and re-publishing an article of their own (retrying on CONFLICT with the version
// they are told); the others read, split evenly over four wrk processes (read.lua), one per read: the article
// page, the newest list, a filtered list and a search. wrk, not Node, sends the reads so that the load generator
// is not what limits them: one Node thread cannot keep 60 connections busy against a cached server.
// Memory: VmRSS of --pid every 5 s, from /proc. Flat means the last minute's median is within 15% of the
// second minute's (the first minute is warm-up).
// Exit codes: 0 PASS (no errors, flat memory); 1 FAIL; 2 setup problem.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};
const url = args[0];
const key = option('key');
const pid = option('pid');
const seconds = Number(option('seconds', 600));
const connections = Number(option('connections', 64));
const writers = Number(option('writers', 4));

const READS = [
  ['article', '{ article(slug: "revision-surgery") { title body { html } category { name } disclaimers { key } } randomFact { text } }'],
  ['list', '{ articles(first: 20) { items { title slug summary category { name } } } }'],
  ['filtered', '{ articles(first: 10, filter: { category: "treatments", search: "surgery" }) { totalCount items { title slug } } }'],
  ['search', '{ searchArticles(query: "spine surgery", first: 10) { edges { snippet node { slug } } } }'],
];
if (!url || !/^http:\/\/127\.0\.0\.1:\d+\//.test(url) || !key || !(seconds > 0) || !(connections - writers >= READS.length)) {
  console.error('usage: node soak.mjs http://127.0.0.1:<port>/graphql --key <editor key> [--pid N] [--seconds N] [--connections N] [--writers N]'
    + ` (at least ${READS.length} connections more than writers: one per read)`);
  process.exit(2);
}
const ARTICLE = 'id slug version status';

const stats = new Map();
const record = (kind, ms, error) => {
  const entry = stats.get(kind) ?? { latencies: [], errors: 0, examples: [] };
  entry.latencies.push(ms);
  if (error) {
    entry.errors += 1;
    if (entry.examples.length < 3) entry.examples.push(error);
  }
  stats.set(kind, entry);
};

async function post(query, variables, headers = {}) {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(10_000),
    });
    const json = await response.json();
    const error = response.status !== 200 ? `HTTP ${response.status} ${JSON.stringify(json).slice(0, 200)}`
      : json.errors ? JSON.stringify(json.errors).slice(0, 200) : null;
    return { ms: performance.now() - started, json, error };
  } catch (error) {
    return { ms: performance.now() - started, json: null, error: String(error) };
  }
}

const editor = { authorization: `Bearer ${key}` };
const deadline = Date.now() + seconds * 1000;

// Runs wrk for one read with the given connections for the whole soak; resolves to its figures.
function reader(kind, query, readers, folder) {
  const bodyFile = join(folder, `${kind}.json`);
  writeFileSync(bodyFile, JSON.stringify({ query }));
  const wrk = spawn('wrk', ['-t1', `-c${readers}`, `-d${seconds}s`, '--timeout', '10s', '-s', join(import.meta.dirname, 'read.lua'), url],
    { env: { ...process.env, BODY_FILE: bodyFile }, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  wrk.stdout.on('data', (chunk) => { output += chunk; });
  return new Promise((resolve) => wrk.on('close', (code) => {
    const [requests, rps, p50, p99, errors, ...example] = output.trim().split('\n').at(-1).split(' ');
    resolve(code === 0 && Number.isFinite(Number(p50))
      ? { kind, requests: Number(requests), rps: Number(rps), p50: Number(p50), p99: Number(p99), errors: Number(errors), examples: example.length ? [example.join(' ')] : [] }
      : { kind, requests: 0, rps: 0, p50: NaN, p99: NaN, errors: 1, examples: [`wrk exited with ${code}: ${output.slice(0, 200)}`] });
  }));
}

async function writer(index) {
  const created = await post(`mutation($input: ArticleInput!) { createArticle(input: $input) { article { ${ARTICLE} } errors { code message } } }`,
    { input: { title: `Soak article ${index} ${Date.now()}`, body: 'Soak.', category: 'treatments', tags: ['soak'] } }, editor);
  let article = created.json?.data?.createArticle?.article;
  if (!article) {
    record('write', created.ms, `create failed: ${created.error ?? JSON.stringify(created.json).slice(0, 200)}`);
    return;
  }

  for (let turn = 0; Date.now() < deadline; turn++) {
    const publish = turn % 10 === 9;
    const mutation = publish
      ? (article.status === 'PUBLISHED' ? 'unpublishArticle' : 'publishArticle')
      : 'updateArticle';
    const input = publish ? '' : ', $input: ArticleInput!';
    const { ms, json, error } = await post(
      `mutation($id: ID!, $version: Int!${input}) { ${mutation}(id: $id, version: $version${input ? ', input: $input' : ''}) { article { ${ARTICLE} } errors { code message } currentVersion } }`,
      { id: article.id, version: article.version, ...(publish ? {} : { input: { summary: `Revision ${turn} of writer ${index}.` } }) },
      editor);
    const payload = json?.data?.[mutation];
    const userErrors = payload?.errors ?? [];
    record('write', ms, error ?? (userErrors.length && userErrors[0].code !== 'CONFLICT' ? JSON.stringify(userErrors) : null));
    if (payload?.article) article = payload.article;
    else if (payload?.currentVersion) article = { ...article, version: payload.currentVersion };
  }
}

const memory = [];
const residentMegabytes = () => {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
};
const sampler = pid ? setInterval(() => {
  try {
    memory.push({ at: seconds - (deadline - Date.now()) / 1000, mb: residentMegabytes() });
  } catch {
    memory.push({ at: 0, mb: NaN }); // the server is gone: reported below
  }
}, 5000) : null;

const folder = mkdtempSync(join(tmpdir(), 'soak-'));
const readers = connections - writers;
const started = Date.now();
const [reads] = await Promise.all([
  Promise.all(READS.map(([kind, query], i) => reader(kind, query, Math.floor(readers / READS.length) + (i < readers % READS.length ? 1 : 0), folder))),
  ...Array.from({ length: writers }, (_, i) => writer(i)),
]);
if (sampler) clearInterval(sampler);
rmSync(folder, { recursive: true });
const elapsed = (Date.now() - started) / 1000;

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const median = (values) => percentile([...values].sort((a, b) => a - b), 50);
let errors = 0;
console.log(`soak: ${elapsed.toFixed(0)} s, ${connections} connections (${writers} writing), ${url}`);
console.log('kind      requests    req/s     p50 ms   p99 ms   errors');
const written = [...stats].map(([kind, entry]) => {
  const sorted = Float64Array.from(entry.latencies).sort();
  return { kind, requests: sorted.length, rps: sorted.length / elapsed, p50: percentile(sorted, 50), p99: percentile(sorted, 99), errors: entry.errors, examples: entry.examples };
});
for (const row of [...reads, ...written]) {
  errors += row.errors;
  console.log(`${row.kind.padEnd(9)} ${String(row.requests).padStart(8)} ${row.rps.toFixed(0).padStart(8)} ${row.p50.toFixed(1).padStart(10)} ${row.p99.toFixed(1).padStart(8)} ${String(row.errors).padStart(8)}`);
  for (const example of row.examples) console.log(`          e.g. ${example}`);
}

let flat = true;
if (pid) {
  const minute = (from, to) => memory.filter((s) => s.at >= from && s.at < to).map((s) => s.mb);
  const second = median(minute(60, 120));
  const last = median(minute(seconds - 60, seconds + 5));
  const peak = Math.max(...memory.map((s) => s.mb));
  const judged = seconds >= 180; // shorter runs are still warming up
  flat = !judged || (Number.isFinite(second) && Number.isFinite(last) && last <= second * 1.15);
  const verdict = !judged ? 'not judged (run at least 180 s)' : flat ? 'flat' : 'GROWING';
  console.log(`memory (VmRSS): minute 2 median ${second?.toFixed(0) ?? '-'} MB, last minute median ${last?.toFixed(0) ?? '-'} MB, peak ${peak.toFixed(0)} MB: ${verdict}`);
  console.log(`memory samples (s:MB): ${memory.map((s) => `${s.at.toFixed(0)}:${s.mb.toFixed(0)}`).join(' ')}`);
}

const pass = errors === 0 && flat;
console.log(pass ? 'PASS: no errors, flat memory' : `FAIL: ${errors} errors${flat ? '' : ', memory growing'}`);
process.exit(pass ? 0 : 1);
