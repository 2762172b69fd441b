using System.Linq.Expressions;
using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.Editing;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.People;

/// <summary>How people are edited: by slug, by admins only (a person is who keys and approvals stand for).</summary>
public sealed class PersonEditing : IEditableContent<Person, PersonSeed>
{
    public string TypeName => "Person";

    public Expression<Func<Person, string>> NaturalKey => person => person.Slug;

    public bool HasPublicSlug => false;

    public Permissions? ManagedBy => Permissions.Administer;

    public IQueryable<Person> WithReferences(ContentHubDbContext db) => db.People;

    public PersonSeed ToInput(Person entity) => PersonMapper.ToSeed(entity);

    public void FillDefaults(PersonSeed input)
    {
        if (string.IsNullOrEmpty(input.Slug) && input.Name is { } name)
        {
            input.Slug = FieldRules.Slugify(name);
        }
    }

    public Person Create(PersonSeed input) => PersonMapper.ToEntity(input);

    public async Task<IReadOnlyList<FieldError>> CheckPurgeableAsync(ContentHubDbContext db, Person entity, CancellationToken cancellationToken)
    {
        var authored = await db.ArticleAuthors.Where(a => a.PersonId == entity.Id)
            .Join(db.Articles, a => a.ArticleId, article => article.Id, (_, article) => article.Slug)
            .Order().Take(10).ToListAsync(cancellationToken);
        // An article keeps the id of the person who approved it (no foreign key: SQLite would rebuild the articles table).
        var approved = await db.Articles.Where(a => a.ReviewerId == entity.Id).Select(a => a.Slug).Order().Take(10).ToListAsync(cancellationToken);
        return (authored.Count, approved.Count) switch
        {
            (> 0, _) => [new FieldError("id", EditingErrorCodes.InvalidState,
                $"They are still an author of {string.Join(", ", authored.Select(slug => $"'{slug}'"))}: take them off those bylines first.")],
            (_, > 0) => [new FieldError("id", EditingErrorCodes.InvalidState,
                $"They are the reviewer of record of {string.Join(", ", approved.Select(slug => $"'{slug}'"))}: keep them (unpublished) for the record.")],
            _ => [],
        };
    }

    public Task<IReadOnlyList<FieldError>> ApplyAsync(ContentHubDbContext db, PersonSeed input, Person entity, CancellationToken cancellationToken)
    {
        PersonMapper.Apply(input, entity);
        return Task.FromResult<IReadOnlyList<FieldError>>([]);
    }
}
