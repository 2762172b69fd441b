using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContentHub.Server.Observability;

/// <summary>
/// Every SQL command EF Core sends, on any provider: counted for the <see cref="GraphQLOperation"/> of the request it runs for, and, while
/// traces are recorded, a client span (child of the operation's) with the command's text, which holds parameter
/// placeholders, never their values.
/// </summary>
public sealed class SqlCommandTelemetry(IHttpContextAccessor http) : DbCommandInterceptor
{
    public const string SourceName = "ContentHub.Sql";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>
    /// The open spans by command: EF Core calls the interceptor from async methods of its own, so a span made current
    /// in "executing" is no longer current in "executed".
    /// </summary>
    private readonly ConcurrentDictionary<Guid, Activity> _open = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Start(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Start(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Start(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Start(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Start(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Start(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Stop(eventData, error: null);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Stop(eventData, error: null);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Stop(eventData, error: null);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Stop(eventData, error: null);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Stop(eventData, error: null);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Stop(eventData, error: null);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Stop(eventData, eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Stop(eventData, eventData.Exception);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Stop(eventData, new OperationCanceledException());

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Stop(eventData, new OperationCanceledException());
        return Task.CompletedTask;
    }

    private void Start(DbCommand command, CommandEventData eventData)
    {
        GraphQLOperation.Of(http.HttpContext)?.SqlCommandSent();
        if (!Source.HasListeners())
        {
            return;
        }

        var system = SystemOf(eventData.Context?.Database.ProviderName);
        var caller = Activity.Current;
        var activity = Source.StartActivity(OperationOf(command.CommandText) ?? system, ActivityKind.Client);
        if (activity is null)
        {
            return;
        }

        // Current only where EF Core runs it synchronously; either way the caller's span stays current.
        Activity.Current = caller;
        if (activity.IsAllDataRequested)
        {
            activity.SetTag("db.system.name", system);
            activity.SetTag("db.namespace", command.Connection?.Database);
            activity.SetTag("db.query.text", command.CommandText);
        }

        _open[eventData.CommandId] = activity;
    }

    private void Stop(CommandEventData eventData, Exception? error)
    {
        if (!_open.TryRemove(eventData.CommandId, out var activity))
        {
            return;
        }

        if (error is not null)
        {
            activity.SetTag("error.type", error.GetType().FullName);
            activity.SetStatus(ActivityStatusCode.Error, error.Message);
        }

        var caller = Activity.Current;
        activity.Dispose();
        Activity.Current = caller;
    }

    /// <summary>The statement's first keyword (SELECT, INSERT, ...): the span's name, as the database conventions advise.</summary>
    private static string? OperationOf(string text)
    {
        var span = text.AsSpan().TrimStart();
        var end = span.IndexOfAny(' ', '\n', '\r');
        var keyword = end < 0 ? span : span[..end];
        return keyword.Length is > 0 and <= 16 ? keyword.ToString().ToUpperInvariant() : null;
    }

    private static string SystemOf(string? provider) => provider switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => "sqlite",
        "Npgsql.EntityFrameworkCore.PostgreSQL" => "postgresql",
        "Microsoft.EntityFrameworkCore.SqlServer" => "microsoft.sql_server",
        _ => "other_sql",
    };
}
