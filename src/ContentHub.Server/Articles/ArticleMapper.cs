using ContentHub.Server.Content;
using Riok.Mapperly.Abstractions;

namespace ContentHub.Server.Articles;

/// <summary>Seed file or mutation input ↔ article. References (category, disclaimers, authors) and timestamps are set by the importer.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Source)]
[UseStaticMapper(typeof(RichTextMapping))]
public static partial class ArticleMapper
{
    [MapperIgnoreSource(nameof(ArticleSeed.Category))]
    [MapperIgnoreSource(nameof(ArticleSeed.Disclaimers))]
    [MapperIgnoreSource(nameof(ArticleSeed.Authors))]
    [MapperIgnoreSource(nameof(ArticleSeed.PublishedAt))]
    [MapperIgnoreSource(nameof(ArticleSeed.NaturalKey))]
    [MapperIgnoreSource(nameof(ArticleSeed.Reviewer))]
    [MapperIgnoreSource(nameof(ArticleSeed.ReviewedAt))]
    [MapperIgnoreSource(nameof(ArticleSeed.NextReviewDue))]
    [MapperIgnoreSource(nameof(ArticleSeed.Approval))]
    public static partial void Apply(ArticleSeed seed, Article article);

    public static Article ToEntity(ArticleSeed seed)
    {
        var article = new Article { Slug = seed.Slug!, Title = seed.Title!, Body = RichTextMapping.FromMarkdown(seed.Body) };
        Apply(seed, article);
        return article;
    }

    /// <summary>The item's editable form, for revisions and partial updates.</summary>
    [MapperRequiredMapping(RequiredMappingStrategy.Target)]
    [MapperIgnoreTarget(nameof(ArticleSeed.Category))]
    [MapperIgnoreTarget(nameof(ArticleSeed.Disclaimers))]
    [MapperIgnoreTarget(nameof(ArticleSeed.Authors))]
    [MapperIgnoreTarget(nameof(ArticleSeed.Reviewer))]
    [MapperIgnoreTarget(nameof(ArticleSeed.ReviewedAt))]
    [MapperIgnoreTarget(nameof(ArticleSeed.NextReviewDue))]
    [MapperIgnoreTarget(nameof(ArticleSeed.Approval))]
    public static partial ArticleSeed ToSeed(Article article);
}
