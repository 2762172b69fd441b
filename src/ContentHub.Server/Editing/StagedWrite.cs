using ContentHub.Server.Content;

namespace ContentHub.Server.Editing;

/// <summary>One item's write staged in a transaction: the item, or why it was refused; whether any field changed.</summary>
public sealed record StagedWrite<TEntity>(TEntity? Item, IReadOnlyList<FieldError> Errors, bool Changed);
