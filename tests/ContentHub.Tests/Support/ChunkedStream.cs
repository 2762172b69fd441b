namespace ContentHub.Tests.Support;

/// <summary>A request body of unknown length that hands out at most <c>chunkSize</c> bytes per read.</summary>
public sealed class ChunkedStream(byte[] bytes, int chunkSize) : MemoryStream(bytes)
{
    public override bool CanSeek => false;

    public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunkSize));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        base.ReadAsync(buffer, offset, Math.Min(count, chunkSize), cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        base.ReadAsync(buffer[..Math.Min(buffer.Length, chunkSize)], cancellationToken);
}
