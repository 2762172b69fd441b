namespace ContentHub.Server.Facts;

/// <summary>Picks one item with probability proportional to its weight; items of weight 0 are never picked.</summary>
public static class WeightedPick
{
    public static T? Pick<T>(IReadOnlyList<T> items, Func<T, int> weight, Random random)
        where T : class
    {
        var total = items.Sum(item => (long)Math.Max(0, weight(item)));
        if (total == 0)
        {
            return null;
        }

        var ticket = random.NextInt64(total);
        foreach (var item in items)
        {
            ticket -= Math.Max(0, weight(item));
            if (ticket < 0)
            {
                return item;
            }
        }

        throw new InvalidOperationException("unreachable: the ticket is below the total weight");
    }
}
