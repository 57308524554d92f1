using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Shelf.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialCatalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "authors",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(310)", maxLength: 310, nullable: false),
                    sort_name = table.Column<string>(type: "character varying(310)", maxLength: 310, nullable: false),
                    first_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    last_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    name_key = table.Column<string>(type: "character varying(310)", maxLength: 310, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_authors", x => x.id);
                    table.CheckConstraint("ck_authors_name_key_not_blank", "name_key <> ''");
                    table.CheckConstraint("ck_authors_name_not_blank", "trim(name) <> ''");
                });

            migrationBuilder.CreateTable(
                name: "books",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    title_key = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    subtitle = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    pages = table.Column<int>(type: "integer", nullable: true),
                    isbn13 = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    publisher = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    year_published = table.Column<int>(type: "integer", nullable: true),
                    original_publication_year = table.Column<int>(type: "integer", nullable: true),
                    language = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    format = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    series = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    series_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    list_price_minor = table.Column<long>(type: "bigint", nullable: true),
                    list_price_currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    added_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    rating = table.Column<int>(type: "integer", nullable: true),
                    status = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    date_started = table.Column<DateOnly>(type: "date", nullable: true),
                    date_read = table.Column<DateOnly>(type: "date", nullable: true),
                    read_count = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    review = table.Column<string>(type: "text", nullable: true),
                    private_notes = table.Column<string>(type: "text", nullable: true),
                    owned_copies = table.Column<int>(type: "integer", nullable: true),
                    location = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_books", x => x.id);
                    table.CheckConstraint("ck_books_isbn13_digits", "isbn13 IS NULL OR (length(isbn13) = 13 AND ltrim(isbn13, '0123456789') = '' AND substr(isbn13, 1, 3) IN ('978', '979'))");
                    table.CheckConstraint("ck_books_list_price", "(list_price_minor IS NULL AND list_price_currency IS NULL) OR (list_price_minor >= 0 AND length(list_price_currency) = 3)");
                    table.CheckConstraint("ck_books_owned_copies", "owned_copies IS NULL OR owned_copies >= 0");
                    table.CheckConstraint("ck_books_pages_positive", "pages IS NULL OR pages > 0");
                    table.CheckConstraint("ck_books_rating_range", "rating IS NULL OR (rating >= 1 AND rating <= 5)");
                    table.CheckConstraint("ck_books_read_count", "read_count >= 0");
                    table.CheckConstraint("ck_books_title_not_blank", "trim(title) <> ''");
                });

            migrationBuilder.CreateTable(
                name: "tags",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tags", x => x.id);
                    table.CheckConstraint("ck_tags_name_key_not_blank", "name_key <> ''");
                });

            migrationBuilder.CreateTable(
                name: "book_authors",
                columns: table => new
                {
                    book_id = table.Column<int>(type: "integer", nullable: false),
                    author_id = table.Column<int>(type: "integer", nullable: false),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_book_authors", x => new { x.book_id, x.author_id, x.role });
                    table.CheckConstraint("ck_book_authors_position", "position >= 0");
                    table.CheckConstraint("ck_book_authors_role", "role IN ('author', 'editor', 'translator', 'illustrator', 'narrator', 'contributor')");
                    table.ForeignKey(
                        name: "fk_book_authors_authors_author_id",
                        column: x => x.author_id,
                        principalTable: "authors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_book_authors_books_book_id",
                        column: x => x.book_id,
                        principalTable: "books",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "book_identifiers",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    book_id = table.Column<int>(type: "integer", nullable: false),
                    scheme = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    value = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_book_identifiers", x => x.id);
                    table.CheckConstraint("ck_book_identifiers_scheme", "scheme <> '' AND scheme = lower(scheme)");
                    table.CheckConstraint("ck_book_identifiers_value", "trim(value) <> ''");
                    table.ForeignKey(
                        name: "fk_book_identifiers_books_book_id",
                        column: x => x.book_id,
                        principalTable: "books",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "book_tags",
                columns: table => new
                {
                    book_id = table.Column<int>(type: "integer", nullable: false),
                    tag_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_book_tags", x => new { x.book_id, x.tag_id });
                    table.ForeignKey(
                        name: "fk_book_tags_books_book_id",
                        column: x => x.book_id,
                        principalTable: "books",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_book_tags_tags_tag_id",
                        column: x => x.tag_id,
                        principalTable: "tags",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_authors_name_key",
                table: "authors",
                column: "name_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_authors_sort_name",
                table: "authors",
                column: "sort_name");

            migrationBuilder.CreateIndex(
                name: "ix_book_authors_author_id",
                table: "book_authors",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_book_authors_book_id_position",
                table: "book_authors",
                columns: new[] { "book_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_book_identifiers_book_id",
                table: "book_identifiers",
                column: "book_id");

            migrationBuilder.CreateIndex(
                name: "ix_book_identifiers_scheme_value",
                table: "book_identifiers",
                columns: new[] { "scheme", "value" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_book_tags_tag_id",
                table: "book_tags",
                column: "tag_id");

            migrationBuilder.CreateIndex(
                name: "ix_books_isbn13",
                table: "books",
                column: "isbn13",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_books_status",
                table: "books",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_books_title_key",
                table: "books",
                column: "title_key");

            migrationBuilder.CreateIndex(
                name: "ix_tags_name_key",
                table: "tags",
                column: "name_key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "book_authors");

            migrationBuilder.DropTable(
                name: "book_identifiers");

            migrationBuilder.DropTable(
                name: "book_tags");

            migrationBuilder.DropTable(
                name: "authors");

            migrationBuilder.DropTable(
                name: "books");

            migrationBuilder.DropTable(
                name: "tags");
        }
    }
}
