using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ContentHub.Server.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class PeopleAndRoles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PersonId",
                table: "ApiKeys",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "People",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Credentials = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Specialty = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    LicenceNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Profile = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PhotoAlt = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PhotoAssetId = table.Column<int>(type: "integer", nullable: true),
                    PhotoUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    PublishScheduledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UnpublishScheduledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_People", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_PersonId",
                table: "ApiKeys",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_People_Slug",
                table: "People",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_People_Status_Name",
                table: "People",
                columns: new[] { "Status", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_People_Status_PublishScheduledAt",
                table: "People",
                columns: new[] { "Status", "PublishScheduledAt" },
                filter: "\"PublishScheduledAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_People_Status_UnpublishScheduledAt",
                table: "People",
                columns: new[] { "Status", "UnpublishScheduledAt" },
                filter: "\"UnpublishScheduledAt\" IS NOT NULL");

            migrationBuilder.AddForeignKey(
                name: "FK_ApiKeys_People_PersonId",
                table: "ApiKeys",
                column: "PersonId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ApiKeys_People_PersonId",
                table: "ApiKeys");

            migrationBuilder.DropTable(
                name: "People");

            migrationBuilder.DropIndex(
                name: "IX_ApiKeys_PersonId",
                table: "ApiKeys");

            migrationBuilder.DropColumn(
                name: "PersonId",
                table: "ApiKeys");
        }
    }
}
