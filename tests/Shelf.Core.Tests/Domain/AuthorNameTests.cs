using Shelf.Core.Domain;

namespace Shelf.Core.Tests.Domain;

public sealed class AuthorNameTests
{
    [Theory]
    [InlineData("Kate Quinn")]
    [InlineData("kate  quinn")]
    [InlineData("Quinn, Kate")]
    [InlineData("  Quinn ,  Kate ")]
    [InlineData("KATE QUINN")]
    public void TryParse_SpellingsOfOnePerson_ShareOneKey(string text)
    {
        Assert.True(AuthorName.TryParse(text, out var name, out var error), error);
        Assert.Equal("kate quinn", name.Key);
    }

    [Theory]
    [InlineData("Kate Quinn")]
    [InlineData("Quinn, Kate")]
    [InlineData("Kate   Quinn")]
    public void TryParse_EitherOrder_GivesDisplayAndSortForms(string text)
    {
        var name = AuthorName.Parse(text);

        Assert.Equal("Kate Quinn", name.Display);
        Assert.Equal("Quinn, Kate", name.Sort);
        Assert.Equal("Kate", name.First);
        Assert.Equal("Quinn", name.Last);
    }

    [Fact]
    public void TryParse_Initials_DotsAndSpacesDoNotMatter()
    {
        var joined = AuthorName.Parse("J.R.R. Tolkien");
        var spaced = AuthorName.Parse("J. R. R. Tolkien");
        var sorted = AuthorName.Parse("Tolkien, J. R. R.");

        Assert.Equal("j r r tolkien", joined.Key);
        Assert.Equal(joined.Key, spaced.Key);
        Assert.Equal(joined.Key, sorted.Key);
    }

    [Fact]
    public void TryParse_Accents_FoldedInKeyKeptInDisplay()
    {
        var accented = AuthorName.Parse("Gabriel García Márquez");
        var plain = AuthorName.Parse("Gabriel Garcia Marquez");

        Assert.Equal(plain.Key, accented.Key);
        Assert.Equal("Gabriel García Márquez", accented.Display);
    }

    [Theory]
    [InlineData("John Smith", "Jon Smith")]
    [InlineData("Kate Quinn", "Kate Quinne")]
    [InlineData("Anne Brontë", "Emily Brontë")]
    [InlineData("O'Brien Flann", "O Brien Flann")]
    [InlineData("Alexandre Dumas", "Alexandre Dumas, Jr.")]
    public void TryParse_DifferentPeople_GetDifferentKeys(string one, string other)
    {
        Assert.NotEqual(AuthorName.Parse(one).Key, AuthorName.Parse(other).Key);
    }

    [Fact]
    public void TryParse_OneWordName_IsTheLastNameAlone()
    {
        var name = AuthorName.Parse("Homer");

        Assert.Equal("Homer", name.Display);
        Assert.Equal("Homer", name.Sort);
        Assert.Null(name.First);
        Assert.Equal("Homer", name.Last);
        Assert.Equal("homer", name.Key);
    }

    [Fact]
    public void TryParse_SuffixAfterComma_KeptAsSuffixNotTakenAsFirstName()
    {
        var name = AuthorName.Parse("Martin Luther King, Jr.");

        Assert.Equal("Martin Luther King, Jr.", name.Display);
        Assert.Equal("King Jr., Martin Luther", name.Sort);
        Assert.Equal("Martin Luther", name.First);
        Assert.Equal("King", name.Last);
    }

    [Fact]
    public void TryParse_SortFormWithSuffix_SameNameAsDisplayForm()
    {
        var display = AuthorName.Parse("Martin Luther King, Jr.");
        var sort = AuthorName.Parse("King, Martin Luther, Jr.");

        Assert.Equal(display, sort);
    }

    [Theory]
    [InlineData("Malcolm Jones III", "Malcolm Jones III", "Jones III, Malcolm")]
    [InlineData("Bill Martin Jr.", "Bill Martin Jr.", "Martin Jr., Bill")]
    [InlineData("Bill Martin, Jr.", "Bill Martin, Jr.", "Martin Jr., Bill")]
    [InlineData("Vonnegut Jr., Kurt", "Kurt Vonnegut Jr.", "Vonnegut Jr., Kurt")]
    [InlineData("Jane Q. Smith MD", "Jane Q. Smith MD", "Smith MD, Jane Q.")]
    [InlineData("Jane Smith, PhD", "Jane Smith, PhD", "Smith PhD, Jane")]
    public void TryParse_Suffix_KeptWhereTheSourcePutIt_AndFiledAfterTheSurname(string written, string display, string sort)
    {
        var name = AuthorName.Parse(written);

        Assert.Equal((display, sort), (name.Display, name.Sort));
        Assert.Equal(AuthorName.Parse(display).Key, name.Key);
    }

    [Fact]
    public void TryParse_SuffixWithoutComma_KeptAsSuffix()
    {
        var name = AuthorName.Parse("Martin Luther King Jr.");

        Assert.Equal("Martin Luther King Jr.", name.Display);
        Assert.Equal("King Jr., Martin Luther", name.Sort);
        Assert.Equal("King", name.Last);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("...")]
    [InlineData(", ,")]
    [InlineData("- / -")]
    public void TryParse_BlankOrPunctuationOnly_Rejected(string? text)
    {
        Assert.False(AuthorName.TryParse(text, out _, out var error));
        Assert.Equal("an author name needs at least one letter", error);
    }

    [Fact]
    public void TryParse_LongerThanMaxLength_RejectedNamingTheLength()
    {
        var text = new string('a', AuthorName.MaxLength + 1);

        Assert.False(AuthorName.TryParse(text, out _, out var error));
        Assert.Contains($"at most {AuthorName.MaxLength}", error, StringComparison.Ordinal);
        Assert.Contains($"has {AuthorName.MaxLength + 1}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_ExactlyMaxLength_Accepted()
    {
        var text = "Kate " + new string('q', AuthorName.MaxLength - 5);

        Assert.True(AuthorName.TryParse(text, out var name, out var error), error);
        Assert.Equal(text, name.Display);
    }

    [Fact]
    public void TryParse_NameWhoseKeyOutgrowsTheColumn_RejectedNamingTheLength()
    {
        // "ß" folds to "ss": 300 of them are a 600-character key, too long for authors.name_key.
        Assert.False(AuthorName.TryParse(new string('ß', AuthorName.MaxLength), out _, out var error));
        Assert.Contains($"at most {AuthorName.MaxKeyLength}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_AcceptedName_KeyFitsTheNameKeyColumn()
    {
        var name = AuthorName.Parse(new string('ß', AuthorName.MaxKeyLength / 2));

        Assert.InRange(name.Key.Length, 1, AuthorName.MaxKeyLength);
    }

    [Fact]
    public void TryParse_RunsOfSpaces_CountedAfterCollapsing()
    {
        // Padding is not part of the name: 300 letters spread out by extra spaces still fit.
        var text = "Kate" + new string(' ', 50) + new string('q', AuthorName.MaxLength - 5);

        Assert.True(AuthorName.TryParse(text, out _, out var error), error);
    }

    [Fact]
    public void Parse_Blank_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => AuthorName.Parse("  "));
    }

    [Fact]
    public void TryFromParts_FirstAndLast_SameAsParsingTheFullName()
    {
        Assert.True(AuthorName.TryFromParts("Kate", "Quinn", out var name, out var error), error);

        Assert.Equal(AuthorName.Parse("Kate Quinn"), name);
    }

    [Fact]
    public void TryFromParts_MultiWordLastName_KeepsTheWholeFamilyName()
    {
        Assert.True(AuthorName.TryFromParts("Gabriel", "García Márquez", out var name, out var error), error);

        Assert.Equal("García Márquez", name.Last);
        Assert.Equal("Gabriel", name.First);
        Assert.Equal("Gabriel García Márquez", name.Display);
        Assert.Equal("García Márquez, Gabriel", name.Sort);
        Assert.Equal(AuthorName.Parse("Gabriel García Márquez").Key, name.Key);
    }

    [Theory]
    [InlineData(null, "Homer")]
    [InlineData("", "Homer")]
    [InlineData("Homer", null)]
    [InlineData("  ", " Homer ")]
    public void TryFromParts_OnlyOnePart_UsesThatPart(string? first, string? last)
    {
        Assert.True(AuthorName.TryFromParts(first, last, out var name, out var error), error);

        Assert.Equal("Homer", name.Display);
        Assert.Equal("homer", name.Key);
    }

    [Fact]
    public void TryFromParts_BothBlank_Rejected()
    {
        Assert.False(AuthorName.TryFromParts(" ", null, out _, out var error));
        Assert.Equal("an author name needs at least one letter", error);
    }

    [Fact]
    public void AuthorFrom_ParsedName_CopiesEveryForm()
    {
        var author = Author.From(AuthorName.Parse("Quinn, Kate"));

        Assert.Equal("Kate Quinn", author.Name);
        Assert.Equal("Quinn, Kate", author.SortName);
        Assert.Equal("Kate", author.FirstName);
        Assert.Equal("Quinn", author.LastName);
        Assert.Equal("kate quinn", author.NameKey);
    }
}
