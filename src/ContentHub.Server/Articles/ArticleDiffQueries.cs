using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Articles;

/// <summary>Root field <c>articleDiff</c>: what changed between two revisions of an article, for its reviewers and editors.</summary>
public sealed class ArticleDiffQueries(IDbContextFactory<ContentHubDbContext> contexts) : IQueryFields
{
    public void AddTo(ObjectGraphType query) =>
        query.Field<GraphQLClrOutputTypeReference<ArticleDiff>>("articleDiff")
            .Description("What changed in an article from one revision to another: the fields that differ, and the body's rendered text word by word "
                + "with deletions and insertions marked. From approvedVersion to version shows what changed since the last approval. Empty when "
                + "either revision does not exist. Editors, writers, publishers and reviewers only.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<IntGraphType>>("fromVersion", "The older revision's version.")
            .Argument<NonNullGraphType<IntGraphType>>("toVersion", "The newer revision's version.")
            .ResolveAsync(async context =>
            {
                if (!context.Service<Viewer>().IsEditor)
                {
                    throw new ExecutionError("Revisions are for editors: send an editor's API key.") { Code = ErrorCodes.Unauthenticated };
                }

                var (from, to) = (context.GetArgument<int>("fromVersion"), context.GetArgument<int>("toVersion"));
                if (ContentIds.Parse(context.GetArgument<string>("id")) is not { } id)
                {
                    return null;
                }

                await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
                var snapshots = await db.Revisions.AsNoTracking()
                    .Where(r => r.ContentType == nameof(Article) && r.ContentId == id && (r.Version == from || r.Version == to))
                    .ToDictionaryAsync(r => r.Version, r => r.Snapshot, context.CancellationToken);
                return snapshots.TryGetValue(from, out var before) && snapshots.TryGetValue(to, out var after)
                    ? ArticleDiffing.Compare(from, JsonNode.Parse(before)!.AsObject(), to, JsonNode.Parse(after)!.AsObject())
                    : null;
            });
}
