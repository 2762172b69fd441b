using ContentHub.Server.GraphQL;
using GraphQL.Types;

namespace ContentHub.Server.Editing;

/// <summary>
/// <c>ArticleInput</c> and its siblings: a content type's editable fields, every one optional in the schema.
/// Parsing keeps the fields the client gave (and only those), so an update can tell "leave as is" from
/// "clear", and a create starts from the defaults. Required fields are checked by the field rules, which
/// answer with typed user errors.
/// </summary>
public sealed class ContentInputGraphType<TInput> : AutoRegisteringInputObjectGraphType<TInput>
{
    public ContentInputGraphType(string typeName)
    {
        Name = typeName + "Input";
        Description = $"The editable fields of {GraphQLNames.Indefinite(typeName)}. Creating: fields left out take their defaults. "
            + "Updating: fields left out keep their values, null clears one.";
        foreach (var field in Fields)
        {
            if (field.Type is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(NonNullGraphType<>))
            {
                field.Type = type.GetGenericArguments()[0];
            }
        }
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => value;
}
