using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContentHub.Server.Data.Sqlite.Migrations
{
    /// <summary>
    /// A second FTS5 index, over published articles only, that ranks anonymous searches: bm25 weighs a word by how
    /// many indexed rows hold it and how long they are, so ranks taken from the index of every article would move
    /// when a hidden draft or trashed article holds the searched words. Its content is the view
    /// <c>PublishedArticleSearchSource</c>; triggers add and remove rows as articles are written and change status.
    /// </summary>
    public partial class PublishedArticleSearch : Migration
    {
        private const int Published = 1;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                CREATE VIEW "PublishedArticleSearchSource" AS
                SELECT "Id", "Title", "Summary", "BodyText" AS "Body", {Tags("Articles")} AS "Tags" FROM "Articles" WHERE "Status" = {Published};
                """);
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "PublishedArticleSearch" USING fts5(
                    "Title", "Summary", "Body", "Tags",
                    content = 'PublishedArticleSearchSource', content_rowid = 'Id',
                    tokenize = 'porter unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""INSERT INTO "PublishedArticleSearch"("PublishedArticleSearch", rank) VALUES ('rank', 'bm25(10.0, 5.0, 1.0, 3.0)');""");
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Articles_PublishedArticleSearch_Insert" AFTER INSERT ON "Articles"
                WHEN new."Status" = {Published} AND NOT EXISTS (SELECT 1 FROM "ArticleSearchPaused") BEGIN
                    {Add("new")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Articles_PublishedArticleSearch_Delete" AFTER DELETE ON "Articles" WHEN old."Status" = {Published} BEGIN
                    {Remove("old")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Articles_PublishedArticleSearch_Update" AFTER UPDATE OF "Title", "Summary", "BodyText", "Tags", "Status" ON "Articles"
                WHEN old."Status" = {Published} OR new."Status" = {Published} BEGIN
                    {Remove("old")}
                    {Add("new")}
                END;
                """);
            migrationBuilder.Sql($"""
                INSERT INTO "PublishedArticleSearch"(rowid, "Title", "Summary", "Body", "Tags")
                SELECT "Id", "Title", "Summary", "BodyText", {Tags("Articles")} FROM "Articles" WHERE "Status" = {Published};
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "Articles_PublishedArticleSearch_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER "Articles_PublishedArticleSearch_Delete";""");
            migrationBuilder.Sql("""DROP TRIGGER "Articles_PublishedArticleSearch_Insert";""");
            migrationBuilder.Sql("""DROP TABLE "PublishedArticleSearch";""");
            migrationBuilder.Sql("""DROP VIEW "PublishedArticleSearchSource";""");
        }

        private static string Tags(string row) => $"""(SELECT group_concat(value, ' ') FROM json_each({row}."Tags"))""";

        // Each statement acts only when its row is (or was) published.
        private static string Add(string row) =>
            $"""INSERT INTO "PublishedArticleSearch"(rowid, "Title", "Summary", "Body", "Tags") SELECT {row}."Id", {row}."Title", {row}."Summary", {row}."BodyText", {Tags(row)} WHERE {row}."Status" = {Published};""";

        // An external-content index forgets a row only when given the values it indexed.
        private static string Remove(string row) =>
            $"""INSERT INTO "PublishedArticleSearch"("PublishedArticleSearch", rowid, "Title", "Summary", "Body", "Tags") SELECT 'delete', {row}."Id", {row}."Title", {row}."Summary", {row}."BodyText", {Tags(row)} WHERE {row}."Status" = {Published};""";
    }
}
