using Riok.Mapperly.Abstractions;

namespace ContentHub.Server.Promotions;

/// <summary>Seed file → promotional block.</summary>
[Mapper]
public static partial class PromotionMapper
{
    [MapperIgnoreSource(nameof(PromotionSeed.NaturalKey))]
    [MapperIgnoreTarget(nameof(Promotion.Id))]
    [MapperIgnoreTarget(nameof(Promotion.CreatedAt))]
    [MapperIgnoreTarget(nameof(Promotion.UpdatedAt))]
    public static partial void Apply(PromotionSeed seed, Promotion promotion);

    public static Promotion ToEntity(PromotionSeed seed)
    {
        var promotion = new Promotion { Key = seed.Key!, Heading = seed.Heading! };
        Apply(seed, promotion);
        return promotion;
    }
}
