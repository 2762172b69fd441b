using System.CommandLine;
using ContentHub.Server.Access;
using ContentHub.Server.Data;

namespace ContentHub.Server.Cli;

/// <summary><c>keys create --name N --role ROLE [--person SLUG]</c>, <c>keys list</c>, <c>keys revoke KEY_ID</c>.</summary>
public static class KeyVerbs
{
    public static Command Create(IServiceProvider services)
    {
        var name = new Option<string>("--name") { Description = "Who or what the key is for.", Required = true };
        var role = new Option<ApiKeyRole>("--role")
        {
            Description = "writer, medicalReviewer, publisher, editor (writer and publisher) or admin.", DefaultValueFactory = _ => ApiKeyRole.Editor,
        };
        var person = new Option<string?>("--person") { Description = "The slug of the person the key stands for (needed to approve articles)." };
        var create = new Command("create", "Create a key; it is printed once and cannot be shown again.") { name, role, person };
        create.SetAction(async (parse, cancellationToken) =>
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            ApiKey key;
            string token;
            try
            {
                (key, token) = await services.GetRequiredService<ApiKeyStore>()
                    .CreateAsync(parse.GetValue(name)!, parse.GetValue(role), cancellationToken, parse.GetValue(person));
            }
            catch (ArgumentException exception)
            {
                await Console.Error.WriteLineAsync(exception.Message);
                return 1;
            }

            CliOutput.Print(
                parse,
                new CreatedKey(KeySummary.Of(key), token),
                $"Created {ApiKeyRoles.NameOf(key.Role)} key {key.KeyId} for {key.Name}. Send it as 'Authorization: Bearer <key>':",
                token);
            return 0;
        });

        var list = new Command("list", "List keys (never their secrets).");
        list.SetAction(async (parse, cancellationToken) =>
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            var keys = (await services.GetRequiredService<ApiKeyStore>().ListAsync(cancellationToken)).Select(KeySummary.Of).ToList();
            CliOutput.Print(parse, new KeyList(keys), keys.Select(key =>
            {
                var state = key.RevokedAt is { } revoked ? $"revoked {revoked:u}" : "active";
                var who = key.Person is { } owner ? $" (person {owner})" : "";
                return $"{key.KeyId}  {key.Role,-15}  {state,-27}  created {key.CreatedAt:u}  {key.Name}{who}";
            }));
            return 0;
        });

        var keyId = new Argument<string>("key-id") { Description = "The key's id, as 'keys list' shows it." };
        var revoke = new Command("revoke", "Revoke a key: requests that present it get 401 from now on.") { keyId };
        revoke.SetAction(async (parse, cancellationToken) =>
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            if (await services.GetRequiredService<ApiKeyStore>().RevokeAsync(parse.GetValue(keyId)!, cancellationToken))
            {
                CliOutput.Print(parse, new RevokedKey(parse.GetValue(keyId)!), $"Revoked {parse.GetValue(keyId)}.");
                return 0;
            }

            await Console.Error.WriteLineAsync($"No active key with id '{parse.GetValue(keyId)}'.");
            return 1;
        });

        return new Command("keys", "Manage the API keys of writers, reviewers, publishers, editors and admins.") { create, list, revoke };
    }

    /// <summary>A key as <c>--json</c> shows it: never its secret, except once in <see cref="CreatedKey"/>.</summary>
    private sealed record KeySummary(string KeyId, string Role, string Name, string? Person, DateTime CreatedAt, DateTime? RevokedAt)
    {
        public static KeySummary Of(ApiKey key) => new(key.KeyId, ApiKeyRoles.NameOf(key.Role), key.Name, key.Person?.Slug, key.CreatedAt, key.RevokedAt);
    }

    private sealed record CreatedKey(KeySummary Key, string Token);

    private sealed record KeyList(IReadOnlyList<KeySummary> Keys);

    private sealed record RevokedKey(string KeyId);
}
