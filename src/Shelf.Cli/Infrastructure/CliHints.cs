using Shelf.Core.Common;
using Shelf.Core.Data;
using Shelf.Core.Features.Accounts;
using Shelf.Core.Features.Authors;
using Shelf.Core.Features.Backup;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Catalog;
using Shelf.Core.Features.Loans;
using Shelf.Core.Features.Merging;
using Shelf.Core.Features.Sales;
using Shelf.Core.Features.Shelves;

namespace Shelf.Cli.Infrastructure;

/// <summary>
/// The command-line way to fix an error. The core's messages say what is wrong in words any
/// host can show; only the CLI knows its own flags and commands, so this is the one place they
/// are named. A web host keeps its own table beside its status mapping.
/// </summary>
internal static class CliHints
{
    public static string? For(string code) => code switch
    {
        BookErrorCodes.Duplicate => "to keep a second copy, add --allow-duplicate",
        BookErrorCodes.NoAuthor => "name one with --author \"First Last\"",
        BookErrorCodes.EditNothing => "see 'shelf edit --help'",
        BookErrorCodes.NotFound => "find it with 'shelf search' or 'shelf list'",
        MergeErrorCodes.NothingToMerge => "usage: shelf merge KEEP OTHER...",
        MergeErrorCodes.TooManyLoans => "take the copies from a book with --take owned_copies=ID, or record them with 'shelf edit <book> --owned-copies N'",
        MergeErrorCodes.NotFound => "'shelf merges' lists them",
        MergeErrorCodes.Changed => "undo those changes by hand, or edit the books instead",
        MergeErrorCodes.BadLimit => "give --limit 1 or more",
        AuthorErrorCodes.NotFound => "list them with 'shelf authors'",
        AuthorErrorCodes.NameTaken => "'shelf author merge <from> <into>' does that",
        ShelfErrorCodes.BookNotOnIt => "'shelf show <book>' lists its shelves",
        LoanErrorCodes.BorrowerMissing => "name them with --to NAME",
        LoanErrorCodes.DueAndPeriod => "drop --due or --for",
        LoanErrorCodes.FullyLent => "'shelf return <book> --from NAME' records it back; 'shelf edit <book> --owned-copies N' records more copies",
        LoanErrorCodes.NotLent => "'shelf loans' lists what is out",
        LoanErrorCodes.ReturnWhich => "add --from NAME",
        LoanErrorCodes.BorrowerNotFound => "'shelf loans --history' lists every loan",
        SaleErrorCodes.NoPrice => "add --price 9.99, or set the book's list price with 'shelf edit <book> --price 9.99'",
        SaleErrorCodes.EditNothing => "see 'shelf sale edit --help'",
        SaleErrorCodes.NotFound => "find it with 'shelf sale list'",
        SaleErrorCodes.QuantityNotPositive => "record it with 'shelf sale refund'",
        CatalogErrorCodes.FormatAndMap => "drop --format or --map",
        CatalogErrorCodes.MappingNoTitle => "add e.g. --map \"Book Title=title\"",
        CatalogErrorCodes.UnknownFormat => "name them with --map \"Column Name=field\", skip lines before the header with --skip-lines N, or see 'shelf import --formats'",
        CatalogErrorCodes.SkipTooFar => "give --skip-lines the number of lines before the header",
        CatalogErrorCodes.AllRejected => "--rejects FILE writes them with their reasons; or read the file another way with --format, --map or --encoding",
        CatalogErrorCodes.EncodingUnsure => "give it with --encoding NAME, e.g. --encoding windows-1251",
        CatalogErrorCodes.Strict => "without --strict the good rows are imported and the bad ones reported",
        BackupErrorCodes.NotEmpty => "restore into a new library with --db, or add --replace (asks first; --yes for scripts)",
        AccountErrorCodes.NotFound => "list them with 'shelf user list'",
        AccountErrorCodes.TokenNotFound => "list them with 'shelf token list'",
        AccountErrorCodes.LastOwner => "'shelf user role NAME owner' makes another",
        ConfigurationErrorCodes.CurrencyInvalid => "fix or unset SHELF_CURRENCY",
        DatabaseErrorCodes.DatabaseMissing => "create it with 'shelf db create'",
        DatabaseErrorCodes.NeedsMigration => "run 'shelf db migrate'",

        // Appended in brackets: the message already says what to do, this says where.
        DatabaseErrorCodes.Unreachable or DatabaseErrorCodes.NotSqlite or DatabaseErrorCodes.NotALibrary
            or DatabaseErrorCodes.DirectoryMissing or DatabaseErrorCodes.CannotWrite => "(--db)",
        _ => null,
    };

    /// <summary>The message with its hint, as one line.</summary>
    public static string Append(string message, string code) =>
        For(code) is not { } hint ? message
        : hint.StartsWith('(') ? $"{message} {hint}"
        : message.EndsWith('?') ? $"{message} Else {hint}"
        : $"{message}; {hint}";
}
