using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types.Relay.DataObjects;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Content;

/// <summary>
/// Relay connections over keyset (seek) pagination, newest first: a page costs the same however deep it is,
/// and an item inserted meanwhile never shifts the next page.
/// </summary>
public static class KeysetPaging
{
    public const int DefaultPageSize = 20;

    public static async Task<Connection<T>> PageAsync<T>(
        IQueryable<T> items,
        Expression<Func<T, DateTime>> sortKey,
        int? first,
        string? after,
        bool includeTotalCount,
        CancellationToken cancellationToken)
        where T : IPublishable
    {
        // The document's validation has already refused a negative or oversized `first`.
        var size = first ?? DefaultPageSize;
        var total = includeTotalCount ? await items.CountAsync(cancellationToken) : (int?)null;

        var page = items;
        if (after is not null)
        {
            if (!KeysetCursor.TryDecode(after, out var cursor))
            {
                throw new ExecutionError("'after' is not a cursor this API issued.") { Code = ErrorCodes.Validation };
            }

            page = page.Where(After(sortKey, cursor));
        }

        var rows = await page.OrderByDescending(sortKey).ThenByDescending(item => item.Id)
            .Take(size + 1)
            .ToListAsync(cancellationToken);
        var getKey = sortKey.Compile();
        var edges = rows.Take(size)
            .Select(item => new Edge<T> { Node = item, Cursor = new KeysetCursor(getKey(item), item.Id).Encode() })
            .ToList();

        return new Connection<T>
        {
            TotalCount = total,
            Edges = edges,
            PageInfo = new PageInfo
            {
                HasNextPage = rows.Count > size,
                HasPreviousPage = after is not null,
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = edges.LastOrDefault()?.Cursor,
            },
        };
    }

    // sortKey < cursor.SortKey OR (sortKey == cursor.SortKey AND Id < cursor.Id)
    private static Expression<Func<T, bool>> After<T>(Expression<Func<T, DateTime>> sortKey, KeysetCursor cursor)
        where T : IPublishable
    {
        var item = sortKey.Parameters[0];
        var key = sortKey.Body;
        var id = Expression.Property(item, nameof(IPublishable.Id));
        var cursorKey = Expression.Constant(cursor.SortKey);
        var cursorId = Expression.Constant(cursor.Id);
        var body = Expression.OrElse(
            Expression.LessThan(key, cursorKey),
            Expression.AndAlso(Expression.Equal(key, cursorKey), Expression.LessThan(id, cursorId)));
        return Expression.Lambda<Func<T, bool>>(body, item);
    }
}
