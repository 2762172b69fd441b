using ContentHub.Server.Access;
using ContentHub.Server.GraphQL;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace ContentHub.Server.Content;

/// <summary>
/// Marks a nullable output field that tells of editorial plans (schedules, review dates): editors read it, everyone
/// else reads null. Null rather than an error, so that one query or fragment serves readers and editors alike.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EditorsOnlyAttribute : GraphQLAttribute
{
    public const string Note = "Editors only; null for anonymous callers.";

    public override void Modify(FieldType fieldType, bool isInputType)
    {
        if (isInputType)
        {
            return;
        }

        fieldType.Description = $"{fieldType.Description} {Note}".TrimStart();
        fieldType.Resolver = new EditorsOnlyResolver(fieldType.Resolver ?? NameFieldResolver.Instance);
    }

    private sealed class EditorsOnlyResolver(IFieldResolver inner) : IFieldResolver
    {
        public ValueTask<object?> ResolveAsync(IResolveFieldContext context) =>
            context.Service<Viewer>().IsEditor ? inner.ResolveAsync(context) : ValueTask.FromResult<object?>(null);
    }
}
