using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContentHub.Server.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ArticleSeoLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SeoCanonicalUrl",
                table: "Articles",
                type: "character varying(2048)",
                maxLength: 2048,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SeoImageAlt",
                table: "Articles",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SeoImageAssetId",
                table: "Articles",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SeoImageUrl",
                table: "Articles",
                type: "character varying(2048)",
                maxLength: 2048,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SeoRobots",
                table: "Articles",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SeoCanonicalUrl",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "SeoImageAlt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "SeoImageAssetId",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "SeoImageUrl",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "SeoRobots",
                table: "Articles");
        }
    }
}
