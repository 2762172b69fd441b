using System.Collections.Frozen;
using System.Linq.Expressions;
using ContentHub.Server.Content;
using ContentHub.Server.GraphQL;
using GraphQL;

namespace ContentHub.Server.Articles;

/// <summary>
/// The columns an article read loads. The body's Markdown, HTML, plain text and outline and the citations are the
/// bulk of a row; a read whose selection shows neither <c>body</c> nor <c>citations</c> leaves them out and keeps
/// every other column (the sort keys, the excerpt and reading time, the small fields).
/// </summary>
public static class ArticleProjection
{
    /// <summary>The Article fields that read the left-out columns.</summary>
    private static readonly FrozenSet<string> s_fieldsReadingFullRow = FrozenSet.Create("body", "citations");

    /// <summary>
    /// Every column but the body's Markdown, HTML, text and outline and the citations. Those are null, not empty:
    /// should anything read one anyway, GraphQL's non-null check fails the field rather than answer an empty text.
    /// Complex properties are rebuilt member by member: EF Core projects <c>a.Seo</c> itself by reading the whole row.
    /// </summary>
    public static readonly Expression<Func<Article, Article>> Light = a => new Article
    {
        Id = a.Id,
        Status = a.Status,
        PublishedAt = a.PublishedAt,
        Version = a.Version,
        PublishScheduledAt = a.PublishScheduledAt,
        UnpublishScheduledAt = a.UnpublishScheduledAt,
        CreatedAt = a.CreatedAt,
        UpdatedAt = a.UpdatedAt,
        Slug = a.Slug,
        Title = a.Title,
        Summary = a.Summary,
        Body = new RichText
        {
            Markdown = null!,
            Html = null!,
            Text = null!,
            Excerpt = a.Body.Excerpt,
            ReadingTimeMinutes = a.Body.ReadingTimeMinutes,
            Outline = null!,
        },
        HeroImage = a.HeroImage == null ? null : new Image { Url = a.HeroImage.Url, Alt = a.HeroImage.Alt },
        CategoryId = a.CategoryId,
        Tags = a.Tags,
        Seo = new Seo { Title = a.Seo.Title, Description = a.Seo.Description },
        CallToAction = a.CallToAction == null
            ? null
            : new CallToAction { Text = a.CallToAction.Text, PhoneNumber = a.CallToAction.PhoneNumber, Url = a.CallToAction.Url },
        Reviewer = a.Reviewer == null ? null : new Reviewer { Name = a.Reviewer.Name, Credentials = a.Reviewer.Credentials },
        ReviewedAt = a.ReviewedAt,
        NextReviewDue = a.NextReviewDue,
        Citations = null!,
        ExpiresAt = a.ExpiresAt,
    };

    /// <summary><see cref="Light"/> with the article's category, for a look-up that answers <c>category</c> from the same query.</summary>
    private static readonly Expression<Func<Article, Article>> s_lightWithCategory = WithCategory(Light);

    /// <summary>Whether the articles this field returns need their full rows: some field below it reads body or citations.</summary>
    public static bool NeedsFullRows(this IResolveFieldContext context) => context.SelectsAnywhere(s_fieldsReadingFullRow);

    /// <summary>The articles with their full rows, or <see cref="Light"/> (with their categories when asked: an Include does not survive a projection).</summary>
    public static IQueryable<Article> Rows(this IQueryable<Article> articles, bool full, bool withCategory = false) =>
        full ? articles : articles.Select(withCategory ? s_lightWithCategory : Light);

    private static Expression<Func<Article, Article>> WithCategory(Expression<Func<Article, Article>> shape)
    {
        var article = shape.Parameters[0];
        var init = (MemberInitExpression)shape.Body;
        var category = Expression.Bind(typeof(Article).GetProperty(nameof(Article.Category))!, Expression.Property(article, nameof(Article.Category)));
        return Expression.Lambda<Func<Article, Article>>(init.Update(init.NewExpression, [.. init.Bindings, category]), article);
    }
}
