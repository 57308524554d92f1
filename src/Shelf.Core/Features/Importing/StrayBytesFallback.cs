using System.Text;

namespace Shelf.Core.Features.Importing;

/// <summary>
/// For a file that is UTF-8 except for a few stray bytes (a row pasted from a Windows program):
/// each byte that is not part of valid UTF-8 is read on its own as Windows-1252, so
/// "Schönberger" written in UTF-8 stays "Schönberger" and a stray 0xF6 beside it is "ö" too, where
/// reading the whole file as Windows-1252 would turn every UTF-8 letter into two ("SchÃ¶nberger").
/// </summary>
internal sealed class StrayBytesFallback : DecoderFallback
{
    private static readonly Encoding Windows1252 = CodePages.Get(1252);

    // Each invalid sequence is at most 4 bytes, each one char in Windows-1252.

    public override int MaxCharCount => 4;

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

    private sealed class Buffer : DecoderFallbackBuffer
    {
        private string _chars = string.Empty;
        private int _next;

        public override int Remaining => _chars.Length - _next;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            _chars = Windows1252.GetString(bytesUnknown);
            _next = 0;
            return _chars.Length > 0;
        }

        public override char GetNextChar() => _next < _chars.Length ? _chars[_next++] : '\0';

        public override bool MovePrevious()
        {
            if (_next == 0)
            {
                return false;
            }

            _next--;
            return true;
        }

        public override void Reset()
        {
            _chars = string.Empty;
            _next = 0;
        }
    }
}
