using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Shelf.Core.Features.Loans;
using MySql.EntityFrameworkCore.Metadata;

#nullable disable

namespace Shelf.Core.Data.Migrations.MySql
{
    /// <inheritdoc />
    public partial class MySqlInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("MySQL:Charset", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "authors",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("MySQL:ValueGenerationStrategy", MySQLValueGenerationStrategy.IdentityColumn),
                    name = table.Column<string>(type: "varchar(310)", maxLength: 310, nullable: false, collation: "utf8mb4_bin"),
                    sort_name = table.Column<string>(type: "varchar(310)", maxLength: 310, nullable: false, collation: "utf8mb4_bin"),
                    first_name = table.Column<string>(type: "varchar(300)", maxLength: 300, nullable: true, collation: "utf8mb4_bin"),
                    last_name = table.Column<string>(type: "varchar(300)", maxLength: 300, nullable: true, collation: "utf8mb4_bin"),
                    name_key = table.Column<string>(type: "varchar(310)", maxLength: 310, nullable: false, collation: "utf8mb4_bin")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_authors", x => x.id);
                    table.CheckConstraint("ck_authors_name_key_not_blank", "name_key <> ''");
                    table.CheckConstraint("ck_authors_name_not_blank", "trim(name) <> ''");
                })
                .Annotation("MySQL:Charset", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "books",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("MySQL:ValueGenerationStrategy", MySQLValueGenerationStrategy.IdentityColumn),
                    title = table.Column<string>(type: "varchar(1000)", maxLength: 1000, nullable: false, collation: "utf8mb4_bin"),
                    title_key = table.Column<string>(type: "varchar(1000)", maxLength: 1000, nullable: false, collation: "utf8mb4_bin"),
                    subtitle = table.Column<string>(type: "varchar(1000)", maxLength: 1000, nullable: true, collation: "utf8mb4_bin"),
                    pages = table.Column<int>(type: "int", nullable: true),
                    isbn13 = table.Column<string>(type: "varchar(13)", maxLength: 13, nullable: true, collation: "utf8mb4_bin"),
                    publisher = table.Column<string>(type: "varchar(500)", maxLength: 500, nullable: true, collation: "utf8mb4_bin"),
                    year_published = table.Column<int>(type: "int", nullable: true),
                    original_publication_year = table.Column<int>(type: "int", nullable: true),
                    language = table.Column<string>(type: "varchar(50)", maxLength: 50, nullable: true, collation: "utf8mb4_bin"),
                    format = table.Column<string>(type: "varchar(100)", maxLength: 100, nullable: true, collation: "utf8mb4_bin"),
                    series = table.Column<string>(type: "varchar(500)", maxLength: 500, nullable: true, collation: "utf8mb4_bin"),
                    series_number = table.Column<string>(type: "varchar(50)", maxLength: 50, nullable: true, collation: "utf8mb4_bin"),
                    description = table.Column<string>(type: "longtext", nullable: true, collation: "utf8mb4_bin"),
                    list_price_minor = table.Column<long>(type: "bigint", nullable: true),
                    list_price_currency = table.Column<string>(type: "varchar(3)", maxLength: 3, nullable: true, collation: "utf8mb4_bin"),
                    added_at = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    updated_at = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    rating = table.Column<int>(type: "int", nullable: true),
                    status = table.Column<string>(type: "varchar(100)", maxLength: 100, nullable: true, collation: "utf8mb4_bin"),
                    date_started = table.Column<DateOnly>(type: "date", nullable: true),
                    date_read = table.Column<DateOnly>(type: "date", nullable: true),
                    read_count = table.Column<int>(type: "int", nullable: false, defaultValue: 0),
                    review = table.Column<string>(type: "longtext", nullable: true, collation: "utf8mb4_bin"),
                    private_notes = table.Column<string>(type: "longtext", nullable: true, collation: "utf8mb4_bin"),
                    owned_copies = table.Column<int>(type: "int", nullable: true),
                    location = table.Column<string>(type: "varchar(500)", maxLength: 500, nullable: true, collation: "utf8mb4_bin"),
                    extras = table.Column<string>(type: "longtext", nullable: true, collation: "utf8mb4_bin")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_books", x => x.id);
                    table.CheckConstraint("ck_books_extras_object", "extras IS NULL OR substr(extras, 1, 1) = '{'");
                    table.CheckConstraint("ck_books_isbn13_digits", "isbn13 IS NULL OR isbn13 REGEXP '^97[89][0-9]{10}$'");
                    table.CheckConstraint("ck_books_list_price", "(list_price_minor IS NULL AND list_price_currency IS NULL) OR (list_price_minor >= 0 AND char_length(list_price_currency) = 3)");
                    table.CheckConstraint("ck_books_owned_copies", "owned_copies IS NULL OR owned_copies >= 0");
                    table.CheckConstraint("ck_books_pages_positive", "pages IS NULL OR pages > 0");
                    table.CheckConstraint("ck_books_rating_range", "rating IS NULL OR (rating >= 1 AND rating <= 5)");
                    table.CheckConstraint("ck_books_read_count", "read_count >= 0");
                    table.CheckConstraint("ck_books_title_not_blank", "trim(title) <> ''");
                })
                .Annotation("MySQL:Charset", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "borrowers",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("MySQL:ValueGenerationStrategy", MySQLValueGenerationStrategy.IdentityColumn),
                    name = table.Column<string>(type: "varchar(310)", maxLength: 310, nullable: false, collation: "utf8mb4_bin"),
                    name_key = table.Column<string>(type: "varchar(310)", maxLength: 310, nullable: false, collation: "utf8mb4_bin"),
                    contact = table.Column<string>(type: "varchar(300)", maxLength: 300, nullable: true, collation: "utf8mb4_bin")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_borrowers", x => x.id);
                    table.CheckConstraint("ck_borrowers_name_key_not_blank", "name_key <> ''");
                    table.CheckConstraint("ck_borrowers_name_not_blank", "trim(name) <> ''");
                })
                .Annotation("MySQL:Charset", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("MySQL:ValueGenerationStrategy", MySQLValueGenerationStrategy.IdentityColumn),
                    friendly_name = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: true, collation: "utf8mb4_bin"),
                    xml = table.Column<string>(type: "longtext", nullable: false, collation: "utf8mb4_bin")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                })
                .Annotation("MySQL:Charset", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "tags",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("MySQL:ValueGenerationStrategy", MySQLValueGenerationStrategy.IdentityColumn),
                    name = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: false, collation: "utf8mb4_bin"),
                    name_key = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: false, collation: "utf8mb4_bin")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tags", x => x.id);
                    table.CheckConstraint("ck_tags_name_key_not_blank", "name_key <> ''");
                })
                .Annotation("MySQL:Charset", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("MySQL:ValueGenerationStrategy", MySQLValueGenerationStrategy.IdentityColumn),
                    name = table.Column<string>(type: "varchar(100)", maxLength: 100, nullable: false, collation: "utf8mb4_bin"),
                    name_key = table.Column<string>(type: "varchar(100)", maxLength: 100, nullable: false, collation: "utf8mb4_bin"),
                    role = table.Column<string>(type: "varchar(10)", maxLength: 10, nullable: false),
                    password_hash = table.Column<string>(type: "varchar(500)", maxLength: 500, nullable: false, collation: "utf8mb4_bin"),
                    security_stamp = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false, collation: "utf8mb4_bin"),
                    created_at = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    failed_logins = table.Column<int>(type: "int", nullable: false),
                    locked_until = table.Column<DateTime>(type: "datetime(6)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                    table.CheckConstraint("ck_users_failed_logins", "failed_logins >= 0");
                    table.CheckConstraint("ck_users_name_key_not_blank", "name_key <> ''");
                    table.CheckConstraint("ck_users_password_hash_not_blank", "password_hash <> ''");
                    table.CheckConstraint("ck_users_role", "role IN ('viewer', 'editor', 'owner')");
                })
                .Annotation("MySQL:Charset", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "book_authors",
                columns: table => new
                {
                    book_id = table.Column<int>(type: "int", nullable: false),
                    author_id = table.Column<int>(type: "int", nullable: false),
                    role = table.Column<string>(type: "varchar(20)", maxLength: 20, nullable: false),
                    position = table.Column<int>(type: "int", nullable: false)
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
                })
                .Annotation("MySQL:Charset", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "book_identifiers",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("MySQL:ValueGenerationStrategy", MySQLValueGenerationStrategy.IdentityColumn),
                    book_id = table.Column<int>(type: "int", nullable: false),
                    scheme = table.Column<string>(type: "varchar(50)", maxLength: 50, nullable: false, collation: "utf8mb4_bin"),
                    value = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: false, collation: "utf8mb4_bin")
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
                })
                .Annotation("MySQL:Charset", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "sales",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("MySQL:ValueGenerationStrategy", MySQLValueGenerationStrategy.IdentityColumn),
                    order_number = table.Column<string>(type: "varchar(40)", maxLength: 40, nullable: false, collation: "utf8mb4_bin"),
                    kind = table.Column<string>(type: "varchar(10)", maxLength: 10, nullable: false),
                    refund_of_sale_id = table.Column<long>(type: "bigint", nullable: true),
                    book_id = table.Column<int>(type: "int", nullable: true),
                    book_title = table.Column<string>(type: "varchar(1000)", maxLength: 1000, nullable: false, collation: "utf8mb4_bin"),
                    book_isbn13 = table.Column<string>(type: "varchar(13)", maxLength: 13, nullable: true, collation: "utf8mb4_bin"),
                    book_author = table.Column<string>(type: "varchar(500)", maxLength: 500, nullable: true, collation: "utf8mb4_bin"),
                    quantity = table.Column<int>(type: "int", nullable: false),
                    unit_price_minor = table.Column<long>(type: "bigint", nullable: false),
                    discount_basis_points = table.Column<int>(type: "int", nullable: false),
                    total_minor = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "varchar(3)", maxLength: 3, nullable: false, collation: "utf8mb4_bin"),
                    sold_at = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sales", x => x.id);
                    table.CheckConstraint("ck_sales_book_title_not_blank", "trim(book_title) <> ''");
                    table.CheckConstraint("ck_sales_currency", "currency REGEXP '^[A-Z]{3}$'");
                    table.CheckConstraint("ck_sales_discount", "discount_basis_points >= 0 AND discount_basis_points < 10000");
                    table.CheckConstraint("ck_sales_kind", "(kind = 'sale' AND refund_of_sale_id IS NULL) OR (kind = 'refund' AND refund_of_sale_id IS NOT NULL)");
                    table.CheckConstraint("ck_sales_order_number_not_blank", "trim(order_number) <> ''");
                    table.CheckConstraint("ck_sales_quantity", "quantity > 0 AND quantity <= 100000");
                    table.CheckConstraint("ck_sales_total", "(kind = 'sale' AND total_minor = (quantity * unit_price_minor * (10000 - discount_basis_points) + 5000) DIV 10000) OR (kind = 'refund' AND total_minor * 10000 >= quantity * unit_price_minor * (10000 - discount_basis_points) - 10000 AND total_minor * 10000 <= quantity * unit_price_minor * (10000 - discount_basis_points) + 10000)");
                    table.CheckConstraint("ck_sales_total_not_negative", "total_minor >= 0");
                    table.CheckConstraint("ck_sales_unit_price", "unit_price_minor >= 0 AND unit_price_minor <= 1000000000");
                    table.ForeignKey(
                        name: "fk_sales_books_book_id",
                        column: x => x.book_id,
                        principalTable: "books",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_sales_sales_refund_of_sale_id",
                        column: x => x.refund_of_sale_id,
                        principalTable: "sales",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                })
                .Annotation("MySQL:Charset", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "loans",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("MySQL:ValueGenerationStrategy", MySQLValueGenerationStrategy.IdentityColumn),
                    book_id = table.Column<int>(type: "int", nullable: true),
                    book_title = table.Column<string>(type: "varchar(1000)", maxLength: 1000, nullable: false, collation: "utf8mb4_bin"),
                    borrower_id = table.Column<int>(type: "int", nullable: false),
                    lent_at = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    returned_at = table.Column<DateTime>(type: "datetime(6)", nullable: true),
                    note = table.Column<string>(type: "varchar(2000)", maxLength: 2000, nullable: true, collation: "utf8mb4_bin")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loans", x => x.id);
                    table.CheckConstraint("ck_loans_book_title_not_blank", "trim(book_title) <> ''");
                    table.CheckConstraint("ck_loans_returned_after_lent", "returned_at IS NULL OR returned_at >= lent_at");
                    table.ForeignKey(
                        name: "fk_loans_books_book_id",
                        column: x => x.book_id,
                        principalTable: "books",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_loans_borrowers_borrower_id",
                        column: x => x.borrower_id,
                        principalTable: "borrowers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                })
                .Annotation("MySQL:Charset", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "book_tags",
                columns: table => new
                {
                    book_id = table.Column<int>(type: "int", nullable: false),
                    tag_id = table.Column<int>(type: "int", nullable: false)
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
                })
                .Annotation("MySQL:Charset", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "api_tokens",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("MySQL:ValueGenerationStrategy", MySQLValueGenerationStrategy.IdentityColumn),
                    user_id = table.Column<int>(type: "int", nullable: false),
                    label = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: true, collation: "utf8mb4_bin"),
                    prefix = table.Column<string>(type: "varchar(20)", maxLength: 20, nullable: false, collation: "utf8mb4_bin"),
                    hash = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false, collation: "utf8mb4_bin"),
                    created_at = table.Column<DateTime>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_tokens", x => x.id);
                    table.CheckConstraint("ck_api_tokens_hash", "char_length(hash) = 64");
                    table.ForeignKey(
                        name: "fk_api_tokens_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySQL:Charset", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "ix_api_tokens_hash",
                table: "api_tokens",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_api_tokens_user_id",
                table: "api_tokens",
                column: "user_id");

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
                name: "ix_books_added_at_id",
                table: "books",
                columns: new[] { "added_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_books_isbn13",
                table: "books",
                column: "isbn13",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_books_pages_id",
                table: "books",
                columns: new[] { "pages", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_books_status",
                table: "books",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_books_title_key",
                table: "books",
                column: "title_key")
                .Annotation("MySQL:IndexPrefixLength", new[] { 768 });

            migrationBuilder.CreateIndex(
                name: "ix_books_year_published_title_key_id",
                table: "books",
                columns: new[] { "year_published", "title_key", "id" })
                .Annotation("MySQL:IndexPrefixLength", new[] { 0, 764, 0 });

            migrationBuilder.CreateIndex(
                name: "ix_borrowers_name_key",
                table: "borrowers",
                column: "name_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_loans_book_id_lent_at",
                table: "loans",
                columns: new[] { "book_id", "lent_at" });

            migrationBuilder.CreateIndex(
                name: "ix_loans_borrower_id_lent_at",
                table: "loans",
                columns: new[] { "borrower_id", "lent_at" });

            migrationBuilder.CreateIndex(
                name: "ix_loans_open_book_id",
                table: "loans",
                column: "book_id",
                filter: "returned_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_sales_book_id",
                table: "sales",
                column: "book_id");

            migrationBuilder.CreateIndex(
                name: "ix_sales_order_number",
                table: "sales",
                column: "order_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sales_refund_of_sale_id",
                table: "sales",
                column: "refund_of_sale_id",
                filter: "refund_of_sale_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_sales_sold_at",
                table: "sales",
                column: "sold_at");

            migrationBuilder.CreateIndex(
                name: "ix_tags_name_key",
                table: "tags",
                column: "name_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_users_name_key",
                table: "users",
                column: "name_key",
                unique: true);

            // The loan limit the database keeps itself, as the Loans migration adds it on the other engines.
            foreach (var trigger in LoanLimitSql.MySqlCreate)
            {
                migrationBuilder.Sql(trigger);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(LoanLimitSql.MySqlDrop);
            migrationBuilder.DropTable(
                name: "api_tokens");

            migrationBuilder.DropTable(
                name: "book_authors");

            migrationBuilder.DropTable(
                name: "book_identifiers");

            migrationBuilder.DropTable(
                name: "book_tags");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "loans");

            migrationBuilder.DropTable(
                name: "sales");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "authors");

            migrationBuilder.DropTable(
                name: "tags");

            migrationBuilder.DropTable(
                name: "borrowers");

            migrationBuilder.DropTable(
                name: "books");
        }
    }
}
