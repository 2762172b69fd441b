using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ContentHub.Server.Articles;
using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.Seeding;

namespace ContentHub.Server.Webhooks;

/// <summary>
/// Adds the events of a change to the outbox in the change's own context, before its transaction commits: an event
/// row exists exactly when its change was committed, whatever crashes or rolls back.
/// </summary>
public static class ContentOutbox
{
    /// <summary>The <see cref="WebhookEvent.ItemKey"/> of import summaries: they go out in order too.</summary>
    public const string SeedImportKey = "seed";

    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web);

    /// <summary>Stages the events of one item's change; the caller's save and commit write them.</summary>
    public static void Add(ContentHubDbContext db, ContentChange change, DateTime now)
    {
        var (item, before) = (change.Item, change.Before);
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        paths.UnionWith(before?.Paths ?? []);
        paths.UnionWith(ContentPaths.Of(item, change.ContentType, change.Slug, change.HasPublicSlug));
        if (change.HasPublicSlug && (before?.Status == PublicationStatus.Published || item.Status == PublicationStatus.Published))
        {
            paths.Add(ContentPaths.ListOf(change.ContentType)); // lists show published items only
        }

        var data = new ContentEventData(
            change.ContentType,
            item.Id,
            change.Slug,
            before is not null && before.Slug != change.Slug ? before.Slug : null,
            item.Version,
            item.Status.ToString().ToUpperInvariant(),
            change.ChangedFields,
            [.. paths],
            [.. change.SurrogateKeys.Order(StringComparer.Ordinal)]);
        foreach (var type in TypesOf(change))
        {
            Add(db, type, change.Actor, change.ContentType, data, now);
        }
    }

    /// <summary>Stages the <c>reviewDue</c> event of a published article: it changes nothing, so it invalidates nothing.</summary>
    public static void AddReviewDue(ContentHubDbContext db, Article article, string actor, DateTime now)
    {
        var data = new ContentEventData(
            nameof(Article), article.Id, article.Slug, PreviousSlug: null, article.Version, article.Status.ToString().ToUpperInvariant(), [],
            ContentPaths.Of(article, nameof(Article), article.Slug, hasPublicSlug: true), [], article.NextReviewDue);
        Add(db, WebhookEventTypes.ReviewDue, actor, nameof(Article), data, now);
    }

    /// <summary>Stages the one summary event of a seed import, in the import's transaction.</summary>
    public static void AddSeedImport(ContentHubDbContext db, SeedReport report, IReadOnlyCollection<string> changedKeys, DateTime now)
    {
        var counts = new JsonObject();
        foreach (var outcome in Enum.GetValues<SeedOutcome>())
        {
            counts[JsonNamingPolicy.CamelCase.ConvertName(outcome.ToString())] = report.Items.Count(item => item.Outcome == outcome);
        }

        db.WebhookEvents.Add(new WebhookEvent
        {
            Type = WebhookEventTypes.SeedImported,
            OccurredAt = now,
            Actor = SeedImporter.Actor,
            ItemKey = SeedImportKey,
            Data = new JsonObject
            {
                ["counts"] = counts,
                ["surrogateKeys"] = new JsonArray([.. changedKeys.Order(StringComparer.Ordinal).Select(key => JsonValue.Create(key))]),
            }.ToJsonString(),
        });
    }

    /// <summary>The change's event, and <c>slugChanged</c> after it when the slug or key changed too.</summary>
    private static IEnumerable<string> TypesOf(ContentChange change)
    {
        var bySchedule = change.Actor == Viewer.Scheduler.Name;
        yield return change.Operation switch
        {
            "create" => WebhookEventTypes.Created,
            "publish" => bySchedule ? WebhookEventTypes.SchedulePublished : WebhookEventTypes.Published,
            "unpublish" => WebhookEventTypes.Unpublished,
            "archive" when bySchedule => change.Before?.UnpublishScheduled == true ? WebhookEventTypes.ScheduleWithdrawn : WebhookEventTypes.Expired,
            "archive" => WebhookEventTypes.Archived,
            "delete" => WebhookEventTypes.Trashed,
            "restore" => WebhookEventTypes.Restored,
            "purge" => WebhookEventTypes.Purged,
            _ => WebhookEventTypes.Updated,
        };

        if (change.Before is { } before && before.Slug != change.Slug)
        {
            yield return WebhookEventTypes.SlugChanged;
        }
    }

    private static void Add(ContentHubDbContext db, string type, string actor, string contentType, ContentEventData data, DateTime now) =>
        db.WebhookEvents.Add(new WebhookEvent
        {
            Type = type,
            OccurredAt = now,
            Actor = actor,
            ContentType = contentType,
            ItemId = data.Id,
            ItemKey = ContentKeys.Item(contentType, data.Id),
            Data = JsonSerializer.Serialize(data, s_options),
        });

    private sealed record ContentEventData(
        string ContentType,
        int Id,
        string Slug,
        string? PreviousSlug,
        int Version,
        string Status,
        IReadOnlyList<string> ChangedFields,
        IReadOnlyList<string> Paths,
        IReadOnlyList<string> SurrogateKeys,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTime? NextReviewDue = null);
}
