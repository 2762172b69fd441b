using ContentHub.Server.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Server.Editing;

public sealed class RevisionConfiguration : IEntityTypeConfiguration<Revision>
{
    public void Configure(EntityTypeBuilder<Revision> revision)
    {
        revision.Property(r => r.ContentType).HasMaxLength(FieldLengths.Label);
        revision.Property(r => r.Actor).HasMaxLength(FieldLengths.Title);
        revision.Property(r => r.Operation).HasMaxLength(FieldLengths.Label);
        // Two writers can never both store version N of an item: the loser's transaction fails as a whole.
        revision.HasIndex(r => new { r.ContentType, r.ContentId, r.Version }).IsUnique();
    }
}
