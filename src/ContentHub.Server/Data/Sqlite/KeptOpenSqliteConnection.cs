using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace ContentHub.Server.Data.Sqlite;

#pragma warning disable EF1001 // SqliteRelationalConnection is EF Core's internal API; it is where a pooled context closes its connection.

/// <summary>
/// A pooled context's SQLite connection, kept open from one use of the context to the next (EF Core closes it after
/// every query and whenever the context goes back to the pool), so that the statements kept in <see cref="Statements"/>
/// stay prepared: closing a connection finalizes them all. It does close when a transaction begun on the connection
/// itself was left open (closing rolls it back), when a kept command's reader was never given back (its statement
/// would hold an old snapshot of the database), when the connection is broken, and always when the connection string
/// turns pooling off (<c>Pooling=False</c>: every use opens the file anew, and nothing is kept). A connection stays open
/// as long as its pooled context exists: the pool holds at most <see cref="DataServiceCollectionExtensions.SqliteContextPoolSize"/>.
/// It opens with SQLite's query planner stability guarantee on: without it a kept statement whose plan looked at a
/// bound value (any <c>LIKE</c> with a parameter for its pattern) is parsed and planned again whenever it is run.
/// </summary>
public sealed class KeptOpenSqliteConnection(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    private bool? _pooled;

    /// <summary>The kept commands; null when the connection string turns pooling off.</summary>
    public KeptStatements? Statements => Pooled ? field ??= new KeptStatements() : null;

    private bool Pooled => _pooled ??= new SqliteConnectionStringBuilder(ConnectionString).Pooling;

    protected override void OpenDbConnection(bool errorsExpected)
    {
        base.OpenDbConnection(errorsExpected);
        KeepPlans();
    }

    protected override async Task OpenDbConnectionAsync(bool errorsExpected, CancellationToken cancellationToken)
    {
        await base.OpenDbConnectionAsync(errorsExpected, cancellationToken);
        KeepPlans();
    }

    protected override void CloseDbConnection()
    {
        if (MustClose())
        {
            Statements?.Clear();
            base.CloseDbConnection();
        }
    }

    // Closing a SQLite connection does no I/O that could wait: the synchronous path serves both.
    protected override Task CloseDbConnectionAsync()
    {
        CloseDbConnection();
        return Task.CompletedTask;
    }

    protected override void DisposeDbConnection()
    {
        Statements?.Clear();
        base.DisposeDbConnection();
    }

    protected override ValueTask DisposeDbConnectionAsync()
    {
        Statements?.Clear();
        return base.DisposeDbConnectionAsync();
    }

    private void KeepPlans()
    {
        var handle = ((SqliteConnection)DbConnection).Handle;
        SqliteException.ThrowExceptionForRC(raw.sqlite3_db_config(handle, raw.SQLITE_DBCONFIG_ENABLE_QPSG, 1, out _), handle);
    }

    private bool MustClose() =>
        !Pooled
        || Statements!.Lent
        || DbConnection is not SqliteConnection { State: System.Data.ConnectionState.Open } sqlite
        || raw.sqlite3_get_autocommit(sqlite.Handle) == 0;
}
