namespace ContentHub.Server.Access;

/// <summary>The role names an authenticated caller carries; an admin carries both.</summary>
public static class ApiKeyRoles
{
    public const string Editor = "editor";
    public const string Admin = "admin";
}
