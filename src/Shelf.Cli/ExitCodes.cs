using Shelf.Core.Common;

namespace Shelf.Cli;

/// <summary>The documented exit codes of <c>shelf</c> (README, "Exit codes").</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Something outside the input failed: database unreachable, disk, or a bug.</summary>
    public const int Failure = 1;

    /// <summary>The input was wrong: bad ISBN, empty title, unknown option.</summary>
    public const int BadInput = 2;

    public const int NotFound = 3;

    /// <summary>The change would duplicate or contradict what is stored.</summary>
    public const int Conflict = 4;

    /// <summary>Stopped by Ctrl+C; nothing was written.</summary>
    public const int Cancelled = 130;

    public static int For(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => BadInput,
        ErrorKind.NotFound => NotFound,
        ErrorKind.Conflict => Conflict,
        _ => Failure,
    };
}
