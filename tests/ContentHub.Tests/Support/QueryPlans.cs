using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ContentHub.Tests.Support;

/// <summary>
/// The plan the factory's database makes for a recorded SQL command: SQLite's <c>EXPLAIN QUERY PLAN</c> lines, or
/// PostgreSQL's <c>EXPLAIN</c> with sequential scans priced out (test catalogues are small enough that the planner
/// would rightly read a table whole, so a test asks whether an index serves the read).
/// </summary>
public static class QueryPlans
{
    public static Task<string> ExplainAsync(this ContentHubFactory factory, SqlCommandRecord command) =>
        factory.Database == TestDatabase.PostgreSql ? PostgreSqlPlanAsync(factory, command) : SqlitePlanAsync(factory, command);

    private static async Task<string> SqlitePlanAsync(ContentHubFactory factory, SqlCommandRecord command)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
        foreach (var (name, value) in command.Parameters)
        {
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return await ReadPlanAsync(explain, column: 3);
    }

    private static async Task<string> PostgreSqlPlanAsync(ContentHubFactory factory, SqlCommandRecord command)
    {
        await using var connection = new NpgsqlConnection(factory.DatabaseSettings["ConnectionStrings:ContentHub"]);
        await connection.OpenAsync();
        await using (var settings = new NpgsqlCommand("ANALYZE; SET enable_seqscan = off;", connection))
        {
            await settings.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand("EXPLAIN " + command.Sql, connection);
        foreach (var (name, value) in command.Parameters)
        {
            explain.Parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
        }

        return await ReadPlanAsync(explain, column: 0);
    }

    private static async Task<string> ReadPlanAsync(DbCommand explain, int column)
    {
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(column).Trim());
        }

        return string.Join('\n', lines);
    }
}
