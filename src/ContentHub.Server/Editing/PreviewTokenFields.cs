using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Editing;

/// <summary>
/// <c>createArticlePreviewToken</c> and its siblings: editors mint a signed, expiring, revocable token for one
/// unpublished item, so a front end's preview page can show it with the <c>X-Preview-Token</c> header instead of an
/// editor key.
/// </summary>
public sealed class PreviewTokenFields<TEntity>(
    string typeName,
    PreviewTokens tokens,
    AuditLog audit,
    UnauthenticatedRefusals unauthenticated,
    IDbContextFactory<ContentHubDbContext> contexts,
    TimeProvider clock)
    : IMutationFields
    where TEntity : ContentItem
{
    private const int DefaultMinutes = 60;

    public void AddTo(ObjectGraphType mutation)
    {
        var name = $"create{typeName}PreviewToken";
        mutation.Field<NonNullGraphType<GraphQLClrOutputTypeReference<PreviewTokenPayload>>>(name)
            .Description($"Mints a token that lets whoever holds it see this {typeName.ToLowerInvariant()} (draft or archived) until it expires "
                + $"or is revoked (`revokePreviewToken`): send it as the `{PreviewTokens.Header}` header when querying it by id or slug. Editors only.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The item to preview.")
            .Argument<IntGraphType>("expiresInMinutes", $"How long the token works; {DefaultMinutes} when not given, at most {(int)PreviewTokens.MaxLifetime.TotalMinutes}.")
            .Argument<IntGraphType>("version",
                "Bind the token to this version of the item (the one you last read; CONFLICT when it is no longer current): "
                + "once the item changes, the token shows nothing more. Not given: the token shows whichever version is current.")
            .ResolveAsync(async context =>
            {
                var viewer = context.Service<Viewer>();
                var id = ContentIds.Parse(context.GetArgument<object>("id"));
                if (!viewer.IsEditor)
                {
                    unauthenticated.Record(name);
                    throw new ExecutionError("Preview tokens are minted by editors: send an editor's API key.") { Code = ErrorCodes.Unauthenticated };
                }

                var payload = await MintAsync(viewer, name, id, context.GetArgument("expiresInMinutes", DefaultMinutes),
                    context.GetArgument<int?>("version"), context.CancellationToken);
                if (payload.Errors.Count > 0)
                {
                    await audit.RecordAsync(viewer.Name, name, typeName, id, payload.Errors[0].Code);
                }

                return payload;
            });
    }

    /// <summary>Stores the token's row and its audit entry in one transaction, or refuses.</summary>
    private async Task<PreviewTokenPayload> MintAsync(Viewer viewer, string operation, int? id, int minutes, int? version, CancellationToken cancellationToken)
    {
        if (minutes < 1 || TimeSpan.FromMinutes(minutes) > PreviewTokens.MaxLifetime)
        {
            return Refused(new FieldError("expiresInMinutes", FieldRules.InvalidValueCode,
                $"expiresInMinutes must be between 1 and {(int)PreviewTokens.MaxLifetime.TotalMinutes}."));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var current = id is { } key
            ? await db.Set<TEntity>().Where(e => e.Id == key && e.Status != PublicationStatus.Trashed).Select(e => (int?)e.Version).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (current is null)
        {
            return Refused(new FieldError("id", EditingErrorCodes.NotFound, $"No {typeName.ToLowerInvariant()} outside the trash has that id."));
        }

        if (version is not null && version != current)
        {
            return Refused(new FieldError("version", EditingErrorCodes.Conflict,
                $"The item was changed meanwhile: its current version is {current}. Read it again before sharing a preview of it."));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await db.PreviewTokens.Where(t => t.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken); // no use once expired
        var issued = new IssuedPreviewToken
        {
            ContentType = typeof(TEntity).Name,
            ContentId = id!.Value,
            Version = version,
            IssuedBy = viewer.Name,
            IssuedAt = now,
            ExpiresAt = now.AddMinutes(minutes),
        };
        db.PreviewTokens.Add(issued);
        db.AuditLog.Add(AuditLog.Entry(viewer.Name, operation, typeName, id, AuditLog.Succeeded, now));
        await db.SaveChangesAsync(cancellationToken);
        return new PreviewTokenPayload { TokenId = issued.Id, Token = tokens.Seal(issued), ExpiresAt = issued.ExpiresAt, Errors = [] };
    }

    private static PreviewTokenPayload Refused(FieldError error) => new() { Errors = [error] };
}
