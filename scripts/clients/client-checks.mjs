// Real GraphQL clients against a running ContentHub server:
// - graphql-js introspects with every option of getIntrospectionQuery, builds a client schema from the answer
//   and validates it; the server refuses circular introspection exactly where graphql-js's own rule does;
// - Apollo Client's normalised InMemoryCache (Node, no React) loads two articles whose outlines share a heading;
// - apollo-upload-client's UploadHttpLink uploads an image with the GraphQL multipart request spec.
// Usage: node client-checks.mjs <graphql-url> --key <editor API key>
// Exits 0 when every check passes, 1 when any fails (each failure is named), 2 on a usage or setup problem.
import {
  MaxIntrospectionDepthRule,
  buildClientSchema,
  getIntrospectionQuery,
  parse,
  validate,
  validateSchema,
} from 'graphql';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import UploadHttpLink from 'apollo-upload-client/UploadHttpLink.mjs';

const [url, ...rest] = process.argv.slice(2);
const keyAt = rest.indexOf('--key');
const key = keyAt >= 0 ? rest[keyAt + 1] : undefined;
if (!url || !/^http:\/\/127\.0\.0\.1:\d+\//.test(url) || !key) {
  console.error('usage: node client-checks.mjs http://127.0.0.1:<port>/graphql --key <editor key>');
  process.exit(2);
}

const editor = { authorization: `Bearer ${key}` };
let passed = 0;
let failed = 0;

async function check(name, body) {
  try {
    await body();
    passed++;
    console.log(`ok    ${name}`);
  } catch (error) {
    failed++;
    console.log(`FAIL  ${name}\n      ${String(error?.message ?? error).replaceAll('\n', '\n      ')}`);
  }
}

function assert(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

async function post(query, variables, headers = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.json() };
}

// --- graphql-js: introspection with every option, then a client schema built from it ----------------------

const everyOption = {
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  oneOf: true,
};
let clientSchema;

await check('graphql-js getIntrospectionQuery with every option is answered', async () => {
  const { status, body } = await post(getIntrospectionQuery(everyOption));
  assert(status === 200 && !body.errors, `HTTP ${status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  const schema = body.data.__schema;
  assert('description' in schema, '__schema.description missing');
  assert(schema.types.every((type) => 'specifiedByURL' in type && 'isOneOf' in type), 'a type lacks specifiedByURL or isOneOf');
  assert(schema.directives.every((directive) => typeof directive.isRepeatable === 'boolean'), 'a directive lacks isRepeatable');
  clientSchema = buildClientSchema(body.data);
});

await check('buildClientSchema + validateSchema: no errors', async () => {
  assert(clientSchema, 'no client schema (introspection failed)');
  const errors = validateSchema(clientSchema);
  assert(errors.length === 0, errors.map((error) => error.message).join('\n'));
});

await check('the client schema is the API: Query.article, Heading.anchor and no Heading.id', async () => {
  assert(clientSchema, 'no client schema (introspection failed)');
  assert(clientSchema.getQueryType()?.getFields().article, 'Query.article missing');
  const heading = clientSchema.getType('Heading')?.getFields();
  assert(heading?.anchor && !heading.id, `Heading has ${Object.keys(heading ?? {}).join(', ')}`);
  const errors = validate(clientSchema, parse(getIntrospectionQuery(everyOption)));
  assert(errors.length === 0, `graphql-js finds the introspection query invalid: ${errors.map((e) => e.message).join('; ')}`);
});

// The server's verdict on each document must match graphql-js's MaxIntrospectionDepthRule.
const introspectionDepths = [
  '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }',
  '{ __schema { types { fields { type { fields { name } } } } } }',
  '{ __type(name: "Article") { fields { type { ofType { fields { type { ofType { fields { name } } } } } } } } }',
  '{ __type(name: "Article") { fields { type { ofType { fields { name } } } } } }',
  '{ __schema { types { interfaces { possibleTypes { inputFields { name } } } } } }',
  '{ __schema { types { ...F } } } fragment F on __Type { fields { type { ...G } } } fragment G on __Type { fields { type { ...H } } } fragment H on __Type { fields { name } }',
  '{ __schema { types { ...F ...F } } } fragment F on __Type { fields { type { inputFields { name } } } }',
  'query Q { ...Root } fragment Root on Query { __schema { types { ... on __Type { fields { type { inputFields { type { possibleTypes { name } } } } } } } } }',
];
for (const document of introspectionDepths) {
  await check(`circular introspection judged as graphql-js judges it: ${document.slice(0, 70)}…`, async () => {
    const refusedByGraphqlJs = validate(clientSchema, parse(document), [MaxIntrospectionDepthRule]).length > 0;
    const { status, body } = await post(document);
    const code = body.errors?.[0]?.extensions?.code;
    const refusedByServer = status === 400 && code === 'INTROSPECTION_TOO_DEEP';
    assert(refusedByServer === refusedByGraphqlJs,
      `graphql-js ${refusedByGraphqlJs ? 'refuses' : 'accepts'} it; the server answered HTTP ${status} ${code ?? ''}`);
    assert(refusedByServer || (status === 200 && !body.errors), `HTTP ${status}: ${JSON.stringify(body.errors)}`);
  });
}

// --- Apollo Client: two articles whose outlines both have an "Overview" heading, at different levels ----------

const run = Date.now().toString(36);
const articles = [
  { slug: `clients-check-a-${run}`, body: '## Overview\n\nFirst article.\n\n### Details\n\nMore.', outline: [[2, 'Overview', 'overview'], [3, 'Details', 'details']] },
  { slug: `clients-check-b-${run}`, body: '# Overview\n\nSecond article.\n\n## Risks\n\nFew.', outline: [[1, 'Overview', 'overview'], [2, 'Risks', 'risks']] },
];

await check('two articles with an "Overview" heading created through mutations', async () => {
  for (const article of articles) {
    const { status, body } = await post(
      'mutation($input: ArticleInput!) { createArticle(input: $input) { article { slug } errors { field code message } } }',
      { input: { slug: article.slug, title: `Client check ${article.slug}`, body: article.body } },
      editor);
    const payload = body.data?.createArticle;
    assert(status === 200 && payload?.errors.length === 0 && payload.article?.slug === article.slug,
      `HTTP ${status}: ${JSON.stringify(body)}`);
  }
});

function apolloClient() {
  return new ApolloClient({ link: new HttpLink({ uri: url, headers: editor }), cache: new InMemoryCache() });
}

async function loadOutlines(client, query) {
  for (const article of articles) {
    await client.query({ query, variables: { slug: article.slug } });
  }
  // Read back after both loads, from the cache only, as a page rendering article A again would.
  return articles.map((article) => client.readQuery({ query, variables: { slug: article.slug } })?.article?.body.outline
    .map((heading) => [heading.level, heading.text, heading.anchor ?? heading.id]));
}

const outlineQuery = gql`query ArticleOutline($slug: String!) { article(slug: $slug) { id slug body { outline { level text anchor } } } }`;

await check('Apollo InMemoryCache keeps each article\'s outline intact', async () => {
  const client = apolloClient();
  const outlines = await loadOutlines(client, outlineQuery);
  articles.forEach((article, index) => {
    assert(JSON.stringify(outlines[index]) === JSON.stringify(article.outline),
      `${article.slug}: expected ${JSON.stringify(article.outline)}, read ${JSON.stringify(outlines[index])}`);
  });
  const headingKeys = Object.keys(client.cache.extract()).filter((key) => key.startsWith('Heading:'));
  assert(headingKeys.length === 0, `headings normalised as entities: ${headingKeys.join(', ')}`);
});

// Control: the anchor aliased to `id` (the field's old name) must make Apollo merge the two "Overview" headings,
// or the check above proves nothing.
await check('control: with the anchor named id, Apollo merges the headings (the bug the rename prevents)', async () => {
  const asId = gql`query ArticleOutline($slug: String!) { article(slug: $slug) { id slug body { outline { level text id: anchor } } } }`;
  const outlines = await loadOutlines(apolloClient(), asId);
  assert(outlines[0][0][0] === articles[1].outline[0][0],
    `expected article A's "Overview" to show article B's level ${articles[1].outline[0][0]}, read ${JSON.stringify(outlines[0])}`);
});

// --- apollo-upload-client: a file variable becomes a multipart request (operations, map, file part) ----------

// A 2 × 1 PNG, red and blue.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAADUlEQVR4nGP4zwAE/wEHAAH/4iOeWQAAAABJRU5ErkJggg==', 'base64');

await check('apollo-upload-client uploads an image through the multipart request spec', async () => {
  const client = new ApolloClient({
    link: new UploadHttpLink({ uri: url, headers: { ...editor, 'Apollo-Require-Preflight': 'true' } }),
    cache: new InMemoryCache(),
  });
  const { data } = await client.mutate({
    mutation: gql`mutation Upload($file: Upload!) {
      uploadAsset(file: $file, details: { alt: "Red and blue" }) { asset { id format width height } errors { code message } }
    }`,
    variables: { file: new File([png], 'two-pixels.png', { type: 'image/png' }) },
  });
  const payload = data.uploadAsset;
  assert(payload.errors.length === 0, `refused: ${JSON.stringify(payload.errors)}`);
  assert(payload.asset.format === 'PNG' && payload.asset.width === 2 && payload.asset.height === 1, JSON.stringify(payload.asset));
});

await check('a multipart request without a preflight header is refused (PREFLIGHT_REQUIRED)', async () => {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: 'mutation($file: Upload!) { uploadAsset(file: $file, details: { alt: "x" }) { errors { code } } }', variables: { file: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', new Blob([png], { type: 'image/png' }), 'two-pixels.png');
  const response = await fetch(url, { method: 'POST', headers: editor, body: form });
  const body = await response.json();
  assert(response.status === 400 && body.errors?.[0]?.extensions?.code === 'PREFLIGHT_REQUIRED', `${response.status} ${JSON.stringify(body)}`);
});

console.log(`clients: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
