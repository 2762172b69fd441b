using System.Data;
using System.Data.Common;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.Data.Sqlite;
using ContentHub.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace ContentHub.Tests.Data;

/// <summary>
/// On SQLite a context's connection stays open after a query, with the query's statement still prepared and used again
/// by the next run of the same SQL with other values; a connection left inside a transaction begun on it is closed
/// (rolling the transaction back), and a connection string without pooling opens the file anew each time.
/// </summary>
public sealed class SqliteStatementReuseTests(ContentHubFactory factory) : IClassFixture<ContentHubFactory>, IDisposable
{
    private readonly CustomContentHubFactory _unpooled = new(("ConnectionStrings:ContentHub", "Data Source={database};Pooling=False"));

    public void Dispose() => _unpooled.Dispose();

    [Fact]
    public async Task Should_keep_a_query_prepared_on_its_open_connection_and_run_it_again_with_other_values()
    {
        var slugs = await CategorySlugsAsync(factory);
        await using var db = factory.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var before = StatementMemory(connection);

        Assert.Equal(slugs[0], await BySlugAsync(db, slugs[0]));
        var afterOneRun = StatementMemory(connection);
        foreach (var slug in slugs)
        {
            Assert.Equal(slug, await BySlugAsync(db, slug));
        }

        Assert.True(afterOneRun > before, $"the query's statement is not kept after it ran ({before} bytes before, {afterOneRun} after)");
        Assert.Equal(afterOneRun, StatementMemory(connection)); // the same statement ran again, none was added
        await db.Database.CloseConnectionAsync();
        Assert.Equal(ConnectionState.Open, connection.State);
    }

    [Fact]
    public async Task Should_not_plan_a_kept_statement_again_when_its_LIKE_pattern_is_bound_anew()
    {
        var slugs = await CategorySlugsAsync(factory);
        // A context of its own, whose connection has prepared nothing yet: SQLitePCLRaw lists a connection's
        // statements only when asked to before the first is prepared.
        var options = new DbContextOptionsBuilder<SqliteContentHubDbContext>().UseSqlite($"Data Source={factory.DatabasePath}");
        options.KeepingSqliteStatements();
        await using var db = new SqliteContentHubDbContext(options.Options);
        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        connection.Handle!.enable_sqlite3_next_stmt(true);

        foreach (var slug in slugs.Concat(slugs))
        {
            var pattern = $"%{slug}%";
            Assert.Contains(slug, await db.Categories.Where(c => EF.Functions.Like(c.Slug, pattern)).Select(c => c.Slug).ToListAsync());
        }

        var (statements, replanned) = TimesPlannedAgain(connection, "LIKE @pattern");
        Assert.Equal(1, statements);
        Assert.Equal(0, replanned);
    }

    [Fact]
    public async Task Should_make_a_contexts_queries_outside_transactions_with_one_command()
    {
        var slugs = await CategorySlugsAsync(factory);
        var commands = new CommandRecorder();
        var options = new DbContextOptionsBuilder<SqliteContentHubDbContext>().UseSqlite($"Data Source={factory.DatabasePath}").AddInterceptors(commands);
        options.KeepingSqliteStatements();
        await using var db = new SqliteContentHubDbContext(options.Options);
        await db.Database.OpenConnectionAsync();

        Assert.Equal(slugs[0], await BySlugAsync(db, slugs[0]));
        db.Database.SetCommandTimeout(5);
        Assert.Equal(slugs[1], await BySlugAsync(db, slugs[1]));
        db.Database.SetCommandTimeout(null);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal(slugs[2], await BySlugAsync(db, slugs[2]));
            await transaction.CommitAsync();
        }

        Assert.Equal(slugs[0], await BySlugAsync(db, slugs[0]));

        var (first, timedOut, inTransaction, last) = (commands.Seen[0], commands.Seen[1], commands.Seen[2], commands.Seen[3]);
        Assert.Same(first, timedOut);
        Assert.Same(first, last);
        Assert.NotSame(first, inTransaction); // a command of its own, which its connection knows of
        Assert.Equal([30, 5, 30], commands.Timeouts.Where((_, i) => i != 2));
    }

    /// <summary>The commands EF Core runs its queries with, and their timeouts, as it hands them to the interceptors.</summary>
    private sealed class CommandRecorder : DbCommandInterceptor
    {
        public List<DbCommand> Seen { get; } = [];

        public List<int> Timeouts { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Seen.Add(command);
            Timeouts.Add(command.CommandTimeout);
            return ValueTask.FromResult(result);
        }
    }

    [Fact]
    public async Task Should_read_what_another_context_wrote_between_two_runs_of_a_kept_statement()
    {
        var slug = (await CategorySlugsAsync(factory))[0];
        await using var reader = factory.CreateDbContext();
        var before = await NameAsync(reader, slug);
        Assert.NotNull(await reader.Categories.Where(c => c.Status == PublicationStatus.Published).Select(c => c.Name).FirstOrDefaultAsync()); // read, then left early

        await using (var writer = factory.CreateDbContext())
        {
            var category = await writer.Categories.SingleAsync(c => c.Slug == slug);
            category.Name = before + " (renamed)";
            await writer.SaveChangesAsync();
        }

        try
        {
            Assert.Equal(before + " (renamed)", await NameAsync(reader, slug));
        }
        finally
        {
            await using var writer = factory.CreateDbContext();
            (await writer.Categories.SingleAsync(c => c.Slug == slug)).Name = before;
            await writer.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task Should_close_a_connection_left_inside_a_transaction_begun_on_it_and_so_roll_it_back()
    {
        await CategorySlugsAsync(factory);
        SqliteConnection connection;
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.OpenConnectionAsync();
            connection = (SqliteConnection)db.Database.GetDbConnection();
            var transaction = connection.BeginTransaction();
            await using var rename = connection.CreateCommand();
            rename.Transaction = transaction;
            rename.CommandText = "UPDATE \"Categories\" SET \"Name\" = 'Left in a transaction'";
            await rename.ExecuteNonQueryAsync();
        }

        Assert.Equal(ConnectionState.Closed, connection.State);
        await using var other = factory.CreateDbContext();
        Assert.False(await other.Categories.AnyAsync(c => c.Name == "Left in a transaction"));
    }

    [Fact]
    public async Task Should_open_the_file_anew_for_each_query_when_the_connection_string_turns_pooling_off()
    {
        await CategorySlugsAsync(_unpooled);
        await using var db = _unpooled.CreateDbContext();

        await db.Categories.CountAsync();

        Assert.Equal(ConnectionState.Closed, db.Database.GetDbConnection().State);
    }

    private static Task<string> NameAsync(ContentHubDbContext db, string slug) =>
        db.Categories.Where(c => c.Slug == slug).Select(c => c.Name).SingleAsync();

    private static Task<string> BySlugAsync(ContentHubDbContext db, string slug) =>
        db.Categories.Where(c => c.Slug == slug).Select(c => c.Slug).SingleAsync();

    /// <summary>The bytes of memory that statements prepared on <paramref name="connection"/>'s handle hold.</summary>
    private static int StatementMemory(SqliteConnection connection)
    {
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_db_status(connection.Handle, raw.SQLITE_DBSTATUS_STMT_USED, out var current, out _, 0));
        return current;
    }

    /// <summary>
    /// How many statements prepared on <paramref name="connection"/> contain <paramref name="sql"/>, and how many times
    /// SQLite parsed and planned them again after a new value was bound (<c>SQLITE_STMTSTATUS_REPREPARE</c>, which
    /// SQLitePCLRaw does not name).
    /// </summary>
    private static (int Statements, int Replanned) TimesPlannedAgain(SqliteConnection connection, string sql)
    {
        const int Reprepare = 5;
        var (statements, replanned) = (0, 0);
        for (var statement = raw.sqlite3_next_stmt(connection.Handle, null); statement is not null; statement = raw.sqlite3_next_stmt(connection.Handle, statement))
        {
            if (raw.sqlite3_sql(statement).utf8_to_string().Contains(sql, StringComparison.Ordinal))
            {
                statements++;
                replanned += raw.sqlite3_stmt_status(statement, Reprepare, 0);
            }
        }

        return (statements, replanned);
    }

    private static async Task<List<string>> CategorySlugsAsync(ContentHubFactory server)
    {
        (await server.CreateClient().PostQueryAsync("{ site { name } }")).AssertData(); // the server is up: seed-data/ is in
        await using var db = server.CreateDbContext();
        var slugs = await db.Categories.Where(c => c.Status == PublicationStatus.Published).OrderBy(c => c.Slug).Select(c => c.Slug).Take(3).ToListAsync();
        Assert.Equal(3, slugs.Count);
        return slugs;
    }
}
