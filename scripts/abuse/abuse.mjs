// Measures how a normal query fares while malicious GraphQL requests are being sent (issue: "a normal query
// stays fast while malicious documents are being sent").
//
// Usage: node abuse.mjs <url> [--seconds N] [--attackers N] [options]      (Node 20, no dependencies)
//   <url>                 the GraphQL endpoint, loopback only, e.g. http://127.0.0.1:5071/graphql
//   --seconds N           length of each phase (idle, attack); default 15
//   --attackers N         concurrent attacking clients; default 8
//   --normal-rate R       the normal client's pace, requests per second (sequential); default 50
//   --label TEXT          printed in the report's title (run-abuse.sh names the pass)
//   --skip a,b / --only a,b   leave out / keep only these attack kinds (see --list)
//   --fanout N            fragment fan-out depth of the "fragment-fanout" attack (2^N spreads); default 20
//   --request-timeout S   an attack request unanswered after S seconds is a failure (hang); default 20
//   --attacker-addresses N  spread the attackers over N loopback source addresses (127.0.1.x); default 1,
//                         i.e. every attacker shares one address, as one attacking host would
//   --list                print the attack battery and exit
//   --show NAME           print one attack request (to reproduce it with curl) and exit
//   --probe               send every attack request once, one after the other, print status and time, and exit
//   --per-kind            after the idle phase, one attack phase per kind (which kinds hurt the normal query?)
//
// Phase 1 (idle): one client sends the normal query (the article page), one request at a time, paced at
// --normal-rate (under the default rate limit of 100/s), for N seconds.
// Phase 2 (attack): the same client runs again while the attackers loop over the battery for N seconds.
// The normal client runs in its own worker thread (its own event loop), from another loopback source address
// when it can (127.0.0.2), so a per-address rate limit on the attackers does not throttle it: the attackers
// are one host, the reader another. Large bodies are built once; small documents get a fresh leading comment
// per request, as a real attacker would send, so the server's cache of validated documents does not absorb
// them. Client and server share the machine's CPUs: the attackers' own work competes with the server.
//
// Exit codes: 0 PASS; 1 FAIL (p99 ratio >= 5, any 5xx, connection error or hang on an attack, any failed
// normal query, hard timeout); 2 setup problem (bad arguments, non-loopback URL, server not answering).
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import dns from 'node:dns/promises';
import { performance, monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const NORMAL_QUERY =
  '{ article(slug: "revision-surgery") { title body { html } category { name } disclaimers { key } } randomFact { text } }';
const TARGET_RATIO = 5;
const NORMAL_TIMEOUT_MS = 10_000;
const RESPONSE_SAMPLE_BYTES = 8 * 1024;
const LOOP_DELAY_RESOLUTION_MS = 5;
const KINDS = [
  'deep', 'wide', 'aliases', 'directives', 'fragment-cycles', 'fragment-fanout', 'huge-strings',
  'huge-variables', 'nested-json', 'batches', 'introspection', 'expensive', 'malformed',
];

// ---------------------------------------------------------------------------------------------------------
// HTTP: one request, bounded in time, with its status, error code and latency. node:http rather than fetch,
// for source addresses, chunked bodies and raw (invalid) bytes.

function sendRequest(target, spec, { agent, localAddress, timeoutMs }) {
  return new Promise((resolve) => {
    const started = performance.now();
    let status = null;
    let sample = '';
    let bytes = 0;
    let done = false;
    let response = null;
    const finish = (error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      // An error before the response was read to its end is a connection error, whatever the status said.
      if (error && response && !response.complete) status = null;
      const ms = performance.now() - started;
      if (status === null) {
        resolve({ status: null, error: error?.code ?? error?.message ?? 'ERROR', ms, bytes, sample });
      } else {
        resolve({ status, error: null, ms, bytes, sample });
      }
    };
    const headers = { ...spec.headers };
    const body = spec.body;
    if (body !== undefined && !spec.chunked) headers['content-length'] = body.length;
    let req;
    try {
      req = http.request({
        host: target.host, port: target.port, method: spec.method ?? 'POST',
        path: spec.path?.startsWith('?') ? `${target.path.split('?')[0]}${spec.path}` : (spec.path ?? target.path), headers, agent, localAddress,
      });
    } catch (error) {
      resolve({ status: null, error: error.code ?? 'REQUEST_ERROR', ms: 0, bytes: 0, sample: '' });
      return;
    }
    const timer = setTimeout(() => {
      const error = new Error('TIMEOUT');
      error.code = 'TIMEOUT';
      status = null; // even when headers came, a body that never ended is a hang
      finish(error);
      req.destroy(error);
    }, timeoutMs);
    req.on('response', (res) => {
      response = res;
      status = res.statusCode;
      res.on('data', (chunk) => {
        bytes += chunk.length;
        if (sample.length < RESPONSE_SAMPLE_BYTES) sample += chunk.toString('utf8', 0, Math.min(chunk.length, RESPONSE_SAMPLE_BYTES));
      });
      res.on('end', () => finish());
      res.on('error', (error) => finish(error));
      res.on('close', () => finish(res.complete ? undefined : Object.assign(new Error('RESPONSE_ABORTED'), { code: 'RESPONSE_ABORTED' })));
    });
    // An error after the response arrived (the server closing on an oversized upload) keeps the status.
    req.on('error', (error) => finish(error));
    if (body === undefined) {
      req.end();
    } else if (spec.chunked) {
      const piece = 64 * 1024;
      (async () => {
        for (let offset = 0; offset < body.length && !done; offset += piece) {
          if (!req.write(body.subarray(offset, offset + piece))) {
            await new Promise((resume) => {
              const go = () => { req.off('drain', go); req.off('close', go); resume(); };
              req.on('drain', go);
              req.on('close', go);
            });
          }
        }
        if (!done) req.end();
      })().catch(() => {});
    } else {
      req.end(body);
    }
  });
}

function errorCode(sample) {
  if (!sample) return '';
  const code = /"code"\s*:\s*"([^"]{1,60})"/.exec(sample);
  if (code) return code[1];
  return /^\s*\{\s*"data"/.test(sample) ? 'data' : '';
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

function summarize(latencies) {
  const sorted = Float64Array.from(latencies).sort();
  return {
    n: sorted.length,
    p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The attack battery: bodies built once, before the attack, as bytes (small documents are re-wrapped per
// request with a fresh comment, see varied()).

const gql = (query, variables, extra) => JSON.stringify({ query, ...(variables ? { variables } : {}), ...extra });
const repeat = (count, make) => Array.from({ length: count }, (_, i) => make(i)).join(' ');

const INTROSPECTION_QUERY = `query IntrospectionQuery {
  __schema {
    queryType { name } mutationType { name } subscriptionType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type {
  kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
}`;

function nest(levels, open, leaf) {
  return open.repeat(levels) + leaf + ' }'.repeat(levels);
}

function varied(item, tag) {
  return item.vary
    ? { ...item, body: Buffer.from(gql(`# ${tag}\n${item.vary.query}`, item.vary.variables, item.vary.extra)) }
    : item;
}

function buildBattery({ fanout }) {
  const items = [];
  // Any status below 500 is the server coping (the report shows which, with the error code); 5xx, connection
  // errors and hangs are failures. closeOk: the server may instead close the connection on an upload it
  // refuses to read (counted as "closed", not a failure).
  const add = (kind, name, body, options = {}) => items.push({
    kind, name,
    method: options.method ?? 'POST',
    path: options.path,
    chunked: options.chunked ?? false,
    closeOk: options.closeOk ?? false,
    headers: options.headers ?? { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'),
    vary: options.vary,
  });
  // Documents that pass validation are cached by their text; a real attacker varies them (here: a leading
  // comment with a counter), so small documents are rebuilt for every request. Large ones are sent as built.
  const post = (kind, name, query, variables, extra) => {
    const body = gql(query, variables, extra);
    add(kind, name, body, { vary: body.length < 64 * 1024 ? { query, variables, extra } : undefined });
  };

  // deep: past MaxDepth (15), past the parser's nesting limit (128), through fragments and introspection.
  post('deep', 'depth-30-children', `{ categories { ${nest(30, 'children { ', 'name')} } }`);
  post('deep', 'depth-500-parser-nesting', `{ ${nest(500, 'site { ', 'name')} }`);
  post('deep', 'depth-40-introspection-ofType', `{ __schema { types { fields { ${nest(40, 'type { ofType { ', 'name')}${' }'.repeat(40)} } } } }`);
  post('deep', 'depth-40-via-fragments',
    `{ categories { ...D0 } } ${repeat(40, (i) => `fragment D${i} on Category { children { ...D${i + 1} } }`)} fragment D40 on Category { name }`);

  // wide: many fields, at and past the token (2,000) and length (20,000) limits.
  post('wide', 'wide-1900-duplicate-fields', `{ site { ${'name '.repeat(1900)}} }`);
  post('wide', 'wide-600-distinct-roots', `{ ${repeat(150, () => 'site { name tagline publisher copyright }')} }`);
  post('wide', 'wide-5000-tokens', `{ ${'a '.repeat(5000)}}`);
  post('wide', 'wide-19900-chars-comment', `# ${'x'.repeat(19_850)}\n{ __typename }`);
  post('wide', 'wide-500000-chars', `{ ${'__typename '.repeat(45_000)}}`);
  post('wide', 'wide-every-field', `{ site { name tagline publisher copyright factsHeading contactEmail contactPhones { label number } footerLinks { label url } createdAt updatedAt }
    article(slug: "revision-surgery") { id slug title summary body { markdown html text } heroImage { url alt } tags status publishedAt createdAt updatedAt seo { title description } readingTimeMinutes callToAction { text phoneNumber url } category { id slug name description sortOrder status parent { name } children { name } } disclaimers { id key title body { html } placement sortOrder siteWide status } }
    categories { id slug name description children { id slug name } }
    disclaimers { id key title body { markdown html text } placement }
    facts { id key text statistic { value unit } source weight activeFrom activeUntil tags }
    promotions { id key kind stepLabel heading body image { url alt } actionUrl placement sortOrder } }`);

  // aliases: hundreds of aliases (MaxAliases 30, __typename included), and the most allowed on costly fields.
  post('aliases', 'aliases-600-typename', `{ ${repeat(600, (i) => `a${i}: __typename`)} }`);
  post('aliases', 'aliases-300-site', `{ ${repeat(300, (i) => `a${i}: site { name }`)} }`);
  post('aliases', 'aliases-31-article-html', `{ ${repeat(31, (i) => `a${i}: article(slug: "revision-surgery") { body { html } }`)} }`);
  post('aliases', 'aliases-30-article-html-allowed', `{ ${repeat(30, (i) => `a${i}: article(slug: "revision-surgery") { body { html markdown text } }`)} }`);

  // directives: past MaxDirectives (30), repeated non-repeatable, unknown, and the most allowed.
  post('directives', 'directives-200-skip', `{ ${repeat(200, () => '__typename @skip(if: false)')} }`);
  post('directives', 'directives-250-on-one-field', `{ __typename ${'@include(if: true) '.repeat(250)}}`);
  post('directives', 'directives-900-unknown', `{ __typename ${'@x '.repeat(900)}}`);
  post('directives', 'directives-30-allowed', `query($t: Boolean = true) { site { ${repeat(30, () => 'name @include(if: $t)')} } }`);

  // fragment cycles: direct, self, long ring, through fields, and a cycle whose members fan out.
  post('fragment-cycles', 'cycle-A-B', 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }');
  post('fragment-cycles', 'cycle-self', 'query { ...A } fragment A on Query { __typename ...A }');
  post('fragment-cycles', 'cycle-ring-200',
    `query { ...F0 } ${repeat(200, (i) => `fragment F${i} on Query { ...F${(i + 1) % 200} }`)}`);
  post('fragment-cycles', 'cycle-through-fields',
    'query { categories { ...A } } fragment A on Category { name children { ...B } } fragment B on Category { slug parent { ...A } }');
  post('fragment-cycles', 'cycle-fanout-ring-40',
    `query { ...F0 } ${repeat(40, (i) => `fragment F${i} on Query { ...F${(i + 1) % 40} ...F${(i + 1) % 40} ...F${(i + 2) % 40} }`)}`);

  // fragment fan-out: no cycle, each fragment spreads the next one twice: 2^N spreads from a ~1.3 KB document.
  post('fragment-fanout', `fanout-${fanout}`,
    `query { ...F0 } ${repeat(fanout, (i) => `fragment F${i} on Query { site { name } ...F${i + 1} ...F${i + 1} }`)} fragment F${fanout} on Query { site { name } }`);

  // huge strings: near and past the query length limit, a variable near the body limit (1 MiB), bodies past it.
  post('huge-strings', 'string-literal-19900', `{ article(slug: "${'x'.repeat(19_900)}") { title } }`);
  post('huge-strings', 'string-literal-100000', `{ article(slug: "${'x'.repeat(100_000)}") { title } }`);
  post('huge-strings', 'string-literal-unterminated', `{ article(slug: "${'x'.repeat(19_900)}`);
  post('huge-strings', 'string-variable-1000000', 'query($s: String) { article(slug: $s) { title } }', { s: 'x'.repeat(1_000_000) });
  post('huge-strings', 'string-variable-escapes-170000', 'query($s: String) { facts(tag: $s) { key } }', { s: 'é\u2028'.repeat(85_000) });
  {
    const over = gql('{ __typename }', { s: 'x'.repeat(2 * 1024 * 1024) });
    add('huge-strings', 'body-2MiB-content-length', over, { closeOk: true });
    add('huge-strings', 'body-2MiB-chunked', over, { chunked: true, closeOk: true });
  }

  // huge lists and many keys in variables (just under the body limit).
  const bigList = Array.from({ length: 240_000 }, (_, i) => i % 10);
  post('huge-variables', 'variables-list-240000-unused', NORMAL_QUERY, { junk: bigList });
  post('huge-variables', 'variables-list-240000-for-string', 'query($t: String) { facts(tag: $t) { key } }', { t: bigList });
  post('huge-variables', 'variables-list-240000-in-input-object', 'query($f: ArticleFilter) { articles(filter: $f) { totalCount } }', { f: { tag: 'a', junk: bigList } });
  post('huge-variables', 'variables-50000-keys', 'query($t: String) { facts(tag: $t) { key } }',
    Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`v${i}`, i])));
  post('huge-variables', 'variables-first-huge-int', 'query($n: Int) { articles(first: $n) { totalCount } }', { n: 1e12 });
  post('huge-variables', 'variables-first-101', 'query($n: Int) { articles(first: $n) { totalCount } }', { n: 101 });
  // a number too long for decimal: GraphQL.NET parses it as a BigInteger (seconds of CPU at 500 KB) unless refused first.
  add('huge-variables', 'variables-number-900000-digits',
    `{"query":"query($n: Int) { articles(first: $n) { totalCount } }","variables":{"n":1${'0'.repeat(900_000)}}}`);
  add('huge-variables', 'variables-number-900000-digits-unused', `{"query":"{ __typename }","variables":{"n":[1${'0'.repeat(900_000)}]}}`);

  // deeply nested JSON: past System.Text.Json's default depth (64) and just under it.
  add('nested-json', 'json-arrays-20000-deep', `{"query":"{ __typename }","variables":{"v":${'['.repeat(20_000)}${']'.repeat(20_000)}}}`);
  add('nested-json', 'json-objects-20000-deep', `{"query":"{ __typename }","variables":{"v":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}}`);
  add('nested-json', 'json-extensions-20000-deep', `{"query":"{ __typename }","extensions":{"v":${'['.repeat(20_000)}${']'.repeat(20_000)}}}`);
  add('nested-json', 'json-objects-60-deep-in-input', JSON.stringify({
    query: 'query($f: ArticleFilter) { articles(filter: $f) { totalCount } }',
    variables: { f: { tag: JSON.parse('{"a":'.repeat(60) + '1' + '}'.repeat(60)) } },
  }));

  // batches (JSON arrays of operations are not accepted).
  add('batches', 'batch-100-normal', JSON.stringify(Array.from({ length: 100 }, () => ({ query: NORMAL_QUERY }))));
  add('batches', 'batch-300-introspection', JSON.stringify(Array.from({ length: 300 }, () => ({ query: INTROSPECTION_QUERY }))));
  add('batches', 'batch-whitespace-prefixed', `\n\t  ${JSON.stringify([{ query: '{ __typename }' }, { query: '{ site { name } }' }])}`);

  // introspection spam: the IDEs' full query, and the widest nested introspection inside the depth limit.
  post('introspection', 'introspection-full', INTROSPECTION_QUERY);
  post('introspection', 'introspection-nested-types-fields', '{ __schema { types { name fields { name type { name fields { name type { name fields { name } ofType { name fields { name } } } } ofType { name fields { name type { name fields { name } } } ofType { name fields { name } } } } } } } }');
  post('introspection', 'introspection-30-aliases', `{ ${repeat(30, (i) => `s${i}: __schema { types { name fields { name type { name ofType { name } } } } }`)} }`);

  // expensive but allowed: nested lists up to the complexity limit (25,000), page sizes past the limit.
  post('expensive', 'nested-lists-first-100x100', '{ articles(first: 100) { totalCount edges { cursor node { category { articles(first: 100) { title } } } } } }');
  post('expensive', 'category-tree-articles-html', '{ categories { children { articles(first: 20) { title body { html } } } } }');
  post('expensive', 'complexity-over-limit', '{ articles(first: 100) { edges { node { category { articles(first: 100) { title body { html } } } } } } }');
  post('expensive', 'page-size-101', '{ articles(first: 101) { totalCount } }');
  post('expensive', 'page-size-negative', '{ articles(first: -1) { totalCount } }');
  post('expensive', 'page-size-int-overflow', '{ articles(first: 99999999999) { totalCount } }');

  // malformed: broken JSON, wrong shapes, invalid UTF-8, wrong media type, a URL past Kestrel's limits.
  add('malformed', 'json-truncated', '{"query": "{ site { name');
  add('malformed', 'json-garbage-64KiB', Buffer.from(Array.from({ length: 65_536 }, (_, i) => (i * 7919 + 13) % 256)));
  add('malformed', 'json-invalid-utf8', Buffer.concat([Buffer.from('{"query":"{ article(slug: \\"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('\\") { title } }"}')]));
  add('malformed', 'json-query-not-string', '{"query": 123, "variables": "x"}');
  add('malformed', 'json-duplicate-variable-keys', '{"query":"query($t: String) { facts(tag: $t) { key } }","variables":{"t":"a","t":"b"}}');
  add('malformed', 'json-null', 'null');
  add('malformed', 'json-empty-body', '');
  add('malformed', 'graphql-syntax-error', gql('{ site { name '));
  add('malformed', 'content-type-text-plain', gql(NORMAL_QUERY), { headers: { 'content-type': 'text/plain', accept: '*/*' } });
  add('malformed', 'get-url-40KiB', undefined, {
    method: 'GET', path: `?query=${encodeURIComponent(`# ${'x'.repeat(40_000)}\n{ __typename }`)}`, headers: { accept: 'application/json' },
  });
  return items;
}

// ---------------------------------------------------------------------------------------------------------
// Workers: the normal client (one request at a time) and the attackers (K loops over the battery).

async function runNormalWorker({ target, localAddress, seconds, warmupRequests, rate }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const spec = {
    method: 'POST', chunked: false,
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: Buffer.from(gql(NORMAL_QUERY)),
  };
  const options = { agent, localAddress, timeoutMs: NORMAL_TIMEOUT_MS };
  for (let i = 0; i < warmupRequests; i++) await sendRequest(target, spec, options);

  const loopDelay = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });
  loopDelay.enable();
  // Paced like a reader's page views, not a load test: one request every 1/rate s, or right after the previous
  // one when that took longer (sequential: never two at once, and no catch-up burst).
  const interval = 1000 / rate;
  let next = performance.now();
  const latencies = [];
  const statuses = {};
  const bad = [];
  let failed = 0;
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const wait = next - performance.now();
    if (wait > 1) await new Promise((resume) => setTimeout(resume, wait));
    next = Math.max(next + interval, performance.now());
    const result = await sendRequest(target, spec, options);
    latencies.push(result.ms);
    const ok = result.status === 200 && /"title"\s*:\s*"Revision Surgery"/.test(result.sample) && !/"errors"/.test(result.sample);
    const key = result.status === null ? result.error : String(result.status);
    statuses[key] = (statuses[key] ?? 0) + 1;
    if (!ok) failed++;
    if (!ok && bad.length < 5) bad.push(`${key} ${errorCode(result.sample)} ${result.sample.slice(0, 200)}`);
  }
  loopDelay.disable();
  agent.destroy();
  return { latencies, statuses, bad, failed, clientLoopDelayP99Ms: Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_DELAY_RESOLUTION_MS) };
}

async function runAttackWorker({ target, addresses, attackers, fanout, kinds, timeoutMs }) {
  const battery = buildBattery({ fanout }).filter((item) => kinds.includes(item.kind));
  const perItem = new Map(battery.map((item) => [item.name, { kind: item.kind, latencies: [], statuses: {}, codes: {}, failures: [] }]));
  const slowest = [];
  let stopping = false;
  parentPort.on('message', (message) => { if (message === 'stop') stopping = true; });
  parentPort.postMessage({ type: 'ready', items: battery.length });

  const attacker = async (index) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const localAddress = addresses[index % addresses.length];
    let position = Math.floor((index * battery.length) / attackers);
    while (!stopping) {
      const item = battery[position++ % battery.length];
      const spec = varied(item, `${index}.${position}`);
      const result = await sendRequest(target, spec, { agent, localAddress, timeoutMs });
      const stats = perItem.get(item.name);
      stats.latencies.push(result.ms);
      let key;
      let failure = null;
      if (result.status !== null) {
        key = String(result.status);
        if (result.status >= 500) failure = `${key} ${errorCode(result.sample)}`;
        const code = errorCode(result.sample) || '-';
        stats.codes[code] = (stats.codes[code] ?? 0) + 1;
      } else if (item.closeOk && ['ECONNRESET', 'EPIPE'].includes(result.error)) {
        key = 'closed'; // the server refused to read an oversized upload and closed the connection
      } else {
        key = result.error;
        failure = result.error;
      }
      stats.statuses[key] = (stats.statuses[key] ?? 0) + 1;
      if (failure && stats.failures.length < 3) stats.failures.push(`${failure} after ${result.ms.toFixed(0)} ms`);
      slowest.push({ name: item.name, ms: result.ms, status: key });
      if (slowest.length > 50) { slowest.sort((a, b) => b.ms - a.ms); slowest.length = 10; }
    }
    agent.destroy();
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: attackers }, (_, i) => attacker(i)));
  slowest.sort((a, b) => b.ms - a.ms);
  return { perItem: [...perItem.entries()], slowest: slowest.slice(0, 10), seconds: (performance.now() - started) / 1000 };
}

// ---------------------------------------------------------------------------------------------------------
// Main thread: arguments, loopback checks, phases, report.

function die(message, code = 2) {
  console.error(`abuse: ${message}`);
  process.exit(code);
}

function parseArgs(argv) {
  const args = { seconds: 15, attackers: 8, normalRate: 50, fanout: 20, requestTimeout: 20, attackerAddresses: 1, label: '', skip: [], only: null };
  const positional = [];
  const number = (name, value, min, max) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) die(`${name} must be an integer from ${min} to ${max}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => { if (i + 1 >= argv.length) die(`${arg} needs a value`); return argv[++i]; };
    switch (arg) {
      case '--seconds': args.seconds = number(arg, value(), 1, 600); break;
      case '--attackers': args.attackers = number(arg, value(), 1, 64); break;
      case '--normal-rate': args.normalRate = number(arg, value(), 1, 1000); break;
      case '--fanout': args.fanout = number(arg, value(), 1, 40); break;
      case '--request-timeout': args.requestTimeout = number(arg, value(), 1, 120); break;
      case '--attacker-addresses': args.attackerAddresses = number(arg, value(), 1, 64); break;
      case '--label': args.label = value(); break;
      case '--skip': args.skip = value().split(',').filter(Boolean); break;
      case '--only': args.only = value().split(',').filter(Boolean); break;
      case '--list': args.list = true; break;
      case '--probe': args.probe = true; break;
      case '--per-kind': args.perKind = true; break;
      case '--show': args.show = value(); break;
      case '-h': case '--help':
        console.log('usage: node abuse.mjs <url> [--seconds N] [--attackers N] [--normal-rate R] [--label T] [--skip k,k] [--only k,k] [--fanout N]\n' +
          '         [--request-timeout S] [--attacker-addresses N] [--list | --show NAME | --probe | --per-kind]');
        process.exit(0);
        break;
      default:
        if (arg.startsWith('--')) die(`unknown option ${arg}`);
        positional.push(arg);
    }
  }
  for (const kind of [...args.skip, ...(args.only ?? [])]) if (!KINDS.includes(kind)) die(`unknown attack kind ${kind} (kinds: ${KINDS.join(', ')})`);
  args.kinds = (args.only ?? KINDS).filter((kind) => !args.skip.includes(kind));
  args.url = positional[0];
  return args;
}

const isLoopbackIp = (ip) => (net.isIPv4(ip) && ip.startsWith('127.')) || ip === '::1' || /^::ffff:127\./i.test(ip);

// Only loopback: literal loopback addresses, or "localhost" when every address it resolves to is loopback.
async function loopbackTarget(text) {
  let url;
  try { url = new URL(text); } catch { die(`not a URL: ${text}`); }
  if (url.protocol !== 'http:') die(`refusing ${text}: only http:// loopback URLs are accepted`);
  if (url.username || url.password) die(`refusing ${text}: no credentials in the URL`);
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  let host;
  if (net.isIP(hostname)) {
    if (!isLoopbackIp(hostname)) die(`refusing non-loopback target ${text}`);
    host = hostname;
  } else if (hostname.toLowerCase() === 'localhost') {
    const addresses = await dns.lookup(hostname, { all: true });
    if (addresses.length === 0 || !addresses.every((a) => isLoopbackIp(a.address))) die(`refusing ${text}: localhost resolves off loopback`);
    host = addresses[0].address; // pinned: no second resolution
  } else {
    die(`refusing non-loopback target ${text} (use 127.0.0.1, [::1] or localhost)`);
  }
  return { host, port: Number(url.port || 80), path: `${url.pathname}${url.search}`, href: url.href };
}

function canConnectFrom(target, localAddress) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: target.host, port: target.port, localAddress });
    const timer = setTimeout(() => { socket.destroy(); resolve(false); }, 2000);
    socket.once('connect', () => { clearTimeout(timer); socket.destroy(); resolve(true); });
    socket.once('error', () => { clearTimeout(timer); resolve(false); });
  });
}

function runWorker(data, onReady) {
  const worker = new Worker(new URL(import.meta.url), { workerData: data });
  const promise = new Promise((resolve, reject) => {
    worker.on('message', (message) => {
      if (message.type === 'ready') onReady?.(message);
      if (message.type === 'result') {
        resolve(message.result);
        worker.terminate();
      }
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`worker exited with code ${code}`)));
  });
  return { worker, promise };
}

const fmt = (ms) => (Number.isFinite(ms) ? ms.toFixed(1) : '-');
const pad = (text, width) => String(text).padEnd(width);
const lpad = (text, width) => String(text).padStart(width);
const entries = (counts) => Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}:${v}`).join(' ');

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.list || args.show) {
    const battery = buildBattery(args).filter((item) => args.kinds.includes(item.kind));
    if (args.list) {
      for (const item of battery) console.log(`${pad(item.kind, 16)} ${pad(item.name, 40)} ${item.method} ${item.chunked ? 'chunked ' : ''}${item.body?.length ?? 0} bytes`);
      return;
    }
    const item = battery.find((i) => i.name === args.show) ?? die(`no attack named ${args.show} (see --list)`);
    const text = item.body?.toString('utf8') ?? '';
    console.log(`${item.method} ${item.path ?? '<url>'} ${JSON.stringify(item.headers)}${item.chunked ? ' (chunked)' : ''}`);
    console.log(text.length > 4000 ? `${text.slice(0, 4000)}… (${item.body.length} bytes in all)` : text);
    return;
  }
  if (!args.url) die('usage: node abuse.mjs <url> [--seconds N] [--attackers N] (see --help)');
  const target = await loopbackTarget(args.url);

  // Hard bound on the whole run: warm-up, both phases, the attackers' last requests, and a margin.
  const phases = args.perKind ? 1 + args.kinds.length : 2;
  const hardLimitMs = (args.probe ? 300 : phases * (args.seconds + args.requestTimeout + 5) + 60) * 1000;
  setTimeout(() => {
    console.log(`\nabuse: HARD TIMEOUT after ${hardLimitMs / 1000} s (the server stopped answering?)`);
    console.log('p99 ratio n/a (target < 5): FAIL');
    process.exit(1);
  }, hardLimitMs).unref();

  // The server must answer the normal query before anything is measured.
  const probeSpec = {
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' }, body: Buffer.from(gql(NORMAL_QUERY)),
  };
  const first = await sendRequest(target, probeSpec, { timeoutMs: NORMAL_TIMEOUT_MS });
  if (first.status !== 200 || !/"title"\s*:\s*"Revision Surgery"/.test(first.sample)) {
    die(`the normal query failed before the attack: ${first.status ?? first.error} ${first.sample.slice(0, 300)}`);
  }

  if (args.probe) {
    let failures = 0;
    const battery = buildBattery(args).filter((item) => args.kinds.includes(item.kind));
    console.log(`${pad('kind', 16)} ${pad('attack', 40)} ${lpad('ms', 9)} status  code`);
    for (const item of battery) {
      const result = await sendRequest(target, varied(item, `probe.${process.pid}.${Date.now()}`), { timeoutMs: args.requestTimeout * 1000 });
      const status = result.status ?? (item.closeOk && ['ECONNRESET', 'EPIPE'].includes(result.error) ? 'closed' : result.error);
      const failed = result.status === null ? status !== 'closed' : result.status >= 500;
      if (failed) failures++;
      console.log(`${pad(item.kind, 16)} ${pad(item.name, 40)} ${lpad(fmt(result.ms), 9)} ${pad(status, 7)} ${errorCode(result.sample)}${failed ? '   <-- FAILURE' : ''}`);
    }
    console.log(`${battery.length} attacks sent once each; failures (5xx, connection errors, hangs): ${failures}`);
    process.exit(failures ? 1 : 0);
  }

  // Source addresses: the normal reader on 127.0.0.2, the attackers on 127.0.0.1 (or spread over 127.0.1.x).
  let normalAddress;
  let attackerAddresses = [undefined];
  if (net.isIPv4(target.host)) {
    if (await canConnectFrom(target, '127.0.0.2')) normalAddress = '127.0.0.2';
    const wanted = args.attackerAddresses === 1 ? ['127.0.0.1'] : Array.from({ length: args.attackerAddresses }, (_, i) => `127.0.1.${i + 1}`);
    if (await canConnectFrom(target, wanted[0])) attackerAddresses = wanted;
  }
  const attackerNote = attackerAddresses[0] === undefined ? 'the default source address'
    : attackerAddresses.length === 1 ? attackerAddresses[0] : `${attackerAddresses.length} addresses 127.0.1.x`;
  const normalNote = normalAddress ?? 'the default source address (127.0.0.2 unavailable: a per-address rate limit also hits it)';

  const cpus = os.cpus().length;
  const loadBefore = os.loadavg();
  console.log(`ContentHub abuse run${args.label ? ` — ${args.label}` : ''}`);
  console.log(`target ${target.href}   phases ${args.seconds} s each   attackers ${args.attackers}   kinds ${args.kinds.length}/${KINDS.length}${args.skip.length ? ` (skipped: ${args.skip.join(', ')})` : ''}`);
  console.log(`normal client: at most ${args.normalRate} req/s, one at a time, from ${normalNote}; attackers from ${attackerNote}`);
  console.log(`machine: ${cpus} CPUs, load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} before the run; ` +
    'client and server compete for these CPUs');

  // Phase 1: idle.
  const idle = await runWorker({ role: 'normal', target, localAddress: normalAddress, seconds: args.seconds, warmupRequests: 50, rate: args.normalRate }).promise;

  // Phase 2: attack. The attackers start first; the normal client is measured once they are running.
  const attackPhase = async (kinds) => {
    let ready;
    const readyPromise = new Promise((resolve) => { ready = resolve; });
    const attack = runWorker({
      role: 'attack', target, addresses: attackerAddresses, attackers: args.attackers, fanout: args.fanout,
      kinds, timeoutMs: args.requestTimeout * 1000,
    }, ready);
    await readyPromise;
    await new Promise((r) => setTimeout(r, 500));
    const normal = await runWorker({ role: 'normal', target, localAddress: normalAddress, seconds: args.seconds, warmupRequests: 0, rate: args.normalRate }).promise;
    attack.worker.postMessage('stop');
    return { normal, attack: await attack.promise }; // each attacker's last request is bounded by --request-timeout
  };

  if (args.perKind) {
    // One attack phase per kind, to see which kinds hurt the normal query.
    const idleStats = summarize(idle.latencies);
    console.log(`\nidle: n ${idleStats.n}, p50 ${fmt(idleStats.p50)} ms, p99 ${fmt(idleStats.p99)} ms, max ${fmt(idleStats.max)} ms`);
    console.log('attacked by only      attack req/s   normal p50      p99      max   p99 ratio   failures  slowest attack');
    let worst = 0;
    let failures = idle.failed;
    for (const kind of args.kinds) {
      const { normal, attack } = await attackPhase([kind]);
      const stats = summarize(normal.latencies);
      const ratio = stats.p99 / idleStats.p99;
      worst = Math.max(worst, Number.isFinite(ratio) ? ratio : Infinity);
      const sent = attack.perItem.reduce((n, [, item]) => n + item.latencies.length, 0);
      const failed = attack.perItem.reduce((n, [, item]) => n + Object.entries(item.statuses)
        .filter(([k]) => !/^[1-4]\d\d$/.test(k) && k !== 'closed').reduce((m, [, v]) => m + v, 0), 0) + normal.failed;
      failures += failed;
      const slow = attack.slowest[0];
      console.log(`${pad(kind, 20)} ${lpad((sent / attack.seconds).toFixed(1), 13)} ${lpad(fmt(stats.p50), 12)} ${lpad(fmt(stats.p99), 8)} ${lpad(fmt(stats.max), 8)} ${lpad(ratio.toFixed(2), 11)} ${lpad(failed, 10)}  ${slow ? `${slow.name} ${slow.ms.toFixed(0)} ms` : '-'}`);
    }
    console.log(`load average after the run: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (${cpus} CPUs shared by client and server)`);
    const pass = worst < TARGET_RATIO;
    console.log(`\nfailures: ${failures}`);
    console.log(`p99 ratio ${Number.isFinite(worst) ? worst.toFixed(2) : 'n/a'} (worst kind; target < ${TARGET_RATIO}): ${pass ? 'PASS' : 'FAIL'}`);
    process.exit(pass && failures === 0 ? 0 : 1);
  }

  const { normal: underAttack, attack: attackResult } = await attackPhase(args.kinds);
  const loadAfter = os.loadavg();

  // Report.
  const idleStats = summarize(idle.latencies);
  const attackStats = summarize(underAttack.latencies);
  const ratio = attackStats.p99 / idleStats.p99;
  const row = (name, stats, result, seconds) => console.log(
    `${pad(name, 14)} ${lpad(stats.n, 7)} ${lpad((stats.n / seconds).toFixed(1), 7)} ${lpad(fmt(stats.p50), 8)} ${lpad(fmt(stats.p95), 8)} ${lpad(fmt(stats.p99), 8)} ${lpad(fmt(stats.max), 8)}   ${entries(result.statuses)}`);
  console.log('\nnormal query (ms)     n   req/s      p50      p95      p99      max   statuses');
  row('idle', idleStats, idle, args.seconds);
  row('under attack', attackStats, underAttack, args.seconds);
  console.log(`client-side event-loop delay p99 (normal worker, part of its latencies): idle ${fmt(idle.clientLoopDelayP99Ms)} ms, under attack ${fmt(underAttack.clientLoopDelayP99Ms)} ms`);
  for (const line of [...idle.bad, ...underAttack.bad]) console.log(`  normal query failed: ${line}`);

  let totalSent = 0;
  let failures = 0;
  const failureLines = [];
  const byKind = new Map();
  console.log(`\n${pad(`attacks (${attackResult.seconds.toFixed(1)} s)`, 54)} sent   p50 ms   max ms   statuses | error codes`);
  for (const [name, stats] of attackResult.perItem) {
    const sent = stats.latencies.length;
    totalSent += sent;
    const kind = byKind.get(stats.kind) ?? { sent: 0, statuses: {} };
    kind.sent += sent;
    for (const [k, v] of Object.entries(stats.statuses)) kind.statuses[k] = (kind.statuses[k] ?? 0) + v;
    byKind.set(stats.kind, kind);
    const failed = Object.entries(stats.statuses).filter(([k]) => !/^[1-4]\d\d$/.test(k) && k !== 'closed').reduce((n, [, v]) => n + v, 0);
    failures += failed;
    for (const line of stats.failures) failureLines.push(`${name}: ${line}`);
    const s = summarize(stats.latencies);
    console.log(`${pad(`${stats.kind}/${name}`, 54)} ${lpad(sent, 6)} ${lpad(fmt(s.p50), 8)} ${lpad(fmt(s.max), 8)}   ${entries(stats.statuses)} | ${entries(stats.codes)}${failed ? '   <-- FAILURE' : ''}`);
  }
  console.log('\nby kind                 sent   statuses');
  for (const [kind, stats] of byKind) console.log(`${pad(kind, 20)} ${lpad(stats.sent, 7)}   ${entries(stats.statuses)}`);
  console.log(`total attack requests ${totalSent} (${(totalSent / attackResult.seconds).toFixed(1)} req/s)`);
  console.log(`slowest attack requests: ${attackResult.slowest.slice(0, 5).map((s) => `${s.name} ${s.ms.toFixed(0)} ms (${s.status})`).join('; ')}`);
  console.log(`load average after the run: ${loadAfter.map((l) => l.toFixed(2)).join(' ')} (${cpus} CPUs shared by client and server)`);

  const normalFailed = idle.failed + underAttack.failed;
  console.log(`\nfailures: ${failures} attack requests with 5xx / connection error / hang; ${normalFailed} normal queries not 200`);
  for (const line of failureLines.slice(0, 20)) console.log(`  ${line}`);
  const pass = Number.isFinite(ratio) && ratio < TARGET_RATIO;
  console.log(`p99 ratio ${Number.isFinite(ratio) ? ratio.toFixed(2) : 'n/a'} (target < ${TARGET_RATIO}): ${pass ? 'PASS' : 'FAIL'}`);
  process.exit(pass && failures === 0 && normalFailed === 0 ? 0 : 1);
}

// Entry: the main thread runs the phases; workers run a client (started with workerData.role).
if (!isMainThread) {
  const { role } = workerData;
  const result = role === 'normal' ? await runNormalWorker(workerData) : await runAttackWorker(workerData);
  parentPort.postMessage({ type: 'result', result });
} else {
  await main();
}
