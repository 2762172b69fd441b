using System.Security.Claims;

namespace ContentHub.Server.Access;

/// <summary>Who is asking: decides what content they see and which operations they may run.</summary>
public sealed record Viewer(string Name, bool IsEditor, bool IsAdmin)
{
    public static readonly Viewer Anonymous = new("anonymous", IsEditor: false, IsAdmin: false);

    /// <summary>The background service acting on schedules; it edits as an editor would.</summary>
    public static readonly Viewer Scheduler = new("scheduler", IsEditor: true, IsAdmin: false);

    public static Viewer From(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true
            ? new Viewer(user.Identity.Name ?? "unnamed", user.IsInRole(ApiKeyRoles.Editor), user.IsInRole(ApiKeyRoles.Admin))
            : Anonymous;
}
