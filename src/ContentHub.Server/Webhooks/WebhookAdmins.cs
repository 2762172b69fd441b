using ContentHub.Server.Access;
using ContentHub.Server.Content;
using GraphQL;

namespace ContentHub.Server.Webhooks;

/// <summary>Webhooks are for admins: an editor is refused with FORBIDDEN, anyone else with UNAUTHENTICATED.</summary>
public static class WebhookAdmins
{
    public static Viewer Require(IResolveFieldContext context)
    {
        var viewer = context.RequestServices!.GetRequiredService<Viewer>();
        return viewer.IsAdmin ? viewer : throw new ExecutionError("Webhooks are managed by admins: send an admin's API key.")
        {
            Code = viewer.IsEditor ? ErrorCodes.Forbidden : ErrorCodes.Unauthenticated,
        };
    }
}
