using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Content.Reference;
using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using ContentHub.Server.GraphQL.Caching;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Categories;

/// <summary>Root fields <c>category</c> and <c>categories</c>.</summary>
public sealed class CategoryQueries(IDbContextFactory<ContentHubDbContext> contexts) : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<CategoryGraphType>("category")
            .Description("One category by slug.")
            .Argument<NonNullGraphType<StringGraphType>>("slug")
            .Configure(field => field.LooksUpOneItem())
            .ResolveAsync(async context =>
            {
                var slug = context.GetArgument<string>("slug");
                if (await context.Service<ReferenceData>().GetAsync(context.CancellationToken) is { } snapshot)
                {
                    return snapshot.Categories.FirstOrDefault(c => c.Slug == slug);
                }

                await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
                return await db.Categories.AsNoTracking().VisibleOrPreviewedBy(context.Service<Viewer>())
                    .FirstOrDefaultAsync(c => c.Slug == slug, context.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryGraphType>>>>("categories")
            .Description("The category tree: top-level categories in sort order; follow `children` for the rest.")
            .ResolveAsync(async context =>
            {
                if (await context.Service<ReferenceData>().GetAsync(context.CancellationToken) is { } snapshot)
                {
                    return snapshot.CategoriesUnder[null].ToList();
                }

                await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
                return await db.Categories.AsNoTracking().VisibleTo(context.Service<Viewer>())
                    .Where(c => c.ParentId == null)
                    .OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
                    .ToListAsync(context.CancellationToken);
            });
    }
}
