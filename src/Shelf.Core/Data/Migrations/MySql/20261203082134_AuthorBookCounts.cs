using Microsoft.EntityFrameworkCore.Migrations;
using Shelf.Core.Features.Authors;

#nullable disable

namespace Shelf.Core.Data.Migrations.MySql
{
    /// <summary>
    /// Each author's book count as a column kept by triggers (AuthorBookCountSql), counted once
    /// here from the credits already there, and its index for the most prolific first.
    /// </summary>
    public partial class AuthorBookCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "book_count",
                table: "authors",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "ix_authors_book_count_sort_name_id",
                table: "authors",
                columns: new[] { "book_count", "sort_name", "id" },
                descending: new[] { true, false, false });

            foreach (var statement in AuthorBookCountSql.MySqlCreate)
            {
                migrationBuilder.Sql(statement);
            }

            foreach (var statement in AuthorBookCountSql.MySqlRecount)
            {
                migrationBuilder.Sql(UnboundedStatements.Marker + statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuthorBookCountSql.MySqlDrop);

            migrationBuilder.DropIndex(
                name: "ix_authors_book_count_sort_name_id",
                table: "authors");

            migrationBuilder.DropColumn(
                name: "book_count",
                table: "authors");
        }
    }
}
