using GraphQL;

namespace ContentHub.Server.GraphQL;

public static class ResolveFieldContextExtensions
{
    /// <summary>The request-scoped service of the HTTP request being answered (loaders live there).</summary>
    public static T Service<T>(this IResolveFieldContext context)
        where T : notnull =>
        context.RequestServices!.GetRequiredService<T>();

    /// <summary>Whether the query selected <paramref name="field"/> directly under this field (under any alias), e.g. <c>totalCount</c>.</summary>
    public static bool Selects(this IResolveFieldContext context, string field) =>
        context.SubFields?.Values.Any(selected => selected.Field.Name.Value == field) == true;
}
