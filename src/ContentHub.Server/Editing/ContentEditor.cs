using System.Linq.Expressions;
using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.Seeding;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Editing;

/// <summary>
/// Every write to items of one content type. Each call is one transaction that either changes the item,
/// stores a revision and an audit entry, or writes nothing but the audit entry of its refusal.
/// </summary>
public sealed class ContentEditor<TEntity, TInput>(
    IDbContextFactory<ContentHubDbContext> contexts,
    IEditableContent<TEntity, TInput> content,
    AuditLog audit,
    ContentChangeSignal changes,
    TimeProvider clock)
    where TEntity : ContentItem
    where TInput : class, ISeed, new()
{
    private readonly Expression<Func<TEntity, string>> _naturalKey = content.NaturalKey;
    private readonly Func<TEntity, string> _keyOf = content.NaturalKey.Compile();

    public string TypeName => content.TypeName;

    /// <summary>Creates a draft from the fields in <paramref name="given"/>; the others take their defaults.</summary>
    public Task<ContentPayload<TEntity>> CreateAsync(Viewer viewer, IReadOnlyDictionary<string, object?> given, CancellationToken cancellationToken) =>
        WriteAsync(viewer, "create", id: null, version: null, async (db, _, now) =>
        {
            var input = InputJson.FromJson<TInput>(InputJson.Merge(InputJson.ToJson(new TInput()), given));
            content.FillDefaults(input);
            if (Validate(input) is { Count: > 0 } errors)
            {
                return Refused(errors);
            }

            var entity = content.Create(input);
            entity.Status = PublicationStatus.Draft;
            entity.CreatedAt = now;
            db.Add(entity);
            return await ApplyAsync(db, input, entity, previousKey: null, cancellationToken);
        }, cancellationToken);

    /// <summary>Changes only the fields named in <paramref name="patch"/>; the others keep their values.</summary>
    public Task<ContentPayload<TEntity>> UpdateAsync(
        Viewer viewer, int id, int version, IReadOnlyDictionary<string, object?> patch, CancellationToken cancellationToken) =>
        WriteAsync(viewer, "update", id, version, async (db, entity, _) =>
        {
            var input = InputJson.FromJson<TInput>(InputJson.Merge(InputJson.ToJson(content.ToInput(entity!)), patch));
            return Validate(input) is { Count: > 0 } errors
                ? Refused(errors)
                : await ApplyAsync(db, input, entity!, _keyOf(entity!), cancellationToken);
        }, cancellationToken);

    public Task<ContentPayload<TEntity>> TransitionAsync(
        Viewer viewer, int id, int version, ContentTransition transition, CancellationToken cancellationToken) =>
        WriteAsync(viewer, transition.Operation, id, version, (_, entity, now) =>
            Task.FromResult(transition.ApplyTo(entity!, now) is { } error ? Refused([error]) : Changed(entity!)),
            cancellationToken);

    /// <summary>Sets or clears the times at which the scheduler publishes and unpublishes the item.</summary>
    public Task<ContentPayload<TEntity>> ScheduleAsync(
        Viewer viewer, int id, int version, DateTime? publishAt, DateTime? unpublishAt, CancellationToken cancellationToken) =>
        WriteAsync(viewer, "schedule", id, version, (_, entity, now) =>
        {
            var errors = FieldRules.Check(publishAt is null || publishAt > now, "publishAt", "publishAt must be in the future")
                .Concat(FieldRules.Check(unpublishAt is null || unpublishAt > now, "unpublishAt", "unpublishAt must be in the future"))
                .Concat(FieldRules.Check(!(unpublishAt <= publishAt), "unpublishAt", "unpublishAt must be later than publishAt"))
                .Concat(FieldRules.Check(entity!.Status != PublicationStatus.Trashed, "id", "A trashed item cannot be scheduled; restore it first."))
                .ToList();
            if (errors.Count > 0)
            {
                return Task.FromResult(Refused(errors));
            }

            entity.PublishScheduledAt = publishAt;
            entity.UnpublishScheduledAt = unpublishAt;
            return Task.FromResult(Changed(entity));
        }, cancellationToken);

    /// <summary>Brings back the editable fields stored by a revision, as a new revision; the status stays.</summary>
    public Task<ContentPayload<TEntity>> RestoreRevisionAsync(
        Viewer viewer, int id, int version, int revision, CancellationToken cancellationToken) =>
        WriteAsync(viewer, "restoreRevision", id, version, async (db, entity, _) =>
        {
            var snapshot = await db.Revisions.AsNoTracking()
                .Where(r => r.ContentType == content.TypeName && r.ContentId == id && r.Version == revision)
                .Select(r => r.Snapshot)
                .FirstOrDefaultAsync(cancellationToken);
            if (snapshot is null)
            {
                return Refused([new FieldError("revision", EditingErrorCodes.NotFound, $"The item has no revision {revision}.")]);
            }

            var input = InputJson.Parse<TInput>(snapshot);
            return Validate(input) is { Count: > 0 } errors
                ? Refused(errors)
                : await ApplyAsync(db, input, entity!, _keyOf(entity!), cancellationToken);
        }, cancellationToken);

    /// <summary>Deletes a trashed item for good, with its revisions and old slugs (admins only).</summary>
    public Task<ContentPayload<TEntity>> PurgeAsync(Viewer viewer, int id, int version, CancellationToken cancellationToken) =>
        WriteAsync(viewer, "purge", id, version, async (db, entity, _) =>
        {
            if (entity!.Status != PublicationStatus.Trashed)
            {
                return Refused([new FieldError("id", EditingErrorCodes.InvalidState, "Only items in the trash can be purged; delete it first.")]);
            }

            await db.Revisions.Where(r => r.ContentType == content.TypeName && r.ContentId == id).ExecuteDeleteAsync(cancellationToken);
            await db.RetiredSlugs.Where(s => s.ContentType == content.TypeName && s.ContentId == id).ExecuteDeleteAsync(cancellationToken);
            db.Remove(entity);
            return new Outcome(entity, [], Purged: true);
        }, cancellationToken, adminOnly: true);

    private async Task<ContentPayload<TEntity>> WriteAsync(
        Viewer viewer,
        string operation,
        int? id,
        int? version,
        Func<ContentHubDbContext, TEntity?, DateTime, Task<Outcome>> change,
        CancellationToken cancellationToken,
        bool adminOnly = false)
    {
        var mutation = operation + content.TypeName;
        if (!viewer.IsEditor || (adminOnly && !viewer.IsAdmin))
        {
            var code = viewer.IsEditor ? ErrorCodes.Forbidden : ErrorCodes.Unauthenticated;
            await audit.RecordAsync(viewer.Name, mutation, content.TypeName, id, code);
            throw new ExecutionError(viewer.IsEditor
                ? $"Only admins may {operation} items."
                : "Editing needs an editor's API key: send 'Authorization: Bearer <key>'.") { Code = code };
        }

        var payload = await TryWriteAsync(viewer, mutation, operation, id, version, change, cancellationToken);
        if (payload.Errors.Count > 0)
        {
            // After the refused transaction has rolled back and released the database.
            await audit.RecordAsync(viewer.Name, mutation, content.TypeName, id, payload.Errors[0].Code);
        }

        return payload;
    }

    private async Task<ContentPayload<TEntity>> TryWriteAsync(
        Viewer viewer,
        string mutation,
        string operation,
        int? id,
        int? version,
        Func<ContentHubDbContext, TEntity?, DateTime, Task<Outcome>> change,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        TEntity? entity = null;
        if (id is { } key)
        {
            entity = await content.WithReferences(db).FirstOrDefaultAsync(e => e.Id == key, cancellationToken);
            if (entity is null)
            {
                return ContentPayload<TEntity>.Failure(
                    [new FieldError("id", EditingErrorCodes.NotFound, $"No {content.TypeName.ToLowerInvariant()} has id {key}.")]);
            }

            if (entity.Version != version)
            {
                return Conflict(entity.Version);
            }

            if (entity.Status == PublicationStatus.Trashed && operation is not ("restore" or "purge"))
            {
                return ContentPayload<TEntity>.Failure(
                    [new FieldError("id", EditingErrorCodes.InvalidState, "The item is in the trash; restore it first.")]);
            }
        }

        var before = entity is null ? null : Snapshot(entity);
        var outcome = await change(db, entity, now);
        if (outcome.Errors.Count > 0)
        {
            return ContentPayload<TEntity>.Failure(outcome.Errors);
        }

        var item = outcome.Item!;
        if (!outcome.Purged)
        {
            var after = Snapshot(item);
            var changed = InputJson.ChangedFields(before, after);
            if (changed.Count == 0)
            {
                return ContentPayload<TEntity>.Success(item); // nothing changed: no new version, no revision
            }

            item.Version = before is null ? 1 : item.Version + 1;
            item.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken); // a new item gets its id here
            db.Revisions.Add(new Revision
            {
                ContentType = content.TypeName,
                ContentId = item.Id,
                Version = item.Version,
                Actor = viewer.Name,
                At = now,
                Operation = operation,
                ChangedFields = changed,
                Snapshot = after.ToJsonString(),
            });
        }

        db.AuditLog.Add(AuditLog.Entry(viewer.Name, mutation, content.TypeName, item.Id, AuditLog.Succeeded, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict(currentVersion: null);
        }

        changes.Changed();
        return ContentPayload<TEntity>.Success(item);
    }

    private JsonObject Snapshot(TEntity entity) => InputJson.Snapshot(content.ToInput(entity), entity);

    private async Task<Outcome> ApplyAsync(
        ContentHubDbContext db, TInput input, TEntity entity, string? previousKey, CancellationToken cancellationToken)
    {
        var status = entity.Status;
        var errors = (await content.ApplyAsync(db, input, entity, cancellationToken)).ToList();
        entity.Status = status; // only the state mutations change it
        var key = _keyOf(entity);
        if (key != previousKey)
        {
            errors.AddRange(await CheckKeyIsFreeAsync(db, key, entity.Id, cancellationToken));
            if (errors.Count == 0 && content.HasPublicSlug && previousKey is not null && entity.PublishedAt is not null)
            {
                db.RetiredSlugs.Add(new RetiredSlug
                {
                    ContentType = content.TypeName, Slug = previousKey, ContentId = entity.Id, RetiredAt = clock.GetUtcNow().UtcDateTime,
                });
            }
        }

        return new Outcome(entity, errors, Purged: false);
    }

    private async Task<IEnumerable<FieldError>> CheckKeyIsFreeAsync(ContentHubDbContext db, string key, int id, CancellationToken cancellationToken)
    {
        var field = KeyField;
        var sameKey = Expression.Lambda<Func<TEntity, bool>>(
            Expression.Equal(_naturalKey.Body, Expression.Constant(key)), _naturalKey.Parameters);
        if (await db.Set<TEntity>().Where(sameKey).AnyAsync(e => e.Id != id, cancellationToken))
        {
            return [new FieldError(field, EditingErrorCodes.Duplicate, $"Another {content.TypeName.ToLowerInvariant()} already has the {field} '{key}'.")];
        }

        var retired = await db.RetiredSlugs.FirstOrDefaultAsync(s => s.ContentType == content.TypeName && s.Slug == key, cancellationToken);
        if (retired is null)
        {
            return [];
        }

        if (retired.ContentId != id)
        {
            return [new FieldError(field, EditingErrorCodes.Duplicate,
                $"The {field} '{key}' was used by another {content.TypeName.ToLowerInvariant()} and still redirects to it.")];
        }

        db.RetiredSlugs.Remove(retired); // the item takes its old slug back
        return [];
    }

    private static List<FieldError> Validate(TInput input) => input.Problems().ToList();

    private string KeyField => ((MemberExpression)_naturalKey.Body).Member.Name.ToLowerInvariant();

    private static ContentPayload<TEntity> Conflict(int? currentVersion) =>
        ContentPayload<TEntity>.Failure(
            [new FieldError("version", EditingErrorCodes.Conflict, currentVersion is { } current
                ? $"The item was changed meanwhile: its current version is {current}. Read it again and reapply your change."
                : "The item was changed meanwhile. Read it again and reapply your change.")],
            currentVersion);

    private static Outcome Refused(IReadOnlyList<FieldError> errors) => new(null, errors, Purged: false);

    private static Outcome Changed(TEntity entity) => new(entity, [], Purged: false);

    private sealed record Outcome(TEntity? Item, IReadOnlyList<FieldError> Errors, bool Purged);
}
