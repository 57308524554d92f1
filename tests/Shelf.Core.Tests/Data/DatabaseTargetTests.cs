using Npgsql;
using Shelf.Core.Common;
using Shelf.Core.Data;

namespace Shelf.Core.Tests.Data;

public sealed class DatabaseTargetTests
{
    private const string Password = "s3cret-Pw";

    [Fact]
    public void Resolve_NoOptionWithXdgDataHome_DefaultFileUnderXdgDataHome()
    {
        var target = Resolve(null, ("XDG_DATA_HOME", "/data/xdg"), ("HOME", "/home/ada"));

        Assert.Equal(DatabaseProvider.Sqlite, target.Provider);
        Assert.Equal("/data/xdg/shelf/library.db", target.FilePath);
        Assert.True(target.IsDefaultLocation);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Resolve_NoOptionWithoutXdgDataHome_DefaultFileUnderHomeLocalShare(string? xdgDataHome)
    {
        var target = Resolve(null, ("XDG_DATA_HOME", xdgDataHome), ("HOME", "/home/ada"));

        Assert.Equal("/home/ada/.local/share/shelf/library.db", target.FilePath);
        Assert.True(target.IsDefaultLocation);
    }

    [Theory]
    [InlineData("/srv/books.db")]
    [InlineData("/srv/my books/library.db")]
    [InlineData("/srv/a;b=c/library.db")]
    [InlineData("/srv/it's/library.db")]
    [InlineData("/srv/say \"hi\"/library.db")]
    [InlineData("/srv/both ' and \"/library.db")]
    [InlineData("/srv/tab\there/ trailing /library.db")]
    public void Sqlite_PathWithSpecialCharacters_ConnectionStringReadsBackTheSameFileAndOptions(string path)
    {
        var target = DatabaseTarget.Sqlite(path);

        var read = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(target.ConnectionString);
        Assert.Equal(path, read.DataSource);
        Assert.Equal(Microsoft.Data.Sqlite.SqliteOpenMode.ReadWriteCreate, read.Mode);
        Assert.True(read.ForeignKeys);
        Assert.True(read.Pooling);
        Assert.Equal(30, read.DefaultTimeout);
        Assert.Equal(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(read.ConnectionString).ToString(), read.ToString());
    }

    [Fact]
    public void Resolve_BlankOption_UsesShelfDbVariable()
    {
        var target = Resolve("  ", ("SHELF_DB", "/srv/books.db"), ("HOME", "/home/ada"));

        Assert.Equal("/srv/books.db", target.FilePath);
        Assert.False(target.IsDefaultLocation);
    }

    [Fact]
    public void Resolve_OptionAndShelfDbVariable_OptionWins()
    {
        var target = Resolve("/srv/option.db", ("SHELF_DB", "/srv/variable.db"));

        Assert.Equal("/srv/option.db", target.FilePath);
    }

    [Fact]
    public void Resolve_AbsoluteFilePath_SqliteTargetAtThatPath()
    {
        var target = Resolve("/var/lib/shelf/books.db");

        Assert.Equal(DatabaseProvider.Sqlite, target.Provider);
        Assert.Equal("/var/lib/shelf/books.db", target.Location);
        Assert.Equal(target.Location, target.FilePath);
        Assert.False(target.IsDefaultLocation);
        Assert.Null(target.Server);
        Assert.Null(target.DatabaseName);
    }

    [Fact]
    public void Resolve_RelativeFilePath_MadeAbsolute()
    {
        var target = Resolve("books.db");

        Assert.Equal(Path.GetFullPath("books.db"), target.FilePath);
    }

    [Fact]
    public void Resolve_TildePath_ExpandedToHome()
    {
        var target = Resolve("~/x.db", ("HOME", "/home/ada"));

        Assert.Equal("/home/ada/x.db", target.FilePath);
    }

    [Fact]
    public void Resolve_SqlitePrefix_Stripped()
    {
        var target = Resolve("sqlite:/srv/books.db");

        Assert.Equal(DatabaseProvider.Sqlite, target.Provider);
        Assert.Equal("/srv/books.db", target.FilePath);
    }

    [Fact]
    public void Resolve_SqliteFile_ConnectionStringTurnsOnForeignKeys()
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Resolve("/srv/books.db").ConnectionString);

        Assert.Equal("/srv/books.db", builder.DataSource);
        Assert.True(builder.ForeignKeys);
    }

    [Fact]
    public void Resolve_PostgresUrl_EveryPartReachesTheConnectionString()
    {
        var target = Resolve($"postgres://user:{Password}@host:5433/lib?sslmode=disable");

        Assert.Equal(DatabaseProvider.Postgres, target.Provider);
        Assert.Equal("host:5433", target.Server);
        Assert.Equal("lib", target.DatabaseName);
        Assert.Equal("postgres://user@host:5433/lib", target.Location);
        Assert.Null(target.FilePath);
        var builder = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        Assert.Equal("host", builder.Host);
        Assert.Equal(5433, builder.Port);
        Assert.Equal("user", builder.Username);
        Assert.Equal(Password, builder.Password);
        Assert.Equal("lib", builder.Database);
        Assert.Equal(SslMode.Disable, builder.SslMode);
        Assert.Equal("shelf", builder.ApplicationName);
    }

    [Theory]
    [InlineData("postgres://user@db.example/lib")]
    [InlineData("postgresql://user@db.example/lib")]
    [InlineData("POSTGRES://user@db.example/lib")]
    public void Resolve_PostgresUrlWithoutPort_Port5432(string url)
    {
        var target = Resolve(url);

        Assert.Equal(DatabaseProvider.Postgres, target.Provider);
        Assert.Equal("db.example:5432", target.Server);
        Assert.Equal(5432, new NpgsqlConnectionStringBuilder(target.ConnectionString).Port);
    }

    [Theory]
    [InlineData("postgres://user@db.example/lib", 64)]
    [InlineData("Host=db.example;Database=lib;Username=user", 64)]
    [InlineData("postgres://user@db.example/lib?Max%20Auto%20Prepare=8", 8)]
    [InlineData("Host=db.example;Database=lib;Username=user;Max Auto Prepare=8", 8)]
    public void Resolve_Postgres_PreparesRepeatedStatementsUnlessTheUserSaysOtherwise(string address, int expected)
    {
        var target = Resolve(address);

        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(target.ConnectionString).MaxAutoPrepare);
    }

    [Fact]
    public void Resolve_PostgresUrlWithEscapedCharacters_Unescaped()
    {
        var target = Resolve("postgres://ada%2Bshelf:p%40ss%3Aword@db.example/my%20library");

        var builder = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        Assert.Equal("ada+shelf", builder.Username);
        Assert.Equal("p@ss:word", builder.Password);
        Assert.Equal("my library", builder.Database);
    }

    [Fact]
    public void Resolve_NpgsqlConnectionString_PostgresTarget()
    {
        var target = Resolve($"Host=db.example;Port=6000;Database=lib;Username=ada;Password={Password}");

        Assert.Equal(DatabaseProvider.Postgres, target.Provider);
        Assert.Equal("db.example:6000", target.Server);
        Assert.Equal("lib", target.DatabaseName);
        Assert.Equal("postgres://ada@db.example:6000/lib", target.Location);
        Assert.Equal(Password, new NpgsqlConnectionStringBuilder(target.ConnectionString).Password);
    }

    [Fact]
    public void Resolve_NpgsqlConnectionStringWithoutPortOrUser_Port5432AndCurrentUser()
    {
        var target = Resolve("Host=db.example;Database=lib");

        Assert.Equal("db.example:5432", target.Server);
        Assert.Equal($"postgres://{Environment.UserName}@db.example:5432/lib", target.Location);
    }

    [Fact]
    public void Resolve_ServerKeyword_ReadAsConnectionString()
    {
        var target = Resolve("Server=db.example;Database=lib");

        Assert.Equal(DatabaseProvider.Postgres, target.Provider);
        Assert.Equal("db.example:5432", target.Server);
    }

    [Theory]
    [InlineData("postgres://user:" + Password + "@host:5433/lib?sslmode=disable")]
    [InlineData("postgresql://user:" + Password + "@host/lib")]
    [InlineData("Host=host;Database=lib;Username=user;Password=" + Password)]
    [InlineData("Host=host;Database=lib;Password=" + Password)]
    public void Location_PostgresTargetWithPassword_NeverContainsThePassword(string option)
    {
        var target = Resolve(option);

        Assert.DoesNotContain(Password, target.Location, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, target.Server!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres://user:" + Password + "@host:5433/lib")]
    [InlineData("Host=host;Database=lib;Username=user;Password=" + Password)]
    public void ToString_PostgresTargetWithPassword_DoesNotContainThePassword(string option)
    {
        var target = Resolve(option);

        Assert.DoesNotContain(Password, target.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres://user:" + Password + "@host:5432")]
    [InlineData("postgres://user:" + Password + "@host:5432/")]
    [InlineData("postgres://host")]
    public void Resolve_PostgresUrlWithoutDatabase_InvalidNoDatabase(string url)
    {
        var error = ResolveError(url);

        Assert.Equal((ErrorKind.Invalid, "db.no_database"), (error.Kind, error.Code));
        Assert.DoesNotContain(Password, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ConnectionStringWithoutDatabase_InvalidNoDatabase()
    {
        var error = ResolveError($"Host=db.example;Password={Password}");

        Assert.Equal((ErrorKind.Invalid, "db.no_database"), (error.Kind, error.Code));
        Assert.DoesNotContain(Password, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_PostgresUrlWithoutHost_InvalidBadUrlWithPasswordMasked()
    {
        var error = ResolveError($"postgres://user:{Password}@/lib");

        Assert.Equal((ErrorKind.Invalid, "db.bad_url"), (error.Kind, error.Code));
        Assert.DoesNotContain(Password, error.Message, StringComparison.Ordinal);
        Assert.Contains("postgres://user:***@/lib", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_PostgresUrlWithUnknownOption_InvalidBadUrlNamingIt()
    {
        var error = ResolveError("postgres://user@host/lib?frobnicate=1");

        Assert.Equal((ErrorKind.Invalid, "db.bad_url"), (error.Kind, error.Code));
        Assert.Contains("frobnicate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultPath_XdgDataHomeSet_ShelfFolderInside()
    {
        Assert.Equal("/data/xdg/shelf/library.db", DatabaseTarget.DefaultPath(FakeEnvironment(("XDG_DATA_HOME", "/data/xdg"))));
    }

    [Theory]
    [InlineData("postgres://ada@db.example/library")]
    [InlineData("Host=db.example;Database=library;Username=ada")]
    public void WithHostPool_PostgresWithoutPoolSize_CapsThePool(string option)
    {
        var target = Resolve(option).WithHostPool(6);

        var builder = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        Assert.Equal(6, builder.MaxPoolSize);
        Assert.Equal("db.example", builder.Host);
        Assert.Equal("library", builder.Database);
        Assert.Equal("postgres://ada@db.example:5432/library", target.Location);
        Assert.Equal("db.example:5432", target.Server);
    }

    [Theory]
    [InlineData("Host=db.example;Database=library;Maximum Pool Size=40")]
    [InlineData("Host=db.example;Database=library;maximum pool size=40")]
    [InlineData("postgres://ada@db.example/library?MaxPoolSize=40")]
    public void WithHostPool_PostgresWithItsOwnPoolSize_KeepsIt(string option)
    {
        var target = Resolve(option).WithHostPool(6);

        Assert.Equal(40, new NpgsqlConnectionStringBuilder(target.ConnectionString).MaxPoolSize);
    }

    [Fact]
    public void WithHostPool_MinimumAboveTheCap_LoweredToIt()
    {
        var target = Resolve("Host=db.example;Database=library;Minimum Pool Size=10").WithHostPool(6);

        var builder = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        Assert.Equal(6, builder.MaxPoolSize);
        Assert.Equal(6, builder.MinPoolSize);
    }

    [Fact]
    public void WithHostPool_Sqlite_Unchanged()
    {
        var target = Resolve("/srv/books.db");

        Assert.Same(target, target.WithHostPool(6));
    }

    private static DatabaseTarget Resolve(string? option, params (string Name, string? Value)[] variables)
    {
        var result = DatabaseTarget.Resolve(option, FakeEnvironment(variables));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    private static Error ResolveError(string option)
    {
        var result = DatabaseTarget.Resolve(option, FakeEnvironment());
        Assert.False(result.IsSuccess, $"'{option}' was accepted");
        return result.Error!;
    }

    // A fake environment: the tests never read or change the real one.
    private static Func<string, string?> FakeEnvironment(params (string Name, string? Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Theory]
    [InlineData("mysql://ada@db.example:3307/library")]
    [InlineData("mariadb://ada@db.example:3307/library")]
    [InlineData("mysql:Server=db.example;Port=3307;Database=library;Uid=ada")]
    public void Resolve_MySqlForms_MySqlTargetWithServerAndDatabase(string given)
    {
        var target = Resolve(given, ("HOME", "/nonexistent"));

        Assert.Equal(DatabaseProvider.MySql, target.Provider);
        Assert.Equal("db.example:3307", target.Server);
        Assert.Equal("library", target.DatabaseName);
        Assert.Equal("mysql://ada@db.example:3307/library", target.Location);
    }

    [Fact]
    public void Resolve_MySqlUrlWithPassword_PasswordNeverInLocation()
    {
        var target = Resolve($"mysql://ada:{Password}@db.example/library", ("HOME", "/nonexistent"));

        Assert.Contains(Password, target.ConnectionString, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, target.Location, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, target.ToString(), StringComparison.Ordinal);
        Assert.Equal("db.example:3306", target.Server);
    }

    [Fact]
    public void Resolve_MySqlUrlWithoutPassword_TakesMysqlPwd()
    {
        var target = Resolve("mysql://ada@db.example/library", ("HOME", "/nonexistent"), ("MYSQL_PWD", Password));

        Assert.Contains(Password, target.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_MySqlUrlWithoutDatabase_NoDatabaseError()
    {
        var result = DatabaseTarget.Resolve("mysql://ada@db.example:3306/", _ => null);

        Assert.Equal(DatabaseErrorCodes.NoDatabase, result.Error!.Code);
    }
}
