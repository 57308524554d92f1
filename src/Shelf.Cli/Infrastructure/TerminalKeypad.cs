namespace Shelf.Cli.Infrastructure;

/// <summary>
/// Puts the terminal's keypad back the way a shell expects it. On Unix the .NET runtime switches
/// a terminal to keypad "application" mode when the console starts and never switches it back
/// (dotnet/runtime's console issue 32805 upstream), which leaves some shells' arrow keys sending
/// the wrong codes after <c>shelf</c> exits. Writing the reset is harmless where nothing was set.
/// </summary>
internal static class TerminalKeypad
{
    // terminfo's rmkx for the xterm, screen, tmux, rxvt and vt100 families: normal cursor keys, normal keypad.
    private const string KeypadLocal = "\u001b[?1l\u001b>";

    public static void Restore()
    {
        if (OperatingSystem.IsWindows() || Environment.GetEnvironmentVariable("TERM") is null or "" or "dumb")
        {
            return;
        }

        // The runtime writes to the terminal whichever stream it is on; so does the reset.
        var terminal = !Console.IsOutputRedirected ? Console.Out : !Console.IsErrorRedirected ? Console.Error : null;
        if (terminal is not null)
        {
            terminal.Write(KeypadLocal);
            terminal.Flush();
        }
    }
}
