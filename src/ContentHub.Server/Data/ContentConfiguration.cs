using ContentHub.Server.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Server.Data;

/// <summary>Column rules every content type shares.</summary>
public static class ContentConfiguration
{
    public static void ConfigureRichText(ComplexPropertyBuilder<RichText> text, string prefix)
    {
        text.Property(t => t.Markdown).HasColumnName(prefix + "Markdown");
        text.Property(t => t.Html).HasColumnName(prefix + "Html");
        text.Property(t => t.Text).HasColumnName(prefix + "Text");
        text.Property(t => t.Excerpt).HasColumnName(prefix + "Excerpt").HasMaxLength(PlainTextSummary.ExcerptLength);
        text.Property(t => t.ReadingTimeMinutes).HasColumnName(prefix + "ReadingTimeMinutes");
        text.Property(t => t.Outline).HasColumnName(prefix + "Outline").HasConversion(JsonColumn.Converter<IReadOnlyList<Heading>, List<Heading>>(), JsonColumn.Comparer<IReadOnlyList<Heading>, List<Heading>>());
    }

    public static void ConfigureImage(ComplexPropertyBuilder<Image> image, string prefix)
    {
        image.Property(i => i.Url).HasColumnName(prefix + "Url").HasMaxLength(FieldLengths.Url);
        image.Property(i => i.Alt).HasColumnName(prefix + "Alt").HasMaxLength(FieldLengths.AltText);
        image.Property(i => i.AssetId).HasColumnName(prefix + "AssetId");
    }
}
