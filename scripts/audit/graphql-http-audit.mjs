// Runs the graphql-http server audits (the GraphQL-over-HTTP spec's reference suite) against a live server.
// Usage: node graphql-http-audit.mjs http://127.0.0.1:5071/graphql
// Exits 1 when any MUST or SHOULD audit does not pass; MAY audits are printed but never fail the run.
import { serverAudits } from 'graphql-http';

const TIMEOUT_MS = 60_000;
const REQUEST_TIMEOUT_MS = 10_000;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function fail(message) {
  console.error(`graphql-http-audit: ${message}`);
  process.exit(2);
}

const target = process.argv[2];
if (!target) fail('usage: node graphql-http-audit.mjs <url>, e.g. http://127.0.0.1:5071/graphql');
let url;
try {
  url = new URL(target);
} catch {
  fail(`not a URL: ${target}`);
}
// The audit sends traffic; it must never leave this machine.
if (!['http:', 'https:'].includes(url.protocol) || !LOOPBACK_HOSTS.has(url.hostname)) {
  fail(`refusing non-loopback target ${target} (allowed hosts: ${[...LOOPBACK_HOSTS].join(', ')})`);
}

setTimeout(() => fail(`timed out after ${TIMEOUT_MS / 1000} s`), TIMEOUT_MS).unref();

// Remember the request each audit sends (every audit sends exactly one), so a failure can show it.
let lastRequest;
async function fetchFn(input, init = {}) {
  lastRequest = { url: String(input), method: init.method ?? 'GET', headers: init.headers ?? {}, body: init.body };
  return fetch(input, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
}

function describeRequest(req) {
  const headers = Object.entries(req.headers).map(([k, v]) => `-H '${k}: ${v}'`);
  const body = req.body === undefined ? [] : [`--data-raw '${String(req.body).replaceAll("'", "'\\''")}'`];
  return ['curl -si', `-X ${req.method}`, ...headers, ...body, `'${req.url}'`].join(' ');
}

async function describeResponse(res) {
  if (!res) return '(no response)';
  let body;
  try {
    body = res.bodyUsed ? '(body already read by the audit)' : await res.text();
  } catch (error) {
    body = `(body unreadable: ${error.message})`;
  }
  const contentType = res.headers.get('content-type') ?? '(none)';
  return `HTTP ${res.status}, content-type: ${contentType}\n      body: ${body}`;
}

let passed = 0;
let failed = 0;
const failures = [];
for (const audit of serverAudits({ url: url.toString(), fetchFn })) {
  const counts = !audit.name.startsWith('MAY');
  lastRequest = undefined;
  let result;
  try {
    result = await audit.fn();
  } catch (error) {
    // graphql-http throws (rather than returning a failure) on fatal problems such as a refused connection.
    result = { status: 'error', reason: `fatal: ${error?.cause?.message ?? error?.message ?? error}` };
  }
  const ok = result.status === 'ok';
  console.log(`${ok ? 'ok    ' : result.status.padEnd(6)} ${audit.id} ${audit.name}`);
  if (!counts) continue;
  if (ok) {
    passed++;
  } else {
    failed++;
    failures.push({ audit, result, request: lastRequest });
  }
}

if (failures.length > 0) {
  console.log('\nFailing MUST/SHOULD audits:');
  for (const { audit, result, request } of failures) {
    console.log(`\n  ${audit.id} ${audit.name}\n    reason: ${result.reason}`);
    if (request) console.log(`    request: ${describeRequest(request)}`);
    console.log(`    response: ${await describeResponse(result.response)}`);
  }
  console.log('');
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
