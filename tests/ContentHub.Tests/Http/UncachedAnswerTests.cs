using ContentHub.Server.Access;
using ContentHub.Tests.Support;

namespace ContentHub.Tests.Http;

/// <summary>
/// Answers that are not kept are written from the pooled block they were serialized into, which goes back to the pool
/// once written: each request must get its own answer, whole, however large.
/// </summary>
public sealed class UncachedAnswerTests(UncachedAnswerTests.UncachedFactory factory) : IClassFixture<UncachedAnswerTests.UncachedFactory>
{
    [Fact]
    public async Task Should_answer_each_of_many_concurrent_requests_with_its_own_answer()
    {
        var anonymous = factory.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 64).Select(async i =>
            (Alias: $"page{i}", Response: await anonymous.PostQueryAsync($$"""{ page{{i}}: article(slug: "revision-surgery") { slug } }"""))));

        Assert.All(answers, answer => Assert.Equal(
            "revision-surgery", answer.Response.AssertData()[answer.Alias]!["slug"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Should_answer_whole_when_the_answer_is_larger_than_a_pooled_block()
    {
        var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);

        var response = await editor.PostQueryAsync("{ __schema { types { name description fields { name description } } } }");

        Assert.True(response.Body.Length > 16 * 1024, $"the answer is only {response.Body.Length} characters");
        Assert.Contains(response.AssertData()["__schema"]!["types"]!.AsArray(), type => type!["name"]!.GetValue<string>() == "Article");
    }

    public sealed class UncachedFactory() : ContentHubFactory(("GraphQL:ResponseCache:Enabled", "false"));
}
