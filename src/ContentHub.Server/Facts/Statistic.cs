using GraphQL;

namespace ContentHub.Server.Facts;

/// <summary>A number with its unit, e.g. 87,000,000 people.</summary>
[InputName("StatisticInput")]
public sealed record Statistic
{
    /// <summary>
    /// The number itself, without trailing zeros (a division's result has the smallest scale that holds it): a
    /// PostgreSQL <c>numeric(20,4)</c> column answers 87000000.0000 where SQLite answers 87000000.0.
    /// </summary>
    public required decimal Value { get; init => field = value / 1m; }

    /// <summary>What is counted or measured, e.g. <c>people</c> or <c>%</c>.</summary>
    public required string Unit { get; init; }
}
