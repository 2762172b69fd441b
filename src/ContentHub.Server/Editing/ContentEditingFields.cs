using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using ContentHub.Server.GraphQL.Caching;
using ContentHub.Server.Seeding;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Editing;

/// <summary>
/// The editing fields of one content type, e.g. <c>createArticle</c>, <c>updateArticle</c>, <c>publishArticle</c>
/// and the query <c>articleRevisions</c>, all backed by its <see cref="ContentEditor{TEntity, TInput}"/>.
/// </summary>
public sealed class ContentEditingFields<TEntity, TInput>(
    ContentEditor<TEntity, TInput> editor, SlugResolver<TEntity, TInput> slugs, IEditableContent<TEntity, TInput> content, IDbContextFactory<ContentHubDbContext> contexts)
    : IMutationFields, IQueryFields
    where TEntity : ContentItem
    where TInput : class, ISeed, new()
{
    private const string VersionHelp = "The version you last read; refused with CONFLICT when the item has changed since.";

    public void AddTo(ObjectGraphType root)
    {
        if (root is MutationType)
        {
            AddMutations(root);
        }
        else
        {
            AddRevisionsQuery(root);
            if (content.HasPublicSlug)
            {
                AddSlugQuery(root);
            }
        }
    }

    private void AddMutations(ObjectGraphType mutation)
    {
        var type = editor.TypeName;
        var payload = new NonNullGraphType(new ContentPayloadGraphType<TEntity>(type));
        var input = new NonNullGraphType(new ContentInputGraphType<TInput>(type));
        var an = GraphQLNames.Indefinite(type);

        mutation.Field("create" + type, payload)
            .Description($"Creates {an} as a draft. A slug or key left out is made from the title.")
            .Argument(input, "input")
            .ResolveAsync(async context => await editor.CreateAsync(
                context.Service<Viewer>(), Given(context), context.CancellationToken));

        mutation.Field("update" + type, payload)
            .Description($"Changes the given fields of {an}; fields left out keep their values.")
            .Arguments(Target())
            .Argument(input, "input")
            .ResolveAsync(async context => await WithTarget(context, (id, version) => editor.UpdateAsync(
                context.Service<Viewer>(), id, version, Given(context), context.CancellationToken)));

        AddTransition(mutation, payload, "publish", ContentTransition.Publish,
            $"Makes a draft or archived {type.ToLowerInvariant()} visible to everyone; its first publication sets publishedAt.");
        AddTransition(mutation, payload, "unpublish", ContentTransition.Unpublish, $"Turns a published {type.ToLowerInvariant()} back into a draft.");
        AddTransition(mutation, payload, "archive", ContentTransition.Archive, $"Withdraws {an} from the public and keeps it for the record.");
        AddTransition(mutation, payload, "delete", ContentTransition.Delete, $"Moves {an} to the trash, hidden from everyone; restore brings it back.");
        AddTransition(mutation, payload, "restore", ContentTransition.Restore, $"Takes {an} out of the trash, as a draft.");

        var plural = GraphQLNames.Plural(type);
        mutation.Field("publish" + plural, new NonNullGraphType(new BulkContentPayloadGraphType<TEntity>(type)))
            .Description($"Publishes several {plural.ToLowerInvariant()} (at most {ContentEditor<TEntity, TInput>.MaxBulkItems}) in one transaction: all of them, or none when any is refused.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<ItemVersionInputGraphType>>>>("items", "The items and the versions you last read.")
            .ResolveAsync(async context => await editor.PublishAllAsync(
                context.Service<Viewer>(), context.GetArgument<List<ItemVersion>>("items"), context.CancellationToken));

        mutation.Field("schedule" + type, payload)
            .Description($"Sets (or, with null, clears) when the scheduler publishes and unpublishes the {type.ToLowerInvariant()}. Times are UTC and must be in the future.")
            .Arguments(Target())
            .Argument<DateTimeGraphType>("publishAt", "When to publish it; null clears.")
            .Argument<DateTimeGraphType>("unpublishAt", "When to archive it; null clears.")
            .ResolveAsync(async context => await WithTarget(context, (id, version) => editor.ScheduleAsync(
                context.Service<Viewer>(), id, version, Utc(context.GetArgument<DateTime?>("publishAt")),
                Utc(context.GetArgument<DateTime?>("unpublishAt")), context.CancellationToken)));

        mutation.Field($"restore{type}Revision", payload)
            .Description($"Brings back the fields {an} had at an earlier revision, as a new revision. Its status does not change.")
            .Arguments(Target())
            .Argument<NonNullGraphType<IntGraphType>>("revision", "The version number of the revision to bring back.")
            .ResolveAsync(async context => await WithTarget(context, (id, version) => editor.RestoreRevisionAsync(
                context.Service<Viewer>(), id, version, context.GetArgument<int>("revision"), context.CancellationToken)));

        mutation.Field("purge" + type, payload)
            .Description($"Deletes {an} in the trash for good, with its revisions. Admins only.")
            .Arguments(Target())
            .ResolveAsync(async context => await WithTarget(context, (id, version) => editor.PurgeAsync(
                context.Service<Viewer>(), id, version, context.CancellationToken)));
    }

    private void AddTransition(ObjectGraphType mutation, IGraphType payload, string operation, ContentTransition transition, string description) =>
        mutation.Field(operation + editor.TypeName, payload)
            .Description(description)
            .Arguments(Target())
            .ResolveAsync(async context => await WithTarget(context, (id, version) => editor.TransitionAsync(
                context.Service<Viewer>(), id, version, transition, context.CancellationToken)));

    private void AddRevisionsQuery(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphQLClrOutputTypeReference<Revision>>>>>(
                GraphQLNames.Camel(editor.TypeName) + "Revisions")
            .Description($"The stored states of {GraphQLNames.Indefinite(editor.TypeName)}, newest first. Editors only.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async context =>
            {
                if (!context.Service<Viewer>().IsEditor)
                {
                    throw new ExecutionError("Revisions are for editors: send an editor's API key.") { Code = ErrorCodes.Unauthenticated };
                }

                var id = ContentIds.Parse(context.GetArgument<string>("id"));
                await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
                return await db.Revisions.AsNoTracking()
                    .Where(r => r.ContentType == editor.TypeName && r.ContentId == id)
                    .OrderByDescending(r => r.Version)
                    .ToListAsync(context.CancellationToken);
            });

    private void AddSlugQuery(ObjectGraphType query) =>
        query.Field($"resolve{editor.TypeName}Slug", new NonNullGraphType(new SlugResolutionGraphType<TEntity>(editor.TypeName)))
            .Description($"What a slug {GraphQLNames.Indefinite(editor.TypeName)} ever had stands for now: the current item, a permanent redirect to its new slug, gone (archived or deleted) or not found. For turning old URLs into pages.")
            .Argument<NonNullGraphType<StringGraphType>>("slug")
            .ResolveAsync(async context => await slugs.ResolveAsync(
                context.Service<Viewer>(), context.GetArgument<string>("slug"), context.Service<ResponseCachePolicy>(), context.CancellationToken));

    /// <summary>The input fields the client gave, by name (see <see cref="ContentInputGraphType{TInput}"/>).</summary>
    private static Dictionary<string, object?> Given(IResolveFieldContext context) =>
        context.GetArgument<Dictionary<string, object?>>("input");

    private static QueryArguments Target() => new(
        new QueryArgument<NonNullGraphType<IdGraphType>> { Name = "id", Description = "The item's id." },
        new QueryArgument<NonNullGraphType<IntGraphType>> { Name = "version", Description = VersionHelp });

    private static async Task<ContentPayload<TEntity>> WithTarget(
        IResolveFieldContext context, Func<int, int, Task<ContentPayload<TEntity>>> write) =>
        ContentIds.Parse(context.GetArgument<string>("id")) is { } id
            ? await write(id, context.GetArgument<int>("version"))
            : ContentPayload<TEntity>.Failure([new FieldError("id", EditingErrorCodes.NotFound, "No item has that id.")]);

    private static DateTime? Utc(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Unspecified } unspecified => DateTime.SpecifyKind(unspecified, DateTimeKind.Utc),
        var given => given.Value.ToUniversalTime(),
    };
}
