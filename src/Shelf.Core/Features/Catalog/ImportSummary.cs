using Shelf.Core.Features.Importing;

namespace Shelf.Core.Features.Catalog;

/// <summary>A row's line in the file and what happened to it.</summary>
public sealed record ImportIssue(long Line, string Message);

/// <summary>A row that matched a book already in the library but says something else about it.</summary>
public sealed record ImportDifference(long Line, int BookId, string Title, IReadOnlyList<string> Fields);

/// <summary>
/// What an import did. <see cref="Read"/> = <see cref="Added"/> + <see cref="Updated"/> +
/// <see cref="Unchanged"/> + <see cref="Rejected"/>. Rows that matched a book and differ from it
/// without <c>--update</c> are <see cref="Unchanged"/> (the library was left as it was) and
/// counted again in <see cref="Differing"/>. The lists hold the first
/// <see cref="ImportTally.MaxListed"/> of each kind; the counts are complete.
/// </summary>
public sealed record ImportSummary
{
    public required string Format { get; init; }

    public required string Encoding { get; init; }

    /// <summary>"comma", "semicolon", "tab"; null for a JSON file.</summary>
    public string? Separator { get; init; }

    public long Read { get; init; }

    public long Added { get; init; }

    public long Updated { get; init; }

    public long Unchanged { get; init; }

    public long Rejected { get; init; }

    /// <summary>Matched rows that differ from their book (updated with --update, else left unchanged).</summary>
    public long Differing { get; init; }

    public long Warnings { get; init; }

    /// <summary>Loans the rows recorded (LibraryThing's lending columns, Shelf's own export's loans).</summary>
    public long LoansAdded { get; init; }

    public bool DryRun { get; init; }

    public bool Updating { get; init; }

    public IReadOnlyList<ImportIssue> RejectedRows { get; init; } = [];

    public IReadOnlyList<ImportIssue> WarningRows { get; init; } = [];

    public IReadOnlyList<ImportDifference> Differences { get; init; } = [];
}

/// <summary>Counts an import's rows and keeps the first few details of each kind, so memory stays flat on huge files.</summary>
internal sealed class ImportTally
{
    public const int MaxListed = 1000;

    private readonly List<ImportIssue> _rejected = [];
    private readonly List<ImportIssue> _warnings = [];
    private readonly List<ImportDifference> _differences = [];

    public long Read { get; set; }

    public long Added { get; set; }

    public long Updated { get; set; }

    public long LoansAdded { get; set; }

    public long Unchanged { get; set; }

    public long Rejected { get; private set; }

    public long Differing { get; private set; }

    public long Warnings { get; private set; }

    /// <summary>The first rejected row, for a message when every row was rejected.</summary>
    public ImportIssue? FirstRejection => _rejected.Count == 0 ? null : _rejected[0];

    public void Reject(long line, string reason)
    {
        Rejected++;
        if (_rejected.Count < MaxListed)
        {
            _rejected.Add(new ImportIssue(line, reason));
        }
    }

    public void Warn(long line, string message)
    {
        Warnings++;
        if (_warnings.Count < MaxListed)
        {
            _warnings.Add(new ImportIssue(line, message));
        }
    }

    public void Differ(ImportDifference difference)
    {
        Differing++;
        if (_differences.Count < MaxListed)
        {
            _differences.Add(difference);
        }
    }

    public ImportSummary ToSummary(string format, string encoding, char? separator, bool dryRun, bool updating) => new()
    {
        Format = format,
        Encoding = encoding,
        Separator = separator switch { null => null, '\t' => "tab", ',' => "comma", ';' => "semicolon", _ => separator.ToString() },
        Read = Read,
        Added = Added,
        Updated = Updated,
        Unchanged = Unchanged,
        Rejected = Rejected,
        Differing = Differing,
        Warnings = Warnings,
        LoansAdded = LoansAdded,
        DryRun = dryRun,
        Updating = updating,
        RejectedRows = _rejected,
        WarningRows = _warnings,
        Differences = _differences,
    };
}
