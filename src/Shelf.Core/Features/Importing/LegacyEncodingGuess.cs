using System.Text;

namespace Shelf.Core.Features.Importing;

/// <summary>
/// What a file that is not UTF-8 is written in. Western and Central European single-byte text
/// (Windows-1252, ISO-8859-2: <see cref="SingleByteGuess"/>) has its non-ASCII bytes alone between
/// ASCII letters ("caf\xE9"); East Asian double-byte text
/// and Cyrillic or Greek single-byte text have them in runs. A file of runs is decoded strictly in
/// each East Asian encoding and each result is scored by how much of it is the kana and most
/// common ideographs real text is made of: a wrong decoding yields rare characters. Only a
/// clear winner is taken; otherwise the file's encoding is asked for, with the candidates named.
/// </summary>
internal static class LegacyEncodingGuess
{
    // Shift_JIS as Windows writes it (CP932, a superset), EUC-JP, GB18030 (a superset of GBK and
    // GB2312), Big5. Not EUC-KR: any GB2312 or EUC-JP text decodes in it as plausible hangul, so it
    // is only ever suggested.
    private static readonly (int CodePage, string Name)[] EastAsian = [(932, "shift_jis"), (51932, "euc-jp"), (54936, "gb18030"), (950, "big5")];

    // The most frequent characters of Chinese text, simplified and traditional.
    private const string CommonIdeographs = "的一是不了在人有我他这个們们中来來上大为為和国國地到以说說时時要就出会會可也你对對生能而子那得于於着著下自之年过過发發后後作里裡用道行所然家种種事成方多经經么麼去法学學如都同现現当當没沒动動面起看定天分还還进進好小部其些主样樣理心她本前开開但因只从從想实實书書文";

    /// <summary>The encoding, or null with the names to suggest (those that decode the sample first).</summary>
    public static Encoding? Guess(ReadOnlySpan<byte> sample, out string? candidates)
    {
        candidates = null;
        if (!MostlyInRuns(sample))
        {
            return SingleByteGuess.Guess(sample, out candidates);
        }

        // Cut at the last line break: a sample cut inside a double-byte character would not decode.
        var end = sample.LastIndexOf((byte)'\n');
        var text = end > 0 ? sample[..end] : sample;
        var scored = new List<(string Name, int CodePage, double Score, double Kana)>();
        foreach (var (codePage, name) in EastAsian)
        {
            try
            {
                var (score, kana) = Score(CodePages.Strict(codePage).GetString(text));
                scored.Add((name, codePage, score, kana));
            }
            catch (DecoderFallbackException)
            {
                // Not this encoding.
            }
        }

        scored.Sort((a, b) => b.Score.CompareTo(a.Score));

        // GB2312 took JIS's kana rows, so EUC-JP text decodes as GB18030 with its kana intact; but
        // Chinese text has next to no kana, so text rich in kana is Japanese.
        var japanese = scored.Where(s => s.CodePage is 932 or 51932 && s.Kana >= 0.1 && s.Score >= 0.15).ToList();
        if (japanese.Count > 0)
        {
            return CodePages.Get(japanese[0].CodePage);
        }

        if (scored.Count > 0 && scored[0].Score >= 0.15 && (scored.Count == 1 || scored[0].Score >= 2 * scored[1].Score))
        {
            return CodePages.Get(scored[0].CodePage);
        }

        // Polish or Czech text puts a few letters side by side too ("łę", "ří"), never the long runs
        // of ideographs: no East Asian encoding, but maybe Central European.
        if (LongestRun(sample) <= 3 && SingleByteGuess.Guess(sample, out _) is { CodePage: not 1252 } central)
        {
            return central;
        }

        var names = scored.Where(s => s.Score > 0).Select(s => s.Name).ToList();
        names.AddRange(["euc-kr", "windows-1251", "koi8-r", "iso-8859-5", "iso-8859-7", "iso-8859-2", "windows-1250"]);
        candidates = string.Join(", ", names.Distinct());
        return null;
    }

    private static int LongestRun(ReadOnlySpan<byte> bytes)
    {
        var (longest, run) = (0, 0);
        foreach (var b in bytes)
        {
            run = b >= 0x80 ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    private static bool MostlyInRuns(ReadOnlySpan<byte> bytes)
    {
        long high = 0, inRuns = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] < 0x80)
            {
                continue;
            }

            high++;
            if ((i > 0 && bytes[i - 1] >= 0x80) || (i + 1 < bytes.Length && bytes[i + 1] >= 0x80))
            {
                inRuns++;
            }
        }

        return high >= 8 && inRuns * 2 > high;
    }

    // Typical characters count for a decoding, and the ones a wrong decoding produces (the
    // kana rows of EUC-JP read as EUC-KR are jamo; other rows give Greek, Cyrillic, box drawing,
    // Roman numerals or private use) count against it.
    private static (double Score, double Kana) Score(string text)
    {
        int nonAscii = 0, typical = 0, kanaCount = 0;
        foreach (var c in text)
        {
            if (c < 0x80)
            {
                continue;
            }

            nonAscii++;
            var kana = c is >= '\u3040' and <= '\u30FF';
            kanaCount += kana ? 1 : 0;
            if (kana || CommonIdeographs.Contains(c, StringComparison.Ordinal))
            {
                typical++;
            }
            else if (c is (>= '\u3130' and <= '\u318F') or (>= '\u0370' and <= '\u04FF') or (>= '\u2500' and <= '\u257F') or (>= '\u2160' and <= '\u217F') or (>= '\uE000' and <= '\uF8FF'))
            {
                typical--;
            }
        }

        return nonAscii == 0 ? (0, 0) : ((double)typical / nonAscii, (double)kanaCount / nonAscii);
    }
}
