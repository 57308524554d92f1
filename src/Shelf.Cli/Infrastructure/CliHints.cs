namespace Shelf.Cli.Infrastructure;

/// <summary>
/// The command-line way to fix an error. The core's messages say what is wrong in words any
/// host can show; only the CLI knows its own flags.
/// </summary>
internal static class CliHints
{
    public static string? For(string code) => code switch
    {
        "book.duplicate" => "to keep a second copy, add --allow-duplicate",
        "book.no_author" => "name one with --author \"First Last\"",
        "edit.nothing" => "see 'shelf edit --help'",
        "sale.no_price" => "add --price 9.99, or set the book's list price with 'shelf edit <book> --price 9.99'",
        "sale.edit_nothing" => "see 'shelf sale edit --help'",
        "config.currency_invalid" => "fix or unset SHELF_CURRENCY",
        "db.directory_missing" or "db.path_is_directory" => null,
        _ => null,
    };
}
