using System.ComponentModel.DataAnnotations;

namespace ContentHub.Server.Content.Reference;

/// <summary>The published categories, disclaimers, facts and site settings kept in memory for anonymous readers. Bound from <c>ReferenceData</c>.</summary>
public sealed class ReferenceDataOptions
{
    public const string Section = "ReferenceData";

    /// <summary>
    /// The longest the kept copy is used before it is read again. Writes this server (or, with Redis, any node) is told
    /// about replace it at once; the age only bounds what it cannot see: writes by another process on a single node
    /// (the <c>seed</c> verb beside a live server). 0 keeps nothing: every reader reads them from the database.
    /// </summary>
    [Range(0, 3_600)]
    public int MaxAgeSeconds { get; set; } = 5;
}
