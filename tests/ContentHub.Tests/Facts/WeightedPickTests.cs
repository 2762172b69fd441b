using ContentHub.Server.Facts;

namespace ContentHub.Tests.Facts;

public sealed class WeightedPickTests
{
    private sealed record Item(string Name, int Weight);

    [Fact]
    public void Should_pick_in_proportion_to_weight_and_never_pick_weight_zero()
    {
        var items = new[] { new Item("never", 0), new Item("rare", 1), new Item("common", 3) };
        var random = new Random(1234);

        var picks = Enumerable.Range(0, 4000).Select(_ => WeightedPick.Pick(items, i => i.Weight, random)!.Name)
            .GroupBy(name => name).ToDictionary(g => g.Key, g => g.Count());

        Assert.False(picks.ContainsKey("never"));
        Assert.InRange(picks["common"] / (double)picks["rare"], 2.5, 3.5);
    }

    [Fact]
    public void Should_pick_nothing_when_no_item_has_weight()
    {
        Assert.Null(WeightedPick.Pick([new Item("zero", 0)], i => i.Weight, new Random(1)));
        Assert.Null(WeightedPick.Pick(Array.Empty<Item>(), i => i.Weight, new Random(1)));
    }
}
