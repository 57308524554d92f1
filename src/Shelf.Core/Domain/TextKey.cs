using System.Globalization;
using System.Text;

namespace Shelf.Core.Domain;

/// <summary>
/// Folds text to the form used for matching: lower case, accents removed, punctuation turned
/// into single spaces. Matching on this key (not on SQL collations) is what makes search and
/// de-duplication give the same answers on SQLite and PostgreSQL.
/// </summary>
public static class TextKey
{
    /// <summary>Returns the matching key of <paramref name="text"/>; empty when it holds no letters or digits.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        if (Ascii.IsValid(text))
        {
            return NormalizeAscii(text);
        }

        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        var baseIsLatinOrGreek = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                // Accents are folded where readers treat them as optional (é = e, ά = α); elsewhere a
                // mark makes another letter (Cyrillic й is not и, Japanese が is not か), so it stays.
                if (!baseIsLatinOrGreek && builder.Length > 0 && !pendingSpace)
                {
                    builder.Append(c);
                }

                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                baseIsLatinOrGreek = c < '\u0400';
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '\u2019')
            {
                // "O'Brien" and "Obrien" stay apart, but an apostrophe never splits a word.
                continue;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return FoldSpecialLetters(builder.ToString().Normalize(NormalizationForm.FormC));
    }

    // The same rules for plain ASCII, which has no accents or special letters to fold: most titles
    // and names, and an import normalizes millions of them.
    private static string NormalizeAscii(string text)
    {
        Span<char> buffer = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingSpace && length > 0)
                {
                    buffer[length++] = ' ';
                }

                pendingSpace = false;
                buffer[length++] = char.ToLowerInvariant(c);
            }
            else if (c != '\'')
            {
                pendingSpace = true;
            }
        }

        return new string(buffer[..length]);
    }

    // Letters that Unicode does not decompose into base + accent but readers treat as plain.
    private static string FoldSpecialLetters(string key) =>
        key.Replace("ß", "ss", StringComparison.Ordinal).Replace("ø", "o", StringComparison.Ordinal).Replace("æ", "ae", StringComparison.Ordinal)
            .Replace("œ", "oe", StringComparison.Ordinal).Replace('ł', 'l').Replace('đ', 'd').Replace('ð', 'd').Replace("þ", "th", StringComparison.Ordinal);
}
