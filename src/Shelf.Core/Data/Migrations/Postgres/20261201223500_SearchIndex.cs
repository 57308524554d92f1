using Microsoft.EntityFrameworkCore.Migrations;
using Shelf.Core.Features.Search;

#nullable disable

namespace Shelf.Core.Data.Migrations.Postgres
{
    /// <summary>The full-text index of the books (a tsvector per book, GIN, triggers), filled from the books already there.</summary>
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(UnboundedStatements.Marker + SearchIndexSql.PostgresCreate);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP TRIGGER tr_authors_search ON authors;
                DROP TRIGGER tr_book_authors_search ON book_authors;
                DROP TRIGGER tr_books_search ON books;
                DROP TABLE book_search;
                DROP FUNCTION shelf_search_author_renamed(), shelf_search_credits_changed(), shelf_search_books_changed(),
                  shelf_search_refresh(integer), shelf_search_document(text, text, text, text, text), shelf_search_fold(text);
                """);
        }
    }
}
