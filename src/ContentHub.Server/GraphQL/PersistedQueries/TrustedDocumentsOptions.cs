namespace ContentHub.Server.GraphQL.PersistedQueries;

/// <summary>Trusted-documents mode. Bound from <c>GraphQL:TrustedDocuments</c>.</summary>
public sealed class TrustedDocumentsOptions
{
    public const string Section = "GraphQL:TrustedDocuments";

    /// <summary>When on, callers who are not editors (anonymous, or signed in without a role) may only run the documents in <see cref="Path"/>.</summary>
    public bool Enabled { get; set; }

    /// <summary>A JSON manifest (<c>{ "hash": "document", … }</c>) or a folder of them; relative to the content root.</summary>
    public string? Path { get; set; }
}
