using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using ContentHub.Server.GraphQL.Caching;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.People;

/// <summary>Root fields <c>person</c> and <c>people</c>: author and reviewer pages, public once published.</summary>
public sealed class PersonQueries(IDbContextFactory<ContentHubDbContext> contexts) : IQueryFields
{
    private static readonly KeysetSort<Person, string> s_byName = new("NAME", p => p.Name, Descending: false);

    public void AddTo(ObjectGraphType query)
    {
        query.Field<PersonGraphType>("person")
            .Description("One person by slug.")
            .Argument<NonNullGraphType<StringGraphType>>("slug")
            .Configure(field => field.LooksUpOneItem())
            .ResolveAsync(async context =>
            {
                var slug = context.GetArgument<string>("slug");
                await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
                return await db.People.AsNoTracking().VisibleTo(context.Service<Viewer>())
                    .FirstOrDefaultAsync(p => p.Slug == slug, context.CancellationToken);
            });

        query.Connection<PersonGraphType, KeysetEdgeType<PersonGraphType>>("people")
            .Description("People as a Relay connection, by name.")
            .PageSize(KeysetPaging.DefaultPageSize)
            .ResolveAsync(async context =>
            {
                await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
                return await KeysetPaging.PageAsync(db.People.AsNoTracking().VisibleTo(context.Service<Viewer>()), s_byName,
                    context.GetArgument<int?>("first"), context.After, context.Selects("totalCount"), context.CancellationToken);
            });
    }
}
