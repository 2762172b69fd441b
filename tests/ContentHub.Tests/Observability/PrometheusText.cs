using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContentHub.Tests.Support;

namespace ContentHub.Tests.Observability;

/// <summary>Named operations for the request metrics, and the samples of a Prometheus text exposition.</summary>
internal static class PrometheusText
{
    public static async Task<GraphQLResponse> PostOperationAsync(this HttpClient client, string query, string? operationName, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, operationName, variables }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(GraphQLClient.ResponseMediaType));
        using var response = await client.SendAsync(request);
        return await GraphQLResponse.ReadAsync(response);
    }

    /// <summary>
    /// The scrape of <paramref name="path"/> once <paramref name="until"/> holds for it: a request's metrics are recorded just
    /// after its response is sent, so the scrape that follows it at once may not show them yet.
    /// </summary>
    public static async Task<string> ScrapeAsync(this HttpClient client, Func<string, bool> until, string path = "/metrics")
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var exposition = await client.GetStringAsync(path);
            if (until(exposition) || DateTime.UtcNow > deadline)
            {
                return exposition; // the caller's asserts tell what is missing
            }

            await Task.Delay(20);
        }
    }

    /// <summary>The value of the sample <paramref name="name"/> whose labels include all of <paramref name="labels"/>, or null.</summary>
    public static double? Sample(string exposition, string name, params (string Label, string Value)[] labels)
    {
        foreach (var line in exposition.Split('\n'))
        {
            if (!line.StartsWith(name + "{", StringComparison.Ordinal) && !line.StartsWith(name + " ", StringComparison.Ordinal))
            {
                continue;
            }

            if (labels.All(label => line.Contains($"{label.Label}=\"{label.Value}\"", StringComparison.Ordinal)))
            {
                // After the labels: the value, then perhaps a timestamp.
                var value = line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0];
                return double.Parse(value, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    /// <summary>The label values of <paramref name="label"/> that samples of <paramref name="name"/> carry.</summary>
    public static IReadOnlySet<string> LabelValues(string exposition, string name, string label) =>
        exposition.Split('\n')
            .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal))
            .Select(line => line.IndexOf($"{label}=\"", StringComparison.Ordinal) is var at and >= 0
                ? line[(at + label.Length + 2)..line.IndexOf('"', at + label.Length + 2)]
                : null)
            .OfType<string>()
            .ToHashSet();
}
