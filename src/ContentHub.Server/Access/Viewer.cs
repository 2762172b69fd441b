using System.Security.Claims;

namespace ContentHub.Server.Access;

/// <summary>Who is asking: decides what content they see and which operations they may run.</summary>
/// <param name="Name">The API key's or signed-in user's name; <c>anonymous</c> otherwise.</param>
/// <param name="IsEditor">May read drafts and edit.</param>
/// <param name="IsAdmin">May also purge and read the audit log.</param>
/// <param name="Preview">An unpublished item a preview token lets this caller see, by id or slug.</param>
public sealed record Viewer(string Name, bool IsEditor, bool IsAdmin, PreviewGrant? Preview = null)
{
    public static readonly Viewer Anonymous = new("anonymous", IsEditor: false, IsAdmin: false);

    /// <summary>The background service acting on schedules; it edits as an editor would.</summary>
    public static readonly Viewer Scheduler = new("scheduler", IsEditor: true, IsAdmin: false);

    /// <summary>
    /// Editors and admins by their role; everyone else — a signed-in user without either role included — is
    /// <see cref="Anonymous"/>, so no check can take "signed in" for "may edit".
    /// </summary>
    public static Viewer From(ClaimsPrincipal? user)
    {
        var preview = PreviewGrant.FromClaimValue(user?.FindFirst(PreviewGrant.ClaimType)?.Value);
        var isAdmin = user?.IsInRole(ApiKeyRoles.Admin) == true;
        if (user?.Identity?.IsAuthenticated != true || !(isAdmin || user.IsInRole(ApiKeyRoles.Editor)))
        {
            return preview is null ? Anonymous : Anonymous with { Preview = preview };
        }

        return new Viewer(user.Identity.Name ?? "unnamed", IsEditor: true, isAdmin, preview);
    }

    /// <summary>The <typeparamref name="T"/> (and version) this caller may preview, if any.</summary>
    public PreviewGrant? PreviewOf<T>() => Preview is { } grant && grant.ContentType == typeof(T).Name ? grant : null;
}
