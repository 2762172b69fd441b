using ContentHub.Server.Content;
using ContentHub.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Server.Webhooks;

public sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> delivery)
    {
        delivery.ToTable("WebhookDeliveries");
        delivery.Property(d => d.State).HasConversion<string>().HasMaxLength(FieldLengths.Label);
        delivery.Property(d => d.ItemKey).HasMaxLength(FieldLengths.Label);
        delivery.Property(d => d.ResponseExcerpt).HasMaxLength(FieldLengths.LongText);
        delivery.Property(d => d.Error).HasMaxLength(FieldLengths.ShortText);
        delivery.Property(d => d.AttemptTimes).HasConversion(JsonColumn.Converter<List<DateTime>, List<DateTime>>(), JsonColumn.Comparer<List<DateTime>, List<DateTime>>());
        delivery.HasOne(d => d.Endpoint).WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        delivery.HasOne(d => d.Event).WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Cascade);
        // What is due, per endpoint; and, per endpoint and item, whether an earlier delivery is still open.
        delivery.HasIndex(d => new { d.EndpointId, d.State, d.NextAttemptAt });
        delivery.HasIndex(d => new { d.EndpointId, d.ItemKey, d.EventId });
    }
}
