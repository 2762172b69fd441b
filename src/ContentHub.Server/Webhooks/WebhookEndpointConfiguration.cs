using ContentHub.Server.Content;
using ContentHub.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Server.Webhooks;

public sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> endpoint)
    {
        endpoint.ToTable("WebhookEndpoints");
        endpoint.Property(e => e.Url).HasMaxLength(FieldLengths.Url);
        endpoint.Property(e => e.EventTypes).HasConversion(JsonColumn.Converter<List<string>, List<string>>(), JsonColumn.Comparer<List<string>, List<string>>());
        endpoint.Property(e => e.ContentTypes).HasConversion(JsonColumn.Converter<List<string>, List<string>>(), JsonColumn.Comparer<List<string>, List<string>>());
        endpoint.Property(e => e.SealedSecret).HasMaxLength(FieldLengths.ShortText);
        endpoint.Property(e => e.SealedPreviousSecret).HasMaxLength(FieldLengths.ShortText);
    }
}
