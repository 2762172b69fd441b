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
    }
}
