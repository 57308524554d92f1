using System.Text;

namespace Shelf.Core.Features.Importing;

/// <summary>
/// UTF-8 whose invalid bytes are read as Windows-1252 (<see cref="StrayBytesFallback"/>). A type
/// of its own, not a <see cref="UTF8Encoding"/> with a fallback: the CSV reader parses anything
/// that says it is UTF-8 on its own fast path, which replaces invalid bytes with U+FFFD; an
/// encoding it does not know it decodes through <see cref="GetDecoder"/>, which keeps the fallback.
/// </summary>
internal sealed class Utf8WithStrayBytes : Encoding
{
    private static readonly Encoding Inner = GetEncoding(65001, EncoderFallback.ReplacementFallback, new StrayBytesFallback());

    public static Utf8WithStrayBytes Instance { get; } = new();

    private Utf8WithStrayBytes()
        : base(0)
    {
    }

    public override string WebName => "utf-8";

    public override string EncodingName => "UTF-8 with stray Windows-1252 bytes";

    public override byte[] GetPreamble() => [];

    public override ReadOnlySpan<byte> Preamble => [];

    public override int GetByteCount(char[] chars, int index, int count) => Inner.GetByteCount(chars, index, count);

    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) => Inner.GetBytes(chars, charIndex, charCount, bytes, byteIndex);

    public override int GetCharCount(byte[] bytes, int index, int count) => Inner.GetCharCount(bytes, index, count);

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) => Inner.GetChars(bytes, byteIndex, byteCount, chars, charIndex);

    public override int GetMaxByteCount(int charCount) => Inner.GetMaxByteCount(charCount);

    public override int GetMaxCharCount(int byteCount) => Inner.GetMaxCharCount(byteCount) * 2;

    public override Decoder GetDecoder() => Inner.GetDecoder();

    public override Encoder GetEncoder() => Inner.GetEncoder();
}
