using System.Text;
using Shelf.Core.Domain;

namespace Shelf.Core.Features.Catalog;

/// <summary>
/// How Shelf's own CSV export writes lists, shared by the exporter and by <see cref="Formats.ShelfFormat"/>
/// so that an export always imports back (the columns are <see cref="BookFields"/>' labels). Lists in one field use "; " (names and shelf names
/// hold commas); a role follows a name in brackets, as <c>shelf add --author</c> takes it.
/// </summary>
internal static class ShelfCsvLayout
{
    /// <summary>The export's header, from <see cref="BookFields"/>.</summary>
    public static IReadOnlyList<string> Columns { get; } = [.. BookFields.Exported.Select(f => f.CsvColumn)];

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
