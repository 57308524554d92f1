using System.Text.RegularExpressions;

namespace Shelf.Core.Features.Importing;

/// <summary>
/// The console table <c>calibredb list</c> prints: columns padded with spaces (or its
/// <c>--separator</c>), cells wrapped onto continuation lines, "None" for empty, log lines
/// before the header. Read as CSV it builds wrong books without a warning (a wrapped author
/// lost, title lines as books of their own), so it is refused, saying what to export instead.
/// </summary>
internal static partial class CalibreListOutput
{
    /// <summary>Lines looked at for the table's header: calibredb logs a few before it.</summary>
    private const int LinesLooked = 20;

    public static bool Looks(string start)
    {
        var lines = start.Split('\n', LinesLooked + 1);
        // Padding (a run of spaces) tells the table from a CSV whose first columns are id and title.
        return lines.Take(LinesLooked).Any(line => Header().IsMatch(line) && line.Contains("  ", StringComparison.Ordinal));
    }

    // "id title         authors": the id column first, then title, each padded to its widest cell (or split by --separator).
    [GeneratedRegex(@"^\s*id(\s+|\s*[;|]\s*)title(\s+|\s*[;|]\s*)\w", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Header();
}
