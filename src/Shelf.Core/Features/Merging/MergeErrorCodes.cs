namespace Shelf.Core.Features.Merging;

/// <summary>
/// The stable codes of the errors about duplicates, merges and their undoing.
/// Hosts key their hints and status mappings on these constants.
/// </summary>
public static class MergeErrorCodes
{
    public const string AlreadyUndone = "merge.already_undone";
    public const string BadLimit = "duplicates.bad_limit";
    public const string Changed = "merge.changed_since";
    public const string KeepRepeated = "merge.keep_repeated";
    public const string NothingToMerge = "merge.nothing_to_merge";
    public const string NotFound = "merge.not_found";
    public const string Repeated = "merge.book_repeated";
    public const string TakeBook = "merge.take_book";
    public const string TakeField = "merge.take_field";
    public const string TakeSyntax = "merge.take_syntax";
    public const string TooManyLoans = "merge.too_many_loans";
}
