using ContentHub.Server.GraphQL;
using GraphQLParser;

namespace ContentHub.Tests.Http;

/// <summary>Which documents use their variables only where no rule for cached documents looks (<see cref="PositionVariables"/>).</summary>
public sealed class PositionVariablesTests
{
    [Theory]
    [InlineData("{ site { name } }")]
    [InlineData("query Page($after: String) { articles(first: 10, after: $after) { edges { cursor } } }")]
    [InlineData("query Older($before: Long = 5) { auditLog(before: $before) { id } }")]
    [InlineData("query P($a: String) { ...F } fragment F on Query { articles(after: $a) { totalCount } }")]
    public async Task Should_find_variables_used_only_as_positions(string document) =>
        Assert.True(await PositionVariables.OnlyAsPositionsAsync(Parser.Parse(document)));

    [Theory]
    [InlineData("query Page($n: Int) { articles(first: $n) { totalCount } }")]
    [InlineData("query Page($after: String, $n: Int) { articles(after: $after, first: $n) { totalCount } }")]
    [InlineData("query Find($s: String) { articles(filter: { search: $s }) { totalCount } }")]
    [InlineData("query Show($b: Boolean!) { site { name @include(if: $b) } }")]
    [InlineData("query Ids($a: ID) { articles(after: [$a]) { totalCount } }")]
    [InlineData("query P($n: Int) { ...F } fragment F on Query { articles(first: $n) { totalCount } }")]
    public async Task Should_find_variables_used_elsewhere(string document) =>
        Assert.False(await PositionVariables.OnlyAsPositionsAsync(Parser.Parse(document)));
}
