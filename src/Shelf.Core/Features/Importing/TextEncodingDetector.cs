using System.Buffers;
using System.Text.Unicode;
using System.Text;
using Shelf.Core.Common;
using Shelf.Core.Features.Catalog;

namespace Shelf.Core.Features.Importing;

/// <summary>The encoding a file is read with, and the name a report shows for it.</summary>
/// <param name="Encoding">What the CSV reader is given; null means UTF-8, or whatever the byte order mark says.</param>
/// <param name="Name">How a report names it: "utf-8", "windows-1252 (the file is not valid UTF-8)".</param>
public sealed record DetectedEncoding(Encoding? Encoding, string Name)
{
    /// <summary>The encoding to write rejected rows back in, so they are the file's own bytes; null for UTF-8.</summary>
    public Encoding? Original { get; init; }

    /// <summary>What the reader should know about how the file was read (stray bytes in UTF-8), with the first line it concerns.</summary>
    public ImportIssue? Warning { get; init; }
}

/// <summary>
/// Decides how the bytes of a file are text: a byte order mark wins (UTF-8, UTF-16), then a
/// name the user gave; otherwise UTF-8 when every byte sequence of the file is valid UTF-8; UTF-8
/// with its few stray bytes read as Windows-1252 when the file is UTF-8 but for them; else the
/// legacy encoding <see cref="LegacyEncodingGuess"/> is sure of (Windows-1252 for Western text,
/// Shift_JIS, EUC-JP, GB18030, Big5, EUC-KR), or an error naming the candidates.
/// </summary>
internal static class TextEncodingDetector
{
    /// <summary>Names people and other tools use that .NET does not know, and the encoding they mean.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cp932"] = "shift_jis", ["windows-31j"] = "shift_jis", ["ms932"] = "shift_jis", ["sjis"] = "shift_jis", ["shift-jis"] = "shift_jis", ["ms_kanji"] = "shift_jis",
        ["eucjp"] = "euc-jp", ["euc_jp"] = "euc-jp", ["ujis"] = "euc-jp",
        ["cp936"] = "gbk", ["gb-18030"] = "gb18030", ["cp950"] = "big5", ["big-5"] = "big5",
        ["euckr"] = "euc-kr", ["euc_kr"] = "euc-kr", ["cp949"] = "ks_c_5601-1987",
        ["latin1"] = "iso-8859-1", ["latin-1"] = "iso-8859-1", ["l1"] = "iso-8859-1", ["latin2"] = "iso-8859-2", ["latin9"] = "iso-8859-15",
        ["utf16le"] = "utf-16", ["utf-16le"] = "utf-16", ["utf16"] = "utf-16", ["utf16be"] = "utf-16BE", ["utf8"] = "utf-8", ["utf-8-sig"] = "utf-8",
    };

    /// <summary>Finds the encoding a user named with <c>--encoding</c>, also by the names other tools use (cp932, latin1, utf16le, cp1252, iso8859_15).</summary>
    public static Result<Encoding> Named(string name)
    {
        var trimmed = name.Trim();
        foreach (var candidate in Spellings(trimmed))
        {
            try
            {
                return candidate is int codePage ? CodePages.Get(codePage) : CodePages.Get((string)candidate);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException)
            {
                // Try the next spelling.
            }
        }

        return Error.Invalid(
            CatalogErrorCodes.UnknownEncoding,
            $"'{name}' is not an encoding Shelf knows; use a name such as utf-8, utf-16, windows-1252, latin1, iso-8859-15, shift_jis, euc-jp, gb18030 or big5");
    }

    // A name, its alias, then for "cp1252" / "windows1252" the code page number, and "iso8859_15" as "iso-8859-15".
    private static IEnumerable<object> Spellings(string name)
    {
        yield return Aliases.GetValueOrDefault(name, name);

        var digits = new string([.. name.Where(char.IsAsciiDigit)]);
        if ((name.StartsWith("cp", StringComparison.OrdinalIgnoreCase) || name.StartsWith("windows", StringComparison.OrdinalIgnoreCase))
            && int.TryParse(digits, System.Globalization.CultureInfo.InvariantCulture, out var codePage) && codePage > 0)
        {
            yield return codePage;
        }

        if (name.StartsWith("iso", StringComparison.OrdinalIgnoreCase) && name.Contains("8859", StringComparison.Ordinal))
        {
            var part = name[(name.IndexOf("8859", StringComparison.Ordinal) + 4)..].TrimStart('-', '_', ' ');
            yield return $"iso-8859-{part}";
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
            var utf16Marked = prefix.StartsWith(Encoding.Unicode.Preamble) ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return new DetectedEncoding(null, "utf-16 (with byte order mark)") { Original = utf16Marked };
        }

        if (named is not null)
        {
            return new DetectedEncoding(named, named.WebName) { Original = named };
        }

        if (LooksLikeUtf16WithoutMark(prefix, out var utf16))
        {
            return new DetectedEncoding(utf16, utf16.WebName + " (no byte order mark)") { Original = utf16 };
        }

        if (prefix.IndexOf((byte)0) >= 0)
        {
            return Error.Invalid(CatalogErrorCodes.Binary, "the file holds NUL bytes, so it is binary (a spreadsheet or an archive?), not a CSV export; export it as CSV first");
        }

        var valid = whole.CanSeek ? IsUtf8(whole) : IsUtf8(prefix, final: false);
        if (valid)
        {
            return new DetectedEncoding(null, "utf-8");
        }

        var scan = whole.CanSeek ? Utf8Scan.Of(whole) : Utf8Scan.Of(prefix);
        if (scan.Valid > 0 && scan.Invalid <= scan.Valid)
        {
            return new DetectedEncoding(Utf8WithStrayBytes.Instance, $"utf-8 ({scan.Invalid} stray bytes read as windows-1252)")
            {
                Warning = new ImportIssue(
                    scan.Lines[0],
                    $"{scan.Invalid} {(scan.Invalid == 1 ? "byte" : "bytes")} on {(scan.Lines.Count == 1 ? "line" : "lines")} {Lines(scan)} {(scan.Invalid == 1 ? "is" : "are")} not valid UTF-8, which the rest of the file is; each was read on its own as Windows-1252"),
            };
        }

        // Text in any encoding has next to no control bytes; random bytes have one in eight.
        var controls = 0;
        foreach (var b in prefix)
        {
            controls += b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C or 0x1A) ? 1 : 0;
        }

        if (controls > prefix.Length / 100)
        {
            return Error.Invalid(CatalogErrorCodes.Binary, "the file holds control bytes no text has, so it is binary (a spreadsheet or an archive?), not a CSV export; export it as CSV first");
        }

        var guessed = LegacyEncodingGuess.Guess(prefix, out var candidates);
        if (guessed is null)
        {
            return Error.Invalid(
                CatalogErrorCodes.EncodingUnsure,
                $"the file is not UTF-8, and which encoding it is cannot be told for sure; name its encoding (it may be {candidates})");
        }

        return guessed.CodePage == 1252
            ? new DetectedEncoding(guessed, "windows-1252 (the file is not valid UTF-8)") { Original = guessed }
            : new DetectedEncoding(guessed, $"{guessed.WebName} (detected; the file is not UTF-8)") { Original = guessed };
    }

    private static string Lines(Utf8Scan scan)
    {
        var listed = string.Join(", ", scan.Lines.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return scan.MoreLines ? listed + " and others" : listed;
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

    private static bool IsUtf8(Stream stream) =>
        StreamChunks.Scan(stream, static (bytes, final) => IsUtf8(bytes, final, out var consumed) ? consumed : -1);

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
