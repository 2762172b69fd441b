using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContentHub.Server.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MedicalContent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RequiredDisclaimers",
                table: "Categories",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Citations",
                table: "Articles",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<DateTime>(
                name: "ExpiresAt",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextReviewDue",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAt",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewerCredentials",
                table: "Articles",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewerName",
                table: "Articles",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Articles_NextReviewDue",
                table: "Articles",
                column: "NextReviewDue");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_ExpiresAt",
                table: "Articles",
                columns: new[] { "Status", "ExpiresAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_NextReviewDue",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_ExpiresAt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "RequiredDisclaimers",
                table: "Categories");

            migrationBuilder.DropColumn(
                name: "Citations",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "ExpiresAt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "NextReviewDue",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "ReviewerCredentials",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "ReviewerName",
                table: "Articles");
        }
    }
}
