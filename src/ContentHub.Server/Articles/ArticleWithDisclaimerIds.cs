namespace ContentHub.Server.Articles;

/// <summary>An article read together with the ids of the disclaimers attached to it (<see cref="ArticleProjection.RowsWithDisclaimerIds"/>).</summary>
public sealed record ArticleWithDisclaimerIds(Article Article, List<int> DisclaimerIds);
