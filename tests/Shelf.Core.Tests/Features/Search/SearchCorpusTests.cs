using System.Globalization;
using Shelf.Core.Data;
using Shelf.Core.Features.Books;
using Shelf.Core.Features.Search;
using Shelf.Core.Tests.Features.Books;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Search;

/// <summary>
/// One library written the same way into SQLite, PostgreSQL and MariaDB, then a corpus of queries
/// run on all three: each database's own index must return the same books for every query.
/// </summary>
public sealed class SearchCorpusTests(SqliteDatabaseFixture sqlite, PostgresDatabaseFixture postgres, MySqlDatabaseFixture mysql)
    : IClassFixture<SqliteDatabaseFixture>, IClassFixture<PostgresDatabaseFixture>, IClassFixture<MySqlDatabaseFixture>
{
    private static readonly string[] Words = ["river", "glass", "Hôtel", "winter", "Ærø", "silent", "garden", "Straße", "memory", "fire", "orchard", "Île", "O'Brien", "año"];
    // Subtitles, series and publishers are folded by each database, which agree on accents but not
    // on letters Unicode does not decompose (æ, ø, ß): those stay in titles and names (TextKey).
    private static readonly string[] PlainWords = ["river", "glass", "Hôtel", "winter", "silent", "garden", "memory", "fire", "Île", "O'Brien", "año"];

    private static readonly string[] People = ["Kate Quinn", "Gabriel García Márquez", "Ursula K. Le Guin", "J.R.R. Tolkien", "Zoë Brontë", "Haruki Murakami", "Chimamanda Ngozi Adichie"];

    private static readonly string[] Queries =
    [
        "river", "riv", "RIVER glass", "hotel", "hôtel", "aero", "strasse", "straße", "ile", "obrien", "o'brien", "ano", "año",
        "\"river glass\"", "\"glass river\"", "title:winter", "author:quinn", "author:\"le guin\"", "author:garcia -title:fire",
        "series:saga", "series:\"the saga\"", "publisher:penguin", "publisher:\"hôtel\"", "winter OR fire", "winter OR author:tolkien",
        "-river", "-river -glass", "glass -author:quinn", "year:1990..2000", "year:>=2010 river", "year:<1950", "rating:5", "rating:>=3 -status:read",
        "pages:100..300", "status:read", "shelf:favourites", "shelf:favourites river", "language:eng", "zoe bronte", "tolk", "j r r",
        "murakami OR adichie OR brontë", "\"memory\"", "memor", "gard orch", "isbn:9780000000002", "-year:1990..2000 fire",
    ];

    [Fact]
    public async Task Corpus_SameQueries_SameBooksOnEveryDatabase()
    {
        await using var lite = await sqlite.OpenNewAsync();
        await using var pg = await postgres.OpenNewAsync();
        await using var maria = await mysql.OpenNewAsync();
        await SeedAsync(lite);
        await SeedAsync(pg);
        await SeedAsync(maria);

        var nonEmpty = 0;
        foreach (var query in Queries)
        {
            var onSqlite = await IdsAsync(lite, query);
            var onPostgres = await IdsAsync(pg, query);
            Assert.True(onSqlite.SequenceEqual(onPostgres), $"'{query}': SQLite [{string.Join(",", onSqlite)}], PostgreSQL [{string.Join(",", onPostgres)}]");
            var onMySql = await IdsAsync(maria, query);
            Assert.True(onSqlite.SequenceEqual(onMySql), $"'{query}': SQLite [{string.Join(",", onSqlite)}], MariaDB [{string.Join(",", onMySql)}]");
            nonEmpty += onSqlite.Count > 0 ? 1 : 0;

            // Ranked, too: Shelf scores the candidates itself, so with every match a candidate (fewer
            // than the search scores) both databases give the same order.
            var rankedSqlite = await IdsAsync(lite, query, ranked: true);
            var rankedPostgres = await IdsAsync(pg, query, ranked: true);
            Assert.True(rankedSqlite.SequenceEqual(rankedPostgres), $"'{query}' ranked: SQLite [{string.Join(",", rankedSqlite)}], PostgreSQL [{string.Join(",", rankedPostgres)}]");
            var rankedMySql = await IdsAsync(maria, query, ranked: true);
            Assert.True(rankedSqlite.SequenceEqual(rankedMySql), $"'{query}' ranked: SQLite [{string.Join(",", rankedSqlite)}], MariaDB [{string.Join(",", rankedMySql)}]");
        }

        // Guard against comparing nothing with nothing.
        Assert.True(nonEmpty > Queries.Length * 3 / 4, $"only {nonEmpty} of {Queries.Length} queries found books");
    }

    private static async Task<List<int>> IdsAsync(ShelfDbContext db, string query, bool ranked = false)
    {
        var found = await new SearchBooks(db).ExecuteAsync(new SearchBooksRequest(query) { Limit = ranked ? 20 : 1000, Sort = ranked ? null : BookSort.Id }, default);
        Assert.True(found.IsSuccess, $"'{query}': {found.Error?.Message}");
        return [.. found.Value.Select(b => b.Id)];
    }

    private static async Task SeedAsync(ShelfDbContext db)
    {
        var random = new Random(9);
        for (var i = 1; i <= 150; i++)
        {
            var title = string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => Words[random.Next(Words.Length)])) + $" {i}";
            var authors = Enumerable.Range(0, random.Next(1, 3)).Select(_ => People[random.Next(People.Length)]).Distinct().Select(p => new AuthorCredit(p)).ToList();
            var request = new AddBookRequest(title, authors)
            {
                Year = (1900 + random.Next(125)).ToString(CultureInfo.InvariantCulture),
                Pages = (50 + random.Next(500)).ToString(CultureInfo.InvariantCulture),
                Publisher = random.Next(3) switch { 0 => "Penguin Books", 1 => "Hôtel Press", _ => null },
                Subtitle = random.Next(4) == 0 ? "A " + PlainWords[random.Next(PlainWords.Length)] + " Story" : null,
                Isbn = i == 1 ? "9780000000002" : null,
                AllowDuplicate = true,
            };
            var added = await BookTestData.AddAsync(db, request);

            // Fields the add has no input for, written as another program would: the triggers index them.
            await db.ExecuteAsync(
                "UPDATE books SET series = @series, rating = @rating, status = @status, language = @language, original_publication_year = @original WHERE id = @id",
                ("series", random.Next(3) == 0 ? "The Saga of " + PlainWords[random.Next(PlainWords.Length)] : null),
                ("rating", random.Next(6) is var r && r > 0 ? r : null),
                ("status", random.Next(3) == 0 ? "read" : null),
                ("language", random.Next(2) == 0 ? "eng" : "spa"),
                ("original", random.Next(4) == 0 ? 1800 + random.Next(100) : null),
                ("id", added.Id));
        }

        await db.ExecuteAsync("INSERT INTO tags (name, name_key) VALUES ('Favourites', 'favourites')");
        await db.ExecuteAsync("INSERT INTO book_tags (book_id, tag_id) SELECT b.id, t.id FROM books b, tags t WHERE b.id % 7 = 0");
    }
}
