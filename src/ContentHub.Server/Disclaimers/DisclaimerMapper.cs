using ContentHub.Server.Content;
using Riok.Mapperly.Abstractions;

namespace ContentHub.Server.Disclaimers;

/// <summary>Seed file or mutation input ↔ disclaimer, rendering its Markdown body.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Source)]
[UseStaticMapper(typeof(RichTextMapping))]
public static partial class DisclaimerMapper
{
    [MapperIgnoreSource(nameof(DisclaimerSeed.NaturalKey))]
    public static partial void Apply(DisclaimerSeed seed, Disclaimer disclaimer);

    public static Disclaimer ToEntity(DisclaimerSeed seed)
    {
        var disclaimer = new Disclaimer { Key = seed.Key!, Title = seed.Title!, Body = RichTextMapping.FromMarkdown(seed.Body!) };
        Apply(seed, disclaimer);
        return disclaimer;
    }

    /// <summary>The item's editable form, for revisions and partial updates.</summary>
    [MapperRequiredMapping(RequiredMappingStrategy.Target)]
    public static partial DisclaimerSeed ToSeed(Disclaimer disclaimer);
}
