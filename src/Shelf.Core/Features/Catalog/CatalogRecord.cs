using Shelf.Core.Domain;

namespace Shelf.Core.Features.Catalog;

/// <summary>
/// One book as a file gave it, in Shelf's terms: every format maps its row to this, and the
/// import matches, compares and stores it without knowing which format it came from.
/// </summary>
internal sealed class CatalogRecord
{
    private string _title = string.Empty;
    private string? _titleKey;
    private byte[]? _extrasUtf8;
    private bool _extrasPrepared;

    public string Title
    {
        get => _title;
        set
        {
            _title = value;
            _titleKey = null;
        }
    }

    public string? Subtitle { get; set; }

    public List<(AuthorName Name, AuthorRole Role)> Credits { get; } = [];

    public string? Isbn13 { get; set; }

    public string? Publisher { get; set; }

    public int? YearPublished { get; set; }

    public int? OriginalPublicationYear { get; set; }

    public string? Language { get; set; }

    public string? Format { get; set; }

    public int? Pages { get; set; }

    public string? Series { get; set; }

    public string? SeriesNumber { get; set; }

    public string? Description { get; set; }

    public long? ListPriceMinor { get; set; }

    public string? ListPriceCurrency { get; set; }

    public int? Rating { get; set; }

    public string? Status { get; set; }

    public DateOnly? DateStarted { get; set; }

    public DateOnly? DateRead { get; set; }

    /// <summary>Null when the file does not say; a new book then starts at 0.</summary>
    public int? ReadCount { get; set; }

    public string? Review { get; set; }

    public string? PrivateNotes { get; set; }

    public int? OwnedCopies { get; set; }

    public string? Location { get; set; }

    /// <summary>When the owner added the book in the other system; a new book without it is stamped now.</summary>
    public DateTime? AddedAt { get; set; }

    /// <summary>
    /// The file lists each of its books once (Shelf's own export, where two editions may share a
    /// title and author and have no ISBN): another row of the same file is never taken for this
    /// one's book by title and author. Books already in the library still match that way.
    /// </summary>
    public bool ListedOnce { get; set; }

    /// <summary>Shelf names as written, each shelf once.</summary>
    public List<string> Tags { get; } = [];

    /// <summary>Loans the file records for the book (LibraryThing's lending columns, Shelf's own export).</summary>
    public List<ImportedLoan> Loans { get; } = [];

    /// <summary>Ids in other systems; the first is the source's own id when it has one.</summary>
    public List<(string Scheme, string Value)> Identifiers { get; } = [];

    public BookExtras Extras { get; } = new();

    /// <summary>The extras as stored (JSON, or null when there are none); see <see cref="PrepareExtras"/>.</summary>
    public string? ExtrasJson => ExtrasUtf8 is { } utf8 ? System.Text.Encoding.UTF8.GetString(utf8) : null;

    /// <summary>The same JSON as UTF-8, as SQLite takes it without converting.</summary>
    public byte[]? ExtrasUtf8
    {
        get
        {
            if (!_extrasPrepared)
            {
                PrepareExtras();
            }

            return _extrasUtf8;
        }
    }

    /// <summary>Hashes of the record's ids and ISBN for <see cref="Matching.LibraryKeys"/>, worked out by <see cref="PrepareKeys"/>.</summary>
    public long[]? KeyHashes { get; private set; }

    /// <summary>Serializes the extras now (on the reading thread); call again after changing them.</summary>
    public void PrepareExtras()
    {
        _extrasUtf8 = Extras.ToUtf8Json();
        _extrasPrepared = true;
    }

    /// <summary>Hashes the ids and the ISBN now (on the reading thread); call again after changing them.</summary>
    public void PrepareKeys() => KeyHashes = Matching.LibraryKeys.HashesOf(this);

    /// <summary>Sets the title with the key already worked out for it.</summary>
    public void SetTitle(string title, string key)
    {
        _title = title;
        _titleKey = key;
    }

    /// <summary>The title's matching key, worked out once.</summary>
    public string TitleKey => _titleKey ??= TextKey.Normalize(_title);

    /// <summary>The first author's matching key, or "" for a book without authors.</summary>
    public string FirstAuthorKey => Credits.Count == 0 ? string.Empty : Credits[0].Name.Key;

    /// <summary>Adds a credit unless the same person already has that role on the book.</summary>
    public void AddCredit(AuthorName name, AuthorRole role)
    {
        if (!Credits.Exists(c => c.Name.Key == name.Key && c.Role == role))
        {
            Credits.Add((name, role));
        }
    }

    /// <summary>Adds a shelf unless one of exactly that name is there ("2021" and "2021_" are two shelves).</summary>
    public void AddTag(string name)
    {
        if (TextKey.Normalize(name).Length > 0 && !Tags.Contains(name, StringComparer.Ordinal))
        {
            Tags.Add(name);
        }
    }

    /// <summary>Adds an id unless it is there already.</summary>
    public void AddIdentifier(string scheme, string value)
    {
        if (value.Length > 0 && !Identifiers.Exists(i => i.Scheme == scheme && i.Value == value))
        {
            Identifiers.Add((scheme, value));
        }
    }
}
