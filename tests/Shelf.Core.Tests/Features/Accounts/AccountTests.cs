using Microsoft.EntityFrameworkCore;
using Shelf.Core.Data;
using Shelf.Core.Domain;
using Shelf.Core.Features.Accounts;
using Shelf.Testing;

namespace Shelf.Core.Tests.Features.Accounts;

/// <summary>Users, logins and API tokens on both databases.</summary>
public abstract class AccountTests(DatabaseFixture fixture)
{
    private const string Password = "correct horse";

    [Fact]
    public async Task AddUser_StoresAHashNotThePassword_AndNamesMatchInAnyCase()
    {
        await using var db = await fixture.OpenNewAsync();

        var added = await AddAsync(db, "Ann", "owner");
        var again = await new AddUser(db, TimeProvider.System).ExecuteAsync(new AddUserRequest("ANN", "viewer", Password), default);

        Assert.Equal(("Ann", "owner"), (added.Name, added.Role));
        Assert.Equal(AccountErrorCodes.NameTaken, again.Error!.Code);
        var stored = await db.Users.AsNoTracking().SingleAsync();
        Assert.DoesNotContain(Password, stored.PasswordHash, StringComparison.Ordinal);
        Assert.StartsWith("AQAAAA", stored.PasswordHash, StringComparison.Ordinal); // Identity's V3 format, base64
    }

    [Theory]
    [InlineData("", "owner", Password, AccountErrorCodes.NameInvalid)]
    [InlineData("ann smith", "owner", Password, AccountErrorCodes.NameInvalid)]
    [InlineData("ann<script>", "owner", Password, AccountErrorCodes.NameInvalid)]
    [InlineData("ann", "admin", Password, AccountErrorCodes.RoleInvalid)]
    [InlineData("ann", "2", Password, AccountErrorCodes.RoleInvalid)]
    [InlineData("ann", "owner", "short", AccountErrorCodes.PasswordTooShort)]
    public async Task AddUser_BadInput_IsRefusedAndAddsNothing(string name, string role, string password, string code)
    {
        await using var db = await fixture.OpenNewAsync();

        var result = await new AddUser(db, TimeProvider.System).ExecuteAsync(new AddUserRequest(name, role, password), default);

        Assert.Equal(code, result.Error!.Code);
        Assert.Equal(0, await db.Users.CountAsync());
    }

    [Fact]
    public async Task TheLastOwner_CannotBeRemovedOrDemoted_ButCanOnceThereIsAnother()
    {
        await using var db = await fixture.OpenNewAsync();
        await AddAsync(db, "ann", "owner");

        var removed = await new RemoveUser(db).ExecuteAsync("ann", default);
        var demoted = await new ChangeUserRole(db).ExecuteAsync("ann", "editor", default);
        await AddAsync(db, "bob", "viewer");
        var promoted = await new ChangeUserRole(db).ExecuteAsync("bob", "owner", default);
        var removedNow = await new RemoveUser(db).ExecuteAsync("ann", default);

        Assert.Equal(AccountErrorCodes.LastOwner, removed.Error!.Code);
        Assert.Equal(AccountErrorCodes.LastOwner, demoted.Error!.Code);
        Assert.Equal("owner", promoted.Value!.Role);
        Assert.True(removedNow.IsSuccess);
        db.ChangeTracker.Clear();
        Assert.Equal(["bob"], await db.Users.Select(u => u.Name).ToListAsync());
    }

    [Fact]
    public async Task SignIn_WrongNameAndWrongPassword_GiveTheSameError()
    {
        await using var db = await fixture.OpenNewAsync();
        await AddAsync(db, "ann", "editor");

        var good = await new SignIn(db, TimeProvider.System).ExecuteAsync("ANN", Password, default);
        var wrongPassword = await new SignIn(db, TimeProvider.System).ExecuteAsync("ann", "not the password", default);
        var wrongName = await new SignIn(db, TimeProvider.System).ExecuteAsync("nobody", Password, default);

        Assert.Equal(("ann", UserRole.Editor), (good.Value!.Name, good.Value.Role));
        Assert.Equal(wrongPassword.Error, wrongName.Error);
        Assert.Equal(AccountErrorCodes.LoginFailed, wrongName.Error!.Code);
    }

    [Fact]
    public async Task SignIn_FiveFailures_LockTheAccountEvenForTheRightPassword_UntilTheLockEnds()
    {
        await using var db = await fixture.OpenNewAsync();
        await AddAsync(db, "ann", "viewer");
        var clock = new Clock(DateTimeOffset.UtcNow);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(AccountErrorCodes.LoginFailed, (await new SignIn(db, clock).ExecuteAsync("ann", "guess " + i, default)).Error!.Code);
        }

        var locked = await new SignIn(db, clock).ExecuteAsync("ann", Password, default);
        clock.Now += TimeSpan.FromMinutes(2);
        db.ChangeTracker.Clear();
        var later = await new SignIn(db, clock).ExecuteAsync("ann", Password, default);

        Assert.Equal(AccountErrorCodes.LockedOut, locked.Error!.Code);
        Assert.Contains("try again in 1 minute", locked.Error.Message, StringComparison.Ordinal);
        Assert.True(later.IsSuccess);
        Assert.Equal(0, await db.Users.Select(u => u.FailedLogins).SingleAsync());
    }

    [Fact]
    public async Task ChangePassword_EndsSessions_AndTheNewPasswordWorks()
    {
        await using var db = await fixture.OpenNewAsync();
        await AddAsync(db, "ann", "owner");
        var before = (await new SignIn(db, TimeProvider.System).ExecuteAsync("ann", Password, default)).Value!;

        await new ChangePassword(db).ExecuteAsync("ann", "a new pass phrase", default);

        Assert.Null(await new CheckSession(db).ExecuteAsync(before.Id, before.SecurityStamp, default));
        Assert.Equal(AccountErrorCodes.LoginFailed, (await new SignIn(db, TimeProvider.System).ExecuteAsync("ann", Password, default)).Error!.Code);
        Assert.True((await new SignIn(db, TimeProvider.System).ExecuteAsync("ann", "a new pass phrase", default)).IsSuccess);
    }

    [Fact]
    public async Task Token_ActsForItsUser_IsStoredOnlyAsAHash_AndStopsWhenRevoked()
    {
        await using var db = await fixture.OpenNewAsync();
        await AddAsync(db, "ann", "editor");

        var created = (await new CreateToken(db, TimeProvider.System).ExecuteAsync("ann", "backup script", default)).Value!;
        var acting = await new AuthenticateToken(db).ExecuteAsync(created.Secret, default);
        var listed = (await new ListTokens(db).ExecuteAsync(null, default)).Value!;
        await new RevokeToken(db).ExecuteAsync(created.Token.Id, default);
        var afterRevoke = await new AuthenticateToken(db).ExecuteAsync(created.Secret, default);

        Assert.Matches("^shelf_[A-Za-z0-9_-]{43}$", created.Secret);
        Assert.Equal("ann", acting.Value!.Name);
        Assert.Equal([("ann", "backup script", created.Secret[..12])], listed.Select(t => (t.User, t.Label, t.Prefix)));
        Assert.DoesNotContain(created.Secret, await db.RowsAsync("SELECT hash || prefix FROM api_tokens"));
        Assert.Equal(AccountErrorCodes.TokenInvalid, afterRevoke.Error!.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("shelf_")]
    [InlineData("shelf_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("Bearer shelf_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("' OR 1=1 --")]
    public async Task AuthenticateToken_AnythingButALiveSecret_IsRefused(string? secret)
    {
        await using var db = await fixture.OpenNewAsync();

        var result = await new AuthenticateToken(db).ExecuteAsync(secret, default);

        Assert.Equal(AccountErrorCodes.TokenInvalid, result.Error!.Code);
    }

    [Fact]
    public async Task RemoveUser_TakesTheirTokensWithThem()
    {
        await using var db = await fixture.OpenNewAsync();
        await AddAsync(db, "ann", "owner");
        await AddAsync(db, "bob", "editor");
        var token = (await new CreateToken(db, TimeProvider.System).ExecuteAsync("bob", null, default)).Value!;

        await new RemoveUser(db).ExecuteAsync("bob", default);

        Assert.Equal(0, await db.ApiTokens.CountAsync());
        Assert.False((await new AuthenticateToken(db).ExecuteAsync(token.Secret, default)).IsSuccess);
    }

    private static async Task<UserView> AddAsync(ShelfDbContext db, string name, string role)
    {
        var result = await new AddUser(db, TimeProvider.System).ExecuteAsync(new AddUserRequest(name, role, Password), default);
        return result.Value ?? throw new InvalidOperationException(result.Error!.Message);
    }

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    public sealed class Sqlite(SqliteDatabaseFixture db) : AccountTests(db), IClassFixture<SqliteDatabaseFixture>;

    public sealed class Postgres(PostgresDatabaseFixture db) : AccountTests(db), IClassFixture<PostgresDatabaseFixture>;

    public sealed class MySql(MySqlDatabaseFixture db) : AccountTests(db), IClassFixture<MySqlDatabaseFixture>;
}
