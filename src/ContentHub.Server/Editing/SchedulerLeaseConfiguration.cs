using ContentHub.Server.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Server.Editing;

public sealed class SchedulerLeaseConfiguration : IEntityTypeConfiguration<SchedulerLease>
{
    public void Configure(EntityTypeBuilder<SchedulerLease> lease)
    {
        lease.ToTable("SchedulerLeases");
        lease.HasKey(l => l.Name);
        lease.Property(l => l.Name).HasMaxLength(FieldLengths.Label);
        lease.Property(l => l.Owner).HasMaxLength(FieldLengths.Title);
    }
}
