namespace ContentHub.Server.Articles;

/// <summary>The order of an article list. A cursor is only valid for the order that issued it.</summary>
public enum ArticleSort
{
    /// <summary>Most recently published first (editors: drafts by creation date). The default.</summary>
    Newest,

    /// <summary>Earliest published first (editors: drafts by creation date).</summary>
    Oldest,

    /// <summary>By title, A to Z (the database's text order).</summary>
    Title,

    /// <summary>The review queue's order, soonest due first: an article in review (or without a next review date) by when it last changed, any other by its next review date.</summary>
    ReviewDue,
}
