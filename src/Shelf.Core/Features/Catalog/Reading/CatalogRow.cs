using System.Globalization;
using Shelf.Core.Common;
using Shelf.Core.Domain;
using Shelf.Core.Features.Books;

namespace Shelf.Core.Features.Catalog.Reading;

/// <summary>
/// The row a format maps, with typed readers that check values against Shelf's rules. A
/// format reads the columns it knows; every other non-empty column goes to the book's extras
/// on its own, so a column nobody mapped is still never lost.
/// </summary>
internal sealed class CatalogRow
{
    /// <summary>Longest field accepted: a real review fits; a 10 MB blob is a broken file.</summary>
    public const int MaxFieldLength = 1_000_000;

    private const int MaxCachedNames = 100_000;

    private readonly ICatalogSource _cells;
    private readonly CatalogHeader _header;
    private readonly string _source;
    private readonly bool[] _consumed;
    private readonly bool[] _kept;
    private readonly Dictionary<string, AuthorName?> _names = new(StringComparer.Ordinal);

    public CatalogRow(ICatalogSource cells, CatalogHeader header, string source, bool decodeEntities = true)
    {
        _cells = cells;
        _header = header;
        _source = source;
        _decodeEntities = decodeEntities;
        _consumed = new bool[header.Count];
        _kept = new bool[header.Count];
        _uniqueNames = header.Names.Distinct(StringComparer.Ordinal).Count() == header.Count;
    }

    // A header without repeated names lets unmapped columns go into the extras without a duplicate check.
    private readonly bool _uniqueNames;

    // Shelf's own export writes text as stored, so "&amp;" there is what the user typed.
    private readonly bool _decodeEntities;

    // A row with unquoted separators in one column (Kaggle's authors): that column spans the extra fields.
    private int _overflowAt = -1;
    private int _overflow;

    // A row whose column swallowed the next one (Book-Crossing's titles): the two values split back out.
    private (string Left, string Right)? _split;

    public long Line { get; private set; }

    public CatalogRecord Record { get; private set; } = new();

    /// <summary>Why the row cannot be imported; the first problem found.</summary>
    public string? Failure { get; private set; }

    public List<string> Warnings { get; } = [];

    /// <summary>Starts a new record; false (with <see cref="Failure"/> set) when a field is beyond any sane size.</summary>
    public bool Begin(long line)
    {
        Line = line;
        Record = new CatalogRecord();
        Failure = null;
        Warnings.Clear();
        Array.Clear(_consumed);
        Array.Clear(_kept);
        _overflow = 0;
        _split = null;
        for (var i = 0; i < _cells.FieldCount; i++)
        {
            // UTF-8 bytes are at least as many as characters, so this never refuses a field that fits.
            var bytes = _cells.ByteLength(i);
            if (bytes > MaxFieldLength && _cells.Cell(i).Length > MaxFieldLength)
            {
                Fail($"{Label(i)} holds {bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes; at most {MaxFieldLength.ToString("N0", CultureInfo.InvariantCulture)} characters are accepted in one field");
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads the current row's <paramref name="extra"/> fields beyond the header as part of <paramref name="column"/>, whose text held the separator unquoted.</summary>
    public void SpanOverflow(int column, int extra)
    {
        _overflowAt = column;
        _overflow = extra;
    }

    /// <summary>
    /// Reads the current row, one field short, as if <paramref name="column"/>'s cell were two:
    /// <paramref name="left"/> for it and <paramref name="right"/> for the next column (see
    /// <see cref="EscapedClosingQuote"/>); the columns after them move back into place.
    /// </summary>
    public void SplitSwallowed(int column, string left, string right)
    {
        _overflowAt = column;
        _split = (left, right);
    }

    // Where a column's cell is when one column spans extra fields, or when one cell holds two columns.
    private int CellOf(int column) =>
        _split is not null ? (column <= _overflowAt ? column : column - 1)
        : _overflow == 0 || column <= _overflowAt ? column : column + _overflow;

    // A column whose text is not one cell of the row as read.
    private bool Rebuilt(int column) =>
        (_overflow > 0 && column == _overflowAt) || (_split is not null && (column == _overflowAt || column == _overflowAt + 1));

    /// <summary>
    /// The field's text ("" when the column is absent), with HTML entities decoded: exports
    /// scraped from web pages write "Simon &amp;amp; Schuster" and "O&amp;#039;Reilly". Marks it as mapped.
    /// </summary>
    public string Raw(int column)
    {
        var text = Exact(column);
        return _decodeEntities ? HtmlEntities.Decode(text) : text;
    }

    /// <summary>The field's text exactly as written: HTML descriptions keep their entities, the extras what the file said.</summary>
    public string Exact(int column)
    {
        if (column < 0 || column >= _header.Count)
        {
            return string.Empty;
        }

        _consumed[column] = true;
        if (_split is { } split && Rebuilt(column))
        {
            return column == _overflowAt ? split.Left : split.Right;
        }

        if (_overflow > 0 && column == _overflowAt)
        {
            return string.Join(_cells.Separator, Enumerable.Range(column, _overflow + 1).Select(_cells.Cell));
        }

        var cell = CellOf(column);
        return cell < _cells.FieldCount ? _cells.Cell(cell) : string.Empty;
    }

    public void Fail(string reason) => Failure ??= reason;

    /// <summary>
    /// A value Shelf cannot use: one bad cell never costs the book. The warning names the column
    /// and the value (the row's line comes with every warning), the field stays empty, and the
    /// raw text is kept in the extras so nothing the file said is lost.
    /// </summary>
    public void Unusable(int column, string problem)
    {
        var raw = Exact(column);
        Warn($"{Label(column)}: '{UserText.Shorten(raw.Trim())}' {problem}; left empty, the value kept in the extras");
        Keep(column, raw);
    }

    public void Warn(string message) => Warnings.Add(message);

    /// <summary>Keeps a mapped field's raw text in the extras too, for a value Shelf could not use as it was.</summary>
    public void Keep(int column, string? value = null)
    {
        if (column >= 0 && column < _header.Count && !_kept[column])
        {
            _kept[column] = true;
            Record.Extras.Add(_source, _header.Names[column], value ?? Exact(column));
        }
    }

    /// <summary>Puts every column no format read into the extras; called after mapping.</summary>
    public void KeepUnmapped()
    {
        var count = Math.Min(_cells.FieldCount - _overflow + (_split is null ? 0 : 1), _header.Count);
        for (var i = 0; i < count; i++)
        {
            if (!_consumed[i] && !_kept[i] && (Rebuilt(i) || !_cells.IsEmpty(CellOf(i))))
            {
                var text = Rebuilt(i) ? Exact(i) : _cells.Cell(CellOf(i));
                if (_uniqueNames)
                {
                    Record.Extras.AddNew(_source, _header.Names[i], text);
                }
                else
                {
                    Record.Extras.Add(_source, _header.Names[i], text);
                }
            }
        }
    }

    public string Label(int column) => column >= 0 && column < _header.Count ? _header.Names[column] : "?";

    /// <summary>Single-line text with runs of spaces collapsed; null when empty.</summary>
    public string? Text(int column, int maxLength = BookRules.MaxFieldLength)
    {
        var result = BookRules.Text(Raw(column), Label(column), maxLength);
        if (!result.IsSuccess)
        {
            Unusable(column, $"is too long ({Raw(column).Trim().Length.ToString(CultureInfo.InvariantCulture)} characters; at most {maxLength.ToString(CultureInfo.InvariantCulture)})");
            return null;
        }

        return result.Value;
    }

    /// <summary>Text that may hold line breaks (reviews, notes, descriptions): trimmed, otherwise as written.</summary>
    public string? LongText(int column)
    {
        var text = Exact(column).Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>A whole number within bounds, or null when empty.</summary>
    public int? Number(int column, int min, int max)
    {
        var text = Raw(column).Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (!CatalogValues.TryWholeNumber(text, out var value))
        {
            Unusable(column, "is not a whole number");
            return null;
        }

        if (value < min || value > max)
        {
            Unusable(column, $"is out of range (from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)})");
            return null;
        }

        return value;
    }

    /// <summary>Pages; 0 means unknown to Goodreads and LibraryThing, so it is read as none.</summary>
    public int? Pages(int column)
    {
        var pages = Number(column, 0, Book.MaxPages);
        return pages == 0 ? null : pages;
    }

    /// <summary>
    /// A year; negative is BCE. Written as "2008.0" by some tools; a full date (a column of
    /// publication dates mapped to the year) gives its year.
    /// </summary>
    public int? Year(int column)
    {
        var text = Raw(column).Trim();
        if (text.Length == 0)
        {
            return null;
        }

        int whole;
        if (CatalogValues.TryDate(text, out var date))
        {
            whole = date.Year;
        }
        else if (!CatalogValues.TryWholeNumber(text, out whole))
        {
            Unusable(column, "is not a year such as 1999");
            return null;
        }

        var year = BookRules.Year(whole.ToString(CultureInfo.InvariantCulture), Label(column));
        if (!year.IsSuccess)
        {
            // Year 0 is how several catalogs write "unknown"; it is no year Shelf can store.
            Unusable(column, "is not a year Shelf can store (no year 0; negative is BCE)");
            return null;
        }

        return year.Value;
    }

    public DateOnly? Date(int column)
    {
        var text = Raw(column).Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (!CatalogValues.TryDate(text, out var date))
        {
            Unusable(column, "is not a date (such as 2024-10-06, 2024/10/06, 10/6/2024 or 6.10.2024)");
            return null;
        }

        return date;
    }

    /// <summary>
    /// A star rating on a 0–<paramref name="scale"/> scale, as Shelf's 1–5; 0 is "not rated".
    /// Half and quarter stars are rounded and the exact value kept in the extras.
    /// </summary>
    public int? Rating(int column, decimal scale = 5)
    {
        var text = Raw(column).Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var stars) || stars > scale)
        {
            Unusable(column, $"is not a rating from 0 to {scale.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        var five = stars * 5 / scale;
        if (five == 0)
        {
            return null;
        }

        var rounded = (int)Math.Clamp(Math.Round(five, MidpointRounding.AwayFromZero), 1, 5);
        if (rounded != five)
        {
            Keep(column, text);
        }

        return rounded;
    }

    /// <summary>An ISBN; a value that cannot be used is a warning and kept in the extras, never a rejected row.</summary>
    public string? Isbn(int column, bool restoreZeros = false)
    {
        var raw = Raw(column);
        var isbn = CatalogValues.Isbn(raw, restoreZeros, out var problem);
        if (problem is not null)
        {
            Warn($"{Label(column)}: {problem}");
            Keep(column, raw);
        }

        return isbn;
    }

    /// <summary>
    /// An edition's ISBN from a file that has both an ISBN-13 and an ISBN-10 column: the 13 first;
    /// a 10 that names another edition is kept in the extras, never dropped.
    /// </summary>
    public string? Isbn(int isbn13Column, int isbn10Column, bool restoreZeros)
    {
        var isbn13 = Isbn(isbn13Column);
        var isbn10 = Isbn(isbn10Column, restoreZeros);
        if (isbn13 is not null && isbn10 is not null && isbn10 != isbn13)
        {
            Keep(isbn10Column);
        }

        return isbn13 ?? isbn10;
    }

    /// <summary>Parses a person's name (cached: the same names come back row after row); null with a warning when it is not one.</summary>
    public AuthorName? Name(string text, string label)
    {
        if (_names.TryGetValue(text, out var cached))
        {
            return cached;
        }

        AuthorName? name = AuthorName.TryParse(text, out var parsed, out var error) ? parsed : null;
        if (name is null)
        {
            // Never dropped: a joined list too long to be one name, or a stray value, stays in the extras.
            Warn($"{label}: '{UserText.Shorten(text)}' is not a name ({error}); kept in the extras");
            Record.Extras.Add(_source, $"{label} (not a name)", text);
            return null;
        }

        if (_names.Count >= MaxCachedNames)
        {
            _names.Clear();
        }

        _names[text] = name;
        return name;
    }

    /// <summary>Adds a credit for <paramref name="text"/> when it is a name.</summary>
    public void Credit(string text, AuthorRole role, string label)
    {
        if (Name(text, label) is { } name)
        {
            Record.AddCredit(name, role);
        }
    }

    /// <summary>Adds the shelves of a list, checking each name's length; one too long is kept in the extras.</summary>
    public void Tags(IEnumerable<string> names, string label)
    {
        foreach (var name in names)
        {
            var tag = BookRules.Text(name, label, 200);
            if (!tag.IsSuccess)
            {
                Warn($"{label}: '{UserText.Shorten(name)}' is too long for a shelf (at most 200 characters); kept in the extras");
                Record.Extras.Add(_source, $"{label} (too long)", name);
                continue;
            }

            if (tag.Value is { } value)
            {
                Record.AddTag(value);
            }
        }
    }

    /// <summary>Records an id in another system; too long a value is kept in the extras instead.</summary>
    public void Identifier(string scheme, int column)
    {
        var value = Raw(column).Trim();
        if (value.Length > 200)
        {
            Unusable(column, $"is too long for an id ({value.Length.ToString(CultureInfo.InvariantCulture)} characters; at most 200)");
            return;
        }

        Record.AddIdentifier(scheme, value);
    }

    /// <summary>Sets the title, failing the row when there is none.</summary>
    public void Title(int column)
    {
        var title = BookRules.TitleAndKey(Raw(column));
        if (!title.IsSuccess)
        {
            Fail(column < 0 ? "the file has no title column" : $"{Label(column)}: {title.Error!.Message}");
            return;
        }

        Record.SetTitle(title.Value.Title, title.Value.Key);
    }
}
