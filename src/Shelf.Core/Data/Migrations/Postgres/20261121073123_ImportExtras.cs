using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shelf.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ImportExtras : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "extras",
                table: "books",
                type: "text",
                nullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_books_extras_object",
                table: "books",
                sql: "extras IS NULL OR substr(extras, 1, 1) = '{'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_books_extras_object",
                table: "books");

            migrationBuilder.DropColumn(
                name: "extras",
                table: "books");
        }
    }
}
