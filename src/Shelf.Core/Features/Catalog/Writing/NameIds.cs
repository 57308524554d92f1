using Shelf.Core.Domain;

namespace Shelf.Core.Features.Catalog.Writing;

/// <summary>
/// The ids of people or shelves by their keys, for a batch of new books: keys seen before in
/// this import come from memory; the rest are found or created by the engine's writer in one
/// round per batch, so that another writer adding the same person at the same time does not fail
/// the import (the first spelling names them). A person stored in all capitals is renamed when a
/// mixed-case spelling comes (<see cref="AuthorName.IsBetterCased"/>).
/// </summary>
internal abstract class NameIds(NameIds.Kind kind)
{
    /// <summary>Keys remembered at most: a catalog's people repeat, but memory must stay flat however many there are.</summary>
    private const int MaxRemembered = 200_000;

    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _displays = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?[]> _missing = new(StringComparer.Ordinal);

    /// <summary>Where names of one kind live and what a new one is made of.</summary>
    internal sealed record Kind(string Table, string Staging, string[] Columns, bool RenamesToBetterCase);

    public static Kind Authors { get; } = new("authors", "shelf_import_authors", ["name_key", "name", "sort_name", "first_name", "last_name"], RenamesToBetterCase: true);

    public static Kind Tags { get; } = new("tags", "shelf_import_tags", ["name_key", "name"], RenamesToBetterCase: false);

    protected Kind Names => kind;

    /// <summary>Notes a name the batch uses; <paramref name="values"/> are the columns of <see cref="Kind.Columns"/>, the key first, then the name.</summary>
    public void Need(string?[] values)
    {
        var key = values[0]!;
        if (_ids.ContainsKey(key))
        {
            if (kind.RenamesToBetterCase && AuthorName.IsBetterCased(values[1]!, _displays[key]))
            {
                _missing[key] = values;
            }

            return;
        }

        if (!_missing.TryAdd(key, values) && kind.RenamesToBetterCase && AuthorName.IsBetterCased(values[1]!, _missing[key][1]!))
        {
            _missing[key] = values;
        }
    }

    /// <summary>The id of a name passed to <see cref="Need"/> before the last <see cref="ResolveAsync"/>.</summary>
    public int this[string key] => _ids[key];

    /// <summary>Finds or creates every name needed since the last call.</summary>
    public async Task ResolveAsync(CancellationToken cancellationToken)
    {
        if (_missing.Count == 0)
        {
            return;
        }

        var renamed = new List<(int Id, string?[] Values)>();
        foreach (var (key, id, stored) in await FindOrCreateAsync(_missing.Values, cancellationToken))
        {
            _ids[key] = id;
            if (kind.RenamesToBetterCase)
            {
                var given = _missing[key];
                var better = AuthorName.IsBetterCased(given[1]!, stored);
                _displays[key] = better ? given[1]! : stored;
                if (better)
                {
                    renamed.Add((id, given));
                }
            }
        }

        if (renamed.Count > 0)
        {
            await RenameAsync(renamed, cancellationToken);
        }

        _missing.Clear();
    }

    /// <summary>Called once the batch is written: forgets every id when too many are remembered.</summary>
    public void EndBatch()
    {
        if (_ids.Count > MaxRemembered)
        {
            _ids.Clear();
            _displays.Clear();
        }
    }

    /// <summary>Inserts the names not stored yet (a name another writer stores meanwhile is no conflict) and returns every one's key, id and stored name.</summary>
    protected abstract Task<IReadOnlyList<(string Key, int Id, string Stored)>> FindOrCreateAsync(IReadOnlyCollection<string?[]> names, CancellationToken cancellationToken);

    /// <summary>Gives the stored names the better-cased spellings (every column but the key).</summary>
    protected abstract Task RenameAsync(IReadOnlyList<(int Id, string?[] Values)> names, CancellationToken cancellationToken);
}
