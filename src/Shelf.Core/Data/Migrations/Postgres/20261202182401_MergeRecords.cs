using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Shelf.Core.Data.Migrations.Postgres
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
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    kept_id = table.Column<int>(type: "integer", nullable: false),
                    kept_name = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    removed_ids = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    merged_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    kept_stamp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    data = table.Column<string>(type: "text", nullable: false),
                    undone_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_merge_records", x => x.id);
                    table.CheckConstraint("ck_merge_records_data_object", "substr(data, 1, 1) = '{'");
                    table.CheckConstraint("ck_merge_records_kind", "kind IN ('book', 'author')");
                    table.CheckConstraint("ck_merge_records_removed_ids", "removed_ids <> ''");
                    table.CheckConstraint("ck_merge_records_undone_after_merged", "undone_at IS NULL OR undone_at >= merged_at");
                });

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
