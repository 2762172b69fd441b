using System.Linq.Expressions;
using System.Reflection;
using GraphQL;
using GraphQL.Types.Relay.DataObjects;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Content;

/// <summary>
/// One order a list can be paged in: a sort key (a timestamp or a text) and its direction, with the id as the
/// tie-breaker in the same direction. <see cref="Name"/> goes into every cursor issued for this order.
/// </summary>
public sealed record KeysetSort<T, TKey>(string Name, Expression<Func<T, TKey>> Key, bool Descending)
    where T : IPublishable
{
    /// <summary><see cref="Key"/> compiled once, for writing cursors: compiling it per page cost more than the page's SQL.</summary>
    public Func<T, TKey> KeyOf { get; } = Key.Compile();
}

/// <summary>
/// Relay connections over keyset (seek) pagination: a page costs the same however deep it is,
/// and an item inserted meanwhile never shifts the next page.
/// </summary>
public static class KeysetPaging
{
    public const int DefaultPageSize = 20;

    private static readonly MethodInfo s_take = new Func<IQueryable<object>, int, IQueryable<object>>(Queryable.Take).Method.GetGenericMethodDefinition();

    private static readonly MethodInfo s_compareStrings = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    public static async Task<Connection<T>> PageAsync<T, TKey>(
        IQueryable<T> items,
        KeysetSort<T, TKey> sort,
        int? first,
        string? after,
        bool includeTotalCount,
        CancellationToken cancellationToken)
        where T : IPublishable
    {
        var page = new Page<TKey>();
        Prepare(page, sort, first, after);
        var total = includeTotalCount ? await items.CountAsync(cancellationToken) : (int?)null;
        var rows = await Seek(items, sort, page, after is not null).ToListAsync(cancellationToken);
        return ConnectionOf(rows, sort, page, after is not null, total);
    }

    /// <summary>
    /// Fills <paramref name="page"/> for the page of <paramref name="first"/> items (the default size when null)
    /// after the cursor <paramref name="after"/> (none when null) in <paramref name="sort"/>'s order.
    /// </summary>
    public static void Prepare<T, TKey>(IKeysetPage<TKey> page, KeysetSort<T, TKey> sort, int? first, string? after)
        where T : IPublishable
    {
        // The document's validation has already refused a negative or oversized `first`; one row more tells whether a next page exists.
        page.Rows = (first ?? DefaultPageSize) + 1;
        if (after is not null)
        {
            var (key, id) = Decode(after, sort);
            page.AfterKey = key;
            page.AfterId = id;
        }
    }

    /// <summary>
    /// The rows of one page, in <paramref name="sort"/>'s order: those beyond <paramref name="page"/>'s boundary when
    /// <paramref name="afterBoundary"/>, at most its <see cref="IKeysetPage{TKey}.Rows"/>. The page's members are read
    /// as SQL parameters, so the SQL is the same for every page.
    /// </summary>
    public static IQueryable<T> Seek<T, TKey>(IQueryable<T> items, KeysetSort<T, TKey> sort, IKeysetPage<TKey> page, bool afterBoundary)
        where T : IPublishable
    {
        var values = Expression.Constant(page, typeof(IKeysetPage<TKey>));
        if (afterBoundary)
        {
            items = items.Where(After(sort, values));
        }

        var ordered = sort.Descending
            ? items.OrderByDescending(sort.Key).ThenByDescending(item => item.Id)
            : items.OrderBy(sort.Key).ThenBy(item => item.Id);
        return ordered.Provider.CreateQuery<T>(Expression.Call(
            s_take.MakeGenericMethod(typeof(T)), ordered.Expression, Expression.Property(values, nameof(IKeysetPage<TKey>.Rows))));
    }

    /// <summary>The connection of a page read by <see cref="Seek"/>: its last row, if beyond the page's size, only says that a next page exists.</summary>
    public static Connection<T> ConnectionOf<T, TKey>(List<T> rows, KeysetSort<T, TKey> sort, IKeysetPage<TKey> page, bool readAfterCursor, int? total)
        where T : IPublishable
    {
        var size = page.Rows - 1;
        var edges = rows.Take(size)
            .Select(Edge<T> (item) => new KeysetEdge<T, TKey>(sort.Name, sort.KeyOf(item), item.Id) { Node = item })
            .ToList();

        return new Connection<T>
        {
            TotalCount = total,
            Edges = edges,
            PageInfo = PageInfoFor(
                edges.Count > 0 ? [((IKeysetEdge)edges[0]).EncodedCursor, ((IKeysetEdge)edges[^1]).EncodedCursor] : [],
                hasNextPage: rows.Count > size,
                readAfterCursor: readAfterCursor),
        };
    }

    /// <summary>The page info of a keyset page: a page read after a cursor always has one before it.</summary>
    public static PageInfo PageInfoFor(IReadOnlyList<string?> cursors, bool hasNextPage, bool readAfterCursor) =>
        new()
        {
            HasNextPage = hasNextPage,
            HasPreviousPage = readAfterCursor,
            StartCursor = cursors.Count > 0 ? cursors[0] : null,
            EndCursor = cursors.Count > 0 ? cursors[^1] : null,
        };

    private static (TKey Key, int Id) Decode<T, TKey>(string after, KeysetSort<T, TKey> sort)
        where T : IPublishable
    {
        if (!KeysetCursor.TryDecode(after, out var cursor))
        {
            throw NotOurs();
        }

        if (cursor.Sort != sort.Name)
        {
            throw new ExecutionError($"'after' is a cursor of the {cursor.Sort} order; this list is sorted {sort.Name}. Start again without 'after'.")
            {
                Code = ErrorCodes.Validation,
            };
        }

        if (!TryParseKey<TKey>(cursor.Key, out var key))
        {
            throw NotOurs();
        }

        return (key, cursor.Id);
    }

    private static ExecutionError NotOurs() =>
        new("'after' is not a cursor this API issued.") { Code = ErrorCodes.Validation };

    internal static string FormatKey<TKey>(TKey key) => key switch
    {
        DateTime timestamp => KeysetCursor.FormatKey(timestamp),
        string text => text,
        _ => throw new NotSupportedException($"Keyset sort keys are timestamps or texts, not {typeof(TKey)}."),
    };

    private static bool TryParseKey<TKey>(string text, out TKey key)
    {
        key = default!;
        if (typeof(TKey) == typeof(string))
        {
            key = (TKey)(object)text;
            return true;
        }

        if (typeof(TKey) == typeof(DateTime) && KeysetCursor.TryParseKey(text, out var timestamp))
        {
            key = (TKey)(object)timestamp;
            return true;
        }

        return false;
    }

    // Descending: key < boundary OR (key = boundary AND Id < boundary id); ascending with >.
    private static Expression<Func<T, bool>> After<T, TKey>(KeysetSort<T, TKey> sort, Expression page)
        where T : IPublishable
    {
        var item = sort.Key.Parameters[0];
        var key = sort.Key.Body;
        var id = Expression.Property(item, nameof(IPublishable.Id));
        var boundaryKey = Expression.Property(page, nameof(IKeysetPage<TKey>.AfterKey));
        var boundaryId = Expression.Property(page, nameof(IKeysetPage<TKey>.AfterId));
        var zero = Expression.Constant(0);

        Expression keyBeyond;
        if (typeof(TKey) == typeof(string))
        {
            var comparison = Expression.Call(s_compareStrings, key, boundaryKey);
            keyBeyond = sort.Descending ? Expression.LessThan(comparison, zero) : Expression.GreaterThan(comparison, zero);
        }
        else
        {
            keyBeyond = sort.Descending ? Expression.LessThan(key, boundaryKey) : Expression.GreaterThan(key, boundaryKey);
        }

        var idBeyond = sort.Descending ? Expression.LessThan(id, boundaryId) : Expression.GreaterThan(id, boundaryId);
        var body = Expression.OrElse(keyBeyond, Expression.AndAlso(Expression.Equal(key, boundaryKey), idBeyond));
        return Expression.Lambda<Func<T, bool>>(body, item);
    }

    private sealed class Page<TKey> : IKeysetPage<TKey>
    {
        public TKey AfterKey { get; set; } = default!;

        public int AfterId { get; set; }

        public int Rows { get; set; }
    }
}
