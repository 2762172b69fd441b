using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContentHub.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.FSharp.Core;

namespace ContentHub.Tests.Http;

/// <summary>
/// Property-based fuzzing of the GraphQL endpoint: generated and mutated documents, variables and HTTP envelopes
/// must never produce a 5xx, an exception the server logs, a body that is not JSON, an error without
/// <c>extensions.code</c> or a stack trace. Seeded and bounded, so every run sends the same requests.
/// </summary>
public sealed partial class GraphQLFuzzTests(ContentHubFactory factory) : IClassFixture<ContentHubFactory>
{
    private const int CasesPerProperty = 500;

    // Changing the seed explores new inputs; keep a failing seed's cases as example tests before moving on.
    private static readonly Config s_config = Config.QuickThrowOnFailure
        .WithMaxTest(CasesPerProperty)
        .WithQuietOnSuccess(true)
        .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(20240501UL, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));

    private static readonly ConditionalWeakTable<ContentHubFactory, ServerErrorLog> s_errorLogs = [];

    private static readonly JsonSerializerOptions s_readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly HttpClient _client = CreateClient(factory);

    private readonly ServerErrorLog _errorLog = s_errorLogs.GetValue(factory, ServerErrorLog.AttachTo);

    [Fact]
    public async Task Should_start_from_documents_the_server_runs_without_errors()
    {
        foreach (var document in Corpus.Documents)
        {
            var body = new JsonObject { ["query"] = document.Query, ["operationName"] = document.OperationName };
            if (document.Variables is { } variables)
            {
                body["variables"] = JsonNode.Parse(variables);
            }

            using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            var response = await _client.PostAsync("/graphql", content);
            var text = await response.Content.ReadAsStringAsync();

            Assert.True(200 == (int)response.StatusCode && JsonNode.Parse(text)!["errors"] is null, $"{document.Query}\n→ {text}");
        }
    }

    [Fact]
    public Task Should_answer_mutated_documents_without_a_server_error() =>
        CheckAsync(Generators.MutatedDocumentRequests);

    [Fact]
    public Task Should_answer_variables_of_any_json_shape_without_a_server_error() =>
        CheckAsync(Generators.RandomVariableRequests);

    [Fact]
    public Task Should_answer_malformed_http_requests_without_a_server_error() =>
        CheckAsync(Generators.RandomEnvelopes);

    // Cases the properties found once (with other seeds or generators), kept so they stay fixed whatever the seed.
    [Theory]
    [InlineData("POST", "/graphql", """{"query": "query Q($a: Int) { site { name } }", "variables": {"a": 1, "a": 2}}""")]
    [InlineData("POST", "/graphql", """{"query": "{ site { name } }", "extensions": {"x": 1, "x": 2}}""")]
    [InlineData("POST", "/graphql", """{"query": "query Q($f: ArticleFilter) { articles(filter: $f) { totalCount } }", "variables": {"f": {"tag": "a", "tag": "b"}}}""")]
    [InlineData("GET", "/graphql?query=%7B%20site%20%7B%20name%20%7D%20%7D&variables=%7B%22a%22%3A1%2C%22a%22%3A2%7D", null)]
    [InlineData("POST", "/graphql", """{"query": "{ __type(name: \"\") { name } }"}""")]
    [InlineData("POST", "/graphql", """{"query": "query Q($v: Article = true) { site { name } }"}""")]
    [InlineData("PUT", "/graphql", """{"query": "{ site { name } }"}""")]
    [InlineData("OPTIONS", "/graphql", null)]
    public Task Should_answer_requests_that_fuzzing_found_without_a_server_error(string method, string target, string? body) =>
        SendAndVerifyAsync(new FuzzRequest(method, target, GraphQLClient.ResponseMediaType, body is null ? null : "application/json",
            body is null ? null : Encoding.UTF8.GetBytes(body), "found by fuzzing"));

    private static HttpClient CreateClient(ContentHubFactory factory)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.Timeout = TimeSpan.FromSeconds(20);
        return client;
    }

    // FsCheck runs properties synchronously; blocking off the test's synchronisation context cannot deadlock.
    private Task CheckAsync(Gen<FuzzRequest> requests) =>
        Task.Run(() => Prop.ForAll(Arb.From(requests), request => SendAndVerifyAsync(request).GetAwaiter().GetResult()).Check(s_config));

    private async Task SendAndVerifyAsync(FuzzRequest fuzz)
    {
        _errorLog.Drain();
        using var request = fuzz.ToHttpRequest();
        int status;
        string? mediaType;
        string body;
        try
        {
            using var response = await _client.SendAsync(request);
            status = (int)response.StatusCode;
            mediaType = response.Content.Headers.ContentType?.MediaType;
            body = await response.Content.ReadAsStringAsync();
        }
        catch (Exception exception)
        {
            throw new FuzzFailureException(fuzz, request, [$"the request failed: {exception}"], _errorLog.Drain(), null);
        }

        var problems = Problems(fuzz, status, mediaType, body);
        var logged = _errorLog.Drain();
        if (logged.Count > 0)
        {
            problems.Add("the server logged an error");
        }

        if (problems.Count > 0)
        {
            throw new FuzzFailureException(fuzz, request, problems, logged, $"{status} {mediaType}\n{body}");
        }
    }

    private static List<string> Problems(FuzzRequest request, int status, string? mediaType, string body)
    {
        var problems = new List<string>();
        if (status >= 500)
        {
            problems.Add($"status {status}");
        }

        if (StackTraceLine().IsMatch(body))
        {
            problems.Add("the body carries a stack trace");
        }

        if (status is >= 300 and < 400 || mediaType == "text/html")
        {
            // Banana Cake Pop answers browsers at the same address; anything else must get GraphQL.
            if (request.Accept?.Contains("text/html", StringComparison.OrdinalIgnoreCase) != true)
            {
                problems.Add($"status {status} {mediaType} to a client that did not ask for HTML");
            }

            return problems;
        }

        if (status is not (200 or 400 or 405 or 406 or 415))
        {
            problems.Add($"unexpected status {status}");
            return problems;
        }

        if (request.Method == "HEAD")
        {
            return problems;
        }

        JsonObject? json;
        try
        {
            json = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            json = null;
        }

        if (json is null)
        {
            problems.Add($"status {status} with a body that is not a JSON object");
            return problems;
        }

        if (json["errors"] is not { } errors)
        {
            if (status != 200)
            {
                problems.Add($"status {status} without 'errors'");
            }

            return problems;
        }

        if (errors is not JsonArray { Count: > 0 } list)
        {
            problems.Add("'errors' is not a non-empty list");
            return problems;
        }

        foreach (var error in list)
        {
            var message = error?["message"] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
            if (message is null)
            {
                problems.Add($"an error without a message: {error?.ToJsonString()}");
            }
            else if (message == "Error executing document." || message.StartsWith("Error trying to resolve field", StringComparison.Ordinal))
            {
                // GraphQL.NET's wording for an exception that no code of ours handled, whatever code it derived from the type.
                problems.Add($"an unhandled exception reached the client: {error?.ToJsonString()}");
            }

            if (error?["extensions"]?["code"] is not JsonValue code || code.GetValueKind() != JsonValueKind.String
                || string.IsNullOrEmpty(code.GetValue<string>()))
            {
                problems.Add($"an error without extensions.code: {error?.ToJsonString()}");
            }
        }

        return problems;
    }

    [GeneratedRegex(@"\s{2,}at [\w.`<>\[\],+]+\(")]
    private static partial Regex StackTraceLine();

    /// <summary>One HTTP request exactly as sent: method, path and query string, headers and body bytes.</summary>
    private sealed record FuzzRequest(string Method, string Target, string? Accept, string? ContentType, byte[]? Body, string Origin)
    {
        public HttpRequestMessage ToHttpRequest()
        {
            var request = new HttpRequestMessage(new HttpMethod(Method), Target);
            if (Accept is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept", Accept);
            }

            if (Body is not null)
            {
                request.Content = new ByteArrayContent(Body);
                if (ContentType is not null)
                {
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
                }
            }

            return request;
        }

        /// <summary>What FsCheck prints as the falsifying case; the failure message carries the full request.</summary>
        public override string ToString() => $"{Method} {(Target.Length > 200 ? Target[..200] + "…" : Target)} ({Origin}, body of {Body?.Length ?? 0} bytes)";

        public string Describe(Uri? sentUri)
        {
            var target = sentUri?.PathAndQuery ?? Target;
            var text = new StringBuilder()
                .AppendLine($"{Method} {target}   ({Origin})")
                .AppendLine($"Accept: {Accept ?? "(none)"}")
                .AppendLine($"Content-Type: {ContentType ?? "(none)"}");
            if (Body is not null)
            {
                text.AppendLine(IsUtf8(Body)
                    ? "Body (UTF-8, as a JSON string): " + JsonSerializer.Serialize(Encoding.UTF8.GetString(Body), s_readable)
                    : "Body (not UTF-8, base64): " + Convert.ToBase64String(Body));
            }

            // Byte-exact against a running server (dotnet run --project src/ContentHub.Server).
            var curl = new StringBuilder("curl -sig -X ").Append(Method).Append(' ').Append(Quote("http://localhost:5000" + target));
            foreach (var (name, value) in new[] { ("Accept", Accept), ("Content-Type", ContentType) })
            {
                if (value is not null)
                {
                    curl.Append(" -H ").Append(Quote($"{name}: {value}"));
                }
            }

            text.Append("curl: ").AppendLine(Body is null
                ? curl.ToString()
                : $"echo {Convert.ToBase64String(Body)} | base64 -d | {curl} --data-binary @-");
            return text.ToString();
        }

        private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

        private static bool IsUtf8(byte[] bytes)
        {
            try
            {
                _ = new UTF8Encoding(false, true).GetString(bytes);
                return true;
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
        }
    }

    private sealed class FuzzFailureException(FuzzRequest fuzz, HttpRequestMessage sent, IEnumerable<string> problems, IReadOnlyList<string> logged, string? response)
        : Exception($"""
            {string.Join("; ", problems)}
            --- request (reproduce with this) ---
            {fuzz.Describe(sent.RequestUri)}
            --- response ---
            {response ?? "(none)"}
            --- server log (errors) ---
            {(logged.Count == 0 ? "(none)" : string.Join("\n", logged))}
            """);

    /// <summary>Collects what the in-process server logs at Error and above, so a swallowed exception still fails.</summary>
    private sealed class ServerErrorLog : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _entries = new();

        public static ServerErrorLog AttachTo(ContentHubFactory factory)
        {
            var log = new ServerErrorLog();
            factory.Services.GetRequiredService<ILoggerFactory>().AddProvider(log);
            return log;
        }

        public IReadOnlyList<string> Drain()
        {
            var drained = new List<string>();
            while (_entries.TryDequeue(out var entry))
            {
                drained.Add(entry);
            }

            return drained;
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ServerErrorLog log, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    log._entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)}\n{exception}");
                }
            }
        }
    }

    /// <summary>Valid documents against the schema: the starting points for mutation.</summary>
    private static class Corpus
    {
        public sealed record Document(string Query, string? OperationName = null, string? Variables = null);

        public static readonly Document[] Documents =
        [
            new("{ site { name tagline contactPhones { label number } footerLinks { label url } } }"),
            new("""{ article(slug: "revision-surgery") { title body { html } category { name parent { name } } disclaimers { key } } }"""),
            new("""{ articles(first: 5, after: null, filter: { category: "spine-surgery", tag: "t" }) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { slug } } } }"""),
            new("{ categories { slug children { name articles(first: 2) { slug readingTimeMinutes } } } }"),
            new("""{ facts(tag: "x") { text } randomFact { statistic { value unit } source weight } }"""),
            new("{ promotions(placement: ARTICLE_END) { heading kind image { url alt } } disclaimers(placement: FOOTNOTE) { key siteWide } }"),
            new("""
                query Page($slug: String!, $withCategory: Boolean = true) {
                  page: article(slug: $slug) { ...Card category @include(if: $withCategory) { ...CategoryName } }
                  other: article(id: "1") { __typename slug }
                }
                fragment Card on Article { title summary tags seo { title description } callToAction { text phoneNumber url } }
                fragment CategoryName on Category { name slug sortOrder }
                """, "Page", """{ "slug": "revision-surgery" }"""),
            new("""
                query List($first: Int, $after: String, $filter: ArticleFilter) {
                  articles(first: $first, after: $after, filter: $filter) { items { slug publishedAt } pageInfo { startCursor hasPreviousPage } }
                }
                query Other { site { name } }
                """, "List", """{ "first": 3, "filter": { "tag": "surgery" } }"""),
            new("""{ a: categories { ... on Category { slug status } } b: site @skip(if: true) { name } c: category(slug: "spine-surgery") { name createdAt } }"""),
            new("query Ds($placement: DisclaimerPlacement) { disclaimers(placement: $placement) { key title body { text markdown } placement status updatedAt } }",
                Variables: """{ "placement": "SITE_FOOTER" }"""),
            new("{ __typename __type(name: \"Article\") { name fields { name type { name kind ofType { name } } } } }"),
            new("""
                {
                  __schema {
                    queryType { name }
                    types { name kind fields(includeDeprecated: true) { name args { name defaultValue } } enumValues(includeDeprecated: false) { name } inputFields { name } }
                    directives { name locations args { name type { kind } } }
                  }
                }
                """),
            new("""
                query Tree($first: Int = 1) { ...Roots }
                fragment Roots on Query { categories { ...Node children { ...Node } } }
                fragment Node on Category { slug articles(first: $first) { ... on Article { slug category { slug } } } }
                """),
        ];
    }

    private static partial class Generators
    {
        private static readonly string[] s_punctuation =
            ["{", "}", "(", ")", "[", "]", "$", "@", "!", ":", "=", "\"", ".", ",", "...", "|", "&", "#", "\\", "\n", "\"\"\"", "\u0000", "\uFEFF", "\t"];

        private static readonly string[] s_names =
        [
            "site", "article", "articles", "category", "categories", "facts", "randomFact", "promotions", "disclaimers",
            "slug", "title", "body", "html", "edges", "node", "cursor", "first", "after", "filter", "tag", "placement",
            "__typename", "__schema", "__type", "query", "mutation", "subscription", "fragment", "on", "true", "false", "null",
            "include", "skip", "deprecated", "specifiedBy", "Article", "Category", "ArticleFilter", "String", "Int", "ID",
            "FOOTNOTE", "ARTICLE_END", "SIDEBAR", "DRAFT", "_", "x", "é", "名前", "a1", new string('n', 300),
            "...Card", "...Roots", "... on Article", "... on Query", "...", "@include(if: false)", "@skip(if: $first)", "@deprecated",
        ];

        private static readonly string[] s_numbers =
        [
            "0", "-0", "1", "-1", "2", "100", "101", "1000000", "2147483647", "2147483648", "-2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "99999999999999999999999999999999999999", "1.5", "-0.5", "1e3",
            "1e309", "-1e309", "1e-400", "00", "01", "0x10", "1_000", "NaN", "Infinity",
        ];

        private static readonly string[] s_stringLiterals =
        [
            "\"\"", "\"revision-surgery\"", "\"spine-surgery\"", "\"surgery\"", "\"x\"", "\"FOOTNOTE\"", "\"1\"", "\"-1\"",
            "\"" + new string('a', 5000) + "\"", "\"ü日本語🙂\"", "\"\\u0000\"", "\"\\uD800\"", "\"\\uDC00\\uD800\"",
            "\"\\u{1F600}\"", "\"\\u{110000}\"", "\"\\x41\"", "\"\\\"", "\"%\"", "\"_\"", "\"' OR 1=1 --\"", "\"\u202E\"",
            "\"\"\"block\nstring\"\"\"", "\"\"\"\"\"\"", "\"line\nbreak\"", $"\"{Cursor("0:0")}\"",
            $"\"{Cursor("3155378975999999999:2147483647")}\"", $"\"{Cursor("99999999999999999999:1")}\"", $"\"{Cursor("1:-1")}\"",
            $"\"{Cursor("1:1:1")}\"", $"\"{Cursor(":")}\"", "\"====\"", "\"YQ\"", "\"@@@\"",
        ];

        private static readonly string[] s_enumValues =
            ["FOOTNOTE", "SITE_FOOTER", "ARTICLE_FOOTER", "ARTICLE_END", "SIDEBAR", "DRAFT", "PUBLISHED", "LINK", "footnote", "NOPE", "true", "null", "\"FOOTNOTE\""];

        private static readonly string[] s_jsonNumbers =
        [
            "0", "-0", "1", "-1", "2", "100", "101", "1000000", "2147483647", "2147483648", "-2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "99999999999999999999999999999999999999", "1.5", "-0.5", "1e3", "1E2",
            "1.0", "-0.0", "1e-7", "5.00000000000000000001", "1e309", "-1e309", "1e-400",
        ];

        private static readonly string[] s_jsonStrings =
        [
            "\"\"", "\"revision-surgery\"", "\"spine-surgery\"", "\"surgery\"", "\"FOOTNOTE\"", "\"footnote\"", "\"SITE_FOOTER\"",
            "\"ARTICLE_END\"", "\"SIDEBAR\"", "\"1\"", "\"-1\"", "\"2147483648\"", "\"1.5\"", "\"true\"", "\"null\"", "\"{}\"", "\"[]\"",
            "\"ü日本語🙂\"", "\"\\u0000\"", "\"\\uD800\"", "\"\\uDFFF\\uD800\"", "\"\\u202E\"", "\"' OR 1=1 --\"", "\"%\"", "\"_\"",
            "\"" + new string('a', 5000) + "\"", "\"\\\\\"", "\"\\n\"", $"\"{Cursor("0:0")}\"", $"\"{Cursor("3155378975999999999:2147483647")}\"",
            $"\"{Cursor("3155378976000000000:1")}\"", $"\"{Cursor("1:2147483648")}\"", $"\"{Cursor("1:1:1")}\"", $"\"{Cursor(" 1:1")}\"",
            $"\"{Cursor("\uFFFF:1")}\"", "\"====\"", "\"YQ\"", "\"YQ==\"", "\"@@@\"",
        ];

        private static readonly string[] s_jsonKeys =
            ["\"category\"", "\"tag\"", "\"Category\"", "\"\"", "\"__proto__\"", "\"x\"", "\"first\"", "\"slug\"", "\"\\u0000\""];

        private static readonly string[] s_notJson = ["NaN", "Infinity", "01", "+1", ".5", "0x10", "'single'", "\"unterminated", "undefined", "[1,]", "{\"a\" 1}"];

        private static readonly string[] s_otherValues =
        [
            "null", "true", "false", "[]", "[1, [2]]", "{}", "{ category: null }", "{ tag: 1 }", "{ nope: 1 }", "FOOTNOTE",
            "ARTICLE_END", "footnote", "$slug", "$first", "$undefined", "$", "[[[[[[1]]]]]]", "{ a: { b: { c: {} } } }",
        ];

        public static Gen<FuzzRequest> MutatedDocumentRequests =>
            from document in Gen.Elements(Corpus.Documents)
            from query in MutatedQuery(document.Query)
            from transport in Gen.Elements(Transport.PostGraphQLResponse, Transport.PostJson, Transport.Get)
            select Send(transport, query, document.OperationName, document.Variables, "mutated document");

        public static Gen<FuzzRequest> RandomVariableRequests =>
            from template in Gen.Elements(s_variableTemplates)
            from values in Gen.CollectToList(template.Names, _ => Gen.Frequency((4, AnyJson(3).Select(v => (string?)v)), (1, Gen.Constant<string?>(null))))
            from extra in Gen.Frequency((4, Gen.Constant<string?>(null)), (1, AnyJson(2).Select(v => (string?)("\"unexpected\": " + v))))
            from transport in Gen.Elements(Transport.PostGraphQLResponse, Transport.PostJson, Transport.Get)
            select Send(transport, template.Query, template.OperationName, VariablesObject(template.Names, values, extra), "random variables");

        public static Gen<FuzzRequest> RandomEnvelopes =>
            from method in Gen.Frequency((6, Gen.Constant("POST")), (6, Gen.Constant("GET")), (1, Gen.Elements("PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")))
            from path in Gen.Frequency((5, Gen.Constant("/graphql")), (1, Gen.Constant("/graphql/")))
            from queryString in QueryString
            from accept in AcceptHeader
            from contentType in ContentTypeHeader
            from body in method == "GET" ? Gen.Frequency((5, Gen.Constant<byte[]?>(null)), (1, Body)) : Body
            select new FuzzRequest(method, path + queryString, accept, contentType, body, "random envelope");

        private enum Transport
        {
            PostGraphQLResponse,
            PostJson,
            Get,
        }

        private enum MutationKind
        {
            Delete,
            Duplicate,
            Swap,
            InsertPunctuation,
            InsertName,
            ReplaceToken,
            ReplaceLiteral,
            Truncate,
            Repeat,
        }

        private sealed record MutationOp(MutationKind Kind, int At, int Length, string Text, bool SameKind);

        private sealed record VariableTemplate(string Query, string? OperationName, string[] Names);

        private static readonly VariableTemplate[] s_variableTemplates =
        [
            new("query Q($first: Int, $after: String, $filter: ArticleFilter) { articles(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { slug title } } } }",
                "Q", ["first", "after", "filter"]),
            new("query Q($slug: String!) { article(slug: $slug) { title disclaimers { key } } }", "Q", ["slug"]),
            new("query Q($id: ID, $slug: String) { article(id: $id, slug: $slug) { slug } }", null, ["id", "slug"]),
            new("query Q($placement: DisclaimerPlacement) { disclaimers(placement: $placement) { key } article(slug: \"revision-surgery\") { disclaimers(placement: $placement) { key } } }",
                "Q", ["placement"]),
            new("query Q($slug: String!, $first: Int) { category(slug: $slug) { name articles(first: $first) { slug } children { articles(first: $first) { slug } } } }",
                "Q", ["slug", "first"]),
            new("query Q($tag: String) { facts(tag: $tag) { text } randomFact(tag: $tag) { text statistic { value unit } } }", "Q", ["tag"]),
            new("query Q($placement: PromotionPlacement) { promotions(placement: $placement) { heading } }", "Q", ["placement"]),
            new("query Q($skip: Boolean!, $include: Boolean = false) { site @skip(if: $skip) { name } categories @include(if: $include) { slug } }",
                "Q", ["skip", "include"]),
            new("query Q($first: Int = 2, $filter: ArticleFilter = { tag: \"surgery\" }) { articles(first: $first, filter: $filter) { totalCount } }",
                "Q", ["first", "filter"]),
        ];

        private static Gen<string> MutatedQuery(string query) =>
            from count in Gen.Frequency((5, Gen.Constant(1)), (3, Gen.Constant(2)), (2, Gen.Constant(3)), (1, Gen.Constant(6)))
            from mutations in Gen.ListOf(Mutation, count)
            select mutations.Aggregate(query, Apply);

        private static Gen<MutationOp> Mutation =>
            from kind in Gen.Frequency(
                (2, Gen.Constant(MutationKind.Delete)), (2, Gen.Constant(MutationKind.Duplicate)), (1, Gen.Constant(MutationKind.Swap)),
                (2, Gen.Constant(MutationKind.InsertPunctuation)), (2, Gen.Constant(MutationKind.InsertName)),
                (5, Gen.Constant(MutationKind.ReplaceToken)), (6, Gen.Constant(MutationKind.ReplaceLiteral)), (1, Gen.Constant(MutationKind.Truncate)), (1, Gen.Constant(MutationKind.Repeat)))
            from at in Gen.Choose(0, 1_000_000)
            from length in Gen.Choose(1, 12)
            from text in kind switch
            {
                MutationKind.InsertPunctuation => Gen.Elements(s_punctuation),
                MutationKind.InsertName => Gen.Elements(s_names).Select(name => " " + name + " "),
                MutationKind.ReplaceLiteral => Gen.OneOf(Gen.Elements(s_numbers), Gen.Elements(s_stringLiterals), Gen.Elements(s_enumValues), Gen.Elements(s_otherValues)),
                _ => Gen.OneOf(Gen.Elements(s_names), Gen.Elements(s_numbers), Gen.Elements(s_stringLiterals), Gen.Elements(s_otherValues)),
            }
            from sameKind in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
            select new MutationOp(kind, at, length, text, sameKind);

        private static string Apply(string document, MutationOp op)
        {
            if (document.Length == 0)
            {
                return op.Text;
            }

            var at = op.At % document.Length;
            var length = Math.Min(op.Length, document.Length - at);
            switch (op.Kind)
            {
                case MutationKind.Delete:
                    return document.Remove(at, length);
                case MutationKind.Duplicate:
                    return document.Insert(at, document.Substring(at, length));
                case MutationKind.Swap when at + 1 < document.Length:
                    return string.Concat(document.AsSpan(0, at), document[at + 1].ToString(), document[at].ToString(), document.AsSpan(at + 2));
                case MutationKind.Swap:
                    return document;
                case MutationKind.InsertPunctuation or MutationKind.InsertName:
                    return document.Insert(at, op.Text);
                case MutationKind.Truncate:
                    return document[..at];
                case MutationKind.Repeat:
                    return document.Insert(at, string.Concat(Enumerable.Repeat(document.Substring(at, length), 50)));
                case MutationKind.ReplaceLiteral:
                    var literals = Token().Matches(document).Where(t => t.Value[0] is '"' or '-' or (>= '0' and <= '9') || IsEnumValue(t.Value)).ToList();
                    return literals.Count == 0 ? document : Replace(document, literals[op.At % literals.Count], op);
                case MutationKind.ReplaceToken:
                default:
                    var tokens = Token().Matches(document);
                    if (tokens.Count == 0)
                    {
                        return document;
                    }

                    return Replace(document, tokens[op.At % tokens.Count], op);
            }
        }

        private static string Replace(string document, Match token, MutationOp op) =>
            string.Concat(document.AsSpan(0, token.Index), op.SameKind ? SameKindAs(token.Value, op) : op.Text, document.AsSpan(token.Index + token.Length));

        private static bool IsEnumValue(string token) => token.Length > 1 && token.All(c => c is (>= 'A' and <= 'Z') or '_');

        private static string SameKindAs(string token, MutationOp op)
        {
            var pool = token[0] == '"' ? s_stringLiterals
                : char.IsDigit(token[0]) || token[0] == '-' ? s_numbers
                : IsEnumValue(token) ? s_enumValues
                : s_names;
            return pool[op.At % pool.Length];
        }

        [GeneratedRegex("\"(?:[^\"\\\\\\n]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?|[_A-Za-z][_0-9A-Za-z]*")]
        private static partial Regex Token();

        private static Gen<string> JsonScalar => Gen.Frequency(
            (3, Gen.Elements("null", "true", "false")),
            (5, Gen.Elements(s_jsonNumbers)),
            (8, Gen.Elements(s_jsonStrings)));

        private static Gen<string> JsonValue(int depth)
        {
            if (depth <= 0)
            {
                return JsonScalar;
            }

            var inner = JsonValue(depth - 1);
            var array = Gen.Choose(0, 4).SelectMany(n => Gen.ListOf(inner, n)).Select(items => "[" + string.Join(", ", items) + "]");
            var member = from key in Gen.Elements(s_jsonKeys)
                         from value in inner
                         select key + ": " + value;
            var obj = Gen.Choose(0, 4).SelectMany(n => Gen.ListOf(member, n)).Select(members => "{" + string.Join(", ", members) + "}");
            return Gen.Frequency((6, JsonScalar), (1, array), (1, obj));
        }

        /// <summary>Mostly well-formed JSON of the wrong shape; now and then nested past any depth limit, or not JSON at all.</summary>
        private static Gen<string> AnyJson(int depth)
        {
            var deep = from n in Gen.Choose(10, 200)
                       from nested in Gen.Elements(new string('[', n) + "1" + new string(']', n), string.Concat(Enumerable.Repeat("{\"tag\": ", n)) + "1" + new string('}', n))
                       select nested;
            return Gen.Frequency((30, JsonValue(depth)), (1, deep), (1, Gen.Elements(s_notJson)));
        }

        private static Gen<string> QueryString =>
            from count in Gen.Choose(0, 5)
            from parameters in Gen.ListOf(QueryParameter, count)
            select parameters.Count == 0 ? "" : "?" + string.Join("&", parameters);

        private static Gen<string> QueryParameter => Gen.OneOf(
            from doc in Gen.OneOf(Gen.Elements(Corpus.Documents.Select(d => d.Query).ToArray()), Gen.Elements(Corpus.Documents).SelectMany(d => MutatedQuery(d.Query)),
                Gen.Elements("", " ", "mutation { x }", "subscription { x }", "{", "query Q { site { name } } mutation M { x }", "{ site { name } }"))
            select "query=" + PercentEncode(doc),
            Gen.Elements("operationName=Q", "operationName=", "operationName=Page", "operationName=M", "operationName=%00", "operationName=" + new string('o', 2000)),
            from value in AnyJson(2)
            from name in Gen.Elements("variables", "extensions")
            select name + "=" + PercentEncode(value),
            Gen.Elements("variables=%7Bnope", "variables=", "extensions=%5B%5D", "query", "query=", "=", "&&", "%zz=%zz", "query=%C0%80", "query=%ff%fe",
                "query=%7B+site+%7B+name+%7D+%7D", "QUERY=%7Bsite%7Bname%7D%7D", "a[b]=c", "query=" + new string('{', 3000)));

        private static Gen<string?> AcceptHeader => Gen.Frequency(
            (3, Gen.Constant<string?>("application/graphql-response+json")),
            (2, Gen.Constant<string?>("application/json")),
            (2, Gen.Constant<string?>(null)),
            (6, Gen.Elements<string?>(
                "*/*", "application/*", "text/html", "text/plain", "text/html, */*;q=0.1", "application/json;q=0",
                "application/graphql-response+json;q=0.5, application/json;q=0.9", "application/json;q=abc", "application/json;q=-1",
                "application/json;q=1.5", ";;;", "", " ", "application", "/", "*", "application/json, text/html", "APPLICATION/JSON",
                "application/graphql-response+json; charset=latin1", "image/png", "application/json;" + new string('x', 5000),
                "text/html;q=0.9,application/xhtml+xml", "application/json, application/json", "ü/ö", "application/json\t;q=1")));

        private static Gen<string?> ContentTypeHeader => Gen.Frequency(
            (6, Gen.Constant<string?>("application/json")),
            (2, Gen.Constant<string?>(null)),
            (6, Gen.Elements<string?>(
                "application/json; charset=utf-8", "application/json; charset=UTF-8", "application/json; charset=latin1",
                "application/json; charset=utf-16", "application/json; charset=bogus", "application/json; charset=", "APPLICATION/JSON",
                "application/graphql", "application/graphql-response+json", "text/plain", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "multipart/form-data", "", ";", "application/json;;", "application/json; boundary=\"",
                "application/*", "*/*", "application/json, text/plain")));

        private static Gen<byte[]?> Body => Gen.Frequency(
            (6, RequestJson.Select(Utf8)),
            (2, AnyJson(3).Select(Utf8)),
            (2, Gen.Elements(
                "", " ", "null", "{", "}", "{}", "[]", "[{}]", "{\"query\": ", "{\"query\": \"{ site { name } }\"} trailing", "{\"query\": \"{ site { name } }\",}",
                "// comment\n{\"query\": \"{ site { name } }\"}", "{'query': '{ site { name } }'}", "query=%7B+site+%7B+name+%7D+%7D", "{ site { name } }",
                "{\"query\": \"{ site { name } }\", \"query\": \"{ nope }\"}", "\"{ site { name } }\"", "{\"query\": \"\\uD800\"}", "{\"query\": \"\\u0000\"}",
                new string('[', 5000), "{\"query\": \"" + new string('{', 5000) + "\"}").Select(Utf8)),
            (1, Gen.Elements(
                new byte[] { 0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00 }, new byte[] { 0xEF, 0xBB, 0xBF, 0x7B, 0x7D }, new byte[] { 0xC0, 0x80 }, new byte[] { 0x00 },
                [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{\"query\": \"{ site { name } }\"}")],
                [.. Encoding.UTF8.GetBytes("{\"query\": \"{ site { name"), 0xFF, .. Encoding.UTF8.GetBytes(" } }\"}")]).Select(b => (byte[]?)b)),
            (1, Gen.Choose(1, 64).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n)).Select(b => (byte[]?)b)),
            (1, Gen.Constant<byte[]?>(null)));

        private static Gen<string> RequestJson =>
            from query in Gen.Frequency(
                (4, Gen.Elements(Corpus.Documents.Select(d => JsonSerializer.Serialize(d.Query)).ToArray())),
                (1, AnyJson(2)),
                (1, Gen.Elements("\"\"", "\"mutation { x }\"", "\"query A { site { name } } query B { site { name } }\"")))
            from operationName in Gen.Elements("null", "\"Page\"", "5", "[\"Page\"]", "\"\"", "\"Nope\"")
            from variables in AnyJson(3)
            from extensions in Gen.Frequency((4, AnyJson(2)), (1, Gen.Elements(
                "{\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38\"}}",
                "{\"persistedQuery\": {\"version\": 2, \"sha256Hash\": null}}", "{\"persistedQuery\": null}", "{\"persistedQuery\": \"x\"}")))
            from other in Gen.Elements("\"id\": \"x\"", "\"documentId\": 1", "\"\": null", "\"query\": null")
            from members in Gen.SubListOf(new[] { "\"operationName\": " + operationName, "\"variables\": " + variables, "\"extensions\": " + extensions, other })
            from shuffled in Gen.Shuffle(members.Prepend("\"query\": " + query))
            select "{" + string.Join(", ", shuffled) + "}";

        private static FuzzRequest Send(Transport transport, string query, string? operationName, string? variablesJson, string origin)
        {
            if (transport == Transport.Get)
            {
                var target = "/graphql?query=" + PercentEncode(query)
                    + (operationName is null ? "" : "&operationName=" + PercentEncode(operationName))
                    + (variablesJson is null ? "" : "&variables=" + PercentEncode(variablesJson));
                return new FuzzRequest("GET", target, GraphQLClient.ResponseMediaType, null, null, origin);
            }

            var body = "{\"query\": " + JsonSerializer.Serialize(query)
                + (operationName is null ? "" : ", \"operationName\": " + JsonSerializer.Serialize(operationName))
                + (variablesJson is null ? "" : ", \"variables\": " + variablesJson) + "}";
            var accept = transport == Transport.PostJson ? "application/json" : GraphQLClient.ResponseMediaType;
            return new FuzzRequest("POST", "/graphql", accept, "application/json", Utf8(body), origin);
        }

        private static string VariablesObject(string[] names, List<string?> values, string? extra) =>
            "{" + string.Join(", ", names.Zip(values).Where(pair => pair.Second is not null).Select(pair => $"\"{pair.First}\": {pair.Second}").Append(extra).OfType<string>()) + "}";

        private static string Cursor(string raw) => Convert.ToBase64String(Encoding.UTF8.GetBytes(raw)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        private static string PercentEncode(string value)
        {
            var text = new StringBuilder();
            foreach (var b in Encoding.UTF8.GetBytes(value))
            {
                text.Append(b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~'
                    ? ((char)b).ToString()
                    : "%" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return text.ToString();
        }

        private static byte[]? Utf8(string text) => Encoding.UTF8.GetBytes(text);
    }
}
