using ContentHub.Server.Content;
using ContentHub.Server.People;

namespace ContentHub.Server.Access;

/// <summary>
/// A credential for editors and admins. Only a hash of the secret is stored; the key is shown once, when created.
/// </summary>
public sealed class ApiKey : ITimestamped
{
    public int Id { get; set; }

    /// <summary>Public, unique part of the key, used to find it; e.g. <c>k7f3q9x2</c>.</summary>
    public required string KeyId { get; set; }

    /// <summary>Who or what the key is for, e.g. "Jane (editor)".</summary>
    public required string Name { get; set; }

    public ApiKeyRole Role { get; set; }

    /// <summary>The person the key stands for: who approves with it, and whose changes four-eyes review tells apart.</summary>
    public int? PersonId { get; set; }

    public Person? Person { get; set; }

    /// <summary>SHA-256 of the secret part.</summary>
    public required byte[] SecretHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>When the key stopped working; empty while it works.</summary>
    public DateTime? RevokedAt { get; set; }
}
