using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Editing;
using ContentHub.Server.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace ContentHub.Server.Articles;

/// <summary>The review mutations <c>requestReview</c>, <c>approveArticle</c> and <c>rejectArticle</c>.</summary>
public sealed class ArticleReviewFields(ArticleReview review) : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field("requestReview", Payload())
            .Description("Asks a medical reviewer to approve a draft or archived article as it stands (state IN_REVIEW). Writers and editors.")
            .Arguments(Target())
            .ResolveAsync(async context => await WithTarget(context, (viewer, id, version) => review.RequestAsync(viewer, id, version, context.CancellationToken)));

        mutation.Field("approveArticle", Payload())
            .Description("Approves the article's title, summary, body, citations and disclaimers exactly as they stand, signed by the person your key "
                + "stands for; sets reviewer, reviewedAt and nextReviewDue (now plus the category's review interval). Any later change to that content "
                + "voids the approval. Medical reviewers only; not for content whose last change was your own.")
            .Arguments(Target())
            .Argument<StringGraphType>("note", "What you checked, for the record; at most 2,000 characters.")
            .ResolveAsync(async context => await WithTarget(context, (viewer, id, version) =>
                review.ApproveAsync(viewer, id, version, context.GetArgument<string?>("note"), context.CancellationToken)));

        mutation.Field("rejectArticle", Payload())
            .Description("Sends an article in review back to its writers (state CHANGES_REQUESTED) with a note saying what to change. Medical reviewers only.")
            .Arguments(Target())
            .Argument<NonNullGraphType<StringGraphType>>("note", "What to change; required, at most 2,000 characters.")
            .ResolveAsync(async context => await WithTarget(context, (viewer, id, version) =>
                review.RejectAsync(viewer, id, version, context.GetArgument<string>("note"), context.CancellationToken)));
    }

    private static NonNullGraphType Payload() => new(new GraphQLTypeReference(nameof(Article) + "Payload"));

    private static QueryArguments Target() => new(
        new QueryArgument<NonNullGraphType<IdGraphType>> { Name = "id", Description = "The article's id." },
        new QueryArgument<NonNullGraphType<IntGraphType>> { Name = "version", Description = "The version you last read; refused with CONFLICT when the article has changed since." });

    private static async Task<ContentPayload<Article>> WithTarget(
        IResolveFieldContext context, Func<Viewer, int, int, Task<ContentPayload<Article>>> write) =>
        ContentIds.Parse(context.GetArgument<string>("id")) is { } id
            ? await write(context.Service<Viewer>(), id, context.GetArgument<int>("version"))
            : ContentPayload<Article>.Failure([new FieldError("id", EditingErrorCodes.NotFound, "No item has that id.")]);
}
