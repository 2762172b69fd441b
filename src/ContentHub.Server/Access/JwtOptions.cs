namespace ContentHub.Server.Access;

/// <summary>
/// Single sign-on: JSON Web Tokens from the site's identity provider, accepted next to API keys when
/// <see cref="Authority"/> is set. Bound from the <c>Authentication:Jwt</c> section.
/// </summary>
public sealed class JwtOptions
{
    public const string Section = "Authentication:Jwt";

    /// <summary>The identity provider's issuer URL; its OpenID metadata supplies the signing keys. Empty: JWTs are not accepted.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens must be issued for.</summary>
    public string? Audience { get; set; }

    /// <summary>The claim carrying the caller's roles.</summary>
    public string RoleClaim { get; set; } = "role";

    /// <summary>The claim carrying the caller's name, as recorded in revisions and the audit log.</summary>
    public string NameClaim { get; set; } = "name";

    /// <summary>The role claim value that makes a caller an editor.</summary>
    public string EditorRole { get; set; } = ApiKeyRoles.Editor;

    /// <summary>The role claim value that makes a caller an admin.</summary>
    public string AdminRole { get; set; } = ApiKeyRoles.Admin;

    /// <summary>The role claim value that makes a caller a writer.</summary>
    public string WriterRole { get; set; } = ApiKeyRoles.Writer;

    /// <summary>The role claim value that makes a caller a medical reviewer.</summary>
    public string MedicalReviewerRole { get; set; } = ApiKeyRoles.MedicalReviewer;

    /// <summary>The role claim value that makes a caller a publisher.</summary>
    public string PublisherRole { get; set; } = ApiKeyRoles.Publisher;

    /// <summary>The claim carrying the slug of the person (<c>person(slug:)</c>) the user is: who approves as them.</summary>
    public string PersonClaim { get; set; } = "person";

    /// <summary>Our role names by the identity provider's.</summary>
    public IEnumerable<(string Theirs, string Ours)> RoleNames() =>
    [
        (EditorRole, ApiKeyRoles.Editor), (AdminRole, ApiKeyRoles.Admin), (WriterRole, ApiKeyRoles.Writer),
        (MedicalReviewerRole, ApiKeyRoles.MedicalReviewer), (PublisherRole, ApiKeyRoles.Publisher),
    ];
}
