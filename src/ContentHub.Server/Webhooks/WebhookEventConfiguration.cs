using ContentHub.Server.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Server.Webhooks;

public sealed class WebhookEventConfiguration : IEntityTypeConfiguration<WebhookEvent>
{
    public void Configure(EntityTypeBuilder<WebhookEvent> webhookEvent)
    {
        webhookEvent.ToTable("WebhookEvents");
        webhookEvent.Property(e => e.Type).HasMaxLength(FieldLengths.Label);
        webhookEvent.Property(e => e.Actor).HasMaxLength(FieldLengths.Title);
        webhookEvent.Property(e => e.ContentType).HasMaxLength(FieldLengths.Label);
        webhookEvent.Property(e => e.ItemKey).HasMaxLength(FieldLengths.Label);
        // Whether an item already had an event of a type (a review falling due is told once per due date).
        webhookEvent.HasIndex(e => new { e.ContentType, e.ItemId, e.Type });
        // The dispatcher looks for the events it has not fanned out yet: only those few are in the index.
        webhookEvent.HasIndex(e => e.FannedOutAt).HasFilter($"\"{nameof(WebhookEvent.FannedOutAt)}\" IS NULL");
    }
}
