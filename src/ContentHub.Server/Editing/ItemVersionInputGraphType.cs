using ContentHub.Server.Content;
using GraphQL.Types;

namespace ContentHub.Server.Editing;

/// <summary><c>ItemVersionInput</c>: one item of a bulk mutation, with the version the editor last read.</summary>
public sealed class ItemVersionInputGraphType : InputObjectGraphType<ItemVersion>
{
    public ItemVersionInputGraphType()
    {
        Name = "ItemVersionInput";
        Description = "An item to act on and the version you last read of it.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The item's id.");
        Field<NonNullGraphType<IntGraphType>>("version").Description("The version you last read; refused with CONFLICT when the item has changed since.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new ItemVersion(ContentIds.Parse(value["id"]), value["version"] as int?);
}
