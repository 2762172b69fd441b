using System.Linq.Expressions;
using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.Seeding;

namespace ContentHub.Server.Editing;

/// <summary>
/// What the generic editing pipeline needs to know about one content type. Its editable form is the same
/// class a seed file is read into, so seed files and mutations share one shape and one set of field rules.
/// </summary>
public interface IEditableContent<TEntity, TInput>
    where TEntity : ContentItem
    where TInput : class, ISeed
{
    /// <summary>The type's GraphQL name, e.g. <c>Article</c>; mutation names are built from it.</summary>
    string TypeName { get; }

    /// <summary>The slug or key identifying an item, unique per type.</summary>
    Expression<Func<TEntity, string>> NaturalKey { get; }

    /// <summary>Whether the natural key is a slug that appears in public URLs (and so keeps redirecting when changed).</summary>
    bool HasPublicSlug { get; }

    /// <summary>The permission every write of the type needs instead of the operation's own (e.g. people: admins); none by default.</summary>
    Permissions? ManagedBy => null;

    /// <summary>
    /// Keys of answers (<see cref="ContentKeys"/>) a change to any item of the type may change besides the item and its
    /// collection, whatever its status: what the type's items reach in other types' answers. None by default.
    /// </summary>
    IReadOnlyCollection<string> AlsoChanges => [];

    /// <summary>The items with every relation the editable form refers to loaded.</summary>
    IQueryable<TEntity> WithReferences(ContentHubDbContext db);

    /// <summary>The item's editable form, references written as the slugs or keys an input uses.</summary>
    TInput ToInput(TEntity entity);

    /// <summary>Fills what an editor may leave out when creating, e.g. a slug made from the title.</summary>
    void FillDefaults(TInput input);

    /// <summary>A new, unsaved item from a valid input.</summary>
    TEntity Create(TInput input);

    /// <summary>Copies the input's fields and references onto the item; unknown references become errors.</summary>
    Task<IReadOnlyList<FieldError>> ApplyAsync(ContentHubDbContext db, TInput input, TEntity entity, CancellationToken cancellationToken);

    /// <summary>Why the item, loaded with its references, may not go live yet; nothing by default.</summary>
    Task<IReadOnlyList<FieldError>> CheckPublishableAsync(ContentHubDbContext db, TEntity entity, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FieldError>>([]);

    /// <summary>
    /// Why the item, changed in memory and in <paramref name="status"/>, may not be saved because of what other items
    /// need from it (a published article keeps the disclaimers its categories require); nothing by default. The
    /// database still holds the item as it was.
    /// </summary>
    Task<IReadOnlyList<FieldError>> CheckDependentsAsync(ContentHubDbContext db, TEntity entity, PublicationStatus status, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FieldError>>([]);

    /// <summary>Adds to a revision's snapshot the item's state beyond its editable fields (e.g. an article's review); nothing by default.</summary>
    void AddState(TEntity entity, JsonObject snapshot)
    {
    }

    /// <summary>Why the item, in the trash, may not be purged: other items still refer to it; nothing by default.</summary>
    Task<IReadOnlyList<FieldError>> CheckPurgeableAsync(ContentHubDbContext db, TEntity entity, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FieldError>>([]);
}
