using Shelf.Core.Domain;

namespace Shelf.Core.Tests.Domain;

public sealed class TextKeyTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Normalize_NullOrWhitespace_ReturnsEmpty(string? text)
    {
        Assert.Equal(string.Empty, TextKey.Normalize(text));
    }

    [Theory]
    [InlineData("...")]
    [InlineData("-- / --")]
    [InlineData("!?")]
    public void Normalize_PunctuationOnly_ReturnsEmpty(string text)
    {
        Assert.Equal(string.Empty, TextKey.Normalize(text));
    }

    [Fact]
    public void Normalize_MixedCase_LowerCased()
    {
        Assert.Equal("the hobbit", TextKey.Normalize("The HOBBIT"));
    }

    [Theory]
    [InlineData("Les Misérables", "les miserables")]
    [InlineData("Gabriel García Márquez", "gabriel garcia marquez")]
    [InlineData("Brontë", "bronte")]
    [InlineData("Çalıkuşu", "calıkusu")]
    public void Normalize_Accents_Removed(string text, string expected)
    {
        Assert.Equal(expected, TextKey.Normalize(text));
    }

    [Theory]
    [InlineData("Harry Potter: the Philosopher's Stone", "harry potter the philosophers stone")]
    [InlineData("  Dune   (Book 1)  ", "dune book 1")]
    [InlineData("Sci-Fi", "sci fi")]
    [InlineData("sci fi", "sci fi")]
    [InlineData("J.R.R. Tolkien", "j r r tolkien")]
    [InlineData("Catch—22", "catch 22")]
    public void Normalize_PunctuationAndSpaces_BecomeSingleSpaces(string text, string expected)
    {
        Assert.Equal(expected, TextKey.Normalize(text));
    }

    [Theory]
    [InlineData("O'Brien", "obrien")]
    [InlineData("O\u2019Brien", "obrien")]
    [InlineData("Ender's Game", "enders game")]
    public void Normalize_Apostrophe_DroppedWithoutSplittingTheWord(string text, string expected)
    {
        Assert.Equal(expected, TextKey.Normalize(text));
    }

    [Theory]
    [InlineData("Straße", "strasse")]
    [InlineData("Søren Kierkegaard", "soren kierkegaard")]
    [InlineData("Æsop", "aesop")]
    [InlineData("Œuvres", "oeuvres")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Đorđe", "dorde")]
    [InlineData("Þór", "thor")]
    public void Normalize_LettersWithoutDecomposition_FoldedToPlainLetters(string text, string expected)
    {
        Assert.Equal(expected, TextKey.Normalize(text));
    }

    [Theory]
    [InlineData("\uFB01ction", "fiction")]
    [InlineData("\uFF21\uFF22\uFF23", "abc")]
    [InlineData("Chapter \u2163", "chapter iv")]
    public void Normalize_CompatibilityForms_Folded(string text, string expected)
    {
        Assert.Equal(expected, TextKey.Normalize(text));
    }

    [Theory]
    [InlineData("Преступление и наказание", "преступление и наказание")]
    [InlineData("ノルウェイの森", "ノルウェイの森")]
    public void Normalize_NonLatinScripts_Kept(string text, string expected)
    {
        Assert.Equal(expected, TextKey.Normalize(text));
    }

    [Fact]
    public void Normalize_Digits_Kept()
    {
        Assert.Equal("1984", TextKey.Normalize("1984"));
    }

    [Theory]
    [InlineData("The Hobbit")]
    [InlineData("Les Misérables")]
    [InlineData("O'Brien, Flann")]
    public void Normalize_AKey_IsItsOwnKey(string text)
    {
        var key = TextKey.Normalize(text);

        Assert.Equal(key, TextKey.Normalize(key));
    }

    [Fact]
    public void SetTitle_Book_SetsTitleKeyFromTitle()
    {
        var book = new Book();

        book.SetTitle("Les Misérables");

        Assert.Equal("Les Misérables", book.Title);
        Assert.Equal("les miserables", book.TitleKey);
    }

    [Theory]
    [InlineData("Война", "Воина")]
    [InlineData("が", "か")]
    public void Normalize_MarksThatMakeAnotherLetterOutsideLatinAndGreek_AreKept(string text, string other)
    {
        Assert.NotEqual(TextKey.Normalize(other), TextKey.Normalize(text));
    }

    [Fact]
    public void Normalize_GreekTonos_Folded()
    {
        Assert.Equal(TextKey.Normalize("Οδύσσεια"), TextKey.Normalize("ΟΔΥΣΣΕΙΑ"));
    }
}
