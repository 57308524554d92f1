using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Shelf.Core.Data;

/// <summary>
/// Makes contexts for one library: the provider's subclass (<see cref="SqliteShelfDb"/>,
/// <see cref="PostgresShelfDb"/> or <see cref="MySqlShelfDb"/>) on options built once. A host registers it as a singleton
/// (<c>AddShelfCore</c>) and asks it for a context per command or per request; making one is
/// cheap because the options and the compiled model are shared.
/// </summary>
public sealed class ShelfDbContextFactory : IDbContextFactory<ShelfDbContext>
{
    // Found by name rather than referenced: tools/update-compiled-models.sh deletes the generated
    // classes and regenerates them, and this library must build while they are gone.
    private static readonly Lazy<IModel> SqliteModel = new(() => CompiledModel("Shelf.Core.Data.CompiledModels.Sqlite.SqliteShelfDbModel"));
    private static readonly Lazy<IModel> PostgresModel = new(() => CompiledModel("Shelf.Core.Data.CompiledModels.Postgres.PostgresShelfDbModel"));
    private static readonly Lazy<IModel> MySqlModel = new(() => CompiledModel("Shelf.Core.Data.CompiledModels.MySql.MySqlShelfDbModel"));

    private readonly Func<ShelfDbContext> _create;

    public ShelfDbContextFactory(DatabaseTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        Target = target;

        // The compiled model (Data/CompiledModels) saves a one-shot command about 100 ms of model building.
        // One method per provider: a precompiled method loads every assembly it names before it
        // runs, so a switch naming all three providers loaded MySQL's for a SQLite command.
        _create = target.Provider switch
        {
            DatabaseProvider.Sqlite => ForSqlite(target.ConnectionString),
            DatabaseProvider.Postgres => ForPostgres(target.ConnectionString),
            DatabaseProvider.MySql => ForMySql(target.ConnectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target.Provider, "unknown provider"),
        };
    }

    /// <summary>The library these contexts open.</summary>
    public DatabaseTarget Target { get; }

    /// <summary>A new context that has not touched the database yet; the caller disposes it.</summary>
    public ShelfDbContext CreateDbContext() => _create();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Func<ShelfDbContext> ForSqlite(string connectionString)
    {
        var options = new DbContextOptionsBuilder<SqliteShelfDb>()
            .UseSqlite(connectionString)
            .UseModel(SqliteModel.Value)
            .AddInterceptors(SqlitePragmas.Instance)
            .Options;
        return () => new SqliteShelfDb(options);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Func<ShelfDbContext> ForPostgres(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PostgresShelfDb>()
            .UseNpgsql(connectionString)
            .UseModel(PostgresModel.Value)
            .Options;
        return () => new PostgresShelfDb(options);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Func<ShelfDbContext> ForMySql(string connectionString)
    {
        var options = new DbContextOptionsBuilder<MySqlShelfDb>()
            // Oracle's provider cannot turn a list parameter into a table: lists go as IN (@p1, ...).
            .UseMySQL(connectionString, mysql => mysql.UseParameterizedCollectionMode(ParameterTranslationMode.MultipleParameters))
            .UseModel(MySqlModel.Value)
            .AddInterceptors(MySqlCompatibility.Instance, MySqlListParameters.Instance, MySqlReadCommitted.Instance)
            .Options;
        return () => new MySqlShelfDb(options);
    }

    private static IModel CompiledModel(string typeName) =>
        typeof(ShelfDbContextFactory).Assembly.GetType(typeName)?.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IModel
        ?? throw new InvalidOperationException($"The compiled model {typeName} is missing; run tools/update-compiled-models.sh");
}
