using Microsoft.EntityFrameworkCore;

namespace Shelf.Core.Data;

/// <summary>The Shelf model on PostgreSQL; its migrations are in <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresShelfDb(DbContextOptions<PostgresShelfDb> options) : ShelfDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
