using ContentHub.Server.Content;

namespace ContentHub.Server.Articles;

/// <summary>What one page of the articles list reads: its filter's values and its page's, in an order keyed by <typeparamref name="TKey"/>.</summary>
public sealed class ArticleListValues<TKey> : ArticleFilterValues, IKeysetPage<TKey>
{
    public TKey AfterKey { get; set; } = default!;

    public int AfterId { get; set; }

    public int Rows { get; set; }
}

/// <summary>What a page of the articles list's SQL looks like: one query is compiled for each.</summary>
public readonly record struct ArticleListShape<TKey>(ArticleFilterShape Filter, KeysetSort<Article, TKey> Order, bool AfterCursor, ArticleColumns Columns);
