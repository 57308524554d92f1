using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Shelf.Core.Features.Loans;

#nullable disable

namespace Shelf.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    /// <summary>Borrowers and loans, with the trigger that keeps a book out to at most its owned copies.</summary>
    public partial class Loans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "borrowers",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 310, nullable: false),
                    name_key = table.Column<string>(type: "TEXT", maxLength: 310, nullable: false),
                    contact = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_borrowers", x => x.id);
                    table.CheckConstraint("ck_borrowers_name_key_not_blank", "name_key <> ''");
                    table.CheckConstraint("ck_borrowers_name_not_blank", "trim(name) <> ''");
                });

            migrationBuilder.CreateTable(
                name: "loans",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    book_id = table.Column<int>(type: "INTEGER", nullable: true),
                    book_title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    borrower_id = table.Column<int>(type: "INTEGER", nullable: false),
                    lent_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    returned_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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
                });

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

            // The limit of open loans per book, kept by the database itself (LoanLimitSql).
            migrationBuilder.Sql(LoanLimitSql.SqliteCreate);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in LoanLimitSql.SqliteTriggerNames)
            {
                migrationBuilder.Sql($"DROP TRIGGER {trigger}");
            }

            migrationBuilder.DropTable(
                name: "loans");

            migrationBuilder.DropTable(
                name: "borrowers");
        }
    }
}
