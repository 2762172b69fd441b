using ContentHub.Tests.Support;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter.Xunit;

namespace ContentHub.Tests.Schema;

public sealed class SchemaTests(ContentHubFactory factory) : IClassFixture<ContentHubFactory>
{
    /// <summary>The schema is the API contract: any change to it shows up here and in review.</summary>
    [Fact]
    public void Should_match_the_schema_snapshot()
    {
        var sdl = factory.Services.GetRequiredService<ISchema>().Print();

        Snapshot.Match(sdl);
    }

    [Fact]
    public async Task Should_print_the_schema_with_the_schema_verb()
    {
        var result = await ServerProcess.RunAsync(["schema"], factory.DatabasePath);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(factory.Services.GetRequiredService<ISchema>().Print().Trim(), result.StandardOutput.Trim());
    }
}
