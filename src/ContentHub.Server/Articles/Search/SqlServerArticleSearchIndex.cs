using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Articles.Search;

/// <summary>
/// The fallback for SQL Server, which needs no full-text catalog: every word must occur (LIKE; the column's
/// collation decides case) in the title, summary or body text; tags are not searched. The rank counts where the
/// words occur (title 3, summary 2, body 1 per word), from the article alone: no statistics of other articles, so
/// it is the same whether or not the search is for published articles only. A snippet is cut around the first
/// occurrence. Every search reads the whole Articles table.
/// </summary>
public sealed class SqlServerArticleSearchIndex : IArticleSearchIndex
{
    private const int SnippetRadius = 80;

    private static readonly MethodInfo s_like = typeof(DbFunctionsExtensions).GetMethod(
        nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string)])!;

    public IQueryable<SearchHit> Match(ContentHubDbContext db, SearchTerms terms, bool publishedOnly)
    {
        var article = Expression.Parameter(typeof(Article), "a");
        Expression? every = null;
        Expression score = Expression.Constant(0.0);
        foreach (var word in terms.Words)
        {
            // Words are letters and digits, never LIKE wildcards. A captured member, not a constant: EF sends a parameter.
            var pattern = Expression.Property(Expression.Constant(new Pattern("%" + word + "%")), nameof(Pattern.Value));
            var inTitle = Like(Expression.Property(article, nameof(Article.Title)), pattern);
            var inSummary = Like(Expression.Property(article, nameof(Article.Summary)), pattern);
            var inBody = Like(Expression.Property(Expression.Property(article, nameof(Article.Body)), nameof(RichText.Text)), pattern);
            var anywhere = Expression.OrElse(inTitle, Expression.OrElse(inSummary, inBody));
            every = every is null ? anywhere : Expression.AndAlso(every, anywhere);
            score = Expression.Add(score, Expression.Add(Points(inTitle, 3), Expression.Add(Points(inSummary, 2), Points(inBody, 1))));
        }

        var hit = Expression.MemberInit(
            Expression.New(typeof(SearchHit)),
            Expression.Bind(typeof(SearchHit).GetProperty(nameof(SearchHit.Id))!, Expression.Property(article, nameof(Article.Id))),
            Expression.Bind(typeof(SearchHit).GetProperty(nameof(SearchHit.Rank))!, Expression.Negate(score)));
        return db.Articles
            .Where(Expression.Lambda<Func<Article, bool>>(every!, article))
            .Select(Expression.Lambda<Func<Article, SearchHit>>(hit, article));
    }

    public async Task<IReadOnlyDictionary<int, string>> SnippetsAsync(
        ContentHubDbContext db, SearchTerms terms, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var texts = await db.Articles.Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.Summary, a.Body.Text })
            .ToListAsync(cancellationToken);
        return texts.ToDictionary(
            a => a.Id,
            a => Mark(new[] { a.Text, a.Summary, a.Title }.FirstOrDefault(text => FirstIndex(text, terms) >= 0) ?? a.Title, terms));
    }

    public Task BulkInsertAsync(ContentHubDbContext db, IReadOnlyList<Article> articles, CancellationToken cancellationToken) =>
        BulkInsert.InsertAsync(db, articles, cancellationToken);

    public IQueryable<int> Tagged(ContentHubDbContext db, IReadOnlyCollection<string> tags) =>
        db.Articles.Where(a => a.Tags.Any(tag => tags.Contains(tag))).Select(a => a.Id);

    private static Expression Like(Expression column, Expression pattern) =>
        Expression.Call(s_like, Expression.Constant(EF.Functions), column, pattern);

    private static Expression Points(Expression condition, double points) =>
        Expression.Condition(condition, Expression.Constant(points), Expression.Constant(0.0));

    /// <summary>The text around the first word found, every word in it marked.</summary>
    private static string Mark(string text, SearchTerms terms)
    {
        var first = Math.Max(FirstIndex(text, terms), 0);
        var start = Math.Max(0, first - SnippetRadius);
        var end = Math.Min(text.Length, first + SnippetRadius);
        var marked = new StringBuilder(start > 0 ? Highlight.Ellipsis : "");
        for (var i = start; i < end;)
        {
            var word = terms.Words.FirstOrDefault(w => string.Compare(text, i, w, 0, w.Length, StringComparison.OrdinalIgnoreCase) == 0);
            if (word is null)
            {
                marked.Append(text[i++]);
                continue;
            }

            marked.Append(Highlight.Open).Append(text, i, word.Length).Append(Highlight.Close);
            i += word.Length;
        }

        return marked.Append(end < text.Length ? Highlight.Ellipsis : "").ToString();
    }

    private static int FirstIndex(string? text, SearchTerms terms) =>
        text is null ? -1 : terms.Words.Select(w => text.IndexOf(w, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();

    private sealed record Pattern(string Value);
}
