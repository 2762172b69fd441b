using System.Text.RegularExpressions;
using ContentHub.Server.Data;
using ContentHub.Server.Data.PostgreSql;
using ContentHub.Server.Data.PostgreSql.CompiledModel;
using ContentHub.Server.Data.Sqlite;
using ContentHub.Server.Data.Sqlite.CompiledModel;
using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace ContentHub.Tests.Data;

/// <summary>
/// The SQLite and PostgreSQL compiled models (what EF Core loads instead of building the model at start-up) are the ones
/// the model code makes today: scaffolded again as <c>dotnet ef dbcontext optimize</c> does, file for file.
/// </summary>
public sealed partial class CompiledModelTests
{
    [Fact]
    public void Should_match_the_model_for_sqlite() =>
        AssertCurrent(new SqliteDesignTimeFactory().CreateDbContext([]), "Sqlite");

    [Fact]
    public void Should_match_the_model_for_postgresql() =>
        AssertCurrent(new PostgreSqlDesignTimeFactory().CreateDbContext([]), "PostgreSql");

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, typeof(SqliteContentHubDbContextModel))]
    [InlineData(DatabaseProvider.PostgreSql, typeof(PostgreSqlContentHubDbContextModel))]
    public void Should_be_the_model_the_servers_contexts_run_on(DatabaseProvider provider, Type compiledModel)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Server=127.0.0.1",
        }).Build();
        var environment = new HostingEnvironment { EnvironmentName = Environments.Production, ContentRootPath = AppContext.BaseDirectory };
        using var services = new ServiceCollection().AddContentHubData(configuration, environment).BuildServiceProvider();

        using var db = services.GetRequiredService<IDbContextFactory<ContentHubDbContext>>().CreateDbContext();

        Assert.IsType(compiledModel, db.Model);
    }

    [Fact]
    public void Should_keep_the_postgresql_index_methods_queries_are_translated_by()
    {
        using var db = new PostgreSqlDesignTimeFactory().CreateDbContext([]);
        var configured = IndexMethods(db.GetService<IDesignTimeModel>().Model);

        Assert.NotEmpty(configured);
        Assert.Equal(configured, IndexMethods(PostgreSqlContentHubDbContextModel.Instance));
    }

    [Fact]
    public void Should_filter_postgresql_tags_with_the_containment_its_index_answers()
    {
        using var db = new PostgreSqlDesignTimeFactory().CreateDbContext([]);
        Assert.IsType<PostgreSqlContentHubDbContextModel>(db.Model);

        var sql = db.Articles.Where(article => article.Tags.Contains("sciatica")).Select(article => article.Id).ToQueryString();

        Assert.Contains("\"Tags\" @> ARRAY[", sql, StringComparison.Ordinal);
    }

    private static string[] IndexMethods(IReadOnlyModel model) =>
        model.GetEntityTypes().SelectMany(type => type.GetIndexes())
            .Where(index => index.GetMethod() is not null)
            .Select(index => $"{index.DeclaringEntityType.ClrType.Name}({string.Join(", ", index.Properties.Select(p => p.Name))}) {index.GetMethod()}")
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static void AssertCurrent(ContentHubDbContext db, string provider)
    {
        using (db)
        {
            var committed = Path.Combine(RepositoryFolder.Root, "src", "ContentHub.Server", "Data", provider, "CompiledModel");
            var scaffolded = Directory.CreateTempSubdirectory("compiled-model-").FullName;
            try
            {
                Scaffold(db, scaffolded, $"ContentHub.Server.Data.{provider}.CompiledModel");

                var stale = $"Run scripts/optimize-model.sh: {provider}'s compiled model lags the model (or the EF Core version)";
                Assert.True(FileNames(committed).SequenceEqual(FileNames(scaffolded)), $"{stale}: its files differ.");
                foreach (var name in FileNames(scaffolded))
                {
                    Assert.True(
                        WithoutModelId(Path.Combine(committed, name)) == WithoutModelId(Path.Combine(scaffolded, name)),
                        $"{stale} in {name}.");
                }
            }
            finally
            {
                Directory.Delete(scaffolded, recursive: true);
            }
        }
    }

    /// <summary>What <c>dotnet ef dbcontext optimize</c> runs, through the design-time services it builds.</summary>
    private static void Scaffold(DbContext db, string folder, string modelNamespace)
    {
#pragma warning disable EF1001 // The builder `dotnet ef` uses, which adds the provider's design-time services.
        var reporter = new OperationReporter(handler: null);
        var assembly = db.GetType().Assembly;
        var services = new DesignTimeServicesBuilder(assembly, assembly, reporter, []).Build(db);
#pragma warning restore EF1001
        services.GetRequiredService<ICompiledModelScaffolder>().ScaffoldModel(
            db.GetService<IDesignTimeModel>().Model,
            folder,
            new CompiledModelCodeGenerationOptions
            {
                ContextType = db.GetType(),
                ModelNamespace = modelNamespace,
                Language = "C#",
                UseNullableReferenceTypes = true,
            });
    }

    /// <summary>The file's code but its model id, a new Guid at every scaffolding (and its line endings).</summary>
    private static string WithoutModelId(string file) =>
        ModelId().Replace(File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal), "modelId: new Guid()");

    [GeneratedRegex("""modelId: new Guid\("[0-9a-f-]+"\)""")]
    private static partial Regex ModelId();

    private static string[] FileNames(string folder) =>
        Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
}
