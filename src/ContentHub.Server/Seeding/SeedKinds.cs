namespace ContentHub.Server.Seeding;

/// <summary>The names of the kinds of seed item, as reports print them.</summary>
public static class SeedKinds
{
    public const string Site = "site";
    public const string Disclaimer = "disclaimer";
    public const string Category = "category";
    public const string Fact = "fact";
    public const string Promotion = "promotion";
    public const string Person = "person";
    public const string Article = "article";
}
