namespace ContentHub.Tests.Articles;

/// <summary>
/// The hot article queries over <see cref="ArticleCatalog"/>, written once: <see cref="ArticleQueryPlanTests"/> asks
/// SQLite and <see cref="ArticleQueryPlanPostgreSqlTests"/> asks PostgreSQL how each provider runs them.
/// </summary>
public static class ArticleQueryWorkload
{
    /// <summary>The list queries: a name, the query, and whether it must walk an index in order (no sort).</summary>
    public static TheoryData<string, string, bool> Lists => new()
    {
        { "newest", "{ articles(first: 20) { edges { node { title } } } }", true },
        { "oldest", "{ articles(first: 20, sort: OLDEST) { edges { node { title } } } }", true },
        { "by title", "{ articles(first: 20, sort: TITLE) { edges { node { title } } } }", true },
        { "one category", """{ articles(first: 20, filter: { category: "lumbar" }) { edges { node { title } } } }""", true },
        { "a category tree", """{ articles(first: 20, filter: { category: "health" }) { edges { node { title } } } }""", false },
        { "date range", """{ articles(first: 20, filter: { publishedAfter: "2020-03-01T00:00:00Z", publishedBefore: "2020-06-01T00:00:00Z" }) { edges { node { title } } } }""", true },
        { "by slug", """{ article(slug: "article-013") { title category { name } } }""", true },
    };

    /// <summary>
    /// Filters by tags no article has, so that an index on tags, where there is one (PostgreSQL), is the cheapest way
    /// to the answer: a name and the query.
    /// </summary>
    public static TheoryData<string, string> SelectiveTagFilters => new()
    {
        { "one tag", """{ articles(first: 20, filter: { tag: "unheard-of" }) { edges { node { title } } } }""" },
        { "any of some tags", """{ articles(first: 20, filter: { tags: ["unheard-of", "unsung"] }) { edges { node { title } } } }""" },
    };

    /// <summary>The search queries: a name and the query.</summary>
    public static TheoryData<string, string> Searches => new()
    {
        { "search", """{ searchArticles(query: "walking helps", first: 20) { edges { snippet node { title } } } }""" },
        { "search in a category", """{ searchArticles(query: "article", first: 20, filter: { category: "lumbar" }) { edges { node { title } } } }""" },
        { "related", "{ articles(first: 20) { edges { node { related { title } } } } }" },
    };

    /// <summary>Editors' list of articles due for review (asked by an editor).</summary>
    public const string DueForReview = """{ articles(first: 20, filter: { reviewDueBefore: "2030-01-01T00:00:00Z" }) { edges { node { title } } } }""";

    /// <summary>
    /// A page of a newest-first list and the related articles of each; not the text of <see cref="Searches"/>' one,
    /// which the response cache would answer without a query.
    /// </summary>
    public const string Related = "{ articles(first: 20) { edges { node { related { slug } } } } }";

    /// <summary>A search, asked again with the first page's end cursor as <c>$after</c>.</summary>
    public const string SearchPages = "query($after: String) { searchArticles(query: \"article\", first: 20, after: $after) { pageInfo { endCursor } edges { node { title } } } }";

    /// <summary>The sort orders a list pages through.</summary>
    public static TheoryData<string> Sorts => new() { "NEWEST", "OLDEST", "TITLE" };

    /// <summary>A list in <paramref name="sort"/> order, asked again with the first page's end cursor as <c>$after</c>.</summary>
    public static string Pages(string sort) =>
        $"query($after: String) {{ articles(first: 20, after: $after, sort: {sort}) {{ pageInfo {{ endCursor }} edges {{ node {{ title }} }} }} }}";
}
