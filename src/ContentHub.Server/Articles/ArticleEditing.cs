using System.Linq.Expressions;
using System.Text.Json.Nodes;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.Disclaimers;
using ContentHub.Server.Editing;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Articles;

/// <summary>How articles are edited: by slug, with their category, disclaimers and authors as references.</summary>
public sealed class ArticleEditing : IEditableContent<Article, ArticleSeed>
{
    public string TypeName => "Article";

    public Expression<Func<Article, string>> NaturalKey => article => article.Slug;

    public bool HasPublicSlug => true;

    public IQueryable<Article> WithReferences(ContentHubDbContext db) =>
        db.Articles.Include(a => a.Category).Include(a => a.Disclaimers).Include(a => a.Authors).ThenInclude(author => author.Person).AsSingleQuery();

    public ArticleSeed ToInput(Article entity)
    {
        var input = ArticleMapper.ToSeed(entity);
        input.Category = entity.Category?.Slug;
        input.Disclaimers = entity.Disclaimers.Select(d => d.Key).Order(StringComparer.Ordinal).ToList();
        input.Authors = entity.Authors.OrderBy(a => a.Position).Select(a => a.Person!.Slug).ToList();
        return input;
    }

    public void FillDefaults(ArticleSeed input)
    {
        if (string.IsNullOrEmpty(input.Slug) && input.Title is { } title)
        {
            input.Slug = FieldRules.Slugify(title);
        }
    }

    public Article Create(ArticleSeed input) => ArticleMapper.ToEntity(input);

    public async Task<IReadOnlyList<FieldError>> ApplyAsync(ContentHubDbContext db, ArticleSeed input, Article entity, CancellationToken cancellationToken)
    {
        ArticleMapper.Apply(input, entity);
        // The key is set with the navigation: rules checked before saving (required disclaimers) read it.
        if (input.Category is null)
        {
            entity.Category = null;
            entity.CategoryId = null;
        }
        else if (await db.Categories.FirstOrDefaultAsync(c => c.Slug == input.Category && c.Status != PublicationStatus.Trashed, cancellationToken) is { } category)
        {
            entity.Category = category;
            entity.CategoryId = category.Id;
        }
        else
        {
            return [new FieldError("category", EditingErrorCodes.NotFound, $"No category has the slug '{input.Category}'.")];
        }

        if (await ArticleAuthors.AttachAsync(db, input.Authors, entity, cancellationToken) is { Count: > 0 } authorErrors)
        {
            return authorErrors;
        }

        var errors = await DisclaimerReferences.AttachAsync(db, input.Disclaimers, entity.Disclaimers, cancellationToken);
        entity.ContentHash = ReviewedContent.Hash(entity);
        return errors.Count == 0 && input.Approval is { } approval ? await approval.ApplyAsync(db, entity, cancellationToken) : errors;
    }

    public async Task<IReadOnlyList<FieldError>> CheckPublishableAsync(ContentHubDbContext db, Article entity, CancellationToken cancellationToken) =>
        [.. await RequiredDisclaimers.MissingAsync(db, entity, cancellationToken), .. await MedicalReviewGate.CheckAsync(db, entity, cancellationToken)];

    /// <summary>The review as revisions and webhook events tell it: an approval, a request, a rejection, or an approval voided by a change.</summary>
    public void AddState(Article entity, JsonObject snapshot) =>
        snapshot["review"] = new JsonObject
        {
            ["state"] = InputJson.ToNode(entity.ReviewState),
            ["reviewer"] = InputJson.ToNode(entity.Reviewer),
            ["reviewedAt"] = InputJson.ToNode(entity.ReviewedAt),
            ["nextReviewDue"] = InputJson.ToNode(entity.NextReviewDue),
            ["approvedContentHash"] = entity.ApprovedContentHash,
            ["note"] = entity.ReviewNote,
        };
}
