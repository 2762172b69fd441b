using Riok.Mapperly.Abstractions;

namespace ContentHub.Server.Categories;

/// <summary>Seed file or mutation input ↔ category. The parent and disclaimers are references, set by the importer.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Source)]
public static partial class CategoryMapper
{
    [MapperIgnoreSource(nameof(CategorySeed.Parent))]
    [MapperIgnoreSource(nameof(CategorySeed.Disclaimers))]
    [MapperIgnoreSource(nameof(CategorySeed.NaturalKey))]
    public static partial void Apply(CategorySeed seed, Category category);

    public static Category ToEntity(CategorySeed seed)
    {
        var category = new Category { Slug = seed.Slug!, Name = seed.Name! };
        Apply(seed, category);
        return category;
    }

    /// <summary>The item's editable form, for revisions and partial updates.</summary>
    [MapperRequiredMapping(RequiredMappingStrategy.Target)]
    [MapperIgnoreTarget(nameof(CategorySeed.Parent))]
    [MapperIgnoreTarget(nameof(CategorySeed.Disclaimers))]
    public static partial CategorySeed ToSeed(Category category);
}
