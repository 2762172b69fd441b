using ContentHub.Server.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Server.Editing;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.Property(e => e.Actor).HasMaxLength(FieldLengths.Title);
        entry.Property(e => e.Operation).HasMaxLength(FieldLengths.Label);
        entry.Property(e => e.TargetType).HasMaxLength(FieldLengths.Label);
        entry.Property(e => e.Outcome).HasMaxLength(FieldLengths.Label);
        entry.HasIndex(e => e.At);
    }
}
