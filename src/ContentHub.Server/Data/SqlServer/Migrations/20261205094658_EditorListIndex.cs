using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContentHub.Server.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class EditorListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Editors' newest and oldest lists sort by PublishedAt ?? CreatedAt (drafts have no publication date). SQL Server
            // indexes no expression, but matches it to an indexed computed column, which EF Core's model need not know.
            migrationBuilder.Sql("""ALTER TABLE [Articles] ADD [ListedAt] AS COALESCE([PublishedAt], [CreatedAt]) PERSISTED;""");
            migrationBuilder.Sql("""CREATE INDEX [IX_Articles_ListedAt_Id] ON [Articles] ([ListedAt], [Id]);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX [IX_Articles_ListedAt_Id] ON [Articles];""");
            migrationBuilder.Sql("""ALTER TABLE [Articles] DROP COLUMN [ListedAt];""");
        }
    }
}
