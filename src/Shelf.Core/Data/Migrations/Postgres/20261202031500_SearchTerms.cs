using Microsoft.EntityFrameworkCore.Migrations;
using Shelf.Core.Features.Search;

#nullable disable

namespace Shelf.Core.Data.Migrations.Postgres
{
    /// <summary>The search index's vocabulary (every lexeme, for prefix searches), kept by the refresh function and filled from the index.</summary>
    public partial class SearchTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(UnboundedStatements.Marker + SearchIndexSql.PostgresTermsCreate);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                CREATE OR REPLACE FUNCTION shelf_search_refresh(book integer) RETURNS void LANGUAGE sql AS $$
                  INSERT INTO book_search (book_id, document)
                  SELECT b.id, shelf_search_document(b.title_key, b.subtitle,
                           (SELECT string_agg(a.name_key, ' ' ORDER BY ba.position) FROM book_authors ba JOIN authors a ON a.id = ba.author_id WHERE ba.book_id = b.id),
                           b.series, b.publisher)
                  FROM books b WHERE b.id = book
                  ON CONFLICT (book_id) DO UPDATE SET document = excluded.document
                $$;
                DROP TABLE book_search_terms;
                """);
        }
    }
}
