namespace Shelf.Core.Features.Catalog.Matching;

/// <summary>
/// A compact map from 64-bit key hashes to book ids: open addressing over two flat arrays, 12
/// bytes a slot, so a million books' ids, ISBNs and title keys fit in tens of megabytes where
/// the strings would take hundreds. A hash can collide, so a hit is a candidate the caller
/// checks against the stored book, never a verdict.
/// </summary>
internal sealed class KeyIndex
{
    private long[] _keys;
    private int[] _values;
    private int _count;

    public KeyIndex(int capacity = 1 << 12)
    {
        var size = 1 << 4;
        while (size < capacity * 4 / 3)
        {
            size <<= 1;
        }

        _keys = new long[size];
        _values = new int[size];
    }

    public int Count => _count;

    /// <summary>A hash of a kind of key and its text; never 0, which marks an empty slot.</summary>
    public static long Hash(char kind, string text)
    {
        // FNV-1a over the UTF-16 code units, then a finalizer that spreads the bits (splitmix64).
        var hash = 14695981039346656037UL ^ kind;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash ^= hash >> 30;
        hash *= 0xbf58476d1ce4e5b9UL;
        hash ^= hash >> 27;
        hash *= 0x94d049bb133111ebUL;
        hash ^= hash >> 31;
        return hash == 0 ? 1 : (long)hash;
    }

    public bool TryGet(long key, out int value)
    {
        var mask = _keys.Length - 1;
        for (var slot = (int)key & mask; ; slot = (slot + 1) & mask)
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
    public void TryAdd(long key, int value)
    {
        if ((_count + 1) * 4 > _keys.Length * 3)
        {
            Grow();
        }

        var mask = _keys.Length - 1;
        for (var slot = (int)key & mask; ; slot = (slot + 1) & mask)
        {
            var found = _keys[slot];
            if (found == key)
            {
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

    /// <summary>Points an existing key at another book, or adds it.</summary>
    public void Set(long key, int value)
    {
        var mask = _keys.Length - 1;
        for (var slot = (int)key & mask; ; slot = (slot + 1) & mask)
        {
            if (_keys[slot] == key)
            {
                _values[slot] = value;
                return;
            }

            if (_keys[slot] == 0)
            {
                TryAdd(key, value);
                return;
            }
        }
    }

    /// <summary>Makes room for <paramref name="count"/> keys at once, so a large import grows the table once, not step by step.</summary>
    public void EnsureCapacity(int count)
    {
        var size = _keys.Length;
        while (size < count * 4L / 3 + 1 && size < (1 << 30))
        {
            size <<= 1;
        }

        if (size > _keys.Length)
        {
            Resize(size);
        }
    }

    private void Grow() => Resize(_keys.Length * 2);

    private void Resize(int size)
    {
        var keys = _keys;
        var values = _values;
        _keys = new long[size];
        _values = new int[size];
        _count = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] != 0)
            {
                TryAdd(keys[i], values[i]);
            }
        }
    }
}
