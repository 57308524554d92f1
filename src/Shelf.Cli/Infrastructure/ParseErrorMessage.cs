using System.CommandLine;

namespace Shelf.Cli.Infrastructure;

/// <summary>
/// The one line a user reads when the command line does not parse: for a word that is no
/// command or option, the nearest ones of the command it was typed under ("did you mean
/// 'list'?"), and the help of that command, not of one that happened to match later.
/// </summary>
internal static class ParseErrorMessage
{
    public static string For(ParseResult parse, IReadOnlyList<string> args)
    {
        var unrecognized = parse.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal));
        var error = unrecognized ?? parse.Errors[0];
        if (unrecognized is not null && FirstUnmatched(parse, args) is { } word)
        {
            var (parent, path) = CommandBefore(parse.RootCommandResult.Command, args, word.Index);
            var isOption = word.Text.StartsWith('-');
            var near = Nearest(word.Text, isOption ? OptionNames(parent) : parent.Subcommands.Where(c => !c.Hidden).SelectMany(Names));
            if (isOption || parent.Subcommands.Count > 0)
            {
                var what = isOption ? "an option" : "a command";
                var start = $"error: '{CliContext.OneLine(word.Text)}' is not {what} of '{path}'";
                return near.Count == 0
                    ? $"{start}; see '{path} --help'"
                    : $"{start}; did you mean {string.Join(" or ", near.Select(n => $"'{n}'"))}? See '{path} --help'";
            }
        }

        var message = NumberMessage(error) ?? CliContext.OneLine(error.Message).TrimEnd('.');
        return $"error: {message}; see '{CommandPath(parse)} --help'";
    }

    /// <summary>
    /// A number option given something else: said in the user's words, where the parser names the
    /// .NET type it wanted ("as expected type 'System.Nullable`1[System.Int32]'").
    /// </summary>
    private static string? NumberMessage(System.CommandLine.Parsing.ParseError error)
    {
        if (error.SymbolResult is not System.CommandLine.Parsing.OptionResult { Tokens.Count: > 0 } given
            || NumberRange(given.Option.ValueType) is not var (min, max))
        {
            return null;
        }

        var typed = given.Tokens[^1].Value;
        var name = given.Option.Name;
        var digits = typed.TrimStart('-');
        if (digits.Length > 0 && digits.All(char.IsAsciiDigit))
        {
            return typed.StartsWith('-') ? $"{name} {typed} is too small; at least {min}" : $"{name} {typed} is too large; at most {max}";
        }

        return $"{name} must be a whole number, not '{CliContext.OneLine(typed)}'";
    }

    private static (long Min, long Max)? NumberRange(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) => (int.MinValue, int.MaxValue),
        var t when t == typeof(long) => (long.MinValue, long.MaxValue),
        _ => null,
    };

    /// <summary>The first word the parser could not place, and where it stands among the arguments.</summary>
    private static (string Text, int Index)? FirstUnmatched(ParseResult parse, IReadOnlyList<string> args)
    {
        if (parse.UnmatchedTokens.Count == 0)
        {
            return null;
        }

        var unmatched = parse.UnmatchedTokens[0];

        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == unmatched)
            {
                return (unmatched, i);
            }
        }

        return null;
    }

    // Walks the words before the unmatched one: each that names a subcommand goes one level down.
    private static (Command Command, string Path) CommandBefore(Command root, IReadOnlyList<string> args, int index)
    {
        var command = root;
        var path = "shelf";
        for (var i = 0; i < index; i++)
        {
            var next = command.Subcommands.FirstOrDefault(c => Names(c).Contains(args[i], StringComparer.Ordinal));
            if (next is not null)
            {
                command = next;
                path += " " + next.Name;
            }
        }

        return (command, path);
    }

    private static IEnumerable<string> Names(Command command) => [command.Name, .. command.Aliases];

    private static IEnumerable<string> OptionNames(Command command)
    {
        var options = command.Options.AsEnumerable();
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            options = options.Concat(parent.Options.Where(o => o.Recursive));
        }

        return options.Where(o => !o.Hidden).SelectMany(o => new[] { o.Name }.Concat(o.Aliases));
    }

    /// <summary>The candidates closest to <paramref name="typed"/>, when close enough to be a slip of the keyboard.</summary>
    internal static IReadOnlyList<string> Nearest(string typed, IEnumerable<string> candidates)
    {
        var limit = typed.TrimStart('-').Length <= 3 ? 1 : 2;
        var scored = candidates
            .Distinct(StringComparer.Ordinal)
            .Select(c => (Name: c, Distance: Distance(typed.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(c => c.Distance <= limit)
            .ToList();
        if (scored.Count == 0)
        {
            return [];
        }

        var best = scored.Min(c => c.Distance);
        return [.. scored.Where(c => c.Distance == best).Select(c => c.Name).Order(StringComparer.Ordinal).Take(3)];
    }

    // Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
    // neighbours ("lsit" is one step from "list") each cost one.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    // "shelf author merge", for the hint after a parse error.
    private static string CommandPath(ParseResult parse)
    {
        var names = new Stack<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Push(result.Parent is null ? "shelf" : result.Command.Name);
        }

        return string.Join(' ', names);
    }
}
