// Cluster check: a bounded mixed load through several ContentHub nodes sharing one database, with one node killed
// (SIGKILL) mid-run and restarted (issue: "several nodes behind a load balancer, no stale reads, exactly-once
// scheduling").
//
// Usage: node cluster.mjs --nodes http://127.0.0.1:P1,http://127.0.0.1:P2,... --pids PID1,PID2,... --key <editor key>
//        --admin-key <admin key> [--seconds 75] [--connections 24] [--writers 6] [--scheduled 12] [--kill-at 0.4]
//        [--victim 2]                                                          (Node 20, no dependencies)
// - Readers (--connections minus --writers) send anonymous queries round-robin through the nodes that are up.
// - Each writer owns one article (nobody else writes it) and keeps changing it through a random node: a new summary,
//   and every fifth write a publish or unpublish. After each acknowledged write it at once reads the article, and a
//   list filtered by the writer's own tag, anonymously through every other node that is up, and compares them with
//   what was written (version, summary, visibility). Any difference is a stale read: nothing else could have
//   changed the article in between. A stale read is read again 1 s later to tell a short delay from a stale cache.
// - --scheduled drafts are scheduled (scheduleArticle) to publish at times spread over the run; the schedulers of
//   all nodes compete for them. After the run each must have exactly one publish revision by `scheduler` and one
//   SUCCEEDED publishArticle audit entry by `scheduler`.
// - At --kill-at (a fraction of --seconds) node --victim (1-based) is taken out of the rotation and killed with
//   SIGKILL; its in-flight requests that fail are counted apart from errors. The caller restarts it on the same
//   port; it rejoins the rotation once /health/ready answers 200.
// Exit codes: 0 PASS (no errors, no stale reads, every scheduled item published exactly once, the killed node back);
// 1 FAIL; 2 setup problem.
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};
const urls = (option('nodes') ?? '').split(',').filter(Boolean);
const pids = (option('pids') ?? '').split(',').filter(Boolean).map(Number);
const key = option('key');
const adminKey = option('admin-key');
const seconds = Number(option('seconds', 75));
const connections = Number(option('connections', 24));
const writers = Number(option('writers', 6));
const scheduledCount = Number(option('scheduled', 12));
const killAt = Number(option('kill-at', 0.4));
const victimIndex = Number(option('victim', 2)) - 1;
if (urls.length < 2 || !urls.every((u) => /^http:\/\/127\.0\.0\.1:\d+$/.test(u)) || pids.length !== urls.length
  || !key || !adminKey || !(seconds > 0) || !(writers >= 1 && writers < connections) || !(scheduledCount >= 0)
  || !(killAt > 0 && killAt < 1) || !(victimIndex >= 0 && victimIndex < urls.length)) {
  console.error('usage: node cluster.mjs --nodes http://127.0.0.1:P1,... --pids PID1,... --key <editor key> --admin-key <admin key> '
    + '[--seconds N] [--connections N] [--writers N] [--scheduled N] [--kill-at FRACTION] [--victim N]');
  process.exit(2);
}

// Generous: a node restarted on a busy machine compiles its code paths again while answering.
const REQUEST_TIMEOUT_MS = 30_000;
const editor = { authorization: `Bearer ${key}` };
const admin = { authorization: `Bearer ${adminKey}` };
const nodes = urls.map((url, i) => ({
  name: `node${i + 1}`, url, pid: pids[i], up: true, epoch: 0,
  latencies: [], errors: 0, killedInFlight: 0, inFlight: 0,
}));

// ---- requests and what they cost ----------------------------------------------------------------------------

const kinds = new Map();
const examples = [];
const noteError = (text) => { if (examples.length < 8) examples.push(text); };

// Requests before the load (creating articles, warming up) and after it (checking the schedules) are counted under
// their phase's name, and only the load's go into the nodes' figures.
let phase = 'setup';

function record(node, kind, ms, outcome) {
  const measured = phase === 'load';
  const entry = kinds.get(measured ? kind : phase) ?? { latencies: [], errors: 0 };
  kinds.set(measured ? kind : phase, entry);
  if (outcome === 'killed') {
    node.killedInFlight += 1;
    return;
  }
  entry.latencies.push(ms);
  if (measured) node.latencies.push(ms);
  if (outcome) {
    entry.errors += 1;
    node.errors += 1;
    noteError(`${node.name} ${kind}: ${outcome}`);
  }
}

/**
 * One GraphQL request through `node`. Returns { json } on an answer without errors (nor user errors); { error }
 * otherwise, after counting it; { killed } when it failed because its node was killed while it ran (counted apart);
 * { skipped } when the node was taken out of the rotation after the caller picked it.
 */
async function post(node, kind, query, variables, headers = {}) {
  if (!node.up) return { skipped: true }; // taken out of the rotation since it was picked
  const epoch = node.epoch;
  node.inFlight += 1;
  const started = performance.now();
  let outcome = null;
  let json = null;
  try {
    const response = await fetch(`${node.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    json = await response.json();
    // A mutation refused with user errors is an error too: nobody else writes the articles written here.
    const refused = Object.values(json.data ?? {}).find((payload) => payload?.errors?.length);
    if (response.status !== 200) outcome = `HTTP ${response.status} ${JSON.stringify(json).slice(0, 200)}`;
    else if (json.errors) outcome = JSON.stringify(json.errors).slice(0, 200);
    else if (refused) outcome = JSON.stringify(refused.errors).slice(0, 200);
  } catch (error) {
    outcome = node.epoch !== epoch ? 'killed' : `${error}${error.cause ? ` (${error.cause.code ?? error.cause})` : ''}`;
  }
  node.inFlight -= 1;
  record(node, kind, performance.now() - started, outcome);
  return outcome === 'killed' ? { killed: true } : outcome ? { error: outcome } : { json };
}

const upNodes = (except = null) => nodes.filter((n) => n.up && n !== except);
const randomNode = (except = null) => {
  const candidates = upNodes(except);
  return candidates[Math.floor(Math.random() * candidates.length)];
};
const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

// ---- setup: the writers' articles and the scheduled drafts ---------------------------------------------------

const ARTICLE = 'id slug version status summary';
const READS = [
  ['article', '{ article(slug: "revision-surgery") { title body { html } category { name } disclaimers { key } } randomFact { text } }'],
  ['list', '{ articles(first: 20) { items { title slug summary category { name } } } }'],
  ['filtered', '{ articles(first: 10, filter: { category: "treatments", search: "surgery" }) { totalCount items { title slug } } }'],
  ['search', '{ searchArticles(query: "spine surgery", first: 10) { edges { snippet node { slug } } } }'],
  ['cluster', '{ articles(first: 20, filter: { tag: "cluster" }) { items { id version summary } } }'],
];

const CHECK_ARTICLE = 'query($id: ID!) { article(id: $id) { id version summary } }';
const CHECK_LIST = 'query($tag: String!) { articles(first: 10, filter: { tag: $tag }) { items { id version summary } } }';

const runId = Date.now().toString(36);
const writerTag = (w) => `cluster-${runId}-w${w}`;

async function mutate(node, name, signature, call, variables) {
  const result = await post(node, 'write', `mutation(${signature}) { ${name}(${call}) { article { ${ARTICLE} } errors { code message } } }`, variables, editor);
  return result.json ? { article: result.json.data[name].article } : result;
}

const create = (node, input) => mutate(node, 'createArticle', '$input: ArticleInput!', 'input: $input', { input });
const transition = (node, name, article) => mutate(node, name, '$id: ID!, $version: Int!', 'id: $id, version: $version', { id: article.id, version: article.version });
const update = (node, article, input) => mutate(node, 'updateArticle', '$id: ID!, $version: Int!, $input: ArticleInput!', 'id: $id, version: $version, input: $input', { id: article.id, version: article.version, input });

function setupFailed(what, result) {
  console.error(`cluster: setup failed: ${what}: ${result.error ?? 'the node was killed'}`);
  process.exit(2);
}

const owned = [];
for (let w = 0; w < writers; w++) {
  const node = nodes[w % nodes.length];
  const created = await create(node, { title: `Cluster article ${w} ${runId}`, summary: 'Created.', body: 'Cluster check.', category: 'treatments', tags: ['cluster', writerTag(w)] });
  if (!created.article) setupFailed(`creating writer ${w}'s article`, created);
  const published = await transition(node, 'publishArticle', created.article);
  if (!published.article) setupFailed(`publishing writer ${w}'s article`, published);
  owned.push(published.article);
}

// Warm-up: every node has run each query once, so the figures do not include compiling them.
for (const node of nodes) {
  for (const [, query] of READS) await post(node, 'setup', query);
  await post(node, 'setup', CHECK_ARTICLE, { id: owned[0].id });
  await post(node, 'setup', CHECK_LIST, { tag: writerTag(0) });
}

const drafts = [];
for (let s = 0; s < scheduledCount; s++) {
  const created = await create(nodes[s % nodes.length], { title: `Cluster scheduled ${s} ${runId}`, body: 'Published by the scheduler.', category: 'treatments', tags: ['cluster-scheduled'] });
  if (!created.article) setupFailed(`creating scheduled draft ${s}`, created);
  drafts.push(created.article);
}
// Due times spread over the run, from a few seconds in to 80% of it: some fall due while the victim is down.
const scheduleStart = Date.now();
const scheduled = [];
for (const [s, draft] of drafts.entries()) {
  const publishAt = new Date(scheduleStart + 6000 + (Math.max(0, seconds * 800 - 6000) * s) / Math.max(1, scheduledCount - 1));
  const result = await post(nodes[s % nodes.length], 'write',
    'mutation($id: ID!, $version: Int!, $at: DateTime) { scheduleArticle(id: $id, version: $version, publishAt: $at) { article { id version publishScheduledAt } errors { code message } } }',
    { id: draft.id, version: draft.version, at: publishAt.toISOString() }, editor);
  if (!result.json) setupFailed(`scheduling draft ${s}`, result);
  scheduled.push({ id: draft.id, publishAt });
}

// ---- the load ----------------------------------------------------------------------------------------------

phase = 'load';
const started = Date.now();
const deadline = started + seconds * 1000;

async function reader(index) {
  for (let turn = index; Date.now() < deadline; turn++) {
    const candidates = upNodes();
    const node = candidates[turn % candidates.length];
    const [kind, query] = READS[turn % READS.length];
    await post(node, kind, query);
  }
}

const stale = { checks: 0, article: 0, list: 0, persisting: 0, examples: [] };

/** Reads `truth` anonymously through `node`, as an article and in its writer's list; the reads that differ from it. */
async function readStale(node, truth, tag) {
  const found = [];
  const one = await post(node, 'check', CHECK_ARTICLE, { id: truth.id });
  if (one.json) {
    stale.checks += 1;
    const seen = one.json.data.article;
    const fresh = truth.status === 'PUBLISHED'
      ? seen?.version === truth.version && seen.summary === truth.summary
      : seen === null;
    if (!fresh) found.push(['article', seen]);
  }
  const list = await post(node, 'check', CHECK_LIST, { tag });
  if (list.json) {
    stale.checks += 1;
    const items = list.json.data.articles.items;
    const fresh = truth.status === 'PUBLISHED'
      ? items.length === 1 && items[0].version === truth.version && items[0].summary === truth.summary
      : items.length === 0;
    if (!fresh) found.push(['list', items]);
  }
  return found;
}

async function checkEverywhereBut(writtenThrough, truth, tag) {
  for (const node of upNodes(writtenThrough)) {
    const found = await readStale(node, truth, tag);
    if (!found.length) continue;
    for (const [what, seen] of found) {
      stale[what] += 1;
      if (stale.examples.length < 4) {
        stale.examples.push(`wrote v${truth.version} (${truth.status}, "${truth.summary}") through ${writtenThrough.name}; ${node.name} ${what} showed ${JSON.stringify(seen).slice(0, 160)}`);
      }
    }
    // Read again (not counted as checks): a short delay heals, a stale cache does not.
    const checks = stale.checks;
    await sleep(1000);
    stale.persisting += (await readStale(node, truth, tag)).length;
    stale.checks = checks;
  }
}

/** The article as stored, through the editor API (never cached): after a write whose outcome is unknown. */
async function reread(article) {
  for (;;) {
    const node = randomNode();
    const result = await post(node, 'resync', `query($id: ID!) { article(id: $id) { ${ARTICLE} } }`, { id: article.id }, editor);
    if (result.json?.data.article) return result.json.data.article;
    if (Date.now() > deadline + 60_000) return article;
    await sleep(200);
  }
}

async function writer(w) {
  let article = owned[w];
  for (let turn = 1; Date.now() < deadline; turn++) {
    const node = randomNode();
    const result = turn % 5 === 0
      ? await transition(node, article.status === 'PUBLISHED' ? 'unpublishArticle' : 'publishArticle', article)
      : await update(node, article, { summary: `Writer ${w}, turn ${turn}, ${Math.random().toString(36).slice(2, 8)}.` });
    if (result.article) {
      article = result.article;
      await checkEverywhereBut(node, article, writerTag(w));
    } else {
      article = await reread(article); // killed in flight or refused: whether it was written is not known
    }
  }
}

// ---- the kill ----------------------------------------------------------------------------------------------

const victim = nodes[victimIndex];
const kill = { at: null, back: null };

async function ready(node) {
  try {
    const response = await fetch(`${node.url}/health/ready`, { signal: AbortSignal.timeout(2000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

async function killer() {
  await sleep(seconds * 1000 * killAt);
  victim.up = false; // no new requests: a load balancer would take it out at once
  victim.epoch += 1;
  kill.at = Date.now();
  kill.inFlight = victim.inFlight;
  process.kill(victim.pid, 'SIGKILL');
  while (Date.now() < deadline + 120_000) {
    await sleep(250);
    if (await ready(victim)) {
      kill.back = Date.now();
      victim.up = true;
      return;
    }
  }
}

const killing = killer();
await Promise.all([
  ...Array.from({ length: writers }, (_, w) => writer(w)),
  ...Array.from({ length: connections - writers }, (_, i) => reader(i)),
]);
const elapsed = (Date.now() - started) / 1000;
await killing;
phase = 'verify';

// ---- scheduled publications: exactly once ------------------------------------------------------------------

const schedule = { once: 0, never: 0, more: 0, unaudited: 0, lostRaces: 0, latest: 0, examples: [] };
if (scheduled.length) {
  // Until all are published, by whichever node: at most 90 s after the last was due (a scheduler that died holding
  // a lease may delay them until the lease lapses).
  const giveUp = Math.max(...scheduled.map((s) => s.publishAt.getTime())) + 90_000;
  for (;;) {
    const result = await post(randomNode(), 'verify', '{ articles(first: 1, filter: { tag: "cluster-scheduled", status: PUBLISHED }) { totalCount } }', {}, editor);
    if (result.json?.data.articles.totalCount >= scheduled.length || Date.now() > giveUp) break;
    await sleep(1000);
  }
  for (const item of scheduled) {
    const result = await post(randomNode(), 'verify',
      'query($id: ID!) { articleRevisions(id: $id) { actor operation at } auditLog(first: 100, actor: "scheduler", targetType: "Article", targetId: $id) { operation outcome } }',
      { id: item.id }, admin);
    const revisions = result.json?.data.articleRevisions.filter((r) => r.actor === 'scheduler' && r.operation === 'publish') ?? [];
    const audit = result.json?.data.auditLog ?? [];
    const succeeded = audit.filter((a) => a.operation === 'publishArticle' && a.outcome === 'SUCCEEDED').length;
    schedule.lostRaces += audit.filter((a) => a.outcome === 'CONFLICT').length;
    for (const revision of revisions) schedule.latest = Math.max(schedule.latest, (Date.parse(revision.at) - item.publishAt) / 1000);
    if (revisions.length === 1 && succeeded === 1) schedule.once += 1;
    else if (revisions.length === 0) schedule.never += 1;
    else if (revisions.length > 1 || succeeded > 1) schedule.more += 1;
    else schedule.unaudited += 1;
    if ((revisions.length !== 1 || succeeded !== 1) && schedule.examples.length < 4) {
      schedule.examples.push(`article ${item.id} due ${item.publishAt.toISOString()}: ${revisions.length} publish revisions, ${succeeded} SUCCEEDED audit entries by scheduler`);
    }
  }
}

// ---- report ------------------------------------------------------------------------------------------------

const percentile = (sorted, p) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] : NaN;
const row = (name, latencies, errors, extra = '') => {
  const sorted = Float64Array.from(latencies).sort();
  return `${name.padEnd(9)} ${String(sorted.length).padStart(8)} ${(sorted.length / elapsed).toFixed(0).padStart(7)} ${percentile(sorted, 50).toFixed(1).padStart(9)} ${percentile(sorted, 99).toFixed(1).padStart(9)} ${String(errors).padStart(7)}${extra}`;
};

const errors = nodes.reduce((sum, n) => sum + n.errors, 0);
const killedInFlight = nodes.reduce((sum, n) => sum + n.killedInFlight, 0);
const staleReads = stale.article + stale.list;
const killedAfter = kill.at ? ((kill.at - started) / 1000).toFixed(1) : '-';
const downFor = kill.back ? `back after ${((kill.back - kill.at) / 1000).toFixed(1)} s` : 'NOT BACK';
console.log(`cluster: ${elapsed.toFixed(0)} s, ${nodes.length} nodes, ${connections} connections (${writers} writing), `
  + `${victim.name} killed (SIGKILL) at ${killedAfter} s with ${kill.inFlight ?? 0} requests of ours in flight `
  + `(${victim.killedInFlight} failed; the others had been answered), ${downFor}`);
console.log('node      requests   req/s    p50 ms    p99 ms  errors  killed in flight');
for (const node of nodes) console.log(row(node.name, node.latencies, node.errors, String(node.killedInFlight).padStart(18)));
console.log('kind      requests   req/s    p50 ms    p99 ms  errors');
for (const [kind, entry] of kinds) console.log(row(kind, entry.latencies, entry.errors));
for (const example of examples) console.log(`  e.g. ${example}`);
console.log(`stale reads after acknowledged writes: ${staleReads} of ${stale.checks} reads through another node `
  + `(article ${stale.article}, list ${stale.list}; still stale 1 s later: ${stale.persisting})`);
for (const example of stale.examples) console.log(`  e.g. ${example}`);
console.log(`scheduled publications: ${scheduled.length} scheduled, ${schedule.once} published exactly once, `
  + `${schedule.never} never, ${schedule.more} more than once, ${schedule.unaudited} without their one audit entry `
  + `(at most ${schedule.latest.toFixed(1)} s after their time; scheduler attempts refused with CONFLICT: ${schedule.lostRaces})`);
for (const example of schedule.examples) console.log(`  e.g. ${example}`);

const failures = [
  errors && `${errors} errors`,
  staleReads && `${staleReads} stale reads`,
  schedule.once !== scheduled.length && `${scheduled.length - schedule.once} scheduled items not published exactly once`,
  !kill.back && `${victim.name} did not come back`,
].filter(Boolean);
console.log(failures.length ? `FAIL: ${failures.join(', ')}`
  : `PASS: no errors (${killedInFlight} requests in flight on the killed node failed), no stale reads, every scheduled item published exactly once`);
process.exit(failures.length ? 1 : 0);
