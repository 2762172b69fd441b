using ContentHub.Server.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Server.Facts;

public sealed class FactConfiguration : IEntityTypeConfiguration<Fact>
{
    public void Configure(EntityTypeBuilder<Fact> fact)
    {
        fact.Property(f => f.Key).HasMaxLength(FieldLengths.Key);
        fact.HasIndex(f => f.Key).IsUnique();
        fact.Property(f => f.Text).HasMaxLength(FieldLengths.ShortText);
        fact.Property(f => f.Source).HasMaxLength(FieldLengths.ShortText);
        fact.ComplexProperty(f => f.Statistic, statistic =>
        {
            statistic.Property(s => s.Value).HasColumnName("StatisticValue").HasPrecision(20, 4).UsePropertyAccessMode(PropertyAccessMode.Property);
            statistic.Property(s => s.Unit).HasColumnName("StatisticUnit").HasMaxLength(FieldLengths.Label);
        });
        fact.HasIndex(f => f.Status);
    }
}
