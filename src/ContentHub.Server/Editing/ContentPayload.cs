using ContentHub.Server.Content;

namespace ContentHub.Server.Editing;

/// <summary>What a mutation answers: the item as it now is, or why nothing was written.</summary>
public sealed record ContentPayload<TEntity>(TEntity? Item, IReadOnlyList<FieldError> Errors, int? CurrentVersion)
{
    public static ContentPayload<TEntity> Success(TEntity item) => new(item, [], null);

    public static ContentPayload<TEntity> Failure(IReadOnlyList<FieldError> errors, int? currentVersion = null) =>
        new(default, errors, currentVersion);
}
