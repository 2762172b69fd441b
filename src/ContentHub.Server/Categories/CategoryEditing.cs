using System.Linq.Expressions;
using ContentHub.Server.Articles;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.Disclaimers;
using ContentHub.Server.Editing;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Categories;

/// <summary>How categories are edited: by slug, with a parent that must not make the tree a loop.</summary>
public sealed class CategoryEditing : IEditableContent<Category, CategorySeed>
{
    private const int NamedReferrers = 5;

    public string TypeName => "Category";

    public Expression<Func<Category, string>> NaturalKey => category => category.Slug;

    public bool HasPublicSlug => true;

    /// <summary>
    /// Which articles a category filter or the related articles hold (the tree; a purge leaves articles without a
    /// category), and which disclaimers articles show: those attached to their category, whatever its status.
    /// </summary>
    public IReadOnlyCollection<string> AlsoChanges { get; } = [ContentKeys.Collection(typeof(Article)), ContentKeys.Collection(typeof(Disclaimer))];

    public IQueryable<Category> WithReferences(ContentHubDbContext db) =>
        db.Categories.Include(c => c.Parent).Include(c => c.Disclaimers);

    public CategorySeed ToInput(Category entity)
    {
        var input = CategoryMapper.ToSeed(entity);
        input.Parent = entity.Parent?.Slug;
        input.Disclaimers = entity.Disclaimers.Select(d => d.Key).Order(StringComparer.Ordinal).ToList();
        return input;
    }

    public void FillDefaults(CategorySeed input)
    {
        if (string.IsNullOrEmpty(input.Slug) && input.Name is { } name)
        {
            input.Slug = FieldRules.Slugify(name);
        }
    }

    public Category Create(CategorySeed input) => CategoryMapper.ToEntity(input);

    public async Task<IReadOnlyList<FieldError>> ApplyAsync(ContentHubDbContext db, CategorySeed input, Category entity, CancellationToken cancellationToken)
    {
        CategoryMapper.Apply(input, entity);
        if (input.Parent is null)
        {
            entity.Parent = null;
        }
        else if (await db.Categories.FirstOrDefaultAsync(c => c.Slug == input.Parent && c.Status != PublicationStatus.Trashed, cancellationToken) is not { } parent)
        {
            return [new FieldError("parent", EditingErrorCodes.NotFound, $"No category has the slug '{input.Parent}'.")];
        }
        else if (entity.Id != 0 && await IsDescendantAsync(db, parent.Id, entity.Id, cancellationToken))
        {
            return [new FieldError("parent", EditingErrorCodes.Cycle, $"'{input.Parent}' is '{entity.Slug}' itself or one of its sub-categories: a category cannot be its own ancestor.")];
        }
        else
        {
            entity.Parent = parent;
        }

        return [
            .. await DisclaimerReferences.AttachAsync(db, input.Disclaimers, entity.Disclaimers, cancellationToken),
            .. await DisclaimerReferences.CheckExistAsync(db, input.RequiredDisclaimers, "requiredDisclaimers", cancellationToken),
        ];
    }

    public Task<IReadOnlyList<FieldError>> CheckDependentsAsync(ContentHubDbContext db, Category entity, PublicationStatus status, CancellationToken cancellationToken) =>
        RequiredDisclaimers.LostByChangeAsync(db, entity, cancellationToken);

    /// <summary>
    /// Sub-categories (the database refuses to orphan them) and articles (which would silently lose their category)
    /// still filed under it, in the trash or not: an editor moves or purges them first.
    /// </summary>
    public async Task<IReadOnlyList<FieldError>> CheckPurgeableAsync(ContentHubDbContext db, Category entity, CancellationToken cancellationToken)
    {
        var referring = new List<string>();
        foreach (var (kind, slugs) in new[]
        {
            ("sub-category", db.Categories.Where(c => c.ParentId == entity.Id).Select(c => c.Slug)),
            ("article", db.Articles.Where(a => a.CategoryId == entity.Id).Select(a => a.Slug)),
        })
        {
            var named = await slugs.Order().Take(NamedReferrers + 1).ToListAsync(cancellationToken);
            if (named.Count > 0)
            {
                var more = named.Count > NamedReferrers ? $" and {await slugs.CountAsync(cancellationToken) - NamedReferrers} more" : "";
                referring.Add($"the {kind}{(named.Count == 1 ? "" : "s")} {string.Join(", ", named.Take(NamedReferrers).Select(slug => $"'{slug}'"))}{more}");
            }
        }

        return referring.Count == 0 ? [] : [new FieldError("id", EditingErrorCodes.InvalidState,
            $"The category '{entity.Slug}' cannot be purged while {string.Join(" and ", referring)} still refer to it: move them to another category or purge them first.")];
    }

    /// <summary>Whether <paramref name="candidate"/> is <paramref name="ancestor"/> or below it in the tree.</summary>
    private static async Task<bool> IsDescendantAsync(ContentHubDbContext db, int candidate, int ancestor, CancellationToken cancellationToken)
    {
        var parents = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.ParentId, cancellationToken);
        for (int? current = candidate; current is { } id; current = parents.GetValueOrDefault(id))
        {
            if (id == ancestor)
            {
                return true;
            }
        }

        return false;
    }
}
