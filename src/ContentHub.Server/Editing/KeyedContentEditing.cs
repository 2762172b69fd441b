using System.Linq.Expressions;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.Seeding;

namespace ContentHub.Server.Editing;

/// <summary>
/// Editing of a content type identified by a key and without references to other items (disclaimers, facts,
/// promotions): everything comes from its mapper. A key left out is made from <paramref name="title"/>.
/// <paramref name="checkDependents"/> is <see cref="IEditableContent{TEntity, TInput}.CheckDependentsAsync"/>, when other items depend on the type.
/// </summary>
public sealed class KeyedContentEditing<TEntity, TInput>(
    string typeName,
    Expression<Func<TEntity, string>> key,
    Func<TInput, string?> title,
    Action<TInput, string> setKey,
    Func<TEntity, TInput> toInput,
    Func<TInput, TEntity> create,
    Action<TInput, TEntity> apply,
    Func<ContentHubDbContext, TEntity, PublicationStatus, CancellationToken, Task<IReadOnlyList<FieldError>>>? checkDependents = null)
    : IEditableContent<TEntity, TInput>
    where TEntity : ContentItem
    where TInput : class, ISeed
{
    public string TypeName => typeName;

    public Expression<Func<TEntity, string>> NaturalKey => key;

    public bool HasPublicSlug => false;

    public IQueryable<TEntity> WithReferences(ContentHubDbContext db) => db.Set<TEntity>();

    public TInput ToInput(TEntity entity) => toInput(entity);

    public void FillDefaults(TInput input)
    {
        if (string.IsNullOrEmpty(input.NaturalKey) && title(input) is { } text)
        {
            setKey(input, FieldRules.Slugify(text, FieldLengths.Key));
        }
    }

    public TEntity Create(TInput input) => create(input);

    public Task<IReadOnlyList<FieldError>> ApplyAsync(ContentHubDbContext db, TInput input, TEntity entity, CancellationToken cancellationToken)
    {
        apply(input, entity);
        return Task.FromResult<IReadOnlyList<FieldError>>([]);
    }

    public Task<IReadOnlyList<FieldError>> CheckDependentsAsync(ContentHubDbContext db, TEntity entity, PublicationStatus status, CancellationToken cancellationToken) =>
        checkDependents?.Invoke(db, entity, status, cancellationToken) ?? Task.FromResult<IReadOnlyList<FieldError>>([]);
}
