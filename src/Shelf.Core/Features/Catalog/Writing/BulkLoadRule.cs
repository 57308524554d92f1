namespace Shelf.Core.Features.Catalog.Writing;

/// <summary>
/// When a writer sets indexes and checks aside for an import and puts them back at the end:
/// only when the file is large, and large next to the library. Rebuilding costs a pass over
/// every book already there, so a small file, or one added to a big library, keeps them.
/// </summary>
internal static class BulkLoadRule
{
    /// <summary>Below this many expected rows, upkeep row by row costs less than rebuilding.</summary>
    public const long MinimumRows = 20_000;

    public static bool Applies(long expectedRows, long existingBooks) =>
        expectedRows >= MinimumRows && expectedRows >= existingBooks / 2;

    /// <summary>
    /// MySQL sets no index aside, only the triggers that keep the search words and book counts:
    /// there each row's words cost a stored procedure's statements, so a one-pass rebuild pays off
    /// far sooner (a 10,000-book import into an empty library: see MySqlCatalogWriter).
    /// </summary>
    public const long MySqlMinimumRows = 1_000;

    public static bool AppliesOnMySql(long expectedRows, long existingBooks) =>
        expectedRows >= MySqlMinimumRows && expectedRows >= existingBooks / 2;
}
