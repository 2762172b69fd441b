using System.Linq.Expressions;

namespace ContentHub.Server.Editing;

public static class NaturalKey
{
    /// <summary>
    /// <c>item => item.Slug == value</c>, for any content type's slug or key selector. The value is a parameter, so
    /// EF Core compiles the query once, not once per slug.
    /// </summary>
    public static Expression<Func<TEntity, bool>> Is<TEntity>(Expression<Func<TEntity, string>> key, string value)
    {
        Expression<Func<string>> captured = () => value;
        return Expression.Lambda<Func<TEntity, bool>>(Expression.Equal(key.Body, captured.Body), key.Parameters);
    }

    /// <summary><c>item => values.Contains(item.Slug)</c>, the list sent as one parameter.</summary>
    public static Expression<Func<TEntity, bool>> In<TEntity>(Expression<Func<TEntity, string>> key, IReadOnlyList<string> values)
    {
        Expression<Func<IReadOnlyList<string>>> captured = () => values;
        return Expression.Lambda<Func<TEntity, bool>>(
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], captured.Body, key.Body), key.Parameters);
    }
}
