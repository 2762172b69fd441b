using GraphQL;

namespace ContentHub.Server.Articles;

/// <summary>The medical professional who checked an article.</summary>
[InputName("ReviewerInput")]
public sealed record Reviewer
{
    /// <summary>The reviewer's name, e.g. <c>Jane Doe</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Degrees and titles as printed after the name, e.g. <c>MD, board-certified orthopaedic surgeon</c>.</summary>
    public string? Credentials { get; init; }
}
