using GraphQL;

namespace ContentHub.Server.Facts;

/// <summary>A number with its unit, e.g. 87,000,000 people.</summary>
[InputName("StatisticInput")]
public sealed record Statistic
{
    /// <summary>The number itself.</summary>
    public required decimal Value { get; init; }

    /// <summary>What is counted or measured, e.g. <c>people</c> or <c>%</c>.</summary>
    public required string Unit { get; init; }
}
