using System.Text;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Catalog.Formats;

/// <summary>
/// The columns of Shelf's own CSV export, shared by the exporter and by <see cref="ShelfFormat"/>
/// so that an export always imports back. Lists in one field use "; " (names and shelf names
/// hold commas); a role follows a name in brackets, as <c>shelf add --author</c> takes it.
/// </summary>
internal static class ShelfCsvLayout
{
    public const string Title = "title";
    public const string Subtitle = "subtitle";
    public const string Authors = "authors";
    public const string Isbn13 = "isbn13";
    public const string Publisher = "publisher";
    public const string YearPublished = "year_published";
    public const string OriginalPublicationYear = "original_publication_year";
    public const string Language = "language";
    public const string Format = "format";
    public const string Pages = "pages";
    public const string Series = "series";
    public const string SeriesNumber = "series_number";
    public const string Description = "description";
    public const string ListPriceMinor = "list_price_minor";
    public const string ListPriceCurrency = "list_price_currency";
    public const string Rating = "rating";
    public const string Status = "status";
    public const string DateStarted = "date_started";
    public const string DateRead = "date_read";
    public const string ReadCount = "read_count";
    public const string Review = "review";
    public const string PrivateNotes = "private_notes";
    public const string OwnedCopies = "owned_copies";
    public const string Location = "location";
    public const string Shelves = "shelves";
    public const string Identifiers = "identifiers";
    public const string DateAdded = "date_added";
    public const string Extras = "extras";

    public static IReadOnlyList<string> Columns { get; } =
    [
        Title, Subtitle, Authors, Isbn13, Publisher, YearPublished, OriginalPublicationYear, Language, Format, Pages,
        Series, SeriesNumber, Description, ListPriceMinor, ListPriceCurrency, Rating, Status, DateStarted, DateRead,
        ReadCount, Review, PrivateNotes, OwnedCopies, Location, Shelves, Identifiers, DateAdded, Extras,
    ];

    public const string ListSeparator = "; ";

    /// <summary>"Gabriel García Márquez; Gregory Rabassa (translator)".</summary>
    public static string FormatCredits(IEnumerable<(string Name, AuthorRole Role)> credits)
    {
        var text = new StringBuilder();
        foreach (var (name, role) in credits)
        {
            if (text.Length > 0)
            {
                text.Append(ListSeparator);
            }

            text.Append(name);
            if (role != AuthorRole.Author)
            {
                text.Append(" (").Append(role.ToString().ToLowerInvariant()).Append(')');
            }
        }

        return text.ToString();
    }

    /// <summary>Reads <see cref="FormatCredits"/> back.</summary>
    public static IEnumerable<(string Name, AuthorRole Role)> ParseCredits(string text)
    {
        foreach (var part in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var open = part.LastIndexOf('(');
            if (open > 0 && part.EndsWith(')') && Enum.TryParse<AuthorRole>(part[(open + 1)..^1].Trim(), ignoreCase: true, out var role)
                && !int.TryParse(part[(open + 1)..^1], System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                yield return (part[..open].Trim(), role);
            }
            else
            {
                yield return (part, AuthorRole.Author);
            }
        }
    }

    public static string FormatIdentifiers(IEnumerable<(string Scheme, string Value)> identifiers) =>
        string.Join(ListSeparator, identifiers.Select(i => $"{i.Scheme}:{i.Value}"));

    public static IEnumerable<(string Scheme, string Value)> ParseIdentifiers(string text)
    {
        foreach (var part in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                yield return (part[..colon].Trim().ToLowerInvariant(), part[(colon + 1)..].Trim());
            }
        }
    }
}
