using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.Editing;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.Exceptions;

namespace ContentHub.Server.GraphQL;

/// <summary>
/// Decides what a client sees of an exception the engine did not expect: failures the client caused are worded
/// so the client can act on them; the database being unavailable is a 503 to retry; a write refused by a unique
/// index or a concurrent write is the user's DUPLICATE or CONFLICT; anything else is a bug: logged with the request
/// id, answered as INTERNAL (a 500) without details.
/// </summary>
public static class UnhandledErrorHandler
{
    public static void Handle(UnhandledExceptionContext context)
    {
        var services = context.ExecutionOptions.RequestServices;
        var logger = services?.GetService<ILogger<ContentHubSchema>>();
        var requestId = services?.GetService<IHttpContextAccessor>()?.HttpContext?.TraceIdentifier;
        var exception = context.OriginalException;
        switch (exception)
        {
            case GraphQLMaxDepthExceededException:
                context.ErrorMessage = "The document is nested too deeply to parse.";
                return;

            // Before execution only the client's document and variables are being processed, and inside an
            // introspection field only the client's arguments: an argument error there is the client's.
            case ArgumentException when context.FieldContext is null || context.FieldContext.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal):
                logger?.LogWarning(exception, "The engine refused a request's document or arguments");
                context.Exception = new ExecutionError($"The request is invalid: {exception.Message}") { Code = ErrorCodes.Validation };
                return;
        }

        switch (services?.GetService<IDatabaseErrorClassifier>()?.ClassifyAny(exception))
        {
            case DatabaseFailure.Unavailable:
                logger?.LogError(exception, "The database is unavailable (request {RequestId})", requestId);
                context.Exception = new ExecutionError("The database is unavailable; try again shortly.", exception) { Code = ErrorCodes.DatabaseUnavailable };
                break;

            case DatabaseFailure.Duplicate:
                logger?.LogWarning(exception, "A unique index refused a write (request {RequestId})", requestId);
                context.Exception = new ExecutionError("Another item already has this key; choose another.", exception) { Code = EditingErrorCodes.Duplicate };
                break;

            case DatabaseFailure.Conflict:
                logger?.LogWarning(exception, "A write collided with another (request {RequestId})", requestId);
                context.Exception = new ExecutionError("The request collided with a concurrent change; read again and retry.", exception) { Code = EditingErrorCodes.Conflict };
                break;

            default:
                logger?.LogError(exception, "GraphQL execution failed (request {RequestId})", requestId);
                context.Exception = new ExecutionError("An internal error occurred; the request id identifies it in the server's log.", exception)
                {
                    Code = ErrorCodes.Internal,
                };
                break;
        }
    }
}
