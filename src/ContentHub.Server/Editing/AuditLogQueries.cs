using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Editing;

/// <summary>Root field <c>auditLog</c>: every mutation attempt, newest first, for admins.</summary>
public sealed class AuditLogQueries(IDbContextFactory<ContentHubDbContext> contexts) : IQueryFields
{
    private const int DefaultPageSize = 50;

    public void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphQLClrOutputTypeReference<AuditEntry>>>>>("auditLog")
            .Description("Mutation attempts (who, what, on which item, when, with what outcome), newest first. Admins only. "
                + "To read further back, pass the last entry's id as `before`.")
            .Argument<IntGraphType>("first", $"How many entries; {DefaultPageSize} when not given.")
            .Argument<LongGraphType>("before", "Only entries older than the one with this id.")
            .Argument<StringGraphType>("actor", "Only this actor's attempts, e.g. an API key's name or `scheduler`.")
            .Argument<StringGraphType>("targetType", "Only attempts on this content type, e.g. `Article`.")
            .Argument<IdGraphType>("targetId", "Only attempts on this item (give targetType too).")
            .ResolveAsync(async context =>
            {
                if (!context.Service<Viewer>().IsAdmin)
                {
                    throw new ExecutionError("The audit log is for admins: send an admin's API key.")
                    {
                        Code = context.Service<Viewer>().IsEditor ? ErrorCodes.Forbidden : ErrorCodes.Unauthenticated,
                    };
                }

                await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
                var entries = db.AuditLog.AsNoTracking();
                if (context.GetArgument<long?>("before") is { } before)
                {
                    entries = entries.Where(e => e.Id < before);
                }

                if (context.GetArgument<string?>("actor") is { } actor)
                {
                    entries = entries.Where(e => e.Actor == actor);
                }

                if (context.GetArgument<string?>("targetType") is { } targetType)
                {
                    entries = entries.Where(e => e.TargetType == targetType);
                }

                if (context.GetArgument<object?>("targetId") is { } targetId)
                {
                    var id = ContentIds.Parse(targetId);
                    entries = entries.Where(e => e.TargetId == id);
                }

                return await entries.OrderByDescending(e => e.Id)
                    .Take(context.GetArgument("first", DefaultPageSize))
                    .ToListAsync(context.CancellationToken);
            });
}
