using System.Buffers;
using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.Observability;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.IO;

namespace ContentHub.Server.GraphQL.Caching;

/// <summary>
/// Runs a request and serializes its response to UTF-8, or, for an anonymous caller, copies it from the
/// response cache. Editors and admins always run their requests: they see drafts, and never each other's answers.
/// </summary>
public sealed class CachingExecuter(
    IDocumentExecuter<ISchema> executer, IGraphQLTextSerializer serializer, ResponseCache cache, DatabaseTurns? turns = null)
{
    private const int BlockSize = 16 * 1024;

    /// <summary>
    /// Pooled blocks to serialize responses into, 16 KB each (a list page fits one): an answer written once is written
    /// from its block, a kept one is copied into an array of its own. Up to 16 MB of them stay pooled for the life of
    /// the process.
    /// </summary>
    private static readonly RecyclableMemoryStreamManager s_buffers = new(new RecyclableMemoryStreamManager.Options
    {
        BlockSize = BlockSize,
        MaximumSmallPoolFreeBytes = 16 * 1024 * 1024,
    });

    public async Task<GraphQLResponseBody> ExecuteAsync(HttpContext context, GraphQLRequest request)
    {
        // A preview token holder is not anonymous here: their answer may show a draft.
        var anonymous = context.RequestServices.GetRequiredService<Viewer>() == Viewer.Anonymous;
        var key = anonymous ? cache.KeyFor(request) : null;
        // Taken before the request runs: a write committing while it runs makes its answer stale, never current.
        var stamp = key is null ? null : await cache.StampAsync(context.RequestAborted);
        return stamp is { } before
            ? await cache.GetOrComputeAsync(key!, before, cancellationToken => RunAsync(context, request, anonymous, kept: true, cancellationToken), context.RequestAborted)
            : await RunAsync(context, request, anonymous, kept: false, context.RequestAborted);
    }

    /// <summary>
    /// Runs the request. A <paramref name="kept"/> answer may be cached and handed to every request waiting for it:
    /// it gets an array of its own and names what it read. Any other is written once: it stays in its pooled block
    /// when it fits one, and names what it read only for a GET (the <c>Surrogate-Key</c> header).
    /// </summary>
    private async Task<GraphQLResponseBody> RunAsync(
        HttpContext context, GraphQLRequest request, bool anonymous, bool kept, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        using var turn = turns is null ? null : await turns.TakeAsync(cancellationToken);
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            OperationName = string.IsNullOrEmpty(request.OperationName) ? null : request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = services,
            User = context.User,
            CancellationToken = cancellationToken,
        });

        GraphQLOperation.Of(context)?.Executed(result);
        var shareable = anonymous
            && result.Executed
            && result.Errors is not { Count: > 0 }
            && result.Operation?.Operation == OperationType.Query;
        var policy = services.GetRequiredService<ResponseCachePolicy>();
        var named = shareable && (kept || HttpMethods.IsGet(context.Request.Method));
        if (named)
        {
            AnswerDependencies.Collect(result, policy);
        }

        RecyclableMemoryStream? buffer = s_buffers.GetStream();
        try
        {
            await serializer.WriteAsync(buffer, result, cancellationToken);
            var leased = !kept && buffer.Length <= BlockSize;
            var response = new GraphQLResponseBody(
                leased ? buffer.GetBuffer().AsMemory(0, (int)buffer.Length) : ArrayOf(buffer), result.Executed, ServerErrorOf(result),
                shareable, policy.FreshUntil, named ? [.. policy.DependsOn] : null, result.Operation?.Name?.StringValue)
            {
                Lease = leased ? buffer : null,
            };
            buffer = leased ? null : buffer;
            return response;
        }
        finally
        {
            buffer?.Dispose();
        }
    }

    private static byte[] ArrayOf(RecyclableMemoryStream buffer)
    {
        var utf8 = new byte[buffer.Length];
        buffer.GetReadOnlySequence().CopyTo(utf8);
        return utf8;
    }

    private static int? ServerErrorOf(ExecutionResult result) =>
        result.Errors?.Any(error => error.Code == ErrorCodes.DatabaseUnavailable) == true ? StatusCodes.Status503ServiceUnavailable
        : result.Errors?.Any(error => error.Code == ErrorCodes.Internal) == true ? StatusCodes.Status500InternalServerError
        : null;
}
