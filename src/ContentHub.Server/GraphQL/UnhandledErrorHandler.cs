using System.Data.Common;
using ContentHub.Server.Content;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.Exceptions;

namespace ContentHub.Server.GraphQL;

/// <summary>
/// Decides what a client sees of an exception the engine did not expect: failures the client caused are worded
/// so the client can act on them; the database being down is a 503; anything else is logged and masked.
/// </summary>
public static class UnhandledErrorHandler
{
    public static void Handle(UnhandledExceptionContext context)
    {
        var logger = context.ExecutionOptions.RequestServices?.GetService<ILogger<ContentHubSchema>>();
        var exception = context.OriginalException;
        switch (exception)
        {
            case GraphQLMaxDepthExceededException:
                context.ErrorMessage = "The document is nested too deeply to parse.";
                break;

            // Before execution only the client's document and variables are being processed, and inside an
            // introspection field only the client's arguments: an argument error there is the client's.
            case ArgumentException when context.FieldContext is null || context.FieldContext.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal):
                logger?.LogWarning(exception, "The engine refused a request's document or arguments");
                context.Exception = new ExecutionError($"The request is invalid: {exception.Message}") { Code = ErrorCodes.Validation };
                break;

            case var _ when IsDatabaseFailure(exception):
                logger?.LogError(exception, "The database failed");
                context.Exception = new ExecutionError("The database is unavailable; try again shortly.", exception) { Code = ErrorCodes.DatabaseUnavailable };
                break;

            default:
                logger?.LogError(exception, "GraphQL execution failed");
                break;
        }
    }

    private static bool IsDatabaseFailure(Exception exception) =>
        exception is DbException || exception.InnerException is { } inner && IsDatabaseFailure(inner);
}
