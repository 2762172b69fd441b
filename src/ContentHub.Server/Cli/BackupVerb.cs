using System.CommandLine;
using System.Diagnostics;
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
            var source = db.Database.GetDbConnection().DataSource;
            if (!File.Exists(source))
            {
                await Console.Error.WriteLineAsync($"There is no database at {source}; check ConnectionStrings:ContentHub.");
                return 1;
            }

            await Console.Error.WriteAsync($"Copying {source} ({new FileInfo(source).Length / 1048576.0:F1} MB) to {target}...");
            var started = Stopwatch.GetTimestamp();
            await db.Database.ExecuteSqlAsync($"VACUUM INTO {target}", cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            await Console.Error.WriteLineAsync($" done in {elapsed.TotalSeconds:F1} s.");
            var copy = new BackupSummary(target, new FileInfo(target).Length, elapsed.TotalSeconds);
            CliOutput.Print(parse, copy, $"Backed up to {target} ({copy.Bytes:N0} bytes).");
            return 0;
        });
        return backup;
    }

    private sealed record BackupSummary(string File, long Bytes, double ElapsedSeconds);
}
