using System.CommandLine;
using ContentHub.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.Cli;

/// <summary>
/// <c>backup FILE</c>: a consistent copy of the SQLite database, taken while the server may be running (SQLite's
/// <c>VACUUM INTO</c> reads one snapshot and writes a compact new file). PostgreSQL and SQL Server have their own tools.
/// </summary>
public static class BackupVerb
{
    public static Command Create(IServiceProvider services)
    {
        var file = new Argument<string>("file") { Description = "The copy to write (relative to the current folder); it must not exist yet." };
        var backup = new Command("backup", "Copy the SQLite database consistently, even while the server runs.") { file };
        backup.SetAction(async (parse, cancellationToken) =>
        {
            var provider = services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider;
            if (provider != DatabaseProvider.Sqlite)
            {
                await Console.Error.WriteLineAsync(
                    $"backup copies SQLite databases; this server uses {provider}. Back it up with the database's own tools "
                    + "(PostgreSQL: pg_dump --format=custom; SQL Server: BACKUP DATABASE): see docs/databases.md.");
                return 2;
            }

            var target = Path.GetFullPath(parse.GetValue(file)!);
            if (File.Exists(target))
            {
                await Console.Error.WriteLineAsync($"{target} exists already; give a new file.");
                return 1;
            }

            await using var db = await services.GetRequiredService<IDbContextFactory<ContentHubDbContext>>().CreateDbContextAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"VACUUM INTO {target}", cancellationToken);
            Console.Out.WriteLine($"Backed up to {target} ({new FileInfo(target).Length:N0} bytes).");
            return 0;
        });
        return backup;
    }
}
