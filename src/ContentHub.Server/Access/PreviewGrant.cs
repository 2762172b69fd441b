namespace ContentHub.Server.Access;

/// <summary>Leave to see one unpublished item, e.g. the draft a front end's preview page shows.</summary>
public sealed record PreviewGrant(string ContentType, int Id)
{
    public const string ClaimType = "contenthub:preview";

    public string ToClaimValue() => $"{ContentType}:{Id}";

    public static PreviewGrant? FromClaimValue(string? value) =>
        value?.Split(':') is [var type, var id] && int.TryParse(id, out var key) ? new PreviewGrant(type, key) : null;
}
