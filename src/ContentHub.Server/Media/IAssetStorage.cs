namespace ContentHub.Server.Media;

/// <summary>Where asset bytes live, addressed by name (an original's SHA-256, or a rendition's key).</summary>
public interface IAssetStorage
{
    /// <summary>Stores the bytes under <paramref name="name"/> unless something is stored there already.</summary>
    Task SaveAsync(string name, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);

    bool Exists(string name);

    /// <summary>The stored bytes, or null when nothing is stored under <paramref name="name"/>.</summary>
    Stream? OpenRead(string name);

    /// <summary>Removes what is stored under <paramref name="name"/>, and everything whose name starts with it and a slash.</summary>
    void Delete(string name);
}
