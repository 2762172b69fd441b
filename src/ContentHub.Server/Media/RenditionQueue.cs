using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.Media;

/// <summary>
/// Makes renditions on first request, at most <see cref="MediaOptions.MaxConcurrentRenditions"/> at a time (each
/// decodes an image: all at once, a burst of new sizes would take the memory of all of them together). Requests for
/// the same rendition share one piece of work.
/// </summary>
public sealed class RenditionQueue(IOptions<MediaOptions> options, IAssetStorage storage, ImageProcessor images, RenditionMetrics metrics)
{
    private readonly SemaphoreSlim _turns = new(options.Value.MaxConcurrentRenditions);
    private readonly ConcurrentDictionary<string, Lazy<Task<bool>>> _inProgress = new();

    /// <summary>Ensures the rendition is in the store; false when its original is not.</summary>
    public async Task<bool> EnsureAsync(Rendition rendition, CancellationToken cancellationToken)
    {
        if (storage.Exists(rendition.Key))
        {
            return true;
        }

        var work = _inProgress.GetOrAdd(rendition.Key, _ => new Lazy<Task<bool>>(() => RenderAsync(rendition)));
        try
        {
            return await work.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            if (work.Value.IsCompleted)
            {
                _inProgress.TryRemove(new KeyValuePair<string, Lazy<Task<bool>>>(rendition.Key, work));
            }
        }
    }

    // Not cancelled with the request that started it: others may be waiting for the same rendition.
    private async Task<bool> RenderAsync(Rendition rendition)
    {
        metrics.Waiting(1);
        await _turns.WaitAsync();
        metrics.Waiting(-1);
        metrics.Rendering(1);
        try
        {
            await using var stream = storage.OpenRead(rendition.Sha256);
            if (stream is null)
            {
                return false;
            }

            var original = new byte[stream.Length];
            await stream.ReadExactlyAsync(original);
            var header = ImageHeader.Read(original, options.Value.MaxFrames).Header
                ?? throw new InvalidDataException($"The stored original {rendition.Sha256} has no readable header.");
            var bytes = await Task.Run(() => images.Render(original, header, rendition));
            await storage.SaveAsync(rendition.Key, bytes, CancellationToken.None);
            return true;
        }
        finally
        {
            metrics.Rendering(-1);
            _turns.Release();
        }
    }
}
