using System.Security.Claims;

namespace ContentHub.Server.Access;

/// <summary>Who is asking: decides what content they see and which operations they may run.</summary>
/// <param name="Name">The API key's or signed-in user's name; <c>anonymous</c> otherwise.</param>
/// <param name="Permissions">What their roles allow (<see cref="ApiKeyRoles"/>).</param>
/// <param name="Person">The slug of the person the key or user stands for, if it is mapped to one.</param>
/// <param name="Preview">An unpublished item a preview token lets this caller see, by id or slug.</param>
public sealed record Viewer(string Name, Permissions Permissions, string? Person = null, PreviewGrant? Preview = null)
{
    /// <summary>The claim carrying the slug of the person a caller stands for.</summary>
    public const string PersonClaim = "contenthub:person";

    public static readonly Viewer Anonymous = new("anonymous", Permissions.None);

    /// <summary>The background service acting on schedules; it edits as an editor would.</summary>
    public static readonly Viewer Scheduler = new("scheduler", Permissions.ReadDrafts | Permissions.Write | Permissions.Publish);

    /// <summary>Has a role: reads drafts and editors-only fields (what it may change is <see cref="May"/>'s to say).</summary>
    public bool IsEditor => May(Permissions.ReadDrafts);

    /// <summary>May purge, read the audit log and manage people and webhooks.</summary>
    public bool IsAdmin => May(Permissions.Administer);

    public bool May(Permissions permissions) => (Permissions & permissions) == permissions;

    /// <summary>
    /// The permissions of the caller's roles; everyone else — a signed-in user without one of our roles included —
    /// is <see cref="Anonymous"/>, so no check can take "signed in" for "may edit".
    /// </summary>
    public static Viewer From(ClaimsPrincipal? user)
    {
        var preview = PreviewGrant.FromClaimValue(user?.FindFirst(PreviewGrant.ClaimType)?.Value);
        var permissions = user?.Identity?.IsAuthenticated == true
            ? ApiKeyRoles.All.Where(user.IsInRole).Aggregate(Permissions.None, (all, role) => all | ApiKeyRoles.PermissionsOf(role))
            : Permissions.None;
        if (permissions == Permissions.None)
        {
            return preview is null ? Anonymous : Anonymous with { Preview = preview };
        }

        return new Viewer(user!.Identity!.Name ?? "unnamed", permissions, user.FindFirst(PersonClaim)?.Value, preview);
    }

    /// <summary>The <typeparamref name="T"/> (and version) this caller may preview, if any.</summary>
    public PreviewGrant? PreviewOf<T>() => Preview is { } grant && grant.ContentType == typeof(T).Name ? grant : null;
}
