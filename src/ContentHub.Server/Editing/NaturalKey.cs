using System.Linq.Expressions;

namespace ContentHub.Server.Editing;

public static class NaturalKey
{
    /// <summary><c>item => item.Slug == value</c>, for any content type's slug or key selector.</summary>
    public static Expression<Func<TEntity, bool>> Is<TEntity>(Expression<Func<TEntity, string>> key, string value) =>
        Expression.Lambda<Func<TEntity, bool>>(Expression.Equal(key.Body, Expression.Constant(value)), key.Parameters);
}
