using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.Editing;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Articles;

/// <summary>Sets an article's byline from the people's slugs an input lists, in that order.</summary>
public static class ArticleAuthors
{
    public const int MaxAuthors = 20;

    public static async Task<IReadOnlyList<FieldError>> AttachAsync(
        ContentHubDbContext db, List<string> slugs, Article article, CancellationToken cancellationToken)
    {
        if (slugs.Count > MaxAuthors)
        {
            return [new FieldError("authors", FieldRules.InvalidValueCode, $"an article may credit at most {MaxAuthors} authors")];
        }

        var people = await db.People.Where(p => slugs.Contains(p.Slug) && p.Status != PublicationStatus.Trashed)
            .ToDictionaryAsync(p => p.Slug, StringComparer.Ordinal, cancellationToken);
        var errors = slugs.Select((slug, index) => !people.ContainsKey(slug)
                ? new FieldError($"authors[{index}]", EditingErrorCodes.NotFound, $"No person has the slug '{slug}'.")
                : slugs.IndexOf(slug) != index ? new FieldError($"authors[{index}]", FieldRules.InvalidValueCode, $"'{slug}' is listed twice.") : null)
            .OfType<FieldError>().ToList();
        if (errors.Count > 0)
        {
            return errors;
        }

        var ids = slugs.Select(slug => people[slug].Id).ToList();
        article.Authors.RemoveAll(author => !ids.Contains(author.PersonId));
        for (var position = 0; position < ids.Count; position++)
        {
            var author = article.Authors.FirstOrDefault(a => a.PersonId == ids[position]);
            if (author is null)
            {
                article.Authors.Add(new ArticleAuthor { PersonId = ids[position], Person = people[slugs[position]], Position = position });
            }
            else
            {
                author.Position = position;
            }
        }

        return [];
    }
}
