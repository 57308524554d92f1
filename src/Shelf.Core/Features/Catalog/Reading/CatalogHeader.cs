namespace Shelf.Core.Features.Catalog.Reading;

/// <summary>The column names of a file, found by name (trimmed, any case), never by position.</summary>
public sealed class CatalogHeader
{
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);

    public CatalogHeader(IEnumerable<string> names)
    {
        Names = [.. names.Select(Clean)];
        for (var i = 0; i < Names.Count; i++)
        {
            _index.TryAdd(Names[i], i);
        }
    }

    public IReadOnlyList<string> Names { get; }

    public int Count => Names.Count;

    /// <summary>The index of the first of <paramref name="names"/> the file has, or -1.</summary>
    public int Find(params string[] names)
    {
        foreach (var name in names)
        {
            if (_index.TryGetValue(name, out var index))
            {
                return index;
            }
        }

        return -1;
    }

    public bool Has(string name) => _index.ContainsKey(name);

    // LibraryThing's older export wraps every name in single quotes: 'TITLE'.
    private static string Clean(string name)
    {
        var clean = name.Trim().Trim('\uFEFF').Trim();
        return clean.Length >= 2 && clean[0] == '\'' && clean[^1] == '\'' ? clean[1..^1].Trim() : clean;
    }
}
