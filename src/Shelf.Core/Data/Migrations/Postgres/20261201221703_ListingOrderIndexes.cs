using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shelf.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListingOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_books_added_at_id",
                table: "books",
                columns: new[] { "added_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_books_pages_id",
                table: "books",
                columns: new[] { "pages", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_books_year_published_title_key_id",
                table: "books",
                columns: new[] { "year_published", "title_key", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_books_added_at_id",
                table: "books");

            migrationBuilder.DropIndex(
                name: "ix_books_pages_id",
                table: "books");

            migrationBuilder.DropIndex(
                name: "ix_books_year_published_title_key_id",
                table: "books");
        }
    }
}
