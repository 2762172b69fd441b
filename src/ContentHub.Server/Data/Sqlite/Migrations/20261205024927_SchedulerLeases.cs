using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContentHub.Server.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SchedulerLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SchedulerLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchedulerLeases", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Promotions_PublishScheduledAt",
                table: "Promotions",
                column: "PublishScheduledAt",
                filter: "\"PublishScheduledAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Promotions_UnpublishScheduledAt",
                table: "Promotions",
                column: "UnpublishScheduledAt",
                filter: "\"UnpublishScheduledAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Facts_PublishScheduledAt",
                table: "Facts",
                column: "PublishScheduledAt",
                filter: "\"PublishScheduledAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Facts_UnpublishScheduledAt",
                table: "Facts",
                column: "UnpublishScheduledAt",
                filter: "\"UnpublishScheduledAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Disclaimers_PublishScheduledAt",
                table: "Disclaimers",
                column: "PublishScheduledAt",
                filter: "\"PublishScheduledAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Disclaimers_UnpublishScheduledAt",
                table: "Disclaimers",
                column: "UnpublishScheduledAt",
                filter: "\"UnpublishScheduledAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Categories_PublishScheduledAt",
                table: "Categories",
                column: "PublishScheduledAt",
                filter: "\"PublishScheduledAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Categories_UnpublishScheduledAt",
                table: "Categories",
                column: "UnpublishScheduledAt",
                filter: "\"UnpublishScheduledAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_PublishScheduledAt",
                table: "Articles",
                column: "PublishScheduledAt",
                filter: "\"PublishScheduledAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_UnpublishScheduledAt",
                table: "Articles",
                column: "UnpublishScheduledAt",
                filter: "\"UnpublishScheduledAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SchedulerLeases");

            migrationBuilder.DropIndex(
                name: "IX_Promotions_PublishScheduledAt",
                table: "Promotions");

            migrationBuilder.DropIndex(
                name: "IX_Promotions_UnpublishScheduledAt",
                table: "Promotions");

            migrationBuilder.DropIndex(
                name: "IX_Facts_PublishScheduledAt",
                table: "Facts");

            migrationBuilder.DropIndex(
                name: "IX_Facts_UnpublishScheduledAt",
                table: "Facts");

            migrationBuilder.DropIndex(
                name: "IX_Disclaimers_PublishScheduledAt",
                table: "Disclaimers");

            migrationBuilder.DropIndex(
                name: "IX_Disclaimers_UnpublishScheduledAt",
                table: "Disclaimers");

            migrationBuilder.DropIndex(
                name: "IX_Categories_PublishScheduledAt",
                table: "Categories");

            migrationBuilder.DropIndex(
                name: "IX_Categories_UnpublishScheduledAt",
                table: "Categories");

            migrationBuilder.DropIndex(
                name: "IX_Articles_PublishScheduledAt",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_UnpublishScheduledAt",
                table: "Articles");
        }
    }
}
