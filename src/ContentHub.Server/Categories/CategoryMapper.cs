using Riok.Mapperly.Abstractions;

namespace ContentHub.Server.Categories;

/// <summary>Seed file → category. The parent and disclaimers are references, set by the importer.</summary>
[Mapper]
public static partial class CategoryMapper
{
    [MapperIgnoreSource(nameof(CategorySeed.Parent))]
    [MapperIgnoreSource(nameof(CategorySeed.Disclaimers))]
    [MapperIgnoreSource(nameof(CategorySeed.NaturalKey))]
    [MapperIgnoreTarget(nameof(Category.Id))]
    [MapperIgnoreTarget(nameof(Category.ParentId))]
    [MapperIgnoreTarget(nameof(Category.Parent))]
    [MapperIgnoreTarget(nameof(Category.Disclaimers))]
    [MapperIgnoreTarget(nameof(Category.CreatedAt))]
    [MapperIgnoreTarget(nameof(Category.UpdatedAt))]
    public static partial void Apply(CategorySeed seed, Category category);

    public static Category ToEntity(CategorySeed seed)
    {
        var category = new Category { Slug = seed.Slug!, Name = seed.Name! };
        Apply(seed, category);
        return category;
    }
}
