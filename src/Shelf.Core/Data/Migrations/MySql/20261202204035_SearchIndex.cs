using Microsoft.EntityFrameworkCore.Migrations;
using Shelf.Core.Features.Search;

#nullable disable

namespace Shelf.Core.Data.Migrations.MySql
{
    /// <summary>The search index (a word table kept by triggers, see SearchIndexSql), filled from the books already there.</summary>
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in SearchIndexSql.MySqlCreate)
            {
                migrationBuilder.Sql(statement);
            }

            foreach (var statement in SearchIndexSql.MySqlRebuild)
            {
                migrationBuilder.Sql(UnboundedStatements.Marker + statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchIndexSql.MySqlDrop);
        }
    }
}
