using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Editing;

/// <summary><c>revokePreviewToken</c>: ends one preview token before it expires, e.g. a link shared too widely.</summary>
public sealed class PreviewTokenRevocation(
    AuditLog audit, UnauthenticatedRefusals unauthenticated, IDbContextFactory<ContentHubDbContext> contexts, TimeProvider clock)
    : IMutationFields
{
    private const string Name = "revokePreviewToken";

    public void AddTo(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<GraphQLClrOutputTypeReference<RevokePreviewTokenPayload>>>(Name)
            .Description("Stops a preview token from working: requests sending it get 401, as with an expired one. Editors only.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The token's id (`tokenId` from the mutation that minted it).")
            .ResolveAsync(async context =>
            {
                var viewer = context.Service<Viewer>();
                if (!viewer.IsEditor)
                {
                    unauthenticated.Record(Name);
                    throw new ExecutionError("Preview tokens are revoked by editors: send an editor's API key.") { Code = ErrorCodes.Unauthenticated };
                }

                return await RevokeAsync(viewer, ContentIds.Parse(context.GetArgument<object>("id")), context.CancellationToken);
            });

    /// <summary>Marks the token revoked and stores the audit entry in one transaction, or refuses.</summary>
    private async Task<RevokePreviewTokenPayload> RevokeAsync(Viewer viewer, int? id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var issued = id is { } key
            ? await db.PreviewTokens.FirstOrDefaultAsync(t => t.Id == key && t.RevokedAt == null && t.ExpiresAt > now, cancellationToken)
            : null;
        if (issued is null)
        {
            await audit.RecordAsync(viewer.Name, Name, nameof(IssuedPreviewToken), id, EditingErrorCodes.NotFound);
            return new RevokePreviewTokenPayload
            {
                Errors = [new FieldError("id", EditingErrorCodes.NotFound, "No working preview token has that id: it never existed, has expired or was revoked already.")],
            };
        }

        issued.RevokedAt = now;
        db.AuditLog.Add(AuditLog.Entry(viewer.Name, Name, issued.ContentType, issued.ContentId, AuditLog.Succeeded, now));
        await db.SaveChangesAsync(cancellationToken);
        return new RevokePreviewTokenPayload { RevokedAt = now, Errors = [] };
    }
}
