namespace ContentHub.Server.Access;

/// <summary>What a caller may do; a role is a set of these (<see cref="ApiKeyRoles"/>).</summary>
[Flags]
public enum Permissions
{
    None = 0,

    /// <summary>Reads drafts, revisions and editors-only fields: every role has it.</summary>
    ReadDrafts = 1,

    /// <summary>Creates and changes items that are not live, moves them to and from the trash, asks for a medical review.</summary>
    Write = 2,

    /// <summary>Publishes, unpublishes, archives and schedules items, and changes live ones.</summary>
    Publish = 4,

    /// <summary>Approves or rejects articles medically (needs a key mapped to a person).</summary>
    Review = 8,

    /// <summary>Purges, reads the audit log, manages people and webhooks.</summary>
    Administer = 16,
}
