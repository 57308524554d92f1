using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Shelf.Core.Domain;

namespace Shelf.Core.Data;

/// <summary>The Shelf model on MySQL and MariaDB; its migrations are in <c>Migrations/MySql</c>.</summary>
/// <remarks>
/// The shared configurations are written for SQLite and PostgreSQL; this subclass changes only
/// what MySQL reads differently, so the model stays one model.
/// </remarks>
public sealed class MySqlShelfDb(DbContextOptions<MySqlShelfDb> options) : ShelfDbContext(options)
{
    /// <summary>
    /// Every text column compares byte for byte, as SQLite and PostgreSQL do: the server's
    /// <c>_ci</c> default would make unique keys and <c>=</c> merge "a" and "A", or "e" and "é".
    /// <c>utf8mb4_bin</c> exists on MySQL and MariaDB alike (it ignores trailing spaces, which no
    /// key has: <see cref="TextKey"/> and the rules trim them).
    /// </summary>
    public const string Collation = "utf8mb4_bin";

    /// <summary>InnoDB indexes at most 3072 bytes of a key, 4 per utf8mb4 character.</summary>
    private const int MaxKeyBytes = 3072;

    internal const string PrefixLengthAnnotation = "MySQL:IndexPrefixLength";

    public override DatabaseProvider Provider => DatabaseProvider.MySql;

    /// <summary>What the design-time factory adds (tools/Shelf.DesignTime), so `dotnet ef database update` works on MariaDB too.</summary>
    public static IInterceptor[] DesignTimeInterceptors => [MySqlCompatibility.Instance];

    /// <summary>
    /// MySql.Data's reader cannot hand out a DATE column as <see cref="DateOnly"/> (GetFieldValue
    /// throws "DateTime to DateOnly"), so on MySQL the dates travel as midnight DateTimes into the
    /// same <c>date</c> columns.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateOnly>().HaveConversion<DateOnlyAsDateTime>().HaveColumnType("date");
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()).Where(p => p.ClrType == typeof(string)))
        {
            property.SetCollation(Collation);
        }

        PrefixLongKeys(modelBuilder);

        // MySQL's ltrim takes no set of characters, and its length() counts bytes.
        modelBuilder.Entity<Book>().ToTable("books", table =>
        {
            table.HasCheckConstraint("ck_books_isbn13_digits", "isbn13 IS NULL OR isbn13 REGEXP '^97[89][0-9]{10}$'");
            table.HasCheckConstraint(
                "ck_books_list_price",
                "(list_price_minor IS NULL AND list_price_currency IS NULL) OR (list_price_minor >= 0 AND char_length(list_price_currency) = 3)");
        });
        modelBuilder.Entity<ApiToken>().ToTable("api_tokens", table => table.HasCheckConstraint("ck_api_tokens_hash", "char_length(hash) = 64"));

        // And its "/" divides exactly (a DECIMAL), where SQLite and PostgreSQL divide integers: DIV
        // truncates as they do. REGEXP on a binary collation is case-sensitive, as the ltrim was.
        var sales = modelBuilder.Entity<Sale>();
        var total = sales.Metadata.FindCheckConstraint("ck_sales_total")!.Sql.Replace(") / 10000", ") DIV 10000", StringComparison.Ordinal);
        sales.ToTable("sales", table =>
        {
            table.HasCheckConstraint("ck_sales_total", total);
            table.HasCheckConstraint("ck_sales_currency", "currency REGEXP '^[A-Z]{3}$'");
        });
    }

    // An index whose text columns may be longer than InnoDB keys is made on their leading
    // characters (the title key's index serves prefix and equality lookups alike: the row is
    // still compared whole). A unique index must not be cut, or two keys alike in their first
    // characters would collide; none is this long, and this throws if one becomes so.
    private static void PrefixLongKeys(ModelBuilder modelBuilder)
    {
        foreach (var index in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetIndexes()))
        {
            var texts = index.Properties.Count(p => p.ClrType == typeof(string));
            var otherBytes = 8 * (index.Properties.Count - texts);
            if (texts == 0 || otherBytes + index.Properties.Where(p => p.ClrType == typeof(string)).Sum(p => 4 * (p.GetMaxLength() ?? int.MaxValue / 8)) <= MaxKeyBytes)
            {
                continue;
            }

            if (index.IsUnique)
            {
                throw new InvalidOperationException($"The unique index {index.GetDatabaseName()} is longer than MySQL keys; give its text columns a smaller maximum length.");
            }

            var share = (MaxKeyBytes - otherBytes) / texts / 4;
            index.SetAnnotation(PrefixLengthAnnotation, index.Properties.Select(p => p.ClrType == typeof(string) && (p.GetMaxLength() ?? int.MaxValue) > share ? share : 0).ToArray());
        }
    }
}

/// <summary>A calendar day as the midnight <see cref="DateTime"/> MySql.Data reads a DATE column as.</summary>
internal sealed class DateOnlyAsDateTime() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateOnly, DateTime>(
    day => day.ToDateTime(TimeOnly.MinValue),
    moment => DateOnly.FromDateTime(moment));
