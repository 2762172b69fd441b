using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContentHub.Server.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class RichTextDerived : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "ReadingTimeMinutes",
                table: "Articles",
                newName: "BodyReadingTimeMinutes");

            migrationBuilder.AddColumn<string>(
                name: "BodyExcerpt",
                table: "Disclaimers",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "BodyOutline",
                table: "Disclaimers",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "BodyReadingTimeMinutes",
                table: "Disclaimers",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "BodyExcerpt",
                table: "Articles",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "BodyOutline",
                table: "Articles",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BodyExcerpt",
                table: "Disclaimers");

            migrationBuilder.DropColumn(
                name: "BodyOutline",
                table: "Disclaimers");

            migrationBuilder.DropColumn(
                name: "BodyReadingTimeMinutes",
                table: "Disclaimers");

            migrationBuilder.DropColumn(
                name: "BodyExcerpt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "BodyOutline",
                table: "Articles");

            migrationBuilder.RenameColumn(
                name: "BodyReadingTimeMinutes",
                table: "Articles",
                newName: "ReadingTimeMinutes");
        }
    }
}
