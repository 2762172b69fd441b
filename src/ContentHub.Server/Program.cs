using ContentHub.Server;
using ContentHub.Server.Cli;

// The server's own folder, wherever it is started from: appsettings.json and relative paths are found there.
var settings = CliVerbs.SettingsOf(args);
var options = new WebApplicationOptions { Args = settings, ContentRootPath = AppContext.BaseDirectory };
var app = WebApplication.CreateBuilder(options).AddContentHub(args).Build();
if (CliVerbs.Handles(args))
{
    return await CliVerbs.RunAsync(app, args);
}

await app.RunContentHubAsync();
return 0;

/// <summary>The entry point, named so integration tests can host it.</summary>
public partial class Program;
