using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Tests.Data;

/// <summary>
/// A query compiled once per shape answers every later request of that shape with that request's values, never the
/// first one's, and a subquery on the context the request runs on; a query that would freeze a captured value into the
/// shape is refused; past its capacity a new shape runs as an ordinary query.
/// </summary>
public sealed class CompiledQueriesTests(ContentHubFactory factory) : IClassFixture<ContentHubFactory>
{
    [Fact]
    public async Task Should_answer_each_request_of_one_shape_with_its_own_values()
    {
        var queries = new CompiledQueries<string, SlugValues, string>(capacity: 4);
        var slugs = await PublishedSlugsAsync(3);

        foreach (var slug in slugs)
        {
            await using var db = factory.CreateDbContext();
            var found = await queries.Run(db, "by slug", new SlugValues { Slug = slug }, BySlug).ToListAsync();

            Assert.Equal([slug], found);
        }

        Assert.Equal(1, queries.Count);
    }

    [Fact]
    public async Task Should_run_a_subquery_on_each_requests_own_context_with_its_own_values()
    {
        var queries = new CompiledQueries<string, SlugValues, string>(capacity: 4);
        await PublishedSlugsAsync(1);
        List<string> slugs;
        await using (var db = factory.CreateDbContext())
        {
            // A category with sub-categories and two more, which may have none.
            var parent = await db.Categories.Where(c => db.Categories.Any(child => child.ParentId == c.Id)).Select(c => c.Slug).FirstAsync();
            slugs = [parent, .. await db.Categories.Where(c => c.Slug != parent).OrderBy(c => c.Slug).Select(c => c.Slug).Take(2).ToListAsync()];
        }

        foreach (var slug in slugs)
        {
            await using var db = factory.CreateDbContext();
            var expected = await db.Categories.Where(c => c.Parent!.Slug == slug).OrderBy(c => c.Slug).Select(c => c.Slug).ToListAsync();

            // The subquery reads the context the builder captured: compiled, it reads the context the query runs on.
            var found = await queries.Run(db, "children", new SlugValues { Slug = slug }, (db, values) => db.Categories
                    .Where(c => db.Categories.Any(p => p.Id == c.ParentId && p.Slug == values.Slug))
                    .OrderBy(c => c.Slug)
                    .Select(c => c.Slug))
                .ToListAsync();

            Assert.Equal(expected, found);
            Assert.True(slug != slugs[0] || found.Count > 0, $"{slug} has sub-categories");
        }

        Assert.Equal(1, queries.Count);
    }

    [Fact]
    public async Task Should_read_values_inherited_and_declared_by_an_interface_as_parameters()
    {
        var queries = new CompiledQueries<string, SlugRangeValues, string>(capacity: 4);
        var slugs = await PublishedSlugsAsync(4);

        foreach (var (from, until) in new[] { (0, 2), (1, 3), (2, 3) })
        {
            await using var db = factory.CreateDbContext();
            var values = new SlugRangeValues { Slug = slugs[from], Until = slugs[until] };
            var found = await queries.Run(db, "slug range", values, (db, values) => db.Categories
                    .Where(c => string.Compare(c.Slug, values.Slug) >= 0 && string.Compare(c.Slug, ((IUntil)values).Until) < 0)
                    .OrderBy(c => c.Slug)
                    .Select(c => c.Slug))
                .ToListAsync();

            Assert.Equal(slugs[from..until], found);
        }
    }

    [Fact]
    public async Task Should_refuse_to_compile_a_query_operator_given_a_value_rather_than_an_expression()
    {
        var queries = new CompiledQueries<string, SlugValues, string>(capacity: 4);
        await using var db = factory.CreateDbContext();

        // Take(int) reads values.Slug.Length when the query is built: the first request's count would serve them all.
        var refused = Assert.Throws<InvalidOperationException>(() =>
            queries.Run(db, "taken", new SlugValues { Slug = "ab" }, (db, values) => db.Categories.Select(c => c.Slug).Take(values.Slug.Length)));

        Assert.Contains("Take", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, queries.Count);
    }

    [Fact]
    public async Task Should_refuse_to_compile_a_query_that_captures_a_value_beside_its_values()
    {
        var queries = new CompiledQueries<string, SlugValues, string>(capacity: 4);
        var slug = (await PublishedSlugsAsync(1))[0];
        await using var db = factory.CreateDbContext();

        var refused = Assert.Throws<InvalidOperationException>(() =>
            queries.Run(db, "captured", new SlugValues(), (db, _) => db.Categories.Where(c => c.Slug == slug).Select(c => c.Slug)));

        Assert.Contains("only as members of SlugValues", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, queries.Count);
    }

    [Fact]
    public async Task Should_run_a_new_shape_past_the_capacity_as_an_ordinary_query()
    {
        var queries = new CompiledQueries<string, SlugValues, string>(capacity: 1);
        var slugs = await PublishedSlugsAsync(2);
        await using var db = factory.CreateDbContext();
        Assert.Equal([slugs[0]], await queries.Run(db, "by slug", new SlugValues { Slug = slugs[0] }, BySlug).ToListAsync());

        var found = await queries.Run(db, "by slug, trimmed", new SlugValues { Slug = " " + slugs[1] + " " }, (db, values) =>
            db.Categories.Where(c => c.Slug == values.Slug.Trim()).Select(c => c.Slug)).ToListAsync();

        Assert.Equal([slugs[1]], found);
        Assert.Equal(1, queries.Count);
    }

    private static IQueryable<string> BySlug(ContentHubDbContext db, SlugValues values) =>
        db.Categories.Where(c => c.Slug == values.Slug).Select(c => c.Slug);

    private async Task<List<string>> PublishedSlugsAsync(int count)
    {
        (await factory.CreateClient().PostQueryAsync("{ site { name } }")).AssertData(); // the server is up: seed-data/ is in
        await using var db = factory.CreateDbContext();
        var slugs = await db.Categories.Where(c => c.Status == PublicationStatus.Published).OrderBy(c => c.Slug).Select(c => c.Slug).Take(count).ToListAsync();
        Assert.Equal(count, slugs.Count);
        return slugs;
    }

    public class SlugValues
    {
        public string Slug { get; set; } = "";
    }

    public interface IUntil
    {
        string Until { get; }
    }

    public sealed class SlugRangeValues : SlugValues, IUntil
    {
        public string Until { get; set; } = "";
    }
}
