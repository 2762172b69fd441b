using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Server.Seeding;
using ContentHub.Tests.Support;
using static ContentHub.Tests.Support.PersonMutations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContentHub.Tests.People;

/// <summary>People: managed by admins, public once published (licence numbers to editors only), imported from people.yaml, stood for by keys.</summary>
public sealed class PersonQueryTests(ContentHubFactory factory) : IClassFixture<ContentHubFactory>
{
    [Fact]
    public async Task Should_show_published_people_to_readers_and_licence_numbers_to_editors_only()
    {
        var admin = await factory.CreateClientAsync(ApiKeyRole.Admin, "People Admin");
        await PublishAsync(admin, await CreatePersonAsync(admin, new { name = "Ana Ruiz", credentials = "MD", specialty = "Neurology", licenceNumber = "GMC 7012345", profile = "Neurologist." }));
        await CreatePersonAsync(admin, new { name = "Draft Person" });
        var writer = await factory.CreateClientAsync(ApiKeyRole.Writer, "People Writer");

        var anonymous = (await factory.CreateClient().PostQueryAsync(
            $$"""{ ana: person(slug: "ana-ruiz") { {{PersonFields}} } draft: person(slug: "draft-person") { name } people(first: 100) { edges { node { slug } } } }""")).AssertData();
        var staff = (await writer.PostQueryAsync(
            """{ ana: person(slug: "ana-ruiz") { licenceNumber } draft: person(slug: "draft-person") { name } }""")).AssertData();

        Assert.Equal("Ana Ruiz", anonymous["ana"]!["name"]!.GetValue<string>());
        Assert.Equal("MD", anonymous["ana"]!["credentials"]!.GetValue<string>());
        Assert.Null(anonymous["ana"]!["licenceNumber"]);
        Assert.Null(anonymous["draft"]);
        Assert.DoesNotContain("draft-person", Slugs(anonymous["people"]!));
        Assert.Equal("GMC 7012345", staff["ana"]!["licenceNumber"]!.GetValue<string>());
        Assert.Equal("Draft Person", staff["draft"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_page_people_by_name()
    {
        var admin = await factory.CreateClientAsync(ApiKeyRole.Admin, "Paging Admin");
        foreach (var name in new[] { "Zoe Paging", "Adam Paging", "Mia Paging" })
        {
            await PublishAsync(admin, await CreatePersonAsync(admin, new { name }));
        }

        const string Page = "query($after: String) { people(first: 2, after: $after) { edges { cursor node { slug } } pageInfo { hasNextPage endCursor } } }";
        var names = new List<string>();
        string? after = null;
        do
        {
            var page = (await factory.CreateClient().PostQueryAsync(Page, new { after })).AssertData()["people"]!;
            names.AddRange(Slugs(page));
            Assert.Equal(page["pageInfo"]!["endCursor"]!.GetValue<string>(), page["edges"]!.AsArray()[^1]!["cursor"]!.GetValue<string>());
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        Assert.Equal(["adam-paging", "mia-paging", "zoe-paging"], names.Where(n => n.EndsWith("-paging", StringComparison.Ordinal)));
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public async Task Should_import_people_yaml_with_the_seed_articles_bylines_and_stand_keys_for_existing_people_only()
    {
        var (report, errors) = await factory.Services.GetRequiredService<SeedRunner>()
            .RunAsync(ContentHubFactory.RepositorySeedData, dryRun: false, force: false, progress: null, CancellationToken.None);
        Assert.Empty(errors);
        Assert.Contains(report!.Items, item => item is { Kind: SeedKinds.Person, Key: "dr-sam-lee", Outcome: SeedOutcome.Created or SeedOutcome.Unchanged });
        var byline = (await factory.CreateClient().PostQueryAsync("""{ article(slug: "revision-surgery") { authors { slug name } } }""")).AssertData();
        Assert.Equal("back-to-life-editorial-team", byline["article"]!["authors"]![0]!["slug"]!.GetValue<string>());

        var keys = factory.Services.GetRequiredService<ApiKeyStore>();
        var (key, _) = await keys.CreateAsync("Sam (reviewer)", ApiKeyRole.MedicalReviewer, CancellationToken.None, person: "dr-sam-lee");
        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => keys.CreateAsync("Nobody", ApiKeyRole.Writer, CancellationToken.None, person: "no-such-person"));

        await using var db = factory.CreateDbContext();
        Assert.Equal("dr-sam-lee", (await db.ApiKeys.Include(k => k.Person).SingleAsync(k => k.KeyId == key.KeyId)).Person!.Slug);
        Assert.Contains("no-such-person", unknown.Message, StringComparison.Ordinal);
        Assert.False(await db.ApiKeys.AnyAsync(k => k.Name == "Nobody"));
    }

    private static IEnumerable<string> Slugs(JsonNode connection) =>
        connection["edges"]!.AsArray().Select(edge => edge!["node"]!["slug"]!.GetValue<string>());
}
