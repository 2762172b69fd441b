using System.Data.Common;
using ContentHub.Server.Content;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.Exceptions;

namespace ContentHub.Server.GraphQL;

/// <summary>Logs what failed inside the engine, and words the failures a client causes so the client can act on them.</summary>
public static class UnhandledErrorHandler
{
    public static void Handle(UnhandledExceptionContext context)
    {
        if (context.OriginalException is GraphQLMaxDepthExceededException)
        {
            context.ErrorMessage = "The document is nested too deeply to parse.";
            return;
        }

        context.Context?.RequestServices?.GetService<ILogger<ContentHubSchema>>()?
            .LogError(context.OriginalException, "GraphQL execution failed");

        if (IsDatabaseFailure(context.OriginalException))
        {
            // Not the client's fault and not permanent: the endpoint answers 503 so clients retry later.
            context.Exception = new ExecutionError("The database is unavailable; try again shortly.", context.OriginalException)
            {
                Code = ErrorCodes.DatabaseUnavailable,
            };
        }
    }

    private static bool IsDatabaseFailure(Exception exception) =>
        exception is DbException || exception.InnerException is { } inner && IsDatabaseFailure(inner);
}
