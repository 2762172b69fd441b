using System.Collections.Concurrent;
using System.Diagnostics;
using ContentHub.Server.Articles;
using ContentHub.Server.Articles.Search;
using ContentHub.Server.Categories;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Seeding;

/// <summary>Progress of a synthetic import: articles handled (created or already there) out of all asked for.</summary>
public readonly record struct SyntheticProgress(int Done, int Total, TimeSpan Elapsed);

/// <summary>What a synthetic import did, and how fast.</summary>
public sealed record SyntheticReport(int Created, int Skipped, int CategoriesCreated, TimeSpan Elapsed)
{
    public double ArticlesPerSecond => Created / Math.Max(Elapsed.TotalSeconds, 0.001);
}

/// <summary>
/// Generates realistic articles for load and performance work: <c>synthetic-0000001</c> … with titles, summaries,
/// Markdown bodies (rendered by the same <see cref="MarkdownRenderer"/> as seed files), tags, about 10% drafts and 2%
/// archived, publication dates spread over 2015–2026, across the existing categories plus a few synthetic
/// sub-categories. Article <c>i</c> depends only on <c>i</c> and a fixed seed, so every database gets the same
/// content, and articles already there are skipped. Batches of <see cref="BatchSize"/> are written in one
/// transaction each by <see cref="BulkInsert"/> (one prepared INSERT, no change tracking) and added to the search index
/// in one statement per batch (<see cref="IArticleSearchIndex.BulkInsertAsync"/>); the next batch is
/// generated while the previous one is written.
/// </summary>
public sealed class SyntheticContent(
    IDbContextFactory<ContentHubDbContext> contexts, IArticleSearchIndex search, IContentChanges changes, TimeProvider clock)
{
    public const int BatchSize = 5_000;
    public const string SlugPrefix = "synthetic-";
    public const int MaxCount = 9_999_999;
    private const int Seed = 20_261_125;

    /// <summary>
    /// Bodies are drawn from this many generated variants, each rendered once per run: rendering and sanitising
    /// (a few milliseconds a body) would otherwise cap the import far below the rate the database can write.
    /// </summary>
    public const int BodyVariants = 1_000;

    private static readonly ConcurrentDictionary<int, BodyVariant> s_bodies = new();

    private static readonly DateTime s_firstPublication = new(2015, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime s_lastPublication = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly (string Slug, string Name, string Parent)[] s_subCategories =
    [
        ("synthetic-recovery-stories", "Recovery Stories", "spine-surgery"),
        ("synthetic-physical-therapy", "Physical Therapy", "non-surgical-care"),
        ("synthetic-sciatica", "Sciatica", "conditions"),
        ("synthetic-posture", "Posture at Work", "wellness"),
        ("synthetic-sleep", "Sleep and Your Spine", "wellness"),
    ];

    private static readonly string[] s_tags =
    [
        "back-pain", "neck-pain", "sciatica", "herniated-disc", "spinal-stenosis", "scoliosis", "spine-surgery",
        "revision-surgery", "spinal-fusion", "physical-therapy", "exercise", "yoga", "posture", "sleep", "nutrition",
        "recovery", "pain-management", "injections", "chiropractic", "ergonomics", "arthritis", "osteoporosis",
        "minimally-invasive", "insurance", "second-opinion", "mental-health", "walking", "stretching",
    ];

    private static readonly string[] s_openers =
    [
        "What to Know About", "A Patient's Guide to", "Five Myths About", "Living With", "The Truth About",
        "Questions to Ask About", "Recovering From", "Understanding", "New Research on", "Everyday Tips for",
    ];

    private static readonly string[] s_topics =
    [
        "Lower Back Pain", "Neck Pain", "Sciatica", "a Herniated Disc", "Spinal Stenosis", "Scoliosis", "Spinal Fusion",
        "Revision Surgery", "Physical Therapy", "Epidural Injections", "Posture", "Sleep Positions", "Desk Work",
        "Degenerative Disc Disease", "Spinal Hardware", "Chronic Pain", "Minimally Invasive Surgery", "Osteoporosis",
    ];

    private static readonly string[] s_sentences =
    [
        "Most people experience back pain at some point in their lives, and most of them recover without surgery.",
        "Talk to your doctor before starting any new exercise program, especially after a procedure.",
        "Gentle movement such as walking often helps more than bed rest.",
        "Imaging results do not always match how much pain a person feels.",
        "A second opinion can clarify whether surgery is the right option for you.",
        "Physical therapists design exercises that strengthen the muscles supporting the spine.",
        "Recovery times vary widely with age, general health and the type of procedure.",
        "Keeping a simple pain diary helps you and your care team notice patterns.",
        "Good sleep supports healing, and the right pillow can make a difference.",
        "Ask how many of these procedures the surgeon performs each year.",
        "Heat and ice can both ease symptoms; which works better depends on the person.",
        "Smoking slows bone healing and raises the risk of complications after fusion.",
        "Your employer may be able to adjust your workstation to reduce strain.",
        "Insurance coverage for spine care differs from plan to plan, so check before you book.",
        "Numbness, weakness or loss of bladder control need urgent medical attention.",
        "Staying active within comfortable limits is usually the best medicine.",
    ];

    private static readonly string[] s_headings =
    [
        "Why It Happens", "What You Can Do Today", "When to See a Specialist", "Treatment Options", "What Recovery Looks Like",
        "Questions for Your Doctor", "The Bottom Line",
    ];

    private static readonly string[] s_bullets =
    [
        "Walk for ten minutes after every meal", "Keep your screen at eye level", "Bend your knees when lifting",
        "Stretch your hamstrings daily", "Ask about non-surgical options first", "Bring your imaging to every appointment",
        "Follow your physical therapy plan", "Take breaks from sitting every 30 minutes",
    ];

    public static string SlugOf(int index) => $"{SlugPrefix}{index:D7}";

    public async Task<SyntheticReport> GenerateAsync(int count, IProgress<SyntheticProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        var watch = Stopwatch.StartNew();
        var now = clock.GetUtcNow().UtcDateTime;
        var (categoryIds, categoriesCreated) = await PrepareCategoriesAsync(now, cancellationToken);

        var created = 0;
        var skipped = 0;
        Task<int>? writing = null;
        for (var start = 1; start <= count; start += BatchSize)
        {
            var end = Math.Min(count, start + BatchSize - 1);
            var existing = await ExistingSlugsAsync(start, end, cancellationToken);
            var batch = Generate(start, end, existing, categoryIds, now);
            skipped += end - start + 1 - batch.Count;

            // Generating (Markdown rendering) is CPU work; overlap it with the database writing the previous batch.
            if (writing is not null)
            {
                created += await writing;
                progress?.Report(new SyntheticProgress(start - 1, count, watch.Elapsed));
            }

            // On a thread of its own: SQLite's provider does its I/O synchronously, even behind an async call.
            writing = Task.Run(() => WriteAsync(batch, cancellationToken), cancellationToken);
        }

        if (writing is not null)
        {
            created += await writing;
        }

        progress?.Report(new SyntheticProgress(count, count, watch.Elapsed));
        return new SyntheticReport(created, skipped, categoriesCreated, watch.Elapsed);
    }

    /// <summary>
    /// Adds the synthetic sub-categories that are missing, then lists the category ids, ordered by slug so the choice is
    /// the same in every database: those requiring no disclaimer an article would have to carry itself, since synthetic
    /// articles carry none.
    /// </summary>
    private async Task<(int[] Ids, int Created)> PrepareCategoriesAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var bySlug = await db.Categories.ToDictionaryAsync(c => c.Slug, cancellationToken);
        var created = 0;
        for (var i = 0; i < s_subCategories.Length; i++)
        {
            var (slug, name, parent) = s_subCategories[i];
            if (bySlug.ContainsKey(slug))
            {
                continue;
            }

            var category = new Category
            {
                Slug = slug,
                Name = name,
                Description = $"Synthetic articles about {name.ToLowerInvariant()}.",
                Parent = bySlug.GetValueOrDefault(parent),
                SortOrder = 100 + i,
                Status = PublicationStatus.Published,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Categories.Add(category);
            bySlug[slug] = category;
            created++;
        }

        await db.SaveChangesAsync(cancellationToken);
        await changes.ChangedAsync(ContentKeys.All, cancellationToken);
        var rules = await DisclaimerRules.ReadAsync(db, cancellationToken);
        return (bySlug.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value.Id).Where(id => rules.GapsOf(id).Count == 0).ToArray(), created);
    }

    private async Task<HashSet<string>> ExistingSlugsAsync(int start, int end, CancellationToken cancellationToken)
    {
        // A range over the unique slug index: the slugs are zero-padded, so text order is number order.
        var first = SlugOf(start);
        var last = SlugOf(end);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var slugs = await db.Articles
            .Where(a => string.Compare(a.Slug, first) >= 0 && string.Compare(a.Slug, last) <= 0)
            .Select(a => a.Slug)
            .ToListAsync(cancellationToken);
        return slugs.ToHashSet(StringComparer.Ordinal);
    }

    private static List<Article> Generate(int start, int end, HashSet<string> existing, int[] categoryIds, DateTime now)
    {
        var articles = new Article?[end - start + 1];
        Parallel.For(start, end + 1, index =>
        {
            if (!existing.Contains(SlugOf(index)))
            {
                articles[index - start] = Create(index, categoryIds, now);
            }
        });
        return articles.OfType<Article>().ToList();
    }

    /// <summary>Article number <paramref name="index"/>: a function of the index and the fixed seed only.</summary>
    public static Article Create(int index, IReadOnlyList<int> categoryIds, DateTime now)
    {
        var random = new Random(unchecked(Seed + (index * 7_919)));
        var variant = s_bodies.GetOrAdd(random.Next(BodyVariants), RenderVariant);
        var topic = variant.Topic;
        var title = $"{Pick(random, s_openers)} {topic}";
        var roll = random.NextDouble();
        var status = roll < 0.10 ? PublicationStatus.Draft : roll < 0.12 ? PublicationStatus.Archived : PublicationStatus.Published;
        var span = (s_lastPublication - s_firstPublication).Ticks;
        var published = s_firstPublication.AddTicks((long)(random.NextDouble() * span) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond);
        var created = published.AddHours(-random.Next(1, 24 * 14));
        var tags = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(random, s_tags)).Distinct().ToList();
        int? categoryId = random.Next(20) == 0 || categoryIds.Count == 0 ? null : categoryIds[random.Next(categoryIds.Count)];

        return new Article
        {
            Slug = SlugOf(index),
            Title = $"{title} ({index})",
            Summary = $"{Pick(random, s_sentences)} Part {index} of our series on {topic.ToLowerInvariant()}.",
            Body = variant.Body,
            CategoryId = categoryId,
            Tags = tags,
            Status = status,
            PublishedAt = status == PublicationStatus.Draft ? null : published,
            CreatedAt = status == PublicationStatus.Draft ? now.AddDays(-random.Next(1, 365)) : created,
            UpdatedAt = status == PublicationStatus.Draft ? now : created,
            HeroImage = new Image { Alt = $"Illustration for {topic.ToLowerInvariant()}" },
        };
    }

    /// <summary>Body variant <paramref name="number"/>: its topic and Markdown, rendered by the import renderer.</summary>
    private static BodyVariant RenderVariant(int number)
    {
        var random = new Random(unchecked(Seed - (number * 104_729)));
        var topic = Pick(random, s_topics);
        var markdown = Body(random, topic);
        return new BodyVariant(topic, MarkdownRenderer.Render(markdown));
    }

    private sealed record BodyVariant(string Topic, RichText Body);

    private static string Body(Random random, string topic)
    {
        var text = new System.Text.StringBuilder();
        var paragraphs = random.Next(3, 7);
        for (var p = 0; p < paragraphs; p++)
        {
            if (p > 0 && random.Next(3) == 0)
            {
                text.Append("## ").Append(Pick(random, s_headings)).Append("\n\n");
            }

            if (p == 0)
            {
                text.Append("This article is about **").Append(topic.ToLowerInvariant()).Append("**. ");
            }

            var sentences = random.Next(3, 6);
            for (var s = 0; s < sentences; s++)
            {
                text.Append(Pick(random, s_sentences)).Append(' ');
            }

            text.Append("\n\n");
            if (random.Next(4) == 0)
            {
                for (var b = random.Next(3, 6); b > 0; b--)
                {
                    text.Append("- ").Append(Pick(random, s_bullets)).Append('\n');
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private async Task<int> WriteAsync(List<Article> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // In WAL mode NORMAL cannot corrupt the database; a power cut may lose the last batches, which a rerun adds.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = NORMAL;", cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await search.BulkInsertAsync(db, batch, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await changes.ChangedAsync(ContentKeys.All, cancellationToken);
        return batch.Count;
    }
}
