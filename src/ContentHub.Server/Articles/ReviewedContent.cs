using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContentHub.Server.Articles;

/// <summary>
/// What a medical approval covers: the title, summary, body (Markdown), citations and attached disclaimers' keys, and
/// the SHA-256 of their canonical form: a JSON object in that order (citations as title, url, doi, pubMedId; disclaimer
/// keys sorted), no whitespace, only the escapes JSON requires, UTF-8.
/// </summary>
public static class ReviewedContent
{
    private static readonly JsonSerializerOptions s_canonical = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The revision field names of the reviewed content: a change to any of them voids an approval.</summary>
    public static readonly IReadOnlyList<string> Fields = ["title", "summary", "body", "citations", "disclaimers"];

    public static string Hash(Article article)
    {
        var canonical = new JsonObject
        {
            ["title"] = article.Title,
            ["summary"] = article.Summary,
            ["body"] = article.Body.Markdown,
            ["citations"] = JsonSerializer.SerializeToNode(article.Citations, s_canonical),
            ["disclaimers"] = new JsonArray([.. article.Disclaimers.Select(d => d.Key).Order(StringComparer.Ordinal).Select(key => JsonValue.Create(key))]),
        };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToJsonString(s_canonical))));
    }
}
