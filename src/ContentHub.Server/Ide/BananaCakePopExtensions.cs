using System.Net.Mime;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.Ide;

/// <summary>
/// Serves Banana Cake Pop to browsers at the GraphQL path. A browser navigating to <c>/graphql</c> is redirected
/// to <c>/graphql/</c> (the IDE's script paths are relative); API clients at <c>/graphql</c> are not affected.
/// </summary>
public static class BananaCakePopExtensions
{
    private const string ConfigFile = "/bcp-config.json";

    public static WebApplication UseBananaCakePop(this WebApplication app, string path)
    {
        var options = app.Services.GetRequiredService<IOptions<BananaCakePopOptions>>().Value;
        var files = Path.GetFullPath(options.FilesPath);
        var installed = File.Exists(Path.Combine(files, "index.html"));

        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            {
                await next(context);
            }
            else if (request.Path.Equals(path, StringComparison.OrdinalIgnoreCase) && IsBrowserNavigation(request))
            {
                context.Response.Redirect(path + "/" + request.QueryString);
            }
            else if (request.Path.Equals(path + "/", StringComparison.OrdinalIgnoreCase) && IsBrowserNavigation(request))
            {
                context.Response.ContentType = MediaTypeNames.Text.Html + "; charset=utf-8";
                await (installed
                    ? context.Response.SendFileAsync(Path.Combine(files, "index.html"))
                    : context.Response.WriteAsync(NotInstalledPage(files)));
            }
            else if (request.Path.Equals(path + ConfigFile, StringComparison.OrdinalIgnoreCase))
            {
                // The IDE posts to the address it was loaded from (/graphql/), which the GraphQL endpoint also answers;
                // building an absolute URL from the Host header would let a forged header redirect it.
                await context.Response.WriteAsJsonAsync(new
                {
                    endpoint = request.PathBase + path,
                    useBrowserUrlAsEndpoint = true,
                    title = options.Title,
                    disableTelemetry = true,
                });
            }
            else
            {
                await next(context);
            }
        });

        if (installed)
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(files),
                RequestPath = path,
                // The package's LICENSE has no extension; its notices must stay reachable (ChilliCream License 1.0).
                ServeUnknownFileTypes = true,
                DefaultContentType = MediaTypeNames.Text.Plain,
            });
        }

        return app;
    }

    /// <summary>A page load in a browser: it asks for HTML and carries no GraphQL query.</summary>
    private static bool IsBrowserNavigation(HttpRequest request) =>
        !request.Query.ContainsKey("query")
        && request.GetTypedHeaders().Accept.Any(type => type.MediaType.Equals(MediaTypeNames.Text.Html, StringComparison.OrdinalIgnoreCase));

    private static string NotInstalledPage(string files) => $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>ContentHub — IDE not installed</title></head>
        <body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
        <h1>Banana Cake Pop is not installed</h1>
        <p>The GraphQL endpoint works (POST queries to this address), but the IDE's files were not found in
        <code>{System.Net.WebUtility.HtmlEncode(files)}</code>.</p>
        <p>The build installs them with npm. Install Node.js, then rebuild:</p>
        <pre>dotnet build src/ContentHub.Server</pre>
        <p>or install them by hand: <code>npm ci --prefix src/ContentHub.Server/Ide</code>, then build again.</p>
        </body></html>
        """;
}
