namespace Shelf.Core.Domain;

/// <summary>
/// What one merge did, kept so it can be listed and undone: which rows were merged into which,
/// when, and in <see cref="Data"/> (JSON) everything the merge removed or rewrote — the removed
/// rows' fields, credits, shelves, identifiers and extras, which loans, sales and identifiers
/// moved, and the kept row as the merge left it, so an undo can tell whether anything was
/// written to it since.
/// </summary>
public class MergeRecord
{
    public long Id { get; set; }

    public MergeKind Kind { get; set; }

    /// <summary>The book (or author) the others were merged into.</summary>
    public int KeptId { get; set; }

    /// <summary>Its title (or name) when merged, for listings that outlive it.</summary>
    public string KeptName { get; set; } = string.Empty;

    /// <summary>The ids of the removed books (or author), in the order given: "15,17".</summary>
    public string RemovedIds { get; set; } = string.Empty;

    /// <summary>When the merge was committed (UTC).</summary>
    public DateTime MergedAt { get; set; }

    /// <summary>
    /// The kept book's <c>updated_at</c> as the merge left it (an author merge: the stamp it wrote
    /// on every book it rewrote); a later write moves it on, and the undo refuses.
    /// </summary>
    public DateTime KeptStamp { get; set; }

    /// <summary>The snapshot an undo restores from (see <c>Features/Merging/MergeSnapshot</c>).</summary>
    public string Data { get; set; } = string.Empty;

    /// <summary>When the merge was undone; null while it stands.</summary>
    public DateTime? UndoneAt { get; set; }
}
