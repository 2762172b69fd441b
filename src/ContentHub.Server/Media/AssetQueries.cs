using System.Globalization;
using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQL.Types.Relay.DataObjects;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Media;

/// <summary>Root fields <c>asset</c> and <c>assets</c>: the asset library, for editors.</summary>
public sealed class AssetQueries(IDbContextFactory<ContentHubDbContext> contexts) : IQueryFields
{
    private const string Sort = "ASSETS_NEWEST";

    public void AddTo(ObjectGraphType query)
    {
        query.Field<AssetGraphType>("asset")
            .Description("One asset by id, in the trash or not. Editors only.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async context =>
            {
                RequireEditor(context);
                if (ContentIds.Parse(context.GetArgument<object>("id")) is not { } id)
                {
                    return null;
                }

                await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
                return await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, context.CancellationToken);
            });

        query.Connection<AssetGraphType>("assets")
            .Description("The asset library as a Relay connection, newest upload first. Editors only.")
            .Argument<BooleanGraphType>("deleted", "true: only assets in the trash; false or not given: only those outside it.")
            .PageSize(KeysetPaging.DefaultPageSize)
            .ResolveAsync(async context => await ListAsync(context, context.CancellationToken));
    }

    private async Task<object?> ListAsync(IResolveConnectionContext<object?> context, CancellationToken cancellationToken)
    {
        RequireEditor(context);
        var deleted = context.GetArgument("deleted", false);
        var size = context.GetArgument<int?>("first") ?? KeysetPaging.DefaultPageSize;
        var afterId = int.MaxValue;
        if (context.After is { } after)
        {
            if (!KeysetCursor.TryDecode(after, out var cursor) || cursor.Sort != Sort)
            {
                throw new ExecutionError("'after' is not a cursor of the assets list.") { Code = ErrorCodes.Validation };
            }

            afterId = cursor.Id;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var assets = db.Assets.AsNoTracking().Where(a => (a.DeletedAt != null) == deleted);
        var rows = await assets.Where(a => a.Id < afterId).OrderByDescending(a => a.Id).Take(size + 1).ToListAsync(cancellationToken);
        var edges = rows.Take(size).Select(a => new Edge<Asset> { Node = a, Cursor = new KeysetCursor(Sort, a.Id.ToString(CultureInfo.InvariantCulture), a.Id).Encode() }).ToList();
        return new Connection<Asset>
        {
            TotalCount = context.Selects("totalCount") ? await assets.CountAsync(cancellationToken) : null,
            Edges = edges,
            PageInfo = KeysetPaging.PageInfoFor([.. edges.Select(e => e.Cursor)], hasNextPage: rows.Count > size, readAfterCursor: context.After is not null),
        };
    }

    private static void RequireEditor(IResolveFieldContext context)
    {
        if (!context.Service<Viewer>().IsEditor)
        {
            throw new ExecutionError("The asset library is for editors: send an editor's API key.") { Code = ErrorCodes.Unauthenticated };
        }
    }
}
