using Microsoft.EntityFrameworkCore;

namespace Shelf.Core.Data;

/// <summary>The Shelf model on SQLite; its migrations are in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteShelfDb(DbContextOptions<SqliteShelfDb> options) : ShelfDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}
