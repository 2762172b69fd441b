using GraphQL.Types;

namespace ContentHub.Server.GraphQL;

/// <summary>The root <c>Mutation</c>: the editing fields every content type contributes.</summary>
public sealed class MutationType : ObjectGraphType
{
    public MutationType(IEnumerable<IMutationFields> contentTypes)
    {
        Name = "Mutation";
        Description = "Editing, for callers with an editor's or admin's API key (Authorization: Bearer <key>). "
            + "Every mutation is one transaction; updates and state changes take the item's `version` and are refused with "
            + "a CONFLICT error when someone else changed it first.";
        foreach (var contentType in contentTypes)
        {
            contentType.AddTo(this);
        }
    }
}
