using System.CommandLine;
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

    public static IReadOnlyList<AuthorCredit> Parse(IEnumerable<string>? values) => AuthorCredit.ParseAll(values);
}
