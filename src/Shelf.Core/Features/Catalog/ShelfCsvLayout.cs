using System.Globalization;
using System.Text;
using System.Text.Json;
using Shelf.Core.Common;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Catalog;

/// <summary>
/// How Shelf's own CSV export writes lists and reads back its fields that are more than one plain
/// value, shared by the exporter and by <see cref="Formats.ShelfFormat"/> so that an export always
/// imports back (the columns are <see cref="BookFields"/>' labels). Lists in one field use "; "
/// (names and shelf names hold commas); a role follows a name in brackets, as <c>shelf add --author</c> takes it.
/// </summary>
internal static class ShelfCsvLayout
{
    /// <summary>The export's header, from <see cref="BookFields"/>, then the loans (<see cref="LoanColumn"/>).</summary>
    public static IReadOnlyList<string> Columns { get; } = [.. BookFields.Exported.Select(f => f.CsvColumn), LoanColumn.Label];

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

    /// <summary>The credits column: each name with its role, in order.</summary>
    public static void ReadCredits(ShelfCsvCells cells, int column)
    {
        foreach (var (name, role) in ParseCredits(cells.Row.Raw(column)))
        {
            cells.Row.Credit(name, role, cells.Row.Label(column));
        }
    }

    /// <summary>The list price, a whole number of minor units in one column and its currency in another: both or neither.</summary>
    public static void ReadPrice(ShelfCsvCells cells, int minorColumn, int currencyColumn)
    {
        var row = cells.Row;
        var minor = row.Raw(minorColumn).Trim();
        var currency = row.Raw(currencyColumn).Trim().ToUpperInvariant();
        if (minor.Length == 0 && currency.Length == 0)
        {
            return;
        }

        if (!long.TryParse(minor, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || currency.Length != 3)
        {
            row.Warn($"{row.Label(minorColumn)} and {row.Label(currencyColumn)}: '{UserText.Shorten(minor)}' '{UserText.Shorten(currency)}' is not a whole number of cents and a currency code such as EUR; left empty, kept in the extras");
            row.Keep(minorColumn);
            row.Keep(currencyColumn);
            return;
        }

        cells.Record.ListPriceMinor = amount;
        cells.Record.ListPriceCurrency = currency;
    }

    /// <summary>The ids column; an id that cannot be stored as one is kept in the extras with a warning.</summary>
    public static void ReadIdentifiers(ShelfCsvCells cells, int column)
    {
        var row = cells.Row;
        foreach (var (scheme, value) in ParseIdentifiers(row.Raw(column)))
        {
            if (scheme.Length is > 0 and <= 50 && value.Length is > 0 and <= 200)
            {
                cells.Record.AddIdentifier(scheme, value);
            }
            else
            {
                row.Warn($"{row.Label(column)}: '{UserText.Shorten($"{scheme}:{value}")}' is not an id (scheme:value, at most 50 and 200 characters); kept in the extras");
                row.Keep(column);
            }
        }
    }

    /// <summary>The moment the book was added, as the export writes it (ISO 8601, UTC).</summary>
    public static void ReadAdded(ShelfCsvCells cells, int column)
    {
        var text = cells.Row.Raw(column).Trim();
        if (text.Length == 0)
        {
            return;
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var added))
        {
            cells.Record.AddedAt = added;
        }
        else
        {
            cells.Row.Unusable(column, "is not a date and time such as 2024-10-06T12:00:00Z");
        }
    }

    /// <summary>The extras column: a JSON object of sources and their fields; anything else is kept as text.</summary>
    public static void ReadExtras(ShelfCsvCells cells, int column)
    {
        var json = cells.Row.Raw(column).Trim();
        if (json.Length == 0)
        {
            return;
        }

        try
        {
            foreach (var (source, name, value) in BookExtras.Parse(json).All)
            {
                cells.Record.Extras.Add(source, name, value);
            }
        }
        catch (JsonException e)
        {
            cells.Row.Warn($"{cells.Row.Label(column)} is not a JSON object of sources and fields ({e.Message}); kept as text in the extras");
            cells.Row.Keep(column);
        }
    }
}
