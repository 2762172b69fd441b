using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContentHub.Server.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class EditorListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Editors' newest and oldest lists sort by PublishedAt ?? CreatedAt (drafts have no publication date): an index on
            // that expression serves their pages in order instead of sorting every article. EF Core does not model
            // expression indexes, hence SQL.
            migrationBuilder.Sql("""CREATE INDEX "IX_Articles_ListedAt_Id" ON "Articles" (COALESCE("PublishedAt", "CreatedAt"), "Id");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Articles_ListedAt_Id";""");
        }
    }
}
