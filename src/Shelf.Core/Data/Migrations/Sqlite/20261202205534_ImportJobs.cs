using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shelf.Core.Data.Migrations.Sqlite
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    file_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    dry_run = table.Column<bool>(type: "INTEGER", nullable: false),
                    started_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    runner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    runner_machine = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    runner_pid = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    heartbeat_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    rows_read = table.Column<long>(type: "INTEGER", nullable: false),
                    bytes_read = table.Column<long>(type: "INTEGER", nullable: false),
                    total_bytes = table.Column<long>(type: "INTEGER", nullable: true),
                    step = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    summary = table.Column<string>(type: "TEXT", nullable: true),
                    error_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    error_code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    error_message = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
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
