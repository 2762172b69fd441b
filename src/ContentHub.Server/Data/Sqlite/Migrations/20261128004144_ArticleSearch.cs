using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContentHub.Server.Data.Sqlite.Migrations
{
    /// <summary>
    /// The FTS5 index behind <c>searchArticles</c> and the tag half of <c>Article.related</c>. It stores no text of
    /// its own: its content is the view <c>ArticleSearchSource</c> over <c>Articles</c> (tags as words), and triggers
    /// update it on every insert, delete and change of an indexed column, whoever writes (EF, bulk import, raw SQL).
    /// </summary>
    public partial class ArticleSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                CREATE VIEW "ArticleSearchSource" AS
                SELECT "Id", "Title", "Summary", "BodyText" AS "Body", {Tags("Articles")} AS "Tags" FROM "Articles";
                """);
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
                    "Title", "Summary", "Body", "Tags",
                    content = 'ArticleSearchSource', content_rowid = 'Id',
                    tokenize = 'porter unicode61 remove_diacritics 2');
                """);
            // bm25 weights per column (title, summary, body, tags), kept by the index for its `rank` column.
            migrationBuilder.Sql("""INSERT INTO "ArticleSearch"("ArticleSearch", rank) VALUES ('rank', 'bm25(10.0, 5.0, 1.0, 3.0)');""");
            // A bulk import pauses the insert trigger inside its own transaction and indexes its rows in one statement.
            migrationBuilder.Sql("""CREATE TABLE "ArticleSearchPaused" ("Paused" INTEGER NOT NULL);""");
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Articles_ArticleSearch_Insert" AFTER INSERT ON "Articles"
                WHEN NOT EXISTS (SELECT 1 FROM "ArticleSearchPaused") BEGIN
                    {Add("new")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Articles_ArticleSearch_Delete" AFTER DELETE ON "Articles" BEGIN
                    {Remove("old")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Articles_ArticleSearch_Update" AFTER UPDATE OF "Title", "Summary", "BodyText", "Tags" ON "Articles" BEGIN
                    {Remove("old")}
                    {Add("new")}
                END;
                """);
            // Articles stored before this migration. (Not FTS5's 'rebuild': it reads the view in a way that cannot
            // resolve json_each.)
            migrationBuilder.Sql($"""
                INSERT INTO "ArticleSearch"(rowid, "Title", "Summary", "Body", "Tags")
                SELECT "Id", "Title", "Summary", "BodyText", {Tags("Articles")} FROM "Articles";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "Articles_ArticleSearch_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER "Articles_ArticleSearch_Delete";""");
            migrationBuilder.Sql("""DROP TRIGGER "Articles_ArticleSearch_Insert";""");
            migrationBuilder.Sql("""DROP TABLE "ArticleSearch";""");
            migrationBuilder.Sql("""DROP VIEW "ArticleSearchSource";""");
            migrationBuilder.Sql("""DROP TABLE "ArticleSearchPaused";""");
        }

        // Tags are a JSON list; the index sees them as words ("back-pain" → back, pain).
        private static string Tags(string row) => $"""(SELECT group_concat(value, ' ') FROM json_each({row}."Tags"))""";

        private static string Add(string row) =>
            $"""INSERT INTO "ArticleSearch"(rowid, "Title", "Summary", "Body", "Tags") VALUES ({row}."Id", {row}."Title", {row}."Summary", {row}."BodyText", {Tags(row)});""";

        // An external-content index forgets a row only when given the values it indexed.
        private static string Remove(string row) =>
            $"""INSERT INTO "ArticleSearch"("ArticleSearch", rowid, "Title", "Summary", "Body", "Tags") VALUES ('delete', {row}."Id", {row}."Title", {row}."Summary", {row}."BodyText", {Tags(row)});""";
    }
}
