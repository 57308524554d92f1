using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Shelf.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddSalesLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sales",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    order_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    refund_of_sale_id = table.Column<long>(type: "bigint", nullable: true),
                    book_id = table.Column<int>(type: "integer", nullable: true),
                    book_title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    book_isbn13 = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    book_author = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    unit_price_minor = table.Column<long>(type: "bigint", nullable: false),
                    discount_basis_points = table.Column<int>(type: "integer", nullable: false),
                    total_minor = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    sold_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sales", x => x.id);
                    table.CheckConstraint("ck_sales_book_title_not_blank", "trim(book_title) <> ''");
                    table.CheckConstraint("ck_sales_currency", "length(currency) = 3 AND ltrim(currency, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') = ''");
                    table.CheckConstraint("ck_sales_discount", "discount_basis_points >= 0 AND discount_basis_points < 10000");
                    table.CheckConstraint("ck_sales_kind", "(kind = 'sale' AND refund_of_sale_id IS NULL) OR (kind = 'refund' AND refund_of_sale_id IS NOT NULL)");
                    table.CheckConstraint("ck_sales_order_number_not_blank", "trim(order_number) <> ''");
                    table.CheckConstraint("ck_sales_quantity", "quantity > 0 AND quantity <= 100000");
                    table.CheckConstraint("ck_sales_total", "(kind = 'sale' AND total_minor = (quantity * unit_price_minor * (10000 - discount_basis_points) + 5000) / 10000) OR (kind = 'refund' AND total_minor * 10000 >= quantity * unit_price_minor * (10000 - discount_basis_points) - 10000 AND total_minor * 10000 <= quantity * unit_price_minor * (10000 - discount_basis_points) + 10000)");
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
                });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sales");
        }
    }
}
