using System.CommandLine;
using Shelf.Core.Domain;
using Shelf.Core.Features.Books;

namespace Shelf.Cli.Infrastructure;

/// <summary>
/// Reads "--author NAME" values. A role can follow the name in brackets, as library catalogs
/// write it: "Edith Grossman (translator)".
/// </summary>
internal static class CreditOptions
{
    public static Option<string[]> Create(string name, string description) => new(name)
    {
        Description = description,
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static IReadOnlyList<AuthorCredit> Parse(IEnumerable<string>? values) =>
        values is null ? [] : [.. values.Select(ParseOne)];

    private static AuthorCredit ParseOne(string value)
    {
        var text = value.Trim();
        if (text.EndsWith(')'))
        {
            var open = text.LastIndexOf('(');
            if (open > 0 && Enum.TryParse<AuthorRole>(text[(open + 1)..^1].Trim(), ignoreCase: true, out var role)
                && !int.TryParse(text[(open + 1)..^1], System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                return new AuthorCredit(text[..open].Trim(), role);
            }
        }

        return new AuthorCredit(text);
    }
}
