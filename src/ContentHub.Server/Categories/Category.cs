using ContentHub.Server.Content;
using ContentHub.Server.Disclaimers;
using GraphQL;

namespace ContentHub.Server.Categories;

/// <summary>A topic that groups articles; categories form a tree.</summary>
public sealed class Category : ContentItem
{
    /// <summary>URL-friendly unique name, e.g. <c>spine-surgery</c>.</summary>
    public required string Slug { get; set; }

    /// <summary>The name shown to readers.</summary>
    public required string Name { get; set; }

    /// <summary>What the category is about.</summary>
    public string? Description { get; set; }

    [Ignore]
    public int? ParentId { get; set; }

    [Ignore]
    public Category? Parent { get; set; }

    /// <summary>Position among its siblings, lowest first.</summary>
    public int SortOrder { get; set; }

    [Ignore]
    public List<Disclaimer> Disclaimers { get; set; } = [];

    /// <summary>Keys of disclaimers an article in this category, or in any category below it, must carry to be published.</summary>
    public List<string> RequiredDisclaimers { get; set; } = [];

    /// <summary>Whether an article here, or in any category below, is published only with a medical reviewer's approval of its content.</summary>
    public bool RequiresMedicalReview { get; set; }

    /// <summary>Days from an approval to an article's next review, here and below (unless a category nearer the article sets its own); empty: the server's default.</summary>
    public int? ReviewIntervalDays { get; set; }
}
