using System.Text.Json.Nodes;
using ContentHub.Tests.Support;

namespace ContentHub.Tests.Content;

/// <summary>
/// The benchmarks' workload documents (tests/ContentHub.Benchmarks/Workloads/), anonymous and with the response cache
/// off, cost the SQL commands issue 11 aims at: the categories, disclaimers and facts they show come from memory.
/// </summary>
public abstract class ReferenceDataSqlCommandTests
{
    private readonly WorkloadsFactory _factory;

    private ReferenceDataSqlCommandTests(WorkloadsFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    [SkippableFact]
    public async Task Should_read_the_list_page_with_category_names_in_one_sql_command()
    {
        var (data, commands) = await CountAsync(WorkloadsFactory.Workload("list"));

        Assert.Equal(20, data["articles"]!["edges"]!.AsArray().Count);
        Assert.Contains(data["articles"]!["edges"]!.AsArray(), edge => edge!["node"]!["category"]?["name"] is not null);
        Assert.Equal(1, commands);
    }

    [SkippableFact]
    public async Task Should_read_the_first_and_a_later_filtered_list_page_in_one_sql_command_each()
    {
        var query = WorkloadsFactory.Workload("filtered");
        var (first, firstCommands) = await CountAsync(query);
        var (second, secondCommands) = await CountAsync(query, new { after = first["articles"]!["pageInfo"]!["endCursor"]!.GetValue<string>() });

        Assert.True(first["articles"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.NotEmpty(second["articles"]!["edges"]!.AsArray());
        Assert.All(second["articles"]!["edges"]!.AsArray(), edge => Assert.NotNull(edge!["node"]!["category"]!["name"]));
        Assert.Equal(1, firstCommands);
        Assert.Equal(1, secondCommands);
    }

    [SkippableFact]
    public async Task Should_read_the_article_page_with_category_disclaimers_and_facts_in_one_sql_command()
    {
        var (data, commands) = await CountAsync(WorkloadsFactory.Workload("article"));

        Assert.NotNull(data["article"]!["category"]!["name"]);
        Assert.NotEmpty(data["article"]!["disclaimers"]!.AsArray());
        Assert.NotEmpty(data["facts"]!.AsArray());
        Assert.Equal(1, commands);
    }

    /// <summary>The answer to <paramref name="query"/> asked a second time (the first fills what is kept in memory), and the SQL commands it cost.</summary>
    private async Task<(JsonNode Data, int Commands)> CountAsync(string query, object? variables = null)
    {
        var client = _factory.CreateClient();
        (await client.PostQueryAsync(query, variables)).AssertData();
        _factory.SqlCommands.Reset();
        var answer = await client.PostQueryAsync(query, variables);
        var commands = _factory.SqlCommands.Count;
        return (answer.AssertData(), commands);
    }

    public sealed class OnSqlite(WorkloadsFactory factory) : ReferenceDataSqlCommandTests(factory), IClassFixture<WorkloadsFactory>;

    public sealed class OnPostgreSql(PostgreSqlWorkloadsFactory factory) : ReferenceDataSqlCommandTests(factory), IClassFixture<PostgreSqlWorkloadsFactory>;
}
