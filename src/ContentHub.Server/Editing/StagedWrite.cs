using ContentHub.Server.Content;
using ContentHub.Server.Webhooks;

namespace ContentHub.Server.Editing;

/// <summary>
/// One item's write staged in a transaction: the item, or why it was refused; whether any field changed, and the
/// keys of what the change changes once committed (<see cref="ContentKeys"/>; none when nothing changed), and the change
/// as the outbox tells it (none when nothing changed).
/// </summary>
public sealed record StagedWrite<TEntity>(
    TEntity? Item, IReadOnlyList<FieldError> Errors, bool Changed, IReadOnlyCollection<string>? Keys = null, ContentChange? Change = null);
