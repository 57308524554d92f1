namespace Shelf.Core.Features.Catalog.Matching;

/// <summary>
/// A compact map from 64-bit key hashes to book ids: open addressing over two flat arrays, 12
/// bytes a slot, sized to the need rather than to a power of two, so a million books' ids and
/// ISBNs fit in a few tens of megabytes where the strings would take hundreds. Two different
/// keys can still hash alike, so a hit is a candidate the caller checks against the stored
/// book, never a verdict.
/// </summary>
internal sealed class KeyIndex
{
    /// <summary>The load a table is sized for: probe runs stay short.</summary>
    private const double TargetLoad = 0.85;

    /// <summary>The load at which it grows: a table sized from an estimate takes about a tenth more keys before it grows.</summary>
    private const double MaxLoad = 0.93;

    private long[] _keys;
    private int[] _values;
    private int _count;

    public KeyIndex(int capacity = 1 << 12)
    {
        var slots = SlotsFor(capacity);
        _keys = new long[slots];
        _values = new int[slots];
    }

    public int Count => _count;

    /// <summary>A 64-bit hash of a kind of key and its text; never 0, which marks an empty slot.</summary>
    public static long Hash(char kind, string text) => Finish(Feed(14695981039346656037UL ^ kind, text));

    /// <summary>A hash of a kind of key made of two parts (a scheme and a value), without joining them into a new string.</summary>
    public static long Hash(char kind, string first, string second) => Finish(Feed((Feed(14695981039346656037UL ^ kind, first) ^ 0x1f) * 1099511628211UL, second));

    // FNV-1a over the UTF-16 code units.
    private static ulong Feed(ulong hash, string text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    // A finalizer that spreads the bits (splitmix64); 0 marks an empty slot, so it is never returned.
    private static long Finish(ulong hash)
    {
        hash ^= hash >> 30;
        hash *= 0xbf58476d1ce4e5b9UL;
        hash ^= hash >> 27;
        hash *= 0x94d049bb133111ebUL;
        hash ^= hash >> 31;
        return hash == 0 ? 1 : (long)hash;
    }

    public bool TryGet(long key, out int value)
    {
        var slots = _keys.Length;
        for (var slot = Slot(key, slots); ; slot = slot + 1 == slots ? 0 : slot + 1)
        {
            var found = _keys[slot];
            if (found == key)
            {
                value = _values[slot];
                return true;
            }

            if (found == 0)
            {
                value = 0;
                return false;
            }
        }
    }

    /// <summary>Adds the key unless it is there already: the first book to claim a key keeps it.</summary>
    public void TryAdd(long key, int value) => Put(key, value, replace: false);

    /// <summary>Points an existing key at another book, or adds it.</summary>
    public void Set(long key, int value) => Put(key, value, replace: true);

    /// <summary>Makes room for <paramref name="count"/> keys at once, so a large import grows the table once, not step by step.</summary>
    public void EnsureCapacity(int count)
    {
        var slots = SlotsFor(count);
        if (slots > _keys.Length)
        {
            Resize(slots);
        }
    }

    private void Put(long key, int value, bool replace)
    {
        if (_count + 1 > _keys.Length * MaxLoad)
        {
            Resize(SlotsFor(_count * 2));
        }

        var slots = _keys.Length;
        for (var slot = Slot(key, slots); ; slot = slot + 1 == slots ? 0 : slot + 1)
        {
            var found = _keys[slot];
            if (found == key)
            {
                if (replace)
                {
                    _values[slot] = value;
                }

                return;
            }

            if (found == 0)
            {
                _keys[slot] = key;
                _values[slot] = value;
                _count++;
                return;
            }
        }
    }

    private static int SlotsFor(int count) => (int)Math.Min(Array.MaxLength, Math.Max(16, (long)(count / TargetLoad) + 1));

    // Maps the hash onto [0, slots) with a multiply and a shift instead of a division (Lemire).
    private static int Slot(long key, int slots) => (int)(((ulong)(uint)(key ^ (key >> 32)) * (ulong)slots) >> 32);

    private void Resize(int slots)
    {
        var keys = _keys;
        var values = _values;
        _keys = new long[slots];
        _values = new int[slots];
        _count = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] != 0)
            {
                Put(keys[i], values[i], replace: false);
            }
        }
    }
}
