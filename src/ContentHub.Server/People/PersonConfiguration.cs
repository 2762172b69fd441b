using ContentHub.Server.Content;
using ContentHub.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Server.People;

public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> person)
    {
        person.Property(p => p.Slug).HasMaxLength(FieldLengths.Slug);
        person.HasIndex(p => p.Slug).IsUnique();
        person.Property(p => p.Name).HasMaxLength(FieldLengths.Title);
        person.Property(p => p.Credentials).HasMaxLength(FieldLengths.ShortText);
        person.Property(p => p.Specialty).HasMaxLength(FieldLengths.Title);
        person.Property(p => p.LicenceNumber).HasMaxLength(FieldLengths.Label);
        person.Property(p => p.Profile).HasMaxLength(FieldLengths.LongText);
        person.ComplexProperty(p => p.Photo, image => ContentConfiguration.ConfigureImage(image, "Photo"));
        // The people list: published first by name.
        person.HasIndex(p => new { p.Status, p.Name });
    }
}
