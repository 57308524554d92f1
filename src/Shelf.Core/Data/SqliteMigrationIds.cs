namespace Shelf.Core.Data;

/// <summary>
/// The ids of this Shelf's SQLite migrations, in order, known without EF: asking EF for them
/// (<c>GetMigrations()</c>) loads every type of this assembly to find the migrations, which costs a
/// one-shot command more than its query. A migration added without its id here is caught by
/// SqliteMigrationIdsTests, which compares this list with EF's.
/// </summary>
internal static class SqliteMigrationIds
{
    public static readonly IReadOnlyList<string> All =
    [
        "20261121060337_InitialCatalog",
        "20261121064512_AddSalesLedger",
        "20261121073110_ImportExtras",
        "20261201221601_ListingOrderIndexes",
        "20261201223500_SearchIndex",
        "20261202061212_Accounts",
        "20261202132944_Loans",
        "20261202182330_MergeRecords",
        "20261202193759_StatsDateReadIndex",
        "20261202205534_ImportJobs",
        "20261203081934_AuthorBookCounts",
    ];
}
