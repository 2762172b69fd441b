namespace ContentHub.Server.Promotions;

/// <summary>What a promotional block asks the reader to do.</summary>
public enum PromotionKind
{
    /// <summary>Enter a zip code to find a nearby clinic.</summary>
    ZipCodeSearch = 0,

    /// <summary>Follow a link.</summary>
    Link = 1,
}
