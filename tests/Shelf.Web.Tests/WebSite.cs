using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Shelf.Core.Data;
using Shelf.Testing;

namespace Shelf.Web.Tests;

/// <summary>
/// A real Kestrel on a free loopback port serving a fresh library of its own, with an owner, an
/// editor and a viewer (password <see cref="Password"/>) and an API token for each.
/// </summary>
public sealed class WebSite : IAsyncDisposable
{
    public const string Password = SiteUsers.Password;

    private readonly List<HttpClient> _clients = [];

    private WebSite(WebApplication app, DatabaseTarget target, Uri address, IReadOnlyDictionary<string, string> tokens)
    {
        App = app;
        Target = target;
        Address = address;
        Tokens = tokens;
    }

    public WebApplication App { get; }

    public DatabaseTarget Target { get; }

    public Uri Address { get; }

    /// <summary>The API token of "owner", "editor" and "viewer".</summary>
    public IReadOnlyDictionary<string, string> Tokens { get; }

    public static async Task<WebSite> StartAsync(DatabaseFixture fixture, bool withUsers = true, Action<ShelfWebOptions>? configure = null, DatabaseTarget? target = null)
    {
        target ??= await fixture.NewDatabaseAsync();
        if (!withUsers)
        {
            // Opening the library migrates it, as adding the users would.
            await (await DatabaseFixture.OpenAsync(target)).DisposeAsync();
        }

        var tokens = withUsers ? await SiteUsers.AddAsync(target) : new Dictionary<string, string>(StringComparer.Ordinal);
        return await StartOnAsync(target, tokens, configure);
    }

    /// <summary>A second process's worth of site on the same library (its own services, keys read from the database).</summary>
    public Task<WebSite> StartAnotherAsync() => StartOnAsync(Target, Tokens, null);

    private static async Task<WebSite> StartOnAsync(DatabaseTarget target, IReadOnlyDictionary<string, string> tokens, Action<ShelfWebOptions>? configure)
    {
        var options = new ShelfWebOptions { Urls = "http://127.0.0.1:0" };
        configure?.Invoke(options);
        var app = ShelfWebApp.Create(target, options);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new WebSite(app, target, new Uri(address), tokens);
    }

    /// <summary>A client that follows no redirects and keeps no cookies unless given a container; with a role, it sends that role's token.</summary>
    public HttpClient Client(string? role = null, CookieContainer? cookies = null)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = cookies is not null, CookieContainer = cookies ?? new CookieContainer() };
        var client = new HttpClient(handler) { BaseAddress = Address };
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens[role]);
        }

        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await App.StopAsync();
        await App.DisposeAsync();
    }
}
