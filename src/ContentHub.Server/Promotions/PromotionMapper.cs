using Riok.Mapperly.Abstractions;

namespace ContentHub.Server.Promotions;

/// <summary>Seed file or mutation input ↔ promotional block.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Source)]
public static partial class PromotionMapper
{
    [MapperIgnoreSource(nameof(PromotionSeed.NaturalKey))]
    public static partial void Apply(PromotionSeed seed, Promotion promotion);

    public static Promotion ToEntity(PromotionSeed seed)
    {
        var promotion = new Promotion { Key = seed.Key!, Heading = seed.Heading! };
        Apply(seed, promotion);
        return promotion;
    }

    /// <summary>The item's editable form, for revisions and partial updates.</summary>
    [MapperRequiredMapping(RequiredMappingStrategy.Target)]
    public static partial PromotionSeed ToSeed(Promotion promotion);
}
