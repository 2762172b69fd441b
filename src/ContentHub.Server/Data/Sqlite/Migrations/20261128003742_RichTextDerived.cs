using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContentHub.Server.Data.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "BodyOutline",
                table: "Disclaimers",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "BodyReadingTimeMinutes",
                table: "Disclaimers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "BodyExcerpt",
                table: "Articles",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "BodyOutline",
                table: "Articles",
                type: "TEXT",
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
