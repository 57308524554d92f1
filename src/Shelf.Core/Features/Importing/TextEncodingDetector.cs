using System.Buffers;
using System.Text.Unicode;
using System.Text;
using Shelf.Core.Common;
using Shelf.Core.Features.Catalog;

namespace Shelf.Core.Features.Importing;

/// <summary>The encoding a file is read with, and the name a report shows for it.</summary>
/// <param name="Encoding">What the CSV reader is given; null means UTF-8, or whatever the byte order mark says.</param>
/// <param name="Name">How a report names it: "utf-8", "windows-1252 (the file is not valid UTF-8)".</param>
public sealed record DetectedEncoding(Encoding? Encoding, string Name);

/// <summary>
/// Decides how the bytes of a file are text: a byte order mark wins (UTF-8, UTF-16), then a
/// name the user gave; otherwise UTF-8 when every byte sequence of the file is valid UTF-8,
/// else Windows-1252 (the superset of Latin-1 that spreadsheets on Windows write).
/// </summary>
internal static class TextEncodingDetector
{
    private const int ChunkSize = 1 << 20;

    static TextEncodingDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Finds the encoding a user named with <c>--encoding</c>.</summary>
    public static Result<Encoding> Named(string name)
    {
        try
        {
            return Encoding.GetEncoding(name.Trim());
        }
        catch (ArgumentException)
        {
            return Error.Invalid(
                CatalogErrorCodes.UnknownEncoding,
                $"'{name}' is not an encoding Shelf knows; use a name such as utf-8, utf-16, windows-1252, latin1, iso-8859-15 or shift_jis");
        }
    }

    /// <summary>
    /// Looks at <paramref name="prefix"/> (the start of the file) and, when the stream can seek,
    /// at the whole file; the stream is left where it was.
    /// </summary>
    public static Result<DetectedEncoding> Detect(ReadOnlySpan<byte> prefix, Stream whole, Encoding? named)
    {
        if (prefix.StartsWith(Encoding.UTF8.Preamble))
        {
            return new DetectedEncoding(null, "utf-8 (with byte order mark)");
        }

        if (prefix.StartsWith(Encoding.Unicode.Preamble) || prefix.StartsWith(Encoding.BigEndianUnicode.Preamble))
        {
            return new DetectedEncoding(null, "utf-16 (with byte order mark)");
        }

        if (named is not null)
        {
            return new DetectedEncoding(named, named.WebName);
        }

        if (LooksLikeUtf16WithoutMark(prefix, out var utf16))
        {
            return new DetectedEncoding(utf16, utf16.WebName + " (no byte order mark)");
        }

        if (prefix.IndexOf((byte)0) >= 0)
        {
            return Error.Invalid(CatalogErrorCodes.Binary, "the file holds NUL bytes, so it is binary (a spreadsheet or an archive?), not a CSV export; export it as CSV first");
        }

        var valid = whole.CanSeek ? IsUtf8(whole) : IsUtf8(prefix, final: false);
        return valid
            ? new DetectedEncoding(null, "utf-8")
            : new DetectedEncoding(Encoding.GetEncoding(1252), "windows-1252 (the file is not valid UTF-8)");
    }

    // Text in UTF-16 without a mark shows up as a zero byte beside nearly every ASCII character.
    private static bool LooksLikeUtf16WithoutMark(ReadOnlySpan<byte> prefix, out Encoding encoding)
    {
        encoding = Encoding.Unicode;
        var pairs = Math.Min(prefix.Length, 4096) / 2;
        if (pairs < 4)
        {
            return false;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < pairs * 2; i += 2)
        {
            evenZeros += prefix[i] == 0 ? 1 : 0;
            oddZeros += prefix[i + 1] == 0 ? 1 : 0;
        }

        if (oddZeros > pairs * 0.7 && evenZeros == 0)
        {
            return true;
        }

        encoding = Encoding.BigEndianUnicode;
        return evenZeros > pairs * 0.7 && oddZeros == 0;
    }

    private static bool IsUtf8(Stream stream)
    {
        var start = stream.Position;
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize + 4);
        try
        {
            var carried = 0;
            while (true)
            {
                var read = stream.Read(buffer, carried, ChunkSize);
                var length = carried + read;
                var final = read == 0;
                if (!IsUtf8(buffer.AsSpan(0, length), final, out var consumed))
                {
                    return false;
                }

                if (final)
                {
                    return true;
                }

                // An incomplete sequence at the end of a chunk goes on with the next one.
                carried = length - consumed;
                buffer.AsSpan(consumed, carried).CopyTo(buffer);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            stream.Position = start;
        }
    }

    private static bool IsUtf8(ReadOnlySpan<byte> bytes, bool final) => IsUtf8(bytes, final, out _);

    private static bool IsUtf8(ReadOnlySpan<byte> bytes, bool final, out int consumed)
    {
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(bytes.Length, 16));
        try
        {
            consumed = 0;
            while (true)
            {
                var status = Utf8.ToUtf16(bytes[consumed..], chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock: final);
                consumed += read;
                switch (status)
                {
                    case System.Buffers.OperationStatus.Done:
                    case System.Buffers.OperationStatus.NeedMoreData:
                        return true;
                    case System.Buffers.OperationStatus.DestinationTooSmall:
                        continue;
                    default:
                        return false;
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
