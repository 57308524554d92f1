using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shelf.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ImportJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "import_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    state = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    file_bytes = table.Column<long>(type: "bigint", nullable: false),
                    dry_run = table.Column<bool>(type: "boolean", nullable: false),
                    started_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    runner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    runner_machine = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    runner_pid = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    heartbeat_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    rows_read = table.Column<long>(type: "bigint", nullable: false),
                    bytes_read = table.Column<long>(type: "bigint", nullable: false),
                    total_bytes = table.Column<long>(type: "bigint", nullable: true),
                    step = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    summary = table.Column<string>(type: "text", nullable: true),
                    error_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    error_code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    error_message = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_jobs", x => x.id);
                    table.CheckConstraint("ck_import_jobs_counts", "file_bytes >= 0 AND rows_read >= 0 AND bytes_read >= 0");
                    table.CheckConstraint("ck_import_jobs_error", "(error_code IS NULL) = (state IN ('queued', 'running', 'succeeded'))");
                    table.CheckConstraint("ck_import_jobs_error_kind", "(error_kind IS NULL) = (error_code IS NULL)");
                    table.CheckConstraint("ck_import_jobs_finished", "(finished_at IS NULL) = (state IN ('queued', 'running'))");
                    table.CheckConstraint("ck_import_jobs_state", "state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')");
                    table.CheckConstraint("ck_import_jobs_summary", "summary IS NULL OR state = 'succeeded'");
                });

            migrationBuilder.CreateIndex(
                name: "ix_import_jobs_created_at",
                table: "import_jobs",
                column: "created_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "import_jobs");
        }
    }
}
