using System.Linq.Expressions;
using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using ContentHub.Server.Seeding;
using ContentHub.Server.Webhooks;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Editing;

/// <summary>
/// Every write to items of one content type. Each call is one transaction that either changes the item,
/// stores a revision and an audit entry, or writes nothing but the audit entry of its refusal. Callers who are
/// not editors are refused before anything is read or written, and counted instead of audited.
/// </summary>
public sealed class ContentEditor<TEntity, TInput>(
    IDbContextFactory<ContentHubDbContext> contexts,
    IEditableContent<TEntity, TInput> content,
    AuditLog audit,
    UnauthenticatedRefusals unauthenticated,
    IContentChanges changes,
    IDatabaseErrorClassifier databaseErrors,
    TimeProvider clock) : IScheduledContent
    where TEntity : ContentItem
    where TInput : class, ISeed, new()
{
    /// <summary>How many items one bulk mutation may name.</summary>
    public const int MaxBulkItems = 100;

    private readonly Expression<Func<TEntity, string>> _naturalKey = content.NaturalKey;
    private readonly Func<TEntity, string> _keyOf = content.NaturalKey.Compile();

    public string TypeName => content.TypeName;

    /// <summary>Creates a draft from the fields in <paramref name="given"/>; the others take their defaults.</summary>
    public Task<ContentPayload<TEntity>> CreateAsync(Viewer viewer, IReadOnlyDictionary<string, object?> given, CancellationToken cancellationToken) =>
        WriteAsync(viewer, "create", Permissions.Write, id: null, version: null, async (db, _, now) =>
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
        WriteAsync(viewer, "update", Permissions.Write, id, version, async (db, entity, _) =>
        {
            var input = InputJson.FromJson<TInput>(InputJson.Merge(InputJson.ToJson(content.ToInput(entity!)), patch));
            return Validate(input) is { Count: > 0 } errors
                ? Refused(errors)
                : await ApplyAsync(db, input, entity!, _keyOf(entity!), cancellationToken);
        }, cancellationToken);

    public Task<ContentPayload<TEntity>> TransitionAsync(
        Viewer viewer, int id, int version, ContentTransition transition, CancellationToken cancellationToken) =>
        WriteAsync(viewer, transition.Operation, transition.Permission, id, version, (db, entity, now) => MoveAsync(db, entity!, transition, now, cancellationToken), cancellationToken);

    /// <summary>
    /// A change of a content type's own (e.g. an article's review), by the same steps as every other: <paramref name="change"/>
    /// gets the item, loaded with its references, and says why it refuses, or changes it in memory.
    /// </summary>
    public async Task<ContentPayload<TEntity>> ChangeAsync(
        Viewer viewer, string operation, Permissions permission, int id, int version,
        Func<ContentHubDbContext, TEntity, DateTime, Task<IReadOnlyList<FieldError>>> change, CancellationToken cancellationToken, string? mutationName = null)
    {
        var (items, errors, currentVersion) = await WriteAsync(viewer, operation, permission, [new ItemVersion(id, version)], async (db, entity, now) =>
            await change(db, entity!, now) is { Count: > 0 } refused ? Refused(refused) : Changed(entity!), cancellationToken, mutationName);
        return errors.Count == 0 ? ContentPayload<TEntity>.Success(items[0]) : ContentPayload<TEntity>.Failure(errors, currentVersion);
    }

    /// <summary>Sets or clears the times at which the scheduler publishes and unpublishes the item.</summary>
    public Task<ContentPayload<TEntity>> ScheduleAsync(
        Viewer viewer, int id, int version, DateTime? publishAt, DateTime? unpublishAt, CancellationToken cancellationToken) =>
        WriteAsync(viewer, "schedule", Permissions.Publish, id, version, async (db, entity, now) =>
        {
            var errors = FieldRules.Check(publishAt is null || publishAt > now, "publishAt", "publishAt must be in the future")
                .Concat(FieldRules.Check(unpublishAt is null || unpublishAt > now, "unpublishAt", "unpublishAt must be in the future"))
                .Concat(FieldRules.Check(!(unpublishAt <= publishAt), "unpublishAt", "unpublishAt must be later than publishAt"))
                .Concat(FieldRules.Check(unpublishAt is null || publishAt is not null || entity!.Status == PublicationStatus.Published,
                    "unpublishAt", "Only a published item, or one scheduled to be published, can be scheduled to be unpublished."))
                .Concat(FieldRules.Check(entity!.Status != PublicationStatus.Trashed, "id", "A trashed item cannot be scheduled; restore it first."))
                .ToList();
            if (errors.Count == 0 && unpublishAt is not null)
            {
                // Refused now rather than at the due time, when it would be too late to say; checked again then.
                errors.AddRange((await content.CheckDependentsAsync(db, entity, PublicationStatus.Archived, cancellationToken))
                    .Select(error => error with { Field = "unpublishAt" }));
            }

            if (errors.Count > 0)
            {
                return Refused(errors);
            }

            entity.PublishScheduledAt = publishAt;
            entity.UnpublishScheduledAt = unpublishAt;
            return Changed(entity);
        }, cancellationToken);

    /// <summary>Brings back the editable fields stored by a revision, as a new revision; the status stays.</summary>
    public Task<ContentPayload<TEntity>> RestoreRevisionAsync(
        Viewer viewer, int id, int version, int revision, CancellationToken cancellationToken) =>
        WriteAsync(viewer, "restoreRevision", Permissions.Write, id, version, async (db, entity, _) =>
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

    /// <summary>Deletes a trashed item for good, with its revisions (admins only); its slugs stay on record as gone.</summary>
    public Task<ContentPayload<TEntity>> PurgeAsync(Viewer viewer, int id, int version, CancellationToken cancellationToken) =>
        WriteAsync(viewer, "purge", Permissions.Administer, id, version, async (db, entity, now) =>
        {
            if (entity!.Status != PublicationStatus.Trashed)
            {
                return Refused([new FieldError("id", EditingErrorCodes.InvalidState, "Only items in the trash can be purged; delete it first.")]);
            }

            if (await content.CheckPurgeableAsync(db, entity, cancellationToken) is { Count: > 0 } referred)
            {
                return Refused(referred);
            }

            await db.Revisions.Where(r => r.ContentType == content.TypeName && r.ContentId == id).ExecuteDeleteAsync(cancellationToken);
            if (content.HasPublicSlug && entity.PublishedAt is not null)
            {
                db.RetiredSlugs.Add(new RetiredSlug { ContentType = content.TypeName, Slug = _keyOf(entity), ContentId = id, RetiredAt = now });
            }

            db.Remove(entity);
            return new Outcome(entity, [], Purged: true);
        }, cancellationToken);

    /// <summary>Publishes several items in one transaction: all of them, or none when any is refused.</summary>
    public async Task<BulkContentPayload<TEntity>> PublishAllAsync(
        Viewer viewer, IReadOnlyList<ItemVersion> items, CancellationToken cancellationToken)
    {
        // Checked before anything else, for everyone: nothing, not even the audit trail, grows with an oversized list.
        if (items.Count is 0 or > MaxBulkItems)
        {
            return new BulkContentPayload<TEntity>([], [new FieldError("items", FieldRules.InvalidValueCode, $"Give between 1 and {MaxBulkItems} items.")]);
        }

        for (var index = 0; viewer.IsEditor && index < items.Count; index++)
        {
            var error = items[index].Id is null ? new FieldError($"items[{index}].id", EditingErrorCodes.NotFound, "No item has that id.")
                : items.Take(index).Any(earlier => earlier.Id == items[index].Id)
                    ? new FieldError($"items[{index}].id", FieldRules.InvalidValueCode, "The item is listed twice.")
                    : null;
            if (error is not null)
            {
                return new BulkContentPayload<TEntity>([], [error]);
            }
        }

        var (published, errors, _) = await WriteAsync(viewer, ContentTransition.Publish.Operation, Permissions.Publish, items,
            (db, entity, now) => MoveAsync(db, entity!, ContentTransition.Publish, now, cancellationToken),
            cancellationToken, mutationName: "publish" + GraphQLNames.Plural(content.TypeName));
        return new BulkContentPayload<TEntity>(published, errors);
    }

    /// <summary>
    /// Writes one seed item inside the caller's transaction by the steps of a mutation: fields and references applied
    /// with the stored status kept, the publication rules checked, the version bumped, a revision listing exactly the
    /// changed fields and an audit entry (<paramref name="operation"/> + type name). Nothing is written when the
    /// stored item (read without tracking) already holds the seed's fields; without one, the item is created with the
    /// seed's status.
    /// </summary>
    public async Task<StagedWrite<TEntity>> ImportAsync(
        ContentHubDbContext db, string actor, string operation, TEntity? stored, TInput seed, DateTime now, CancellationToken cancellationToken)
    {
        if (stored is not null && Holds(stored, seed))
        {
            return new StagedWrite<TEntity>(stored, [], Changed: false);
        }

        var entity = stored is null ? null : await content.WithReferences(db).FirstAsync(e => e.Id == stored.Id, cancellationToken);
        if (entity is not null && entity.Version != stored!.Version)
        {
            return new StagedWrite<TEntity>(null, [ConflictError(entity.Version)], Changed: false); // edited after the import read it
        }

        var step = await StageAsync(db, actor, operation, entity, async (db, entity, now) =>
        {
            var item = entity ?? content.Create(seed);
            if (entity is null)
            {
                item.CreatedAt = now;
                db.Add(item);
            }

            item.PublishedAt = seed.PublishedAt ?? item.PublishedAt ?? (item.Status == PublicationStatus.Published ? now : null);
            return await ApplyAsync(db, seed, item, entity is null ? null : _keyOf(entity), cancellationToken);
        }, now, checkDependents: false, cancellationToken); // the import checks its items' dependents once, on its end state

        if (step.Item is { } written)
        {
            if (step.Changed)
            {
                db.AuditLog.Add(AuditLog.Entry(actor, operation + content.TypeName, content.TypeName, written.Id, AuditLog.Succeeded, now));
            }

            db.Entry(written).State = EntityState.Detached; // keeps change detection cheap in imports of thousands of items
        }

        return step;
    }

    /// <summary>Acts on the schedules that are due: publishes, then withdraws (archives), as the scheduler.</summary>
    /// <returns>How many changes it made.</returns>
    public async Task<int> RunDueSchedulesAsync(SchedulerLeases lease, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var published = await RunDueAsync(lease, ContentTransition.Publish, DueSchedules.ToPublish<TEntity>(now), cancellationToken);
        // Read after the publications: an item published just now whose withdrawal is due too is withdrawn in this pass.
        return published + await RunDueAsync(lease, ContentTransition.Archive, DueSchedules.ToWithdraw<TEntity>(now), cancellationToken);
    }

    /// <summary>
    /// Applies <paramref name="transition"/> as the scheduler to every item <paramref name="due"/> selects, one
    /// transaction each, as long as this node holds the scheduler's lease. An item changed between the read and the
    /// write (by an editor, or by another node whose lease lapsed) is read again: moved if it is still due, left
    /// alone if not. Refused for good (e.g. a required disclaimer missing, or needed by published articles): the
    /// refusal is audited and the schedule dropped, as a revision, in one transaction, rather than tried every run.
    /// </summary>
    /// <returns>How many items it moved.</returns>
    public async Task<int> RunDueAsync(
        SchedulerLeases lease, ContentTransition transition, Expression<Func<TEntity, bool>> due, CancellationToken cancellationToken)
    {
        var done = 0;
        foreach (var item in await DueAsync(due, id: null, cancellationToken))
        {
            if (!await lease.KeepAsync(cancellationToken))
            {
                break; // another node has the lease now and finishes the pass
            }

            done += await MoveDueAsync(item, transition, due, cancellationToken) ? 1 : 0;
        }

        return done;
    }

    private async Task<bool> MoveDueAsync(
        ItemVersion item, ContentTransition transition, Expression<Func<TEntity, bool>> due, CancellationToken cancellationToken)
    {
        const int attempts = 3;
        var mutation = transition.Operation + content.TypeName;
        for (var attempt = 1; ; attempt++)
        {
            var (_, errors, _) = await TryWriteAsync(Viewer.Scheduler, mutation, transition.Operation, transition.Permission, [item],
                (db, entity, now) => MoveAsync(db, entity!, transition, now, cancellationToken), cancellationToken);
            switch (errors)
            {
                case []:
                    return true;
                case [{ Code: EditingErrorCodes.Conflict }, ..]:
                    // Not audited: nothing was refused; a conflict that persists leaves the item for the next pass.
                    if (attempt == attempts || (await DueAsync(due, item.Id, cancellationToken)).SingleOrDefault() is not { } current)
                    {
                        return false;
                    }

                    item = current;
                    break;
                case [{ Code: EditingErrorCodes.NotFound }, ..]:
                    return false; // purged meanwhile
                case [var refusal, ..]:
                    await DropScheduleAsync(item, mutation, refusal.Code, cancellationToken);
                    return false;
            }
        }
    }

    private async Task<List<ItemVersion>> DueAsync(Expression<Func<TEntity, bool>> due, int? id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var items = db.Set<TEntity>().AsNoTracking().Where(due);
        return await (id is { } key ? items.Where(e => e.Id == key) : items)
            .Select(e => new ItemVersion(e.Id, e.Version))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The refused change's audit entry and the schedule's removal, together: a pass cut short leaves neither or both.</summary>
    private Task DropScheduleAsync(ItemVersion item, string mutation, string code, CancellationToken cancellationToken) =>
        TryWriteAsync(Viewer.Scheduler, "schedule" + content.TypeName, "schedule", Permissions.Publish, [item], (db, entity, now) =>
        {
            db.AuditLog.Add(AuditLog.Entry(Viewer.Scheduler.Name, mutation, content.TypeName, entity!.Id, code, now));
            entity.PublishScheduledAt = null;
            entity.UnpublishScheduledAt = null;
            return Task.FromResult(Changed(entity));
        }, cancellationToken);

    private async Task<ContentPayload<TEntity>> WriteAsync(
        Viewer viewer,
        string operation,
        Permissions permission,
        int? id,
        int? version,
        Func<ContentHubDbContext, TEntity?, DateTime, Task<Outcome>> change,
        CancellationToken cancellationToken)
    {
        var (items, errors, currentVersion) = await WriteAsync(
            viewer, operation, permission, [new ItemVersion(id, version)], change, cancellationToken);
        return errors.Count == 0 ? ContentPayload<TEntity>.Success(items[0]) : ContentPayload<TEntity>.Failure(errors, currentVersion);
    }

    private async Task<(IReadOnlyList<TEntity> Items, IReadOnlyList<FieldError> Errors, int? CurrentVersion)> WriteAsync(
        Viewer viewer,
        string operation,
        Permissions permission,
        IReadOnlyList<ItemVersion> targets,
        Func<ContentHubDbContext, TEntity?, DateTime, Task<Outcome>> change,
        CancellationToken cancellationToken,
        string? mutationName = null)
    {
        var mutation = mutationName ?? operation + content.TypeName;
        if (!viewer.IsEditor)
        {
            unauthenticated.Record(mutation);
            throw new ExecutionError("Editing needs an editor's API key: send 'Authorization: Bearer <key>'.") { Code = ErrorCodes.Unauthenticated };
        }

        var required = content.ManagedBy ?? permission;
        if (!viewer.May(required))
        {
            await RecordRefusalAsync(viewer, mutation, targets, ErrorCodes.Forbidden);
            throw new ExecutionError($"Your role may not {operation} {GraphQLNames.Plural(content.TypeName).ToLowerInvariant()}: it needs the {required} permission (see docs/review.md for the roles).")
            {
                Code = ErrorCodes.Forbidden,
            };
        }

        var result = await TryWriteAsync(viewer, mutation, operation, permission, targets, change, cancellationToken);
        if (result.Errors.Count > 0)
        {
            // After the refused transaction has rolled back and released the database.
            await RecordRefusalAsync(viewer, mutation, targets, result.Errors[0].Code);
        }

        return result;
    }

    /// <summary>One entry per refused call, naming its item when there is one: a refused bulk call is one attempt.</summary>
    private Task RecordRefusalAsync(Viewer viewer, string mutation, IReadOnlyList<ItemVersion> targets, string code) =>
        audit.RecordAsync(viewer.Name, mutation, content.TypeName, targets is [var single] ? single.Id : null, code);

    private async Task<(IReadOnlyList<TEntity> Items, IReadOnlyList<FieldError> Errors, int? CurrentVersion)> TryWriteAsync(
        Viewer viewer,
        string mutation,
        string operation,
        Permissions permission,
        IReadOnlyList<ItemVersion> targets,
        Func<ContentHubDbContext, TEntity?, DateTime, Task<Outcome>> change,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var items = new List<TEntity>(targets.Count);
            var changed = new HashSet<string>(StringComparer.Ordinal);
            for (var index = 0; index < targets.Count; index++)
            {
                var (step, keys) = await ChangeOneAsync(db, viewer, operation, permission, targets[index], change, now, cancellationToken);
                if (step.Errors.Count > 0)
                {
                    var errors = targets.Count == 1
                        ? step.Errors
                        : step.Errors.Select(e => e with { Field = $"items[{index}].{e.Field}" }).ToList();
                    return ([], errors, step.CurrentVersion);
                }

                items.Add(step.Item!);
                changed.UnionWith(keys);
                db.AuditLog.Add(AuditLog.Entry(viewer.Name, mutation, content.TypeName, step.Item!.Id, AuditLog.Succeeded, now));
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await changes.ChangedAsync(changed, cancellationToken);
            return (items, [], null);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another writer changed an item between our read and our write (possible where the database lets both read).
            return ([], [ConflictError(currentVersion: null)], null);
        }
        catch (DbUpdateException exception) when (databaseErrors.ClassifyAny(exception) is DatabaseFailure.Duplicate)
        {
            // Another writer took the key between our check and our insert (PostgreSQL lets both check before either writes).
            return ([], [new FieldError(KeyField, EditingErrorCodes.Duplicate,
                $"Another {content.TypeName.ToLowerInvariant()} has just taken this {KeyField}; choose another.")], null);
        }
        catch (Exception exception) when (databaseErrors.ClassifyAny(exception) is DatabaseFailure.Conflict)
        {
            // A deadlock or serialization failure may end a read as well as the save: the client reads and retries.
            return ([], [ConflictError(currentVersion: null)], null);
        }
    }

    /// <summary>Checks one target, applies the change and stages its revision; nothing is committed here.</summary>
    private async Task<(ContentPayload<TEntity> Step, IReadOnlyCollection<string> Keys)> ChangeOneAsync(
        ContentHubDbContext db,
        Viewer viewer,
        string operation,
        Permissions permission,
        ItemVersion target,
        Func<ContentHubDbContext, TEntity?, DateTime, Task<Outcome>> change,
        DateTime now,
        CancellationToken cancellationToken)
    {
        TEntity? entity = null;
        if (target.Id is { } key)
        {
            entity = await content.WithReferences(db).FirstOrDefaultAsync(e => e.Id == key, cancellationToken);
            if (entity is null)
            {
                return (ContentPayload<TEntity>.Failure(
                    [new FieldError("id", EditingErrorCodes.NotFound, $"No {content.TypeName.ToLowerInvariant()} has id {key}.")]), []);
            }

            if (entity.Version != target.Version)
            {
                return (ContentPayload<TEntity>.Failure([ConflictError(entity.Version)], entity.Version), []);
            }

            if (entity.Status == PublicationStatus.Trashed && operation is not ("restore" or "purge"))
            {
                return (ContentPayload<TEntity>.Failure(
                    [new FieldError("id", EditingErrorCodes.InvalidState, "The item is in the trash; restore it first.")]), []);
            }

            // Writers keep to drafts: a change to what readers see now is a publisher's.
            if (entity.Status == PublicationStatus.Published && permission == Permissions.Write && content.ManagedBy is null && !viewer.May(Permissions.Publish))
            {
                return (ContentPayload<TEntity>.Failure([new FieldError("id", ErrorCodes.Forbidden,
                    "The item is live: only a publisher or an editor may change it. Ask one to unpublish it, or to make the change.")]), []);
            }
        }

        var step = await StageAsync(db, viewer.Name, operation, entity, change, now, checkDependents: true, cancellationToken);
        if (step.Change is { } committed)
        {
            ContentOutbox.Add(db, committed, now); // in this transaction: an event exists exactly when its change is committed
        }

        return (step.Errors.Count > 0 ? ContentPayload<TEntity>.Failure(step.Errors) : ContentPayload<TEntity>.Success(step.Item!), step.Keys ?? []);
    }

    /// <summary>
    /// Applies the change to <paramref name="entity"/> (null: the change creates the item) and, when any field changed,
    /// checks what depends on the item (unless <paramref name="checkDependents"/> is off), bumps the version and stages
    /// a revision listing exactly the changed fields.
    /// </summary>
    private async Task<StagedWrite<TEntity>> StageAsync(
        ContentHubDbContext db,
        string actor,
        string operation,
        TEntity? entity,
        Func<ContentHubDbContext, TEntity?, DateTime, Task<Outcome>> change,
        DateTime now,
        bool checkDependents,
        CancellationToken cancellationToken)
    {
        var before = entity is null ? null : Snapshot(entity);
        var (statusBefore, keyBefore) = (entity?.Status, entity is null ? null : _keyOf(entity));
        var origin = entity is null ? null : ChangeOrigin.Of(entity, content.TypeName, keyBefore!, content.HasPublicSlug);
        var outcome = await change(db, entity, now);
        if (outcome.Errors.Count > 0)
        {
            return new StagedWrite<TEntity>(null, outcome.Errors, Changed: false);
        }

        var item = outcome.Item!;
        if (outcome.Purged)
        {
            var purgedKeys = KeysChangedBy(item, statusBefore, keyBefore);
            return new StagedWrite<TEntity>(item, [], Changed: true, purgedKeys, ChangeOf(actor, operation, item, [], purgedKeys, origin));
        }

        var after = Snapshot(item);
        var changed = InputJson.ChangedFields(before, after);
        if (changed.Count == 0)
        {
            return new StagedWrite<TEntity>(item, [], Changed: false); // nothing changed: no new version, no revision
        }

        if (checkDependents && before is not null && await content.CheckDependentsAsync(db, item, item.Status, cancellationToken) is { Count: > 0 } broken)
        {
            return new StagedWrite<TEntity>(null, broken, Changed: false);
        }

        item.Version = before is null ? 1 : item.Version + 1;
        item.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken); // a new item gets its id here
        db.Revisions.Add(new Revision
        {
            ContentType = content.TypeName,
            ContentId = item.Id,
            Version = item.Version,
            Actor = actor,
            At = now,
            Operation = operation,
            ChangedFields = changed,
            Snapshot = after.ToJsonString(),
        });
        var keys = KeysChangedBy(item, statusBefore, keyBefore);
        return new StagedWrite<TEntity>(item, [], Changed: true, keys, ChangeOf(actor, operation, item, changed, keys, origin));
    }

    private ContentChange ChangeOf(
        string actor, string operation, TEntity item, IReadOnlyList<string> changed, IReadOnlyCollection<string> keys, ChangeOrigin? origin) =>
        new(actor, operation, content.TypeName, content.HasPublicSlug, item, _keyOf(item), changed, keys, origin);

    /// <summary>
    /// The keys a committed change to <paramref name="item"/> changes: the item's; its collection when it is or was
    /// published (anonymous answers show nothing else, so a draft's edits change no list); its type's slugs when it
    /// got a slug or changed it; and what its type says its items reach (<see cref="IEditableContent{TEntity, TInput}.AlsoChanges"/>).
    /// </summary>
    private List<string> KeysChangedBy(TEntity item, PublicationStatus? statusBefore, string? keyBefore)
    {
        List<string> keys = [ContentKeys.Item(item), .. content.AlsoChanges];
        if (statusBefore == PublicationStatus.Published || item.Status == PublicationStatus.Published)
        {
            keys.Add(ContentKeys.Collection(typeof(TEntity)));
        }

        if (keyBefore != _keyOf(item))
        {
            keys.Add(ContentKeys.Slugs(content.TypeName));
        }

        return keys;
    }

    /// <summary>Applies a status change; an item about to go live must also pass its content type's check.</summary>
    private async Task<Outcome> MoveAsync(ContentHubDbContext db, TEntity entity, ContentTransition transition, DateTime now, CancellationToken cancellationToken)
    {
        if (transition.ApplyTo(entity, now) is { } error)
        {
            return Refused([error]);
        }

        return transition.To == PublicationStatus.Published && await content.CheckPublishableAsync(db, entity, cancellationToken) is { Count: > 0 } errors
            ? Refused(errors)
            : Changed(entity);
    }

    /// <summary>Whether the stored item already has the seed's fields; its status is the editors' and never compared.</summary>
    private bool Holds(TEntity stored, TInput seed)
    {
        var current = InputJson.ToJson(content.ToInput(stored));
        var given = InputJson.ToJson(seed);
        foreach (var state in (string[])["status", "publishedAt"])
        {
            current.Remove(state);
            given.Remove(state);
        }

        return JsonNode.DeepEquals(current, given) && (seed.PublishedAt is null || seed.PublishedAt == stored.PublishedAt);
    }

    private JsonObject Snapshot(TEntity entity)
    {
        var snapshot = InputJson.Snapshot(content.ToInput(entity), entity);
        content.AddState(entity, snapshot);
        return snapshot;
    }

    private async Task<Outcome> ApplyAsync(
        ContentHubDbContext db, TInput input, TEntity entity, string? previousKey, CancellationToken cancellationToken)
    {
        var status = entity.Status;
        var errors = (await content.ApplyAsync(db, input, entity, cancellationToken)).ToList();
        entity.Status = status; // only the state mutations change it
        if (errors.Count == 0 && status == PublicationStatus.Published)
        {
            errors.AddRange(await content.CheckPublishableAsync(db, entity, cancellationToken)); // what may not go live may not stay live
        }

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
        if (await db.Set<TEntity>().Where(NaturalKey.Is(_naturalKey, key)).AnyAsync(e => e.Id != id, cancellationToken))
        {
            return [new FieldError(field, EditingErrorCodes.Duplicate, $"Another {content.TypeName.ToLowerInvariant()} already has the {field} '{key}'.")];
        }

        var retired = await db.RetiredSlugs.FirstOrDefaultAsync(s => s.ContentType == content.TypeName && s.Slug == key, cancellationToken);
        if (retired is null)
        {
            return [];
        }

        if (retired.ContentId != id && await db.Set<TEntity>().AnyAsync(e => e.Id == retired.ContentId, cancellationToken))
        {
            return [new FieldError(field, EditingErrorCodes.Duplicate,
                $"The {field} '{key}' was used by another {content.TypeName.ToLowerInvariant()} and still redirects to it.")];
        }

        db.RetiredSlugs.Remove(retired); // the item takes its old slug back, or a new item the slug of a purged one
        return [];
    }

    private static List<FieldError> Validate(TInput input) => input.Problems().Concat(TextCharacters.Problems(input)).ToList();

    private string KeyField => ((MemberExpression)_naturalKey.Body).Member.Name.ToLowerInvariant();

    private static FieldError ConflictError(int? currentVersion) =>
        new("version", EditingErrorCodes.Conflict, currentVersion is { } current
            ? $"The item was changed meanwhile: its current version is {current}. Read it again and reapply your change."
            : "The item was changed meanwhile. Read it again and reapply your change.");

    private static Outcome Refused(IReadOnlyList<FieldError> errors) => new(null, errors, Purged: false);

    private static Outcome Changed(TEntity entity) => new(entity, [], Purged: false);

    private sealed record Outcome(TEntity? Item, IReadOnlyList<FieldError> Errors, bool Purged);
}
