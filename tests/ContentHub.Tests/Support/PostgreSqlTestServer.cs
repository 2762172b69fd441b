using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ContentHub.Server.Data.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ContentHub.Tests.Support;

/// <summary>
/// The PostgreSQL server the provider-dependent tests run against: the one <see cref="EnvironmentVariable"/> names
/// (CI starts its own), or else one private, throwaway cluster per test run, started from the Debian package's
/// binaries on a free loopback port with its data directory under the temp folder and stopped when the run ends.
/// Every test factory gets a fresh database copied from a template that the server's migrations built once.
/// </summary>
public static class PostgreSqlTestServer
{
    public const string EnvironmentVariable = "CONTENTHUB_TEST_POSTGRES";

    public const string NotFound =
        "PostgreSQL not found: install postgresql (apt-get install postgresql) or set CONTENTHUB_TEST_POSTGRES " +
        "to the connection string of a server where that user may create databases.";

    private const string OsUser = "postgres";

    private static readonly Lazy<Server?> s_server = new(Start);
    private static int s_reported;

    public static bool IsAvailable => s_server.Value is not null;

    /// <summary>Says once per run, among xunit's own messages, that the PostgreSQL tests are skipped and how to run them.</summary>
    public static void ReportIfMissing(IMessageSink diagnostics)
    {
        if (!IsAvailable && Interlocked.Exchange(ref s_reported, 1) == 0)
        {
            diagnostics.OnMessage(new DiagnosticMessage($"The PostgreSQL tests (…+OnPostgreSql, *PostgreSqlTests) are skipped. {NotFound}"));
        }
    }

    /// <summary>A new database, migrated and empty, and the connection string to it.</summary>
    public static string CreateDatabase()
    {
        var server = s_server.Value ?? throw new InvalidOperationException(NotFound);
        var name = $"contenthub_test_{Guid.NewGuid():N}";
        Execute(server.Admin, $"""CREATE DATABASE "{name}" TEMPLATE "{server.Template}" """);
        return new NpgsqlConnectionStringBuilder(server.Admin) { Database = name, Pooling = true, MaxPoolSize = 20 }.ConnectionString;
    }

    /// <summary>Drops a database <see cref="CreateDatabase"/> made, closing whatever connections are still open to it.</summary>
    public static void DropDatabase(string connectionString)
    {
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        Execute(s_server.Value!.Admin, $"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)""");
    }

    private sealed record Server(string Admin, string Template);

    private static Server? Start()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        var template = $"contenthub_template_{Guid.NewGuid():N}";
        string admin;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            admin = new NpgsqlConnectionStringBuilder(configured) { Pooling = false }.ConnectionString;
            // A template per run, dropped at its end: concurrent runs against one server never share one.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Execute(admin, $"""DROP DATABASE IF EXISTS "{template}" WITH (FORCE)""");
        }
        else if (FindBinaries() is { } binaries)
        {
            admin = StartCluster(binaries);
        }
        else
        {
            return null;
        }

        Execute(admin, $"""CREATE DATABASE "{template}" """);
        var templateConnection = new NpgsqlConnectionStringBuilder(admin) { Database = template }.ConnectionString;
        using (var db = new PostgreSqlContentHubDbContext(
            new DbContextOptionsBuilder<PostgreSqlContentHubDbContext>().UseNpgsql(templateConnection).Options))
        {
            db.Database.Migrate();
        }

        return new Server(admin, template);
    }

    private static string? FindBinaries()
    {
        const string debian = "/usr/lib/postgresql";
        var versions = Directory.Exists(debian)
            ? Directory.GetDirectories(debian).Select(dir => Path.Combine(dir, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var version) ? version : 0)
            : Enumerable.Empty<string>();
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")));
        return versions.Concat(onPath).FirstOrDefault();
    }

    /// <summary>
    /// initdb and postgres refuse to run as root: as root they run as the package's <c>postgres</c> user, which then
    /// owns the cluster's folder. The folder holds the data, the log and the Unix socket; nothing else is touched.
    /// </summary>
    private static string StartCluster(string binaries)
    {
        var root = Environment.UserName == "root";
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"contenthub-pg-{Guid.NewGuid():N}")).FullName;
        var data = Path.Combine(folder, "data");
        if (root)
        {
            Run("chown", [OsUser, folder], asPostgres: false);
        }

        Run(Path.Combine(binaries, "initdb"), ["-D", data, "-U", "contenthub", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"], root);
        var port = FreePort();
        Run(Path.Combine(binaries, "pg_ctl"),
        [
            "-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "start", "-o",
            $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
        ], root);
        // The cluster goes when this test process does, however it ends (even killed): a watchdog waits for it.
        var stop = $"tail --pid={Environment.ProcessId} -f /dev/null; '{Path.Combine(binaries, "pg_ctl")}' -D '{data}' -m immediate stop; rm -rf '{folder}'";
        using var watchdog = Process.Start(Command("sh", ["-c", $"exec </dev/null >/dev/null 2>&1; {stop}"], root));

        return $"Host=127.0.0.1;Port={port};Username=contenthub;Database=postgres;Pooling=false";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string program, IReadOnlyList<string> args, bool asPostgres)
    {
        var start = Command(program, args, asPostgres);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}): {error}{output.Result}");
        }
    }

    private static ProcessStartInfo Command(string program, IReadOnlyList<string> args, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in (asPostgres ? ["-u", OsUser, "--", program] : Array.Empty<string>()).Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
