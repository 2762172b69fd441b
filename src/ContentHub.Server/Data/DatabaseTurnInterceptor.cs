using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContentHub.Server.Data;

/// <summary>Makes an HTTP request wait for its <see cref="RequestDatabaseTurn"/> before its first connection opens; background work (the scheduler, seeding) does not wait.</summary>
public sealed class DatabaseTurnInterceptor(IHttpContextAccessor requests) : DbConnectionInterceptor
{
    public override async ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (TurnOfCurrentRequest() is { } turn)
        {
            await turn.TakeAsync(cancellationToken);
        }

        return result;
    }

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        TurnOfCurrentRequest()?.TakeAsync(CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    private RequestDatabaseTurn? TurnOfCurrentRequest() => requests.HttpContext?.RequestServices.GetService<RequestDatabaseTurn>();
}
