namespace ContentHub.Server.Articles.StructuredData;

/// <summary>The schema.org type an article's structured data declares.</summary>
public enum ArticleSchemaType
{
    /// <summary>A web page that provides medical information, with <c>reviewedBy</c> and <c>lastReviewed</c>.</summary>
    MedicalWebPage,

    /// <summary>A plain article.</summary>
    Article,
}
