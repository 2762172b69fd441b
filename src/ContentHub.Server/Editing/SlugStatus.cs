namespace ContentHub.Server.Editing;

/// <summary>What a slug that was ever used stands for now.</summary>
public enum SlugStatus
{
    /// <summary>It is the item's current slug.</summary>
    Current,

    /// <summary>The item moved to another slug: redirect permanently (301/308) to it.</summary>
    Redirect,

    /// <summary>The item was archived or deleted: answer 410 Gone.</summary>
    Gone,

    /// <summary>No item the caller may see ever had this slug: answer 404.</summary>
    NotFound,
}
