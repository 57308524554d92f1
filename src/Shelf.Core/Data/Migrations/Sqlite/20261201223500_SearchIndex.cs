using Microsoft.EntityFrameworkCore.Migrations;
using Shelf.Core.Features.Search;

#nullable disable

namespace Shelf.Core.Data.Migrations.Sqlite
{
    /// <summary>The full-text index of the books (FTS5 and its triggers), filled from the books already there.</summary>
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(UnboundedStatements.Marker + SearchIndexSql.SqliteCreate);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in SearchIndexSql.SqliteTriggerNames)
            {
                migrationBuilder.Sql($"DROP TRIGGER {trigger}");
            }

            migrationBuilder.Sql("DROP TABLE book_search");
        }
    }
}
