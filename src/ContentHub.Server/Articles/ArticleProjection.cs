using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Reflection;
using ContentHub.Server.Content;
using ContentHub.Server.GraphQL;
using GraphQL;

namespace ContentHub.Server.Articles;

/// <summary>
/// The columns an article read loads. The body's Markdown, HTML, plain text, excerpt and outline and the citations
/// are the bulk of a row: a read whose selection shows neither <c>body</c> nor <c>citations</c> leaves them out, and
/// the SEO texts and the tags unless it shows them. It keeps every other column (the sort keys, the reading time,
/// the small fields, among them the nullable ones, whose absence could not be told from an empty value).
/// </summary>
public static class ArticleProjection
{
    /// <summary>The Article fields that read columns a light read leaves out.</summary>
    private static readonly FrozenSet<string> s_fieldsBeyondLight = FrozenSet.Create("body", "citations", "seo", "tags", "related");

    /// <summary>
    /// Every column but the body's Markdown, HTML, text, excerpt and outline and the citations. Those are null, not
    /// empty: should anything read one anyway, GraphQL's non-null check fails the field rather than answer an empty
    /// text. Complex properties are rebuilt member by member: EF Core projects <c>a.Seo</c> by reading the whole row.
    /// </summary>
    private static readonly Expression<Func<Article, Article>> s_light = a => new Article
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
            Excerpt = null!,
            ReadingTimeMinutes = a.Body.ReadingTimeMinutes,
            Outline = null!,
        },
        HeroImage = a.HeroImage == null ? null : new Image { Url = a.HeroImage.Url, Alt = a.HeroImage.Alt, AssetId = a.HeroImage.AssetId },
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

    /// <summary><see cref="s_light"/> for each combination of <see cref="ArticleColumns.Seo"/> and <see cref="ArticleColumns.Tags"/>, then the same with the article's category.</summary>
    private static readonly Expression<Func<Article, Article>>[] s_shapes =
        [.. Enumerable.Range(0, 8).Select(i => Shape((ArticleColumns)(i & 3), withCategory: i >= 4))];

    /// <summary>The columns that every one of several reads batched into one needs.</summary>
    public static ArticleColumns Combined(this IEnumerable<ArticleColumns> columns) =>
        columns.Aggregate(ArticleColumns.Light, (all, some) => all | some);

    /// <summary>The columns the articles this field returns need: what the fields below it read.</summary>
    public static ArticleColumns ColumnsNeeded(this IResolveFieldContext context)
    {
        var selected = context.SelectedBelow(s_fieldsBeyondLight);
        var columns = ArticleColumns.Light;
        foreach (var field in selected)
        {
            columns |= field switch
            {
                "seo" => ArticleColumns.Seo,
                "tags" or "related" => ArticleColumns.Tags,
                _ => ArticleColumns.Full,
            };
        }

        return columns;
    }

    /// <summary>The articles with the <paramref name="columns"/> they need (and their categories when asked: an Include does not survive a projection).</summary>
    public static IQueryable<Article> Rows(this IQueryable<Article> articles, ArticleColumns columns, bool withCategory = false) =>
        columns.HasFlag(ArticleColumns.Full) ? articles : articles.Select(s_shapes[(int)columns + (withCategory ? 4 : 0)]);

    /// <summary>The light shape without the SEO texts or the tags unless <paramref name="columns"/> names them (null: GraphQL's non-null check catches a read).</summary>
    private static Expression<Func<Article, Article>> Shape(ArticleColumns columns, bool withCategory)
    {
        var article = s_light.Parameters[0];
        var init = (MemberInitExpression)s_light.Body;
        var bindings = init.Bindings.Cast<MemberAssignment>()
            .Select(binding => LeftOut(binding.Member.Name, columns)
                ? Expression.Bind(binding.Member, Expression.Constant(null, ((PropertyInfo)binding.Member).PropertyType))
                : binding)
            .ToList<MemberBinding>();
        if (withCategory)
        {
            bindings.Add(Expression.Bind(typeof(Article).GetProperty(nameof(Article.Category))!, Expression.Property(article, nameof(Article.Category))));
        }

        return Expression.Lambda<Func<Article, Article>>(init.Update(init.NewExpression, bindings), article);
    }

    private static bool LeftOut(string property, ArticleColumns columns) => property switch
    {
        nameof(Article.Seo) => !columns.HasFlag(ArticleColumns.Seo),
        nameof(Article.Tags) => !columns.HasFlag(ArticleColumns.Tags),
        _ => false,
    };
}
