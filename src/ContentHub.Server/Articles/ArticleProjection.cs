using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Reflection;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using GraphQL;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace ContentHub.Server.Articles;

/// <summary>
/// The columns an article read loads. The body's Markdown, HTML, plain text, excerpt and outline and the citations
/// are the bulk of a row: a read loads each only where its selection shows it (<c>body { html }</c> reads the HTML
/// alone). So it goes for the SEO texts, the tags, the hero image, the call to action, the medical review's columns,
/// the schedule and the creation and change dates: each group only where a field that shows or needs it is selected
/// (and, for a list, where its order's cursor reads it). Every read loads the id, status, version, publication date,
/// slug, title, summary, reading time and category: what readers' sort keys, visibility and batch loaders read.
/// </summary>
public static class ArticleProjection
{
    /// <summary>The Article fields (and fields of its body) that read columns a light read leaves out.</summary>
    private static readonly FrozenDictionary<string, ArticleColumns> s_fieldsBeyondLight = new Dictionary<string, ArticleColumns>
    {
        ["body"] = ArticleColumns.Light,
        ["body.html"] = ArticleColumns.BodyHtml,
        ["body.markdown"] = ArticleColumns.BodyMarkdown,
        ["body.text"] = ArticleColumns.BodyText,
        ["body.excerpt"] = ArticleColumns.BodyExcerpt,
        ["body.outline"] = ArticleColumns.BodyOutline,
        ["citations"] = ArticleColumns.Citations,
        ["seo"] = ArticleColumns.Seo,
        ["tags"] = ArticleColumns.Tags,
        ["related"] = ArticleColumns.Tags,
        ["heroImage"] = ArticleColumns.HeroImage,
        ["callToAction"] = ArticleColumns.CallToAction,
        ["reviewer"] = ArticleColumns.Review,
        ["reviewedAt"] = ArticleColumns.Review,
        ["nextReviewDue"] = ArticleColumns.Review,
        ["reviewState"] = ArticleColumns.Review,
        ["reviewNote"] = ArticleColumns.Review,
        ["approvedContentHash"] = ArticleColumns.Review,
        ["approvedVersion"] = ArticleColumns.Review,
        ["reviewedBy"] = ArticleColumns.Review,
        ["publishScheduledAt"] = ArticleColumns.Schedule,
        ["unpublishScheduledAt"] = ArticleColumns.Schedule,
        ["expiresAt"] = ArticleColumns.Schedule,
        ["expired"] = ArticleColumns.Schedule,
        ["createdAt"] = ArticleColumns.Timestamps,
        ["updatedAt"] = ArticleColumns.Timestamps,
        ["structuredData"] = ArticleColumns.Seo | ArticleColumns.Tags | ArticleColumns.Citations | ArticleColumns.HeroImage | ArticleColumns.Review | ArticleColumns.Timestamps,
    }.ToFrozenDictionary();

    private static readonly FrozenSet<string> s_fieldNamesBeyondLight = s_fieldsBeyondLight.Keys.ToFrozenSet();

    /// <summary>The body's members, each with the column flag that loads it.</summary>
    private static readonly FrozenDictionary<string, ArticleColumns> s_bodyColumns = new Dictionary<string, ArticleColumns>
    {
        [nameof(RichText.Html)] = ArticleColumns.BodyHtml,
        [nameof(RichText.Markdown)] = ArticleColumns.BodyMarkdown,
        [nameof(RichText.Text)] = ArticleColumns.BodyText,
        [nameof(RichText.Excerpt)] = ArticleColumns.BodyExcerpt,
        [nameof(RichText.Outline)] = ArticleColumns.BodyOutline,
    }.ToFrozenDictionary();

    /// <summary>
    /// Every column but the body's Markdown, HTML, text, excerpt and outline and the citations. Those are null, not
    /// empty: should anything read one anyway, GraphQL's non-null check fails the field rather than answer an empty
    /// text. Complex properties are rebuilt member by member: EF Core projects <c>a.Seo</c> by reading the whole row.
    /// <see cref="Shape"/> puts back what a read needs and leaves out the groups of <see cref="s_groupOf"/> it does not.
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
        Seo = new Seo
        {
            Title = a.Seo.Title,
            Description = a.Seo.Description,
            CanonicalUrl = a.Seo.CanonicalUrl,
            Robots = a.Seo.Robots,
            Image = a.Seo.Image == null ? null : new Image { Url = a.Seo.Image.Url, Alt = a.Seo.Image.Alt, AssetId = a.Seo.Image.AssetId },
        },
        CallToAction = a.CallToAction == null
            ? null
            : new CallToAction { Text = a.CallToAction.Text, PhoneNumber = a.CallToAction.PhoneNumber, Url = a.CallToAction.Url },
        Reviewer = a.Reviewer == null ? null : new Reviewer { Name = a.Reviewer.Name, Credentials = a.Reviewer.Credentials },
        ReviewedAt = a.ReviewedAt,
        NextReviewDue = a.NextReviewDue,
        ReviewStatus = a.ReviewStatus,
        ReviewNote = a.ReviewNote,
        ReviewerId = a.ReviewerId,
        ContentHash = a.ContentHash,
        ApprovedContentHash = a.ApprovedContentHash,
        ApprovedVersion = a.ApprovedVersion,
        Citations = null!,
        ExpiresAt = a.ExpiresAt,
    };

    /// <summary>The shapes built so far, two for each combination of columns: without and with the article's category.</summary>
    private static readonly Expression<Func<Article, Article>>?[] s_shapes = new Expression<Func<Article, Article>>?[2 * ((int)ArticleColumns.Full + 1)];

    /// <summary>The properties loaded only with their group's flag; a left-out one is null (or its type's default).</summary>
    private static readonly FrozenDictionary<string, ArticleColumns> s_groupOf = new Dictionary<string, ArticleColumns>
    {
        [nameof(Article.Seo)] = ArticleColumns.Seo,
        [nameof(Article.Tags)] = ArticleColumns.Tags,
        [nameof(Article.HeroImage)] = ArticleColumns.HeroImage,
        [nameof(Article.CallToAction)] = ArticleColumns.CallToAction,
        [nameof(Article.Reviewer)] = ArticleColumns.Review,
        [nameof(Article.ReviewedAt)] = ArticleColumns.Review,
        [nameof(Article.NextReviewDue)] = ArticleColumns.Review,
        [nameof(Article.ReviewStatus)] = ArticleColumns.Review,
        [nameof(Article.ReviewNote)] = ArticleColumns.Review,
        [nameof(Article.ReviewerId)] = ArticleColumns.Review,
        [nameof(Article.ContentHash)] = ArticleColumns.Review,
        [nameof(Article.ApprovedContentHash)] = ArticleColumns.Review,
        [nameof(Article.ApprovedVersion)] = ArticleColumns.Review,
        [nameof(Article.PublishScheduledAt)] = ArticleColumns.Schedule,
        [nameof(Article.UnpublishScheduledAt)] = ArticleColumns.Schedule,
        [nameof(Article.ExpiresAt)] = ArticleColumns.Schedule,
        [nameof(Article.CreatedAt)] = ArticleColumns.Timestamps,
        [nameof(Article.UpdatedAt)] = ArticleColumns.Timestamps,
    }.ToFrozenDictionary();

    private static readonly ConstructorInfo s_withDisclaimerIds = typeof(ArticleWithDisclaimerIds).GetConstructor([typeof(Article), typeof(List<int>)])!;

    /// <summary>The columns that every one of several reads batched into one needs.</summary>
    public static ArticleColumns Combined(this IEnumerable<ArticleColumns> columns) =>
        columns.Aggregate(ArticleColumns.Light, (all, some) => all | some);

    /// <summary>The columns the articles this field returns need: what the fields below it read.</summary>
    public static ArticleColumns ColumnsNeeded(this IResolveFieldContext context)
    {
        var columns = ArticleColumns.Light;
        foreach (var field in context.SelectedBelow(s_fieldNamesBeyondLight))
        {
            columns |= s_fieldsBeyondLight[field];
        }

        return columns;
    }

    /// <summary>The articles with the <paramref name="columns"/> they need (and their categories when asked: an Include does not survive a projection).</summary>
    public static IQueryable<Article> Rows(this IQueryable<Article> articles, ArticleColumns columns, bool withCategory = false) =>
        columns == ArticleColumns.Full
            ? articles
            : articles.Select(s_shapes[ShapeIndex(columns, withCategory)] ??= Shape(columns, withCategory));

    /// <summary>
    /// The articles as <see cref="Rows"/> reads them, each with the ids of the disclaimers attached to it (from
    /// <paramref name="db"/>'s link table), in the same SQL command.
    /// </summary>
    public static IQueryable<ArticleWithDisclaimerIds> RowsWithDisclaimerIds(
        this IQueryable<Article> articles, ContentHubDbContext db, ArticleColumns columns, bool withCategory = false)
    {
        var shape = columns == ArticleColumns.Full ? null : s_shapes[ShapeIndex(columns, withCategory)] ??= Shape(columns, withCategory);
        var article = shape?.Parameters[0] ?? Expression.Parameter(typeof(Article), "a");
        // From the link table itself, not through Article.Disclaimers: its join to the disclaimers would make SQLite read every link.
        Expression<Func<Article, List<int>>> attached = a => db.Set<Dictionary<string, object>>(ArticleConfiguration.DisclaimerLinks)
            .Where(link => EF.Property<int>(link, "ArticleId") == a.Id)
            .Select(link => EF.Property<int>(link, "DisclaimersId"))
            .ToList();
        var ids = ReplacingExpressionVisitor.Replace(attached.Parameters[0], article, attached.Body);
        return articles.Select(Expression.Lambda<Func<Article, ArticleWithDisclaimerIds>>(
            Expression.New(s_withDisclaimerIds, shape?.Body ?? article, ids), article));
    }

    private static int ShapeIndex(ArticleColumns columns, bool withCategory) => (2 * (int)columns) + (withCategory ? 1 : 0);

    /// <summary>
    /// The light shape with the body's members and the citations that <paramref name="columns"/> names, and without
    /// the groups it does not name (null: GraphQL's non-null check catches a read of a non-null one).
    /// </summary>
    private static Expression<Func<Article, Article>> Shape(ArticleColumns columns, bool withCategory)
    {
        var article = s_light.Parameters[0];
        var init = (MemberInitExpression)s_light.Body;
        var bindings = init.Bindings.Cast<MemberAssignment>()
            .Select(binding => binding.Member.Name switch
            {
                nameof(Article.Body) => Expression.Bind(binding.Member, WithBodyColumns((MemberInitExpression)binding.Expression, Expression.Property(article, nameof(Article.Body)), columns)),
                nameof(Article.Citations) when columns.HasFlag(ArticleColumns.Citations) => Expression.Bind(binding.Member, Expression.Property(article, nameof(Article.Citations))),
                _ when LeftOut(binding.Member.Name, columns) => Expression.Bind(binding.Member, Nothing(((PropertyInfo)binding.Member).PropertyType)),
                _ => binding,
            })
            .ToList<MemberBinding>();
        if (withCategory)
        {
            bindings.Add(Expression.Bind(typeof(Article).GetProperty(nameof(Article.Category))!, Expression.Property(article, nameof(Article.Category))));
        }

        return Expression.Lambda<Func<Article, Article>>(init.Update(init.NewExpression, bindings), article);
    }

    /// <summary>The light body with the members <paramref name="columns"/> names read from <paramref name="body"/>.</summary>
    private static MemberInitExpression WithBodyColumns(MemberInitExpression light, MemberExpression body, ArticleColumns columns) =>
        light.Update(light.NewExpression, light.Bindings.Cast<MemberAssignment>()
            .Select(binding => s_bodyColumns.TryGetValue(binding.Member.Name, out var column) && columns.HasFlag(column)
                ? Expression.Bind(binding.Member, Expression.Property(body, binding.Member.Name))
                : binding));

    private static ConstantExpression Nothing(Type type) =>
        Expression.Constant(type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null, type);

    private static bool LeftOut(string property, ArticleColumns columns) =>
        s_groupOf.TryGetValue(property, out var group) && !columns.HasFlag(group);
}
