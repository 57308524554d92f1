using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Shelf.Core.Data;

namespace Shelf.DesignTime;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context; the file is never opened when scaffolding.</summary>
internal sealed class SqliteShelfDbFactory : IDesignTimeDbContextFactory<SqliteShelfDb>
{
    public SqliteShelfDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteShelfDb>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context; no server is contacted when scaffolding.</summary>
internal sealed class PostgresShelfDbFactory : IDesignTimeDbContextFactory<PostgresShelfDb>
{
    public PostgresShelfDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresShelfDb>().UseNpgsql("Host=localhost;Database=shelf_design_time").Options);
}

/// <summary>Lets <c>dotnet ef</c> build the MySQL context; no server is contacted when scaffolding.</summary>
internal sealed class MySqlShelfDbFactory : IDesignTimeDbContextFactory<MySqlShelfDb>
{
    public MySqlShelfDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MySqlShelfDb>()
            .UseMySQL("Server=localhost;Database=shelf_design_time;CharacterSet=utf8mb4")
            .AddInterceptors(MySqlShelfDb.DesignTimeInterceptors)
            .Options);
}
