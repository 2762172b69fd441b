using Riok.Mapperly.Abstractions;

namespace ContentHub.Server.Facts;

/// <summary>Seed file → fact.</summary>
[Mapper]
public static partial class FactMapper
{
    [MapperIgnoreSource(nameof(FactSeed.NaturalKey))]
    [MapperIgnoreTarget(nameof(Fact.Id))]
    [MapperIgnoreTarget(nameof(Fact.CreatedAt))]
    [MapperIgnoreTarget(nameof(Fact.UpdatedAt))]
    public static partial void Apply(FactSeed seed, Fact fact);

    public static Fact ToEntity(FactSeed seed)
    {
        var fact = new Fact { Key = seed.Key!, Text = seed.Text! };
        Apply(seed, fact);
        return fact;
    }
}
