namespace ContentHub.Server.GraphQL;

/// <summary>Who may read the schema through introspection (<c>__schema</c>, <c>__type</c>).</summary>
public enum IntrospectionAccess
{
    /// <summary>Everyone: IDEs and code generators work without a key.</summary>
    All,

    /// <summary>Only callers in the <c>editor</c> or <c>admin</c> role.</summary>
    Editors,
}
