using Riok.Mapperly.Abstractions;

namespace ContentHub.Server.People;

/// <summary>Seed file or mutation input ↔ person.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Source)]
public static partial class PersonMapper
{
    [MapperIgnoreSource(nameof(PersonSeed.NaturalKey))]
    public static partial void Apply(PersonSeed seed, Person person);

    public static Person ToEntity(PersonSeed seed)
    {
        var person = new Person { Slug = seed.Slug!, Name = seed.Name! };
        Apply(seed, person);
        return person;
    }

    /// <summary>The item's editable form, for revisions and partial updates.</summary>
    [MapperRequiredMapping(RequiredMappingStrategy.Target)]
    public static partial PersonSeed ToSeed(Person person);
}
