using System.Diagnostics.Metrics;
using ContentHub.Server.Hosting;

namespace ContentHub.Server.Editing;

/// <summary>
/// Mutations refused to callers who are not editors. They leave no audit entry (30 aliases would write 30): each
/// is counted in the <c>contenthub.editing.unauthenticated_refusals</c> metric, a request holding any is logged
/// once and spends one failure of its address's <see cref="FailedAccessLimiter"/>, and past that budget the
/// request is answered 429.
/// </summary>
public sealed partial class UnauthenticatedRefusals(
    IHttpContextAccessor http, IMeterFactory meters, FailedAccessLimiter failures, ILogger<UnauthenticatedRefusals> logger)
{
    public const string MeterName = "ContentHub.Editing";
    public const string InstrumentName = "contenthub.editing.unauthenticated_refusals";

    private static readonly object s_tallyKey = new();

    private readonly Counter<long> _refused = meters.Create(MeterName).CreateCounter<long>(
        InstrumentName, description: "Mutations refused to callers who are not editors.");

    public void Record(string operation)
    {
        _refused.Add(1, new KeyValuePair<string, object?>("operation", operation));
        if (http.HttpContext is { } context)
        {
            context.Items[s_tallyKey] = (context.Items[s_tallyKey] as int? ?? 0) + 1;
        }
    }

    /// <summary>After a request has run: true when it held refusals past its address's budget and was answered 429.</summary>
    public async Task<bool> AnswerOverLimitAsync(HttpContext context)
    {
        if (context.Items[s_tallyKey] is not int count)
        {
            return false;
        }

        LogRefused(count, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (failures.Spend(context) is not { } wait)
        {
            return false;
        }

        await HttpProtection.WriteTooManyRequestsAsync(context, wait,
            "Too many mutations without an editor's credentials from this address; retry after the number of seconds in Retry-After.");
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Count} mutations to a caller without an editor's credentials at {Address}")]
    private partial void LogRefused(int count, string address);
}
