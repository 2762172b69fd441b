using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;

namespace ContentHub.Server.Data.Sqlite;

public static class StatementKeepingOptions
{
    /// <summary>
    /// Connections kept open with their prepared statements (<see cref="KeptOpenSqliteConnection"/>, <see cref="SqliteStatementReuse"/>).
    /// Add it after the other interceptors: they see each command before it is run through a kept one.
    /// </summary>
    public static DbContextOptionsBuilder KeepingSqliteStatements(this DbContextOptionsBuilder options) =>
#pragma warning disable EF1001 // EF Core's internal connection service: see KeptOpenSqliteConnection.
        options.ReplaceService<ISqliteRelationalConnection, KeptOpenSqliteConnection>()
#pragma warning restore EF1001
            .AddInterceptors(new SqliteStatementReuse());
}
