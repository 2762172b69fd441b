using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.Editing;
using ContentHub.Server.GraphQL;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Media;

/// <summary>
/// <c>updateAsset</c>, <c>deleteAsset</c>, <c>restoreAsset</c> and <c>purgeAsset</c>: editors describe assets,
/// move them to the trash and back, and remove them for good once nothing published shows them.
/// </summary>
public sealed class AssetEditing(
    IDbContextFactory<ContentHubDbContext> contexts,
    IAssetStorage storage,
    AuditLog audit,
    UnauthenticatedRefusals unauthenticated,
    IContentChanges changes,
    TimeProvider clock) : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        Add(mutation, "updateAsset", "Replaces an asset's alt text, decorative flag, credit, licence and consent, and moves its focal point.",
            (context, db, asset) => Task.FromResult(Update(asset,
                context.GetArgument<AssetDetails>("details"), context.GetArgument<double?>("focalX"), context.GetArgument<double?>("focalY"))),
            new QueryArgument<NonNullGraphType<GraphQLClrInputTypeReference<AssetDetails>>> { Name = "details", Description = "The new description; every field is replaced." },
            new QueryArgument<FloatGraphType> { Name = "focalX", Description = "The focal point's horizontal position, 0 (left) to 1 (right); unchanged when not given." },
            new QueryArgument<FloatGraphType> { Name = "focalY", Description = "The focal point's vertical position, 0 (top) to 1 (bottom); unchanged when not given." });

        Add(mutation, "deleteAsset", "Moves an asset to the trash: it leaves the library list, and can be restored or purged.", (_, _, asset) =>
        {
            asset.DeletedAt ??= clock.GetUtcNow().UtcDateTime;
            return Task.FromResult<IReadOnlyList<FieldError>>([]);
        });

        Add(mutation, "restoreAsset", "Takes an asset out of the trash.", (_, _, asset) =>
        {
            asset.DeletedAt = null;
            return Task.FromResult<IReadOnlyList<FieldError>>([]);
        });

        Add(mutation, "purgeAsset", "Removes an asset in the trash, its file and renditions for good; refused (IN_USE) while a published item shows it.",
            async (context, db, asset) =>
            {
                if (asset.DeletedAt is null)
                {
                    return [new FieldError("id", EditingErrorCodes.InvalidState, "Only an asset in the trash can be purged: delete it first.")];
                }

                var users = await PublishedUsersAsync(db, asset.Id, context.CancellationToken);
                if (users.Count > 0)
                {
                    return [new FieldError("id", MediaErrorCodes.InUse, $"Published items show this asset: {string.Join(", ", users)}. Change or unpublish them first.")];
                }

                db.Assets.Remove(asset);
                return [];
            });
    }

    private void Add(ObjectGraphType mutation, string name, string description, Change change, params QueryArgument[] arguments) =>
        mutation.AddField(new FieldType
        {
            Name = name,
            Description = description + " Editors only.",
            Type = typeof(NonNullGraphType<GraphQLClrOutputTypeReference<AssetPayload>>),
            Arguments = new QueryArguments([new QueryArgument<NonNullGraphType<IdGraphType>> { Name = "id", Description = "The asset." }, .. arguments]),
            Resolver = new FuncFieldResolver<AssetPayload>(async context => await RunAsync(context, name, change)),
        });

    private static IReadOnlyList<FieldError> Update(Asset asset, AssetDetails details, double? focalX, double? focalY)
    {
        var errors = AssetDetails.Problems(details)
            .Concat(FieldRules.Check(focalX is null or (>= 0 and <= 1), "focalX", "focalX must be between 0 and 1."))
            .Concat(FieldRules.Check(focalY is null or (>= 0 and <= 1), "focalY", "focalY must be between 0 and 1."))
            .ToList();
        if (errors.Count == 0)
        {
            asset.Alt = details.Decorative ? null : details.Alt;
            asset.Decorative = details.Decorative;
            asset.Credit = details.Credit;
            asset.License = details.License;
            asset.ConsentOnFile = details.ConsentOnFile;
            asset.FocalX = focalX ?? asset.FocalX;
            asset.FocalY = focalY ?? asset.FocalY;
        }

        return errors;
    }

    /// <summary>The published articles (hero or link-preview image) and promotions whose image is the asset, as editors know them.</summary>
    private static async Task<List<string>> PublishedUsersAsync(ContentHubDbContext db, int assetId, CancellationToken cancellationToken)
    {
        var articles = await db.Articles.Where(a => a.Status == PublicationStatus.Published
                && ((a.HeroImage != null && a.HeroImage.AssetId == assetId) || (a.Seo.Image != null && a.Seo.Image.AssetId == assetId)))
            .Select(a => "article '" + a.Slug + "'").ToListAsync(cancellationToken);
        var promotions = await db.Promotions.Where(p => p.Status == PublicationStatus.Published && p.Image != null && p.Image.AssetId == assetId)
            .Select(p => "promotion '" + p.Key + "'").ToListAsync(cancellationToken);
        return [.. articles, .. promotions];
    }

    private delegate Task<IReadOnlyList<FieldError>> Change(IResolveFieldContext context, ContentHubDbContext db, Asset asset);

    /// <summary>Finds the asset, applies <paramref name="change"/> and saves with an audit entry in one transaction, or refuses.</summary>
    private async Task<AssetPayload> RunAsync(IResolveFieldContext context, string operation, Change change)
    {
        var viewer = context.Service<Viewer>();
        if (!viewer.IsEditor)
        {
            unauthenticated.Record(operation);
            throw new ExecutionError("Assets are edited by editors: send an editor's API key.") { Code = ErrorCodes.Unauthenticated };
        }

        if (!viewer.May(Permissions.Write))
        {
            throw new ExecutionError("Assets are kept by writers and editors: your role may not change them.") { Code = ErrorCodes.Forbidden };
        }

        var id = ContentIds.Parse(context.GetArgument<object>("id"));
        await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var asset = id is null ? null : await db.Assets.FirstOrDefaultAsync(a => a.Id == id, context.CancellationToken);
        var errors = asset is null
            ? [new FieldError("id", EditingErrorCodes.NotFound, "No asset has that id.")]
            : await change(context, db, asset);
        if (errors.Count > 0)
        {
            await transaction.RollbackAsync(context.CancellationToken);
            await audit.RecordAsync(viewer.Name, operation, nameof(Asset), id, errors[0].Code);
            return new AssetPayload { Errors = errors };
        }

        var now = clock.GetUtcNow().UtcDateTime;
        asset!.UpdatedAt = now;
        db.AuditLog.Add(AuditLog.Entry(viewer.Name, operation, nameof(Asset), id, AuditLog.Succeeded, now));
        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        await changes.ChangedAsync(AssetKeys.Changed, context.CancellationToken);
        if (db.Entry(asset).State == EntityState.Detached)
        {
            storage.Delete(asset.Sha256); // after the commit: a failed commit must not lose the file
        }

        return new AssetPayload { Asset = asset, Errors = [] };
    }
}
