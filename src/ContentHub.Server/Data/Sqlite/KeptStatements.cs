using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ContentHub.Server.Data.Sqlite;

/// <summary>
/// One open connection's commands kept by SQL text, each with its statements prepared. The connection belongs to one
/// context, which runs one query at a time: not locked. A command is lent to a reader while it reads; the same SQL
/// read twice at once gets a second command, dropped when given back.
/// </summary>
public sealed class KeptStatements
{
    public const int MaxPerConnection = 64;

    private readonly Dictionary<string, SqliteCommand> _idle = new(StringComparer.Ordinal);
    private readonly Dictionary<DbDataReader, SqliteCommand> _lent = new(ReferenceEqualityComparer.Instance);
    private int _count;

    /// <summary>The kept command for <paramref name="sql"/> on <paramref name="connection"/>, made now if there is room; null when the connection keeps enough.</summary>
    public SqliteCommand? Take(SqliteConnection connection, string sql)
    {
        if (_idle.Remove(sql, out var kept))
        {
            return kept;
        }

        if (_count >= MaxPerConnection)
        {
            return null;
        }

        _count++;
        kept = connection.CreateCommand();
        kept.CommandText = sql;
        return kept;
    }

    public void Lend(DbDataReader reader, SqliteCommand command) => _lent[reader] = command;

    public void GiveBack(DbDataReader reader)
    {
        if (!_lent.Remove(reader, out var command))
        {
            return;
        }

        command.Parameters.Clear();
        if (!_idle.TryAdd(command.CommandText, command))
        {
            Drop(command);
        }
    }

    public void Drop(SqliteCommand command)
    {
        _count--;
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
        _count = 0;
    }
}
