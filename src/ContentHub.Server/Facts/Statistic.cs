using System.Globalization;
using GraphQL;

namespace ContentHub.Server.Facts;

/// <summary>A number with its unit, e.g. 87,000,000 people.</summary>
[InputName("StatisticInput")]
public sealed record Statistic
{
    /// <summary>The number itself.</summary>
    // Without trailing zeros, so every database answers it alike: a PostgreSQL numeric(20,4) column gives 87000000.0000
    // where SQLite gives 87000000.0 (EF Core sets it through this accessor).
    public required decimal Value { get; init => field = WithoutTrailingZeros(value); }

    private static decimal WithoutTrailingZeros(decimal value) =>
        decimal.Parse(value.ToString("0.############################", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>What is counted or measured, e.g. <c>people</c> or <c>%</c>.</summary>
    public required string Unit { get; init; }
}
