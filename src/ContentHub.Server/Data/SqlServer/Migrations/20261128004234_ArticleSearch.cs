using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContentHub.Server.Data.SqlServer.Migrations
{
    /// <summary>
    /// Nothing to create: SQL Server searches with LIKE over the stored columns (SqlServerArticleSearchIndex), which
    /// needs no full-text catalog. The migration exists so that both providers' histories keep the same names.
    /// </summary>
    public partial class ArticleSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
