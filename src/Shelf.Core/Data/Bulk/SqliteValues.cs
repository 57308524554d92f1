using System.Globalization;

namespace Shelf.Core.Data.Bulk;

/// <summary>
/// How values are stored on SQLite when a bulk writer binds them itself: exactly the text
/// Microsoft.Data.Sqlite (and so EF) writes, because queries compare times and days as text and
/// EF must read back what the writer stored.
/// </summary>
internal static class SqliteValues
{
    /// <summary>A UTC time as Microsoft.Data.Sqlite writes a DateTime: "yyyy-MM-dd HH:mm:ss.FFFFFFF".</summary>
    public static string Moment(DateTime value) => value.ToString("yyyy'-'MM'-'dd HH':'mm':'ss.FFFFFFF", CultureInfo.InvariantCulture);

    /// <summary>A day as Microsoft.Data.Sqlite writes a DateOnly: "yyyy-MM-dd".</summary>
    public static string? Day(DateOnly? value) => value?.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);
}
