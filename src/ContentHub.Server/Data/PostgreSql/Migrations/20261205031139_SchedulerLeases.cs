using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContentHub.Server.Data.PostgreSql.Migrations
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
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Owner = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchedulerLeases", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Promotions_Status_PublishScheduledAt",
                table: "Promotions",
                columns: new[] { "Status", "PublishScheduledAt" },
                filter: "\"PublishScheduledAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Promotions_Status_UnpublishScheduledAt",
                table: "Promotions",
                columns: new[] { "Status", "UnpublishScheduledAt" },
                filter: "\"UnpublishScheduledAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Facts_Status_PublishScheduledAt",
                table: "Facts",
                columns: new[] { "Status", "PublishScheduledAt" },
                filter: "\"PublishScheduledAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Facts_Status_UnpublishScheduledAt",
                table: "Facts",
                columns: new[] { "Status", "UnpublishScheduledAt" },
                filter: "\"UnpublishScheduledAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Disclaimers_Status_PublishScheduledAt",
                table: "Disclaimers",
                columns: new[] { "Status", "PublishScheduledAt" },
                filter: "\"PublishScheduledAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Disclaimers_Status_UnpublishScheduledAt",
                table: "Disclaimers",
                columns: new[] { "Status", "UnpublishScheduledAt" },
                filter: "\"UnpublishScheduledAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Categories_Status_PublishScheduledAt",
                table: "Categories",
                columns: new[] { "Status", "PublishScheduledAt" },
                filter: "\"PublishScheduledAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Categories_Status_UnpublishScheduledAt",
                table: "Categories",
                columns: new[] { "Status", "UnpublishScheduledAt" },
                filter: "\"UnpublishScheduledAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_PublishScheduledAt",
                table: "Articles",
                columns: new[] { "Status", "PublishScheduledAt" },
                filter: "\"PublishScheduledAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_UnpublishScheduledAt",
                table: "Articles",
                columns: new[] { "Status", "UnpublishScheduledAt" },
                filter: "\"UnpublishScheduledAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SchedulerLeases");

            migrationBuilder.DropIndex(
                name: "IX_Promotions_Status_PublishScheduledAt",
                table: "Promotions");

            migrationBuilder.DropIndex(
                name: "IX_Promotions_Status_UnpublishScheduledAt",
                table: "Promotions");

            migrationBuilder.DropIndex(
                name: "IX_Facts_Status_PublishScheduledAt",
                table: "Facts");

            migrationBuilder.DropIndex(
                name: "IX_Facts_Status_UnpublishScheduledAt",
                table: "Facts");

            migrationBuilder.DropIndex(
                name: "IX_Disclaimers_Status_PublishScheduledAt",
                table: "Disclaimers");

            migrationBuilder.DropIndex(
                name: "IX_Disclaimers_Status_UnpublishScheduledAt",
                table: "Disclaimers");

            migrationBuilder.DropIndex(
                name: "IX_Categories_Status_PublishScheduledAt",
                table: "Categories");

            migrationBuilder.DropIndex(
                name: "IX_Categories_Status_UnpublishScheduledAt",
                table: "Categories");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_PublishScheduledAt",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_UnpublishScheduledAt",
                table: "Articles");
        }
    }
}
