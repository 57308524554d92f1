using System.Text;

namespace Shelf.Core.Features.Importing;

/// <summary>
/// Which single-byte code page a file of lone non-ASCII bytes is in: Western (Windows-1252) or
/// Central European (ISO-8859-2, Windows-1250), which put Polish, Czech and Hungarian letters
/// where Windows-1252 has symbols ("Wa³êsa" for "Wałęsa"). A byte inside a word must decode to a
/// letter; the code page in which every such byte does is the file's. When Windows-1252 fails
/// that test and the two Central European ones cannot be told apart, the file's encoding is asked for.
/// </summary>
internal static class SingleByteGuess
{
    private const int Western = 1252;
    private const int Latin2 = 28592;
    private const int CentralEuropean = 1250;

    /// <summary>The encoding, or null when it cannot be told (then <paramref name="candidates"/> names them).</summary>
    public static Encoding? Guess(ReadOnlySpan<byte> sample, out string? candidates)
    {
        candidates = null;
        var inWords = InWords(sample);
        if (inWords.Count == 0)
        {
            return CodePages.Get(Western);
        }

        var western = Letters(inWords, Western);
        if (western == inWords.Count)
        {
            return CodePages.Get(Western);
        }

        var (latin2, central) = (Letters(inWords, Latin2), Letters(inWords, CentralEuropean));
        if (Math.Max(latin2, central) <= western)
        {
            // Not better read as Central European: a Western file with a symbol between letters.
            return CodePages.Get(Western);
        }

        if (latin2 == inWords.Count && central < latin2)
        {
            return CodePages.Get(Latin2);
        }

        if (central == inWords.Count && latin2 < central)
        {
            return CodePages.Get(CentralEuropean);
        }

        candidates = "iso-8859-2, windows-1250, windows-1252";
        return null;
    }

    // Each non-ASCII byte with a letter or another non-ASCII byte on both sides, with its neighbours.
    private static List<byte> InWords(ReadOnlySpan<byte> sample)
    {
        var found = new List<byte>();
        for (var i = 1; i + 1 < sample.Length; i++)
        {
            if (sample[i] >= 0x80 && IsWordByte(sample[i - 1]) && IsWordByte(sample[i + 1]))
            {
                found.Add(sample[i]);
            }
        }

        return found;
    }

    private static bool IsWordByte(byte b) => b >= 0x80 || char.IsAsciiLetter((char)b);

    // An apostrophe inside a word ("don’t") is text, not a sign of another code page.
    private static int Letters(List<byte> bytes, int codePage)
    {
        var encoding = CodePages.Get(codePage);
        Span<byte> one = stackalloc byte[1];
        Span<char> decoded = stackalloc char[2];
        var letters = 0;
        foreach (var b in bytes)
        {
            one[0] = b;
            var n = encoding.GetChars(one, decoded);
            letters += n == 1 && (char.IsLetter(decoded[0]) || decoded[0] == '\u2019') ? 1 : 0;
        }

        return letters;
    }
}
