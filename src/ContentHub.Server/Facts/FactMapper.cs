using Riok.Mapperly.Abstractions;

namespace ContentHub.Server.Facts;

/// <summary>Seed file or mutation input ↔ fact.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Source)]
public static partial class FactMapper
{
    [MapperIgnoreSource(nameof(FactSeed.NaturalKey))]
    public static partial void Apply(FactSeed seed, Fact fact);

    public static Fact ToEntity(FactSeed seed)
    {
        var fact = new Fact { Key = seed.Key!, Text = seed.Text! };
        Apply(seed, fact);
        return fact;
    }

    /// <summary>The item's editable form, for revisions and partial updates.</summary>
    [MapperRequiredMapping(RequiredMappingStrategy.Target)]
    public static partial FactSeed ToSeed(Fact fact);
}
