// The measuring half of measure-webhooks.sh: GraphQL calls, a receiver on loopback, percentiles. No dependencies.
import { createServer } from "node:http";
import { performance } from "node:perf_hooks";

const [phase, ...args] = process.argv.slice(2);

async function graphql(base, key, query, variables) {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const json = await response.json();
  if (json.errors) throw new Error(JSON.stringify(json.errors));
  return json.data;
}

/** A receiver answering 204 after delayMs; arrivals maps "type:itemId" to the time (performance.now) it came. */
function receive(port, delayMs = 0) {
  const arrivals = new Map();
  const server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8").on("data", (chunk) => (body += chunk)).on("end", () => {
      const message = JSON.parse(body);
      arrivals.set(`${message.type}:${message.data.id}`, performance.now());
      setTimeout(() => response.writeHead(204).end(), delayMs);
    });
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve({ arrivals, port: server.address().port, close: () => server.close() })));
}

async function endpoint(base, key, port, eventTypes) {
  const data = await graphql(base, key,
    "mutation($input: WebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } errors { code message } } }",
    { input: { url: `http://127.0.0.1:${port}/hooks`, eventTypes } });
  if (data.createWebhookEndpoint.errors.length) throw new Error(JSON.stringify(data.createWebhookEndpoint.errors));
  return data.createWebhookEndpoint.endpoint.id;
}

const createArticle = (base, key, title) => graphql(base, key,
  "mutation($input: ArticleInput!) { createArticle(input: $input) { article { id version } errors { code } } }",
  { input: { title, body: "Measured." } }).then((data) => data.createArticle.article);

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const summary = (values) => `p50 ${percentile(values, 50).toFixed(1)} ms, p99 ${percentile(values, 99).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms (n=${values.length})`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition, seconds) {
  const until = performance.now() + seconds * 1000;
  while (!condition()) {
    if (performance.now() > until) throw new Error("timed out waiting for deliveries");
    await sleep(5);
  }
}

/** Publishes `count` drafts one by one, ~10 a second; returns each publication's acknowledgement time and the mutations' own durations. */
async function publishAll(base, key, prefix, count) {
  const drafts = [];
  for (let index = 0; index < count; index++) drafts.push(await createArticle(base, key, `${prefix} ${index}`));
  const acknowledged = new Map();
  const durations = [];
  for (const draft of drafts) {
    const started = performance.now();
    await graphql(base, key, "mutation($id: ID!, $version: Int!) { publishArticle(id: $id, version: $version) { errors { code } } }", draft);
    const done = performance.now();
    acknowledged.set(`published:${draft.id}`, done);
    durations.push(done - started);
    await sleep(100);
  }
  return { acknowledged, durations };
}

if (phase === "latency") {
  const [base, key, samples] = [args[0], args[1], Number(args[2])];
  const healthy = await receive(0);
  await endpoint(base, key, healthy.port, ["published"]);
  const alone = await publishAll(base, key, "Latency", samples);
  await waitFor(() => [...alone.acknowledged.keys()].every((id) => healthy.arrivals.has(id)), 60);
  const latencies = [...alone.acknowledged].map(([id, at]) => healthy.arrivals.get(id) - at);
  console.log(`publish → delivery, one healthy endpoint: ${summary(latencies)}`);
  console.log(`publishArticle mutation itself:            ${summary(alone.durations)}`);

  const hanging = await receive(0, 5000);
  await endpoint(base, key, hanging.port, ["published"]);
  const beside = await publishAll(base, key, "Beside a hanging endpoint", Math.ceil(samples / 3));
  await waitFor(() => [...beside.acknowledged.keys()].every((id) => healthy.arrivals.has(id)), 60);
  console.log(`with a second endpoint answering after 5 s: publish → healthy delivery ${summary([...beside.acknowledged].map(([id, at]) => healthy.arrivals.get(id) - at))}`);
  console.log(`                                            publishArticle mutation ${summary(beside.durations)}`);
  healthy.close();
  hanging.close();
  process.exit(0);
}

if (phase === "backlog") {
  const [base, key, count, port] = [args[0], args[1], Number(args[2]), Number(args[3])];
  await endpoint(base, key, port, ["created"]);
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next < count) await createArticle(base, key, `Backlog ${next++}`);
  }));
  console.log(`backlog: ${count} createArticle mutations (8 at a time) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  process.exit(0);
}

if (phase === "drain") {
  const [port, count] = [Number(args[0]), Number(args[1])];
  const receiver = await receive(port);
  await waitFor(() => receiver.arrivals.size > 0, 120);
  const first = performance.now();
  await waitFor(() => receiver.arrivals.size >= count, 1800);
  const seconds = (performance.now() - first) / 1000;
  console.log(`drain: ${count} events delivered in ${seconds.toFixed(1)} s after the first (${(count / seconds).toFixed(0)} events/s, one endpoint)`);
  receiver.close();
  process.exit(0);
}

console.error("usage: measure-webhooks.mjs latency|backlog|drain ...");
process.exit(2);
