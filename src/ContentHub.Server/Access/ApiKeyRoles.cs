namespace ContentHub.Server.Access;

/// <summary>The role names an authenticated caller carries, and the one table saying what each role may do.</summary>
public static class ApiKeyRoles
{
    public const string Editor = "editor";
    public const string Admin = "admin";
    public const string Writer = "writer";
    public const string MedicalReviewer = "medicalReviewer";
    public const string Publisher = "publisher";

    private static readonly Dictionary<string, Permissions> s_permissions = new(StringComparer.Ordinal)
    {
        [Writer] = Permissions.ReadDrafts | Permissions.Write,
        [MedicalReviewer] = Permissions.ReadDrafts | Permissions.Review,
        [Publisher] = Permissions.ReadDrafts | Permissions.Publish,
        [Editor] = Permissions.ReadDrafts | Permissions.Write | Permissions.Publish,
        // Not Review: a medical approval is a clinician's act, made with a medicalReviewer key.
        [Admin] = Permissions.ReadDrafts | Permissions.Write | Permissions.Publish | Permissions.Administer,
    };

    /// <summary>Every role name.</summary>
    public static IReadOnlyCollection<string> All => s_permissions.Keys;

    public static Permissions PermissionsOf(string role) => s_permissions.GetValueOrDefault(role);

    public static string NameOf(ApiKeyRole role) => role switch
    {
        ApiKeyRole.Admin => Admin,
        ApiKeyRole.Writer => Writer,
        ApiKeyRole.MedicalReviewer => MedicalReviewer,
        ApiKeyRole.Publisher => Publisher,
        _ => Editor,
    };
}
