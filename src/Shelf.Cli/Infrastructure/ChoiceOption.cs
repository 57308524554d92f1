using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.Json;

namespace Shelf.Cli.Infrastructure;

/// <summary>
/// An option that takes one of an enum's values, written as the README and the JSON output write
/// them (lowercase, kebab-case: <c>title</c>, not <c>Title</c>), in help, completions and errors
/// alike. A wrong value names the choices and the nearest one, never the enum's type. The default,
/// when there is one, is shown as <c>[default: title]</c> like every other option's.
/// </summary>
internal sealed class ChoiceOption<T> : Option<T?>
    where T : struct, Enum
{
    private static readonly T[] Values = Enum.GetValues<T>();

    public ChoiceOption(string name, string description, T? defaultValue, params string[] aliases)
        : base(name, aliases)
    {
        Default = defaultValue;
        var names = Values.Select(NameOf).ToArray();
        HelpName = string.Join('|', names);

        // Written here rather than by DefaultValueFactory, which would show the enum's own casing.
        Description = defaultValue is { } shown ? $"{description} [default: {NameOf(shown)}]" : description;
        CustomParser = result => Parse(result, names);
        CompletionSources.Clear();
        CompletionSources.Add(names);
    }

    /// <summary>The value when the option is not given; null when leaving it out means something of its own.</summary>
    public T? Default { get; }

    public static string NameOf(T value) => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    private T? Parse(ArgumentResult result, string[] names)
    {
        var typed = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        foreach (var value in Values)
        {
            if (string.Equals(NameOf(value), typed, StringComparison.OrdinalIgnoreCase) || string.Equals(value.ToString(), typed, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        var nearest = ParseErrorMessage.Nearest(typed, names);
        var guess = nearest.Count > 0 ? $" (did you mean '{nearest[0]}'?)" : string.Empty;
        result.AddError($"'{CliContext.OneLine(typed)}' is not a valid {Name}{guess}; use one of: {string.Join(", ", names)}");
        return null;
    }
}
