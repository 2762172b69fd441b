namespace ContentHub.Server.Access;

/// <summary>What a key may do (see <see cref="ApiKeyRoles"/> for each role's permissions). Callers without a key are anonymous readers of published content.</summary>
public enum ApiKeyRole
{
    /// <summary>A writer and a publisher in one: reads drafts, writes and publishes content.</summary>
    Editor = 0,

    /// <summary>An editor who may also purge, read the audit log and manage people and webhooks.</summary>
    Admin = 1,

    /// <summary>Writes drafts; cannot publish, unpublish, schedule or change live items.</summary>
    Writer = 2,

    /// <summary>Reads drafts and approves or rejects articles medically.</summary>
    MedicalReviewer = 3,

    /// <summary>Publishes, unpublishes, schedules and changes live items (publishing still needs a matching approval where the category requires one).</summary>
    Publisher = 4,
}
