using ContentHub.Server.Content;
using Riok.Mapperly.Abstractions;

namespace ContentHub.Server.Articles;

/// <summary>Seed file → article. References (category, disclaimers) and timestamps are set by the importer.</summary>
[Mapper]
[UseStaticMapper(typeof(RichTextMapping))]
public static partial class ArticleMapper
{
    [MapperIgnoreSource(nameof(ArticleSeed.Category))]
    [MapperIgnoreSource(nameof(ArticleSeed.Disclaimers))]
    [MapperIgnoreSource(nameof(ArticleSeed.PublishedAt))]
    [MapperIgnoreSource(nameof(ArticleSeed.NaturalKey))]
    [MapperIgnoreTarget(nameof(Article.Id))]
    [MapperIgnoreTarget(nameof(Article.CategoryId))]
    [MapperIgnoreTarget(nameof(Article.Category))]
    [MapperIgnoreTarget(nameof(Article.Disclaimers))]
    [MapperIgnoreTarget(nameof(Article.PublishedAt))]
    [MapperIgnoreTarget(nameof(Article.CreatedAt))]
    [MapperIgnoreTarget(nameof(Article.UpdatedAt))]
    [MapProperty(nameof(ArticleSeed.Body), nameof(Article.ReadingTimeMinutes), Use = nameof(ReadingTime))]
    public static partial void Apply(ArticleSeed seed, Article article);

    public static Article ToEntity(ArticleSeed seed)
    {
        var article = new Article { Slug = seed.Slug!, Title = seed.Title!, Body = RichTextMapping.FromMarkdown(seed.Body) };
        Apply(seed, article);
        return article;
    }

    private static int ReadingTime(string markdown) => MarkdownRenderer.ReadingTimeMinutes(markdown);
}
