using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.Facts;

/// <summary>
/// Time cut into equal windows: within one, the random fact's draw is the same for every reader and server (its
/// seed comes from the window and the tag only), so responses can be cached until the window ends.
/// </summary>
public sealed class FactRotation(IOptions<FactsOptions> options, TimeProvider clock)
{
    /// <summary>The window the clock is in now, as [start, end).</summary>
    public (DateTime Start, DateTime End) CurrentWindow()
    {
        var length = TimeSpan.FromMinutes(options.Value.RotationMinutes).Ticks;
        var now = clock.GetUtcNow().UtcTicks;
        var start = new DateTime(now - (now % length), DateTimeKind.Utc);
        return (start, start.AddTicks(length));
    }

    /// <summary>The draw for the current window and <paramref name="tag"/>.</summary>
    public Random Draw(string? tag)
    {
        // A cryptographic hash only for a seed that is the same in every process (string.GetHashCode is not).
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{CurrentWindow().Start.Ticks}/{tag}"));
        return new Random(BitConverter.ToInt32(hash));
    }
}
