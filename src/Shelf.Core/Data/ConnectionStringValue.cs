namespace Shelf.Core.Data;

/// <summary>
/// Quotes a value for an ADO.NET connection string the way <c>DbConnectionStringBuilder</c> does
/// (bare when it holds nothing special, else in double quotes with inner ones doubled, or in single
/// quotes when it holds double quotes only), without the regular expressions the builder uses.
/// </summary>
internal static class ConnectionStringValue
{
    public static string Quote(string value)
    {
        if (!NeedsQuotes(value))
        {
            return value;
        }

        return value.Contains('"', StringComparison.Ordinal) && !value.Contains('\'', StringComparison.Ordinal)
            ? $"'{value}'"
            : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    private static bool NeedsQuotes(string value)
    {
        foreach (var c in value)
        {
            if (c is '"' or '\'' or '=' or ';' || char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
