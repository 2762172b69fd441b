using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using ContentHub.Server.People;
using ContentHub.Server.Site;
using ContentHub.Server.Webhooks;

namespace ContentHub.Server.Articles.StructuredData;

/// <summary>
/// An article as schema.org JSON-LD, ready for a <c>&lt;script type="application/ld+json"&gt;</c> element: once it
/// has been medically reviewed a <c>MedicalWebPage</c> with its reviewer and the date of the review (properties of web
/// pages), else an <c>Article</c>. Its authors are people with their pages; without any, the publisher is the author.
/// Links are absolute where the server knows the site's address (<c>Site:BaseUrl</c>).
/// </summary>
public static class ArticleStructuredData
{
    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    // Escapes <, >, & and quotes as \u003C…: no text an editor wrote can close the script element it is embedded in.
    private static readonly JsonSerializerOptions s_embeddable = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>The JSON-LD of <paramref name="article"/>, published by <paramref name="publisherName"/> (the site settings' publisher or name); <paramref name="imageUrl"/> is the image link previews show (the SEO image, else the hero image), a URL or a site-relative path.</summary>
    public static string For(Article article, IReadOnlyList<Person> authors, SiteOptions site, string? publisherName, string? imageUrl)
    {
        var page = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = article.Reviewer is null ? "Article" : "MedicalWebPage",
            ["headline"] = article.Title,
        };
        AddIfPresent(page, "url", article.Seo.CanonicalUrl ?? site.Absolute($"{ContentPaths.ListOf(nameof(Article))}/{article.Slug}"));
        AddIfPresent(page, "description", article.Seo.Description ?? article.Summary);
        AddIfPresent(page, "image", imageUrl is null ? null : site.Absolute(imageUrl));
        AddIfPresent(page, "datePublished", article.PublishedAt?.ToString(DateTimeFormat, CultureInfo.InvariantCulture));
        page["dateModified"] = article.UpdatedAt.ToString(DateTimeFormat, CultureInfo.InvariantCulture);
        JsonObject? publisher = null;
        if (!string.IsNullOrEmpty(publisherName))
        {
            publisher = new JsonObject { ["@type"] = "Organization", ["name"] = publisherName };
            AddIfPresent(publisher, "url", site.BaseUrl);
            page["publisher"] = publisher;
        }

        if (authors.Count > 0)
        {
            page["author"] = new JsonArray([.. authors.Select(author => Person(author.Name, author.Credentials, site.Absolute($"{ContentPaths.ListOf(nameof(Person))}/{author.Slug}")))]);
        }
        else if (publisher is not null)
        {
            page["author"] = publisher.DeepClone();
        }

        if (article.Reviewer is { } reviewer)
        {
            page["reviewedBy"] = Person(reviewer.Name, reviewer.Credentials, url: null);
            AddIfPresent(page, "lastReviewed", article.ReviewedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (article.Tags.Count > 0)
        {
            page["keywords"] = string.Join(", ", article.Tags);
        }

        if (article.Citations.Count > 0)
        {
            page["citation"] = new JsonArray([.. article.Citations.Select(Citation)]);
        }

        return page.ToJsonString(s_embeddable);
    }

    private static JsonObject Person(string name, string? credentials, string? url)
    {
        var person = new JsonObject { ["@type"] = "Person", ["name"] = name };
        AddIfPresent(person, "honorificSuffix", credentials);
        AddIfPresent(person, "url", url);
        return person;
    }

    private static JsonObject Citation(Citation citation)
    {
        var work = new JsonObject { ["@type"] = "CreativeWork", ["name"] = citation.Title, ["url"] = citation.Url };
        // Identifiers as resolvable URLs: what schema.org's sameAs expects.
        var identifiers = new List<JsonNode?>();
        if (citation.Doi is { } doi)
        {
            identifiers.Add("https://doi.org/" + Uri.EscapeDataString(doi).Replace("%2F", "/", StringComparison.Ordinal));
        }

        if (citation.PubMedId is { } pmid)
        {
            identifiers.Add($"https://pubmed.ncbi.nlm.nih.gov/{pmid}/");
        }

        if (identifiers.Count > 0)
        {
            work["sameAs"] = new JsonArray([.. identifiers]);
        }

        return work;
    }

    private static void AddIfPresent(JsonObject node, string property, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            node[property] = value;
        }
    }
}
