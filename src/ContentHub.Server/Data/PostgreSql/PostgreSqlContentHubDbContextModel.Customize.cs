using ContentHub.Server.Articles;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ContentHub.Server.Data.PostgreSql.CompiledModel;

/// <summary>
/// Npgsql reads an index's method when it translates a query (<c>Tags.Contains(tag)</c> becomes <c>"Tags" @&gt; ARRAY[tag]</c>,
/// which the GIN index answers, only when the model says the index is GIN), yet leaves index methods out of the compiled
/// model as design-time only (10.0.3, and its main branch too). This puts back the one
/// <see cref="PostgreSqlContentHubDbContext"/> configures; <c>CompiledModelTests</c> fail if another is configured and
/// not put back here.
/// </summary>
public partial class PostgreSqlContentHubDbContextModel
{
    private const string IndexMethodAnnotation = "Npgsql:IndexMethod";

    partial void Customize()
    {
        var tags = ((IModel)this).FindEntityType(typeof(Article))!.FindProperty(nameof(Article.Tags))!;
        foreach (var index in tags.GetContainingIndexes())
        {
            ((RuntimeIndex)index).SetAnnotation(IndexMethodAnnotation, PostgreSqlContentHubDbContext.TagsIndexMethod);
        }
    }
}
