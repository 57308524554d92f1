using System.Text;

namespace Shelf.Core.Features.Importing;

/// <summary>The code-page encodings .NET keeps outside the core (Windows-125x, ISO-8859-x, Shift_JIS, GB18030...), registered once.</summary>
internal static class CodePages
{
    static CodePages() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Get(int codePage) => Encoding.GetEncoding(codePage);

    public static Encoding Get(string name) => Encoding.GetEncoding(name);

    /// <summary>An encoding that throws on bytes it cannot decode, to test whether a file is in it.</summary>
    public static Encoding Strict(int codePage) => Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
}
