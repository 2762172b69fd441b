using System.Text.Json.Nodes;
using ContentHub.Tests.Support;
using Newtonsoft.Json.Linq;
using Snapshooter.Xunit;

namespace ContentHub.Tests.Http;

/// <summary>Every block of the Back to Life Blog page comes back from one anonymous query (the README's).</summary>
public abstract class SeedPageQueryTests
{
    public const string SeedPageQuery = """
        query SeedPage {
          site {
            name
            tagline
            publisher
            copyright
            factsHeading
            contactEmail
            contactPhones { label number }
            footerLinks { label url }
          }
          article(slug: "revision-surgery") {
            title
            summary
            heroImage { url alt }
            category { name slug parent { name } }
            tags
            publishedAt
            readingTimeMinutes
            body { markdown html text excerpt readingTimeMinutes outline { level text anchor } }
            callToAction { text phoneNumber url }
            disclaimers { key placement body { markdown html text } }
          }
          promotions(placement: ARTICLE_END) {
            key
            kind
            stepLabel
            heading
            body
            image { url alt }
          }
          randomFact { text statistic { value unit } source }
        }
        """;

    private readonly ContentHubFactory _factory;

    private SeedPageQueryTests(ContentHubFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    [SkippableFact]
    public async Task Should_return_every_block_of_the_seed_page()
    {
        var response = await _factory.CreateClient().PostQueryAsync(SeedPageQuery);

        var data = response.AssertData();
        Snapshot.Match(JToken.Parse(response.Body), options => options.IgnoreField("data.article.publishedAt"));
        Assert.EndsWith("Z", data["article"]!["publishedAt"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("Back to Life Blog")]
    [InlineData("Wellness news, tips and inspiration for a healthier tomorrow")]
    [InlineData("Doctors performing minimally invasive spine surgery on patient")]
    [InlineData("Revision Surgery")]
    [InlineData("Reasons Spinal Hardware May Be Removed")]
    [InlineData("The hardware is damaged or broken")]
    [InlineData("A spinal implant made by Stryker called the Oasys was recalled in 2013.")]
    [InlineData("What to Expect from Spinal Hardware Removal")]
    [InlineData("we work with the nation’s most skilled board-certified surgeons.")]
    [InlineData("Call us today at 1-844-201-1308 to learn more about your options")]
    [InlineData("Step 1 of 2")]
    [InlineData("Find a Spine Institute\\nClose to Home")]
    [InlineData("Simply enter your zip code to get started on your road to recovery")]
    [InlineData("Did you know?")]
    [InlineData("over 87 million people suffer\\nfrom back pain")]
    [InlineData("© 2019 Back Pain Centers of America.")]
    [InlineData("Back Pain Centers of America does not provide medical advice, diagnosis or treatment.")]
    [InlineData("Results and recovery times may vary.")]
    [InlineData("User Agreement")]
    [InlineData("Privacy Policy")]
    [InlineData("**Medicaid not currently accepted. Certain limitations apply to free MRI review.")]
    [InlineData("1.888.957.7463")]
    public async Task Should_keep_the_text_of_the_page_as_given(string text)
    {
        var response = await _factory.CreateClient().PostQueryAsync(SeedPageQuery);

        response.AssertData();
        Assert.Contains(text, JsonNode.Parse(response.Body)!.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Should_be_the_query_the_readme_shows()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFolder.Root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

        Assert.Contains("```graphql\n" + SeedPageQuery.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n```", readme, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Should_leave_the_obfuscated_email_address_empty()
    {
        var response = await _factory.CreateClient().PostQueryAsync("{ site { contactEmail } }");

        Assert.Null(response.AssertData()["site"]!["contactEmail"]);
    }

    /// <summary>Both compare with the one snapshot: the page reads the same from either database.</summary>
    public sealed class OnSqlite(ContentHubFactory factory) : SeedPageQueryTests(factory), IClassFixture<ContentHubFactory>;

    public sealed class OnPostgreSql(PostgreSqlContentHubFactory factory) : SeedPageQueryTests(factory), IClassFixture<PostgreSqlContentHubFactory>;
}
