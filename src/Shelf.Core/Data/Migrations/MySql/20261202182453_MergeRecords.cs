using System;
using Microsoft.EntityFrameworkCore.Migrations;
using MySql.EntityFrameworkCore.Metadata;

#nullable disable

namespace Shelf.Core.Data.Migrations.MySql
{
    /// <inheritdoc />
    public partial class MergeRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "merge_records",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("MySQL:ValueGenerationStrategy", MySQLValueGenerationStrategy.IdentityColumn),
                    kind = table.Column<string>(type: "varchar(10)", maxLength: 10, nullable: false),
                    kept_id = table.Column<int>(type: "int", nullable: false),
                    kept_name = table.Column<string>(type: "varchar(1000)", maxLength: 1000, nullable: false, collation: "utf8mb4_bin"),
                    removed_ids = table.Column<string>(type: "varchar(4000)", maxLength: 4000, nullable: false, collation: "utf8mb4_bin"),
                    merged_at = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    kept_stamp = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    data = table.Column<string>(type: "longtext", nullable: false, collation: "utf8mb4_bin"),
                    undone_at = table.Column<DateTime>(type: "datetime(6)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_merge_records", x => x.id);
                    table.CheckConstraint("ck_merge_records_data_object", "substr(data, 1, 1) = '{'");
                    table.CheckConstraint("ck_merge_records_kind", "kind IN ('book', 'author')");
                    table.CheckConstraint("ck_merge_records_removed_ids", "removed_ids <> ''");
                    table.CheckConstraint("ck_merge_records_undone_after_merged", "undone_at IS NULL OR undone_at >= merged_at");
                })
                .Annotation("MySQL:Charset", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "ix_merge_records_merged_at",
                table: "merge_records",
                column: "merged_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "merge_records");
        }
    }
}
