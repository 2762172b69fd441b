namespace ContentHub.Server.Editing;

/// <summary>An item a mutation acts on, with the version the editor last read; both empty when creating.</summary>
public sealed record ItemVersion(int? Id, int? Version);
