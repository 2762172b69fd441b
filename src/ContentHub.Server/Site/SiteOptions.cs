using System.ComponentModel.DataAnnotations;

namespace ContentHub.Server.Site;

/// <summary>Section <c>Site</c>: where the front end publishes the content.</summary>
public sealed class SiteOptions : IValidatableObject
{
    public const string Section = "Site";

    /// <summary>
    /// The public site's address, e.g. <c>https://blog.example.org</c>: the base of canonical URLs, the sitemap's
    /// URLs and the structured data's links. Empty: those stay site-relative and <c>/sitemap.xml</c> is not served.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>Most URLs in one sitemap file (the sitemaps.org limit): past it, <c>/sitemap.xml</c> is an index of <c>/sitemap-{n}.xml</c> files.</summary>
    [Range(1, 50_000)]
    public int SitemapUrlsPerFile { get; set; } = 50_000;

    /// <summary>The absolute URL of a site-relative <paramref name="path"/> (or of an absolute URL, unchanged); null without <see cref="BaseUrl"/>.</summary>
    public string? Absolute(string path) =>
        Uri.TryCreate(path, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? path
        : BaseUrl is null ? null
        : BaseUrl.TrimEnd('/') + path;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseUrl is not null
            && !(Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0 && uri.Fragment.Length == 0))
        {
            yield return new ValidationResult($"Site:BaseUrl '{BaseUrl}' must be an absolute http or https URL without query or fragment.", [nameof(BaseUrl)]);
        }
    }
}
