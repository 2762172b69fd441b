using System.Net.Mime;
using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Editing;
using ContentHub.Server.GraphQL.Caching;
using ContentHub.Server.GraphQL.PersistedQueries;
using ContentHub.Server.Media;
using ContentHub.Server.Observability;
using GraphQL.Transport;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace ContentHub.Server.GraphQL;

/// <summary>
/// Our GraphQL-over-HTTP endpoint (https://graphql.github.io/graphql-over-http/): POST with a JSON body, GET with
/// query-string parameters for queries only. Answers <c>application/graphql-response+json</c> to clients that ask
/// for it by name, and <c>application/json</c> to the rest (<c>*/*</c>, no Accept), as the spec advises.
/// </summary>
public static class GraphQLHttpEndpoint
{
    public const string Path = "/graphql";
    public const string GraphQLResponseMediaType = "application/graphql-response+json";

    public static IEndpointRouteBuilder MapGraphQLEndpoint(this IEndpointRouteBuilder endpoints)
    {
        // Read now, so a broken manifest stops the start instead of failing requests.
        endpoints.ServiceProvider.GetRequiredService<TrustedDocuments>();
        endpoints.MapMethods(Path, [HttpMethods.Get, HttpMethods.Post], HandleAsync);
        endpoints.MapMethods(Path, [HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete, HttpMethods.Options, HttpMethods.Head], async context =>
        {
            context.Response.Headers.Allow = "GET, POST";
            await WriteRequestErrorAsync(context, StatusCodes.Status405MethodNotAllowed, MediaTypeNames.Application.Json,
                "Send GraphQL requests with POST, or queries with GET.", ErrorCodes.MethodNotAllowed);
        });
        return endpoints;
    }

    private static async Task HandleAsync(
        HttpContext context,
        IOptions<GraphQLLimits> options,
        PersistedQueryResolver persistedQueries,
        CachingExecuter executer,
        HttpCacheHeaders cacheHeaders,
        UnauthenticatedRefusals refusals,
        IOptions<MediaOptions> media,
        GraphQLTelemetry telemetry,
        DocumentCache documents)
    {
        using var operation = telemetry.Begin(context);
        var limits = options.Value;
        if (ResponseMediaType(context.Request) is not { } mediaType)
        {
            await WriteRequestErrorAsync(context, StatusCodes.Status406NotAcceptable, MediaTypeNames.Application.Json,
                $"Accept {GraphQLResponseMediaType} or application/json.");
            return;
        }

        var isGet = HttpMethods.IsGet(context.Request.Method);
        var isMultipart = !isGet && MultipartRequestReader.IsMultipart(context.Request.ContentType);
        if (!isGet && !isMultipart && !IsJson(context.Request.ContentType))
        {
            await WriteRequestErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, mediaType,
                "Send the request as Content-Type: application/json (or multipart/form-data to upload files).");
            return;
        }

        if (isMultipart && await RefuseMultipartAsync(context, mediaType))
        {
            return;
        }

        var (request, error) = isGet
            ? GraphQLRequestReader.FromQueryString(context.Request.Query)
            : isMultipart
                ? await MultipartRequestReader.FromFormAsync(context, limits.MaxRequestBodyBytes + media.Value.MaxBytes)
                : await GraphQLRequestReader.FromBodyAsync(context, limits.MaxRequestBodyBytes);
        error ??= request is null ? null : persistedQueries.Resolve(request, editor: context.RequestServices.GetRequiredService<Viewer>().IsEditor);
        if (request is not null)
        {
            operation?.Describe(request); // after a persisted query's document was found
        }

        if (error is not null)
        {
            await WriteRequestErrorAsync(context, error.Status, mediaType, error.Message, error.Code);
            return;
        }

        if (string.IsNullOrWhiteSpace(request?.Query))
        {
            await WriteRequestErrorAsync(context, StatusCodes.Status400BadRequest, mediaType, "The request has no 'query'.");
            return;
        }

        if (RequestLimits.Check(request.Query, request.OperationName, limits) is { } violation)
        {
            await WriteRequestErrorAsync(context, StatusCodes.Status400BadRequest, mediaType, violation.Message, violation.Code);
            return;
        }

        if (isGet && SelectsNonQueryOperation(request, documents))
        {
            // A mutation over GET could be triggered by a link or an image tag.
            context.Response.Headers.Allow = "POST";
            await WriteRequestErrorAsync(context, StatusCodes.Status405MethodNotAllowed, mediaType,
                "Only queries may be sent with GET; send mutations with POST.", ErrorCodes.MethodNotAllowed);
            return;
        }

        using var response = await executer.ExecuteAsync(context, request);
        operation?.Answered(response);

        // Timed out meanwhile: the request-timeout middleware answers, and only it may write the response.
        context.RequestAborted.ThrowIfCancellationRequested();
        if (await refusals.AnswerOverLimitAsync(context))
        {
            return;
        }

        // With application/graphql-response+json, a document that could not run (syntax or validation error)
        // is a 400; with legacy application/json every well-formed GraphQL response is a 200.
        context.Response.StatusCode = !response.Executed && mediaType == GraphQLResponseMediaType
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        if (response.ServerError is { } status)
        {
            context.Response.StatusCode = status;
            if (status == StatusCodes.Status503ServiceUnavailable)
            {
                context.Response.Headers.RetryAfter = "5";
            }
        }

        if (isGet && context.Response.StatusCode == StatusCodes.Status200OK && cacheHeaders.AnswerNotModified(context, response))
        {
            return;
        }

        context.Response.ContentType = mediaType + "; charset=utf-8";
        await context.Response.Body.WriteAsync(response.Utf8, context.RequestAborted);
    }

    /// <summary>
    /// Answers a multipart request that may not be read: without a preflight header (see
    /// <see cref="MultipartRequestReader.HasPreflightHeader"/>) or from a caller who is no editor, before its files are read.
    /// </summary>
    private static async Task<bool> RefuseMultipartAsync(HttpContext context, string mediaType)
    {
        if (!MultipartRequestReader.HasPreflightHeader(context.Request))
        {
            await WriteRequestErrorAsync(context, StatusCodes.Status400BadRequest, mediaType,
                $"A multipart request must carry a non-empty {string.Join(" or ", MultipartRequestReader.PreflightHeaders)} header "
                + "(protection against cross-site request forgery).", ErrorCodes.PreflightRequired);
            return true;
        }

        if (!context.RequestServices.GetRequiredService<Viewer>().IsEditor)
        {
            await WriteRequestErrorAsync(context, StatusCodes.Status401Unauthorized, mediaType,
                "Only editors upload files: send an editor's API key.", ErrorCodes.Unauthenticated);
            return true;
        }

        return false;
    }

    private static bool SelectsNonQueryOperation(GraphQLRequest request, DocumentCache documents)
    {
        // A query the server has run before is not parsed again.
        var document = documents.Find(request.Query!);
        try
        {
            document ??= Parser.Parse(request.Query);
        }
        catch (GraphQLParserException)
        {
            return false; // the executor reports the parse error
        }

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var selected = string.IsNullOrEmpty(request.OperationName)
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == request.OperationName);
        return selected is not null && selected.Operation != OperationType.Query;
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals(MediaTypeNames.Application.Json, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The media type to answer in: of those served, the one the client accepts with the highest quality, the first listed
    /// among equals; null when it accepts neither.
    /// </summary>
    private static string? ResponseMediaType(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return MediaTypeNames.Application.Json;
        }

        string? chosen = null;
        var chosenQuality = 0.0; // q=0 means "not acceptable"
        foreach (var type in accept)
        {
            var quality = type.Quality ?? 1;
            if (quality > chosenQuality && Served(type.MediaType) is { } served)
            {
                chosen = served;
                chosenQuality = quality;
            }
        }

        return chosen;
    }

    private static string? Served(StringSegment mediaType) =>
        mediaType.Equals(GraphQLResponseMediaType, StringComparison.OrdinalIgnoreCase) ? GraphQLResponseMediaType
        : mediaType.Equals(MediaTypeNames.Application.Json, StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("*/*", StringComparison.Ordinal) ? MediaTypeNames.Application.Json
        : null;

    private static Task WriteRequestErrorAsync(
        HttpContext context, int status, string mediaType, string message, string code = ErrorCodes.BadRequest) =>
        ErrorResponse.WriteAsync(context, status, mediaType, message, code);
}
