using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Editing;

/// <summary>
/// <c>createArticlePreviewToken</c> and its siblings: editors mint a signed, expiring token for one unpublished
/// item, so a front end's preview page can show it with the <c>X-Preview-Token</c> header instead of an editor key.
/// </summary>
public sealed class PreviewTokenFields<TEntity>(string typeName, PreviewTokens tokens, AuditLog audit, UnauthenticatedRefusals unauthenticated, IDbContextFactory<ContentHubDbContext> contexts)
    : IMutationFields
    where TEntity : ContentItem
{
    private const int DefaultMinutes = 60;

    public void AddTo(ObjectGraphType mutation)
    {
        var name = $"create{typeName}PreviewToken";
        mutation.Field<NonNullGraphType<GraphQLClrOutputTypeReference<PreviewTokenPayload>>>(name)
            .Description($"Mints a token that lets whoever holds it see this {typeName.ToLowerInvariant()} (draft or archived) until it expires: "
                + $"send it as the `{PreviewTokens.Header}` header when querying it by id or slug. Editors only.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The item to preview.")
            .Argument<IntGraphType>("expiresInMinutes", $"How long the token works; {DefaultMinutes} when not given, at most {(int)PreviewTokens.MaxLifetime.TotalMinutes}.")
            .ResolveAsync(async context =>
            {
                var viewer = context.Service<Viewer>();
                var id = ContentIds.Parse(context.GetArgument<object>("id"));
                if (!viewer.IsEditor)
                {
                    unauthenticated.Record(name);
                    throw new ExecutionError("Preview tokens are minted by editors: send an editor's API key.") { Code = ErrorCodes.Unauthenticated };
                }

                var payload = await MintAsync(id, context.GetArgument("expiresInMinutes", DefaultMinutes), context.CancellationToken);
                await audit.RecordAsync(viewer.Name, name, typeName, id, payload.Errors.Count == 0 ? AuditLog.Succeeded : payload.Errors[0].Code);
                return payload;
            });
    }

    private async Task<PreviewTokenPayload> MintAsync(int? id, int minutes, CancellationToken cancellationToken)
    {
        if (minutes < 1 || TimeSpan.FromMinutes(minutes) > PreviewTokens.MaxLifetime)
        {
            return Refused(new FieldError("expiresInMinutes", FieldRules.InvalidValueCode,
                $"expiresInMinutes must be between 1 and {(int)PreviewTokens.MaxLifetime.TotalMinutes}."));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (id is not { } key || !await db.Set<TEntity>().AnyAsync(e => e.Id == key && e.Status != PublicationStatus.Trashed, cancellationToken))
        {
            return Refused(new FieldError("id", EditingErrorCodes.NotFound, $"No {typeName.ToLowerInvariant()} outside the trash has that id."));
        }

        var (token, expiresAt) = tokens.Create(new PreviewGrant(typeof(TEntity).Name, key), TimeSpan.FromMinutes(minutes));
        return new PreviewTokenPayload { Token = token, ExpiresAt = expiresAt, Errors = [] };
    }

    private static PreviewTokenPayload Refused(FieldError error) => new() { Errors = [error] };
}
