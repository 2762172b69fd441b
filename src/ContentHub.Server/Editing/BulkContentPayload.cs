using ContentHub.Server.Content;

namespace ContentHub.Server.Editing;

/// <summary>What a mutation of several items answers: all of them as they now are, or why none was written.</summary>
public sealed record BulkContentPayload<TEntity>(IReadOnlyList<TEntity> Items, IReadOnlyList<FieldError> Errors);
