namespace Shelf.Core.Features.Stats;

/// <summary>
/// The stable codes of the errors about the library's statistics.
/// Hosts key their hints and status mappings on these constants.
/// </summary>
public static class StatsErrorCodes
{
    public const string YearInvalid = "stats.year_invalid";
}
