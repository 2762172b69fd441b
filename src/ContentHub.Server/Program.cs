using ContentHub.Server;
using ContentHub.Server.Cli;

var app = WebApplication.CreateBuilder(args).AddContentHub(args).Build();
if (CliVerbs.Handles(args))
{
    return await CliVerbs.RunAsync(app, args);
}

await app.RunContentHubAsync();
return 0;

/// <summary>The entry point, named so integration tests can host it.</summary>
public partial class Program;
