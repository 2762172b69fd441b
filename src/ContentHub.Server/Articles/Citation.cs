using GraphQL;

namespace ContentHub.Server.Articles;

/// <summary>A source the article relies on.</summary>
[InputName("CitationInput")]
public sealed record Citation
{
    /// <summary>The cited work's title.</summary>
    public required string Title { get; init; }

    /// <summary>Where to read it: an absolute http or https address.</summary>
    public required string Url { get; init; }

    /// <summary>Its Digital Object Identifier, e.g. <c>10.1056/NEJMoa2033700</c>.</summary>
    public string? Doi { get; init; }

    /// <summary>Its PubMed id (PMID), digits only, e.g. <c>33567185</c>.</summary>
    public string? PubMedId { get; init; }
}
