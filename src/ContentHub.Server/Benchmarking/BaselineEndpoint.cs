using System.Net.Mime;

namespace ContentHub.Server.Benchmarking;

/// <summary>
/// A constant JSON answer served by the same process and pipeline as GraphQL: the yardstick load runs measure
/// GraphQL against. Mapped only when <c>Benchmark:BaselineEndpoint</c> is true, so production servers never expose it.
/// </summary>
public static class BaselineEndpoint
{
    public const string Setting = "Benchmark:BaselineEndpoint";
    public const string Path = "/benchmark/baseline";

    // About the size of a small GraphQL answer; bytes made once, so the baseline costs no serialisation.
    private static readonly byte[] s_body = """{"data":{"site":{"name":"ContentHub","tagline":"A fixed answer for load tests."}}}"""u8.ToArray();

    public static WebApplication MapBaselineEndpoint(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>(Setting))
        {
            app.MapGet(Path, (HttpContext context) =>
            {
                context.Response.ContentType = MediaTypeNames.Application.Json;
                context.Response.ContentLength = s_body.Length;
                return context.Response.Body.WriteAsync(s_body).AsTask();
            });
        }

        return app;
    }
}
