using ContentHub.Server.Content;

namespace ContentHub.Server.Seeding;

/// <summary>An item of a seed file: identified by a natural key (slug or key) and able to list its own problems.</summary>
public interface ISeed
{
    /// <summary>The slug or key that identifies the stored item across imports.</summary>
    string? NaturalKey { get; }

    /// <summary>When the item first went live, if the file says; otherwise its first import as published.</summary>
    DateTime? PublishedAt => null;

    /// <summary>Problems visible from the item alone; references to other items are checked by <see cref="SeedValidator"/>.</summary>
    IEnumerable<FieldError> Problems();
}
