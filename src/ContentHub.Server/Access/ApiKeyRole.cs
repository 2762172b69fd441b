namespace ContentHub.Server.Access;

/// <summary>What a key may do. Callers without a key are anonymous readers of published content.</summary>
public enum ApiKeyRole
{
    /// <summary>Reads drafts, writes and publishes content.</summary>
    Editor = 0,

    /// <summary>An editor who may also delete permanently and read the audit log.</summary>
    Admin = 1,
}
