using ContentHub.Server.Content;
using Riok.Mapperly.Abstractions;

namespace ContentHub.Server.Disclaimers;

/// <summary>Seed file → disclaimer, rendering its Markdown body.</summary>
[Mapper]
[UseStaticMapper(typeof(RichTextMapping))]
public static partial class DisclaimerMapper
{
    [MapperIgnoreSource(nameof(DisclaimerSeed.NaturalKey))]
    [MapperIgnoreTarget(nameof(Disclaimer.Id))]
    [MapperIgnoreTarget(nameof(Disclaimer.CreatedAt))]
    [MapperIgnoreTarget(nameof(Disclaimer.UpdatedAt))]
    public static partial void Apply(DisclaimerSeed seed, Disclaimer disclaimer);

    public static Disclaimer ToEntity(DisclaimerSeed seed)
    {
        var disclaimer = new Disclaimer { Key = seed.Key!, Title = seed.Title!, Body = RichTextMapping.FromMarkdown(seed.Body!) };
        Apply(seed, disclaimer);
        return disclaimer;
    }
}
