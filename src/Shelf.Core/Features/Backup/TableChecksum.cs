using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Shelf.Core.Features.Backup;

/// <summary>
/// A checksum of a table's rows that does not depend on their order: the SHA-256 of each row's
/// archive line, added up lane by lane. A restore computes it from the archive's lines and again
/// from the rows read back out of the new library, and both must equal the manifest's; reading
/// back in key order would not do for text keys, which SQLite and PostgreSQL may sort differently.
/// </summary>
internal sealed class TableChecksum
{
    private readonly ulong[] _lanes = new ulong[4];

    public long Rows { get; private set; }

    public void Add(ReadOnlySpan<byte> line)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(line, hash);
        for (var i = 0; i < 4; i++)
        {
            _lanes[i] = unchecked(_lanes[i] + BinaryPrimitives.ReadUInt64BigEndian(hash[(i * 8)..]));
        }

        Rows++;
    }

    public string Value => string.Concat(_lanes.Select(l => l.ToString("x16", CultureInfo.InvariantCulture)));
}
