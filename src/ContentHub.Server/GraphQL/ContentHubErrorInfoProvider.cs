using System.Text.RegularExpressions;
using ContentHub.Server.Access;
using GraphQL;
using GraphQL.Execution;

namespace ContentHub.Server.GraphQL;

/// <summary>
/// Shapes every GraphQL error a client sees: a request id that also tags the server's log lines, no exception
/// details outside Development, and no "Did you mean …?" schema hints for anyone but editors in Production.
/// </summary>
public sealed partial class ContentHubErrorInfoProvider(IHttpContextAccessor http, IHostEnvironment environment)
    : ErrorInfoProvider(options => options.ExposeExceptionDetails = environment.IsDevelopment())
{
    public const string RequestIdExtension = "requestId";

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        var context = http.HttpContext;
        if (context is null)
        {
            return info;
        }

        if (environment.IsProduction() && !context.RequestServices.GetRequiredService<Viewer>().IsEditor)
        {
            info.Message = Suggestion().Replace(info.Message, "");
        }

        info.Extensions ??= new Dictionary<string, object?>();
        info.Extensions[RequestIdExtension] = context.TraceIdentifier;
        return info;
    }

    [GeneratedRegex(@"\s*Did you mean .*$", RegexOptions.Singleline)]
    private static partial Regex Suggestion();
}
