using ContentHub.Server.Content;
using GraphQL;

namespace ContentHub.Server.Site;

/// <summary>The blog itself: its name, tagline, contact details and footer lines. There is one.</summary>
public sealed class SiteSettings : ITimestamped
{
    public const int SingletonId = 1;

    [Ignore]
    public int Id { get; set; } = SingletonId;

    /// <summary>The blog's name, e.g. "Back to Life Blog".</summary>
    public required string Name { get; set; }

    /// <summary>The line shown under the name.</summary>
    public string? Tagline { get; set; }

    /// <summary>The organisation that publishes the blog.</summary>
    public string? Publisher { get; set; }

    /// <summary>The copyright line shown in the footer, as written.</summary>
    public string? Copyright { get; set; }

    /// <summary>The heading of the facts block, e.g. "Did you know?".</summary>
    public string? FactsHeading { get; set; }

    /// <summary>The public contact e-mail address; empty when none is published.</summary>
    public string? ContactEmail { get; set; }

    /// <summary>Phone numbers readers can call, as printed.</summary>
    public List<ContactPhone> ContactPhones { get; set; } = [];

    /// <summary>Links in the footer, such as the user agreement and privacy policy.</summary>
    public List<FooterLink> FooterLinks { get; set; } = [];

    /// <summary>When the settings were first stored (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the settings last changed (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}
