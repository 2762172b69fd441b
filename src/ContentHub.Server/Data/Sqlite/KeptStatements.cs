using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ContentHub.Server.Data.Sqlite;

/// <summary>
/// One open connection's commands kept by SQL text, each with its statements prepared. The connection belongs to one
/// context, which runs one query at a time: not locked. A command is lent while its reader reads, under the command
/// EF Core made for the query (it names the same one when the reader is disposed); the same SQL read twice at once gets
/// a second command, dropped when given back.
/// </summary>
public sealed class KeptStatements
{
    public const int MaxPerConnection = 64;

    private readonly Dictionary<string, SqliteCommand> _idle = new(StringComparer.Ordinal);
    private readonly Dictionary<DbCommand, SqliteCommand> _lent = new(ReferenceEqualityComparer.Instance);
    private int _made;
    private SqliteCommand? _spare;

    /// <summary>Whether a command is lent: its reader may still hold a statement, and a snapshot of the database, open.</summary>
    public bool Lent => _lent.Count > 0;

    /// <summary>The kept command for <paramref name="sql"/> on <paramref name="connection"/>, made now if there is room; null when the connection keeps enough.</summary>
    public SqliteCommand? Take(SqliteConnection connection, string sql)
    {
        if (_idle.Remove(sql, out var kept))
        {
            return kept;
        }

        if (_made >= MaxPerConnection)
        {
            return null;
        }

        _made++;
        kept = connection.CreateCommand();
        kept.CommandText = sql;
        return kept;
    }

    public void Lend(DbCommand borrower, SqliteCommand command) => _lent[borrower] = command;

    /// <summary>
    /// The command EF Core made for an earlier query, to make the next one with: a new command is finalizable and
    /// registers a weak reference to itself with its connection, which the GC then has to go through.
    /// </summary>
    public SqliteCommand? TakeSpare()
    {
        var spare = _spare;
        _spare = null;
        return spare;
    }

    /// <summary>Keeps <paramref name="command"/>, a borrower EF Core disposes next; disposing leaves it reusable.</summary>
    public void KeepSpare(SqliteCommand command) => _spare ??= command;

    /// <summary>Takes back the command lent to <paramref name="borrower"/>; false when none was.</summary>
    public bool GiveBack(DbCommand borrower)
    {
        if (!_lent.Remove(borrower, out var command))
        {
            return false;
        }

        command.Parameters.Clear();
        if (!_idle.TryAdd(command.CommandText, command))
        {
            Drop(command);
        }

        return true;
    }

    public void Drop(SqliteCommand command)
    {
        _made--;
        command.Dispose();
    }

    /// <summary>Disposes every kept command (their statements with them): the connection is closing.</summary>
    public void Clear()
    {
        foreach (var command in _idle.Values.Concat(_lent.Values))
        {
            command.Dispose();
        }

        _idle.Clear();
        _lent.Clear();
        _made = 0;
        _spare = null;
    }
}
