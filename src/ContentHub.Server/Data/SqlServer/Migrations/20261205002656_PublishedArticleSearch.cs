using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContentHub.Server.Data.SqlServer.Migrations
{
    /// <summary>
    /// Nothing to create: SQL Server's LIKE ranking counts where the words occur in each article and uses no
    /// statistics over other rows, so hidden articles cannot move it. Kept so both providers' histories share names.
    /// </summary>
    public partial class PublishedArticleSearch : Migration
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
