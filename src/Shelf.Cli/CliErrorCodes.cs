namespace Shelf.Cli;

/// <summary>Codes of the errors only the command line has (the core never asks anyone anything).</summary>
internal static class CliErrorCodes
{
    /// <summary>A destructive command off a terminal (or with --no-input) without --yes.</summary>
    public const string Unconfirmed = "cli.unconfirmed";

    /// <summary>edit or remove given both a book and --where, or neither.</summary>
    public const string BookOrWhere = "cli.book_or_where";

    /// <summary>merge given both books and --undo.</summary>
    public const string MergeOrUndo = "cli.merge_or_undo";

    /// <summary>A command that sets a password could not get one (off a terminal without --password-stdin).</summary>
    public const string PasswordNeeded = "cli.password_needed";

    /// <summary><c>shelf serve</c> could not listen where it was asked to.</summary>
    public const string CannotListen = "cli.cannot_listen";
}
